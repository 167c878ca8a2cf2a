#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# carbon-advisor report: the Markdown report's exact text on the tiny
# fixture, the HTML page's structure (title, headline numbers, no
# network resource), the atomic write and the errors.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

tiny=$fixtures/tiny
# --accelerator any: the fixture's GPU types stay candidates of this CPU
# job, as in tests/cli/advise.sh.
job="--runtime 10h --load 50 --accelerator any"

# The Markdown report (doc of the figures: tests/cli/advise.sh): the
# knee c1.large@eu-north-1 saves 0.120 kg (85.7 %) and 0.60 USD against
# c1.xlarge@eu-west-1.
expect_output markdown report.md \
  --data-dir "$tiny" --format markdown report $job \
  --baseline c1.xlarge@eu-west-1 --group nordics --group europe \
  --title 'Tiny job'

# Without a baseline the assumptions name the recommendation's site
# alone (fixture regions.csv: eu-north-1 PUE 1.00 and 50 gCO2e/kWh,
# source "tiny", 2024); there was once a stray "0.00 in" after it.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" --format markdown report $job \
  >"$work/nobase.md" 2>/dev/null || fail "no baseline: exit status"
grep -qxF -- '- PUE: 1.00 in eu-north-1 (tiny, 2024)' "$work/nobase.md" \
  || fail "no baseline: PUE line"
grep -qxF -- '- Grid signal: average (region level): 50.0 gCO2e/kWh in eu-north-1 (tiny, 2024)' \
  "$work/nobase.md" || fail "no baseline: grid line"

# The HTML page, to a file.
cases=$((cases + 1))
html=$work/report.html
if "$CARBON_ADVISOR" --data-dir "$tiny" report $job \
     --baseline c1.xlarge@eu-west-1 --group nordics,europe \
     --title 'Tiny <job>' \
     --output "$html" 2>"$work/err"; then
  for want in '<!DOCTYPE html>' '<title>Tiny &lt;job&gt;</title>' \
              '<p class="do">Run on c1.large in eu-north-1</p>' \
              '<b>0.120 kgCO2e</b>' '<b>85.7 %</b>' '<b>0.60 USD</b>' \
              '<polyline class="front"' 'id="chart-regions"' \
              'Teads Engineering, EC2 Carbon Emissions Dataset (CC BY 4.0)' \
              'Our World in Data, based on Ember' \
              'Electricity Maps (2025). 2024 Yearly Carbon Intensity Data' \
              '</html>'; do
    grep -qF "$want" "$html" || fail "html: no '$want'"
  done
  # Self-contained: no URL, no external stylesheet, script or image.
  if grep -qiE 'http|<link|<script|<img|url\(' "$html"; then
    fail "html: external resource"
  fi
  [ -s "$work/err" ] && fail "html: unexpected stderr"
else
  fail "html: exit status"
  cat "$work/err" >&2
fi

# With --uncertainty the page gives the odds against the baseline.
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$tiny" report $job --uncertainty \
  --samples 200 --baseline c1.xlarge@eu-west-1 >"$work/u.html" 2>/dev/null \
  || fail "uncertainty: exit status"
grep -q 'chance it beats the baseline' "$work/u.html" \
  || fail "uncertainty: no probability against the baseline"
grep -q 'P(front)' "$work/u.html" || fail "uncertainty: no P(front)"

# Atomic: an error leaves neither the report nor a temporary file, and
# an existing report is kept.
cases=$((cases + 1))
mkdir "$work/dest"
status=0
"$CARBON_ADVISOR" --data-dir "$tiny" report $job --max-cost 0.001 \
  --output "$work/dest/r.html" >/dev/null 2>&1 || status=$?
[ "$status" -eq 1 ] || fail "atomic: exit status $status, expected 1"
[ -z "$(ls -A "$work/dest")" ] || fail "atomic: left $(ls -A "$work/dest")"
echo keep >"$work/dest/r.html"
"$CARBON_ADVISOR" --data-dir "$tiny" report $job --baseline nope@eu-west-1 \
  --output "$work/dest/r.html" >/dev/null 2>&1
[ "$(cat "$work/dest/r.html")" = keep ] || fail "atomic: report replaced"
[ "$(ls -A "$work/dest")" = r.html ] || fail "atomic: temporary file left"

# Errors.
expect_error no-candidate 1 \
  "No candidate meets the constraints: 17 priced instance x region pairs, 17 after the region filters, 17 after the instance filters, 17 after the accelerator rule, 17 after the GPU memory rule, 17 after the burstable rule, 17 after the runtime scaling, 16 after the grid data, 16 after the deadline, 0 after --max-cost." \
  --data-dir "$tiny" report $job --max-cost 0.001
expect_error format 64 \
  "carbon-advisor: report writes HTML (the default) or --format markdown" \
  --data-dir "$tiny" --format csv report $job
expect_error missing-load 64 "carbon-advisor report: missing --load" \
  --data-dir "$tiny" report --runtime 10h
expect_error empty-title 64 "carbon-advisor report: --title must not be empty" \
  --data-dir "$tiny" report $job --title ''
expect_error bad-group 64 \
  "carbon-advisor: unknown group 'nordic'; did you mean 'nordics'?" \
  --data-dir "$tiny" report $job --group nordic

finish
