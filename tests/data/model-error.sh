#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Leave-one-family-out error of the component power model
# (data/build/power_model.py) on the Teads sheet's own EC2 rows.
#
# Fails when the median or the worst relative error at any of the four
# loads grows past the figure measured when the model was written
# (doc/METHODOLOGY.md ("Power for instances the sheet lacks")), plus a margin of 0.5 percentage points.
#
# Exit status (automake test harness): 0 within bounds, 1 above a bound or
# the model failed, 77 skipped (outside CI only: no python3, or the source
# files not vendored in data/raw cannot be had).
#
# The sources are assembled as for tests/data/rebuild.sh (vendored files
# of data/raw plus the mirror $CARBON_ADVISOR_SOURCES, else
# <repo root>/../shared/data/sources), checked against data/raw/sources.lock.

# Measured (percent): load median worst
measured='
idle 2.4 47.6
10 3.0 46.2
50 1.3 55.5
100 1.3 51.3
'
margin=0.5

. "${CARBON_ADVISOR_TESTS:-${0%/*}/..}/data/lib.sh"
data_root model-error.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ca-model.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

data_assemble model-error.sh "$tmp/sources"
sources=$tmp/sources

# One line per load: load median% worst% worst_type
if ! python3 - "$root/data/build" "$sources" >"$tmp/lofo" 2>"$tmp/err" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import power_model as pm
rows = pm.read_teads_ec2(sys.argv[2])
res = pm.leave_one_family_out(rows, sys.argv[2])
if res['gaps']:
    sys.stderr.write('rows the model could not do: %r\n' % res['gaps'])
    sys.exit(1)
for name in pm.LOAD_NAMES:
    o = res['overall'][name]
    print('%s %s %s %s' % (name, format(o['median'] * 100, 'f'),
                           format(o['worst'] * 100, 'f'), o['worst_type']))
EOF
then
	cat "$tmp/err" >&2
	echo "model-error.sh: FAIL: leave_one_family_out failed" >&2
	exit 1
fi

status=0
echo "$measured" | while read -r load med worst; do
	test -n "$load" || continue
	line=$(grep "^$load " "$tmp/lofo")
	if test -z "$line"; then
		echo "model-error.sh: FAIL: no figure for load $load" >&2
		exit 1
	fi
	echo "$line" | awk -v m="$med" -v w="$worst" -v g="$margin" '{
		printf "model-error.sh: load %s: median %.2f %% (bound %.1f), worst %.2f %% (bound %.1f, %s)\n", $1, $2, m + g, $3, w + g, $4
		if ($2 > m + g || $3 > w + g) exit 1
	}' || exit 1
done || status=1

if test $status -ne 0; then
	echo "model-error.sh: FAIL: the model's error grew past the measured figures" \
		"(doc/METHODOLOGY.md ("Power for instances the sheet lacks"))" >&2
fi
exit $status
