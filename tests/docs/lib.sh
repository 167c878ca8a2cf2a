# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Helpers for the documentation tests; sourced by each tests/docs/*.sh.
# The harness sets CARBON_ADVISOR (the program, in the build tree) and
# CARBON_ADVISOR_TOP (the source tree).

: "${CARBON_ADVISOR:?run through make check}"
: "${CARBON_ADVISOR_TOP:?run through make check}"
LC_ALL=C
export LC_ALL
top=$CARBON_ADVISOR_TOP
build=${CARBON_ADVISOR%/src/*}
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-docs.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM
failures=0
cases=0

fail ()
{
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# man_page: the man page the build made (from git), else the one the
# sources ship (a tarball); fails when there is none.
man_page ()
{
  for m in "$build/carbon-advisor.1" "$top/carbon-advisor.1"; do
    if [ -f "$m" ]; then
      echo "$m"
      return 0
    fi
  done
  echo "no carbon-advisor.1 in $build or $top: run make first" >&2
  return 1
}

finish ()
{
  echo "$cases cases, $failures failed"
  [ "$failures" -eq 0 ]
  exit $?
}
