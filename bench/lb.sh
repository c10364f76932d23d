#!/usr/bin/env bash
# Requests per second and latency (p50, p99) of GET / at a fixed concurrency, straight to a backend and then through
# the built-in load balancer (Greenlight.LoadBalancer) to the same backend, SECONDS each, loopback only, in one process
# (bench/Greenlight.Bench, mode lb). Prints a table; exit code 1 if any request failed.
# Usage: bench/lb.sh [SECONDS] [CONCURRENCY]   (defaults 10 and 16)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Greenlight.Bench -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet bench/Greenlight.Bench/bin/Release/net10.0/Greenlight.Bench.dll lb "${1:-10}" "${2:-16}"
