#!/usr/bin/env bash
# Installs what the test suite needs beyond a JDK and Maven. Idempotent: skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

# Azurite for the Azure blob store tests (AzureBlobStoreTest starts it on 127.0.0.1 itself).
if [ ! -x .ci/azurite/node_modules/.bin/azurite-blob ]; then
  npm install --prefix .ci/azurite --no-audit --no-fund --loglevel=error
fi
