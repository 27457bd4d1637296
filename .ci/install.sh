#!/usr/bin/env bash
# Installs what the test suite needs beyond a JDK and Maven. Idempotent: skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

# ClamAV's daemon for the malware-scan tests: the tests start it themselves with an EICAR-only signature database.
if ! command -v clamd >/dev/null 2>&1 && [ ! -x /usr/sbin/clamd ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clamav-daemon
fi

# newman and the Bruno CLI run the example collections against a started broker (ExampleCollectionsIT).
if [ ! -x examples/node_modules/.bin/newman ] || [ ! -x examples/node_modules/.bin/bru ]; then
  (cd examples && npm install --no-audit --no-fund)
fi

# tus-js-client, the TUS client TusJsClientTest drives under Node (versions pinned in src/test/node/package-lock.json).
if [ ! -f src/test/node/node_modules/tus-js-client/package.json ]; then
  npm ci --prefix src/test/node --no-audit --no-fund
fi

# Azurite for the Azure blob store tests (AzureBlobStoreTest starts it on 127.0.0.1 itself).
if [ ! -x .ci/azurite/node_modules/.bin/azurite-blob ]; then
  npm install --prefix .ci/azurite --no-audit --no-fund --loglevel=error
fi

# The web app's browser tests (WebAppBrowserIT): Debian's chromium, driven by playwright-core with axe-core
# (versions pinned in src/test/browser/package-lock.json). Playwright's own browser download is never used.
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core
fi
if [ ! -f src/test/browser/node_modules/playwright-core/package.json ]; then
  npm ci --prefix src/test/browser --no-audit --no-fund
fi
