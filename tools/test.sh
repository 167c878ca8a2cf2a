#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Install, build and run the whole test suite: the normal build, the same
# suite again under ASan and UBSan in a separate build directory, and the
# fuzz targets' smoke run (tests/fuzz).  The last line says
# "N passed, N failed, N skipped" over all three.  Exits non-zero when any
# test fails.
#
# The sanitizer and fuzz builds are VPATH builds of a clean copy of the
# sources (tracked and new files, not build products: automake refuses a
# VPATH build of a source tree configured in place), in build-asan/ and
# build-fuzz/.  TEST_SKIP_SANITIZERS=1 or TEST_SKIP_FUZZ=1 leave them out
# (never in CI).
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
./tools/setup.sh || exit 1

pass=0 failed=0 skip=0

# count LOG: add the automake harness summary of LOG to the totals (it
# counts every test script and every Check case reported through TAP).
count ()
{
  p=$(sed -n 's/^# PASS: *//p' "$1" | head -n 1)
  f=$(sed -n 's/^# FAIL: *//p' "$1" | head -n 1)
  x=$(sed -n 's/^# XPASS: *//p' "$1" | head -n 1)
  e=$(sed -n 's/^# ERROR: *//p' "$1" | head -n 1)
  s=$(sed -n 's/^# SKIP: *//p' "$1" | head -n 1)
  pass=$((pass + ${p:-0}))
  failed=$((failed + ${f:-0} + ${x:-0} + ${e:-0}))
  skip=$((skip + ${s:-0}))
}

# suite NAME LOG STATUS: count LOG, or one failure when there is none.
suite ()
{
  if [ ! -f "$2" ]; then
    echo "test: no $2: the $1 suite did not run" >&2
    failed=$((failed + 1))
    return
  fi
  before=$failed
  count "$2"
  [ "$3" -eq 0 ] || [ "$failed" -gt "$before" ] || failed=$((failed + 1))
}

# vpath DIR: a clean copy of the sources in DIR/src, autogen'd, and an
# empty DIR/build to configure it from.
vpath ()
{
  rm -rf "$1"
  mkdir -p "$1/src" "$1/build"
  # A git checkout copies its files; a tree without git (a release
  # tarball, or a machine without git) copies what the tarball holds.
  if command -v git >/dev/null 2>&1 \
     && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z -c -o --exclude-standard \
      | xargs -0 cp --parents -t "$1/src" 2>/dev/null
  else
    rm -rf "$1/src" && make distdir distdir="$1/src" >/dev/null
  fi || { echo "test: cannot copy the sources" >&2; return 1; }
  # tests/data/*.sh look for ../shared beside the sources.
  if [ -z "${CARBON_ADVISOR_SOURCES:-}" ] && [ -d ../shared/data/sources ]
  then
    CARBON_ADVISOR_SOURCES=$(cd ../shared/data/sources && pwd)
    export CARBON_ADVISOR_SOURCES
  fi
  (cd "$1/src" && ./autogen.sh >/dev/null 2>&1)
}

start=$(date +%s)
status=0
make -j2 check || status=$?
suite normal test-suite.log "$status"
echo "test: normal suite: $(( $(date +%s) - start )) s" >&2

if [ "${TEST_SKIP_SANITIZERS:-0}" != 1 ] || [ "${CI:-}" = true ]; then
  start=$(date +%s)
  status=0
  # Sanitized code runs several times slower: Check's 4-second timeout of
  # a test case is a guard against hangs, not a speed test, so it is
  # stretched (a shared machine's load made check_power's scan of every
  # curve time out).
  { vpath "$top/build-asan" \
    && cd "$top/build-asan/build" \
    && ../src/configure --enable-sanitizers --enable-werror \
         --enable-unit-tests >/dev/null \
    && make -j2 >/dev/null \
    && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
       CK_TIMEOUT_MULTIPLIER=10 make -j2 check; } \
    || status=$?
  cd "$top"
  suite sanitizer build-asan/build/test-suite.log "$status"
  echo "test: sanitizer suite: $(( $(date +%s) - start )) s" >&2
fi

if [ "${TEST_SKIP_FUZZ:-0}" != 1 ] || [ "${CI:-}" = true ]; then
  start=$(date +%s)
  status=0
  log=$top/build-fuzz/fuzz-smoke.log
  { vpath "$top/build-fuzz" \
    && cd "$top/build-fuzz/build" \
    && ../src/configure CC=clang --enable-fuzzing >/dev/null \
    && make -j2 >/dev/null \
    && make fuzz-smoke >"$log"; } || status=$?
  cd "$top"
  [ -f "$log" ] && cat "$log"
  p=$(grep -c '^PASS: ' "$log" 2>/dev/null)
  f=$(grep -c '^FAIL: ' "$log" 2>/dev/null)
  pass=$((pass + ${p:-0}))
  failed=$((failed + ${f:-0}))
  [ "$status" -eq 0 ] || [ "${f:-0}" -gt 0 ] || failed=$((failed + 1))
  echo "test: fuzz smoke: $(( $(date +%s) - start )) s" >&2
fi

echo "$pass passed, $failed failed, $skip skipped"
[ "$failed" -eq 0 ]
