#!/bin/sh
# Install, build and run the whole test suite; the last line says
# "N passed, N failed".  Exits non-zero when any test fails.
set -u
cd "$(dirname "$0")/.."
./tools/setup.sh || exit 1
status=0
make -j2 check || status=$?
log=test-suite.log
if [ ! -f "$log" ]; then
  echo "test: no $log: the suite did not run" >&2
  exit 1
fi
# The automake harness summary counts every test script and every Check
# case reported through TAP.
pass=$(sed -n 's/^# PASS: *//p' "$log" | head -n 1)
fail=$(sed -n 's/^# FAIL: *//p' "$log" | head -n 1)
xpass=$(sed -n 's/^# XPASS: *//p' "$log" | head -n 1)
errors=$(sed -n 's/^# ERROR: *//p' "$log" | head -n 1)
skip=$(sed -n 's/^# SKIP: *//p' "$log" | head -n 1)
failed=$(( ${fail:-0} + ${xpass:-0} + ${errors:-0} ))
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "${pass:-0} passed, $failed failed, ${skip:-0} skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
