#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# carbon-advisor advise: the ranking, the front's notable points, the
# carbon-price ranges, the baseline, every constraint, every scaling mode
# and every format, on a small invented catalogue whose every figure is
# worked out by hand below; plus "the same numbers as estimate" on the
# shipped data, and the usage and data errors.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

tiny=$fixtures/tiny
speedup=$fixtures/speedup-tiny.csv

# ---------------------------------------------------------------------
# The fixture (tests/cli/fixtures/tiny; invented, round figures).
#
# Instances (power at 50 % load, a measured point, so used exactly;
# embodied share E, so Scope 3 per hour = E x 1000 / 35040 h = E / 35.04):
#
#   type           prov vCPU  GiB  GPUs      arch    P50    E kg    S3/h
#   a1.large       aws     2    4  -         arm64    10 W   35.04   1 g
#   c1.large       aws     2    4  -         x86_64   20 W   35.04   1 g
#   c1.xlarge      aws     4    8  -         x86_64   40 W   70.08   2 g
#   g0.xlarge      aws     4   16  1 x G00   x86_64  100 W  175.2    5 g
#   g1.xlarge      aws     4   16  1 x G10   x86_64  100 W  175.2    5 g
#   p1.2xlarge     aws     8   64  2 x G25   x86_64  300 W  350.4   10 g
#   n1-standard-2  gcp     2  7.5  -         x86_64   20 W   35.04   1 g
#
# GPUs (gpus.csv): G10 speed 10, G25 speed 25 (spread 20-30), G00 no
# measured speed.
#
# Regions (PUE x grid / 1000 = grams per watt-hour drawn by the server):
#
#   region          prov  groups          PUE   grid g/kWh  g per Wh
#   ap-southeast-9  aws   apac            1.2   (blank)     -
#   eu-north-1      aws   europe;nordics  1.0    50         0.05
#   eu-west-1       aws   europe          1.5   200         0.3
#   us-east-1       aws   americas        1.25  400         0.5
#   us-east-2       aws   americas        1.25  400         0.5
#   europe-north1   gcp   europe;nordics  1.0   100         0.1
#
# 17 priced pairs (prices.csv, USD/h); ap-southeast-9 has no grid figure,
# so its one pair (c1.large, 0.05) is left out and 16 are candidates.
#
# The job: 10 h at 50 % on one instance (fixed scaling).  For each
# candidate, energy = P x 10 / 1000 x PUE, Scope 2 = energy x grid,
# Scope 3 = 10 x S3/h, cost = 10 x price:
#
#   pair                       energy  S2    S3   total  price  cost  rank
#   c1.large@us-east-1         0.25   100    10   110    0.08   0.8   1
#   c1.large@us-east-2         0.25   100    10   110    0.08   0.8   1
#   a1.large@us-east-1         0.125   50    10    60    0.09   0.9   1
#   c1.large@eu-west-1         0.3     60    10    70    0.1    1.0   2
#   a1.large@eu-west-1         0.15    30    10    40    0.12   1.2   1
#   c1.large@eu-north-1        0.2     10    10    20    0.14   1.4   1
#   n1-standard-2@europe-north1 0.2    20    10    30    0.15   1.5   2
#   c1.xlarge@us-east-1        0.5    200    20   220    0.16   1.6   3
#   c1.xlarge@us-east-2        0.5    200    20   220    0.16   1.6   3
#   c1.xlarge@eu-west-1        0.6    120    20   140    0.2    2.0   3
#   c1.xlarge@eu-north-1       0.4     20    20    40    0.28   2.8   3
#   a1.large@eu-north-1        0.1      5    10    15    0.3    3.0   1
#   g1.xlarge@us-east-1        1.25   500    50   550    0.5    5.0   4
#   g1.xlarge@eu-north-1       1.0     50    50   100    0.6    6.0   4
#   g0.xlarge@eu-west-1        1.5    300    50   350    0.6    6.0   5
#   p1.2xlarge@us-east-1       3.75  1500   100  1600    2     20.0   6
#
# Ranks (non-dominated sorting on cost and total, both minimised):
# - Front (rank 1), by cost: (0.8, 110) twice, (0.9, 60), (1.2, 40),
#   (1.4, 20), (3.0, 15).  The two c1.large in us-east-1 and us-east-2
#   are identical: neither dominates the other, both are on the front.
# - Rank 2: c1.large@eu-west-1 (1.0, 70) is beaten by a1.large@us-east-1
#   (0.9, 60); n1-standard-2 (1.5, 30) by c1.large@eu-north-1 (1.4, 20).
# - Rank 3, beaten by a rank-2 point: c1.xlarge@us-east-1/2 (1.6, 220)
#   and @eu-west-1 (2.0, 140) by c1.large@eu-west-1 (1.0, 70);
#   c1.xlarge@eu-north-1 (2.8, 40) by n1-standard-2 (1.5, 30).  The two
#   identical c1.xlarge share rank 3.
# - Rank 4: g1.xlarge@us-east-1 (5, 550) by c1.xlarge@us-east-1 (1.6,
#   220); g1.xlarge@eu-north-1 (6, 100) by c1.xlarge@eu-north-1 (2.8, 40).
# - Rank 5: g0.xlarge@eu-west-1 (6, 350) by g1.xlarge@eu-north-1 (6,
#   100): same cost, more carbon.  Rank 6: p1.2xlarge (20, 1600).
#
# "Beaten by" names the cheapest front point that dominates: the first
# front point, by cost, with total <= the candidate's:
#   c1.large@eu-west-1 (70)      -> a1.large@us-east-1 (0.9, 60)
#   n1-standard-2 (30)           -> c1.large@eu-north-1 (1.4, 20)
#   c1.xlarge@eu-north-1 (40)    -> a1.large@eu-west-1 (1.2, 40)
#   g1.xlarge@eu-north-1 (100)   -> a1.large@us-east-1 (0.9, 60)
#   every other (total >= 110)   -> c1.large@us-east-1 (of the two
#                                   identical ones, the first in the
#                                   order provider, region, type)
#
# Notable points:
# - Cheapest: 0.8 USD, the two c1.large; the first in order, us-east-1.
# - Greenest: a1.large@eu-north-1, 15 g.
# - Knee: the front scaled to [0, 1] on both axes from the cheapest
#   (0.8, 110) to the greenest (3.0, 15), width 2.2 USD, height 95 g; a
#   point's depth below the line between them is proportional to
#   (3.0 - cost) x 95 - (total - 15) x 2.2:
#     a1.large@us-east-1   (0.9, 60):  2.1 x 95 - 45 x 2.2 = 199.5 - 99 = 100.5
#     a1.large@eu-west-1   (1.2, 40):  1.8 x 95 - 25 x 2.2 = 171 - 55 = 116
#     c1.large@eu-north-1  (1.4, 20):  1.6 x 95 -  5 x 2.2 = 152 - 11 = 141
#   (scaled, 1 - x - y = 0.481, 0.555, 0.675): the knee is
#   c1.large@eu-north-1.
# - Marginal abatement cost of each front point over the one before it,
#   (extra USD) / (grams saved) x 1e6 USD per tonne:
#     c1.large@us-east-2:  none (identical to the one before, saves 0 g)
#     a1.large@us-east-1:  0.1 / 50 x 1e6 =   2000
#     a1.large@eu-west-1:  0.3 / 20 x 1e6 =  15000
#     c1.large@eu-north-1: 0.2 / 20 x 1e6 =  10000
#     a1.large@eu-north-1: 1.6 / 5  x 1e6 = 320000
# - Carbon-price ranges (lower convex hull of the front): the abatement
#   cost falls from 15000 to 10000 at a1.large@eu-west-1, so that point
#   lies above the segment from a1.large@us-east-1 to c1.large@eu-north-1
#   (0.5 / 40 x 1e6 = 12500 USD/t) and is never the best choice; nor is
#   the second, identical c1.large.  Hull and ranges, USD/t:
#     c1.large@us-east-1       0 to 2000
#     a1.large@us-east-1    2000 to 12500
#     c1.large@eu-north-1  12500 to 320000
#     a1.large@eu-north-1  above 320000
# - At a carbon price of 5000 USD/t (0.005 USD per g), cost + price x
#   total: c1.large@us-east-1 0.8 + 0.55 = 1.35, a1.large@us-east-1
#   0.9 + 0.3 = 1.2, c1.large@eu-west-1 1.0 + 0.35 = 1.35,
#   a1.large@eu-west-1 1.2 + 0.2 = 1.4, c1.large@eu-north-1 1.4 + 0.1 =
#   1.5, the rest more: the pick is a1.large@us-east-1, inside its
#   range 2000-12500.
# - Baseline c1.xlarge@eu-west-1 (2.0 USD, 140 g): each candidate saves
#   140 - total grams, (140 - total) / 140 x 100 %, 2.0 - cost USD:
#     c1.large@us-east-1/2   30 g   21.4285714286 %   1.2 USD
#     a1.large@us-east-1     80 g   57.1428571429 %   1.1
#     a1.large@eu-west-1    100 g   71.4285714286 %   0.8
#     c1.large@eu-north-1   120 g   85.7142857143 %   0.6
#     a1.large@eu-north-1   125 g   89.2857142857 %  -1.0
#     c1.large@eu-west-1     70 g   50 %              1.0
#     n1-standard-2         110 g   78.5714285714 %   0.5
#     c1.xlarge@us-east-1/2 -80 g  -57.1428571429 %   0.4
#     c1.xlarge@eu-west-1     0 g    0 %              0     (itself)
#     c1.xlarge@eu-north-1  100 g   71.4285714286 %  -0.8
#     g1.xlarge@us-east-1  -410 g -292.857142857 %   -3
#     g1.xlarge@eu-north-1   40 g   28.5714285714 %  -4
#     g0.xlarge@eu-west-1  -210 g -150 %             -4
#     p1.2xlarge@us-east-1 -1460 g -1042.85714286 % -18
#   The summary moves to the carbon-price pick when there is one:
#   a1.large@us-east-1 saves 80.0 g (57.1 %) and 1.10 USD.
# ---------------------------------------------------------------------

# --accelerator any: the invented catalogue's GPU types stay candidates of
# this CPU job, so that the ranking above holds (the candidate rules have
# their own tests, tests/cli/advise-rules.sh).
job="--runtime 10h --load 50 --accelerator any"

# The front, in the table, with the summary.
expect_output table-front advise-front.txt \
  --data-dir "$tiny" advise $job

# The same with a baseline, a carbon price and the two best rank-2
# candidates (--top 2: c1.large@eu-west-1 at 1.0 USD, then
# n1-standard-2 at 1.5).
expect_output table-baseline advise-baseline.txt \
  --data-dir "$tiny" advise $job --baseline c1.xlarge@eu-west-1 \
  --carbon-price 5000 --top 2

# Every candidate in csv, every column, with the baseline and the carbon
# price: the figures of the tables above.
expect_output csv-all advise-all.csv \
  --data-dir "$tiny" --format csv advise $job --all \
  --baseline c1.xlarge@eu-west-1 --carbon-price 5000

# --top larger than what is left shows everything once, like --all.
expect_output csv-top-all advise-all.csv \
  --data-dir "$tiny" --format csv advise $job --top 100 \
  --baseline c1.xlarge@eu-west-1 --carbon-price 5000

# json, a smaller set: --max-cost 1.25 keeps the five candidates of cost
# up to 1.2 (c1.large@us-east-1/2 0.8, a1.large@us-east-1 0.9,
# c1.large@eu-west-1 1.0, a1.large@eu-west-1 1.2).  Their front:
# (0.8, 110) twice, (0.9, 60), (1.2, 40); c1.large@eu-west-1 (1.0, 70) is
# rank 2, beaten by a1.large@us-east-1.  The greenest is now
# a1.large@eu-west-1; knee depths, width 0.4, height 70:
# a1.large@us-east-1 (1.2 - 0.9) x 70 - (60 - 40) x 0.4 = 21 - 8 = 13 > 0,
# the knee.  Hull: 0.1 / 50 -> 2000, 0.3 / 20 -> 15000, increasing, so
# all three distinct points are on it: [0, 2000], [2000, 15000],
# [15000, none]; abatement 2000 and 15000.  At a carbon price of 0 the
# pick is the cheapest, c1.large@us-east-1 (its twin in us-east-2 ties
# and comes later).  --top 1 adds the one rank-2 candidate.
expect_output json-cheap advise-cheap.json \
  --data-dir "$tiny" --format json advise $job --max-cost 1.25 \
  --carbon-price 0 --top 1

# A single candidate: cheapest and greenest at once, no knee, no carbon
# price ranges.
expect_output table-single advise-single.txt \
  --data-dir "$tiny" advise $job --provider gcp

# Units for people: the baseline case above over 10000 h instead of 10 h,
# so every figure is 1000 times larger and reads in kg.  Each column in
# the unit of its largest figure with three significant digits there:
# Scope 2 up to 100 kg (no decimals: 100, 50, ... 5), Scope 3 10 kg
# ("10.0"), Total up to 110 kg (110, 60, ... 15).  The sentences give a
# unit per figure: 110 kgCO2e, 15.0 kgCO2e; the baseline 140 kg and
# 2,000.00 USD; moving to a1.large@us-east-1 (60 kg, 900 USD) saves 80.0
# kg, 80 / 140 = 57.1 % -> "57 %", and 1,100.00 USD.  The carbon-price
# ranges are those of advise-baseline.txt (the ratios do not change),
# with thousands separated.
expect_output table-units advise-units.txt \
  --data-dir "$tiny" advise --runtime 10000h --load 50 --accelerator any \
  --baseline c1.xlarge@eu-west-1 --carbon-price 5000 --top 2

# ---------------------------------------------------------------------
# GPU scaling, in the table and in markdown.  --reference g1.xlarge has
# a GPU, so the scaling is gpu by default, with MLPerf's serial fraction
# s = 0.0151 (data/gpu_scaling.csv): g1.xlarge has 1 x G10 (speed 10),
# p1.2xlarge 2 x G25 (25), so the runtime on p1.2xlarge is
#   10 h x (0.0151 + 0.9849 / 2) / (0.0151 + 0.9849 / 1) x 10 / 25
#   = 10 x 0.50755 x 0.4 = 2.0302 h:
#   p1.2xlarge@us-east-1: energy 300 x 2.0302 / 1000 x 1.25 = 0.761 kWh,
#     S2 0.761325 x 400 = 304.5 g, S3 350.4 x 1000 x 2.0302 / 35040
#     = 20.3 g, total 324.8 g, cost 2 x 2.0302 = 4.06 USD
#   g1.xlarge@eu-north-1: 10 h, 100 g, 6 USD (as above)
#   g1.xlarge@us-east-1:  10 h, 550 g, 5 USD, beaten by p1.2xlarge.
# Left out by the GPU memory rule (less than g1.xlarge's 24 GiB; the
# job's --accelerator any lifts the NVIDIA rule): g0.xlarge (16 GiB),
# and 13 pairs of instances without GPUs (a1.large 3, c1.large 5 with
# ap-southeast-9, c1.xlarge 4, n1-standard-2 1).  The deadline, twice
# the reference's 10 h, leaves none out.  Front: p1.2xlarge
# (4.0604, 324.832) and g1.xlarge@eu-north-1 (6, 100): two points, no
# knee; the price at which they tie: 1.9396 / 224.832 x 1e6 = 8626.89
# USD/t.  The summary states the scaling's assumption (Amdahl, serial
# fraction 0.0151).
expect_output table-gpu advise-gpu.txt \
  --data-dir "$tiny" advise $job --reference g1.xlarge
expect_output markdown-gpu advise-gpu.md \
  --data-dir "$tiny" --format markdown advise $job --reference g1.xlarge \
  --all

# ---------------------------------------------------------------------
# Constraints.  expect_pairs NAME WANT ARG...: advise on the fixture with
# the job, --all --format csv and ARGs exits 0, prints nothing on
# stderr, and lists exactly the candidates WANT (type@region, sorted).
expect_pairs ()
{
  name=$1 want=$2
  shift 2
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" --data-dir "$tiny" --format csv advise $job --all "$@" \
    >"$work/out" 2>"$work/err" || status=$?
  if [ "$status" -ne 0 ]; then
    fail "$name: exit status $status, expected 0"
    cat "$work/err" >&2
    return
  fi
  if [ -s "$work/err" ]; then
    fail "$name: unexpected stderr"
    cat "$work/err" >&2
  fi
  got=$(sed 1d "$work/out" | awk -F, '{ print $3 "@" $2 }' | sort \
        | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" != "$want" ]; then
    fail "$name: candidates"
    echo "  expected: $want" >&2
    echo "  got:      $got" >&2
  fi
}

all16="a1.large@eu-north-1 a1.large@eu-west-1 a1.large@us-east-1 c1.large@eu-north-1 c1.large@eu-west-1 c1.large@us-east-1 c1.large@us-east-2 c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 c1.xlarge@us-east-1 c1.xlarge@us-east-2 g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 g1.xlarge@us-east-1 n1-standard-2@europe-north1 p1.2xlarge@us-east-1"

# No constraint: the 16 pairs with a grid figure.
expect_pairs none "$all16"

# --provider: gcp has one pair, aws the other 15.
expect_pairs provider-gcp "n1-standard-2@europe-north1" --provider gcp
expect_pairs provider-aws "$(echo "$all16" | sed 's/ n1-standard-2@europe-north1//')" \
  --provider aws

# --region, one or a list; --group; both together add up.
expect_pairs region \
  "a1.large@eu-west-1 c1.large@eu-west-1 c1.xlarge@eu-west-1 g0.xlarge@eu-west-1" \
  --region eu-west-1
expect_pairs region-list \
  "a1.large@eu-west-1 c1.large@eu-west-1 c1.xlarge@eu-west-1 g0.xlarge@eu-west-1 n1-standard-2@europe-north1" \
  --region eu-west-1,europe-north1
expect_pairs group-americas \
  "a1.large@us-east-1 c1.large@us-east-1 c1.large@us-east-2 c1.xlarge@us-east-1 c1.xlarge@us-east-2 g1.xlarge@us-east-1 p1.2xlarge@us-east-1" \
  --group americas
expect_pairs group-nordics \
  "a1.large@eu-north-1 c1.large@eu-north-1 c1.xlarge@eu-north-1 g1.xlarge@eu-north-1 n1-standard-2@europe-north1" \
  --group nordics
expect_pairs region-or-group \
  "a1.large@eu-north-1 a1.large@eu-west-1 c1.large@eu-north-1 c1.large@eu-west-1 c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 n1-standard-2@europe-north1" \
  --region eu-west-1 --group nordics

# --exclude-region, repeated or a list, and on top of --group.
expect_pairs exclude \
  "a1.large@eu-north-1 a1.large@eu-west-1 c1.large@eu-north-1 c1.large@eu-west-1 c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 n1-standard-2@europe-north1" \
  --exclude-region us-east-1,us-east-2
expect_pairs exclude-repeated \
  "a1.large@eu-north-1 a1.large@eu-west-1 c1.large@eu-north-1 c1.large@eu-west-1 c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 n1-standard-2@europe-north1" \
  --exclude-region us-east-1 --exclude-region us-east-2
expect_pairs exclude-in-group \
  "a1.large@us-east-1 c1.large@us-east-1 c1.xlarge@us-east-1 g1.xlarge@us-east-1 p1.2xlarge@us-east-1" \
  --group americas --exclude-region us-east-2

# --min-vcpus (at least): 4 keeps c1.xlarge, g0, g1 and p1; 8 only p1.
expect_pairs min-vcpus-4 \
  "c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 c1.xlarge@us-east-1 c1.xlarge@us-east-2 g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 g1.xlarge@us-east-1 p1.2xlarge@us-east-1" \
  --min-vcpus 4
expect_pairs min-vcpus-8 "p1.2xlarge@us-east-1" --min-vcpus 8

# --min-memory (GiB, at least): 8 keeps c1.xlarge (8) and the GPU types
# (16, 64), not n1-standard-2 (7.5); 7.5 keeps it too.
expect_pairs min-memory-8 \
  "c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 c1.xlarge@us-east-1 c1.xlarge@us-east-2 g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 g1.xlarge@us-east-1 p1.2xlarge@us-east-1" \
  --min-memory 8
expect_pairs min-memory-7.5 \
  "c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 c1.xlarge@us-east-1 c1.xlarge@us-east-2 g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 g1.xlarge@us-east-1 n1-standard-2@europe-north1 p1.2xlarge@us-east-1" \
  --min-memory 7.5

# --gpus N (at least N): 1 keeps the three GPU types, 2 only p1.2xlarge.
expect_pairs gpus-1 \
  "g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 g1.xlarge@us-east-1 p1.2xlarge@us-east-1" \
  --gpus 1
expect_pairs gpus-2 "p1.2xlarge@us-east-1" --gpus 2

# --gpu-model, one or a list.
expect_pairs gpu-model "g1.xlarge@eu-north-1 g1.xlarge@us-east-1" \
  --gpu-model G10
expect_pairs gpu-model-list \
  "g1.xlarge@eu-north-1 g1.xlarge@us-east-1 p1.2xlarge@us-east-1" \
  --gpu-model G10,G25

# --family, one or repeated.
expect_pairs family \
  "c1.large@eu-north-1 c1.large@eu-west-1 c1.large@us-east-1 c1.large@us-east-2 c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 c1.xlarge@us-east-1 c1.xlarge@us-east-2" \
  --family c1
expect_pairs family-repeated \
  "a1.large@eu-north-1 a1.large@eu-west-1 a1.large@us-east-1 n1-standard-2@europe-north1" \
  --family a1 --family n1

# --instance-pattern, a shell glob on the whole type name: '*.large'
# does not match n1-standard-2; '?1.xlarge' matches c1 and g1, not g0.
expect_pairs pattern-large \
  "a1.large@eu-north-1 a1.large@eu-west-1 a1.large@us-east-1 c1.large@eu-north-1 c1.large@eu-west-1 c1.large@us-east-1 c1.large@us-east-2" \
  --instance-pattern '*.large'
expect_pairs pattern-glob \
  "c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 c1.xlarge@us-east-1 c1.xlarge@us-east-2 g1.xlarge@eu-north-1 g1.xlarge@us-east-1" \
  --instance-pattern '?1.xlarge'

# --arch.
expect_pairs arch-arm64 \
  "a1.large@eu-north-1 a1.large@eu-west-1 a1.large@us-east-1" --arch arm64
expect_pairs arch-x86_64 "$(echo "$all16" | sed 's/a1\.large@[a-z0-9-]* //g')" \
  --arch x86_64

# --max-cost (at most): 1.0 keeps 0.8, 0.8, 0.9 and exactly 1.0
# (c1.large@eu-west-1: 1 x 0.1 x 10, exactly 1 in binary too).
expect_pairs max-cost \
  "a1.large@us-east-1 c1.large@eu-west-1 c1.large@us-east-1 c1.large@us-east-2" \
  --max-cost 1.0

# --max-co2e (at most): 35 keeps 15, 20 and 30 g.
expect_pairs max-co2e \
  "a1.large@eu-north-1 c1.large@eu-north-1 n1-standard-2@europe-north1" \
  --max-co2e 35

# --deadline needs runtimes that differ: --reference c1.large (2 vCPUs)
# with vcpu scaling and serial fraction 0.5, 12 h measured:
#   2 vCPUs: 12 h
#   4 vCPUs: 12 x (0.5 + 0.5 / 4) / (0.5 + 0.5 / 2) = 12 x 0.625 / 0.75
#            = 10 h
#   8 vCPUs: 12 x (0.5 + 0.5 / 8) / 0.75 = 12 x 0.5625 / 0.75 = 9 h
# so --deadline 10h (at most) keeps the 4- and 8-vCPU types.
expect_pairs deadline \
  "c1.xlarge@eu-north-1 c1.xlarge@eu-west-1 c1.xlarge@us-east-1 c1.xlarge@us-east-2 g0.xlarge@eu-west-1 g1.xlarge@eu-north-1 g1.xlarge@us-east-1 p1.2xlarge@us-east-1" \
  --reference c1.large --serial-fraction 0.5 --runtime 12h --deadline 10h

# Constraints combine: x86_64 in the Americas, at most 1 USD.
expect_pairs combined "c1.large@us-east-1 c1.large@us-east-2" \
  --group americas --arch x86_64 --max-cost 1

# ---------------------------------------------------------------------
# No candidate left: not an error.  In the table the explanation goes
# to stdout; in csv stdout has the header only and the explanation goes
# to stderr; in json stdout is an empty array.  Each case names the
# stage that emptied the set.  The whole explanation once, in the table:
# all 17 priced pairs pass the filters and the scaling, 16 have a grid
# figure, all 16 finish by the deadline (none given), and none costs at
# most 0.5 USD (the cheapest costs 0.8).
expect_output empty-table advise-empty.txt \
  --data-dir "$tiny" advise $job --max-cost 0.5

header=$(head -n 1 "$expected_dir/advise-all.csv")

# expect_empty NAME STAGE ARG...: in every format, exit 0 and "The set
# became empty at STAGE."
expect_empty ()
{
  name=$1 stage=$2
  shift 2
  for format in table csv json; do
    cases=$((cases + 1))
    status=0
    "$CARBON_ADVISOR" --data-dir "$tiny" --format $format advise $job "$@" \
      >"$work/out" 2>"$work/err" || status=$?
    if [ "$status" -ne 0 ]; then
      fail "$name ($format): exit status $status, expected 0"
      cat "$work/err" >&2
      continue
    fi
    case $format in
      table) said=$work/out quiet=$work/err want= ;;
      csv) said=$work/err quiet= want=$header ;;
      json) said=$work/err quiet= want='[]' ;;
    esac
    if [ -n "$quiet" ] && [ -s "$quiet" ]; then
      fail "$name ($format): unexpected stderr"
      cat "$quiet" >&2
    fi
    if [ -n "$want" ] && [ "$(cat "$work/out")" != "$want" ]; then
      fail "$name ($format): stdout"
      cat "$work/out" >&2
    fi
    case $(sed -n 1p "$said") in
      "No candidate meets the constraints: 17 priced "*) first=ok ;;
      *) first=bad ;;
    esac
    if [ "$first" != ok ] \
       || [ "$(sed -n '2,$p' "$said")" != "$stage" ]; then
      fail "$name ($format): explanation"
      cat "$said" >&2
    fi
  done
}

# The stage that emptied the set is named with the options given there.
# An instance filter after a region filter: gcp has no arm64.
expect_empty empty-instance \
  "The set became empty at the instance filters (--provider, --arch)." \
  --provider gcp --arch arm64
expect_empty empty-min-vcpus \
  "The set became empty at the instance filters (--min-vcpus)." \
  --min-vcpus 16
# A region filter: excluding the one region of the provider.
expect_empty empty-region \
  "The set became empty at the region filters (--provider, --exclude-region)." \
  --provider gcp --exclude-region europe-north1
# The region without a grid figure is left out, never counted as 0 g.
expect_empty empty-grid \
  "The set became empty at the grid data: no region left has a grid intensity." \
  --group apac
# No runtime under the scaling: G00 has no measured speed (and
# --gpu-model left only g0.xlarge, whose 16 GiB --min-gpu-memory 0
# lets through); the reason is counted.
expect_empty empty-scaling "The set became empty at the runtime scaling.
Left out by the runtime scaling: 1 (no measured training speed for its GPU model)." \
  --reference g1.xlarge --gpu-model G00 --min-gpu-memory 0
# Every run takes 10 h; the cheapest costs 0.8 USD; the greenest emits
# 15 g.
expect_empty empty-deadline "The set became empty at the deadline (--deadline)." \
  --deadline 9h
expect_empty empty-max-cost "The set became empty at --max-cost." \
  --max-cost 0.5
expect_empty empty-max-co2e "The set became empty at --max-co2e." \
  --max-co2e 10

# The whole funnel, counted: 17 priced pairs, 1 in ap-southeast-9.
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --data-dir "$tiny" advise $job --group apac | head -n 1)
want="No candidate meets the constraints: 17 priced instance x region pairs, 1 after the region filters, 1 after the instance filters, 1 after the accelerator rule, 1 after the GPU memory rule, 1 after the burstable rule, 1 after the runtime scaling, 0 after the grid data."
[ "$got" = "$want" ] || { fail "empty-grid funnel"; echo "  got: $got" >&2; }

# With --signal marginal on the real data, the four AWS regions without
# a marginal figure (ap-southeast-5, ap-southeast-7, ca-west-1,
# mx-central-1: blank in regions.csv) are left out and counted: of them
# only ca-west-1 sells m5.large (prices.csv).
cases=$((cases + 1))
"$CARBON_ADVISOR" advise --runtime 1h --load 50 --signal marginal \
  --instance-pattern m5.large --all >"$work/out"
grep -qx 'Left out for want of a marginal grid intensity: 1\.' "$work/out" \
  || { fail "signal: no 'Left out' line"; cat "$work/out" >&2; }

# The left-out region is counted in the summary, never ranked.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" advise $job --all >"$work/out"
grep -qx 'Left out for want of a grid intensity: 1\.' "$work/out" \
  || fail "grid: no 'Left out' line"
grep -q 'ap-southeast-9' "$work/out" && fail "grid: ap-southeast-9 ranked"

# ---------------------------------------------------------------------
# --all --format csv: every candidate exactly once.  On the fixture, 16
# rows, 16 distinct pairs, none in ap-southeast-9.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" --format csv advise $job --all \
  >"$work/all.csv"
rows=$(sed 1d "$work/all.csv" | wc -l)
distinct=$(sed 1d "$work/all.csv" | cut -d, -f1-3 | sort -u | wc -l)
[ "$rows" -eq 16 ] && [ "$distinct" -eq 16 ] \
  || fail "all: $rows rows, $distinct distinct pairs, expected 16 and 16"
# On the shipped data: every priced pair whose region has a grid figure
# (today all 8193 rows of prices.csv), once each; --accelerator any and
# --allow-burstable lift the candidate rules, which leave types out.
cases=$((cases + 1))
"$CARBON_ADVISOR" --format csv advise --runtime 36h --load 60 --all \
  --accelerator any --allow-burstable >"$work/real.csv"
awk -F, 'FNR == 1 { next }
         FILENAME ~ /regions/ { if ($11 != "") grid[$1 "," $2] = 1; next }
         ($1 "," $2) in grid { print $1 "," $2 "," $3 }' \
  "$CARBON_ADVISOR_DATA/regions.csv" "$CARBON_ADVISOR_DATA/prices.csv" \
  | sort >"$work/priced"
sed 1d "$work/real.csv" | cut -d, -f1-3 | sort >"$work/advised"
rows=$(wc -l <"$work/advised")
distinct=$(sort -u "$work/advised" | wc -l)
priced=$(wc -l <"$work/priced")
[ "$rows" -eq "$priced" ] && [ "$distinct" -eq "$priced" ] \
  && [ "$priced" -gt 8000 ] \
  || fail "all (data): $rows rows, $distinct distinct, $priced priced pairs"
cmp -s "$work/advised" "$work/priced" \
  || fail "all (data): the pairs differ from prices.csv"

# ---------------------------------------------------------------------
# The numbers of every candidate are the ones estimate prints for the
# pair and runtime (fixed scaling), on the shipped data: a few types in
# three regions (ap-southeast-5 has a country-level grid figure and the
# fleet PUE), at an interpolated load on 4 instances.  The run columns
# (1-30: figures and where they came from) must match to the byte.
"$CARBON_ADVISOR" --format csv advise --runtime 36h --load 60 --count 4 \
  --all --accelerator any --allow-burstable --region eu-north-1,us-east-1,ap-southeast-5 \
  --instance-pattern 'm5.xlarge,p3.2xlarge,c6g.large,t4g.nano,a1.metal,g4dn.xlarge' \
  >"$work/some.csv"
cases=$((cases + 1))
[ "$(sed 1d "$work/some.csv" | wc -l)" -ge 10 ] \
  || fail "estimate: too few candidates to compare"
sed 1d "$work/some.csv" | while IFS=, read -r provider region type rest; do
  echo "$region $type"
done >"$work/pairs"
while read -r region type; do
  cases=$((cases + 1))
  want=$("$CARBON_ADVISOR" --format csv estimate --instance "$type" \
         --region "$region" --runtime 36h --load 60 --count 4 \
         | sed -n 2p | cut -d, -f1-30)
  got=$(grep "^aws,$region,$type," "$work/some.csv" | cut -d, -f1-30)
  [ "$got" = "$want" ] \
    || { fail "estimate: $type@$region"; echo "  advise:   $got" >&2;
         echo "  estimate: $want" >&2; }
done <"$work/pairs"

# ---------------------------------------------------------------------
# Runtime scaling.  expect_cut NAME FIELDS WANT ARG...: advise on the
# fixture with --all --format csv and ARGs (no job: each case gives its
# own) prints, in csv columns FIELDS (cut -f), the lines WANT, in the
# order of the output (by rank, then cost).
expect_cut ()
{
  name=$1 fields=$2 want=$3
  shift 3
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" --data-dir "$tiny" --format csv advise --all "$@" \
    >"$work/out" 2>"$work/err" || status=$?
  if [ "$status" -ne 0 ]; then
    fail "$name: exit status $status, expected 0"
    cat "$work/err" >&2
    return
  fi
  if [ -s "$work/err" ]; then
    fail "$name: unexpected stderr"
    cat "$work/err" >&2
  fi
  got=$(sed 1d "$work/out" | cut -d, -f"$fields")
  if [ "$got" != "$want" ]; then
    fail "$name: columns $fields"
    printf '  expected:\n%s\n  got:\n%s\n' "$want" "$got" >&2
  fi
}

# Columns: 2 region, 3 type, 5 runtime_h, 10 energy_kwh, 13 total_gco2e,
# 15 cost_usd, 32 rank.

# fixed, given explicitly with a reference: the same 12 h everywhere.
expect_cut scaling-fixed 2,3,5 "us-east-1,c1.large,12
us-east-1,a1.large,12
us-east-1,c1.xlarge,12
us-east-1,g1.xlarge,12
us-east-1,p1.2xlarge,12" \
  --runtime 12h --load 50 --region us-east-1 --reference c1.large \
  --accelerator any \
  --scaling fixed

# vcpu, the default with a CPU reference, serial fraction 0: runtime in
# inverse proportion to vCPUs from c1.large's 2: 4 vCPUs 12 x 2 / 4 =
# 6 h, 8 vCPUs 12 x 2 / 8 = 3 h.  In us-east-1 (0.5 g per Wh):
#   c1.large   12 h: 20 W x 12 h -> 240 Wh x 0.5 = 120 + 12 x 1 = 132 g;
#                    0.08 x 12 = 0.96 USD
#   a1.large   12 h: 10 x 12 -> 120 Wh -> 60 + 12 = 72 g; 0.09 x 12 = 1.08
#   c1.xlarge   6 h: 40 x 6 -> 240 Wh -> 120 + 12 = 132 g; 0.16 x 6 = 0.96
#   g1.xlarge   6 h: 100 x 6 -> 600 Wh -> 300 + 30 = 330 g; 0.5 x 6 = 3
#   p1.2xlarge  3 h: 300 x 3 -> 900 Wh -> 450 + 30 = 480 g; 2 x 3 = 6
# c1.large and c1.xlarge tie at (0.96, 132): both on the front, c1.large
# first (type order); then a1.large (1.08, 72); g1 (3, 330) is beaten by
# c1.large, rank 2; p1 (6, 480) by g1, rank 3.
expect_cut scaling-vcpu 3,5,13,15,34 "c1.large,12,132,0.96,1
c1.xlarge,6,132,0.96,1
a1.large,12,72,1.08,1
g1.xlarge,6,330,3,2
p1.2xlarge,3,480,6,3" \
  --runtime 12h --load 50 --region us-east-1 --reference c1.large \
  --accelerator any

# vcpu with serial fraction 0.5 (runtimes worked out for --deadline
# above: 12, 10 and 9 h), in us-east-1:
#   c1.large   12 h: 132 g (as above), 0.96 USD
#   a1.large   12 h: 72 g, 1.08 USD
#   c1.xlarge  10 h: 40 x 10 -> 400 Wh -> 200 + 20 = 220 g; 1.6 USD
#   g1.xlarge  10 h: 1000 Wh -> 500 + 50 = 550 g; 5 USD
#   p1.2xlarge  9 h: 2700 Wh -> 1350 + 90 = 1440 g; 18 USD
# Energy includes PUE 1.25: 0.3, 0.15, 0.5, 1.25 and 3.375 kWh.
expect_cut scaling-vcpu-serial 3,5,10,13,15,34 "c1.large,12,0.3,132,0.96,1
a1.large,12,0.15,72,1.08,1
c1.xlarge,10,0.5,220,1.6,2
g1.xlarge,10,1.25,550,5,3
p1.2xlarge,9,3.375,1440,18,4" \
  --runtime 12h --load 50 --region us-east-1 --reference c1.large \
  --accelerator any \
  --scaling vcpu --serial-fraction 0.5

# gpu given explicitly with serial fraction 0, in us-east-1 only:
# p1.2xlarge 10 h x 10 / (2 x 25) = 2 h, energy 300 x 2 / 1000 x 1.25 =
# 0.75 kWh, S2 300 g, S3 350.4 x 1000 x 2 / 35040 = 20 g, total 320 g,
# cost 4 USD; g1.xlarge 10 h; the rest have no runtime.
expect_cut scaling-gpu 3,5,13,15,34 "p1.2xlarge,2,320,4,1
g1.xlarge,10,550,5,2" \
  $job --region us-east-1 --reference g1.xlarge --scaling gpu \
  --serial-fraction 0

# table (implied by --speedup), tests/cli/fixtures/speedup-tiny.csv:
# a1.large 0.8, c1.large 1, c1.xlarge 2.5, g1.xlarge 4; runtime =
# 10 h x speed(c1.large) / speed(type).  In us-east-1:
#   c1.xlarge  10 / 2.5 = 4 h: 160 Wh -> 80 + 4 x 2 = 88 g; 0.16 x 4 = 0.64
#   a1.large   10 / 0.8 = 12.5 h: 125 Wh -> 62.5 + 12.5 = 75 g;
#              0.09 x 12.5 = 1.125 USD
#   c1.large   10 h: 110 g, 0.8 USD, beaten by c1.xlarge (0.64, 88): rank 2
#   g1.xlarge  10 / 4 = 2.5 h: 250 Wh -> 125 + 12.5 = 137.5 g; 1.25 USD,
#              beaten by c1.large: rank 3
#   p1.2xlarge is not in the table: left out.
expect_cut scaling-table 3,5,13,15,34 "c1.xlarge,4,88,0.64,1
a1.large,12.5,75,1.125,1
c1.large,10,110,0.8,2
g1.xlarge,2.5,137.5,1.25,3" \
  $job --region us-east-1 --reference c1.large --speedup "$speedup"
expect_cut scaling-table-explicit 3,5 "c1.xlarge,4
a1.large,12.5
c1.large,10
g1.xlarge,2.5" \
  $job --region us-east-1 --reference c1.large --speedup "$speedup" \
  --scaling table

# The summary counts what the table leaves out: g0.xlarge, p1.2xlarge and
# n1-standard-2, one pair each.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" advise $job --reference c1.large \
  --speedup "$speedup" >"$work/out"
grep -qx 'Left out by the runtime scaling: 3 (not in the speed-up table)\.' \
  "$work/out" || { fail "scaling-table: summary"; cat "$work/out" >&2; }

# The baseline runs under the same scaling: c1.xlarge@eu-west-1 with
# vcpu scaling from c1.large, s = 0, 12 h -> 6 h: 40 W x 6 h x 1.5 =
# 360 Wh x 200 g/kWh = 72 g, + 6 h x 2 g = 84 g; 0.2 x 6 = 1.2 USD.
# Against it, in us-east-1 (runtimes, grams and costs of scaling-vcpu):
#   c1.large   132 g, 0.96 USD: 84 - 132 = -48 g, -48 / 84 = -57.14... %,
#              1.2 - 0.96 = 0.24 USD
#   c1.xlarge  the same (132 g, 0.96 USD in 6 h)
#   a1.large    72 g, 1.08 USD: 12 g, 12 / 84 = 14.2857... %, 0.12 USD
#   g1.xlarge  330 g, 3 USD: -246 g, -292.857... %, -1.8 USD
#   p1.2xlarge 480 g, 6 USD: -396 g, -471.428... %, -4.8 USD
expect_cut baseline-scaled 3,40,41,42 "c1.large,-48,-57.1428571429,0.24
c1.xlarge,-48,-57.1428571429,0.24
a1.large,12,14.2857142857,0.12
g1.xlarge,-246,-292.857142857,-1.8
p1.2xlarge,-396,-471.428571429,-4.8" \
  --runtime 12h --load 50 --region us-east-1 --reference c1.large \
  --accelerator any \
  --baseline c1.xlarge@eu-west-1

# ---------------------------------------------------------------------
# Usage errors (exit 64), one clear line first.
A="--data-dir $tiny"
# A mistyped GPU model or family is an error with suggestions, not a
# silently empty answer (the tiny catalogue's GPU models: G00, G10, G25).
expect_error unknown-gpu-model 64 \
  "carbon-advisor: unknown GPU model 'g10'; did you mean 'G10', 'G00' or 'G25'?" \
  --data-dir "$tiny" advise $job --gpu-model g10
expect_error unknown-family 64 \
  "carbon-advisor: unknown instance family 'a2'; did you mean 'a1', 'c1' or 'g0'?" \
  --data-dir "$tiny" advise $job --family a2
expect_error vcpu-no-reference 64 \
  "carbon-advisor advise: --scaling vcpu needs --reference" \
  $A advise $job --scaling vcpu
expect_error gpu-no-reference 64 \
  "carbon-advisor advise: --scaling gpu needs --reference" \
  $A advise $job --scaling gpu
expect_error table-no-speedup 64 \
  "carbon-advisor advise: --scaling table needs --speedup FILE" \
  $A advise $job --scaling table --reference c1.large
expect_error speedup-with-gpu 64 \
  "carbon-advisor advise: --speedup goes with --scaling table" \
  $A advise $job --speedup "$speedup" --scaling gpu --reference g1.xlarge
expect_error unknown-scaling 64 \
  "carbon-advisor advise: unknown --scaling 'amdahl'; choose fixed, vcpu, gpu or table" \
  $A advise $job --scaling amdahl
expect_error serial-above-1 64 \
  "carbon-advisor advise: invalid --serial-fraction '1.5': must be from 0 to 1" \
  $A advise $job --serial-fraction 1.5
expect_error unknown-arch 64 \
  "carbon-advisor advise: unknown --arch 'sparc'; choose x86_64 or arm64" \
  $A advise $job --arch sparc
expect_error missing-runtime 64 "carbon-advisor advise: missing --runtime" \
  $A advise --load 50
expect_error missing-load 64 "carbon-advisor advise: missing --load" \
  $A advise --runtime 10h
for bad in c1.large @us-east-1 c1.large@; do
  expect_error "baseline-syntax-$bad" 64 \
    "carbon-advisor advise: invalid --baseline '$bad': expected TYPE@REGION, e.g. p4d.24xlarge@us-east-1" \
    $A advise $job --baseline "$bad"
done
expect_error baseline-unknown-type 64 \
  "carbon-advisor: unknown instance type 'c1.larg'; did you mean 'c1.large', 'a1.large' or 'c1.xlarge'?" \
  $A advise $job --baseline c1.larg@us-east-1
expect_error baseline-unknown-region 64 \
  "carbon-advisor: unknown region 'us-east-3'; did you mean 'us-east-1' or 'us-east-2'?" \
  $A advise $job --baseline c1.large@us-east-3
expect_error baseline-not-offered 64 \
  "carbon-advisor: --baseline: p1.2xlarge is not offered in eu-west-1" \
  $A advise $job --baseline p1.2xlarge@eu-west-1
expect_error baseline-no-runtime 64 \
  "carbon-advisor: --baseline: no runtime for c1.large under --scaling gpu (no GPU)" \
  $A advise $job --reference g1.xlarge --baseline c1.large@us-east-1
expect_error unknown-exclude-region 64 \
  "carbon-advisor: unknown region 'us-east-3'; did you mean 'us-east-1' or 'us-east-2'?" \
  $A advise $job --exclude-region us-east-1,us-east-3
expect_error unknown-region 64 \
  "carbon-advisor: unknown region 'eu-west-2'; did you mean 'eu-west-1'?" \
  $A advise $job --region eu-west-2
expect_error unknown-group 64 \
  "carbon-advisor: unknown group 'nordic'; did you mean 'nordics'?" \
  $A advise $job --group nordic
expect_error unknown-reference 64 \
  "carbon-advisor: unknown instance type 'g1.large'; did you mean 'a1.large', 'c1.large' or 'g1.xlarge'?" \
  $A advise $job --reference g1.large
expect_error reference-no-throughput 64 \
  "carbon-advisor: --reference g0.xlarge cannot be scaled with --scaling gpu: no measured training speed for its GPU model" \
  $A advise $job --reference g0.xlarge
expect_error reference-no-gpu 64 \
  "carbon-advisor: --reference c1.large cannot be scaled with --scaling gpu: no GPU" \
  $A advise $job --reference c1.large --scaling gpu
expect_error reference-not-in-table 64 \
  "carbon-advisor: --reference p1.2xlarge cannot be scaled with --scaling table: not in the speed-up table" \
  $A advise $job --reference p1.2xlarge --speedup "$speedup"

# Speed-up files: a malformed one is exit 65 with file:line, a missing
# one exit 66.
printf 'instance_type,speed\nc1.large,1\nc1.xlarge,0\n' >"$work/zero.csv"
expect_error speedup-zero 65 \
  "carbon-advisor: $work/zero.csv:3: column 'speed': '0' is not a positive number" \
  $A advise $job --reference c1.large --speedup "$work/zero.csv"
printf 'instance_type,speedup\nc1.large,1\n' >"$work/column.csv"
expect_error speedup-column 65 \
  "carbon-advisor: $work/column.csv:1: missing column 'speed'" \
  $A advise $job --reference c1.large --speedup "$work/column.csv"
printf 'instance_type,speed\nc1.large,1\n,2\n' >"$work/blank.csv"
expect_error speedup-blank-type 65 \
  "carbon-advisor: $work/blank.csv:3: column 'instance_type': empty" \
  $A advise $job --reference c1.large --speedup "$work/blank.csv"
printf 'instance_type,speed\nc1.large,1\nc1.large,2\n' >"$work/twice.csv"
expect_error speedup-twice 65 \
  "carbon-advisor: $work/twice.csv:3: instance type 'c1.large' appears twice (first on line 2)" \
  $A advise $job --reference c1.large --speedup "$work/twice.csv"
expect_error speedup-missing 66 \
  "carbon-advisor: $work/nowhere.csv: No such file or directory" \
  $A advise $job --reference c1.large --speedup "$work/nowhere.csv"

finish
