#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# The inputs a team can change, on the tiny fixture (tests/cli/fixtures/
# tiny, described in advise.sh and compare.sh) and, for the share of the
# host, the shipped data: --pricing spot, --price-file, the note on price
# dates far apart, --grid-source and --embodied-share, each worked out by
# hand below, and their errors.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

tiny=$fixtures/tiny
job="--runtime 10h --load 50"

# ---------------------------------------------------------------------
# --pricing spot.  Three pairs of the fixture have a spot price (dated
# 2024-08-09); at 10 h on one instance (Scope 3 1 g an hour for c1.large
# and a1.large):
#   us-east-1  c1.large  0.03 USD/h -> 0.30 USD; 20 W x 10 h x 1.25 PUE
#              = 0.25 kWh x 400 g = 100 g + 10 g = 110 g
#   eu-west-1  a1.large  0.04 -> 0.40 USD; 10 W: 0.1 kWh x 1.5 = 0.15 kWh
#              x 200 g = 30 g + 10 g = 40 g
#   eu-north-1 c1.large  0.05 -> 0.50 USD; 0.2 kWh x 50 g = 10 g + 10 g
#              = 20 g
# Each is cheaper or greener than the others: all three on the front.
# The other 14 pairs have no spot price and are left out, counted.
expect_output spot inputs-spot.txt --data-dir "$tiny" advise $job \
  --pricing spot
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" --format csv advise $job \
  --pricing spot >"$work/spot.csv"
got=$(sed 1d "$work/spot.csv" | cut -d, -f2,3,13,14,15,30,31)
want="us-east-1,c1.large,110,0.03,0.3,2024-08-09,tiny
eu-west-1,a1.large,40,0.04,0.4,2024-08-09,tiny
eu-north-1,c1.large,20,0.05,0.5,2024-08-09,tiny"
[ "$got" = "$want" ] || fail "spot-csv: got
$got"
expect_error spot-unknown 64 \
  "carbon-advisor advise: unknown --pricing 'spt'; choose on-demand or spot" \
  --data-dir "$tiny" advise $job --pricing spt

# estimate of a pair without a spot price: the cost is unknown.
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --data-dir "$tiny" --format csv estimate $job \
        --instance a1.large --region eu-north-1 --pricing spot \
      | sed -n 2p | cut -d, -f13,14,15)
[ "$got" = "15,," ] || fail "spot-estimate-unpriced: got '$got'"

# compare under spot prices: c1.large has one in two regions.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" compare $job --instance c1.large \
  --provider aws --pricing spot >"$work/cmp" 2>"$work/err" \
  || fail "spot-compare: exit status $?"
grep -q 'no spot price in 3' "$work/cmp" \
  || fail "spot-compare: no 'no spot price in 3' line: $(cat "$work/cmp")"

# ---------------------------------------------------------------------
# --price-file: the team pays 0.07 USD/h for c1.large in eu-north-1
# (price_date 2026-06-01): 10 h cost 0.70 USD, source price-file.
cat >"$work/prices.csv" <<'CSV'
provider,region,instance_type,price_usd_per_h,price_date
aws,eu-north-1,c1.large,0.07,2026-06-01
CSV
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --data-dir "$tiny" --format csv estimate $job \
        --instance c1.large --region eu-north-1 \
        --price-file "$work/prices.csv" | sed -n 2p | cut -d, -f14,15,30,31)
[ "$got" = "0.07,0.7,2026-06-01,price-file" ] \
  || fail "price-file-estimate: got '$got'"

# advise with it: c1.large in eu-north-1 (0.70 USD, 20 g) is now the
# cheapest and the knee; the greenest, a1.large there (5 g + 10 g = 15 g,
# 3.00 USD), keeps its list price of 2025-01-01: 17 months apart (517
# days / 30.44), which the summary says.
(
  cd "$work" || exit 1
  expect_output price-file inputs-price-file.txt --data-dir "$tiny" advise \
    $job --price-file prices.csv
  exit "$failures"
) || failures=$((failures + 1))
cases=$((cases + 1))

# compare says it too: c1.large in eu-north-1 at the file's 2026-06-01
# price, the other regions at the list's of 2025-01-01.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" compare $job --instance c1.large \
  --price-file "$work/prices.csv" >"$work/cmp" \
  || fail "price-file-compare: exit status $?"
grep -qx 'The prices compared are dated 2025-01-01 to 2026-06-01, 17 months apart: the older ones may have changed since.' \
  "$work/cmp" || fail "price-file-compare: $(cat "$work/cmp")"

# Bad price files: FILE:LINE: column and exit 65; a missing file 66.
bad ()
{
  name=$1 message=$2 row=$3
  printf 'provider,region,instance_type,price_usd_per_h\n%s\n' "$row" \
    >"$work/bad.csv"
  expect_error "$name" 65 "carbon-advisor: $work/bad.csv:$message" \
    --data-dir "$tiny" estimate $job --instance c1.large --region eu-north-1 \
    --price-file "$work/bad.csv"
}
bad price-not-a-number \
  "2: column 'price_usd_per_h': 'cheap' is not a price (expected a number above 0 and at most 100000 USD per hour)" \
  "aws,eu-north-1,c1.large,cheap"
bad price-zero \
  "2: column 'price_usd_per_h': '0' is not a price (expected a number above 0 and at most 100000 USD per hour)" \
  "aws,eu-north-1,c1.large,0"
bad price-unknown-region \
  "2: column 'region': 'eu-north-9' is not a aws region of the catalogue" \
  "aws,eu-north-9,c1.large,0.1"
bad price-unknown-type \
  "2: column 'instance_type': 'c9.large' is not a aws instance type of the catalogue" \
  "aws,eu-north-1,c9.large,0.1"
bad price-not-sold \
  "2: g0.xlarge is not sold in eu-north-1 in the catalogue, so there is no list price to replace" \
  "aws,eu-north-1,g0.xlarge,0.1"
bad price-twice "3: c1.large in eu-north-1 is priced already on line 2" \
  "aws,eu-north-1,c1.large,0.1
aws,eu-north-1,c1.large,0.2"
printf 'provider,region,instance,price_usd_per_h\n' >"$work/bad.csv"
expect_error price-missing-column 65 \
  "carbon-advisor: $work/bad.csv:1: missing column 'instance_type'" \
  --data-dir "$tiny" advise $job --price-file "$work/bad.csv"
expect_error price-no-file 66 \
  "carbon-advisor: $work/none.csv: No such file or directory" \
  --data-dir "$tiny" advise $job --price-file "$work/none.csv"

# ---------------------------------------------------------------------
# --grid-source: tiny-low gives eu-north-1 30 g/kWh (2023): c1.large's
# 0.2 kWh -> 6 g of Scope 2.
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --data-dir "$tiny" --format csv estimate $job \
        --instance c1.large --region eu-north-1 --grid-source tiny-low \
      | sed -n 2p | cut -d, -f9,11,25,26,27)
[ "$got" = "30,6,tiny-low,2023,region" ] \
  || fail "grid-source-estimate: got '$got'"
# advise keeps the regions tiny-low covers (eu-north-1, us-east-2,
# europe-north1) and counts the others.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" advise $job --grid-source tiny-low \
  --accelerator any >"$work/grid" || fail "grid-source-advise: exit status $?"
grep -qx 'Left out for want of a tiny-low grid intensity: 10.' "$work/grid" \
  || fail "grid-source-advise: $(cat "$work/grid")"
expect_error grid-source-unknown 64 \
  "carbon-advisor: unknown grid source 'tiny-lo'; did you mean 'tiny-low'?" \
  --data-dir "$tiny" advise $job --grid-source tiny-lo
expect_error grid-source-region 65 \
  "carbon-advisor: region 'eu-west-1' has no tiny-low grid intensity in the data; give one with --grid-intensity" \
  --data-dir "$tiny" estimate $job --instance c1.large --region eu-west-1 \
  --grid-source tiny-low
expect_error grid-source-signal 64 \
  "carbon-advisor advise: --grid-source names a location-based average; it does not go with --signal marginal" \
  --data-dir "$tiny" advise $job --grid-source tiny --signal marginal

# ---------------------------------------------------------------------
# --embodied-share on the shipped data.  g5.xlarge holds 4 of its host's
# 192 vCPUs, 16 of 768 GiB and 1 of 8 GPUs; host 3542.9 kgCO2e
# (instances.csv).  Largest share (default): 1/8 -> 442.8625 kg (the
# table's vCPU share 73.810417 x 6 = 442.862502); vcpu: 73.810417 kg.
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --format csv estimate $job --instance g5.xlarge \
        --region us-east-1 | sed -n 2p | cut -d, -f18,22)
[ "$got" = "442.862502,gpu" ] || fail "embodied-largest: got '$got'"
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --format csv estimate $job --instance g5.xlarge \
        --region us-east-1 --embodied-share vcpu | sed -n 2p | cut -d, -f18,22)
[ "$got" = "73.810417,vcpu" ] || fail "embodied-vcpu: got '$got'"
expect_error embodied-unknown 64 \
  "carbon-advisor estimate: unknown --embodied-share 'gpu'; choose largest or vcpu" \
  estimate $job --instance g5.xlarge --region us-east-1 --embodied-share gpu

finish
