#!/usr/bin/env bash
# Installs what the tests use from Debian's packages when it is missing: PostgreSQL's server binaries (the store and
# end-to-end tests start throwaway clusters), acl's setfacl (the agent's install step applies appspec acls) and
# Prometheus and Alertmanager (the alarm tests start their own on loopback: Prometheus scrapes Greenlight's /metrics,
# Alertmanager calls Greenlight's webhook).
# Quiet and quick when everything is there. Idempotent.
set -euo pipefail
cd "$(dirname "$0")"
./ensure-postgres.sh
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
updated=no
install() { # COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "ensure-test-tools: installing $2 ($1)" >&2
  if [ "$updated" = no ]; then
    "${sudo[@]}" apt-get update -qq >/dev/null
    updated=yes
  fi
  # Debian's prometheus package would start its service where there is an init system; the tests run their own.
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$2" >/dev/null
}
install setfacl acl
install prometheus prometheus
install prometheus-alertmanager prometheus-alertmanager
