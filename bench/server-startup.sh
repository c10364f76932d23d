#!/usr/bin/env bash
# Measures how long `greenlight server` takes from process start to "listening" (and /health answering), on SQLite
# (first start: creates the schema and the admin token; later starts: migrations already applied) and on PostgreSQL
# (a throwaway cluster this script starts on 127.0.0.1 and removes). Prints a table of medians over RUNS starts.
# Usage: bench/server-startup.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Greenlight.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=src/Greenlight.Cli/bin/Release/net10.0/greenlight.dll
work=$(mktemp -d /tmp/gl-bench-XXXXXX)
chmod 755 "$work"  # the postgres user must reach its cluster below it
pg_pid=""
cleanup() {
  [ -n "$pg_pid" ] && kill -9 "$pg_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# One start: prints milliseconds until the server answers /health, then stops it with SIGTERM.
start_once() {
  local data=$1 database=$2 port out pid t0 t1
  port=$(free_port)
  out="$work/out.$RANDOM"
  t0=$(date +%s%N)
  dotnet "$cli" server --data "$data" --listen "127.0.0.1:$port" --database "$database" >"$out" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
    sleep 0.01
  done
  t1=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

sqlite_first=$(for i in $(seq 1 "$runs"); do start_once "$work/sqlite-first-$i" sqlite; done | median)
mkdir -p "$work/sqlite-again"; start_once "$work/sqlite-again" sqlite >/dev/null
sqlite_again=$(for i in $(seq 1 "$runs"); do start_once "$work/sqlite-again" sqlite; done | median)

./eng/ensure-postgres.sh
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
pg="$work/pg"; mkdir -p "$pg"; chown postgres:postgres "$pg"
pg_port=$(free_port)
runuser -u postgres -- "$bin/initdb" -D "$pg/data" -A trust -U postgres >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$pg/data" -l "$pg/log" -w -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1" start >/dev/null
pg_pid=$(head -1 "$pg/data/postmaster.pid")
db="postgres://postgres@127.0.0.1:$pg_port/postgres"
pg_first=$(start_once "$work/pg-data" "$db")
pg_again=$(for i in $(seq 1 "$runs"); do start_once "$work/pg-data" "$db"; done | median)

printf '\n%-42s %10s\n' "greenlight server start-up (to /health)" "median ms"
printf '%-42s %10s\n' "------------------------------------------" "----------"
printf '%-42s %10s\n' "SQLite, first start (schema + admin token)" "$sqlite_first"
printf '%-42s %10s\n' "SQLite, later start" "$sqlite_again"
printf '%-42s %10s\n' "PostgreSQL, first start (one run)" "$pg_first"
printf '%-42s %10s\n' "PostgreSQL, later start" "$pg_again"
printf '\n%s runs each on %s cores; goal: under 2000 ms.\n' "$runs" "$(nproc)"
