#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# carbon-advisor advise's sensible candidates: the default deadline, the
# reference's accelerator ecosystem and GPU memory, no burstable type
# above its baseline, the options that change them, the summary lines
# and the CSV's GPU columns; and the usage errors.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

# ---------------------------------------------------------------------
# The fixture: tests/cli/fixtures/tiny (see tests/cli/advise.sh for its
# figures), copied with three rows changed so that every rule has
# something to leave out:
#   a1.large   burstable, baseline 40 % (3 priced pairs)
#   c1.xlarge  burstable, no published baseline (4 pairs)
#   g0.xlarge  AMD instead of NVIDIA, 16 GiB (1 pair, eu-west-1)
# The other GPUs: g1.xlarge 1 x G10, NVIDIA, 24 GiB (us-east-1,
# eu-north-1); p1.2xlarge 2 x G25, NVIDIA, 80 GiB (us-east-1).
# 17 priced pairs; c1.large@ap-southeast-9 has no grid figure.
rules=$work/rules
mkdir "$rules"
cp "$fixtures"/tiny/*.csv "$rules"/
sed -e 's/^\(aws,a1\.large,.*\),none,,,0,,$/\1,none,,,1,40,tiny/' \
  -e 's/^\(aws,c1\.xlarge,.*\),none,,,0,,$/\1,none,,,1,,tiny/' \
  -e 's/^\(aws,g0\.xlarge,.*\),nvidia,16,tiny,0,,$/\1,amd,16,tiny,0,,/' \
  "$fixtures/tiny/instances.csv" >"$rules/instances.csv"
A="--data-dir $rules"
job="--runtime 10h --load 50"

# summary NAME EXPECTED [ARG...]: advise's summary lines on the pairs,
# the deadline and what was left out are exactly EXPECTED.
summary ()
{
  name=$1 want=$2
  shift 2
  run_ok "$name" "$@" || return
  got=$(grep -E '^([0-9,]+ priced|Deadline:|Left out \(|No candidate|The set)' \
    "$work/out")
  if [ "$got" != "$want" ]; then
    fail "$name: summary"
    printf '  expected:\n%s\n  got:\n%s\n' "$want" "$got" >&2
  fi
}

# A CPU job (no reference, no GPU filter): no accelerator (g0, g1 x 2,
# p1: 4 pairs), and at 50 % neither a1.large (baseline 40 %: 3 pairs)
# nor c1.xlarge (none published: 4 pairs).  Left: c1.large in the four
# regions with a grid figure and n1-standard-2: 5.  No reference, no
# deadline line (every candidate runs the same 10 h).
summary cpu-job "17 priced instance x region pairs, 5 met the constraints, 4 on the front.
Left out (instance x region pairs): 4 with an accelerator (a CPU job; --accelerator any keeps them), 7 burstable (no published baseline reaches the 50 % load; --allow-burstable keeps them)." \
  $A advise $job
# At 40 % a1.large's baseline carries the load (40 <= 40): only
# c1.xlarge's 4 pairs are left out as burstable; 5 + 3 = 8 candidates.
summary load-at-baseline "17 priced instance x region pairs, 8 met the constraints, 6 on the front.
Left out (instance x region pairs): 4 with an accelerator (a CPU job; --accelerator any keeps them), 4 burstable (no published baseline reaches the 40 % load; --allow-burstable keeps them)." \
  $A advise --runtime 10h --load 40
# --allow-burstable and --accelerator any: all 16 with a grid figure.
summary allow-all "17 priced instance x region pairs, 16 met the constraints, 6 on the front." \
  $A advise $job --allow-burstable --accelerator any
# --provider gcp: the count is of the pairs asked (1), not all 17.
summary provider-count "1 priced instance x region pair in the providers and regions asked, 1 met the constraints, 1 on the front." \
  $A advise $job --provider gcp

# Without a reference, --gpus asks for NVIDIA (the ecosystem the GPU
# speeds are measured on): of the 4 GPU pairs, g0's AMD one is left out;
# front: g1.xlarge@us-east-1 (5 USD, 550 g) and @eu-north-1 (6, 100);
# p1.2xlarge (20, 1600) is beaten by both.
summary gpus-filter "17 priced instance x region pairs, 3 met the constraints, 2 on the front.
Left out (instance x region pairs): 1 with another accelerator than nvidia (--accelerator any keeps them)." \
  $A advise $job --gpus 1
# --gpu-model names the ecosystem itself: the AMD G00 is kept.
summary gpu-model-filter "17 priced instance x region pairs, 1 met the constraints, 1 on the front." \
  $A advise $job --gpu-model G00

# A job measured on g1.xlarge (NVIDIA, 24 GiB): NVIDIA only (the 13
# CPU pairs and g0's AMD pair are left out: 14), at least 24 GiB (g1,
# p1 have it), and a deadline of 2 x 10 h = 20 h: g1.xlarge runs 10 h,
# p1.2xlarge 2.0302 h (tests/cli/advise.sh), both within it.
summary gpu-reference "17 priced instance x region pairs, 3 met the constraints, 2 on the front.
Deadline: 20 h (twice the 10 h measured on the reference; --deadline sets another, --deadline none lifts it).
Left out (instance x region pairs): 14 with another accelerator than nvidia (--accelerator any keeps them)." \
  $A advise $job --reference g1.xlarge
# --min-gpu-memory 32: g1.xlarge's 24 GiB are not enough (2 pairs).
summary min-gpu-memory "17 priced instance x region pairs, 1 met the constraints, 1 on the front.
Deadline: 20 h (twice the 10 h measured on the reference; --deadline sets another, --deadline none lifts it).
Left out (instance x region pairs): 14 with another accelerator than nvidia (--accelerator any keeps them), 2 with under 32 GiB of GPU memory." \
  $A advise $job --reference g1.xlarge --min-gpu-memory 32
# --accelerator amd: g0.xlarge only, 16 GiB < the reference's 24.
summary accelerator-amd "No candidate meets the constraints: 17 priced instance x region pairs, 17 after the region filters, 17 after the instance filters, 1 after the accelerator rule, 0 after the GPU memory rule.
The set became empty at the GPU memory rule." \
  $A advise $job --reference g1.xlarge --accelerator amd
# With --min-gpu-memory 0 as well it is a candidate, but G00 has no
# measured training speed: the runtime scaling leaves it out.
summary accelerator-amd-any-memory "No candidate meets the constraints: 17 priced instance x region pairs, 17 after the region filters, 17 after the instance filters, 1 after the accelerator rule, 1 after the GPU memory rule, 1 after the burstable rule, 0 after the runtime scaling.
The set became empty at the runtime scaling." \
  $A advise $job --reference g1.xlarge --accelerator amd --min-gpu-memory 0
# --deadline 5h: g1.xlarge's 10 h runs (2 pairs) are past it.
summary deadline "17 priced instance x region pairs, 1 met the constraints, 1 on the front.
Deadline: 5 h (--deadline).
Left out (instance x region pairs): 14 with another accelerator than nvidia (--accelerator any keeps them), 2 past the deadline." \
  $A advise $job --reference g1.xlarge --deadline 5h
summary deadline-none "17 priced instance x region pairs, 3 met the constraints, 2 on the front.
Deadline: none (--deadline none).
Left out (instance x region pairs): 14 with another accelerator than nvidia (--accelerator any keeps them)." \
  $A advise $job --reference g1.xlarge --deadline none
# A CPU reference, c1.xlarge (4 vCPUs) at 10 h, scaled by vCPUs: the
# 2-vCPU types run 20 h, within the default 20 h deadline (not past
# it); --deadline 15h leaves c1.large's 4 pairs and n1-standard-2 out.
# c1.xlarge itself is burstable with no baseline: left out at 50 %
# (4 pairs), a1.large too (3).
summary cpu-reference "17 priced instance x region pairs, 5 met the constraints, 4 on the front.
Deadline: 20 h (twice the 10 h measured on the reference; --deadline sets another, --deadline none lifts it).
Left out (instance x region pairs): 4 with an accelerator (a CPU job; --accelerator any keeps them), 7 burstable (no published baseline reaches the 50 % load; --allow-burstable keeps them)." \
  $A advise $job --reference c1.xlarge
summary cpu-reference-deadline "No candidate meets the constraints: 17 priced instance x region pairs, 17 after the region filters, 17 after the instance filters, 13 after the accelerator rule, 13 after the GPU memory rule, 6 after the burstable rule, 6 after the runtime scaling, 5 after the grid data, 0 after the deadline.
The set became empty at the deadline (--deadline)." \
  $A advise $job --reference c1.xlarge --deadline 15h

# The CSV carries each row's GPUs: model, count and memory of all.
cases=$((cases + 1))
"$CARBON_ADVISOR" $A --format csv advise $job --accelerator any \
  --allow-burstable --all >"$work/out" 2>"$work/err" || fail "csv: status"
got=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
  NR > 1 { print $3 "," $col["gpu_model"] "," $col["gpus"] "," \
    $col["gpu_memory_total_gib"] }' "$work/out" | sort -u)
want="a1.large,,0,
c1.large,,0,
c1.xlarge,,0,
g0.xlarge,G00,1,16
g1.xlarge,G10,1,24
n1-standard-2,,0,
p1.2xlarge,G25,2,80"
[ "$got" = "$want" ] || {
  fail "csv: GPU columns"
  printf '  expected:\n%s\n  got:\n%s\n' "$want" "$got" >&2
}

# Usage errors: one line naming the option, exit 64.
expect_error accelerator-unknown 64 \
  "carbon-advisor advise: unknown --accelerator 'foo'; choose amd, any, fpga, gaudi, neuron, none or nvidia" \
  $A advise $job --accelerator foo
expect_error deadline-zero 64 \
  "carbon-advisor advise: invalid --deadline '0': must be longer than zero" \
  $A advise $job --deadline 0
expect_error deadline-bad 64 \
  "carbon-advisor advise: invalid --deadline 'soon': expected a duration such as 90m, 36h, 1.5d, 2h30m or 5400s (a bare number is hours)" \
  $A advise $job --deadline soon
expect_error min-gpu-memory-negative 64 \
  "carbon-advisor advise: invalid --min-gpu-memory '-1': must be from 0 to 1e+06" \
  $A advise $job --min-gpu-memory -1

finish
