#!/usr/bin/env bash
# Measures an auto scaling group of N local instances (docs/fleet.md) on a real server with production timings (no
# --test-profile: reconcile every 1 s, engine poll 1 s, heartbeat timeout 30 s, agent poll wait 10 s):
#   1. `asg create` with desired N until N are InService; after the deployments, scale-out N -> N+2 until N+2 are
#      InService (the new ones first run their launch deployment of the last good revision, reported apart);
#   2. in-place deployments of the sample v1 then v2 to the N instances under OneAtATime, HalfAtATime and AllAtOnce
#      (createTime -> completeTime), and where an instance's time goes (lifecycle events);
#   3. resident memory (VmRSS) of the server and, per instance, of its agent and its sample app, idle after all that;
#   4. an agent SIGKILLed until its replacement is InService and serves 2.0.0 on http://ADDRESS:18080/version;
# then stops the server with SIGTERM (it stops its instances) and checks that no agent or sample app of this run is
# left. Every wait polls every 100 ms and has a deadline: bench/fleet-poll.py reads the API documents that
# `asg instances -o json` and `deployment get -o json` print (the CLI itself takes about half a second to start, too
# slow to poll with), and the timed calls (create, scale) go out with curl for the same reason. Everything is on
# loopback: the server on 127.0.0.1, the instances on 127.0.1.x. On failure the trap stops the server and then, by
# PID, whatever agent or sample app of this run is still there.
# Usage: bench/fleet.sh [N]   (default 4, at most 12; KEEP=1 keeps the work directory; BOOTSTRAP_SECONDS=S gives the
# launch template a bootstrap script that sleeps S seconds, to see how launches with a bootstrap add up; POLL_WAIT=2s
# gives it a shorter agent poll wait than the production 10 s)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-4}
if ! [[ $n =~ ^[0-9]+$ ]] || (( n < 1 || n > 12 )); then
  echo "bench/fleet.sh: N must be from 1 to 12 (got '$n')" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
idle=10
bootstrap_seconds=${BOOTSTRAP_SECONDS:-0}
[[ $bootstrap_seconds =~ ^[0-9]+$ ]] || { echo "bench/fleet.sh: BOOTSTRAP_SECONDS must be a whole number of seconds" >&2; exit 2; }

dotnet build src/Greenlight.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
./eng/sample-app.sh >/dev/null
cli=$PWD/src/Greenlight.Cli/bin/Release/net10.0/greenlight.dll
bundles=$PWD/artifacts/sample-web/bundles
poll_py=$PWD/bench/fleet-poll.py
work=$(mktemp -d /tmp/gl-fleet-bench-XXXXXX)
instances_dir=$work/server/instances
server_pid=""

# PIDs of this run's agents and sample apps: their command lines name this run's instance sandboxes.
leftovers() {
  local pid cmd
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue
    [[ $cmd == *"$instances_dir/"* && ( $cmd == *"greenlight.dll agent "* || $cmd == *"greenlight-sample.dll"* ) ]] && echo "$pid"
  done
  return 0
}
failed_deployments() { # what failed in each failed deployment of the group, on stderr
  local ids id
  ids=$(curl -fsS -H "Authorization: Bearer $(cat "$work/server/admin.token")" "$url/api/v1/deployments?applicationName=bench&deploymentGroupName=fleet&includeOnlyStatuses=Failed" 2>/dev/null |
    python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["deployments"]))' 2>/dev/null) || return 0
  for id in $ids; do
    echo "failed deployment $id:" >&2
    GL_URL=$url GL_TOKEN=$(cat "$work/server/admin.token") python3 "$poll_py" deployment 5 "$id" 2>/dev/null | grep '^failed ' >&2 || true
  done
}
cleanup() {
  local code=$? pid
  if (( code != 0 )) && [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    echo "bench/fleet.sh: failed; the scaling group's activities, newest first:" >&2
    curl -fsS -H "Authorization: Bearer $(cat "$work/server/admin.token")" "$url/api/v1/auto-scaling-groups/bench/activities" 2>/dev/null |
      python3 -c 'import json,sys; [print("  " + a["startTime"][11:23], a["description"], "-", a["cause"]) for a in json.load(sys.stdin)["activities"][:20]]' >&2 || true
    failed_deployments
    check_alone "at the failure"
    [[ -z ${disturbed:-} ]] || echo "bench/fleet.sh: meanwhile:$disturbed" >&2
  fi
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  for pid in $(leftovers); do kill -KILL "$pid" 2>/dev/null || true; done
  if (( code != 0 )); then
    echo "bench/fleet.sh: failed; the end of the server log:" >&2
    tail -n 30 "$work/server.log" >&2 2>/dev/null || true
  fi
  if [[ ${KEEP:-0} == 1 ]]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The instances get 127.0.1.1 upward and their sample apps all listen on port 18080, so another fleet on this machine
# (a test, a demo, another run) would take the same addresses and disturb both: wait up to 10 minutes for none to
# run, and say at the end if one ran meanwhile. Another fleet shows as an agent on 127.0.1.x that is not this run's,
# or something else listening on 127.0.1.x:18080.
foreign_fleet() {
  local pid cmd agents=0 listeners
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue
    [[ $cmd == *"greenlight.dll agent "*"--address 127.0.1."* && $cmd != *"$instances_dir/"* ]] && agents=$((agents + 1))
  done
  listeners=$(ss -Hltnp 'sport = :18080' 2>/dev/null | grep -E ' 127\.0\.1\.[0-9]+:18080 ' | grep -vE "$(ours_regex)" | awk '{print $4}' | tr '\n' ' ' || true)
  (( agents > 0 )) && printf '%s other agents on 127.0.1.x ' "$agents"
  [[ -n $listeners ]] && printf 'other listeners on %s' "$listeners"
  return 0
}
ours_regex() { local p; p=$(leftovers 2>/dev/null | paste -sd'|'); echo "pid=(${p:-none}),"; }
for i in $(seq 1 600); do
  other=$(foreign_fleet)
  [[ -z $other ]] && break
  (( i == 1 )) && echo "bench/fleet.sh: waiting for another fleet on this machine to finish: $other" >&2
  (( i == 600 )) && { echo "bench/fleet.sh: another fleet still runs after 10 minutes ($other); this run needs 127.0.1.1-127.0.1.$((n + 3)):18080 to itself" >&2; exit 2; }
  sleep 1
done
disturbed=""
check_alone() { local other; other=$(foreign_fleet); [[ -z $other ]] || disturbed="$disturbed [$1: $other]"; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
dotnet "$cli" server --data "$work/server" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do curl -fsS "$url/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$url/health" >/dev/null
token_file=$work/server/admin.token

gl() { dotnet "$cli" "$@" --server "$url" --token-file "$token_file"; }
api() { local method=$1 path=$2; shift 2; curl -fsS -X "$method" -H "Authorization: Bearer $(cat "$token_file")" -H 'Content-Type: application/json' "$url/api/v1$path" "$@"; }
poll() { GL_URL=$url GL_TOKEN=$(cat "$token_file") python3 "$poll_py" "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
field() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print; exit }' "$2"; }
now_ns() { date +%s%N; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
agent_pid() { # instance id -> its agent's PID
  local pid
  for pid in $(leftovers); do
    [[ $(tr '\0' ' ' <"/proc/$pid/cmdline") == *"greenlight.dll agent "*"--name $1 "* ]] && { echo "$pid"; return 0; }
  done
  return 1
}
app_pid() { # instance id -> its sample app's PID
  local pid
  for pid in $(leftovers); do
    [[ $(tr '\0' ' ' <"/proc/$pid/cmdline") == *"$instances_dir/$1/root/opt/greenlight-sample/greenlight-sample.dll"* ]] && { echo "$pid"; return 0; }
  done
  return 1
}
all_ids() { api GET /auto-scaling-groups/bench/instances | json '",".join(i["instanceId"] for i in d["instances"]) or "-"'; }
in_service() { api GET /auto-scaling-groups/bench/instances | json '" ".join(i["instanceId"] for i in d["instances"] if i["lifecycleState"] == "InService")'; }
last_started() { # T0_NS ID...: when the server started the last of those agents, in ms from T0 (/proc start time, 10 ms ticks)
  local t0=$1 id pid ms last=0; shift
  for id in "$@"; do
    pid=$(agent_pid "$id") || continue
    # Its age from /proc/uptime and its start time (both since boot), taken back from the wall clock now.
    ms=$(awk -v s="$(awk '{print $22}' "/proc/$pid/stat")" -v up="$(cut -d' ' -f1 /proc/uptime)" -v now="$(now_ns)" -v hz="$hz" -v t0="$t0" \
      'BEGIN {printf "%.0f", (now - t0) / 1e6 - (up - s / hz) * 1000}')
    (( ms > last )) && last=$ms
  done
  echo "$last"
}
hz=$(getconf CLK_TCK)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

# 1a. asg create (desired N) -> N InService. The group has no deployment group yet, so no launch hook.
bootstrap=()
if (( bootstrap_seconds > 0 )); then
  printf '#!/usr/bin/env bash\nsleep %s\n' "$bootstrap_seconds" >"$work/bootstrap.sh"
  bootstrap=(--bootstrap "$work/bootstrap.sh")
fi
poll_wait=()
[[ -z ${POLL_WAIT:-} ]] || poll_wait=(--poll-wait "$POLL_WAIT")
gl launch-template create bench --tag role=bench "${bootstrap[@]}" "${poll_wait[@]}" >/dev/null
t0=$(now_ns)
api POST /auto-scaling-groups -d "{\"autoScalingGroupName\":\"bench\",\"launchTemplate\":{\"launchTemplateName\":\"bench\"},\"minSize\":0,\"maxSize\":$((n + 2)),\"desiredCapacity\":$n}" >/dev/null
poll fleet bench - "$n" "$t0" 180 >"$work/create.txt"
check_alone "after create"
[[ -z $(field lost "$work/create.txt") ]] || disturbed="$disturbed [launches failed: $(field lost "$work/create.txt")]"
# shellcheck disable=SC2046
create_started=$(last_started "$t0" $(field new "$work/create.txt"))
originals=$(in_service)

# 2. In-place deployments to the N instances: v1 then v2 under each configuration.
gl application create bench >/dev/null
gl group create --app bench fleet --asg bench >/dev/null
declare -A revision
runs=()
for config in OneAtATime HalfAtATime AllAtOnce; do
  for v in v1 v2; do
    if [[ -z ${revision[$v]:-} ]]; then
      out=$(gl deploy --app bench --group fleet --bundle "$bundles/$v" --config "CodeDeployDefault.$config" -o json)
      revision[$v]=$(echo "$out" | json 'd["revision"]')
    else
      out=$(gl deploy --app bench --group fleet --revision "${revision[$v]}" --config "CodeDeployDefault.$config" -o json)
    fi
    id=$(echo "$out" | json 'd["deploymentId"]')
    poll deployment 600 "$id" >"$work/deploy-$config-$v.txt"
    check_alone "deploying $config $v"
    targets=$(field targets "$work/deploy-$config-$v.txt")
    (( targets == n )) || disturbed="$disturbed [$config $v deployed to $targets instances, not $n]"
    if [[ $(field status "$work/deploy-$config-$v.txt") != Succeeded ]]; then
      echo "deployment $id ($config $v) did not succeed:" >&2
      grep '^failed ' "$work/deploy-$config-$v.txt" >&2 || true
      exit 1
    fi
    runs+=("$config-$v")
  done
done

# 1b. Scale-out N -> N+2 after a successful deployment: the new instances get 2.0.0 by their launch deployments.
known=$(all_ids)
t0=$(now_ns)
api POST /auto-scaling-groups/bench/desired-capacity -d "{\"desiredCapacity\":$((n + 2))}" >/dev/null
poll fleet bench "$known" "$((n + 2))" "$t0" 300 >"$work/scale.txt"
check_alone "after scale-out"
[[ -z $(field lost "$work/scale.txt") ]] || { disturbed="$disturbed [launches failed: $(field lost "$work/scale.txt")]"; failed_deployments; }
# shellcheck disable=SC2046
scale_started=$(last_started "$t0" $(field new "$work/scale.txt"))
# shellcheck disable=SC2046
launch_ids=$(poll launch-deployments bench fleet $(field new "$work/scale.txt") | field ids /dev/stdin)
# shellcheck disable=SC2086
poll deployment 60 $launch_ids >"$work/deploy-launch.txt"
runs+=(launch)

# 3. Memory, idle after the deployments and the scale-out; and the CPU time used while idle.
cpu_ticks() { local p t=0; for p in "$@"; do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$t"; }
sleep 2
# shellcheck disable=SC2046
agents_before=$(cpu_ticks $(for id in $(in_service); do agent_pid "$id"; done))
server_before=$(cpu_ticks "$server_pid")
sleep "$idle"
# shellcheck disable=SC2046
agents_idle=$(( $(cpu_ticks $(for id in $(in_service); do agent_pid "$id"; done)) - agents_before ))
server_idle=$(( $(cpu_ticks "$server_pid") - server_before ))
mem_rows=()
agents_kib=(); apps_kib=()
for id in $(in_service); do
  a=$(agent_pid "$id") || { echo "no agent process for $id" >&2; exit 1; }
  p=$(app_pid "$id") || { echo "no sample app process for $id" >&2; exit 1; }
  agents_kib+=("$(rss_kib "$a")"); apps_kib+=("$(rss_kib "$p")")
  case " $originals " in *" $id "*) how="6 deployments" ;; *) how="launch deployment" ;; esac
  mem_rows+=("$(printf '%-22s %10s %10s  %s' "$id" "$(mib "${agents_kib[-1]}")" "$(mib "${apps_kib[-1]}")" "$how")")
done
server_kib=$(rss_kib "$server_pid")
server_hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status")

# 4. SIGKILL the agent of one of the original instances; wait for its replacement to serve 2.0.0 and be InService.
victim=$(echo "$originals" | cut -d' ' -f1)
victim_pid=$(agent_pid "$victim")
known=$(all_ids)
t0=$(now_ns)
kill -KILL "$victim_pid"
poll replace bench "$known" "$victim" "$((n + 2))" 2.0.0 "$instances_dir" "$t0" 180 >"$work/replace.txt"
check_alone "after the replacement"
[[ -z $(field lost "$work/replace.txt") ]] || { disturbed="$disturbed [replacement launches failed: $(field lost "$work/replace.txt")]"; failed_deployments; }
replacement=$(field replacement "$work/replace.txt" | cut -d' ' -f1)
# shellcheck disable=SC2046
poll deployment 60 $(poll launch-deployments bench fleet "$replacement" | field ids /dev/stdin) >"$work/deploy-replacement.txt"
# Any other termination than the one this run caused (a starved agent taken for lost, a failed launch) is reported.
others=$(api GET /auto-scaling-groups/bench/activities | VICTIM=$victim python3 -c 'import json,os,sys
print("; ".join(a["description"] + " (" + a["cause"] + ")" for a in json.load(sys.stdin)["activities"]
                if ("Terminating" in a["description"] or "failed" in a["description"]) and os.environ["VICTIM"] not in a["description"]))')
[[ -z $others ]] || disturbed="$disturbed [unexpected: $others]"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Stop the server: SIGTERM stops its local instances; nothing of this run may be left.
t0=$(now_ns)
kill -TERM "$server_pid"
for _ in $(seq 1 600); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$server_pid" 2>/dev/null && { echo "the server did not stop within 30 s of SIGTERM" >&2; exit 1; }
stop_ms=$(( ($(now_ns) - t0) / 1000000 ))
wait "$server_pid" || true
server_pid=""
left=$(leftovers | wc -l)

# Tables.
printf '\n%-54s %8s\n' "1. scaling a group of $n local instances" "ms"
printf '%-54s %8s\n' "------------------------------------------------------" "--------"
printf '%-54s %8s\n' "create: last agent process started by the server" "$create_started"
printf '%-54s %8s\n' "create: first instance InService" "$(field inservice_first "$work/create.txt")"
printf '%-54s %8s\n' "create: all $n InService" "$(field total "$work/create.txt")"
printf '%-54s %8s\n' "scale-out $n -> $((n + 2)): last agent process started" "$scale_started"
printf '%-54s %8s\n' "scale-out $n -> $((n + 2)): last new agent polled (Pending:Wait)" "$(field polled_last "$work/scale.txt")"
printf '%-54s %8s\n' "scale-out $n -> $((n + 2)): all $((n + 2)) InService" "$(field total "$work/scale.txt")"
printf '%-54s %8s\n' "  launch deployments, created -> completed (each)" "$(field ms "$work/deploy-launch.txt")"
printf '%-54s %8s\n' "  their events lasting >= 9.5 s (missed agent wake-up)" "$(field stalled "$work/deploy-launch.txt")"
printf '\n%-28s %9s %9s %9s %9s\n' "2. in-place to $n instances" "ms" "queued" "inst.med" "status"
printf '%-28s %9s %9s %9s %9s\n' "----------------------------" "---------" "---------" "---------" "---------"
for r in "${runs[@]}"; do
  [[ $r == launch ]] && continue
  f=$work/deploy-$r.txt
  label="${r%-*} ${r##*-}"; [[ $r == OneAtATime-v1 ]] && label="$label (fresh)"
  printf '%-28s %9s %9s %9s %9s\n' "$label" "$(field ms "$f")" "$(field start_ms "$f")" "$(field span_median "$f")" "$(field status "$f")"
done
printf '%s\n' "(ms: createTime -> completeTime; queued: createTime -> startTime; inst.med: median of an instance's first event start -> last event end)"
printf '\n%-22s' "median ms per instance"
for r in "${runs[@]}"; do printf ' %8s' "$(echo "$r" | sed 's/AtATime//; s/AtOnce//')"; done
printf '\n%-22s' "----------------------"
for _ in "${runs[@]}"; do printf ' %8s' "--------"; done
for e in ApplicationStop DownloadBundle BeforeInstall Install AfterInstall ApplicationStart ValidateService; do
  printf '\n%-22s' "$e"
  for r in "${runs[@]}"; do printf ' %8s' "$(field "event.$e" "$work/deploy-$r.txt")"; done
done
printf '\n%-22s' "events >= 9.5 s (*)"
for r in "${runs[@]}"; do printf ' %8s' "$(field stalled "$work/deploy-$r.txt")"; done
printf '\n%s\n' "(*) the sample's hooks take well under 2 s: an event of 9.5 s or more waited for the agent's next poll (10 s by default)"

printf '\n%-22s %10s %10s  %s\n' "3. idle memory (VmRSS)" "agent MiB" "app MiB" "instance ran"
printf '%-22s %10s %10s  %s\n' "----------------------" "----------" "----------" "-----------------"
printf '%s\n' "${mem_rows[@]}"
printf '%-22s %10s %10s\n' "median" "$(mib "$(printf '%s\n' "${agents_kib[@]}" | median)")" "$(mib "$(printf '%s\n' "${apps_kib[@]}" | median)")"
total_kib=$(( server_kib + $(IFS=+; echo "$(( ${agents_kib[*]} ))") + $(IFS=+; echo "$(( ${apps_kib[*]} ))") ))
printf 'server VmRSS %s MiB (VmHWM %s MiB); server + %s agents + %s apps: %s MiB (after %ss idle)\n' \
  "$(mib "$server_kib")" "$(mib "$server_hwm")" "${#agents_kib[@]}" "${#apps_kib[@]}" "$(mib "$total_kib")" "$((idle + 2))"
printf 'CPU while idle for %ss: server %s ms, all agents together %s ms\n' "$idle" "$(( server_idle * 1000 / hz ))" "$(( agents_idle * 1000 / hz ))"

printf '\n%-54s %8s\n' "4. agent SIGKILLed (of $((n + 2))) -> replacement" "ms"
printf '%-54s %8s\n' "------------------------------------------------------" "--------"
printf '%-54s %8s\n' "killed instance out of service" "$(field out_of_service "$work/replace.txt")"
printf '%-54s %8s\n' "replacement launched (listed Pending)" "$(field launched "$work/replace.txt")"
printf '%-54s %8s\n' "replacement agent polled (Pending:Wait seen)" "$(field polled "$work/replace.txt")"
printf '%-54s %8s\n' "replacement serves 2.0.0 on :18080/version" "$(field serving "$work/replace.txt")"
printf '%-54s %8s\n' "replacement InService (launch deployment done)" "$(field inservice "$work/replace.txt")"
printf '%-54s %8s\n' "  its launch deployment, created -> completed" "$(field ms "$work/deploy-replacement.txt")"
printf '%-54s %8s\n' "  its events lasting >= 9.5 s (missed agent wake-up)" "$(field stalled "$work/deploy-replacement.txt")"

printf '\n%-54s %8s\n' "server SIGTERM -> exit (stops $((n + 2)) instances)" "$stop_ms"
printf '%-54s %8s\n' "agents and sample apps of this run left afterwards" "$left"
printf '\n%s cores; load average %s before, %s after; production timings (no --test-profile)%s.\n' "$(nproc)" "$load_before" "$load_after" \
  "$( (( bootstrap_seconds > 0 )) && echo "; bootstrap script: sleep $bootstrap_seconds")$([[ -n ${POLL_WAIT:-} ]] && echo "; agent poll wait $POLL_WAIT")"
[[ -z $disturbed ]] || printf 'DISTURBED (figures not comparable):%s\n' "$disturbed"
(( left == 0 )) || { echo "bench/fleet.sh: $left processes of this run were left running (killed now)" >&2; exit 1; }
