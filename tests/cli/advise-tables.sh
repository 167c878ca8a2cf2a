#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# advise reads CCF's tables, the alternatives and the power errors only
# when its options need them (issue 15): a broken table it does not need
# changes nothing, and one it needs is refused with the loader's message.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

job="advise --runtime 24h --load 60 --provider aws --group europe"
data=$work/data
mkdir "$data"
cp "$CARBON_ADVISOR_DATA"/*.csv "$data"
# A word for a number on line 3 of each table advise may do without.
sed -i '3s/^\(\([^,]*,\)\{5\}\)[^,]*/\1abc/' "$data/ccf_instances.csv"
sed -i '3s/^\(\([^,]*,\)\{4\}\)[^,]*/\1abc/' "$data/grid_alternatives.csv"
sed -i '3s/^\(\([^,]*,\)\{3\}\)[^,]*/\1abc/' "$data/power_error.csv"

# The front alone reads none of them: the same output as on sound data.
cases=$((cases + 1))
"$CARBON_ADVISOR" $job >"$work/want" 2>&1 || fail "front: reference run"
"$CARBON_ADVISOR" --data-dir "$data" $job >"$work/out" 2>&1 \
  || fail "front: exit status $?"
cmp -s "$work/want" "$work/out" || fail "front: output differs"
cases=$((cases + 1))
"$CARBON_ADVISOR" --format csv $job --all >"$work/want" 2>&1 \
  || fail "all: reference run"
"$CARBON_ADVISOR" --data-dir "$data" --format csv $job --all >"$work/out" \
  2>&1 || fail "all: exit status $?"
cmp -s "$work/want" "$work/out" || fail "all: output differs"

# The options that read them, each refused with the loader's message.
expect_error method-ccf 65 \
  "carbon-advisor: $data/ccf_instances.csv:3: column 'cpu_min_w_per_vcpu': not a number: 'abc'" \
  --data-dir "$data" $job --method ccf
expect_error uncertainty 65 \
  "carbon-advisor: $data/ccf_instances.csv:3: column 'cpu_min_w_per_vcpu': not a number: 'abc'" \
  --data-dir "$data" $job --uncertainty
cp "$CARBON_ADVISOR_DATA/ccf_instances.csv" "$data"
expect_error grid-source 65 \
  "carbon-advisor: $data/grid_alternatives.csv:3: column 'gco2e_per_kwh': not a number: 'abc'" \
  --data-dir "$data" $job --grid-source owid-ember
expect_error uncertainty-alternatives 65 \
  "carbon-advisor: $data/grid_alternatives.csv:3: column 'gco2e_per_kwh': not a number: 'abc'" \
  --data-dir "$data" $job --uncertainty
cp "$CARBON_ADVISOR_DATA/grid_alternatives.csv" "$data"
expect_error uncertainty-power-error 65 \
  "carbon-advisor: $data/power_error.csv:3: column 'p95_abs_rel_error': not a number: 'abc'" \
  --data-dir "$data" $job --uncertainty
# The other commands read every table.
expect_error estimate 65 \
  "carbon-advisor: $data/power_error.csv:3: column 'p95_abs_rel_error': not a number: 'abc'" \
  --data-dir "$data" estimate --instance m5.xlarge --region eu-north-1 \
  --runtime 36h --load 60

finish
