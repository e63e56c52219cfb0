#!/usr/bin/env bash
# Runs `npm test` RUNS times in a row (default 10) while a busy loop keeps one core at 100 %,
# and writes one line per run (result, seconds) to test-results/under-load.log. The first run
# starts without the packaging tests' build cache, as on a fresh clone. Exits non-zero if any
# run failed; each failed run's output is kept as test-results/under-load-<n>.log.
set -uo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
log=test-results/under-load.log
mkdir -p test-results
rm -rf test-results/packed

node -e 'for (;;) {}' &
hog=$!
trap 'kill "$hog" 2>/dev/null' EXIT

{
  echo "# npm test x${runs} with a busy loop on one core; $(nproc) cores; $(date -u +%FT%TZ)"
  echo "# $(node --version), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
} >"$log"

failed=0
for n in $(seq 1 "$runs"); do
  start=$(date +%s)
  if npm test >"test-results/under-load-$n.log" 2>&1; then
    result=pass
    rm -f "test-results/under-load-$n.log"
  else
    result=FAIL
    failed=$((failed + 1))
  fi
  line="run $n: $result in $(($(date +%s) - start)) s"
  echo "$line" | tee -a "$log"
done
echo "$((runs - failed)) of ${runs} passed" | tee -a "$log"
[ "$failed" -eq 0 ]
