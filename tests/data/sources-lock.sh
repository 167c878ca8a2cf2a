#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# data/raw/sources.lock is the list of the files the data build reads:
# fail when it is stale, and check that data/build/raw-sources.py refuses
# what it must refuse.
#
# 1. `raw-sources.py check` runs the build on the sources (the mirror, else
#    the assembled sources) and must find the lock, origins.csv and the
#    vendored copies in data/raw in agreement.
# 2. The check must fail on a lock that lacks a file the build reads, and
#    on one that names a file the build does not read.
# 3. fetch must refuse a file whose sha256 differs from the lock (exit 65,
#    one line, no output folder), must say that a file derived from a
#    source that may not be redistributed comes only from a mirror (69),
#    must download a byte-identical upstream file (here from a file://
#    stand-in for the upstream host) and must reject a malformed lock (65).
#
# Exit status (automake test harness): 0 pass, 1 fail, 77 skipped (outside
# CI only, as for tests/data/rebuild.sh).

. "${CARBON_ADVISOR_TESTS:-${0%/*}/..}/data/lib.sh"
me=sources-lock.sh
data_root $me
rs="$root/data/build/raw-sources.py"
lock="$root/data/raw/sources.lock"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ca-lock.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

data_assemble $me "$tmp/sources"
src=${mirror:-$tmp/sources}
status=0

fail ()
{
	echo "$me: FAIL: $*" >&2
	status=1
}

# expect NAME STATUS PATTERN CMD...: CMD exits STATUS, stderr matches PATTERN.
expect ()
{
	name=$1 want=$2 pattern=$3
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if test "$got" -ne "$want"; then
		fail "$name: exit $got, expected $want"
		cat "$tmp/err" >&2
	elif ! grep -q -- "$pattern" "$tmp/err"; then
		fail "$name: stderr lacks: $pattern"
		cat "$tmp/err" >&2
	fi
}

# 1. The committed lock is fresh.
expect fresh 0 'agrees with the build' python3 "$rs" check "$src"

# 2. A lock without codecarbon/nordic_emissions.csv (read for the Nordic
# zones), and one with a row for a file the build does not read.
grep -v '^codecarbon,nordic_emissions.csv,' "$lock" >"$tmp/short.lock"
expect unlocked-read 1 \
	'codecarbon/nordic_emissions.csv: read by the build but not locked' \
	python3 "$rs" check "$src" --lock "$tmp/short.lock"
cp "$lock" "$tmp/long.lock"
echo "gsf-real-time-cloud,Cloud_Region_Metadata_estimate.csv,input,fetch,x,Green-Software-Foundation/real-time-cloud,b2858aa2300ae2faf30ed9145b06dcb7ce995148,Cloud_Region_Metadata_estimate.csv,,$(printf '%064d' 0),1" \
	>>"$tmp/long.lock"
expect unread-lock 1 \
	'Cloud_Region_Metadata_estimate.csv: locked but no longer read' \
	python3 "$rs" check "$src" --lock "$tmp/long.lock"

# 3. fetch, on a one-row lock of the GSF file (fetched, not vendored).
gsf=gsf-real-time-cloud/Cloud_Region_Metadata.csv
{ head -n 1 "$lock"; grep "^gsf-real-time-cloud,Cloud_Region_Metadata.csv," "$lock"; } \
	>"$tmp/gsf.lock"
test "$(wc -l <"$tmp/gsf.lock")" -eq 2 || fail "no fetch row for $gsf in the lock"
mkdir -p "$tmp/bad/gsf-real-time-cloud"
sed '2s/,/;/' "$src/$gsf" >"$tmp/bad/$gsf"
expect mismatch 65 "^raw-sources: .*Cloud_Region_Metadata.csv: sha256 .* does not match" \
	python3 "$rs" fetch "$tmp/f1" --from "$tmp/bad" --lock "$tmp/gsf.lock"
test "$(wc -l <"$tmp/err")" -eq 1 || fail "mismatch: more than one line"
test -e "$tmp/f1" && fail "mismatch: left an output folder"
# The upstream host stood in by a file:// tree REPO/COMMIT/PATH.
up="$tmp/up/Green-Software-Foundation/real-time-cloud/b2858aa2300ae2faf30ed9145b06dcb7ce995148"
mkdir -p "$up"
cp "$src/$gsf" "$up/Cloud_Region_Metadata.csv"
expect download 0 '1 files' \
	python3 "$rs" fetch "$tmp/f2" --lock "$tmp/gsf.lock" --url-base "file://$tmp/up"
cmp -s "$src/$gsf" "$tmp/f2/$gsf" || fail "download: $gsf differs"
sed '2s/,/;/' "$src/$gsf" >"$up/Cloud_Region_Metadata.csv"
expect download-mismatch 65 'does not match' \
	python3 "$rs" fetch "$tmp/f3" --lock "$tmp/gsf.lock" --url-base "file://$tmp/up"
# azure-prices-anycloud's file is derived here from a catalogue with no
# licence: not vendored, not downloadable.
{ head -n 1 "$lock"; grep "^azure-prices-anycloud,azure_vm_prices.csv," "$lock"; } \
	>"$tmp/any.lock"
expect mirror-only 69 'azure_vm_prices.csv: derived here .*only a mirror has it' \
	python3 "$rs" fetch "$tmp/f4" --lock "$tmp/any.lock" --url-base "file://$tmp/up"
sed '2s/,[0-9a-f]\{64\},/,XYZ,/' "$tmp/gsf.lock" >"$tmp/broken.lock"
expect malformed 65 'broken.lock:2: sha256: not 64' \
	python3 "$rs" fetch "$tmp/f5" --lock "$tmp/broken.lock" --from "$src"

if test $status -eq 0; then
	echo "$me: data/raw/sources.lock is fresh; raw-sources.py refuses bad input"
fi
exit $status
