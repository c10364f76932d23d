#!/usr/bin/env bash
# Measures an enrolled, idle `greenlight agent`: resident memory (VmRSS, VmHWM) and CPU time after it has long-polled
# for IDLE seconds with nothing to do. Starts its own server and agent on 127.0.0.1 and stops them by PID.
# Usage: bench/agent-idle-memory.sh [IDLE_SECONDS]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-30}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Greenlight.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=src/Greenlight.Cli/bin/Release/net10.0/greenlight.dll
work=$(mktemp -d /tmp/gl-agent-bench-XXXXXX)
server_pid=""; agent_pid=""
cleanup() { for p in $agent_pid $server_pid; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
dotnet "$cli" server --data "$work/server" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
token=$(cat "$work/server/admin.token")
enroll=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"bench","uses":1,"expiresInHours":1}' "http://127.0.0.1:$port/api/v1/enrollment-tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
GREENLIGHT_ENROLLMENT_TOKEN="$enroll" dotnet "$cli" agent --server "http://127.0.0.1:$port" --name bench-1 --root "$work/agent" --poll-wait 20s >"$work/agent.log" 2>&1 &
agent_pid=$!
sleep "$idle"
rss=$(awk '/VmRSS/ {print $2}' "/proc/$agent_pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$agent_pid/status")
ticks=$(awk '{print $14 + $15}' "/proc/$agent_pid/stat")
hz=$(getconf CLK_TCK)

printf '\n%-36s %12s\n' "idle greenlight agent (after ${idle}s)" "value"
printf '%-36s %12s\n' "------------------------------------" "------------"
printf '%-36s %9d MiB\n' "resident memory (VmRSS)" $((rss / 1024))
printf '%-36s %9d MiB\n' "peak resident memory (VmHWM)" $((hwm / 1024))
printf '%-36s %10.2f s\n' "CPU time since start" "$(echo "$ticks / $hz" | bc -l)"
