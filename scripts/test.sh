#!/usr/bin/env bash
# Runs every test of RegieBot.sln: unit, integration (Azurite), end-to-end (Agents Playground) and browser (Chromium).
# Installs the node packages when needed, starts Azurite unless something already listens on
# 127.0.0.1:10002 (and stops what it started), installs Chromium for the browser tests when missing (apt-get, as root),
# writes one TRX file per test project to
# artifacts/test-results/ and ends with exactly one line: "N passed, N failed, N skipped".
# Tests that read ../shared (seed documents, official schemas) skip without it, with the reason; .ci/run sets
# REGIEBOT_REQUIRE_SHARED=1, which makes them fail instead.
# Then the benchmarks run in quick mode (scripts/bench.sh --quick, no timing asserted), counted as one more
# passed or failed entry; REGIEBOT_BENCH_QUICK=0 leaves them out.
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter "Category!=EndToEnd".
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

RESULTS_DIR="$REPO_ROOT/artifacts/test-results"
AZURITE_DIR="$REPO_ROOT/artifacts/test-azurite"
AZURITE_PID=""
# Every process started below carries this marker, so that nothing the tests started can outlive them.
RUN_MARKER="REGIEBOT_TEST_RUN=$$-$(date +%s%N)"

# Stops any process that carries our marker (a bot or Playground left behind by a crashed test host).
sweep_leftovers() {
  local dir pid found=()
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [ "$pid" = "$$" ] && continue
    [ "$pid" = "$BASHPID" ] && continue
    [ "$pid" = "$AZURITE_PID" ] && continue
    grep -qzx -- "$RUN_MARKER" "$dir/environ" 2>/dev/null && found+=("$pid")
  done
  [ "${#found[@]}" -eq 0 ] && return 0
  log "Stopping ${#found[@]} process(es) left behind by the tests: ${found[*]}"
  kill -TERM "${found[@]}" 2>/dev/null || true
  sleep 2
  kill -KILL "${found[@]}" 2>/dev/null || true
}

cleanup() {
  trap - EXIT INT TERM
  sweep_leftovers
  stop_group "$AZURITE_PID" "Azurite"
  [ -n "$AZURITE_PID" ] && rm -rf "$AZURITE_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

require_tools
ensure_node_modules
ensure_toolchain_schemas
ensure_chromium
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

if port_open "$AZURITE_PORT"; then
  log "Something already listens on 127.0.0.1:$AZURITE_PORT; using it as Azurite"
else
  log "Starting Azurite (Table service on 127.0.0.1:$AZURITE_PORT)…"
  rm -rf "$AZURITE_DIR"
  start_azurite "$AZURITE_DIR" "$RESULTS_DIR/azurite.log" || { cleanup; echo "0 passed, 0 failed, 0 skipped"; exit 1; }
fi

export "${RUN_MARKER?}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log "Running dotnet test RegieBot.sln…"
dotnet test "$REPO_ROOT/RegieBot.sln" \
  --logger "trx;LogFilePrefix=regiebot" \
  --results-directory "$RESULTS_DIR" \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  "$@"
test_status=$?

sweep_leftovers

summary="$(node "$REPO_ROOT/scripts/lib/trx-summary.cjs" "$RESULTS_DIR")" || summary='{"files":0,"passed":0,"failed":0,"skipped":0,"executed":0}'
read -r files passed failed skipped executed < <(node -e '
  const s = JSON.parse(process.argv[1]);
  console.log([s.files, s.passed, s.failed, s.skipped, s.executed].join(" "));' "$summary")

# The benchmarks are outside the test suite; their quick mode runs here so that they never rot.
if [ "${REGIEBOT_BENCH_QUICK:-1}" != "0" ]; then
  log "Running the benchmarks in quick mode (scripts/bench.sh --quick)…"
  if bash "$REPO_ROOT/scripts/bench.sh" --quick >"$RESULTS_DIR/bench-quick.log" 2>&1; then
    log "benchmarks quick mode: passed"
    passed=$((passed + 1))
  else
    log "benchmarks quick mode: FAILED (artifacts/test-results/bench-quick.log)"
    failed=$((failed + 1))
  fi
fi

status=0
if [ "$test_status" -ne 0 ]; then
  log "dotnet test exited with $test_status (a build error, a failed test or a crashed test host)"
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
if [ "$files" -eq 0 ] || [ "$executed" -eq 0 ]; then
  log "no tests ran"
  status=1
fi

cleanup   # before the summary, so that it stays the last line
[ "$skipped" -gt 0 ] && log "$skipped test(s) skipped; their reasons are in the TRX files (e.g. no ../shared beside this clone)"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
