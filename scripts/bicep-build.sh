#!/usr/bin/env bash
# Compiles the infrastructure (infra/main.bicep and infra/main.bicepparam) with the Bicep CLI from the NuGet
# package Azure.Bicep.CommandLine.linux-x64 (restored through tools/Bicep/Bicep.csproj; offline after that).
# Writes the ARM templates to artifacts/infra/ and fails on any error or warning.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet restore tools/Bicep/Bicep.csproj --verbosity quiet
bicep="$(dotnet msbuild tools/Bicep/Bicep.csproj -getProperty:BicepCli)"
[ -f "$bicep" ] || { echo "error: the Bicep CLI is not at $bicep after restore" >&2; exit 1; }
[ -x "$bicep" ] || chmod u+x "$bicep"

out=artifacts/infra
mkdir -p "$out"
diagnostics="$(mktemp)"
trap 'rm -f "$diagnostics"' EXIT

"$bicep" build infra/main.bicep --outfile "$out/main.json" 2>>"$diagnostics"
"$bicep" build-params infra/main.bicepparam --outfile "$out/main.parameters.json" 2>>"$diagnostics"

if [ -s "$diagnostics" ]; then
  cat "$diagnostics" >&2
  if grep -qE ': (Error|Warning) ' "$diagnostics"; then
    echo "error: bicep reported errors or warnings" >&2
    exit 1
  fi
fi
echo "bicep build: $("$bicep" --version) compiled infra/main.bicep and infra/main.bicepparam to $out/"
