#!/usr/bin/env bash
# ApplicationStop (the previous revision's copy of this script): stop the running app, if any.
source "$(dirname "$0")/sample.sh"
record ApplicationStop
stop_app
