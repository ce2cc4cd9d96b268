#!/usr/bin/env bash
# Debian packages the gate needs beyond npm: a JDK (apex-ls, PMD, javap for the standard
# SObject schema) and Chromium (the workbench's end-to-end tests). Idempotent: installs only
# what is missing, so a developer machine that has both pays nothing.
set -euo pipefail

missing=()
command -v javap >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
java -version 2>&1 | head -1
chromium --version
