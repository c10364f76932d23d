#!/usr/bin/env bash
# BeforeInstall: nothing to prepare (Install creates the destination and removes the previous revision's files).
source "$(dirname "$0")/sample.sh"
record BeforeInstall
