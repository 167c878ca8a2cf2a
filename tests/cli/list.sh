#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# carbon-advisor list: exact output of each list, its filters and formats.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

# Every priced region (34 AWS, 58 Azure, 43 GCP), with PUE and grid
# figures from regions.csv (e.g. eu-north-1: PUE 1.1 and 24.7 g/kWh, AWS
# and Electricity Maps 2024; ca-west-1 has no Electricity Maps figure and
# takes its zone's, Alberta's 670 g/kWh, Green Algorithms 2019).
expect_output regions list-regions.txt list regions
expect_output groups-csv list-groups.csv list groups --format csv
# The Nordics: AWS Stockholm, four Azure and two GCP regions.
expect_output regions-nordics-json list-regions-nordics.json \
  list regions --group nordics --format json
# Where p4d.24xlarge (8 x A100) is sold: 13 regions.
expect_output regions-of-instance list-regions-p4d.csv \
  --format csv list regions --instance p4d.24xlarge
# The 864 AWS types (408 from the Teads sheet, 456 modelled), and every
# type of every provider in csv.
expect_output instances list-instances.txt list instances --provider aws
expect_output instances-csv list-instances.csv list instances --format csv
expect_output instances-gpus list-instances-gpus8.json \
  list instances --gpus 8 --format json
expect_output instances-filtered list-instances-big.md \
  list instances --region eu-north-1 --min-vcpus 96 --min-memory 700 \
  --format markdown

# Types the data prices but cannot estimate are listed with the reason,
# never silently dropped (tests/cli/fixtures/tiny/unsupported.csv).
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --data-dir "$fixtures/tiny" --format csv list instances \
      --unsupported)
want="provider,instance_type,reason
aws,trn0.xlarge,no open power figure for its accelerator (Trainium)"
[ "$got" = "$want" ] || fail "unsupported: '$got'"
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --data-dir "$fixtures/tiny" --format csv list instances \
      --unsupported --provider gcp)
[ "$got" = "provider,instance_type,reason" ] || fail "unsupported gcp: '$got'"

# Counts straight from the tables: a row per instance type and region.
for what in instances regions; do
  cases=$((cases + 1))
  want=$(tail -n +2 "$CARBON_ADVISOR_DATA/$what.csv" | wc -l)
  n=$("$CARBON_ADVISOR" list $what --format csv | tail -n +2 | wc -l)
  [ "$n" -eq "$want" ] || fail "$what: $n rows, expected $want"
done
# A filter that keeps nothing is an empty answer, not an error.
cases=$((cases + 1))
out=$("$CARBON_ADVISOR" list instances --gpus 17 --format csv) \
  || fail "empty filter: non-zero exit"
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "empty filter: rows printed"

finish
