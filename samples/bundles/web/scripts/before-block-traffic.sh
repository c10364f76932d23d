#!/usr/bin/env bash
# BeforeBlockTraffic (deployments behind a load balancer): the instance still serves traffic.
source "$(dirname "$0")/sample.sh"
record BeforeBlockTraffic
