#!/usr/bin/env bash
# Runs RegieBot on http://127.0.0.1:3978 for real Teams, behind a dev tunnel (docs/teams-local.md):
# reads the ids that `atk provision --env local` wrote to env/.env.local and env/.env.local.user, starts Azurite
# unless something already listens on 127.0.0.1:10002, and prints the link that adds the app in Teams.
# Ctrl-C stops both.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

RUN_DIR="$REPO_ROOT/artifacts/run-teams-local"
AZURITE_PID=""
cleanup() {
  trap - EXIT INT TERM
  stop_group "$AZURITE_PID" "Azurite"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

require_tools
ensure_node_modules
mkdir -p "$RUN_DIR"

for file in env/.env.local env/.env.local.user; do
  [ -f "$REPO_ROOT/$file" ] || die "$file is missing: run 'atk provision --env local' first (docs/teams-local.md)"
  set -a
  # shellcheck disable=SC1090
  source "$REPO_ROOT/$file"
  set +a
done
[ -n "${BOT_ID:-}" ] || die "BOT_ID is empty in env/.env.local: run 'atk provision --env local' first"
[ -n "${SECRET_BOT_PASSWORD:-}" ] || die "SECRET_BOT_PASSWORD is empty in env/.env.local.user"
[ -n "${TEAMS_APP_TENANT_ID:-}" ] || die "TEAMS_APP_TENANT_ID is empty in env/.env.local: set your tenant id"
[ -n "${BOT_ENDPOINT:-}" ] || die "BOT_ENDPOINT is empty in env/.env.local: set the dev tunnel's https address"
# The personal tab's SSO audience is api://<this host>/<BOT_ID>; the tunnel's host when BOT_DOMAIN is not set.
TAB_DOMAIN="${BOT_DOMAIN:-${BOT_ENDPOINT#https://}}"
TAB_DOMAIN="${TAB_DOMAIN%%/*}"

if ! port_open "$AZURITE_PORT"; then
  log "Starting Azurite (Table service on 127.0.0.1:$AZURITE_PORT, data in .azurite/)…"
  start_azurite "$REPO_ROOT/.azurite" "$RUN_DIR/azurite.log" || exit 1
fi

cat <<EOF2

  RegieBot for Teams on http://127.0.0.1:3978, reached through $BOT_ENDPOINT
  Personal tab "Mijn regiekaarten": https://$TAB_DOMAIN/tab/ (in Teams, with single sign-on)
  Add it in Teams: https://teams.microsoft.com/l/app/${TEAMS_APP_ID:-<TEAMS_APP_ID>}?installAppPackage=true&webjoin=true&appTenantId=$TEAMS_APP_TENANT_ID
  Press Ctrl-C to stop.

EOF2
MicrosoftAppType=SingleTenant MicrosoftAppId="$BOT_ID" MicrosoftAppPassword="$SECRET_BOT_PASSWORD" \
  MicrosoftAppTenantId="$TEAMS_APP_TENANT_ID" RegieBot__Tab__Domain="$TAB_DOMAIN" \
  dotnet run --project "$REPO_ROOT/src/RegieBot" --launch-profile "Teams (dev tunnel)"
