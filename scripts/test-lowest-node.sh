#!/usr/bin/env bash
# Runs the library's runtime code (its build, not the dev toolchain) on the lowest Node version
# `engines` allows, fetched from the npm registry. Usage: npm run test:lowest-node
set -euo pipefail
cd "$(dirname "$0")/.."
lowest=$(node -p 'require("./package.json").engines.node.replace(/^>=\s*/, "")')
[ -f dist/index.js ] || npm run build >/dev/null
node scripts/check-dependency-engines.mjs
echo "Runtime smoke test on Node $lowest"
npx -y -p "node@$lowest" -- node scripts/runtime-smoke.mjs
