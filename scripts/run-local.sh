#!/usr/bin/env bash
# Runs RegieBot locally: Azurite (Table Storage), the bot on http://127.0.0.1:3978 and the
# Microsoft 365 Agents Playground (a local Teams stand-in with a mock team, channel and users). The bot also serves
# the personal tab "Mijn regiekaarten" on http://127.0.0.1:3978/tab/, with a local sign-in as one of the Playground's mock users.
# Installs the node packages and builds the bot first. Ctrl-C stops all three.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

BOT_URL="http://127.0.0.1:3978"
RUN_DIR="$REPO_ROOT/artifacts/run-local"
PLAYGROUND_DIR="$REPO_ROOT/scripts/playground"   # loopback.cjs; the mock team and users are in ../../.m365agentsplayground.yml
AZURITE_PID=""
BOT_PID=""
PLAYGROUND_PID=""

cleanup() {
  trap - EXIT INT TERM
  stop_group "$PLAYGROUND_PID" "the Agents Playground"
  stop_group "$BOT_PID" "RegieBot"
  stop_group "$AZURITE_PID" "Azurite"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

show_log() { log "last lines of $1:"; tail -n 30 "$1" >&2 || true; }

require_tools
ensure_node_modules
mkdir -p "$RUN_DIR"

log "Building RegieBot…"
if ! dotnet build "$REPO_ROOT/src/RegieBot/RegieBot.csproj" -c Debug -nologo -v quiet >"$RUN_DIR/build.log" 2>&1; then
  grep -E 'error|Error' "$RUN_DIR/build.log" >&2 || tail -n 30 "$RUN_DIR/build.log" >&2
  die "the build failed (artifacts/run-local/build.log)"
fi
BOT_DIR="$REPO_ROOT/src/RegieBot/bin/Debug/net10.0"
[ -f "$BOT_DIR/RegieBot.dll" ] || die "no RegieBot.dll in src/RegieBot/bin/Debug/net10.0 after the build"

AZURITE_NOTE="data in .azurite/"
if port_open "$AZURITE_PORT"; then
  log "Something already listens on 127.0.0.1:$AZURITE_PORT; using it as Azurite"
  AZURITE_NOTE="already running, not started by this script"
else
  log "Starting Azurite (Table service on 127.0.0.1:$AZURITE_PORT, data in .azurite/)…"
  start_azurite "$REPO_ROOT/.azurite" "$RUN_DIR/azurite.log" || { show_log "$RUN_DIR/azurite.log"; exit 1; }
fi

port_open 3978 && die "port 3978 is already in use: stop the other bot first"
log "Starting RegieBot on $BOT_URL…"
(
  cd "$BOT_DIR"
  export ASPNETCORE_ENVIRONMENT=Development MicrosoftAppId="" MicrosoftAppPassword="" MicrosoftAppTenantId=""
  exec setsid dotnet RegieBot.dll --urls "$BOT_URL"
) >"$RUN_DIR/bot.log" 2>&1 </dev/null &
BOT_PID=$!
wait_for_http "$BOT_URL/healthz" 90 "$BOT_PID" "RegieBot" || { show_log "$RUN_DIR/bot.log"; exit 1; }

log "Starting the Agents Playground…"
(
  cd "$REPO_ROOT"   # the Playground reads .m365agentsplayground.yml from its working folder
  export TEAMSAPPTESTER_BROWSER=none
  export M365_AGENTS_PLAYGROUND_LOGFILE="$RUN_DIR/playground.log"
  export NODE_OPTIONS="--require \"$PLAYGROUND_DIR/loopback.cjs\" --require \"$REPO_ROOT/scripts/lib/exit-with-parent.cjs\""
  exec setsid "$REPO_ROOT/node_modules/.bin/agentsplayground" \
    -e "$BOT_URL/api/messages" -c msteams -p 56150 --dt
) >"$RUN_DIR/playground.out" 2>&1 </dev/null &
PLAYGROUND_PID=$!

# It silently picks another port when 56150 is taken, and says which on stdout.
PLAYGROUND_PORT=""
for ((i = 0; i < 300; i++)); do
  PLAYGROUND_PORT="$(sed -n 's/^Listening on \([0-9]\+\).*/\1/p' "$RUN_DIR/playground.out" | head -n 1)"
  [ -n "$PLAYGROUND_PORT" ] && break
  kill -0 "$PLAYGROUND_PID" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$PLAYGROUND_PORT" ]; then
  log "the Agents Playground did not report its port"
  show_log "$RUN_DIR/playground.out"
  [ -f "$RUN_DIR/playground.log" ] && show_log "$RUN_DIR/playground.log"
  exit 1
fi
wait_for_http "http://127.0.0.1:$PLAYGROUND_PORT/_debug/ping" 30 "$PLAYGROUND_PID" "the Agents Playground" \
  || { show_log "$RUN_DIR/playground.log"; exit 1; }

cat <<EOF

  RegieBot runs locally.
  Open the Agents Playground in your browser:  http://localhost:$PLAYGROUND_PORT
    (mock team "Regieteam Zeeland", channel "Casusoverleg"; type "@RegieBot help" in a channel)
  Personal tab "Mijn regiekaarten":  $BOT_URL/tab/
    (local sign-in as one of the mock users; the printable kaart and clientversie are linked from there)
  Bot endpoint:   $BOT_URL/api/messages   (health: $BOT_URL/healthz)
  Table Storage:  Azurite on 127.0.0.1:$AZURITE_PORT ($AZURITE_NOTE)
  Logs:           artifacts/run-local/

  Press Ctrl-C to stop.

EOF

# Stop everything as soon as one of them stops.
pids=("$BOT_PID" "$PLAYGROUND_PID")
[ -n "$AZURITE_PID" ] && pids+=("$AZURITE_PID")
set +e
wait -n "${pids[@]}"
status=$?
set -e
for pid in "${pids[@]}"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    case "$pid" in
      "$BOT_PID") log "RegieBot stopped (exit $status)"; show_log "$RUN_DIR/bot.log" ;;
      "$PLAYGROUND_PID") log "the Agents Playground stopped (exit $status)"; show_log "$RUN_DIR/playground.log" ;;
      *) log "Azurite stopped (exit $status)"; show_log "$RUN_DIR/azurite.log" ;;
    esac
  fi
done
exit 1
