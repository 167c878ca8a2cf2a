#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# contrib/dask/track.py on a LocalCluster of two workers bound to
# 127.0.0.1: the same summary, byte for byte, as one track process, with
# the log cut into byte ranges; and the same rejects, with their lines in
# the file.
# tools/setup.sh installs python3-distributed: without it this fails,
# never skips.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"
top=${CARBON_ADVISOR_TOP:?}
t=$fixtures/track

cases=$((cases + 1))
if ! /usr/bin/python3 -c 'import distributed' 2>"$work/err"; then
  fail "python3-distributed is not installed (tools/setup.sh installs it)"
  cat "$work/err" >&2
  finish
fi

# 3,000 jobs, some of them bad, in about 12 ranges of 16 kB.
awk 'BEGIN {
  srand (11);
  print "job_id,team,instance_type,region,count,duration,state";
  split ("m5.xlarge p3.2xlarge c5.2xlarge bad.type", it, " ");
  split ("eu-north-1 us-east-1 eu-west-1", rg, " ");
  for (i = 1; i <= 3000; i++)
    printf "j%d,t%d,%s,%s,%d,%dm,%s\n", i, int (rand () * 7),
      it[1 + int (rand () * 4)], rg[1 + int (rand () * 3)],
      1 + int (rand () * 3), 1 + int (rand () * 900),
      rand () < 0.8 ? "COMPLETED" : "FAILED";
}' >"$work/log.csv"
"$CARBON_ADVISOR" --format csv track --load 50 --by team,state \
  --rejects "$work/one-rejects.csv" "$work/log.csv" >"$work/one.csv" \
  2>"$work/one.err" || fail "single process"

status=0
/usr/bin/python3 "$top/contrib/dask/track.py" --local 2 \
  --program "$CARBON_ADVISOR" --chunk-bytes 16000 --format csv \
  --load 50 --by team,state --rejects "$work/dask-rejects.csv" \
  "$work/log.csv" >"$work/dask.csv" 2>"$work/dask.err" || status=$?
[ "$status" -eq 0 ] || { fail "dask: exit status $status"; tail "$work/dask.err" >&2; }
cmp -s "$work/one.csv" "$work/dask.csv" \
  || { fail "dask: summary differs from one process"; diff "$work/one.csv" "$work/dask.csv" >&2; }
cases=$((cases + 1))
[ "$(tail -n 1 "$work/dask.err")" = "$(tail -n 1 "$work/one.err")" ] \
  || fail "dask: count line '$(tail -n 1 "$work/dask.err")'"
# Every reject is there once, with its file and its line in the file:
# the same rejects file as one process's.
cases=$((cases + 1))
cmp -s "$work/one-rejects.csv" "$work/dask-rejects.csv" \
  || { fail "dask: rejects differ from one process"; diff "$work/one-rejects.csv" "$work/dask-rejects.csv" | head >&2; }
[ "$(wc -l <"$work/one-rejects.csv")" -gt 100 ] || fail "too few rejects"

# JSON Lines and a sacct log (not cut: steps follow their job).
cases=$((cases + 1))
/usr/bin/python3 "$top/contrib/dask/track.py" --local 2 \
  --program "$CARBON_ADVISOR" --format csv --load 50 --location SE-SE3 \
  --partition-gpu gpu=a100 --by Account "$t/sacct.txt" \
  >"$work/sacct-dask.csv" 2>/dev/null || fail "dask sacct"
"$CARBON_ADVISOR" --format csv track --load 50 --location SE-SE3 \
  --partition-gpu gpu=a100 --by Account "$t/sacct.txt" \
  >"$work/sacct-one.csv" 2>/dev/null
cmp -s "$work/sacct-one.csv" "$work/sacct-dask.csv" || fail "dask sacct differs"
finish
