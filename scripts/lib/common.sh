# Shared helpers for scripts/run-local.sh and scripts/test.sh (sourced, not run).
# Processes started here run in their own process group (setsid), so that stopping one also stops
# whatever it started (npx → node, dotnet → the app host).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
AZURITE_PORT=10002

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_tools() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK (dotnet) is not on PATH"
  command -v node >/dev/null 2>&1 || die "Node.js 20+ (node) is not on PATH"
  command -v npm >/dev/null 2>&1 || die "npm is not on PATH"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"
}

# npm ci when node_modules is missing or was installed from another package-lock.json.
ensure_node_modules() {
  local stamp="$REPO_ROOT/node_modules/.regiebot-lock.sha256"
  local want
  want="$(sha256sum "$REPO_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
     && [ -x "$REPO_ROOT/node_modules/.bin/azurite-table" ] \
     && [ -x "$REPO_ROOT/node_modules/.bin/agentsplayground" ]; then
    return 0
  fi
  log "Installing node packages (npm ci)…"
  (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  echo "$want" > "$stamp"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for_port PORT SECONDS PID NAME: waits until the port accepts connections; returns 1 (with a
# message) on time-out or as soon as PID has exited.
wait_for_port() {
  local port="$1" seconds="$2" pid="$3" name="$4" i
  for ((i = 0; i < seconds * 5; i++)); do
    port_open "$port" && return 0
    kill -0 "$pid" 2>/dev/null || { log "$name exited before it listened on port $port"; return 1; }
    sleep 0.2
  done
  log "$name did not listen on port $port within ${seconds}s"
  return 1
}

# wait_for_http URL SECONDS PID NAME: waits for a 2xx answer; returns 1 like wait_for_port.
wait_for_http() {
  local url="$1" seconds="$2" pid="$3" name="$4" i
  for ((i = 0; i < seconds * 2; i++)); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { log "$name exited before $url answered"; return 1; }
    sleep 0.5
  done
  log "$name did not answer $url within ${seconds}s"
  return 1
}

# stop_group PID NAME: TERM to the process group, KILL after 10 s.
stop_group() {
  local pid="$1" name="$2" i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  log "Stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

# start_azurite DATA_DIR LOG_FILE [OPTION...]: starts the Table service on 127.0.0.1:$AZURITE_PORT (extra Azurite
# options after the log file, e.g. --inMemoryPersistence) and sets AZURITE_PID.
start_azurite() {
  local data_dir="$1" log_file="$2"
  shift 2
  local location=(--location "$data_dir") option
  for option in "$@"; do
    [ "$option" = "--inMemoryPersistence" ] && location=()   # Azurite refuses a location with it
  done
  mkdir -p "$data_dir"
  NODE_OPTIONS="--require \"$REPO_ROOT/scripts/lib/exit-with-parent.cjs\"" setsid "$REPO_ROOT/node_modules/.bin/azurite-table" \
    --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" \
    "${location[@]}" --skipApiVersionCheck --disableTelemetry "$@" \
    >"$log_file" 2>&1 </dev/null &
  AZURITE_PID=$!
  wait_for_port "$AZURITE_PORT" 60 "$AZURITE_PID" "Azurite" || { tail -n 20 "$log_file" >&2; return 1; }
}

# The Microsoft 365 Agents Toolkit's schema of m365agents.yml ships in npm @microsoft/teamsfx-core, whose own
# dependencies weigh about 300 MB (and its CLI needs a native build): only that package's tarball is fetched
# (npm pack, pinned version and integrity) and its YAML schemas kept in node_modules/.regiebot-toolchain/.
TOOLCHAIN_CORE="@microsoft/teamsfx-core@3.1.3"
TOOLCHAIN_CORE_INTEGRITY="sha512-FnNzDGblM24//EWVAjY8BHP+sempRlTrAK+PR5SWvJK0r8IGBAZDjsT+PMh1a5Oi2C5n/njgnH+i8TKaBTky7g=="
TOOLCHAIN_SCHEMAS="$REPO_ROOT/node_modules/.regiebot-toolchain/teamsfx-core-3.1.3/yaml-schema"

ensure_toolchain_schemas() {
  [ -f "$TOOLCHAIN_SCHEMAS/v1.9/yaml.schema.json" ] && return 0
  log "Fetching the Agents Toolkit's YAML schemas ($TOOLCHAIN_CORE, tarball only)…"
  local tmp tarball integrity
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "$TOOLCHAIN_CORE" --silent --loglevel=error >/dev/null) || { rm -rf "$tmp"; die "npm pack $TOOLCHAIN_CORE failed"; }
  tarball="$(ls "$tmp"/*.tgz)"
  integrity="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  [ "$integrity" = "$TOOLCHAIN_CORE_INTEGRITY" ] || { rm -rf "$tmp"; die "$TOOLCHAIN_CORE: unexpected integrity $integrity"; }
  tar -xzf "$tarball" -C "$tmp" package/resource/yaml-schema || { rm -rf "$tmp"; die "no YAML schemas in $TOOLCHAIN_CORE"; }
  mkdir -p "$(dirname "$TOOLCHAIN_SCHEMAS")"
  rm -rf "$TOOLCHAIN_SCHEMAS"
  mv "$tmp/package/resource/yaml-schema" "$TOOLCHAIN_SCHEMAS"
  rm -rf "$tmp"
}

# The browser tests (tests/RegieBot.BrowserTests) drive Debian's Chromium; Playwright never downloads one. Installs it
# quietly with apt-get when it is missing and we may (root, apt-get present); otherwise the tests say why they skip
# (or fail, in CI).
CHROMIUM="${REGIEBOT_CHROMIUM:-/usr/bin/chromium}"
ensure_chromium() {
  [ -x "$CHROMIUM" ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    log "Installing Chromium for the browser tests (apt-get install chromium)…"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; }; then
      return 0
    fi
    log "Chromium could not be installed; the browser tests will report it"
  else
    log "No Chromium at $CHROMIUM (install it: apt-get install chromium); the browser tests will report it"
  fi
}
