#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# --gpu-load: the GPUs' part of the power curve at their own load, in
# estimate and advise, with the figures worked out by hand from the data
# rows; the note when the data cannot separate the GPUs; the errors.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

tiny=$fixtures/tiny

# p3.2xlarge (instances.csv, measured: 279.3 W at 50 %; one V100) and
# one V100 (gpus.csv: 225.68 W at 50 %, 305.57 W at 100 %), CPU 50 %,
# GPU 100 %, 24 h, PUE 1.2 and 400 g/kWh given:
#   power  = 279.3 - 225.68 + 305.57          = 359.19 W
#   energy = 359.19 x 24 / 1000 x 1.2         = 10.344672 kWh
#   scope2 = 10.344672 x 400                  = 4137.8688 g
#   scope3 = 442.8625005 x 1000 x 24 / 35040  = 303.330479795 g
#            (its GPU share, 1 of the host's 8: 3542.9 / 8)
#   total                                     = 4441.19927979 g
#   cost   = 3.06 x 24                        = 73.44 USD
# and gpu_load_pct 100 after the cost.
p3="--instance p3.2xlarge --region us-east-1 --runtime 24h --pue 1.2
  --grid-intensity 400"
expect_output estimate-csv estimate-gpu-load.csv \
  --format csv estimate $p3 --load 50 --gpu-load 100
expect_output estimate-table estimate-gpu-load.txt \
  estimate $p3 --load 50 --gpu-load 100

# CCF's method moves only its GPU line (ccf_instances.csv p3.2xlarge:
# 8 vCPUs at 0.71-3.69 W, V100 35-306 W, 52.29375 GB charged memory):
#   cpu 8 x (0.71 + 0.3 x 2.98) = 12.832 W, gpu 35 + 0.9 x 271 = 278.9 W,
#   memory 52.29375 x 0.392 = 20.49915 W: 312.23115 W;
#   energy 312.23115 x 24 / 1000 x 1.2 = 8.99225712 kWh, scope2
#   3596.902848 g.
expect_output estimate-ccf estimate-gpu-load-ccf.csv \
  --format csv estimate $p3 --load 30 --gpu-load 90 --method ccf

# The tiny catalogue's G10 has no per-card power: g1.xlarge keeps its
# whole curve at --load (100 W at 50 %), says so on stderr, and its
# gpu_load_pct is the load it was taken at, 50.
cases=$((cases + 1))
status=0
"$CARBON_ADVISOR" --data-dir "$tiny" --format csv estimate \
  --instance g1.xlarge --region eu-north-1 --runtime 10h --load 50 \
  --gpu-load 90 >"$work/out" 2>"$work/err" || status=$?
[ "$status" -eq 0 ] || fail "not-separable: exit status $status"
check_expected not-separable estimate-gpu-load-none.csv
printf '%s\n' "carbon-advisor: note: g1.xlarge: no per-card power for its \
G10 in gpus.csv; its GPUs taken at --load 50 %" >"$work/want"
diff -u "$work/want" "$work/err" >&2 || fail "not-separable: stderr"

# advise states the two loads, and counts the candidates whose GPUs the
# data cannot separate (p1.2xlarge and both g1.xlarge of the tiny
# catalogue: 3); their figures are those of one load (advise-gpu.txt).
expect_output advise-tiny advise-gpu-load-tiny.txt \
  --data-dir "$tiny" advise --runtime 10h --load 50 --gpu-load 90 \
  --reference g1.xlarge
# One load for both: "Load: 50 %." (advise-gpu.txt, whose job has
# --accelerator any), also when --gpu-load repeats it.
expect_output advise-same advise-gpu.txt \
  --data-dir "$tiny" advise --runtime 10h --load 50 --gpu-load 50 \
  --reference g1.xlarge --accelerator any

# The README's training job, CPUs at 30 %, GPUs at 90 %, on the shipped
# data; every GPU type there has its per-card curve, so no note.
expect_output advise-readme advise-gpu-load.txt \
  advise --reference p3.2xlarge --runtime 24h --load 30 --gpu-load 90 \
  --region us-east-1 --top 3

# track takes --gpu-load for a cloud job's GPUs too: j2 of the track
# fixture, p3.2xlarge in us-east-1 for 2.5 h (PUE 1.15, 400.21 g/kWh)
# at CPU 50 %, GPU 100 %: 359.19 W (above) x 2.5 / 1000 x 1.15 =
# 1.03267125 kWh, x 400.21 = 413.285360962 g; m5.xlarge's j1 (no GPUs)
# keeps its 4.46688 kWh (track.sh).
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --format csv track --load 50 --gpu-load 100 \
        --region us-east-1 "$fixtures/track/jobs.csv" 2>/dev/null \
      | grep '^j[12],' | cut -d, -f1,14,17)
want="j1,4.46688,91.2136896
j2,1.03267125,413.285360962"
[ "$got" = "$want" ] || fail "track: got '$got'"

# factors takes it as estimate does: p3.2xlarge at CPU 50 %, GPU 100 %
# draws 359.19 W (above) in every region; in us-east-1 (PUE 1.15),
# 359.19 x 1.15 / 1000 = 0.4130685 kWh per hour; gpu_load_pct 100 last.
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" --format csv factors --load 50 --gpu-load 100 \
        --provider aws | grep '^aws,us-east-1,p3.2xlarge,' \
      | cut -d, -f4,5,7,19)
[ "$got" = "50,359.19,0.4130685,100" ] || fail "factors: got '$got'"

# compare takes it too and says so in its summary (only when the two
# loads differ and the type has GPUs).
cases=$((cases + 1))
got=$("$CARBON_ADVISOR" compare --instance p3.2xlarge --runtime 24h \
        --load 30 --gpu-load 90 --region us-east-1 | grep '^Compared')
want="Compared p3.2xlarge (8 vCPU, 61 GiB, 1 x V100), 24.00 h at 30.0 % \
(GPUs 90.0 %) on 1 instance, in 1 region: 1 run."
[ "$got" = "$want" ] || fail "compare: got '$got'"

# Errors, as --load's.
expect_error above-100 64 \
  "carbon-advisor estimate: invalid --gpu-load '101': must be from 0 to 100" \
  estimate $p3 --load 30 --gpu-load 101
expect_error negative 64 \
  "carbon-advisor estimate: invalid --gpu-load '-1': must be from 0 to 100" \
  estimate $p3 --load 30 --gpu-load=-1
expect_error not-a-number 64 \
  "carbon-advisor advise: invalid --gpu-load 'abc': not a number" \
  advise --runtime 24h --load 30 --gpu-load abc
expect_error uncertainty 64 \
  "carbon-advisor estimate: --gpu-load goes without --uncertainty: the simulation draws one load for the whole power curve" \
  estimate $p3 --load 30 --gpu-load 90 --uncertainty

finish
