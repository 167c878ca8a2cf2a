#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# --columns LIST: csv and json write only the named columns, in the
# order named; mistakes are usage errors with suggestions, and leave no
# file behind.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

# m5.xlarge in eu-north-1 at 50 % for 36 h (regions.csv: PUE 1.1, grid
# 20.42 gCO2e/kWh; instances.csv: 28.2 W at 50 %, a 67.1 kg share):
#   energy = 28.2 x 36 / 1000 x 1.1      = 1.11672 kWh
#   scope2 = 1.11672 x 20.42             = 22.8034224 g
#   scope3 = 67.1 x 1000 x 36 / 35040    = 68.9383561644 g
#   total                                = 91.7417785644 g
#   cost   = 0.204 x 36                  = 7.344 USD
job="estimate --instance m5.xlarge --region eu-north-1 --runtime 36h
  --load 50"

# expect_text NAME WANT ARG...: the program prints exactly WANT (and a
# final newline), nothing on stderr, and exits 0.
expect_text ()
{
  name=$1 want=$2
  shift 2
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" "$@" >"$work/out" 2>"$work/err" || status=$?
  [ "$status" -eq 0 ] || fail "$name: exit status $status"
  [ -s "$work/err" ] && fail "$name: unexpected stderr: $(cat "$work/err")"
  printf '%s\n' "$want" >"$work/want"
  diff -u "$work/want" "$work/out" >&2 || fail "$name: stdout differs"
}

# Out of the table's order, before or after the command's name.
expect_text csv-order "total_gco2e,energy_kwh,cost_usd,instance_type
91.7417785644,1.11672,7.344,m5.xlarge" \
  --format csv --columns total_gco2e,energy_kwh,cost_usd,instance_type $job
expect_text csv-after-command "scope2_gco2e,provider
22.8034224,aws" \
  $job --format csv --columns scope2_gco2e,provider
expect_text json-order '[
  {
    "grid_gco2e_per_kwh": 20.42,
    "count": 1,
    "region": "eu-north-1"
  }
]' --format json --columns grid_gco2e_per_kwh,count,region $job
# A column alone: an empty field is written "" so that the record is
# not a blank line; json writes null.
expect_text csv-alone-empty 'gpu_load_pct
""' --format csv --columns gpu_load_pct $job
expect_text json-null '[
  {
    "gpu_load_pct": null
  }
]' --format json --columns gpu_load_pct $job
# The last --columns counts, as the last --format does.
expect_text csv-last-wins "pue
1.1" --format csv --columns power_w --columns pue $job

# Other commands: list's csv, cut by name here with awk, is the same
# as --columns (every region, 135 rows).
cases=$((cases + 1))
"$CARBON_ADVISOR" --format csv list regions >"$work/all" \
  || fail "list regions: exit status"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
  { print $c["pue"] "," $c["region"] }' "$work/all" >"$work/want"
"$CARBON_ADVISOR" --format csv --columns pue,region list regions \
  >"$work/out" || fail "list regions --columns: exit status"
diff -u "$work/want" "$work/out" >&2 || fail "list regions --columns differs"
[ "$(wc -l <"$work/out")" -eq 136 ] || fail "list regions: row count"

# track's summary table is cut as any result (its csv cut with awk);
# its one row a job, the input's own fields, and --partial are not.
t=$fixtures/track
track="track --load 50 --region us-east-1 --by project $t/jobs.csv"
cases=$((cases + 1))
"$CARBON_ADVISOR" --format csv $track >"$work/all" 2>/dev/null \
  || fail "track --by: exit status"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
  { print $c["total_gco2e"] "," $c["project"] }' "$work/all" >"$work/want"
"$CARBON_ADVISOR" --format csv --columns total_gco2e,project $track \
  >"$work/out" 2>/dev/null || fail "track --by --columns: exit status"
diff -u "$work/want" "$work/out" >&2 || fail "track --by --columns differs"
expect_error track-per-job 64 \
  "carbon-advisor track: --columns goes with track's summary table (--by or --summary), not with one row a job or --partial" \
  --format csv --columns job_id track --load 50 --region us-east-1 \
  "$t/jobs.csv"

# Mistakes.
expect_error unknown-suggest 64 \
  "carbon-advisor: unknown column 'totl_gco2e'; did you mean 'total_gco2e'?" \
  --format csv --columns provider,totl_gco2e $job
expect_error unknown-plain 64 "carbon-advisor: unknown column 'zzzzzzzz'" \
  --format json --columns zzzzzzzz $job
expect_error table-format 64 \
  "carbon-advisor: --columns goes with --format csv or json, not table or markdown" \
  --columns provider $job
expect_error markdown-format 64 \
  "carbon-advisor: --columns goes with --format csv or json, not table or markdown" \
  --format markdown --columns provider $job
expect_error empty-name 64 \
  "carbon-advisor estimate: invalid --columns 'provider,,region': empty column name" \
  --format csv $job --columns provider,,region
expect_error empty-list 64 \
  "carbon-advisor estimate: invalid --columns '': empty column name" \
  --format csv $job --columns ''
expect_error twice 64 \
  "carbon-advisor estimate: invalid --columns 'pue,region,pue': column 'pue' named twice" \
  --format csv $job --columns pue,region,pue

expect_error report 64 \
  "carbon-advisor: --columns goes with --format csv or json; report writes HTML or markdown" \
  --columns provider report --runtime 24h --load 50 --instance m5.xlarge \
  --region eu-north-1

# An unknown column with --output: the file is not made, and no
# temporary file is left beside it.
mkdir "$work/o"
expect_error output-unknown 64 "carbon-advisor: unknown column 'nope'" \
  --format csv --columns nope --output "$work/o/result.csv" $job
cases=$((cases + 1))
[ -z "$(ls -A "$work/o")" ] || fail "output-unknown: left $(ls -A "$work/o")"

finish
