#!/usr/bin/env bash
# Installs what the tests use from Debian's packages when it is missing: PostgreSQL's server binaries (the store and
# end-to-end tests start throwaway clusters) and acl's setfacl (the agent's install step applies appspec acls).
# Quiet and quick when everything is there. Idempotent.
set -euo pipefail
cd "$(dirname "$0")"
./ensure-postgres.sh
if ! command -v setfacl >/dev/null 2>&1; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "ensure-test-tools: installing acl (setfacl)" >&2
  "${sudo[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq acl >/dev/null
fi
