#!/bin/sh
# Rebuild the data tables from the raw sources and compare them, byte for
# byte, with the committed data/*.csv.
#
# Exit status (automake test harness): 0 identical, 1 different or build
# failed, 77 skipped (no python3 or no sources folder).
#
# The sources folder is $CARBON_ADVISOR_SOURCES if set, else
# <repo root>/../shared/data/sources.

tables='instances.csv regions.csv prices.csv groups.csv gpus.csv gpu_scaling.csv unsupported.csv ccf_instances.csv ccf_regions.csv grid_alternatives.csv pue_alternatives.csv embodied_alternatives.csv power_error.csv sources.csv'

# Find the repository root: the directory holding data/build/build-tables.py.
root=
for dir in "${top_srcdir:-}" "${srcdir:-}" "${srcdir:-.}/.." "${srcdir:-.}/../.." \
	"${0%/*}/../.." .; do
	if test -n "$dir" && test -f "$dir/data/build/build-tables.py"; then
		root=$dir
		break
	fi
done
if test -z "$root"; then
	echo "rebuild.sh: cannot find data/build/build-tables.py" >&2
	exit 1
fi

sources=${CARBON_ADVISOR_SOURCES:-$root/../shared/data/sources}
if ! test -d "$sources"; then
	echo "rebuild.sh: SKIP: sources folder not found: $sources" >&2
	exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "rebuild.sh: SKIP: python3 not found" >&2
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ca-rebuild.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

if ! python3 "$root/data/build/build-tables.py" "$sources" "$tmp/out" \
	2>"$tmp/build.log"; then
	cat "$tmp/build.log" >&2
	echo "rebuild.sh: FAIL: build-tables.py failed" >&2
	exit 1
fi

status=0
for t in $tables; do
	if ! test -f "$root/data/$t"; then
		echo "rebuild.sh: FAIL: data/$t is missing" >&2
		status=1
	elif ! diff -u "$root/data/$t" "$tmp/out/$t"; then
		echo "rebuild.sh: FAIL: data/$t differs from a fresh build" >&2
		status=1
	fi
done
if test $status -eq 0; then
	echo "rebuild.sh: data/ tables identical to a fresh build"
fi
exit $status
