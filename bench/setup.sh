#!/bin/sh
# What the benchmarks need beyond the build (as root on Debian): pandas
# for the peer of bench/track.py, GNU parallel.  The test suite does not
# need pandas, so tools/setup.sh does not install it.
set -eu
for p in python3-pandas parallel; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null \
    | grep -q '^install ok installed$' && continue
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$p" >/dev/null
done
