#!/usr/bin/env bash
# AfterBlockTraffic: the load balancer has drained the instance; ApplicationStop comes next.
source "$(dirname "$0")/sample.sh"
record AfterBlockTraffic
