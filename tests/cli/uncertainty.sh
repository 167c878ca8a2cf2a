#!/bin/sh
# carbon-advisor estimate and advise --uncertainty: the quantiles, the
# share of samples on the front and the odds of the recommendation, for
# a fixed seed on the tiny fixture (tests/cli/fixtures/tiny, whose
# *_alternatives.csv and power_error.csv give the spreads), the seed's
# effect, and the usage errors.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

A="--data-dir $fixtures/tiny"

# The spreads in the fixture: grid eu-north-1 30-70 g/kWh, eu-west-1
# 200-260, us-east-2 300-400, europe-north1 80-100, us-east-1 exact; PUE
# eu-west-1 1.2-1.5, us-east-1 1.15-1.25; embodied c1.large 35.04-52.56
# kg, c1.xlarge 70.08-105.12, p1.2xlarge 280.32-350.4; power error 2-3 %
# (measured) and 10-15 % (modelled); lifetime 4-6 years.

expect_output estimate 'estimate-uncertainty.txt' \
  $A estimate --instance c1.large --region eu-west-1 --runtime 10h \
  --load 50 --uncertainty
expect_output estimate-json 'estimate-uncertainty.json' \
  $A --format json estimate --instance p1.2xlarge --region us-east-1 \
  --runtime 10h:8h:14h --load 60:40:80 --uncertainty --samples 400 \
  --seed 7

# --pue, --grid-intensity and --lifetime-years make those figures exact:
# what spread is left is a1.large's measured power error.
expect_output estimate-exact 'estimate-uncertainty-exact.csv' \
  $A --format csv estimate --instance a1.large --region us-east-1 \
  --runtime 10h --load 50 --pue 1.25 --grid-intensity 400 \
  --lifetime-years 4 --uncertainty --samples 200

expect_output advise 'advise-uncertainty.txt' \
  $A advise --runtime 10h --load 50 --uncertainty \
  --baseline c1.large@us-east-1
expect_output advise-ranges 'advise-uncertainty-ranges.txt' \
  $A advise --runtime 10h --load 50:30:80 --runtime-range 20% \
  --uncertainty --samples 500 --seed 3 --top 2
expect_output advise-csv 'advise-uncertainty.csv' \
  $A --format csv advise --runtime 10h --load 50 --load-range 40:70 \
  --runtime-range 8h:12h --uncertainty --samples 300

# Pruning changes nothing but the work: the same shares without it.
"$CARBON_ADVISOR" $A --format csv advise --runtime 10h --load 50 \
  --uncertainty --all >"$work/pruned" 2>&1
"$CARBON_ADVISOR" $A --format csv advise --runtime 10h --load 50 \
  --uncertainty --all --no-prune >"$work/unpruned" 2>&1
cases=$((cases + 1))
cmp -s "$work/pruned" "$work/unpruned" || fail "no-prune: output differs"

# The same seed and input give the same bytes; another seed others.
for run in 5a 5b 6; do
  "$CARBON_ADVISOR" $A --format csv advise --runtime 10h --load 50 \
    --uncertainty --seed "${run%[ab]}" >"$work/seed-$run" 2>&1
done
cases=$((cases + 1))
cmp -s "$work/seed-5a" "$work/seed-5b" || fail "seed: the same seed differs"
cmp -s "$work/seed-5a" "$work/seed-6" && fail "seed: another seed is the same"

expect_error bad-load 64 \
  "carbon-advisor advise: invalid --load '60:80:40': expected MODE:MIN:MAX with MIN <= MODE <= MAX" \
  $A advise --runtime 10h --load 60:80:40 --uncertainty
expect_error load-twice 64 \
  "carbon-advisor advise: give either --load MODE:MIN:MAX or --load-range" \
  $A advise --runtime 10h --load 60:40:80 --load-range 40:80 --uncertainty
expect_error load-outside 64 \
  "carbon-advisor estimate: --load 90 is outside --load-range 40:80" \
  $A estimate --instance c1.large --region eu-west-1 --runtime 10h \
  --load 90 --load-range 40:80 --uncertainty
expect_error samples-zero 64 \
  "carbon-advisor advise: invalid --samples '0': must be at least 1" \
  $A advise --runtime 10h --load 50 --uncertainty --samples 0
expect_error ccf 64 \
  "carbon-advisor estimate: --uncertainty goes with --method teads: the spreads are those of the Teads method's figures" \
  $A estimate --instance c1.large --region eu-west-1 --runtime 10h \
  --load 50 --uncertainty --method ccf

finish
