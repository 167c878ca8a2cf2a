#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# carbon-advisor estimate: exact output in every format, with the figures
# worked out by hand from the data rows they come from.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

# m5.xlarge in eu-north-1 (instances.csv: 4 of 96 host vCPUs, host
# 1610.4 kgCO2e so a 67.1 kg share; points 8.8/14.0/28.2/39.9 W at
# 0/10/50/100 %; regions.csv: PUE 1.1 (AWS 2024), grid 24.71 gCO2e/kWh
# (Electricity Maps 2024); prices.csv: 0.204 USD/h).
#
# At 50 %, a measured point, the sheet's 28.2 W comes back exactly:
#   energy = 28.2 W x 36 h / 1000 x 1.1     = 1.11672 kWh
#   scope2 = 1.11672 x 24.71                = 27.5941512 g
#   scope3 = 67.1 kg x 1000 x 36 / 35040 h  = 68.9383561644 g
#   total                                   = 96.5325073644 g
#   cost   = 0.204 x 36                     = 7.344 USD
expect_output csv-at-measured-point estimate-m5-50.csv \
  --format csv estimate --instance m5.xlarge --region eu-north-1 \
  --runtime 36h --load 50

# At 60 %, between points, Steffen's monotone cubic on [50, 100]:
# secants 0.355 and 0.234 W/%, slope at 50 % = 2 min(0.355, 0.234,
# |(0.355x50 + 0.234x40)/90| / 2) = 0.301222, at 100 % the end secant
# 0.234; the Hermite cubic 10 % past 50 gives
#   28.2 + 3.012222 - 0.268889 + 0.026889 = 30.970222 W
#   energy = 4 x 30.970222 x 36 / 1000 x 1.1 = 4.9056832 kWh
#   scope2 = 4.9056832 x 24.71               = 121.219431872 g
#   scope3 = 4 x 67.1 x 1000 x 36 / 35040    = 275.753424658 g
#   cost   = 4 x 0.204 x 36                  = 29.376 USD
expect_output table estimate-table.txt \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 36h \
  --load 60 --count 4
expect_output json estimate.json \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 36h \
  --load 60 --count 4 --format json
expect_output markdown estimate.md \
  --format markdown estimate --instance m5.xlarge --region eu-north-1 \
  --runtime 36h --load 60 --count 4
# Global options work before or after the command name, and the command
# name may be shortened.
expect_output format-before estimate.json \
  --format=json est --count=4 --instance m5.xlarge --region eu-north-1 \
  --runtime 1.5d --load 60

# Units for people, one per value in the vertical layout, on the tiny
# fixture: p1.2xlarge (300 W at 50 %, modelled) in us-east-1 (PUE 1.25,
# 400 g/kWh) for 10000 h: energy 300 x 10000 / 1000 x 1.25 = 3750 kWh,
# Scope 2 3750 x 400 = 1,500,000 g = 1.50 t, Scope 3 10 g/h x 10000 =
# 100 kg, total 1.60 t; embodied 350.4 kg -> "350 kg".  Its power curve
# is modelled, so the method line under the table says so.
expect_output table-units estimate-units.txt --data-dir "$fixtures/tiny" \
  estimate --instance p1.2xlarge --region us-east-1 --runtime 10000h \
  --load 50

# Overrides are used and recorded as the user's, without a year.
# p3.2xlarge (instances.csv: 279.3 W at 50 %, 379.8 W at 100 %,
# 393.655556 kg share), 80 % load, 2.5 h, PUE 1.2, 400 g/kWh, 6 years:
#   energy = 344.106667 x 2.5 / 1000 x 1.2  = 1.03232 kWh
#   scope2 = 1.03232 x 400                  = 412.928 g
#   scope3 = 393.655556 x 1000 x 2.5 / 52560 = 18.724103691 g
#   cost   = 3.06 x 2.5                      = 7.65 USD
expect_output overrides estimate-overrides.csv \
  estimate --instance p3.2xlarge --region us-east-1 --runtime 2h30m \
  --load 80 --pue 1.2 --grid-intensity 400 --lifetime-years 6 --format csv

# --signal picks the region's marginal or market-based figure, and says
# so.  eu-north-1 (regions.csv): marginal 791.26 g/kWh (WattTime via GSF,
# 2024), market-based 0.0 (AWS's claim after renewable matching, 2024).
# At 50 % on m5.xlarge for 36 h, energy 1.11672 kWh (above):
#   marginal: scope2 = 1.11672 x 791.26 = 883.6158672 g
#   market:   scope2 = 0, total = scope3 = 68.9383561644 g
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --format csv estimate --instance m5.xlarge \
      --region eu-north-1 --runtime 36h --load 50 --signal marginal \
      | sed -n 2p | cut -d, -f9,11,25,26,28)
[ "$got" = "791.26,883.6158672,watttime-via-gsf,2024,marginal" ] \
  || fail "signal marginal: '$got'"
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --format csv estimate --instance m5.xlarge \
      --region eu-north-1 --runtime 36h --load 50 --signal market \
      | sed -n 2p | cut -d, -f9,11,13,25,26,28)
[ "$got" = "0,0,68.9383561644,gsf-rtc/aws,2024,market" ] \
  || fail "signal market: '$got'"

# Every spelling of a duration gives the same hours.
for spec in 90m 1.5 1h30m 5400s 0.0625d; do
  cases=$((cases + 1))
  got=$("$CARBON_ADVISOR" --format csv estimate --instance m5.xlarge \
        --region eu-north-1 --runtime "$spec" --load 50 | sed -n 2p | cut -d, -f5)
  [ "$got" = 1.5 ] || fail "runtime $spec: runtime_h '$got', expected 1.5"
done

# The sheet's four points come back exactly at 0, 10, 50 and 100 %
# (compared with the instance's row of instances.csv).
for type in c5.large m5.xlarge p4d.24xlarge t4g.nano a1.metal; do
  row=$(grep "^aws,$type," "$CARBON_ADVISOR_DATA/instances.csv")
  region=$(grep ",$type," "$CARBON_ADVISOR_DATA/prices.csv" | head -n 1 | cut -d, -f2)
  i=13
  for load in 0 10 50 100; do
    cases=$((cases + 1))
    want=$(echo "$row" | cut -d, -f$i)
    got=$("$CARBON_ADVISOR" --format csv estimate --instance "$type" \
          --region "$region" --runtime 1 --load $load | sed -n 2p | cut -d, -f7)
    # Compare as numbers: the sheet writes 14.0 where csv writes 14.
    awk -v a="$got" -v b="$want" 'BEGIN { exit !(a + 0 == b + 0) }' \
      || fail "$type at $load %: power_w '$got', expected '$want'"
    i=$((i + 1))
  done
done

# --output writes the file and nothing to stdout.
cases=$((cases + 1))
"$CARBON_ADVISOR" --format csv estimate --instance m5.xlarge \
  --region eu-north-1 --runtime 36h --load 50 --output "$work/e.csv" >"$work/stdout"
[ -s "$work/stdout" ] && fail "output: stdout not empty"
cmp -s "$work/e.csv" "$expected_dir/estimate-m5-50.csv" \
  || fail "output: file differs from estimate-m5-50.csv"

# Same input, same bytes, whatever the user's locale.
for loc in de_DE.UTF-8 fr_FR.UTF-8; do
  if locale -a 2>/dev/null | grep -qi "^$(echo $loc | sed 's/UTF-8/utf8/')$"; then
    cases=$((cases + 1))
    LC_ALL=$loc "$CARBON_ADVISOR" estimate --instance m5.xlarge \
      --region eu-north-1 --runtime 36h --load 60 --count 4 >"$work/loc"
    cmp -s "$work/loc" "$expected_dir/estimate-table.txt" \
      || fail "locale $loc: output differs"
  elif [ "$loc" = de_DE.UTF-8 ] && [ "${CI:-}" = true ]; then
    # In CI the comma-decimal case must run (tools/setup.sh makes it).
    cases=$((cases + 1))
    fail "locale $loc: not installed although CI=true"
  fi
done

finish
