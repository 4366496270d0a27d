#!/usr/bin/env bash
# Installs playwright-core (pinned in console/e2e/package.json) into console/e2e/node_modules for
# the console's browser test, ConsoleBrowserIT. Idempotent: does nothing when it already loads.
# It downloads no browser: the test drives the system's Chromium (apt-get install chromium, or
# CHROMIUM_PATH), and skips, saying so, where there is none.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
e2e_dir="$(cd "$script_dir/../console/e2e" && pwd)"

loads() {
  (cd "$e2e_dir" && node --input-type=module -e "await import('playwright-core')") >/dev/null 2>&1
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node and npm are needed for the console's browser test: install Node.js 18+ (apt-get install nodejs npm)" >&2
  exit 1
fi
if loads; then
  echo "console browser test ready"
  exit 0
fi

cd "$e2e_dir"
# no browser download, whatever the environment says
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund

if ! loads; then
  echo "npm finished but playwright-core still does not load in $e2e_dir" >&2
  exit 1
fi
echo "console browser test ready"
