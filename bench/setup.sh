#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# What the benchmarks need beyond the build (as root on Debian 12; safe to
# run again): pandas for the peers of bench/track.py and bench/advise.py,
# GNU parallel, valgrind for instruction counts, Node.js and npm, and
# DuckDB's Node.js client (bench/package-lock.json) in bench/node_modules
# for the DuckDB peer.  The test suite needs none of it, so tools/setup.sh
# does not install it.
set -eu
for p in python3-pandas parallel valgrind nodejs npm; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null \
    | grep -q '^install ok installed$' && continue
  # Node.js from elsewhere (nodesource, nvm) serves as well as Debian's.
  case $p in nodejs|npm) command -v "$p" >/dev/null 2>&1 && continue ;; esac
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$p" >/dev/null
done
cd "$(dirname "$0")"
# npm ci starts from scratch; skip it when the tree already matches the
# lock file.
if ! cmp -s package-lock.json node_modules/.package-lock.ci 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.ci
fi
