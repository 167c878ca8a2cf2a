#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# --method ccf against Cloud Carbon Footprint's own algorithm: ccf-check.py
# re-implements it from the raw coefficient files and compares the
# program's energy on a held-out eighth of the catalogue.  Fails when
# fewer than 80 % of the cases are within 5 % of CCF's, or when the
# program refuses a type CCF covers.
#
# Exit status (automake test harness): 0 pass, 1 fail, 77 skipped (no
# python3 or no mirror of the sources folder), except that with CI=true
# those are failures: CI has them beside the clone.  The mirror is
# $CARBON_ADVISOR_SOURCES if set, else <repo root>/../shared/data/sources.

. "${CARBON_ADVISOR_TESTS:-${0%/*}/..}/data/lib.sh"
me=ccf-check.sh
data_root $me

command -v python3 >/dev/null 2>&1 || data_skip $me "python3 not found"
data_mirror
test -n "$mirror" || data_skip $me "no mirror of the sources folder: ${CARBON_ADVISOR_SOURCES:-$root/../shared/data/sources}"
program=${CARBON_ADVISOR:-$root/src/carbon-advisor}
if ! test -x "$program"; then
	echo "$me: FAIL: no program at $program" >&2
	exit 1
fi

CARBON_ADVISOR_DATA=$root/data
export CARBON_ADVISOR_DATA
exec python3 "$root/tests/data/ccf-check.py" "$mirror" "$root/data" "$program"
