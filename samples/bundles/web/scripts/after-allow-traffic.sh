#!/usr/bin/env bash
# AfterAllowTraffic: the instance is back behind the load balancer.
source "$(dirname "$0")/sample.sh"
record AfterAllowTraffic
