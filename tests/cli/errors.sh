#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Bad input: every case exits with its documented status, prints one
# clear line first on stderr, writes nothing on stdout and leaves no
# output file behind.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

job="--instance m5.xlarge --region eu-north-1 --runtime 36h --load 60"

# Unknown names, with the closest known ones.
expect_error unknown-instance 64 \
  "carbon-advisor: unknown instance type 'm5.xlarg'; did you mean 'm5.xlarge', 'c5.xlarge' or 'g5.xlarge'?" \
  estimate --instance m5.xlarg --region eu-north-1 --runtime 1h --load 5
expect_error unknown-region 64 \
  "carbon-advisor: unknown region 'eu-nroth-1'; did you mean 'eu-north-1' or 'eu-south-1'?" \
  estimate --instance m5.xlarge --region eu-nroth-1 --runtime 1h --load 5
expect_error unknown-group 64 \
  "carbon-advisor: unknown group 'nordic'; did you mean 'nordics'?" \
  list regions --group nordic
expect_error unknown-provider 64 "carbon-advisor: unknown provider 'oracle'" \
  list regions --provider aws,oracle
# (p4d.24xlarge, used here before, is priced in eu-north-1 since
# vantage-gpu-2026-01; p3dn.24xlarge is priced in 6 regions, none of them
# eu-north-1: data/prices.csv.)
expect_error not-offered 64 \
  "carbon-advisor: p3dn.24xlarge is not offered in eu-north-1 (the data prices it in 6 regions; see 'carbon-advisor list regions --instance p3dn.24xlarge')" \
  estimate --instance p3dn.24xlarge --region eu-north-1 --runtime 1h --load 1

# Usage errors (exit 64).
expect_error load-above-100 64 \
  "carbon-advisor estimate: invalid --load '101': must be from 0 to 100" \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 1h --load 101
expect_error load-negative 64 \
  "carbon-advisor estimate: invalid --load '-1': must be from 0 to 100" \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 1h --load=-1
expect_error load-nan 64 \
  "carbon-advisor estimate: invalid --load 'nan': not a number" \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 1h --load nan
expect_error load-comma 64 \
  "carbon-advisor estimate: invalid --load '60,5': not a number" \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 1h --load 60,5
expect_error runtime-zero 64 \
  "carbon-advisor estimate: invalid --runtime '0': must be longer than zero" \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 0 --load 1
expect_error runtime-zero-minutes 64 \
  "carbon-advisor estimate: invalid --runtime '0m': must be longer than zero" \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 0m --load 1
for bad in -5h nan abc 5x 30m2h 1h1h; do
  expect_error "runtime-$bad" 64 \
    "carbon-advisor estimate: invalid --runtime '$bad': expected a duration such as 90m, 36h, 1.5d, 2h30m or 5400s (a bare number is hours)" \
    estimate --instance m5.xlarge --region eu-north-1 --runtime="$bad" --load 1
done
expect_error count-zero 64 \
  "carbon-advisor estimate: invalid --count '0': must be at least 1" \
  estimate $job --count 0
expect_error count-fraction 64 \
  "carbon-advisor estimate: invalid --count '1.5': not a whole number" \
  estimate $job --count 1.5
expect_error pue-below-1 64 \
  "carbon-advisor estimate: invalid --pue '0.9': must be from 1 to 10" \
  estimate $job --pue 0.9
expect_error grid-negative 64 \
  "carbon-advisor estimate: invalid --grid-intensity '-3': must be from 0 to 5000" \
  estimate $job --grid-intensity=-3
expect_error lifetime-zero 64 \
  "carbon-advisor estimate: invalid --lifetime-years '0': must be from 0.1 to 100" \
  estimate $job --lifetime-years 0
expect_error unknown-signal 64 \
  "carbon-advisor estimate: unknown --signal 'hourly'; choose average, marginal or market" \
  estimate $job --signal hourly
# ca-west-1 has no marginal figure in the data: an error, never 0 g.
expect_error no-marginal 65 \
  "carbon-advisor: region 'ca-west-1' has no marginal grid intensity in the data; give one with --grid-intensity" \
  estimate --instance m5.xlarge --region ca-west-1 --runtime 1h --load 50 \
  --signal marginal
expect_error unknown-format 64 \
  "carbon-advisor: unknown format 'xml'; valid formats: table, csv, json, markdown" \
  --format xml list groups
expect_error unknown-format-after 64 \
  "carbon-advisor estimate: unknown format 'CSV'; valid formats: table, csv, json, markdown" \
  estimate $job --format CSV
expect_error missing-instance 64 "carbon-advisor estimate: missing --instance" \
  estimate --region eu-north-1 --runtime 1h --load 1
expect_error missing-region 64 "carbon-advisor estimate: missing --region" \
  estimate --instance m5.xlarge --runtime 1h --load 1
expect_error missing-runtime 64 "carbon-advisor estimate: missing --runtime" \
  estimate --instance m5.xlarge --region eu-north-1 --load 1
expect_error missing-load 64 "carbon-advisor estimate: missing --load" \
  estimate --instance m5.xlarge --region eu-north-1 --runtime 1h
expect_error extra-argument 64 \
  "carbon-advisor estimate: unexpected argument 'extra'" estimate $job extra
expect_error unknown-command 64 \
  "carbon-advisor: unknown command 'frobnicate'; commands: advise, compare, compile, estimate, factors, list, merge, report, track" \
  frobnicate
expect_error missing-command 64 "carbon-advisor: missing command"
expect_error list-nothing 64 \
  "carbon-advisor list: missing what to list: instances, regions or groups" \
  list
expect_error list-unknown 64 \
  "carbon-advisor list: unknown list 'foo'; choose instances, regions or groups" \
  list foo
expect_error list-unsupported-not-instances 64 \
  "carbon-advisor list: --unsupported only goes with 'list instances'" \
  list regions --unsupported
expect_error list-instance-not-regions 64 \
  "carbon-advisor list: --instance only goes with 'list regions'" \
  list instances --instance m5.xlarge

# Data errors: a malformed table is exit 65 with file:line and column, a
# missing one exit 66.
data=$work/data
mkdir "$data"
cp "$CARBON_ADVISOR_DATA"/*.csv "$data"
sed -i '3s/^\(\([^,]*,\)\{14\}\)[^,]*/\1abc/' "$data/instances.csv"
expect_error data-not-a-number 65 \
  "carbon-advisor: $data/instances.csv:3: column 'power_50_w': not a number: 'abc'" \
  --data-dir "$data" estimate $job
cp "$CARBON_ADVISOR_DATA/instances.csv" "$data"
sed -i '5s/^\(\([^,]*,\)\{7\}\)[^,]*/\1x/' "$data/prices.csv"    # spot_date
sed -i '5s/^\([^,]*,[^,]*,\)[^,]*/\1m5.huge/' "$data/prices.csv"
expect_error data-unknown-instance 65 \
  "carbon-advisor: $data/prices.csv:5: column 'instance_type': 'm5.huge' is not an instance type of provider 'aws' in instances.csv" \
  --data-dir "$data" list groups
cp "$CARBON_ADVISOR_DATA/prices.csv" "$data"
# Rows 2 and 3 swapped: every tie-break relies on the documented order.
{
  sed -n 1p "$CARBON_ADVISOR_DATA/prices.csv"
  sed -n 3p "$CARBON_ADVISOR_DATA/prices.csv"
  sed -n 2p "$CARBON_ADVISOR_DATA/prices.csv"
  sed -n '4,$p' "$CARBON_ADVISOR_DATA/prices.csv"
} >"$data/prices.csv"
expect_error data-out-of-order 65 \
  "carbon-advisor: $data/prices.csv:3: row out of order: the table must be sorted by its key columns" \
  --data-dir "$data" list groups
printf 'provider,region\naws,"eu\n' >"$data/prices.csv"
expect_error data-bad-quote 65 \
  "carbon-advisor: $data/prices.csv:2: error parsing data while strict checking enabled" \
  --data-dir "$data" list groups
rm "$data/prices.csv"
expect_error data-missing-table 66 \
  "carbon-advisor: $data/prices.csv: No such file or directory" \
  --data-dir "$data" list groups
CARBON_ADVISOR_DATA=$work/nowhere expect_error data-env-missing 66 \
  "carbon-advisor: $work/nowhere/sources.csv: No such file or directory" \
  list groups

# A UTF-8 byte-order mark at the start of a table or a user file is
# skipped; before the fix it became part of the first column's name
# ("missing column 'provider'").  A NUL byte anywhere is an error naming
# the line; before the fix "1.1<NUL> 5" was read as 1.1.
mkdir "$work/bom"
cp "$CARBON_ADVISOR_DATA"/*.csv "$work/bom"
printf '\357\273\277' | cat - "$CARBON_ADVISOR_DATA/regions.csv" \
  >"$work/bom/regions.csv"
cases=$((cases + 1))
"$CARBON_ADVISOR" list regions >"$work/want" || fail "bom: reference run"
"$CARBON_ADVISOR" --data-dir "$work/bom" list regions >"$work/out" \
  2>"$work/err" || fail "bom-table: exit status $?: $(cat "$work/err")"
cmp -s "$work/want" "$work/out" || fail "bom-table: output differs"
speedup=$CARBON_ADVISOR_TESTS/cli/fixtures/speedup-tiny.csv
tiny_job="--data-dir $CARBON_ADVISOR_TESTS/cli/fixtures/tiny advise
  --runtime 10h --load 50 --reference c1.large --region us-east-1"
printf '\357\273\277' | cat - "$speedup" >"$work/bom/speedup.csv"
cases=$((cases + 1))
"$CARBON_ADVISOR" $tiny_job --speedup "$speedup" >"$work/want" \
  || fail "bom-speedup: reference run"
"$CARBON_ADVISOR" $tiny_job --speedup "$work/bom/speedup.csv" \
  >"$work/out" 2>"$work/err" \
  || fail "bom-speedup: exit status $?: $(cat "$work/err")"
cmp -s "$work/want" "$work/out" || fail "bom-speedup: output differs"
{ sed -n 1,3p "$speedup"; printf 'c1.xlarge,2.5\000 5,\n'; } \
  >"$work/bom/nul.csv"
expect_error nul-speedup 65 \
  "carbon-advisor: $work/bom/nul.csv:4: field 2 holds a NUL byte" \
  $tiny_job --speedup "$work/bom/nul.csv"
# A quoted field with a line break, quoted back in a message, is escaped:
# the message stays one line.  Found by tests/fuzz/fuzz_speedup, whose
# check of every refusal's message failed on it before the fix.
printf 'instance_type,speed\nc1.large,"1\n2"\n' >"$work/bom/newline.csv"
expect_error newline-in-message 65 \
  "carbon-advisor: $work/bom/newline.csv:2: column 'speed': '1\\n2' is not a positive number" \
  $tiny_job --speedup "$work/bom/newline.csv"
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "newline-in-message: not one line"
cp "$CARBON_ADVISOR_DATA/regions.csv" "$work/bom"
{ sed -n 1,2p "$CARBON_ADVISOR_DATA/regions.csv"; printf 'aws\000'; } \
  >"$work/bom/regions.csv"
expect_error nul-table 65 \
  "carbon-advisor: $work/bom/regions.csv:3: field 1 holds a NUL byte" \
  --data-dir "$work/bom" list regions

# Messages name the whole path, however long: before the fix they were
# cut at 511 bytes.  Here the data directory's name is over 700 bytes.
long=$work
for i in 1 2 3 4 5 6 7; do
  long=$long/$(printf '%0100d' "$i")
done
mkdir -p "$long"
cp "$CARBON_ADVISOR_DATA"/*.csv "$long"
printf 'provider,region\naws,"eu\n' >"$long/prices.csv"
expect_error long-path-data 65 \
  "carbon-advisor: $long/prices.csv:2: error parsing data while strict checking enabled" \
  --data-dir "$long" list groups
rm "$long/prices.csv"
expect_error long-path-missing 66 \
  "carbon-advisor: $long/prices.csv: No such file or directory" \
  --data-dir "$long" list groups

# Counts and durations have documented maxima (doc/LIMITS.md): a million
# instances, ten years (87660 h).  Before the fix --count
# 9223372036854775807 was taken (and printed as 9223372036854775808, the
# nearest double), and a runtime of 1e15 h gave a figure.
adv="advise --runtime 1h --load 5 --reference m5.xlarge"
expect_error count-max 64 \
  "carbon-advisor estimate: invalid --count '9223372036854775807': must be at most 1000000" \
  estimate $job --count 9223372036854775807
expect_error count-over 64 \
  "carbon-advisor estimate: invalid --count '1000001': must be at most 1000000" \
  estimate $job --count 1000001
expect_error runtime-over 64 \
  "carbon-advisor estimate: invalid --runtime '87661h': must be at most 10 years (87660h)" \
  estimate --instance m5.xlarge --region eu-north-1 --load 5 --runtime 87661h
expect_error runtime-huge 64 \
  "carbon-advisor estimate: invalid --runtime '1000000000000000': must be at most 10 years (87660h)" \
  estimate --instance m5.xlarge --region eu-north-1 --load 5 \
  --runtime 1000000000000000
expect_error deadline-over 64 \
  "carbon-advisor advise: invalid --deadline '3653d': must be at most 10 years (87660h)" \
  $adv --deadline 3653d
expect_error top-over 64 \
  "carbon-advisor advise: invalid --top '1000001': must be at most 1000000" \
  $adv --top 1000001
expect_error runtime-range-over 64 \
  "carbon-advisor advise: invalid --runtime-range '87661h': must be at most 10 years (87660h)" \
  $adv --uncertainty --runtime-range 1h:87661h
expect_error min-vcpus-over 64 \
  "carbon-advisor list: invalid --min-vcpus '1000001': must be at most 1000000" \
  list instances --min-vcpus 1000001
# At the limits themselves the figures are still right: 1,000,000
# instances x 87660 h; total = count x (scope 2 + scope 3) per instance-h
# scales linearly, so it is 1e6 x 87660 times the 1-instance 1-hour run.
cases=$((cases + 1))
one=$("$CARBON_ADVISOR" estimate --instance m5.xlarge --region eu-north-1 \
  --load 60 --runtime 1h --format csv | sed -n 2p | cut -d, -f13)
big=$("$CARBON_ADVISOR" estimate --instance m5.xlarge --region eu-north-1 \
  --load 60 --runtime 87660h --count 1000000 --format csv | sed -n 2p \
  | cut -d, -f4,5,13)
awk -v one="$one" -v big="$big" 'BEGIN {
  split(big, f, ",");
  want = one * 1e6 * 87660;
  exit !(f[1] == 1000000 && f[2] == 87660 \
         && (f[3] - want) / want < 1e-9 && (want - f[3]) / want < 1e-9) }' \
  || fail "limits: at the limits got $big, want 1000000,87660,$one x 8.766e10"

# argp's hidden options (--HANG waits for a debugger; --program-name)
# are refused at every entry point exactly as an unknown option is.
# Before the fix --HANG hung (the timeout ends it with 124) and
# --program-name was taken.
for cmd in "" list estimate advise compare report track merge factors; do
  for opt in --HANG --program-name; do
    cases=$((cases + 1))
    status=0
    "$CARBON_ADVISOR" $cmd --no-such-option >/dev/null 2>"$work/want" \
      || status=$?
    [ "$status" -eq 64 ] || fail "unknown option $cmd: status $status"
    sed "s/--no-such-option/$opt/" "$work/want" >"$work/want-hidden"
    status=0
    timeout 10 "$CARBON_ADVISOR" $cmd $opt >"$work/out" 2>"$work/err" \
      || status=$?
    [ "$status" -eq 64 ] || fail "hidden $cmd $opt: status $status"
    [ -s "$work/out" ] && fail "hidden $cmd $opt: unexpected stdout"
    cmp -s "$work/want-hidden" "$work/err" \
      || fail "hidden $cmd $opt: stderr: $(cat "$work/err")"
  done
done

# Tables beyond the limits of doc/LIMITS.md (256 MiB a file, 64 KiB a
# field).  Before the fix a link to /dev/zero grew memory until the
# allocator failed, and a 300 MiB file was read whole; now they stop
# within a read of the limit.  The sparse file takes no disk.
mkdir "$work/limits"
cp "$CARBON_ADVISOR_DATA"/*.csv "$work/limits"
ln -sf /dev/zero "$work/limits/prices.csv"
expect_error zero-table 65 \
  "carbon-advisor: $work/limits/prices.csv:1: field 1 is longer than 65536 bytes, the most a CSV field may hold" \
  --data-dir "$work/limits" list regions
rm "$work/limits/prices.csv"
truncate -s 300M "$work/limits/prices.csv"
expect_error huge-table 65 \
  "carbon-advisor: $work/limits/prices.csv: larger than 268435456 bytes, the most a CSV file may hold" \
  --data-dir "$work/limits" list regions
ln -sf /dev/zero "$work/limits/zero.csv"
expect_error zero-speedup 65 \
  "carbon-advisor: $work/limits/zero.csv:1: field 1 is longer than 65536 bytes, the most a CSV field may hold" \
  $tiny_job --speedup "$work/limits/zero.csv"
expect_error zero-price-file 65 \
  "carbon-advisor: $work/limits/zero.csv:1: field 1 is longer than 65536 bytes, the most a CSV field may hold" \
  estimate $job --price-file "$work/limits/zero.csv"
# 65537 digits: one byte over.
{ printf 'instance_type,speed\nc1.large,'
  head -c 65537 /dev/zero | tr '\0' 1; printf '\n'; } >"$work/limits/long.csv"
expect_error long-field 65 \
  "carbon-advisor: $work/limits/long.csv:2: field 2 is longer than 65536 bytes, the most a CSV field may hold" \
  $tiny_job --speedup "$work/limits/long.csv"
cp "$CARBON_ADVISOR_DATA/prices.csv" "$work/limits/prices.csv"

# Figures out of range (doc/LIMITS.md).  Before the fix a price of 1e308
# loaded and failed later as "point N: cost and carbon must be finite"
# (status 1, no file), a latitude of 1e308 was accepted, and a speed of
# 1e-320 gave a runtime of 0.
sed '2s/^\([^,]*,[^,]*,[^,]*,\)[^,]*/\11e308/' \
  "$CARBON_ADVISOR_DATA/prices.csv" >"$work/limits/prices.csv"
expect_error price-1e308 65 \
  "carbon-advisor: $work/limits/prices.csv:2: column 'price_usd_per_h': 1e308 is out of range (expected 0 to 100000 USD/h)" \
  --data-dir "$work/limits" estimate $job
cp "$CARBON_ADVISOR_DATA/prices.csv" "$work/limits/prices.csv"
sed '2s/^\(\([^,]*,\)\{4\}\)[^,]*/\11e308/' \
  "$CARBON_ADVISOR_DATA/regions.csv" >"$work/limits/regions.csv"
expect_error latitude-1e308 65 \
  "carbon-advisor: $work/limits/regions.csv:2: column 'latitude': 1e308 is out of range (expected -90 to 90 degrees)" \
  --data-dir "$work/limits" list regions
cp "$CARBON_ADVISOR_DATA/regions.csv" "$work/limits/regions.csv"
{ sed -n 1,3p "$speedup"; printf 'c1.xlarge,1e-320,\n'; } \
  >"$work/limits/tiny-speed.csv"
expect_error speed-1e-320 65 \
  "carbon-advisor: $work/limits/tiny-speed.csv:4: column 'speed': 1e-320 is out of range (expected 1e-06 to 1e+06)" \
  $tiny_job --speedup "$work/limits/tiny-speed.csv"

# Duplicate keys and empty tables.  Before the fix groups.csv and
# unsupported.csv took a row twice, and a prices.csv of only its header
# gave "m5.xlarge is not offered in eu-north-1" (status 64, blaming the
# user).
{ cat "$CARBON_ADVISOR_DATA/groups.csv"; sed -n 2p \
  "$CARBON_ADVISOR_DATA/groups.csv"; } >"$work/limits/groups.csv"
expect_error duplicate-group 65 \
  "carbon-advisor: $work/limits/groups.csv:11: group 'africa' appears twice (first on line 2)" \
  --data-dir "$work/limits" list regions
cp "$CARBON_ADVISOR_DATA/groups.csv" "$work/limits/groups.csv"
{ cat "$CARBON_ADVISOR_DATA/unsupported.csv"; sed -n 2p \
  "$CARBON_ADVISOR_DATA/unsupported.csv"; } >"$work/limits/unsupported.csv"
expect_error duplicate-unsupported 65 \
  "carbon-advisor: $work/limits/unsupported.csv:67: instance type 'dl1.24xlarge' appears twice (first on line 2)" \
  --data-dir "$work/limits" list regions
cp "$CARBON_ADVISOR_DATA/unsupported.csv" "$work/limits/unsupported.csv"
sed -n 1p "$CARBON_ADVISOR_DATA/prices.csv" >"$work/limits/prices.csv"
expect_error empty-prices 65 \
  "carbon-advisor: $work/limits/prices.csv:2: no rows after the header: the table must not be empty" \
  --data-dir "$work/limits" estimate $job
cp "$CARBON_ADVISOR_DATA/prices.csv" "$work/limits/prices.csv"
# The tables of track: a second 'pue' row of site_defaults.csv silently
# won before the fix, and a zone's grid of 5000 g/kWh loaded.
track_job="track --load 50 $CARBON_ADVISOR_TESTS/cli/fixtures/track/emissions.csv"
{ cat "$CARBON_ADVISOR_DATA/site_defaults.csv"; sed -n 2p \
  "$CARBON_ADVISOR_DATA/site_defaults.csv"; } >"$work/limits/site_defaults.csv"
expect_error duplicate-site-default 65 \
  "carbon-advisor: $work/limits/site_defaults.csv:3: figure 'pue' appears twice (first on line 2)" \
  --data-dir "$work/limits" $track_job
cp "$CARBON_ADVISOR_DATA/site_defaults.csv" "$work/limits/site_defaults.csv"
sed '2s/,[0-9.]*,\([^,]*\),2024$/,5000,\1,2024/' \
  "$CARBON_ADVISOR_DATA/zones.csv" >"$work/limits/zones.csv"
expect_error zone-grid-5000 65 \
  "carbon-advisor: $work/limits/zones.csv:2: column 'grid_gco2e_per_kwh': 5000 is out of range (expected 0 to 2000 gCO2e/kWh)" \
  --data-dir "$work/limits" $track_job
sed -n 1p "$CARBON_ADVISOR_DATA/zones.csv" >"$work/limits/zones.csv"
expect_error empty-zones 65 \
  "carbon-advisor: $work/limits/zones.csv:2: no rows after the header: the table must not be empty" \
  --data-dir "$work/limits" $track_job
cp "$CARBON_ADVISOR_DATA/zones.csv" "$work/limits/zones.csv"
# unsupported.csv may be empty: no type left out.
sed -n 1p "$CARBON_ADVISOR_DATA/unsupported.csv" \
  >"$work/limits/unsupported.csv"
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$work/limits" list regions >/dev/null \
  2>"$work/err" || fail "empty-unsupported: exit status $?: $(cat "$work/err")"

# No partial output file: an error after --output leaves nothing.
expect_error output-not-created 64 \
  "carbon-advisor: unknown region 'mars-1'" \
  estimate --instance m5.xlarge --region mars-1 --runtime 1h --load 1 \
  --output "$work/out.csv"
[ ! -e "$work/out.csv" ] || fail "output-not-created: $work/out.csv exists"
ls "$work" | grep -q 'out\.csv\.' && fail "output-not-created: temporary file left"
expect_error output-bad-dir 1 \
  "carbon-advisor: $work/none/out.csv: No such file or directory" \
  estimate $job --output "$work/none/out.csv"

# A full disk is a write error, not a silent success.
if [ -w /dev/full ]; then
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" estimate $job >/dev/full 2>"$work/err" || status=$?
  [ "$status" -eq 1 ] || fail "dev-full: exit status $status, expected 1"
  grep -q 'write error' "$work/err" || fail "dev-full: no write error message"
fi

finish
