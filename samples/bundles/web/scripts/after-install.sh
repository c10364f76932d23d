#!/usr/bin/env bash
# AfterInstall: the installed files must be this bundle's.
source "$(dirname "$0")/sample.sh"
record AfterInstall
installed=$(cat "$dest/version.txt" 2>/dev/null || echo missing)
if [[ $installed != "$version" ]]; then
  echo "AfterInstall: $dest/version.txt says '$installed', expected '$version'" >&2
  exit 1
fi
