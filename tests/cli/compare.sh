#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# carbon-advisor compare: one job on one instance type in every region of
# a set, on the tiny fixture (tests/cli/fixtures/tiny, described in
# advise.sh) with every figure worked out by hand below: the equivalent
# type at another provider, regions left out and counted, the difference
# to the best region and to --baseline, group statistics, the robustness
# line, every format, and the usage errors.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

tiny=$fixtures/tiny

# ---------------------------------------------------------------------
# The job: 10 h at 50 % on one instance.  Energy = P x 10 / 1000 x PUE,
# Scope 2 = energy x grid, Scope 3 = 10 h x E x 1000 / 35040 h, cost =
# 10 x price.
#
# --instance c1.large (aws, 2 vCPU, 4 GiB, 20 W at 50 %, E 35.04 kg so
# 1 g of Scope 3 an hour):
#
#   region          type used      PUE  grid  energy  S2   S3  total  cost
#   eu-north-1      c1.large       1.0    50  0.2      10  10    20   1.40
#   europe-north1   n1-standard-2  1.0   100  0.2      20  10    30   1.50
#   eu-west-1       c1.large       1.5   200  0.3      60  10    70   1.00
#   us-east-1       c1.large       1.25  400  0.25    100  10   110   0.80
#   us-east-2       c1.large       1.25  400  0.25    100  10   110   0.80
#   ap-southeast-9  (sells c1.large, but has no grid figure: left out,
#                   "no grid figure in 1")
#
# europe-north1 is GCP's: its only type, n1-standard-2 (2 vCPU, 7.5 GiB,
# no GPU, 20 W at 50 %, E 35.04 kg), has the vCPUs and memory of
# c1.large (vCPU excess 0, memory excess 3.5 GiB) and stands in for it.
#
# Rows by total: eu-north-1 is the best.  Difference to it, and in % of
# its 20 g: europe-north1 10 g (50 %), eu-west-1 50 g (250 %), us-east-1
# and us-east-2 90 g (450 %; equal total and cost, so in the order of the
# set, us-east-1 first).
#
# Group "all" (no --group): totals 20, 30, 70, 110, 110: min 20, median
# 70, max 110; costs sorted 0.8, 0.8, 1.0, 1.4, 1.5: min 0.8, median 1.0,
# max 1.5.
#
# Robustness, grid sources of those five regions: tiny, tiny-high,
# tiny-low.  Scope 2 under a source is energy x its latest figure for
# the region (a region it has none for keeps its own):
#   tiny      = the defaults: eu-north-1 20.
#   tiny-high: eu-north-1 10 + 0.2 x 70 = 24, europe-north1 keeps 30,
#              eu-west-1 10 + 0.3 x 260 = 88: eu-north-1.
#   tiny-low:  eu-north-1 10 + 0.2 x 30 = 16, europe-north1 10 + 0.2 x
#              80 = 26, us-east-2 10 + 0.25 x 300 = 85: eu-north-1.
# So eu-north-1 holds under all 3.  No region has a marginal figure.
job="--instance c1.large --runtime 10h --load 50"
expect_output table-all compare-all.txt --data-dir "$tiny" compare $job

# ---------------------------------------------------------------------
# --group europe --group nordics --baseline eu-west-1: eu-north-1 (20 g,
# 1.40), europe-north1 (30 g, 1.50), eu-west-1 (70 g, 1.00).
# Difference to eu-west-1's 70 g: eu-north-1 -50 g (-50/70 =
# -71.4285714286 %), europe-north1 -40 g (-57.1428571429 %), eu-west-1 0.
# The best saves 50 g (71.4 %).
# Groups: europe: totals 20, 30, 70 -> 20, 30, 70; costs 1.0, 1.4, 1.5
# -> 1.0, 1.4, 1.5.  nordics: eu-north-1 and europe-north1: totals 20,
# 30 -> min 20, median 25, max 30; costs 1.4, 1.5 -> median 1.45.  all
# (two groups): as europe.
expect_output table-groups compare-groups.txt --data-dir "$tiny" \
  compare $job --group europe --group nordics --baseline eu-west-1
expect_output markdown-groups compare-groups.md --data-dir "$tiny" \
  --format markdown compare $job --group europe,nordics --baseline eu-west-1

# Units for people in markdown: the groups case over 10000 h, every
# figure 1000 times larger, each column in kg with the decimals that
# give its largest three significant digits: Scope 2 up to 60 kg
# ("60.0", so 10.0, 20.0), Scope 3 10.0, Total 20.0, 30.0, 70.0, vs best
# 0.0, 10.0, 50.0, vs baseline -50.0, -40.0, 0.0; the groups' totals
# likewise.  The best saves 50.0 kgCO2e (50 / 70 = 71.4 % -> "71 %") but
# costs 1,400.00 - 1,000.00 = 400.00 USD more.
expect_output markdown-units compare-units.md --data-dir "$tiny" \
  --format markdown compare --instance c1.large --runtime 10000h --load 50 \
  --group europe,nordics --baseline eu-west-1

# --wide: the same table with every column (provider, energy, Scope 2
# and 3, grid source and year, the differences in g and both shares), as
# the markdown above has them.
expect_output table-wide compare-wide.txt --data-dir "$tiny" \
  compare $job --group europe --group nordics --baseline eu-west-1 --wide

# On the shipped data, the default table fits 100 columns with the
# longest names (Azure's Standard_ND96amsr_A100_v4 stands in for
# p4d.24xlarge, "australiasoutheast") and a baseline; --wide does not,
# which shows the width is measured.
# table_width [ARG...]: set $width to the widest line of that table.
table_width ()
{
  cases=$((cases + 1))
  "$CARBON_ADVISOR" --data-dir "$CARBON_ADVISOR_DATA" compare \
    --instance p4d.24xlarge --runtime 24h --load 60 --baseline us-east-1 \
    "$@" >"$work/out" 2>"$work/err" || fail "width $*: exit status $?"
  width=$(awk 'NF == 0 { exit } length > w { w = length }
               END { print w + 0 }' "$work/out")
}
table_width
[ "$width" -le 100 ] || fail "narrow table: $width columns, not <= 100"
table_width --wide
[ "$width" -gt 100 ] || fail "wide table: $width columns, not > 100"

# The machine formats hold one row per region (no group rows).  The
# same three regions named one by one, from the end of the list.
expect_output csv-regions compare-regions.csv --data-dir "$tiny" \
  compare $job --region eu-west-1,europe-north1 --region eu-north-1 \
  --baseline eu-west-1 --format csv
expect_output json-regions compare-regions.json --data-dir "$tiny" \
  compare $job --region eu-west-1,europe-north1,eu-north-1 --format json

# ---------------------------------------------------------------------
# Left out and counted.  --instance c1.xlarge (4 vCPU, 8 GiB, 40 W, E
# 70.08 kg so 2 g an hour): ap-southeast-9 is AWS's and does not sell
# it ("not offered"); GCP's europe-north1 has nothing with 4 vCPUs ("no
# equivalent").
#   eu-north-1  0.4 kWh x 50  =  20 + 20 =  40 g, 2.80 USD
#   eu-west-1   0.6 kWh x 200 = 120 + 20 = 140 g, 2.00 USD
#   us-east-1   0.5 kWh x 400 = 200 + 20 = 220 g, 1.60 USD (us-east-2 too)
# Differences to 40 g: 100 g (250 %), 180 g (450 %).  All: totals 40,
# 140, 220, 220: median (140 + 220) / 2 = 180; costs 1.6, 1.6, 2.0, 2.8:
# median 1.8.  tiny-high: eu-north-1 20 + 0.4 x 70 = 48, eu-west-1 20 +
# 0.6 x 260 = 176; tiny-low: 20 + 0.4 x 30 = 32: eu-north-1 under all 3.
expect_output table-skipped compare-skipped.txt --data-dir "$tiny" \
  compare --instance c1.xlarge --runtime 10h --load 50
# --provider gcp with an AWS type: every region is an equivalent's.
expect_output csv-equivalent compare-equivalent.csv --data-dir "$tiny" \
  --format csv compare $job --provider gcp

# ---------------------------------------------------------------------
# The winner changes: a copy of the fixture where tiny-high gives
# eu-north-1 150 g/kWh, and eu-north-1 and eu-west-1 have marginal
# figures of 100 and 20 g/kWh.
#   tiny-high: eu-north-1 10 + 0.2 x 150 = 40 > europe-north1 30 (no
#              tiny-high figure, keeps 100): the best is europe-north1.
#   marginal:  eu-north-1 10 + 0.2 x 100 = 30, eu-west-1 10 + 0.3 x 20
#              = 16: the best is eu-west-1; 2 of the 6 regions have the
#              figure (ap-southeast-9 has neither).
alt=$work/alt
cp -r "$tiny" "$alt"
sed 's/^\(aws,eu-north-1,tiny-high,2022\),70,/\1,150,/' \
  "$tiny/grid_alternatives.csv" >"$alt/grid_alternatives.csv"
awk -F, -v OFS=, '
  $2 == "eu-north-1" { $15 = 100; $16 = "tiny"; $17 = 2024 }
  $2 == "eu-west-1" { $15 = 20; $16 = "tiny"; $17 = 2024 }
  { print }' "$tiny/regions.csv" >"$alt/regions.csv"
expect_output table-robustness compare-robustness.txt --data-dir "$alt" \
  compare $job --group europe
# --signal marginal: only eu-west-1 (16 g: energy 0.3 x 20 = 6 + 10) and
# eu-north-1 (30 g) have a run, the other 4 regions "no grid figure";
# the grid sources are not checked; under the average the best is
# eu-north-1 again (20 g), 5 of 6 regions having that figure.
# eu-north-1 is 14 g above the best (14 / 16 = 87.5 %).  All: totals 16,
# 30 -> median 23; costs 1.0, 1.4 -> median 1.2.
expect_output table-marginal compare-marginal.txt --data-dir "$alt" \
  compare $job --signal marginal

# ---------------------------------------------------------------------
# Errors.
expect_error missing-instance 64 \
  "carbon-advisor compare: missing --instance" \
  --data-dir "$tiny" compare --runtime 10h --load 50
expect_error missing-load 64 \
  "carbon-advisor compare: missing --load" \
  --data-dir "$tiny" compare --instance c1.large --runtime 10h
expect_error unknown-instance 64 \
  "carbon-advisor: unknown instance type 'c1.larg'; did you mean 'c1.large', 'a1.large' or 'c1.xlarge'?" \
  --data-dir "$tiny" compare --instance c1.larg --runtime 10h --load 50
expect_error unknown-region 64 \
  "carbon-advisor: unknown region 'eu-north-2'; did you mean 'eu-north-1'?" \
  --data-dir "$tiny" compare $job --region eu-north-2
expect_error unknown-group 64 \
  "carbon-advisor: unknown group 'nordic'; did you mean 'nordics'?" \
  --data-dir "$tiny" compare $job --group nordic
expect_error unknown-baseline 64 \
  "carbon-advisor: unknown region 'us-east-3'; did you mean 'us-east-1' or 'us-east-2'?" \
  --data-dir "$tiny" compare $job --baseline us-east-3
expect_error baseline-skipped 64 \
  "carbon-advisor: --baseline: europe-north1 has no run to compare against (no equivalent for c1.xlarge)" \
  --data-dir "$tiny" compare --instance c1.xlarge --runtime 10h --load 50 \
  --baseline europe-north1
# A baseline outside the set, and TYPE@REGION: options.sh.
expect_error size-filter 64 \
  "carbon-advisor compare: --min-vcpus, --min-memory and --gpus go with advise and list; compare runs --instance's size" \
  --data-dir "$tiny" compare $job --min-vcpus 4
expect_error ccf-marginal 64 \
  "carbon-advisor compare: --signal marginal goes with --method teads: CCF's method has only its location-based grid factors" \
  --data-dir "$tiny" compare $job --method ccf --signal marginal
expect_error ccf-uncovered 64 \
  "carbon-advisor: CCF's published coefficients do not cover a1.large, so --method ccf cannot estimate it" \
  --data-dir "$tiny" compare --instance a1.large --runtime 10h --load 50 \
  --method ccf

finish
