#!/usr/bin/env bash
# Greenlight's main job, end to end on this machine, with a fleet the server runs itself (docs/fleet.md):
# a launch template `web` and an auto scaling group `web-asg` of 3 local instances (each a real `greenlight agent`
# process on its own 127.0.1.x), a deployment group `prod` over that group (HalfAtATime, roll back on failure), then
#   v1 everywhere -> scale out to 4 (the new instance gets v1 by its launch deployment, nobody deploys to it)
#   -> v2 everywhere -> the broken bundle, whose ValidateService fails and which is rolled back to v2 automatically.
# After each deployment every instance is asked for its version over HTTP. Everything is done with the `greenlight`
# verbs against a real server on loopback. At the end the server is stopped by PID with SIGTERM (also on a failure or
# Ctrl-C); it stops its local instances and every process their hooks started, and the script checks that none is left.
# Prints a summary; exit code 0 only if every step behaved as expected.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

now_ms() { local ns; ns=$(date +%s%N); echo $((ns / 1000000)); }
seconds() { local ms=$1; printf '%d.%ds' $((ms / 1000)) $((ms % 1000 / 100)); }
say() { printf '%s\n' "$*"; }

demo_started=$(now_ms)
rows=()        # the summary: step, result, duration
current=""     # the step running, and when it started
current_started=0
row() { # STEP RESULT TIME DETAILS: the first line of DETAILS
  local details=${4%%$'\n'*}
  [ "$details" = "$4" ] || details+=" (more above)"
  rows+=("$(printf '%-22s %-7s %-7s %s' "$1" "$2" "$3" "$details")")
}
heading() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
begin() { current=$1; current_started=$(now_ms); heading "$2"; } # begin STEP HEADING: STEP names it in the summary
done_step() { row "$current" ok "$(seconds $(($(now_ms) - current_started)))" "$*"; current=""; }
fail() {
  echo "demo: FAILED${current:+ at \"$current\"}: $*" >&2
  [ -z "$current" ] || row "$current" FAILED "$(seconds $(($(now_ms) - current_started)))" "$*"
  current=""
  exit 1
}

work=""
server_pid=""
instance_ids=() # every instance id seen, for the check that nothing is left running

# Alive and not a zombie.
alive() { local stat; read -r stat 2>/dev/null <"/proc/$1/stat" || return 1; stat=${stat##*) }; [[ ${stat:0:1} != [ZX] ]]; }

stop_server() {
  [ -n "$server_pid" ] || return 0
  local started; started=$(now_ms)
  heading "Stopping the server (PID $server_pid, SIGTERM); it stops its local instances"
  kill -TERM "$server_pid" 2>/dev/null || true
  # It gives each agent 5 s after SIGTERM before SIGKILL; 30 s is plenty.
  for _ in $(seq 1 300); do alive "$server_pid" || break; sleep 0.1; done
  if alive "$server_pid"; then
    kill -KILL "$server_pid" 2>/dev/null || true
    row "stop the server" FAILED "$(seconds $(($(now_ms) - started)))" "still running 30 s after SIGTERM, killed"
    server_pid=""
    return 1
  fi
  wait "$server_pid" 2>/dev/null && say "the server exited with code 0" || say "the server exited with code $?"
  server_pid=""
  row "stop the server" ok "$(seconds $(($(now_ms) - started)))" "SIGTERM, exited"
}

# Processes of this demo still running: agents and sample apps whose command line names this demo's sandboxes, and any
# process carrying the marker of one of its instances (GREENLIGHT_LOCAL_INSTANCE, inherited by everything hooks start).
leftovers() {
  local ids=("${instance_ids[@]}") dir pid
  for dir in "$work"/server/instances/i-*; do [ -d "$dir" ] && ids+=("${dir##*/}"); done
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" != $$ ] && [ "$pid" != "$BASHPID" ] || continue
    alive "$pid" || continue
    local args env id hit=""
    args=$(tr '\0' ' ' 2>/dev/null <"$dir/cmdline") || continue
    if [[ $args == *"$work/"* ]]; then hit=1; else
      env=$(tr '\0' '\n' 2>/dev/null <"$dir/environ") || continue
      for id in "${ids[@]}"; do [[ $'\n'$env$'\n' == *$'\nGREENLIGHT_LOCAL_INSTANCE='"$id"$'\n'* ]] && { hit=1; break; }; done
    fi
    [ -z "$hit" ] || printf '%s %s\n' "$pid" "$args"
  done
}

check_nothing_left() {
  local started left
  started=$(now_ms)
  heading "Checking that nothing is left running"
  left=$(leftovers)
  if [ -n "$left" ]; then
    printf 'still running:\n%s\n' "$left"
    row "nothing left running" FAILED "$(seconds $(($(now_ms) - started)))" "$(wc -l <<<"$left") processes still running (listed above)"
    return 1
  fi
  say "no agent, sample app or hook process of this demo is running:"
  say "  ps: $(ps -eo args | grep -cE '[g]reenlight\.dll agent .*'"$work") 'greenlight.dll agent', $(ps -eo args | grep -cE '[g]reenlight-sample\.dll .*'"$work") 'greenlight-sample.dll' under $work"
  # Processes of other Greenlight runs (tests, another demo) are not this demo's business, but worth a word.
  local others
  others=$(ps -eo args | grep -cE '[g]reenlight\.dll agent|[g]reenlight-sample\.dll' || true)
  [ "$others" = 0 ] || say "  (note: $others agent or sample app processes of other Greenlight runs are running on this machine)"
  row "nothing left running" ok "$(seconds $(($(now_ms) - started)))" "no agent, sample app or hook process (ps, /proc)"
}

finish() {
  local rc=$? why
  trap - EXIT
  trap '' INT TERM # the clean-up below is bounded (about 30 s at most); let it finish
  set +e
  if [ -n "$current" ]; then
    [ "$rc" = 130 ] && why="interrupted" || why="failed (exit $rc; the error is above)"
    row "$current" FAILED "$(seconds $(($(now_ms) - current_started)))" "$why"
    current=""
  fi
  stop_server || rc=1
  if [ -n "$work" ]; then check_nothing_left || rc=1; fi
  heading Summary
  printf '%-22s %-7s %-7s %s\n' step result time details
  printf '%s\n' "${rows[@]}"
  printf '%-22s %-7s %-7s\n' total "" "$(seconds $(($(now_ms) - demo_started)))"
  echo
  if [ "$rc" = 0 ]; then
    [ -n "${GREENLIGHT_DEMO_KEEP:-}" ] && echo "kept $work (GREENLIGHT_DEMO_KEEP)" || rm -rf "$work"
    echo "Every step behaved as expected."
  else
    [ -z "$work" ] || echo "demo: FAILED (exit $rc). The server's log and the instances' sandboxes are kept in $work" >&2
    [ -n "$work" ] || echo "demo: FAILED (exit $rc)" >&2
  fi
  exit "$rc"
}
trap finish EXIT
trap 'echo; echo "demo: interrupted" >&2; exit 130' INT TERM

begin build "Building (once) greenlight and the sample bundles"
dotnet build src/Greenlight.Cli -c Release -nologo -clp:ErrorsOnly -v:quiet
./eng/sample-app.sh >/dev/null
bundles=artifacts/sample-web/bundles
cli=src/Greenlight.Cli/bin/Release/net10.0/greenlight.dll
gl() { dotnet "$cli" "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }
done_step "greenlight and bundles v1, v2, broken"

begin "start the server" "Starting the server"
work=$(mktemp -d /tmp/greenlight-demo-XXXXXX)
# Port 0: the server picks a free port and prints it. A 10 s heartbeat timeout (default 30 s) makes a lost agent
# visible fast; not --test-profile, which is for Greenlight's own tests (the default timings are quick enough here).
dotnet "$cli" server --data "$work/server" --listen 127.0.0.1:0 --agent-heartbeat-timeout 10s >"$work/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url=$(sed -n 's/^Greenlight server listening on \(http:[^ ]*\).*/\1/p' "$work/server.log")
  [ -z "$url" ] || [ ! -s "$work/server/admin.token" ] || break
  alive "$server_pid" || fail "the server exited: $(cat "$work/server.log")"
  sleep 0.1
done
[ -n "$url" ] || fail "the server did not start within 30 s: $(cat "$work/server.log")"
# Exported only now, so the server (and the agents and hooks it starts) never see the admin token.
export GREENLIGHT_URL=$url GREENLIGHT_TOKEN
GREENLIGHT_TOKEN=$(cat "$work/server/admin.token")
say "greenlight server (PID $server_pid) listening on $url, data in $work/server, log in $work/server.log"
done_step "PID $server_pid on ${url#http://}"

begin "create the fleet" "Creating launch template web, scaling group web-asg, application demo, deployment group prod"
say '$ greenlight launch-template create web --tag role=web --poll-wait 2s'
gl launch-template create web --tag role=web --poll-wait 2s --description "the demo's web servers"
# Desired 0 first, so the instances are launched after the deployment group has put its launch hook on the group.
say '$ greenlight asg create web-asg --launch-template web --min 0 --max 6 --desired 0 --health-check-grace 30s'
gl asg create web-asg --launch-template web --min 0 --max 6 --desired 0 --health-check-grace 30s
say '$ greenlight application create demo'
gl application create demo
say '$ greenlight group create --app demo prod --asg web-asg --config CodeDeployDefault.HalfAtATime --auto-rollback DEPLOYMENT_FAILURE'
gl group create --app demo prod --asg web-asg --config CodeDeployDefault.HalfAtATime --auto-rollback DEPLOYMENT_FAILURE
done_step "web, web-asg, demo/prod"

# in_service → "id address" of each InService instance of web-asg, one a line (and remembers the ids).
in_service() {
  gl asg instances web-asg -o json | json '
for i in d["instances"]:
  if i["lifecycleState"] == "InService": print(i["instanceId"], i.get("address") or "-")'
}
remember() { local id; for id in "$@"; do [[ " ${instance_ids[*]} " == *" $id "* ]] || instance_ids+=("$id"); done; }

# A server hands out 127.0.1.x to its local instances looking only at its own instances, so the instances of another
# Greenlight server on this machine (a test run, another demo) can get the same addresses. Then two sample apps want
# the same ADDRESS:18080: one cannot start, and the HTTP checks could be answered by the other. So the demo warns about
# other servers' agents on its addresses, fails if another process listens on one of its ADDRESS:18080, and checks
# that each answer comes from the instance's own app.
command_of() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | cut -c1-200; }
listener_of() { ss -Hltnp "src $1:18080" 2>/dev/null | grep -oE 'pid=[0-9]+' | head -n 1 | cut -d= -f2; }
not_ours() { local pid; for pid in "$@"; do [[ $(command_of "$pid") == *"$work/"* ]] || printf '    PID %s: %s\n' "$pid" "$(command_of "$pid")"; done; }
clash_note="each server hands out 127.0.1.x without looking at other servers' local instances, so two servers with
  local instances on one machine collide (their sample apps cannot both listen on ADDRESS:18080); run the demo
  when the other server has stopped"
check_addresses() { # reads "id address" lines
  local address agents listeners clashes=""
  while read -r _ address; do
    agents=$(not_ours $(pgrep -f -- "--address ${address//./\\.}( |\$)" || true))
    [ -z "$agents" ] || printf 'warning: %s is also the address of another Greenlight server'"'"'s instance:\n%s\n' "$address" "$agents"
    listeners=$(not_ours $(listener_of "$address"))
    [ -z "$listeners" ] || clashes+="$address:18080 is taken by a process of another Greenlight server:
$listeners
"
  done
  [ -z "$clashes" ] || fail "${clashes}  ($clash_note)"
}
# hint → a sentence for a failure message when another server's instances share this demo's addresses, else nothing.
hint() {
  local address shared=""
  while read -r _ address; do
    [ -z "$(not_ours $(pgrep -f -- "--address ${address//./\\.}( |\$)" || true) $(listener_of "$address"))" ] || shared+=" $address"
  done <<<"${fleet:-}"
  [ -z "$shared" ] || printf '; another Greenlight server has instances on%s too (%s)' "$shared" "$clash_note"
}

begin "3 instances" "Scaling web-asg to 3 and waiting until they are InService"
say '$ greenlight asg scale web-asg 3 --wait --timeout 90s'
gl asg scale web-asg 3 --wait --timeout 90s || fail "web-asg did not reach 3 InService instances within 90 s (greenlight asg activities web-asg says why)"
gl asg instances web-asg
fleet=$(in_service)
remember $(cut -d' ' -f1 <<<"$fleet")
[ "$(wc -l <<<"$fleet")" = 3 ] || fail "expected 3 InService instances, got: $fleet"
check_addresses <<<"$fleet"
done_step "3 InService: $(cut -d' ' -f2 <<<"$fleet" | paste -sd' ')"

# serving VERSION COUNT: asks every InService instance for /version; fails unless exactly COUNT answer VERSION.
serving() {
  local want=$1 count=$2 list id address got owner bad=0 n=0
  list=$(in_service)
  while read -r id address; do
    [ -n "$id" ] || continue
    got=$(curl -sS --max-time 3 "http://$address:18080/version" 2>&1) || got="down (${got#curl: })"
    # Answered by this instance's own app, not by a process of another server on the same address?
    owner=$(listener_of "$address")
    [[ -z $owner || $(command_of "$owner") == *"$work/server/instances/$id/"* ]] ||
      got="$got, answered by PID $owner, which is not this instance's app: $(command_of "$owner")"
    printf '  %-21s http://%s:18080/version -> %s\n' "$id" "$address" "$got"
    n=$((n + 1))
    [ "$got" = "$want" ] || bad=$((bad + 1))
  done <<<"$list"
  [ "$n" = "$count" ] && [ "$bad" = 0 ] || { serving_error="$bad of $n InService instances do not serve $want (expected $count)"; return 1; }
  serving_result="$n/$count serve $want"
}

# deploy BUNDLE: `greenlight deploy --bundle ... --watch`, showing the deployment's changes of status, the failed
# events and the verdict per instance (the whole watch output is kept in $work/deploy-BUNDLE.log). Sets $deployment
# and $watch_rc (0 Succeeded, 1 Failed or Stopped, 2 refused).
deploy() {
  local name=$1 line
  say "\$ greenlight deploy --app demo --group prod --bundle $bundles/$name --watch"
  set +e
  gl deploy --app demo --group prod --bundle "$bundles/$name" --watch 2>&1 | tee "$work/deploy-$name.log" | while IFS= read -r line; do
    # Lifecycle events of single instances are many (12 per instance); keep the failed ones.
    [[ $line =~ ^\[\ *[0-9.]+s\]\ \ \ i- && $line != *" Failed "* ]] || printf '%s\n' "$line"
  done
  watch_rc=${PIPESTATUS[0]}
  set -e
  deployment=$(grep -oE '\bd-[0-9A-Z]{9}\b' "$work/deploy-$name.log" | head -n 1 || true)
}

begin "deploy v1" "Deploying v1 (HalfAtATime), then asking every instance for its version"
deploy v1
[ "$watch_rc" = 0 ] || fail "deployment ${deployment:-of v1} did not succeed (exit $watch_rc, see $work/deploy-v1.log)$(hint)"
serving 1.0.0 3 || fail "$serving_error$(hint)"
done_step "$deployment Succeeded; $serving_result"

begin "scale out to 4" "Scaling out to 4: the new instance gets v1 by itself"
before=$(cut -d' ' -f1 <<<"$fleet")
say '$ greenlight asg scale web-asg 4 --wait --timeout 90s'
gl asg scale web-asg 4 --wait --timeout 90s || fail "web-asg did not reach 4 InService instances within 90 s (greenlight asg activities web-asg says why)"
fleet=$(in_service)
remember $(cut -d' ' -f1 <<<"$fleet")
new=$(cut -d' ' -f1 <<<"$fleet" | grep -vxF "$before" || true)
[ "$(wc -w <<<"$new")" = 1 ] || fail "expected one new InService instance, got: ${new:-none}"
check_addresses <<<"$fleet"
say '$ greenlight asg activities web-asg   (newest first)'
gl asg activities web-asg | head -n 4
# Its launch deployment: the group's last successful revision, created by the scaling group (creator autoscaling).
launch=$(gl deployment list --app demo --group prod -o json | json '
for x in d:
  if x.get("creator") == "autoscaling": print(x["deploymentId"], x["status"]); break')
read -r launch_id launch_status <<<"$launch"
[ -n "${launch_id:-}" ] || fail "no deployment with creator autoscaling was made for $new"
say "\$ greenlight deployment watch $launch_id   (the launch deployment, creator autoscaling)"
gl deployment watch "$launch_id" >"$work/launch.log" 2>&1 || fail "the launch deployment $launch_id ended $launch_status"
grep -E "^  i-" "$work/launch.log" || true
grep -qE "^  $new +Succeeded" "$work/launch.log" || fail "the launch deployment $launch_id did not deploy to $new: $(cat "$work/launch.log")"
users=$(gl deployment list --app demo --group prod -o json | json 'print(sum(1 for x in d if x.get("creator") == "user"))')
[ "$users" = 1 ] || fail "expected only the v1 deployment by a user so far, found $users"
serving 1.0.0 4 || fail "$serving_error$(hint)"
done_step "$new by $launch_id (autoscaling); $serving_result"

begin "deploy v2" "Deploying v2"
deploy v2
[ "$watch_rc" = 0 ] || fail "deployment ${deployment:-of v2} did not succeed (exit $watch_rc, see $work/deploy-v2.log)$(hint)"
serving 2.0.0 4 || fail "$serving_error$(hint)"
done_step "$deployment Succeeded; $serving_result"

begin "deploy broken" "Deploying the broken bundle (3.0.0-broken): its ValidateService fails"
deploy broken
[ "$watch_rc" = 1 ] || fail "deployment ${deployment:-of the broken bundle} should have failed (exit 1), exit $watch_rc"
broken_id=$deployment
say "\$ greenlight deployment get $broken_id"
gl deployment get "$broken_id"
done_step "$broken_id Failed, as expected"

begin "automatic rollback" "Greenlight rolls back to v2 automatically"
rollback=""
for _ in $(seq 1 100); do
  rollback=$(gl deployment get "$broken_id" -o json | json 'print((d.get("rollbackInfo") or {}).get("rollbackDeploymentId") or "")')
  [ -z "$rollback" ] || break
  sleep 0.2
done
[ -n "$rollback" ] || fail "no rollback deployment was created for $broken_id"
say "\$ greenlight deployment watch $rollback"
set +e
gl deployment watch "$rollback" >"$work/rollback.log" 2>&1
rollback_rc=$?
set -e
grep -vE '^\[ *[0-9.]+s\]   i-' "$work/rollback.log" || true
[ "$rollback_rc" = 0 ] || fail "the rollback $rollback did not succeed (see $work/rollback.log)$(hint)"
serving 2.0.0 4 || fail "$serving_error$(hint)"
done_step "$rollback Succeeded; $serving_result"

begin "no instance lost" "Checking that no instance was lost on the way"
# Every instance launched is still InService: none was found unhealthy (its agent exited or went silent) and replaced.
say '$ greenlight asg instances web-asg'
gl asg instances web-asg
lost=$(gl asg instances web-asg -o json | json '
for i in d["instances"]:
  if i["lifecycleState"] != "InService": print(i["instanceId"], i["lifecycleState"] + ":", i.get("statusReason") or "-")')
[ -z "$lost" ] || fail "instances left service during the demo (their agent.log is in $work/server/instances/ID/):
$lost"
done_step "4 InService, none replaced"

trap - EXIT
finish
