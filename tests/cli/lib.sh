# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Helpers for the black-box CLI tests; sourced by each tests/cli/*.sh.
# The harness sets CARBON_ADVISOR (the program), CARBON_ADVISOR_DATA (the
# data tables) and CARBON_ADVISOR_TESTS (this tests/ directory).

: "${CARBON_ADVISOR:?run through make check}"
: "${CARBON_ADVISOR_TESTS:?run through make check}"
LC_ALL=C
export LC_ALL
expected_dir=$CARBON_ADVISOR_TESTS/cli/expected
fixtures=$CARBON_ADVISOR_TESTS/cli/fixtures
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
cases=0

fail ()
{
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_output NAME EXPECTED [ARG...]: the program, run with ARGs,
# exits 0, prints nothing on stderr, and prints exactly the file
# $expected_dir/EXPECTED on stdout.  With CARBON_ADVISOR_REGENERATE=1 in
# the environment it writes that file instead (after a change that is
# meant to change the output: review it with 'git diff').
expect_output ()
{
  name=$1 expected=$2
  shift 2
  run_ok "$name" "$@" || return
  if [ -s "$work/err" ]; then
    fail "$name: unexpected stderr"
    cat "$work/err" >&2
  fi
  check_expected "$name" "$expected"
}

# run_ok NAME [ARG...]: one case: the program with ARGs, its stdout in
# $work/out and its stderr in $work/err; when it exits other than 0 the
# case fails (its stderr shown) and run_ok returns 1.
run_ok ()
{
  run_name=$1
  shift
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" "$@" >"$work/out" 2>"$work/err" || status=$?
  if [ "$status" -ne 0 ]; then
    fail "$run_name: exit status $status, expected 0"
    cat "$work/err" >&2
    return 1
  fi
}

# check_expected NAME EXPECTED: $work/out is exactly the file
# $expected_dir/EXPECTED, or, with CARBON_ADVISOR_REGENERATE=1, becomes
# it.
check_expected ()
{
  if [ "${CARBON_ADVISOR_REGENERATE:-0}" = 1 ]; then
    cp "$work/out" "$expected_dir/$2"
    return
  fi
  if ! diff -u "$expected_dir/$2" "$work/out" >&2; then
    fail "$1: stdout differs from $2"
  fi
}

# expect_error NAME STATUS MESSAGE [ARG...]: the program exits with
# STATUS, prints nothing on stdout, and its stderr starts with the line
# MESSAGE.
expect_error ()
{
  name=$1 want_status=$2 message=$3
  shift 3
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" "$@" >"$work/out" 2>"$work/err" || status=$?
  if [ "$status" -ne "$want_status" ]; then
    fail "$name: exit status $status, expected $want_status"
  fi
  if [ -s "$work/out" ]; then
    fail "$name: unexpected stdout"
    cat "$work/out" >&2
  fi
  first=$(head -n 1 "$work/err")
  if [ "$first" != "$message" ]; then
    fail "$name: stderr"
    echo "  expected: $message" >&2
    echo "  got:      $first" >&2
  fi
}

# finish: report and exit with the harness's status.
finish ()
{
  echo "$cases cases, $failures failed"
  [ "$failures" -eq 0 ]
  exit $?
}
