#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Every count the docs state (instance types, regions, priced pairs,
# sources, measured types, the rows of each table and per provider) is
# the data tables' own: doc/counts.py computes the counts from data/*.csv
# and checks the count sentences of README.md, data/README.md, doc/*.md
# and the man page.  It must first catch a planted wrong count in each
# kind of sentence, and refuse an unknown placeholder, so that a checker
# gone blind fails too.  The same docs carry no draft note ("to be merged
# into", TODO, FIXME).
#
# Exit status (automake test harness): 0 pass, 1 fail.

. "${CARBON_ADVISOR_TESTS:-${0%/*}/..}/docs/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "counts.sh: no python3" >&2; exit 1; }
counts="python3 $top/doc/counts.py --data $top/data"
man=$(man_page) || exit 1

# Planted: a prose sentence and a table row, each one off.
n=$($counts list | sed -n 's/^instance_types=//p')
aws=$($counts list | sed -n 's/^rows:regions.csv:aws=//p')
cat >"$work/planted.md" <<END
It covers $((n + 1)) instance types in 3 regions.

| file | one row per | rows |
| --- | --- | --- |
| \`regions.csv\` | cloud region | 1: aws $((aws - 1)) |
END
cases=$((cases + 1))
$counts check "$work/planted.md" >"$work/got" 2>/dev/null \
  && fail "counts.py check passed planted wrong counts"
[ "$(wc -l <"$work/got")" -eq 4 ] || {
  fail "counts.py check: expected 4 disagreements, got:"
  cat "$work/got" >&2
}

cases=$((cases + 1))
printf 'covers @no_such_count@ types\n' >"$work/bad.in"
$counts render "$work/bad.in" "$work/bad.out" 2>/dev/null \
  && fail "counts.py render took an unknown placeholder"

cases=$((cases + 1))
files="$top/README.md $top/data/README.md $top/doc/*.md $man"
[ -f "$build/carbon-advisor.x" ] && files="$files $build/carbon-advisor.x"
# shellcheck disable=SC2086
$counts check $files >"$work/problems" || {
  fail "counts in the docs disagree with the data tables:"
  cat "$work/problems" >&2
}

cases=$((cases + 1))
# shellcheck disable=SC2086
grep -n -i -E 'to be merged|\bdraft\b|\bTODO\b|FIXME' $files \
  "$top/doc/carbon-advisor.x.in" "$top/HACKING.md" >"$work/drafts" && {
  fail "draft notes in the docs:"
  cat "$work/drafts" >&2
}

finish
