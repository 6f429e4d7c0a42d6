#!/usr/bin/env bash
# Runs the benchmarks of bench/ (outside the test suite) in Release against an Azurite of their own.
#   scripts/bench.sh --quick                 all four, small sizes, under a minute (CI runs this; no timing is asserted)
#   scripts/bench.sh turns --duration 10m    one benchmark with its options (see docs/benchmarks.md)
# Starts Azurite's Table service on a free port from 10102 (data in artifacts/bench-azurite-PID/, removed afterwards),
# so that a running test suite or local bot on 10002 neither disturbs nor is disturbed. Reports go to artifacts/bench/.
# Exits non-zero when a benchmark reports an error (a failed turn, a reminder not claimed, a benchmark that threw).
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

AZURITE_DIR="$REPO_ROOT/artifacts/bench-azurite-$$"
AZURITE_PID=""
BENCH_DLL="$REPO_ROOT/bench/RegieBot.Benchmarks/bin/Release/net10.0/RegieBot.Benchmarks.dll"

cleanup() {
  trap - EXIT INT TERM
  stop_group "$AZURITE_PID" "Azurite"
  [ -n "$AZURITE_PID" ] && rm -rf "$AZURITE_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

args=("$@")
[ "${#args[@]}" -eq 0 ] && args=(all)
[ "${args[0]}" = "--quick" ] && args=(all "${args[@]}")

require_tools
ensure_node_modules
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log "Building the benchmarks (Release)…"
dotnet build "$REPO_ROOT/bench/RegieBot.Benchmarks/RegieBot.Benchmarks.csproj" -c Release -nologo -v quiet || die "the benchmarks do not build"

AZURITE_PORT=10102
while port_open "$AZURITE_PORT"; do
  AZURITE_PORT=$((AZURITE_PORT + 1))
  [ "$AZURITE_PORT" -lt 10150 ] || die "no free port for Azurite between 10102 and 10149"
done
log "Starting Azurite (Table service on 127.0.0.1:$AZURITE_PORT)…"
rm -rf "$AZURITE_DIR"
mkdir -p "$REPO_ROOT/artifacts/bench"
# In memory: the benchmarks keep nothing, and Azurite's disk persistence rewrites its whole database file as it grows,
# which would make seeding 100k kaarten take longer than the sweep it measures.
start_azurite "$AZURITE_DIR" "$REPO_ROOT/artifacts/bench/azurite.log" --inMemoryPersistence || die "Azurite did not start"

log "Running: RegieBot.Benchmarks ${args[*]}"
(cd "$REPO_ROOT" && dotnet "$BENCH_DLL" "${args[0]}" --azurite-port "$AZURITE_PORT" "${args[@]:1}")
status=$?
[ "$status" -eq 0 ] || log "the benchmarks reported errors (exit $status)"
exit "$status"
