#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# track --partial and merge: for random splits of a log, merging the
# partials of the pieces gives, byte for byte, the summary of the whole,
# in any order; partials of other keys or tables are refused.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"
t=$fixtures/track

# A log of 200 jobs over several projects, months, states and types.
awk 'BEGIN {
  srand (7);
  print "job_id,project,instance_type,region,count,duration,state,start";
  split ("m5.xlarge p3.2xlarge c5.2xlarge nope.x", it, " ");
  split ("eu-north-1 us-east-1 eu-west-1", rg, " ");
  split ("COMPLETED FAILED CANCELLED TIMEOUT", st, " ");
  for (i = 1; i <= 200; i++)
    printf "j%d,p%d,%s,%s,%d,%dm,%s,2024-%02d-01T00:00:00\n", i,
      int (rand () * 5), it[1 + int (rand () * 4)], rg[1 + int (rand () * 3)],
      1 + int (rand () * 3), 1 + int (rand () * 600), st[1 + int (rand () * 4)],
      1 + int (rand () * 12);
}' >"$work/log.csv"
head -n 1 "$work/log.csv" >"$work/header"
opts="--load 50 --by project,month,state"
"$CARBON_ADVISOR" --format csv track $opts "$work/log.csv" \
  >"$work/whole.csv" 2>/dev/null
"$CARBON_ADVISOR" track $opts --partial "$work/log.csv" \
  >"$work/whole.partial" 2>/dev/null

seed=1
while [ "$seed" -le 8 ]; do
  cases=$((cases + 1))
  rm -f "$work"/piece.* "$work"/p.*
  # Cut the jobs at random into 1 to 6 pieces.
  tail -n +2 "$work/log.csv" | awk -v seed="$seed" -v dir="$work" '
    BEGIN { srand (seed); n = 1 + int (rand () * 6) }
    { print > (dir "/piece." (1 + int (rand () * n))) }'
  for p in "$work"/piece.*; do
    cat "$work/header" "$p" >"$p.csv"
    "$CARBON_ADVISOR" track $opts --partial "$p.csv" \
      >"$work/p.$(basename "$p")" 2>/dev/null || fail "split $seed: track"
  done
  # Merge in reverse order of the names.
  ls -r "$work"/p.* >"$work/order"
  # shellcheck disable=SC2046
  "$CARBON_ADVISOR" --format csv merge $(cat "$work/order") \
    >"$work/merged.csv" 2>"$work/err" || fail "split $seed: merge"
  cmp -s "$work/whole.csv" "$work/merged.csv" \
    || fail "split $seed: merged summary differs from the whole"
  # shellcheck disable=SC2046
  "$CARBON_ADVISOR" merge --partial $(cat "$work/order") \
    >"$work/merged.partial" 2>/dev/null
  cmp -s "$work/whole.partial" "$work/merged.partial" \
    || fail "split $seed: merged partial differs from the whole"
  [ "$(tail -n 1 "$work/err")" = "$(tail -n 1 "$work/whole.err" 2>/dev/null || \
    "$CARBON_ADVISOR" track $opts --partial "$work/log.csv" 2>&1 >/dev/null)" ] \
    || fail "split $seed: counts differ"
  seed=$((seed + 1))
done

# The recipes of doc/tracking.md: xargs -P and GNU parallel map track
# --partial over files, merge adds them up; the same bytes as the whole.
mkdir "$work/logs"
tail -n +2 "$work/log.csv" | split -l 37 - "$work/logs/part."
for p in "$work"/logs/part.*; do
  cat "$work/header" "$p" >"$p.csv" && rm "$p"
done
export CARBON_ADVISOR
cases=$((cases + 1))
ls "$work"/logs/*.csv | xargs -P 2 -I{} sh -c \
  '"$CARBON_ADVISOR" track --load 50 --by project,month,state --partial {} > {}.partial 2>/dev/null'
"$CARBON_ADVISOR" --format csv merge "$work"/logs/*.partial \
  >"$work/xargs.csv" 2>/dev/null
cmp -s "$work/whole.csv" "$work/xargs.csv" || fail "xargs -P recipe"
rm -f "$work"/logs/*.partial
cases=$((cases + 1))
if command -v parallel >/dev/null 2>&1; then
  parallel -j 2 "\"\$CARBON_ADVISOR\" track --load 50 --by project,month,state --partial {} > {}.partial 2>/dev/null" \
    ::: "$work"/logs/*.csv
  "$CARBON_ADVISOR" --format csv merge "$work"/logs/*.partial \
    >"$work/parallel.csv" 2>/dev/null
  cmp -s "$work/whole.csv" "$work/parallel.csv" || fail "parallel recipe"
else
  # tools/setup.sh installs GNU parallel; without it this is a failure,
  # never a skip.
  fail "GNU parallel is not installed (tools/setup.sh installs it)"
fi

# The table format (with the largest jobs) is the same from merge too.
cases=$((cases + 1))
"$CARBON_ADVISOR" track $opts "$work/log.csv" >"$work/whole.txt" 2>/dev/null
"$CARBON_ADVISOR" merge "$work"/logs/*.partial >"$work/merged.txt" 2>/dev/null
cmp -s "$work/whole.txt" "$work/merged.txt" || fail "table format differs"

"$CARBON_ADVISOR" track --load 50 --by project --partial "$work/log.csv" \
  >"$work/by-project" 2>/dev/null
expect_error other-keys 65 \
  "carbon-advisor: $work/by-project: summarised by 'project' with success states 'COMPLETED', not 'project,month,state' and 'COMPLETED'" \
  merge "$work/whole.partial" "$work/by-project"
"$CARBON_ADVISOR" track $opts --suggest --partial "$work/log.csv" \
  >"$work/suggest" 2>/dev/null
expect_error other-suggest 65 \
  "carbon-advisor: $work/suggest: made with --suggest, unlike the first partial" \
  merge "$work/whole.partial" "$work/suggest"
sed 's/^tables .*/tables 0000000000000000/' "$work/whole.partial" \
  >"$work/other-tables"
expect_error other-tables 65 \
  "carbon-advisor: $work/other-tables: made from other data tables (hash 0000000000000000, not $(sed -n 's/^tables //p' "$work/whole.partial"))" \
  merge "$work/whole.partial" "$work/other-tables"
head -n 6 "$work/whole.partial" >"$work/truncated"
expect_error truncated 65 \
  "carbon-advisor: $work/truncated:6: truncated partial summary (no 'end' line)" \
  merge "$work/truncated"
finish
