#!/usr/bin/env bash
# Installs what the test suite needs beyond a JDK and Maven. Idempotent: skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."
