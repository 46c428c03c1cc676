#!/usr/bin/env bash
# Everything CI checks, in order: types, lint, build, security scan, unit + integration tests (vitest), end-to-end
# tests in Debian's Chromium (Playwright). Ends with one summary line of passed/failed tests.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
status=0
step() { echo; echo "── $1"; }

step "typecheck" && npm run -s typecheck || status=1
step "lint" && npm run -s lint || status=1
step "build" && npm run -s build >/dev/null || { echo "build failed"; status=1; }
step "security scan (electronegativity over electron/ and the build; npm audit of production dependencies)" && bash scripts/security-scan.sh || status=1
step "unit and integration tests (vitest; real Secret Service through dbus + gnome-keyring)"
YARDSTICK_REQUIRE_KEYCHAIN=1 bash scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json 2> >(grep -v 'Failed to set fd limit' >&2) || status=1
step "end-to-end tests (Playwright, Chromium; real Secret Service)"
YARDSTICK_REQUIRE_KEYCHAIN=1 bash scripts/with-keyring.sh npx playwright test 2> >(grep -v 'Failed to set fd limit' >&2) || status=1

node scripts/test-summary.mjs test-results/vitest.json test-results/e2e.json || status=1
exit $status
