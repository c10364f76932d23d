#!/usr/bin/env bash
# Make sure the destination exists before Install copies the files.
set -euo pipefail
mkdir -p /opt/web
