#!/usr/bin/env bash
# Exposes the API the personal tab "Mijn regiekaarten" signs in to (Teams tab SSO), on the bot's own app registration:
# identifier URI api://BOT_DOMAIN/BOT_ID (the manifest's webApplicationInfo.resource), the delegated scope
# access_as_user, and the Teams and Microsoft 365 clients pre-authorized for it, so users are never asked to consent.
# Idempotent: an existing access_as_user scope keeps its id. Needs the Azure CLI, signed in (az login) as an owner
# of the app registration.
#
#   BOT_ID=<app id> BOT_DOMAIN=<the Web App's host name, output BOT_DOMAIN> scripts/expose-tab-api.sh
set -euo pipefail

: "${BOT_ID:?set BOT_ID to the app registration (client) id of the bot}"
: "${BOT_DOMAIN:?set BOT_DOMAIN to the host name the tab is served on (the deployment output BOT_DOMAIN)}"
SCOPE="access_as_user"

# Teams desktop and mobile, Teams web, Microsoft 365 web and desktop, Microsoft 365 mobile and Outlook desktop,
# Outlook web, Outlook mobile: the clients that ask Entra ID for a tab's SSO token.
CLIENTS=(
  1fec8e78-bce4-4aaf-ab1b-5451cc387264
  5e3ce6c0-2b1f-4285-8d4b-75ee78787346
  4765445b-32c6-49b0-83e6-1d93765276ca
  0ec893e0-5785-4de6-99da-4ed124e5296c
  d3590ed6-52b3-4102-aeff-aad2292ab01c
  bc59ab01-8403-45c6-8796-ac3ef710b3e3
  27922004-5251-4030-b22d-91ecd9a37ea4
)

object_id="$(az ad app show --id "$BOT_ID" --query id -o tsv)"
scope_id="$(az ad app show --id "$BOT_ID" --query "api.oauth2PermissionScopes[?value=='$SCOPE'].id | [0]" -o tsv)"
[ -n "$scope_id" ] || scope_id="$(cat /proc/sys/kernel/random/uuid)"

preauthorized="$(printf '{"appId":"%s","delegatedPermissionIds":["'"$scope_id"'"]},' "${CLIENTS[@]}")"
body="$(cat <<JSON
{
  "identifierUris": ["api://$BOT_DOMAIN/$BOT_ID"],
  "api": {
    "requestedAccessTokenVersion": 2,
    "oauth2PermissionScopes": [{
      "id": "$scope_id",
      "value": "$SCOPE",
      "type": "User",
      "isEnabled": true,
      "adminConsentDisplayName": "Mijn regiekaarten openen",
      "adminConsentDescription": "Laat Teams de gebruiker aanmelden bij het tabblad Mijn regiekaarten van RegieBot.",
      "userConsentDisplayName": "Mijn regiekaarten openen",
      "userConsentDescription": "Laat Teams je aanmelden bij het tabblad Mijn regiekaarten van RegieBot."
    }],
    "preAuthorizedApplications": [${preauthorized%,}]
  }
}
JSON
)"

# A scope in use cannot be changed in the same request that pre-authorizes it: first the scope, then the clients.
az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$object_id" \
  --headers "Content-Type=application/json" \
  --body "$(printf '%s' "$body" | node -e 'const b = JSON.parse(require("fs").readFileSync(0, "utf8")); b.api.preAuthorizedApplications = []; process.stdout.write(JSON.stringify(b));')"
az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$object_id" \
  --headers "Content-Type=application/json" --body "$body"
echo "Exposed api://$BOT_DOMAIN/$BOT_ID with scope $SCOPE, pre-authorized for ${#CLIENTS[@]} Teams and Microsoft 365 clients."
