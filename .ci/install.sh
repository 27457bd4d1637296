#!/usr/bin/env bash
# Installs what the test suite needs beyond a JDK and Maven. Idempotent: skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

# tus-js-client, the TUS client TusJsClientTest drives under Node (versions pinned in src/test/node/package-lock.json).
if [ ! -f src/test/node/node_modules/tus-js-client/package.json ]; then
  npm ci --prefix src/test/node --no-audit --no-fund
fi
