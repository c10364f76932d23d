#!/usr/bin/env bash
# Builds the sample web app (samples/web-app) once and assembles the sample bundles from the template in
# samples/bundles/web (samples/README.md):
#   artifacts/sample-web/app/              the published app (framework-dependent, Release)
#   artifacts/sample-web/bundles/v1        version 1.0.0
#   artifacts/sample-web/bundles/v2        version 2.0.0
#   artifacts/sample-web/bundles/broken    version 3.0.0-broken, whose ValidateService fails (broken.txt)
#   artifacts/sample-web/bundles/v3-5xx    version 3.0.0, whose home page answers 500 (mode.txt = error5xx)
# Prints the bundle folders, one absolute path a line; progress goes to stderr. The publish is skipped when the
# app is newer than every source file, and a bundle is reassembled only when the app, the template or this script
# changed, so a second run does nothing and a bundle in use is never rewritten for no reason. Runs at the same time
# wait for each other (flock).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "sample-app: $*" >&2; }
command -v dotnet >/dev/null 2>&1 || { say "dotnet is not on PATH: install the .NET SDK that global.json names, then run this again"; exit 1; }
command -v flock >/dev/null 2>&1 || { say "flock is not on PATH (util-linux)"; exit 1; }

out=$PWD/artifacts/sample-web
app=$out/app
stamps=$out/stamps
template=samples/bundles/web
mkdir -p "$out/bundles" "$stamps"
exec 9>"$out/.lock"
flock 9

# True when a file among the given paths (bin/ and obj/ excepted) is newer than the stamp, or there is no stamp.
newer_than() {
  local stamp=$1; shift
  [[ ! -f $stamp ]] || [[ -n $(find "$@" -type f -newer "$stamp" -not -path '*/bin/*' -not -path '*/obj/*' -print -quit) ]]
}

# A stamp is dated a tenth of a second before its step started (file times lag a clock read by up to a kernel tick),
# so a file changed while the step ran counts as newer next time.
now_ms() { local ns; ns=$(date +%s%N); echo $(( ns / 1000000 )); }
stamp() { local at=$(( $2 - 100 )); touch -d "@$(( at / 1000 )).$(printf '%03d' $(( at % 1000 )))" "$stamps/$1"; }

if newer_than "$stamps/app" samples/web-app Directory.Build.props Directory.Build.targets Directory.Packages.props global.json eng/analyzers; then
  say "publishing samples/web-app to $app"
  started=$(now_ms)
  rm -rf "$app.new"
  if ! dotnet publish samples/web-app -c Release -o "$app.new" -nologo -clp:ErrorsOnly -v:quiet >&2; then
    say "dotnet publish samples/web-app failed"
    exit 1
  fi
  rm -rf "$app"
  mv "$app.new" "$app"
  stamp app "$started"
fi

# name version [file=content ...]: the template, the app in app/, version.txt, and extra files (paths in the bundle).
assemble() {
  local name=$1 version=$2; shift 2
  local dir=$out/bundles/$name
  if ! newer_than "$stamps/$name" "$stamps/app" "$template" eng/sample-app.sh; then
    return 0
  fi
  say "assembling $name ($version)"
  local started
  started=$(now_ms)
  rm -rf "$dir.new"
  mkdir -p "$dir.new"
  cp -R "$template/." "$dir.new/"
  mkdir -p "$dir.new/app"
  cp -R "$app/." "$dir.new/app/"
  echo "$version" >"$dir.new/app/version.txt"
  local extra
  for extra in "$@"; do
    printf '%s\n' "${extra#*=}" >"$dir.new/${extra%%=*}"
  done
  rm -rf "$dir"
  mv "$dir.new" "$dir"
  stamp "$name" "$started"
}

assemble v1 1.0.0
assemble v2 2.0.0
assemble broken 3.0.0-broken "broken.txt=this bundle is broken on purpose (the sample's broken revision)"
assemble v3-5xx 3.0.0 "app/mode.txt=error5xx"

for name in v1 v2 broken v3-5xx; do
  echo "$out/bundles/$name"
done
