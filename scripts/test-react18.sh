#!/usr/bin/env bash
# Runs the test suites a second time against React 18.3, in a copy of the repository with its
# own install, so the main run keeps one lockfile. Usage: npm run test:react18
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
copy="${REACT18_DIR:-${TMPDIR:-/tmp}/agentcore-react-18}"

echo "React 18: copying the repository to $copy"
rm -rf "$copy"
mkdir -p "$copy"
git ls-files -z --cached --others --exclude-standard | (cd "$root" && xargs -0 tar -cf - --) | tar -xf - -C "$copy"
cd "$copy"
node scripts/react18/rewrite-package.mjs package.json
rm -f package-lock.json

echo "React 18: installing"
npm install --no-audit --no-fund --loglevel=error

echo "React 18: typecheck of the library and its tests"
npx tsc -p tsconfig.react18.json --noEmit

echo "React 18: tests"
EXPECTED_REACT_MAJOR=18 npx vitest run --project node --project jsdom --project browser --project storybook --project e2e
