#!/usr/bin/env bash
# Builds the Teams app package (artifacts/appPackage/regiebot.zip): manifest/manifest.json with its
# ${{...}} placeholders filled, the command lists from BotCommands, and color.png + outline.png at the root.
# Then validates the filled manifest with the Teams toolchain's own validator (npm @microsoft/app-manifest,
# offline, against the official schema it bundles): a manifest with an error fails the script.
#
#   TEAMS_APP_ID=<guid> BOT_ID=<bot app id> scripts/package-app.sh [--version 1.0.1] [--out FILE]
#
# TEAMS_APP_ID: a GUID of your own for the Teams app (keep it for every later version).
# BOT_ID:       the bot's Microsoft App ID (MicrosoftAppId is used when BOT_ID is not set).
# APP_VERSION:  optional; replaces the manifest's "version" (Teams wants a higher one for each update).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

require_tools
ensure_node_modules

out="artifacts/appPackage/regiebot.zip"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--out" ] && out="${args[$((i + 1))]}"
done

dotnet run --project tools/RegieBot.AppPackage -c Release -- package --manifest-dir manifest --out "$out" "$@"

node scripts/validate-manifest.cjs "$(dirname "$out")/manifest.json"
