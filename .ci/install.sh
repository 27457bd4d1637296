#!/usr/bin/env bash
# Installs what the test suite needs beyond a JDK and Maven. Idempotent: skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

# newman and the Bruno CLI run the example collections against a started broker (ExampleCollectionsIT).
if [ ! -x examples/node_modules/.bin/newman ] || [ ! -x examples/node_modules/.bin/bru ]; then
  (cd examples && npm install --no-audit --no-fund)
fi
