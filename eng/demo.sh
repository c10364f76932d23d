#!/usr/bin/env bash
# Greenlight's main job, as far as it exists today: validate the sample bundles and print deployment plans.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build src/Greenlight.Cli -c Release -nologo -clp:ErrorsOnly
gl() { dotnet src/Greenlight.Cli/bin/Release/net10.0/greenlight.dll "$@"; }

echo "== greenlight validate samples/bundles/web-v1"
gl validate samples/bundles/web-v1
echo
echo "== greenlight plan --instances 10 --min-healthy HOST_COUNT:8 --fail 3,7"
gl plan --instances 10 --min-healthy HOST_COUNT:8 --fail 3,7 || true
echo
echo "== greenlight plan --instances 9 --config CodeDeployDefault.HalfAtATime --load-balancer"
gl plan --instances 9 --config CodeDeployDefault.HalfAtATime --load-balancer
echo
echo "== greenlight plan --instances 4 --blue-green --traffic canary:10:5m --alarm-at 2m"
gl plan --instances 4 --blue-green --traffic canary:10:5m --alarm-at 2m || true
