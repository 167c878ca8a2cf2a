# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Shared by the tests in tests/data/: find the repository, and assemble a
# complete raw sources folder with data/build/raw-sources.py (the vendored
# files of data/raw plus the others from a mirror or their upstream).
#
# Exit status of a test that sources this file: 77 (skipped) only outside
# CI and only when the files that are not vendored cannot be had; with
# CI=true a missing mirror or python3 is a failure.

# data_root NAME: set $root to the repository root (holding data/build).
data_root ()
{
	root=
	for dir in "${CARBON_ADVISOR_TOP:-}" "${top_srcdir:-}" "${srcdir:-}" "${srcdir:-.}/.." \
		"${srcdir:-.}/../.." "${0%/*}/../.." .; do
		if test -n "$dir" && test -f "$dir/data/build/raw-sources.py"; then
			root=$dir
			break
		fi
	done
	if test -z "$root"; then
		echo "$1: cannot find data/build/raw-sources.py" >&2
		exit 1
	fi
}

# data_skip NAME REASON: skip outside CI, fail in CI (no test skips there).
data_skip ()
{
	if test "${CI:-}" = true; then
		echo "$1: FAIL: $2 (CI=true: no test may skip)" >&2
		exit 1
	fi
	echo "$1: SKIP: $2" >&2
	exit 77
}

# data_mirror: set $mirror to the mirror of the sources folder, or empty:
# $CARBON_ADVISOR_SOURCES if set, else <repo root>/../shared/data/sources.
data_mirror ()
{
	mirror=${CARBON_ADVISOR_SOURCES:-$root/../shared/data/sources}
	test -d "$mirror" || mirror=
}

# data_assemble NAME OUT: make OUT a complete sources folder, or skip/fail.
data_assemble ()
{
	command -v python3 >/dev/null 2>&1 || data_skip "$1" "python3 not found"
	data_mirror
	if test -z "$mirror" && test "${CI:-}" = true; then
		echo "$1: FAIL: CI=true but no mirror of the sources:" \
			"${CARBON_ADVISOR_SOURCES:-$root/../shared/data/sources}" >&2
		exit 1
	fi
	if test -n "$mirror"; then
		python3 "$root/data/build/raw-sources.py" fetch "$2" \
			--from "$mirror" 2>"$2.log"
	else
		python3 "$root/data/build/raw-sources.py" fetch "$2" 2>"$2.log"
	fi
	st=$?
	case $st in
	0)	return 0 ;;
	69)	data_skip "$1" "$(cat "$2.log")" ;;
	*)	cat "$2.log" >&2
		echo "$1: FAIL: cannot assemble the sources (exit $st)" >&2
		exit 1 ;;
	esac
}
