# Shared by the sample bundle's hook scripts (sourced, not run). Paths are instance paths under
# GREENLIGHT_INSTANCE_ROOT, which is empty on a real host and a sandbox folder for local instances, so nothing here
# writes outside it.
#   bundle   this revision's bundle folder (the scripts run from it; ApplicationStop runs the previous revision's)
#   version  this bundle's version (app/version.txt); the version each hooks.log line names
#   dest     where the appspec installs the app
set -euo pipefail

root=${GREENLIGHT_INSTANCE_ROOT:-}
bundle=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$(cat "$bundle/app/version.txt" 2>/dev/null || echo unknown)
instance=${GREENLIGHT_INSTANCE_ID:-${HOSTNAME:-unknown}}
address=${GREENLIGHT_INSTANCE_ADDRESS:-127.0.0.1}
port=${SAMPLE_PORT:-18080}
dest=$root/opt/greenlight-sample
logs=$root/var/log/greenlight-sample
pidfile=$root/run/greenlight-sample/app.pid
url=http://$address:$port

# Appends "<event> <version> <instance>" to hooks.log and says the same on stdout (the deployment's log).
record() {
  mkdir -p "$logs"
  echo "${LIFECYCLE_EVENT:-${1:-unknown}} $version $instance" >>"$logs/hooks.log"
  echo "${LIFECYCLE_EVENT:-${1:-unknown}}: greenlight sample $version on $instance ($address)"
}

# The pid in the pid file, if that process is alive (not a zombie) and is this instance's sample app. A pid file
# left by a crash can name a pid reused by something else: that process is never touched.
running_pid() {
  local pid stat cmdline
  [[ -f $pidfile ]] || return 1
  read -r pid 2>/dev/null <"$pidfile" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  read -r stat 2>/dev/null <"/proc/$pid/stat" || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != [ZX] ]] || return 1
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ $cmdline == *"$dest/greenlight-sample.dll"* ]] || return 1
  echo "$pid"
}

# Stops the app: SIGTERM, up to SAMPLE_STOP_SECONDS (default 15) for a graceful exit, then SIGKILL. Not running is fine.
stop_app() {
  local pid waited=0 limit=$(( ${SAMPLE_STOP_SECONDS:-15} * 10 ))
  if ! pid=$(running_pid); then
    rm -f "$pidfile"
    echo "the sample app is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  while running_pid >/dev/null && (( waited < limit )); do sleep 0.1; waited=$(( waited + 1 )); done
  if running_pid >/dev/null; then
    echo "the sample app (pid $pid) did not stop within $(( limit / 10 )) s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
    waited=0
    while running_pid >/dev/null && (( waited < 50 )); do sleep 0.1; waited=$(( waited + 1 )); done
    if running_pid >/dev/null; then
      echo "the sample app (pid $pid) is still alive after SIGKILL" >&2
      return 1
    fi
  fi
  rm -f "$pidfile"
  echo "stopped the sample app (pid $pid)"
}

# dotnet from PATH, DOTNET_ROOT or the usual install folders.
find_dotnet() {
  local candidate
  for candidate in "$(command -v dotnet || true)" "${DOTNET_ROOT:+$DOTNET_ROOT/dotnet}" /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet /usr/local/share/dotnet/dotnet "$HOME/.dotnet/dotnet"; do
    [[ -n $candidate && -x $candidate ]] && { echo "$candidate"; return 0; }
  done
  return 1
}
