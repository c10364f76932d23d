#!/usr/bin/env bash
# Runs README.md's first command (the demo) the way a newcomer does: in a clean clone of HEAD (committed work only),
# building everything there from nothing. The command is read from README.md's first ```sh block, so this check
# follows the README. Prints the command's output and how long it took; exits with the command's exit code (the
# clone is deleted when it succeeded, kept for a look when it failed). Called by eng/test.sh; runs by itself too.
set -euo pipefail
cd "$(dirname "$0")/.."

command=$(awk '/^```sh$/ { inside = 1; next } /^```/ { if (inside) exit } inside && NF { print; exit }' README.md)
[ -n "$command" ] || { echo "readme: README.md has no \`\`\`sh block with a command" >&2; exit 2; }
clone=$(mktemp -d /tmp/greenlight-clone-XXXXXX)
git clone -q . "$clone"
echo "\$ $command   (in a clean clone of $(git rev-parse --short HEAD): $clone)"
started=$(date +%s)
set +e
(cd "$clone" && bash -c "$command")
status=$?
set -e
echo "README's first command \`$command\` exited $status after $(($(date +%s) - started)) s (from a clean clone, build included)"
if [ "$status" -eq 0 ]; then
  rm -rf "$clone"
else
  echo "readme: the first command failed; the clone is kept in $clone" >&2
fi
exit "$status"
