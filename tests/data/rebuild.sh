#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Rebuild the data tables from the raw sources and compare them, byte for
# byte, with the committed data/*.csv.
#
# The sources are assembled by data/build/raw-sources.py: the files
# vendored in data/raw plus the others from the mirror
# ($CARBON_ADVISOR_SOURCES, else <repo root>/../shared/data/sources) or,
# without a mirror, from their upstream; each checked against
# data/raw/sources.lock.
#
# Exit status (automake test harness): 0 identical, 1 different, build
# failed or a file does not match the lock, 77 skipped (outside CI only:
# no python3, or the files not vendored cannot be had).

. "${CARBON_ADVISOR_TESTS:-${0%/*}/..}/data/lib.sh"
me=rebuild.sh
data_root $me

tables='instances.csv regions.csv prices.csv groups.csv gpus.csv gpu_scaling.csv zones.csv site_defaults.csv equivalents.csv unsupported.csv ccf_instances.csv ccf_regions.csv grid_alternatives.csv pue_alternatives.csv embodied_alternatives.csv power_error.csv sources.csv'

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ca-rebuild.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

data_assemble $me "$tmp/sources"

if ! python3 "$root/data/build/build-tables.py" "$tmp/sources" "$tmp/out" \
	2>"$tmp/build.log"; then
	cat "$tmp/build.log" >&2
	echo "$me: FAIL: build-tables.py failed" >&2
	exit 1
fi

status=0
for t in $tables; do
	if ! test -f "$root/data/$t"; then
		echo "$me: FAIL: data/$t is missing" >&2
		status=1
	elif ! diff -u "$root/data/$t" "$tmp/out/$t"; then
		echo "$me: FAIL: data/$t differs from a fresh build" >&2
		status=1
	fi
done
# A table the build writes that the list above (and the repository) lacks.
for f in "$tmp/out"/*.csv; do
	case " $tables " in
	*" ${f##*/} "*) ;;
	*)	echo "$me: FAIL: the build writes ${f##*/}, not committed in data/" >&2
		status=1 ;;
	esac
done
if test $status -eq 0; then
	echo "$me: data/ tables identical to a fresh build from the locked sources"
fi
exit $status
