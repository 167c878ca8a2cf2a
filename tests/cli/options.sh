#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Options as people type them: percentages with or without '%' and the
# warning for a bare fraction, regions by place (city or country, any
# case), compare --baseline [TYPE@]REGION outside the compared set and
# --exclude-region, counts under the filters, and an unsupported
# instance type named as such.  On the tiny fixture (described in
# advise.sh and compare.sh) unless the shipped tables are named.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

tiny=$fixtures/tiny

# expect_notes NAME EXPECTED NOTES [ARG...]: as expect_output, but stderr
# is exactly NOTES (lines of warnings or notes) instead of empty.
expect_notes ()
{
  name=$1 expected=$2 notes=$3
  shift 3
  run_ok "$name" "$@" || return
  printf '%s\n' "$notes" >"$work/notes"
  if ! diff -u "$work/notes" "$work/err" >&2; then
    fail "$name: stderr"
  fi
  check_expected "$name" "$expected"
}

# expect_regions NAME REGIONS NOTES [ARG...]: 'list regions --format csv'
# with ARGs on the shipped tables lists exactly the regions REGIONS
# (space-separated, in table order), and stderr is exactly NOTES.
expect_regions ()
{
  name=$1 regions=$2 notes=$3
  shift 3
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" list regions --format csv "$@" >"$work/out" \
    2>"$work/err" || status=$?
  if [ "$status" -ne 0 ]; then
    fail "$name: exit status $status, expected 0"
    cat "$work/err" >&2
    return
  fi
  got=$(sed 1d "$work/out" | cut -d, -f2 | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" != "$regions" ]; then
    fail "$name: regions"
    echo "  expected: $regions" >&2
    echo "  got:      $got" >&2
  fi
  printf '%s\n' "$notes" >"$work/notes"
  if ! diff -u "$work/notes" "$work/err" >&2; then
    fail "$name: stderr"
  fi
}

# ---------------------------------------------------------------------
# Percentages.  c1.large in eu-north-1, 10 h at 50 %: 20 W x 10 h =
# 0.2 kWh at PUE 1.0 and 50 g/kWh = 10 g, Scope 3 10 g, total 20 g,
# 10 x 0.14 = 1.40 USD (compare.sh).  "50", "50%" and "50 %" are one
# load: the three runs must print the same file.
est="--data-dir $tiny --format csv estimate --instance c1.large --runtime 10h"
expect_output load-bare options-load50.csv $est --load 50 \
  --region eu-north-1
expect_output load-sign options-load50.csv $est --load 50% \
  --region eu-north-1
expect_output load-sign-space options-load50.csv $est --load '50 %' \
  --region eu-north-1
# A bare 0.5 is taken as written, 0.5 % (load_pct 0.5: the curve between
# 8 W idle and 12 W at 10 % gives 8.2 W, 0.082 kWh, 4.1 g), with a
# warning; "0.5%" says so itself and gets none.
expect_notes load-fraction options-load-fraction.csv \
  "carbon-advisor: warning: --load 0.5 means 0.5 %, not 50 %; write --load 50 for 50 %" \
  $est --load 0.5 --region eu-north-1
expect_output load-fraction-sign options-load-fraction.csv $est \
  --load 0.5% --region eu-north-1
# Zero is no fraction: the idle 8 W, 0.08 kWh, 4 g + 10 g = 14 g.
expect_output load-zero options-load0.csv $est --load 0 --region eu-north-1
# Every percentage option parses the same way: factors' --gpu-load and
# the parts of a range, warned about once per argument.
expect_notes factors-fraction options-factors.txt \
  "carbon-advisor: warning: --load 0.6 means 0.6 %, not 60 %; write --load 60 for 60 %" \
  --data-dir "$tiny" factors --load 0.6 --gpu-load 90% --provider gcp
expect_notes load-range-fraction options-load-range.csv \
  "carbon-advisor: warning: --load 0.6:0.4:80: 0.6 means 0.6 %, not 60 %; write 60 for 60 %" \
  $est --load 0.6:0.4:80 --region eu-north-1 --uncertainty --samples 100
expect_error load-over 64 \
  "carbon-advisor estimate: invalid --load '150%': must be from 0 to 100" \
  $est --load 150% --region eu-north-1
expect_error load-sign-only 64 \
  "carbon-advisor estimate: invalid --load '%': empty" \
  $est --load % --region eu-north-1
expect_error load-two-signs 64 \
  "carbon-advisor estimate: invalid --load '50%%': not a number" \
  $est --load 50%% --region eu-north-1
expect_error runtime-range-over 64 \
  "carbon-advisor estimate: invalid --runtime-range '120%': must be from 0 to 99" \
  $est --load 50 --region eu-north-1 --uncertainty --runtime-range 120%

# ---------------------------------------------------------------------
# Regions by place, on the shipped regions.csv: the rows with country SE
# are eu-north-1 "Europe (Stockholm)", swedencentral "Sweden Central" and
# europe-north2 "Stockholm"; those with NO are Azure's norwayeast and
# norwaywest.
expect_regions place-country "eu-north-1 swedencentral europe-north2" \
  "carbon-advisor: regions at Sweden: eu-north-1 (aws), swedencentral (azure), europe-north2 (gcp)" \
  --region Sweden
expect_regions place-city "eu-north-1 europe-north2" \
  "carbon-advisor: regions at stockholm: eu-north-1 (aws), europe-north2 (gcp)" \
  --region stockholm
expect_regions place-list "eu-north-1 norwayeast norwaywest europe-north2" \
  "carbon-advisor: regions at STOCKHOLM: eu-north-1 (aws), europe-north2 (gcp)
carbon-advisor: regions at Norway: norwayeast (azure), norwaywest (azure)" \
  --region STOCKHOLM,Norway
# With a provider filter the place keeps only that provider's regions
# (Norway's two are Azure's).
expect_regions place-provider "swedencentral" \
  "carbon-advisor: regions at se: swedencentral (azure)" \
  --region se --provider azure
expect_regions place-provider-none "" \
  "carbon-advisor: regions at norway: none for --provider aws,gcp" \
  --region norway --provider aws,gcp
# Accents may be left out: the shipped "South America (São Paulo)" and
# GCP's "São Paulo" are sa-east-1 and southamerica-east1.
expect_regions place-accents "sa-east-1 southamerica-east1" \
  "carbon-advisor: regions at sao paulo: sa-east-1 (aws), southamerica-east1 (gcp)" \
  --region 'sao paulo'
expect_error place-unknown 64 \
  "carbon-advisor: unknown region 'Stokholm'; did you mean 'Stockholm'?" \
  list regions --region Stokholm
expect_error place-unknown-country 64 \
  "carbon-advisor: unknown region 'Swden'; did you mean 'Sweden'?" \
  list regions --region Swden

# compare over places on the tiny fixture: Sweden is eu-north-1, Finland
# europe-north1: the rows of the nordics group (compare.sh: 20 g and
# 30 g).
job="--instance c1.large --runtime 10h --load 50"
expect_notes compare-places options-compare-places.csv \
  "carbon-advisor: regions at Sweden: eu-north-1 (aws)
carbon-advisor: regions at finland: europe-north1 (gcp)" \
  --data-dir "$tiny" --format csv compare $job --region Sweden,finland
# estimate takes a place with one region offering the type: the same
# run as --region eu-north-1 above.
expect_notes estimate-place options-load50.csv \
  "carbon-advisor: region at Sweden that offers c1.large: eu-north-1 (aws)" \
  $est --load 50 --region Sweden
expect_error estimate-place-several 64 \
  "carbon-advisor: c1.large is offered in 2 regions at United States: us-east-1, us-east-2; name one" \
  $est --load 50 --region 'United States'
expect_error estimate-place-none 64 \
  "carbon-advisor: c1.large is not offered at Finland; see 'carbon-advisor list regions --instance c1.large'" \
  $est --load 50 --region Finland
expect_error estimate-place-unknown 64 \
  "carbon-advisor: unknown region 'Swedn'; did you mean 'Sweden'?" \
  $est --load 50 --region Swedn

# ---------------------------------------------------------------------
# compare --baseline outside the compared set.  --group nordics with
# c1.large in us-east-1 (110 g, 0.80 USD; compare.sh) as the baseline:
# eu-north-1 20 - 110 = -90 g (-90/110 = -81.8 %), europe-north1 30 -
# 110 = -80 g (-72.7 %).
expect_output baseline-outside options-baseline-outside.txt \
  --data-dir "$tiny" compare $job --group nordics --baseline us-east-1
# Another type: c1.xlarge in eu-west-1 (140 g, 2.00 USD; compare.sh),
# with us-east-2 and the regions at Finland (europe-north1) left out:
# 4 regions, ap-southeast-9 without a grid figure, so 3 runs.
# eu-north-1 20 - 140 = -120 g (-85.7 %), eu-west-1 70 - 140 = -70 g
# (-50.0 %), us-east-1 110 - 140 = -30 g (-21.4 %).
expect_notes baseline-type options-baseline-type.txt \
  "carbon-advisor: regions at Finland: europe-north1 (gcp)" \
  --data-dir "$tiny" compare $job --baseline c1.xlarge@eu-west-1 \
  --exclude-region us-east-2,Finland
expect_output baseline-type-csv options-baseline-type.csv \
  --data-dir "$tiny" --format csv compare $job \
  --baseline c1.xlarge@eu-west-1 --exclude-region us-east-2 \
  --exclude-region europe-north1
expect_error baseline-not-offered 64 \
  "carbon-advisor: --baseline: ap-southeast-9 has no run to compare against (not offered for c1.xlarge)" \
  --data-dir "$tiny" compare $job --baseline c1.xlarge@ap-southeast-9
expect_error baseline-no-grid 64 \
  "carbon-advisor: --baseline: ap-southeast-9 has no run to compare against (no grid figure for c1.large)" \
  --data-dir "$tiny" compare $job --group nordics --baseline ap-southeast-9
expect_error baseline-empty-type 64 \
  "carbon-advisor compare: invalid --baseline '@us-east-1': expected REGION or TYPE@REGION, e.g. us-east-1 or p3.2xlarge@us-east-1" \
  --data-dir "$tiny" compare $job --baseline @us-east-1
expect_error baseline-two-ats 64 \
  "carbon-advisor compare: invalid --baseline 'c1.large@a@b': expected REGION or TYPE@REGION, e.g. us-east-1 or p3.2xlarge@us-east-1" \
  --data-dir "$tiny" compare $job --baseline c1.large@a@b
expect_error baseline-unknown-type 64 \
  "carbon-advisor: unknown instance type 'c1.larg'; did you mean 'c1.large', 'a1.large' or 'c1.xlarge'?" \
  --data-dir "$tiny" compare $job --baseline c1.larg@us-east-1
expect_error exclude-unknown 64 \
  "carbon-advisor: unknown region 'eu-nort-1'; did you mean 'eu-north-1' or 'eu-west-1'?" \
  --data-dir "$tiny" compare $job --exclude-region eu-nort-1

# advise's --exclude-region takes places too: without the two regions
# at "United States" (us-east-1, us-east-2) and the one at Finland
# (europe-north1), and ap-southeast-9 having no grid figure, only
# eu-west-1 and eu-north-1 are left.
expect_notes advise-exclude-places options-advise-exclude.csv \
  "carbon-advisor: regions at United States: us-east-1 (aws), us-east-2 (aws)
carbon-advisor: regions at Finland: europe-north1 (gcp)" \
  --data-dir "$tiny" --format csv advise --runtime 10h --load 50 \
  --exclude-region 'United States',Finland

# ---------------------------------------------------------------------
# Counts under the filters.  --provider gcp: only europe-north1 (group
# europe and nordics) is GCP's, so those groups count 1 region and the
# others 0.
expect_output groups-provider options-groups-gcp.txt \
  --data-dir "$tiny" list groups --provider gcp
# The Regions column of list instances counts the regions the filters
# keep: under --region Sweden (eu-north-1 only) c1.large counts 1, not
# the 5 regions it is sold in.
expect_notes instances-place options-instances-sweden.csv \
  "carbon-advisor: regions at Sweden: eu-north-1 (aws)" \
  --data-dir "$tiny" --format csv list instances --region Sweden

# ---------------------------------------------------------------------
# An unsupported type (unsupported.csv) is named as such, with its
# reason, wherever a type is asked for.
expect_error unsupported-estimate 64 \
  "carbon-advisor: instance type 'trn0.xlarge' is not supported: no open power figure for its accelerator (Trainium); see 'carbon-advisor list instances --unsupported'" \
  $est --instance trn0.xlarge --load 50 --region us-east-1
expect_error unsupported-compare 64 \
  "carbon-advisor: instance type 'trn0.xlarge' is not supported: no open power figure for its accelerator (Trainium); see 'carbon-advisor list instances --unsupported'" \
  --data-dir "$tiny" compare --instance trn0.xlarge --runtime 10h --load 50
expect_error unsupported-shipped 64 \
  "carbon-advisor: instance type 'trn1.32xlarge' is not supported: Machine Learning ASIC Instances: no open power figure for AWS Trainium (Boavizta lists it as 'AWS Inferentia'); see 'carbon-advisor list instances --unsupported'" \
  estimate --instance trn1.32xlarge --runtime 24h --load 60 --region us-east-1

finish
