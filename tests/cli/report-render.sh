#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# carbon-advisor report: every variant of the HTML page renders in a
# headless Chromium without errors, to a screenshot of some substance,
# and its DOM holds the charts.  Skipped (77) when chromium is absent;
# tools/setup.sh installs it.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

command -v chromium >/dev/null 2>&1 || { echo "no chromium: skipped"; exit 77; }

tiny=$fixtures/tiny
job="--runtime 10h --load 50"

chrome ()
{
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" "$@"
}

# render NAME [REPORT-ARG...]: write the report, screenshot it, dump its
# DOM and check both.
render ()
{
  name=$1
  shift
  cases=$((cases + 1))
  page=$work/$name.html
  if ! "$CARBON_ADVISOR" --data-dir "$tiny" report $job "$@" \
       --output "$page" 2>"$work/err"; then
    fail "$name: report failed"
    cat "$work/err" >&2
    return
  fi
  if grep -qi 'http' "$page"; then
    fail "$name: the page names a network resource"
  fi
  rm -f "$work/$name.png"
  if ! (cd "$work" && chrome --screenshot="$work/$name.png" \
          --window-size=1280,2000 "file://$page") >"$work/chrome.log" 2>&1
  then
    fail "$name: chromium --screenshot failed"
    cat "$work/chrome.log" >&2
    return
  fi
  size=$(wc -c <"$work/$name.png" 2>/dev/null || echo 0)
  if [ "$size" -lt 20000 ]; then
    fail "$name: screenshot of $size bytes"
  fi
  if ! chrome --dump-dom "file://$page" >"$work/$name.dom" 2>"$work/chrome.log"
  then
    fail "$name: chromium --dump-dom failed"
    return
  fi
  for want in '<svg' '<polyline class="front"' 'class="pt rec"' \
              'id="headline"' 'id="assumptions"' 'id="attribution"' \
              '</body></html>'; do
    grep -qF "$want" "$work/$name.dom" || fail "$name: DOM lacks $want"
  done
  if grep -qE 'Uncaught|CONSOLE.*[Ee]rror' "$work/chrome.log"; then
    fail "$name: page errors"
    cat "$work/chrome.log" >&2
  fi
}

render plain
render baseline --baseline c1.xlarge@eu-west-1 --title 'Tiny & co'
render groups --baseline c1.xlarge@eu-west-1 --group nordics,europe \
  --carbon-price 5000
render uncertainty --baseline c1.xlarge@eu-west-1 --group nordics \
  --uncertainty --samples 200
render gpu --reference g1.xlarge

# The regions chart is there when groups are.
grep -qF 'id="chart-regions"' "$work/groups.dom" \
  || fail "groups: no regions chart"

finish
