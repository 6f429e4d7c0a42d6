#!/usr/bin/env bash
# Builds the Teams app package (artifacts/appPackage/regiebot.zip): manifest/manifest.json with its
# ${{...}} placeholders filled, the command lists from BotCommands, and color.png + outline.png.
#
#   TEAMS_APP_ID=<guid> BOT_ID=<bot app id> scripts/package-app.sh [--version 1.0.1] [--out FILE]
#
# TEAMS_APP_ID: a GUID of your own for the Teams app (keep it for every later version).
# BOT_ID:       the bot's Microsoft App ID (MicrosoftAppId is used when BOT_ID is not set).
# APP_VERSION:  optional; replaces the manifest's "version" (Teams wants a higher one for each update).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project tools/RegieBot.AppPackage -c Release -- package --manifest-dir manifest "$@"
