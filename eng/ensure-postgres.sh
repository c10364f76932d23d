#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries (initdb, pg_ctl) are installed, for the store contract tests, which start a
# throwaway cluster of their own. Does nothing, quietly, when initdb is already on PATH or in
# /usr/lib/postgresql/<version>/bin; otherwise installs Debian's `postgresql` package with apt-get. Idempotent.
# The package's default cluster is not created: the tests need only the binaries, not a running system server.
set -euo pipefail

have_initdb() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

have_initdb && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-postgres: initdb not found and apt-get is unavailable; install the PostgreSQL server package yourself" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "ensure-postgres: installing PostgreSQL needs root (or sudo)" >&2; exit 1; }
  sudo=(sudo)
fi

echo "ensure-postgres: installing PostgreSQL (apt-get install postgresql)" >&2
"${sudo[@]}" mkdir -p /etc/postgresql-common
if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
  echo "create_main_cluster = false" | "${sudo[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq -o Dpkg::Options::=--force-confold postgresql >/dev/null

have_initdb || { echo "ensure-postgres: postgresql installed but initdb still not found" >&2; exit 1; }
