#!/usr/bin/env sh
# Installs Debian's chromium for the workbench's end-to-end tests (playwright-core drives
# /usr/bin/chromium; it downloads no browser of its own). Idempotent: does nothing when a
# chromium is already on the PATH, so CI can call it on every run.
set -eu
command -v chromium >/dev/null 2>&1 || (apt-get update && apt-get install -y --no-install-recommends chromium)
