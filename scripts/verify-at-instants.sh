#!/usr/bin/env bash
# Runs the tests with the business clock started at the instants where the machine's day and China's day differ and
# where a month and a year turn in China, in a zone far from China. Extra arguments go to Maven (e.g. -Dtest=...).
set -uo pipefail
cd "$(dirname "$0")/.."
instants=(2026-12-02T23:30:00Z 2026-12-02T15:59:00Z 2026-11-30T16:00:00Z 2026-12-31T16:00:00Z)
failed=0
for at in "${instants[@]}"; do
  echo "=== clock at $at (TZ=America/Los_Angeles)"
  if TZ=America/Los_Angeles ESTATEDESK_TEST_CLOCK="$at" mvn -B -q verify "$@"; then
    echo "=== $at: passed"
  else
    echo "=== $at: FAILED"
    failed=1
  fi
done
exit $failed
