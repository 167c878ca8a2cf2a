#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# --method: Cloud Carbon Footprint's method beside Teads', for estimate and
# advise, with the figures worked out by hand from the coefficient tables.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

tiny=$fixtures/tiny

# ---------------------------------------------------------------------
# The bundled data: m5.xlarge, 36 h at 50 %, CCF's figures by hand (the
# arithmetic is in tests/unit/check_ccf.c):
#   ccf_instances.csv: Skylake 0.65 / 4.26 W per vCPU, memory allowance
#     3.388333 GiB of 16, host 1610.79 kg over 96 vCPUs
#   power  = 4 x (0.65 + 0.5 x 3.61) + 12.611667 x 0.392 = 14.763773464 W
#   energy = 14.763773464 x 36 / 1000 x 1.135 = 0.603247783739 kWh
#   scope3 = 1610.79 x 4 / 96 x 1000 x 36 / 35040 = 68.9550513699 g
# ccf_regions.csv: eu-north-1 8.8 g/kWh (CCF's 0.0000088 t/kWh), us-east-1
# 379.069.
#   eu-north-1: scope2 5.3085804969, total 74.2636318668 g
#   us-east-1:  scope2 228.672534134, total 297.627585504 g
# Columns 7-15 are the figures, 17-28 where they come from (the data rows,
# column 31, move whenever the tables grow and are not compared here).
expect_fields ()
{
  name=$1 want=$2
  shift 2
  cases=$((cases + 1))
  got=$("$CARBON_ADVISOR" --format csv estimate "$@" 2>&1 \
        | sed -n 2p | cut -d, -f7-15,17-21,23-29)
  [ "$got" = "$want" ] \
    || { fail "$name"; echo "  expected: $want" >&2; echo "  got:      $got" >&2; }
}
expect_fields m5-ccf-eu-north-1 \
  "14.763773464,1.135,8.8,0.603247783739,5.3085804969,68.9550513699,74.2636318668,0.204,7.344,35040,67.11625,ccf,ccf-app-2024,ccf-coef-2021,ccf-app-2024,,ccf-app-2024,,,average,ccf" \
  --instance m5.xlarge --region eu-north-1 --runtime 36h --load 50 \
  --method ccf
expect_fields m5-ccf-us-east-1 \
  "14.763773464,1.135,379.069,0.603247783739,228.672534134,68.9550513699,297.627585504,0.192,6.912,35040,67.11625,ccf,ccf-app-2024,ccf-coef-2021,ccf-app-2024,,ccf-app-2024,,,average,ccf" \
  --instance m5.xlarge --region us-east-1 --runtime 36h --load 50 \
  --method ccf
# The default is still Teads, and says so.  Grid 20.42: eu-north-1's
# zone SE-SE3, electricitymaps-yearly-2024/ci_yearly_2024_by_location.csv
# life cycle; scope 2 = 1.11672 x 20.42 = 22.8034224 g.
expect_fields m5-teads-default \
  "28.2,1.1,20.42,1.11672,22.8034224,68.9383561644,91.7417785644,0.204,7.344,35040,67.1,measured,teads-2022,teads-2022,gsf-rtc/aws,2024,electricitymaps-2024,2024,zone,average,teads" \
  --instance m5.xlarge --region eu-north-1 --runtime 36h --load 50

# --method all on the bundled data: Teads, CCF, then CCF minus Teads:
#   power 14.763773464 - 28.2 = -13.436226536 W
#   total 74.2636318668 - 91.7417785644 = -17.4781466976 g
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --format csv estimate --instance m5.xlarge \
      --region eu-north-1 --runtime 36h --load 50 --method all \
      | sed 1d | cut -d, -f7,13,29)
want="28.2,91.7417785644,teads
14.763773464,74.2636318668,ccf
-13.436226536,-17.4781466976,difference"
[ "$got" = "$want" ] \
  || { fail "m5-all"; printf '  expected:\n%s\n  got:\n%s\n' "$want" "$got" >&2; }

# ---------------------------------------------------------------------
# The fixture (tests/cli/fixtures/tiny, round invented figures): c1.large
# in eu-north-1, 10 h at 50 % on 2 instances.
#   Teads: 20 W at 50 % (instances.csv), PUE 1.0, 50 g/kWh, 35.04 kg share
#     energy = 2 x 20 x 10 / 1000 x 1.0          = 0.4 kWh
#     scope2 = 0.4 x 50                          = 20 g
#     scope3 = 2 x 35.04 x 1000 x 10 / 35040     = 20 g,  total 40 g
#   CCF (ccf_instances.csv): 2 vCPUs x (1 + 0.5 x (5 - 1)) = 6 W, memory
#   (4 - 2 GiB allowance) x 0.392 = 0.784 W, so 6.784 W; PUE 1.1, 10 g/kWh
#   (ccf_regions.csv); host 350.4 kg over the largest type's 4 vCPUs:
#     energy = 2 x 6.784 x 10 / 1000 x 1.1       = 0.149248 kWh
#     scope2 = 0.149248 x 10                     = 1.49248 g
#     share  = 350.4 x 2 / 4                     = 175.2 kg
#     scope3 = 2 x 175.2 x 1000 x 10 / 35040     = 100 g, total 101.49248 g
#   cost 2 x 0.14 x 10 = 2.8 USD either way.
#   CCF minus Teads: -13.216 W, +0.1 PUE, -40 g/kWh, -0.250752 kWh,
#   -18.50752 g, +80 g, +61.49248 g, +140.16 kg, 0 USD.
fixture_job="--data-dir $tiny estimate --instance c1.large --region eu-north-1
  --runtime 10h --load 50 --count 2"
expect_output ccf-csv method-ccf.csv \
  --format csv $fixture_job --method ccf
expect_output all-table method-all.txt $fixture_job --method all
expect_output all-csv method-all.csv --format csv $fixture_job --method all
expect_output all-json method-all.json --format json $fixture_job \
  --method all
expect_output all-markdown method-all.md --format markdown $fixture_job \
  --method all
# --pue, --grid-intensity and --lifetime-years apply to both methods: the
# difference is then the power and the embodied share alone.
#   Teads: 2 x 20 x 10 / 1000 x 1.2 x 100 = 48 g; 2 x 35.04 x 1000 x 10 /
#   (8 x 8760) = 10 g.  CCF: 2 x 6.784 x 10 / 1000 x 1.2 x 100 =
#   16.2816 g; 2 x 175.2 x 1000 x 10 / 70080 = 50 g.
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --format csv $fixture_job --method all --pue 1.2 \
      --grid-intensity 100 --lifetime-years 8 | sed 1d | cut -d, -f8,9,11,12,23,25,29)
want="1.2,100,48,10,user,user,teads
1.2,100,16.2816,50,user,user,ccf
0,0,-31.7184,40,,,difference"
[ "$got" = "$want" ] \
  || { fail "all-overrides"; printf '  expected:\n%s\n  got:\n%s\n' "$want" "$got" >&2; }

# ---------------------------------------------------------------------
# advise --method ccf ranks on CCF's figures.  On the fixture, 10 h at
# 50 %, one instance, CCF's power: c1.large 6.784 W, c1.xlarge 4 x 3 +
# (8 - 4) x 0.392 = 13.568 W, g0/g1.xlarge 4 x 3 + (10 + 0.5 x 40) = 42 W
# (no memory above their 16 GiB allowance), p1.2xlarge 8 x 3 + 2 x (20 +
# 0.5 x 80) = 144 W, n1-standard-2 2 x (1 + 0.5 x 3) + 7.5 x 0.392 = 7.94 W
# (GCP: all memory charged).  Shares: c1.large 175.2 kg (50 g in 10 h),
# c1.xlarge 350.4 (100 g), g0/g1 175.2 (50 g), p1 350.4 (100 g),
# n1-standard-2 35.04 (10 g).  PUE 1.1 everywhere.
#   c1.large   us-east-1  0.074624 kWh x 400 = 29.8496 + 50 =  79.8496 g, 0.8 USD
#              eu-west-1  x 300 = 22.3872 + 50                =  72.3872 g, 1.0
#              eu-north-1 x 10 = 0.74624 + 50                 =  50.74624 g, 1.4
#   n1-standard-2 europe-north1 0.08734 x 100 = 8.734 + 10    =  18.734 g, 1.5
#   c1.xlarge  us-east-1  0.149248 x 400 = 59.6992 + 100      = 159.6992 g, 1.6
#              eu-west-1  44.7744 + 100                       = 144.7744 g, 2.0
#              eu-north-1 1.49248 + 100                       = 101.49248 g, 2.8
#   g1.xlarge  eu-north-1 0.462 x 10 = 4.62 + 50              =  54.62 g, 6
#              us-east-1  0.462 x 400 = 184.8 + 50            = 234.8 g, 5
#   g0.xlarge  eu-west-1  0.462 x 300 = 138.6 + 50            = 188.6 g, 6
#   p1.2xlarge us-east-1  1.584 x 400 = 633.6 + 100           = 733.6 g, 20
# Left out: a1.large (no CCF row) in 3 regions; ap-southeast-9 and
# us-east-2 (no CCF grid factor: the Teads method has 400 g/kWh for
# us-east-2) for 3 pairs.  The front is the four c1.large and
# n1-standard-2 runs; n1-standard-2 dominates every other run but
# g1.xlarge in eu-north-1, which leads rank 2 with the c1.xlarge runs;
# g1.xlarge in us-east-1 and g0.xlarge are rank 3, p1.2xlarge rank 4.
# (--accelerator any: the GPU types stay candidates of this CPU job.)
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --data-dir "$tiny" --format csv advise --runtime 10h \
      --load 50 --method ccf --all --accelerator any | sed 1d \
      | cut -d, -f2,3,13,15,29,34)
want="us-east-1,c1.large,79.8496,0.8,ccf,1
eu-west-1,c1.large,72.3872,1,ccf,1
eu-north-1,c1.large,50.74624,1.4,ccf,1
europe-north1,n1-standard-2,18.734,1.5,ccf,1
us-east-1,c1.xlarge,159.6992,1.6,ccf,2
eu-west-1,c1.xlarge,144.7744,2,ccf,2
eu-north-1,c1.xlarge,101.49248,2.8,ccf,2
eu-north-1,g1.xlarge,54.62,6,ccf,2
us-east-1,g1.xlarge,234.8,5,ccf,3
eu-west-1,g0.xlarge,188.6,6,ccf,3
us-east-1,p1.2xlarge,733.6,20,ccf,4"
[ "$got" = "$want" ] \
  || { fail "advise-ccf"; printf '  expected:\n%s\n  got:\n%s\n' "$want" "$got" >&2; }

# The summary counts what the method left out.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" advise --runtime 10h --load 50 \
  --method ccf --accelerator any >"$work/summary"
grep -qx "17 priced instance x region pairs, 11 met the constraints, 4 on the front." "$work/summary" \
  && grep -qx "Left out for want of CCF coefficients: 3 (instance types CCF's published figures do not cover)." "$work/summary" \
  && grep -qx "Left out for want of a CCF grid factor: 3." "$work/summary" \
  || { fail "advise-ccf summary"; cat "$work/summary" >&2; }

# A constraint that leaves only types CCF cannot cover is no error: the
# output says where the set became empty.
cases=$((cases + 1))
status=0
"$CARBON_ADVISOR" --data-dir "$tiny" advise --runtime 10h --load 50 \
  --method ccf --family a1 >"$work/empty" 2>&1 || status=$?
[ "$status" -eq 0 ] && grep -q "^The set became empty at the CCF coefficients: CCF's published coefficients cover none of the instance types left.$" "$work/empty" \
  || { fail "advise-ccf empty ($status)"; cat "$work/empty" >&2; }

# ---------------------------------------------------------------------
# Types CCF covers that the first tables did not, one per provider, 10 h
# at 50 %: power, PUE, grid factor, energy (the power is worked out in
# tests/unit/check_ccf.c, test_data_new_coverage):
#   r6i.xlarge, us-east-1:      13.763547696 x 10 / 1000 x 1.135
#                               = 0.15621626635 kWh
#   n2-standard-4, europe-north1: 15.492 x 10 / 1000 x 1.09 (CCF's
#                               trailing-twelve-month PUE) = 0.1688628 kWh
#   Standard_D4s_v5, eastus:    13.517656536 x 10 / 1000 x 1.185
#                               = 0.160184229952 kWh
expect_energy ()
{
  name=$1 want=$2 instance=$3 region=$4
  cases=$((cases + 1))
  got=$("$CARBON_ADVISOR" --format csv estimate --instance "$instance" \
        --region "$region" --runtime 10h --load 50 --method ccf 2>&1 \
        | sed -n 2p | cut -d, -f7-10)
  [ "$got" = "$want" ] \
    || { fail "$name"; echo "  expected: $want" >&2; echo "  got:      $got" >&2; }
}
expect_energy r6i-ccf "13.763547696,1.135,379.069,0.15621626635" \
  r6i.xlarge us-east-1
expect_energy n2-ccf "15.492,1.09,127,0.1688628" n2-standard-4 europe-north1
expect_energy d4s-v5-ccf "13.517656536,1.185,379.069,0.160184229952" \
  Standard_D4s_v5 eastus

# Errors.  An instance type or region CCF does not cover is exit 65 (a
# figure the run needs is not in the data), like a missing grid signal.
job="--instance m5.xlarge --region eu-north-1 --runtime 1h --load 50"
expect_error unknown-method 64 \
  "carbon-advisor estimate: unknown --method 'ccff'; choose teads, ccf or all" \
  estimate $job --method ccff
expect_error advise-method-all 64 \
  "carbon-advisor advise: unknown --method 'all'; choose teads or ccf (all is for estimate)" \
  advise --runtime 1h --load 50 --method all
expect_error ccf-marginal 64 \
  "carbon-advisor estimate: --signal marginal goes with --method teads: CCF's method has only its location-based grid factors" \
  estimate $job --method ccf --signal marginal
expect_error all-market 64 \
  "carbon-advisor estimate: --signal market goes with --method teads: CCF's method has only its location-based grid factors" \
  estimate $job --method all --signal market
expect_error advise-ccf-marginal 64 \
  "carbon-advisor advise: --signal marginal goes with --method teads: CCF's method has only its location-based grid factors" \
  advise --runtime 1h --load 50 --method ccf --signal marginal
# inf1 carries AWS Inferentia chips, for which CCF has no coefficient.
expect_error not-covered 65 \
  "carbon-advisor: inf1.xlarge: CCF's published coefficients do not cover this instance type (no row in ccf_instances.csv); --method teads estimates it" \
  estimate --instance inf1.xlarge --region us-east-1 --runtime 1h --load 50 \
  --method ccf
expect_error not-covered-all 65 \
  "carbon-advisor: inf1.xlarge: CCF's published coefficients do not cover this instance type (no row in ccf_instances.csv); --method teads estimates it" \
  estimate --instance inf1.xlarge --region us-east-1 --runtime 1h --load 50 \
  --method all --format csv
# An Azure VM CCF's tables do not know (CCF would count it as one vCPU).
expect_error not-covered-azure 65 \
  "carbon-advisor: Standard_D4s_v6: CCF's published coefficients do not cover this instance type (no row in ccf_instances.csv); --method teads estimates it" \
  estimate --instance Standard_D4s_v6 --region eastus --runtime 1h \
  --load 50 --method ccf
expect_error no-ccf-grid 65 \
  "carbon-advisor: region 'ap-south-2' has no CCF grid factor in the data; give one with --grid-intensity" \
  estimate --instance m5.xlarge --region ap-south-2 --runtime 1h --load 50 \
  --method ccf
expect_error advise-baseline-not-covered 64 \
  "carbon-advisor: --baseline: CCF's published coefficients do not cover a1.large, so --method ccf cannot estimate it" \
  --data-dir "$tiny" advise --runtime 1h --load 50 --method ccf \
  --baseline a1.large@us-east-1
expect_error advise-baseline-no-grid 64 \
  "carbon-advisor: --baseline: us-east-2 has no CCF grid factor in the data, so the emissions of a run there by --method ccf are unknown" \
  --data-dir "$tiny" advise --runtime 1h --load 50 --method ccf \
  --baseline c1.large@us-east-2

finish
