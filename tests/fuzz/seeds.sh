#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# seeds.sh TARGET SRCDIR OUTDIR: write the seed corpus of the fuzz target
# TARGET into OUTDIR, from the shipped tables and the test fixtures of the
# source tree SRCDIR.
set -eu
target=$1 src=$2 out=$3
mkdir -p "$out"
# seed: the standard input as a seed, named by its checksum (seeds come
# through pipes, so no counter would survive).
seed ()
{
  cat >"$out/seed.tmp"
  sum=$(cksum <"$out/seed.tmp" | cut -d' ' -f1)
  mv "$out/seed.tmp" "$out/seed-$sum"
}

case $target in
  fuzz_table)
    # A selector byte (the table's index in fuzz_table.c) and the table:
    # each fixture table whole, and the head of each shipped one.
    i=0
    for t in ccf_instances ccf_regions embodied_alternatives gpus \
             grid_alternatives groups instances power_error prices \
             pue_alternatives regions sources unsupported; do
      sel=$(printf '\\%03o' "$i")
      { printf "$sel"; cat "$src/tests/cli/fixtures/tiny/$t.csv"; } | seed
      { printf "$sel"; head -n 30 "$src/data/$t.csv"; } | seed
      i=$((i + 1))
    done
    ;;
  fuzz_image)
    # An offset (4 bytes, little-endian) and bytes XORed on from there:
    # the header's section table, the first rows, a string, the end.
    printf '\160\001\000\000\001' | seed
    printf '\000\002\000\000\377\377\377\377' | seed
    printf '\000\004\000\000\010\000\000\000' | seed
    printf '\000\020\000\000\001\002\003' | seed
    printf '\377\377\377\377\001' | seed
    ;;
  fuzz_speedup)
    seed <"$src/tests/cli/fixtures/speedup-tiny.csv"
    printf 'instance_type,speed\nm5.xlarge,1\nc5.2xlarge,2.5\n' | seed
    printf '\357\273\277instance_type,speed,note\nm5.large,"0.5","a, b"\n' \
      | seed
    ;;
  fuzz_numparse)
    for s in 36 1.5 -2 +3 0 1e3 1e308 1e309 0x10 nan inf ' 12 ' 1,5 \
             90m 36h 1.5d 2h30m 5400s 1d2h3m4s 0h 9223372036854775807 \
             -9223372036854775808 9223372036854775808 .5 5. 1e-400; do
      printf '%s' "$s" | seed
    done
    ;;
  fuzz_cli)
    # One argument a line, as fuzz_cli.c splits them; below, one command
    # line a line, a trailing backslash going on to the next.
    sed -e ':a' -e '/\\$/N; s/\\\n//; ta' <<'EOF' |
estimate --instance m5.xlarge --region eu-north-1 --runtime 36h \
  --load 60 --count 4
estimate -i p3.2xlarge -r us-east-1 -t 2h30m -l 80 --method all \
  --format csv
advise --runtime 24h --load 70 --group nordics,eu \
  --reference p3.2xlarge --gpus 1 --baseline p3.2xlarge@us-east-1 --top 3
advise --runtime 24h:20h:30h --load 60:40:80 --uncertainty --samples 100 \
  --seed 7 --reference m5.xlarge --scaling vcpu --serial-fraction 0.1
advise --runtime 10h --load 50 --reference c1.large --speedup x.csv \
  --deadline 1d --max-cost 5 --carbon-price 100
compare --instance m5.xlarge --runtime 36h --load 60 --group eu \
  --baseline eu-north-1 --signal marginal
list regions --provider aws --group nordics --instance m5.xlarge
list instances --min-vcpus 4 --min-memory 16 --gpus 1 --format json
report --runtime 48h --load 80 --gpus 8 --gpu-model A100 \
  --reference p4d.24xlarge --title T --output -
--format markdown --data-dir d --output o list groups
--HANG
--help
estimate --usage
--version
EOF
    while read -r line; do
      printf '%s' "$line" | tr -s ' ' '\n' | seed
    done
    ;;
  *)
    echo "seeds.sh: unknown target $target" >&2
    exit 1
    ;;
esac
