#!/usr/bin/env bash
# BeforeAllowTraffic: the last check before the load balancer sends traffic: the app must be healthy now.
source "$(dirname "$0")/sample.sh"
record BeforeAllowTraffic
if ! curl -fsS --max-time 2 -o /dev/null "$url/health"; then
  echo "BeforeAllowTraffic: $url/health does not answer 200" >&2
  exit 1
fi
