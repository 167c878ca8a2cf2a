#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# The compiled catalogue image (issue 15): 'compile' writes it, every
# command reads it in place of the tables while they match it, with the
# same bytes out; a stale, damaged or foreign image is passed over with
# one note and the tables read; compile's errors.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

again="; reading the tables instead; 'carbon-advisor compile' rebuilds it"
tables=$work/tables
img=$work/img
mkdir "$tables" "$img"
cp "$CARBON_ADVISOR_DATA"/*.csv "$tables"
cp "$CARBON_ADVISOR_DATA"/*.csv "$img"

# compile writes DIR/catalogue.image, silently, the same bytes each time.
run_ok compile --data-dir "$img" compile
[ -s "$work/err" ] && fail "compile: unexpected stderr"
[ -s "$work/out" ] && fail "compile: unexpected stdout"
[ -s "$img/catalogue.image" ] || fail "compile: no $img/catalogue.image"
run_ok compile-again --data-dir "$tables" compile --output "$work/again.image"
cmp -s "$img/catalogue.image" "$work/again.image" \
  || fail "compile-again: another image from the same tables"

# same_as_tables NAME DIR NOTE ARG...: the program on DIR prints what it
# prints on the tables alone, and on stderr only NOTE ("" for nothing).
same_as_tables ()
{
  name=$1 dir=$2 note=$3
  shift 3
  cases=$((cases + 1))
  "$CARBON_ADVISOR" --data-dir "$tables" "$@" >"$work/want" 2>"$work/want-err" \
    || fail "$name: exit status $? on the tables"
  status=0
  "$CARBON_ADVISOR" --data-dir "$dir" "$@" >"$work/out" 2>"$work/err" \
    || status=$?
  [ "$status" -eq 0 ] || fail "$name: exit status $status"
  cmp -s "$work/want" "$work/out" || fail "$name: stdout differs"
  if [ -n "$note" ]; then
    printf '%s\n' "$note" | cat - "$work/want-err" >"$work/want-err2"
  else
    cp "$work/want-err" "$work/want-err2"
  fi
  if ! cmp -s "$work/want-err2" "$work/err"; then
    fail "$name: stderr"
    cat "$work/err" >&2
  fi
}

# The image read (no note: any image passed over says so): the same
# bytes as from the tables, for every command and the options that read
# CCF's tables, the alternatives and the power errors.
job="advise --runtime 24h --load 60 --accelerator any --allow-burstable"
same_as_tables front "$img" "" $job
same_as_tables all-csv "$img" "" --format csv $job --all
same_as_tables all-json "$img" "" --format json $job --all
same_as_tables ccf "$img" "" --format csv $job --all --method ccf
same_as_tables grid-source "$img" "" --format csv $job --grid-source owid-ember
same_as_tables uncertainty "$img" "" --format json $job --uncertainty \
  --samples 50 --top 3
same_as_tables rules "$img" "" advise --runtime 8h --load 30 \
  --reference p3.2xlarge --gpus 1 --group nordics,eu --top 3
same_as_tables compare "$img" "" compare --instance m5.xlarge --runtime 36h \
  --load 60 --wide
same_as_tables compare-csv "$img" "" --format csv compare \
  --instance m5.xlarge --runtime 36h --load 60
same_as_tables estimate "$img" "" estimate --instance m5.xlarge \
  --region eu-north-1 --runtime 36h --load 60 --method all
same_as_tables estimate-gpu "$img" "" --format json estimate \
  --instance p4d.24xlarge --region us-east-1 --runtime 36h --load 60 \
  --uncertainty --samples 50
same_as_tables list-instances "$img" "" --format csv list instances
same_as_tables list-unsupported "$img" "" list instances --unsupported
same_as_tables list-regions "$img" "" --format csv list regions
same_as_tables list-groups "$img" "" list groups
same_as_tables factors "$img" "" --format csv factors --load 50
same_as_tables report "$img" "" --format markdown report --runtime 24h \
  --load 60

# A table changed since: the note, and the changed table's figures.
stale=$work/stale
mkdir "$stale"
cp "$img"/* "$stale"
sed -i 's/^aws,eu-north-1,m5.xlarge,0.204,/aws,eu-north-1,m5.xlarge,0.25,/' \
  "$stale/prices.csv"
cp "$stale"/*.csv "$tables"
est="estimate --instance m5.xlarge --region eu-north-1 --runtime 36h --load 60"
same_as_tables stale "$stale" \
  "carbon-advisor: note: $stale/catalogue.image is out of date (prices.csv changed)$again" \
  $est
grep -q '9.00' "$work/out" || fail "stale: not the new price (9.00 USD)"
same_as_tables stale-all "$stale" \
  "carbon-advisor: note: $stale/catalogue.image is out of date (prices.csv changed)$again" \
  --format csv $job --all
# compile reads the tables, never the stale image, and puts it right.
run_ok stale-compile --data-dir "$stale" compile
[ -s "$work/err" ] && fail "stale-compile: unexpected stderr"
same_as_tables stale-compiled "$stale" "" $est
cp "$CARBON_ADVISOR_DATA/prices.csv" "$tables"

# damaged NAME NOTE: the image in $bad, made from $img's, gives NOTE and
# the tables' output.
bad=$work/bad
mkdir "$bad"
cp "$img"/*.csv "$bad"
damaged ()
{
  same_as_tables "$1" "$bad" "carbon-advisor: note: $bad/catalogue.image $2$again" \
    --format csv $job --all
  same_as_tables "$1-estimate" "$bad" \
    "carbon-advisor: note: $bad/catalogue.image $2$again" $est
}
head -c 100000 "$img/catalogue.image" >"$bad/catalogue.image"
damaged truncated "is damaged"
head -c 100 "$img/catalogue.image" >"$bad/catalogue.image"
damaged truncated-header "is not a catalogue image"
: >"$bad/catalogue.image"
damaged empty "is not a catalogue image"
head -c 4096 "$CARBON_ADVISOR_DATA/prices.csv" >"$bad/catalogue.image"
damaged not-an-image "is not a catalogue image"
# One byte changed in the middle of the prices: only the hash sees it.
cp "$img/catalogue.image" "$bad/catalogue.image"
printf 'Z' | dd of="$bad/catalogue.image" bs=1 seek=3000000 conv=notrunc \
  2>/dev/null
damaged corrupted "is damaged"
# Another format version (the 8 bytes after the magic).
cp "$img/catalogue.image" "$bad/catalogue.image"
printf '\377' | dd of="$bad/catalogue.image" bs=1 seek=8 conv=notrunc \
  2>/dev/null
damaged version "was made by another version of carbon-advisor"
# Another build's layout (the fingerprint after the version).
cp "$img/catalogue.image" "$bad/catalogue.image"
printf '\377' | dd of="$bad/catalogue.image" bs=1 seek=16 conv=notrunc \
  2>/dev/null
damaged layout "was made by another version of carbon-advisor"
# A directory where the image would be: passed over, no crash.
rm "$bad/catalogue.image"
mkdir "$bad/catalogue.image"
cases=$((cases + 1))
"$CARBON_ADVISOR" --data-dir "$bad" $est >"$work/out" 2>"$work/err" \
  || fail "directory: exit status $?"
grep -q "^carbon-advisor: note: $bad/catalogue.image cannot be read" \
  "$work/err" || fail "directory: no note"

# compile's errors: the loader's, and the output file's.
expect_error compile-no-dir 66 \
  "carbon-advisor: $work/nowhere/sources.csv: No such file or directory" \
  --data-dir "$work/nowhere" compile
cp "$img"/*.csv "$bad"
sed -i '3s/^\(\([^,]*,\)\{3\}\)[^,]*/\1abc/' "$bad/power_error.csv"
expect_error compile-bad-table 65 \
  "carbon-advisor: $bad/power_error.csv:3: column 'p95_abs_rel_error': not a number: 'abc'" \
  --data-dir "$bad" compile --output "$work/x.image"
[ -e "$work/x.image" ] && fail "compile-bad-table: an image written"
expect_error compile-no-output-dir 1 \
  "carbon-advisor: $work/nodir/x.image: No such file or directory" \
  --data-dir "$img" compile --output "$work/nodir/x.image"
expect_error compile-output-dir 1 \
  "carbon-advisor: $work: is a directory; --output needs a file name" \
  --data-dir "$img" compile --output "$work"
expect_error compile-format 64 \
  "carbon-advisor: compile writes a catalogue image: --format and --columns do not apply" \
  --data-dir "$img" --format csv compile
expect_error compile-argument 64 \
  "carbon-advisor compile: unexpected argument 'x'" \
  --data-dir "$img" compile x

finish
