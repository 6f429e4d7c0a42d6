#!/usr/bin/env bash
# Builds the Teams app package (artifacts/appPackage/regiebot.zip): manifest/manifest.json with its
# ${{...}} placeholders filled, the command lists from BotCommands, and color.png + outline.png at the root.
# Then validates the filled manifest against the official schema (when the node packages are installed).
#
#   TEAMS_APP_ID=<guid> BOT_ID=<bot app id> scripts/package-app.sh [--version 1.0.1] [--out FILE]
#
# TEAMS_APP_ID: a GUID of your own for the Teams app (keep it for every later version).
# BOT_ID:       the bot's Microsoft App ID (MicrosoftAppId is used when BOT_ID is not set).
# APP_VERSION:  optional; replaces the manifest's "version" (Teams wants a higher one for each update).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out="artifacts/appPackage/regiebot.zip"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--out" ] && out="${args[$((i + 1))]}"
done

dotnet run --project tools/RegieBot.AppPackage -c Release -- package --manifest-dir manifest --out "$out" "$@"

schema="../shared/specs/schemas/MicrosoftTeams.schema.json"
if [ -d node_modules/ajv ] && [ -f "$schema" ]; then
  node scripts/validate-manifest.cjs "$schema" "$(dirname "$out")/manifest.json"
else
  echo "note: manifest not validated here (needs npm ci and the shared specs); the deployment tests validate it" >&2
fi
