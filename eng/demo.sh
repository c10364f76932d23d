#!/usr/bin/env bash
# Greenlight's main job, end to end on this machine: a server and two agents (sandboxed instances on 127.0.0.2 and
# 127.0.0.3) deploy the sample web app (samples/README.md) v1, then v2 in place, then the broken bundle whose
# ValidateService fails, which is rolled back to v2 automatically. Everything runs on loopback; every process this
# script starts, and every sample app the agents start, is stopped by PID at the end.
# Exit code 0 only if every step behaved as expected.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { echo "demo: $*" >&2; exit 1; }

step "Building (once)"
dotnet build src/Greenlight.Cli -c Release -nologo -clp:ErrorsOnly
./eng/sample-app.sh
bundles=artifacts/sample-web/bundles
cli=src/Greenlight.Cli/bin/Release/net10.0/greenlight.dll
gl() { dotnet "$cli" "$@"; }

step "greenlight validate $bundles/v1"
gl validate "$bundles/v1"

step "greenlight plan: 10 instances, at least 8 healthy, instances 3 and 7 fail"
gl plan --instances 10 --min-healthy HOST_COUNT:8 --fail 3,7 || true

work=$(mktemp -d /tmp/greenlight-demo-XXXXXX)
pids=()
# Alive and not a zombie: a stopped app stays a zombie until the agent that adopted it reaps it.
alive() { local stat; read -r stat 2>/dev/null <"/proc/$1/stat" || return 1; stat=${stat##*) }; [[ ${stat:0:1} != [ZX] ]]; }
cleanup() {
  # The sample apps the agents started first (their pid files), then the agents and the server.
  for pidfile in "$work"/*/host/run/greenlight-sample/app.pid; do [ -f "$pidfile" ] && pids=("$(cat "$pidfile")" "${pids[@]}"); done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    ! alive "$pid" || kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

step "Starting the server (SQLite in $work/server)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
dotnet "$cli" server --data "$work/server" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do curl -fsS "$url/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$url/health" >/dev/null || fail "the server did not start: $(cat "$work/server.log")"
echo "listening on $url"
token=$(cat "$work/server/admin.token")
api() { local method=$1 path=$2; shift 2; curl -fsS -X "$method" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$url/api/v1$path" "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

step "Enrolling two agents (web-1 on 127.0.0.2, web-2 on 127.0.0.3)"
enroll=$(api POST /enrollment-tokens -d '{"name":"demo","uses":2,"expiresInHours":1}' | json 'd["token"]')
for i in 1 2; do
  GREENLIGHT_ENROLLMENT_TOKEN="$enroll" dotnet "$cli" agent --server "$url" --name "web-$i" --tags role=web --address "127.0.0.$((i + 1))" \
    --root "$work/web-$i/agent" --instance-root "$work/web-$i/host" --poll-wait 5s >"$work/agent-$i.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1 200); do
  [ "$(api GET /instances | json 'len(d["instanceNames"])')" = 2 ] && break; sleep 0.1
done
api GET /instances | json '", ".join(d["instanceNames"])'

step "Creating application 'web' and group 'prod' (HalfAtATime, roll back on failure)"
api POST /applications -d '{"applicationName":"web"}' >/dev/null
api POST /applications/web/deployment-groups -d '{"deploymentGroupName":"prod","deploymentConfigName":"CodeDeployDefault.HalfAtATime",
  "onPremisesInstanceTagFilters":[{"Key":"role","Value":"web","Type":"KEY_AND_VALUE"}],
  "autoRollbackConfiguration":{"enabled":true,"events":["DEPLOYMENT_FAILURE"]}}' >/dev/null

bundle() { # sample bundle name (v1, v2, broken) → uploads it as a zip, prints its sha256
  local name=$1
  (cd "$bundles/$name" && python3 -c 'import os,zipfile
with zipfile.ZipFile("'"$work/$name"'.zip","w") as z:
  for root,_,files in os.walk("."):
    for f in files:
      p=os.path.join(root,f); i=zipfile.ZipInfo.from_file(p, p[2:]); z.writestr(i, open(p,"rb").read())')
  curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' --data-binary "@$work/$name.zip" \
    "$url/api/v1/applications/web/revisions?bundleType=zip" | json 'd["revisionLocation"]["bundle"]["sha256"]'
}

deploy() { # sha → waits, prints the deployment's id and final status
  local id status
  id=$(api POST /deployments -d "{\"applicationName\":\"web\",\"deploymentGroupName\":\"prod\",\"revision\":{\"revisionType\":\"Bundle\",\"bundle\":{\"sha256\":\"$1\",\"bundleType\":\"zip\"}}}" | json 'd["deploymentId"]')
  for _ in $(seq 1 1200); do
    status=$(api GET "/deployments/$id" | json 'd["deploymentInfo"]["status"]')
    case $status in Succeeded|Failed|Stopped) break ;; esac
    sleep 0.1
  done
  echo "$id $status"
}

serving() { for i in 1 2; do printf 'web-%s: %s  ' "$i" "$(curl -fsS --max-time 2 "http://127.0.0.$((i + 1)):18080/version" 2>/dev/null || echo down)"; done; echo; }

results=()
record() { results+=("$(printf '%-14s %-26s %-10s %s' "$1" "$2" "$3" "$4")"); }

step "Deploying v1 in place"
v1=$(bundle v1); read -r d1 s1 <<<"$(deploy "$v1")"; echo "$d1: $s1"; serving
[ "$s1" = Succeeded ] || fail "v1 ended $s1"
record "$d1" "v1 in place" "$s1" "$(serving)"

step "Deploying v2 in place (ApplicationStop runs v1's script first)"
v2=$(bundle v2); read -r d2 s2 <<<"$(deploy "$v2")"; echo "$d2: $s2"; serving
[ "$s2" = Succeeded ] || fail "v2 ended $s2"
record "$d2" "v2 in place" "$s2" "$(serving)"

step "Deploying the broken bundle (3.0.0-broken): ValidateService fails, so Greenlight rolls back to v2"
v3=$(bundle broken)
read -r d3 s3 <<<"$(deploy "$v3")"; echo "$d3: $s3"
[ "$s3" = Failed ] || fail "v3 ended $s3, expected Failed"
api GET "/deployments/$d3" | json '"error: " + d["deploymentInfo"]["errorInformation"]["code"] + " - " + d["deploymentInfo"]["rollbackInfo"]["rollbackMessage"]'
record "$d3" "v3 (broken)" "$s3" "$(serving)"
rb=""
for _ in $(seq 1 300); do
  rb=$(api GET "/deployments/$d3" | json 'd["deploymentInfo"]["rollbackInfo"].get("rollbackDeploymentId") or ""')
  [ -n "$rb" ] && break; sleep 0.1
done
[ -n "$rb" ] || fail "no rollback deployment was created"
for _ in $(seq 1 1200); do
  srb=$(api GET "/deployments/$rb" | json 'd["deploymentInfo"]["status"]')
  case $srb in Succeeded|Failed|Stopped) break ;; esac
  sleep 0.1
done
echo "rollback $rb: $srb"; serving
[ "$srb" = Succeeded ] || fail "the rollback ended $srb"
[ "$(curl -fsS --max-time 2 http://127.0.0.2:18080/version)" = 2.0.0 ] || fail "web-1 does not serve v2 (2.0.0) after the rollback"
record "$rb" "rollback to v2" "$srb" "$(serving)"

step "Summary"
printf '%-14s %-26s %-10s %s\n' "deployment" "what" "result" "serving afterwards"
printf '%s\n' "${results[@]}"
echo
echo "Every step behaved as expected."
