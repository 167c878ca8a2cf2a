#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# carbon-advisor track: per-job rows and summaries of job logs in every
# input format, with the odd records of each, and the rejects accounting
# (records in = accounted + rejected, always).
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"
t=$fixtures/track

# expect_track NAME EXPECTED LAST-STDERR-LINE [ARG...]: exit 0, stdout
# exactly EXPECTED, stderr's last line the count.
expect_track ()
{
  name=$1 expected=$2 count=$3
  shift 3
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" "$@" >"$work/out" 2>"$work/err" || status=$?
  [ "$status" -eq 0 ] || { fail "$name: exit status $status"; cat "$work/err" >&2; }
  [ "$(tail -n 1 "$work/err")" = "$count" ] \
    || fail "$name: stderr ends '$(tail -n 1 "$work/err")', not '$count'"
  check_expected "$name" "$expected"
}

# jobs.csv, at 50 % load.  j1 is estimate.sh's m5.xlarge in eu-north-1
# (28.2 W at 50 %, PUE 1.1, 20.42 g/kWh, 67.1 kg share, 0.204 USD/h) on
# 4 instances for 36 h:
#   energy = 4 x 28.2 x 36 / 1000 x 1.1    = 4.46688 kWh
#   scope2 = 4.46688 x 20.42               = 91.2136896 g
#   scope3 = 4 x 67.1 x 1000 x 36 / 35040  = 275.753424658 g
#   cost   = 4 x 0.204 x 36                = 29.376 USD
# j2 is 02:30:00 (Slurm) = 2.5 h, j4 1-00:00:00 = 24 h, j6 5400 s = 1.5 h
# in --region us-east-1.  Rejected: j3 (unknown type), j5 (bad duration),
# j7 (neither instance type nor GPUs), j8 (the same): 8 records, 4 + 4.
expect_track csv track-jobs.csv "8 records: 4 accounted, 4 rejected" \
  track --load 50 --region us-east-1 --rejects "$work/rejects.csv" \
  "$t/jobs.csv"
cases=$((cases + 1))
cat >"$work/want" <<EOF2
file,line,reason
$t/jobs.csv,4,"unknown instance type 'nope.large'"
$t/jobs.csv,6,"field 'duration': not a duration: 'garbage'"
$t/jobs.csv,8,"neither 'instance_type' nor 'gpu_model' and 'gpus'"
$t/jobs.csv,9,"neither 'instance_type' nor 'gpu_model' and 'gpus'"
EOF2
diff -u "$work/want" "$work/rejects.csv" >&2 || fail "rejects file"

# A byte-order mark and CRLF line ends change nothing.
printf '\357\273\277' >"$work/bom.csv"
sed 's/$/\r/' "$t/jobs.csv" >>"$work/bom.csv"
expect_track bom-crlf track-jobs.csv "8 records: 4 accounted, 4 rejected" \
  track --load 50 --region us-east-1 "$work/bom.csv"
# Standard input, '-'.
cases=$((cases + 1))
"$CARBON_ADVISOR" track --load 50 --region us-east-1 - <"$t/jobs.csv" \
  >"$work/stdin.csv" 2>/dev/null
diff -u "$expected_dir/track-jobs.csv" "$work/stdin.csv" >&2 \
  || fail "stdin differs"

# --strict: any reject exits 65, with no output.
cases=$((cases + 1))
status=0
"$CARBON_ADVISOR" track --strict --load 50 "$t/jobs.csv" >"$work/out" \
  2>"$work/err" || status=$?
[ "$status" -eq 65 ] || fail "strict: exit $status, not 65"
[ -s "$work/out" ] && fail "strict: output written"
[ "$(tail -n 1 "$work/err")" = "8 records: 3 accounted, 5 rejected" ] \
  || fail "strict: count line '$(tail -n 1 "$work/err")'"

# --strict with --output: no result file, but the rejects are kept.
cases=$((cases + 1))
status=0
"$CARBON_ADVISOR" track --strict --load 50 --output "$work/strict.csv" \
  --rejects "$work/strict-rejects.csv" "$t/jobs.csv" 2>/dev/null || status=$?
[ "$status" -eq 65 ] || fail "strict output: exit $status"
ls "$work"/strict.csv* >/dev/null 2>&1 && fail "strict output: file left"
[ "$(wc -l <"$work/strict-rejects.csv")" -eq 6 ] \
  || fail "strict output: rejects not kept"

# The summary and its largest jobs go to --output together.
cases=$((cases + 1))
"$CARBON_ADVISOR" track --load 50 --region us-east-1 --by project \
  --output "$work/summary.txt" "$t/jobs.csv" >"$work/out" 2>/dev/null
[ -s "$work/out" ] && fail "summary --output: stdout written"
diff -u "$expected_dir/track-summary.txt" "$work/summary.txt" >&2 \
  || fail "summary --output differs"

# A summary that cannot be written fails the command (it once said
# "No space left on device" and exited 0).
cases=$((cases + 1))
status=0
"$CARBON_ADVISOR" track --load 50 --region us-east-1 --by project \
  --output /dev/full "$t/jobs.csv" >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 1 ] || fail "summary to /dev/full: exit $status"
grep -q '/dev/full: No space left on device' "$work/err" \
  || fail "summary to /dev/full: no message"

# Summaries by a tag and by month, in every format.  Totals from the
# per-job rows above; shares of the total, failed share the FAILED and
# CANCELLED jobs' (j2, j6) part of each key's total.
expect_track summary-table track-summary.txt \
  "8 records: 4 accounted, 4 rejected" \
  track --load 50 --region us-east-1 --by project "$t/jobs.csv"
expect_track summary-csv track-summary.csv \
  "8 records: 4 accounted, 4 rejected" \
  --format csv track --load 50 --region us-east-1 --by project,month \
  "$t/jobs.csv"
expect_track summary-json track-summary.json \
  "8 records: 4 accounted, 4 rejected" \
  --format json track --load 50 --region us-east-1 --summary "$t/jobs.csv"
expect_track summary-markdown track-summary.md \
  "8 records: 4 accounted, 4 rejected" \
  --format markdown track --load 50 --region us-east-1 --by state \
  --success-states COMPLETED,CANCELLED "$t/jobs.csv"

# --suggest: the greenest option no dearer, same GPU model (or none),
# runtime scaled as advise scales it from a reference (vCPUs, GPU
# throughput; serial fraction 0).  j1, 4 x m5.xlarge (4 vCPUs) for 36 h:
# c3d-highcpu-30 (30 vCPUs) runs 36 x 4 / 30 = 4.8 h; j2, one V100 of
# p3.2xlarge for 2.5 h: Standard_ND40rs_v2's eight V100 run 2.5 / 8 =
# 0.3125 h; each no dearer (22.59 <= 29.376 USD, 7.46 <= 7.65 USD).
# The summary adds the saving had each job run on its suggestion.
expect_track suggest track-suggest.csv "8 records: 4 accounted, 4 rejected" \
  track --load 50 --region us-east-1 --suggest "$t/jobs.csv"
expect_track suggest-summary track-suggest.txt \
  "8 records: 4 accounted, 4 rejected" \
  track --load 50 --region us-east-1 --suggest --by project "$t/jobs.csv"

# --report: the summary as an HTML page, the same from merge.  Its
# figures are the table's above (total 1204.6 gCO2e, 51.10 USD), for
# people: 1204.6 g is 1.20 kg, Scope 2 813.4 g -> 813 g, Scope 3 391.2 g
# -> 391 g; each column in the unit of its largest figure, the total
# row's (Total in kg with two decimals: 1.20); the largest jobs' totals
# (423.6, 367.0, ... g) in g.
cases=$((cases + 1))
"$CARBON_ADVISOR" track --load 50 --region us-east-1 --by project \
  --report "$work/report.html" --title 'Team <A>' "$t/jobs.csv" \
  >/dev/null 2>&1 || fail "report: exit status"
grep -q '<title>Team &lt;A&gt;</title>' "$work/report.html" \
  || fail "report: title not escaped"
grep -q '^<p>8 records: 4 accounted, 4 rejected.  Total 1.20 kgCO2e (Scope 2 813 gCO2e, Scope 3 391 gCO2e), 6.978 kWh.</p>' \
  "$work/report.html" || fail "report: counts"
grep -q '<th>Scope 2 gCO2e</th><th>Scope 3 gCO2e</th><th>Total kgCO2e</th>' \
  "$work/report.html" || fail "report: units of the table"
grep -q '<tr><th>total</th><td class=n>4</td><td class=n>5.5</td><td class=n>6.978</td><td class=n>813</td><td class=n>391</td><td class=n>1.20</td><td class=n>100.0</td><td class=n>51.10</td><td class=n>2</td></tr>' \
  "$work/report.html" || fail "report: total row"
grep -q '<th>Job</th><th>Key</th><th>Total gCO2e</th>' "$work/report.html" \
  || fail "report: unit of the largest jobs"
grep -q '<td class=n>424</td></tr>' "$work/report.html" \
  || fail "report: largest job"
grep -q '<svg' "$work/report.html" || fail "report: no chart"
grep -q 'http' "$work/report.html" && fail "report: a network resource"
"$CARBON_ADVISOR" track --load 50 --region us-east-1 --by project \
  --partial "$t/jobs.csv" >"$work/jobs.partial" 2>/dev/null
"$CARBON_ADVISOR" merge --report "$work/merged.html" --title 'Team <A>' \
  "$work/jobs.partial" >/dev/null 2>&1
cmp -s "$work/report.html" "$work/merged.html" \
  || fail "report: merge's page differs"

# JSON Lines: blank lines skipped; a nested value and a line that is not
# JSON rejected; record-level load (j2 at 80 %) and PUE (j10) override
# the defaults; j10 is on premises: 8 H100 in France (zones.csv FR 33.44
# g/kWh), one GPU being an eighth of p5.48xlarge.
expect_track jsonl track-jobs.jsonl "5 records: 3 accounted, 2 rejected" \
  --format json track --load 50 "$t/jobs.jsonl"

# sacct -P: steps 1001.batch and 1001.extern merged into 1001 (9 rows:
# 7 accounted, 2 rejected: CPU-only 1006, Elapsed 99:99:99 of 1007);
# array job 1002_7 kept; untyped gres/gpu=8 of partition gpu from
# --partition-gpu; nvidia_a100-sxm4-80gb is the A100 80GB; MM:SS and
# D-HH:MM:SS durations; PENDING with Start Unknown counts zero, RUNNING
# with Elapsed N/A is flagged; "CANCELLED by 1234" is CANCELLED.
expect_track sacct track-sacct.csv "9 records: 7 accounted, 2 rejected" \
  track --location SE-SE3 --load 50 --partition-gpu gpu=a100 \
  "$t/sacct.txt"
# --cpu-reference m5.24xlarge counts CPU-only 1006 (8 CPUs, 1 h) as 8
# of m5.24xlarge's 96 vCPUs (instances.csv: 677.8 W at 50 %, 1610.4 kg):
#   energy = 8 x 677.8 / 96 / 1000 x 1.54  = 0.0869843333 kWh
#   scope2 = 0.0869843333 x 20.42          = 1.7762200867 g
#   scope3 = 8 x 1610.4 / 96 x 1000 / 35040 = 3.8299086758 g
cases=$((cases + 1))
"$CARBON_ADVISOR" track --location SE-SE3 --load 50 --partition-gpu gpu=a100 \
  --cpu-reference m5.24xlarge "$t/sacct.txt" >"$work/out" 2>"$work/err"
grep -q '^1006,.*,1,0,,SE-SE3,0.0869843333333,1.54,20.42,1.77622008667,3.8299086758,5.60612876247,,teads-2022,teads-2022,uptime-2025,electricitymaps-2024,m5.24xlarge,,$' \
  "$work/out" || fail "cpu-reference: row of 1006"
[ "$(tail -n 1 "$work/err")" = "9 records: 8 accounted, 1 rejected" ] \
  || fail "cpu-reference: count"
expect_error cpu-reference-gpus 64 \
  "carbon-advisor: --cpu-reference: p3.2xlarge has GPUs; name a CPU-only type" \
  track --cpu-reference p3.2xlarge --load 50 "$t/sacct.txt"
expect_error sacct-untyped 65 \
  "9 records: 6 accounted, 3 rejected" \
  track --strict --location SE-SE3 --load 50 "$t/sacct.txt"

# CodeCarbon: r1's three cumulative flushes (rows 2, 3, 5) are one run
# of 1800 s, its last row; r3 has no GPU and is rejected; CodeCarbon's
# own figure kept beside ours (codecarbon_gco2e, kg x 1000).
expect_track codecarbon track-codecarbon.csv \
  "5 records: 4 accounted, 1 rejected" \
  track --load 50 "$t/emissions.csv"

# factors: one instance-hour of every priced pair.  m5.xlarge in
# eu-north-1 at 50 %: 28.2 W x 1.1 / 1000 = 0.03102 kWh/h, x 20.42 =
# 0.6334284 g/h, 67.1 kg x 1000 / 35040 h = 1.9149543379 g/h, 0.204 USD/h.
cases=$((cases + 1))
"$CARBON_ADVISOR" --format csv factors --load 50 >"$work/factors.csv" \
  || fail "factors: exit status"
grep -qx 'aws,eu-north-1,m5.xlarge,50,28.2,1.1,0.03102,20.42,0.6334284,1.9149543379,2.5483827379,0.204,teads-2022,teads-2022,gsf-rtc/aws,electricitymaps-2024,2024,2025-04-04,' \
  "$work/factors.csv" || fail "factors: m5.xlarge row"
# One row per priced pair with a grid figure: as many as prices.csv rows.
[ "$(wc -l <"$work/factors.csv")" -eq "$(wc -l <"$CARBON_ADVISOR_DATA/prices.csv")" ] \
  || fail "factors: not one row per price"
expect_error factors-no-load 64 "carbon-advisor factors: missing --load" \
  factors

# Bad command lines and inputs.
expect_error no-file 66 "carbon-advisor: $work/none.csv: No such file or directory" \
  track --load 50 "$work/none.csv"
expect_error bad-format 64 \
  "carbon-advisor track: --input-format: 'xml' is not one of auto, csv, jsonl, sacct, codecarbon" \
  track --input-format xml "$t/jobs.csv"
# A NUL byte inside a field is a rejected record, never a truncated value
# (before, "1<NUL>h" was read as 1 second).
cases=$((cases + 1))
printf 'job_id,instance_type,region,duration\nj1,m5.xlarge,eu-north-1,1\000h\nj2,m5.xlarge,eu-north-1,2h\n' \
  >"$work/nul.csv"
"$CARBON_ADVISOR" track --load 50 --rejects "$work/nul-rejects.csv" \
  "$work/nul.csv" >"$work/out" 2>"$work/err" || fail "nul: exit status $?"
grep -qx "$work/nul.csv,2,\"a NUL byte in the record\"" "$work/nul-rejects.csv" \
  || fail "nul: rejects $(cat "$work/nul-rejects.csv")"
grep -qx '2 records: 1 accounted, 1 rejected' "$work/err" \
  || fail "nul: $(cat "$work/err")"

# Fields no column of the csv header takes (a JSON Lines record's own
# key, a later file's extra column) are kept in other_fields as one JSON
# object: nothing of the input is lost.  j2's "project" is its own.
cases=$((cases + 1))
cat >"$work/het.jsonl" <<'JSONL'
{"job_id":"j1","instance_type":"m5.xlarge","region":"eu-north-1","duration":"1h","user":"a"}
{"job_id":"j2","instance_type":"m5.xlarge","region":"eu-north-1","duration":"2h","user":"b","project":"x, y"}
JSONL
"$CARBON_ADVISOR" --format csv track --load 50 "$work/het.jsonl" \
  >"$work/out" 2>/dev/null || fail "other_fields: exit status $?"
[ "$(head -n 1 "$work/out" | sed 's/.*,//')" = other_fields ] \
  || fail "other_fields: header $(head -n 1 "$work/out")"
grep -q '^j1,.*,$' "$work/out" || fail "other_fields: j1 $(sed -n 2p "$work/out")"
grep -q '^j2,.*,"{""project"":""x, y""}"$' "$work/out" \
  || fail "other_fields: j2 $(sed -n 3p "$work/out")"

finish
