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

# The measure of the labels as Chromium lays them out: a script added to
# a copy of the page counts the pairs of chart labels whose boxes
# overlap and the labels that stick out of their chart, and writes both
# on <body> for --dump-dom.  (The report itself carries no script.)
measure='<script>(function(){var ls=[].slice.call(document.querySelectorAll("svg text.label")),n=0,out=0,bad=[];for(var i=0;i<ls.length;i++){var a=ls[i].getBoundingClientRect(),s=ls[i].ownerSVGElement.getBoundingClientRect();if(a.left<s.left||a.right>s.right||a.top<s.top||a.bottom>s.bottom)out++;for(var j=i+1;j<ls.length;j++){var b=ls[j].getBoundingClientRect();if(a.left<b.right&&b.left<a.right&&a.top<b.bottom&&b.top<a.bottom){n++;bad.push(ls[i].textContent+" / "+ls[j].textContent);}}}document.body.setAttribute("data-labels",ls.length);document.body.setAttribute("data-overlaps",n+": "+bad.join("; "));document.body.setAttribute("data-outside",out);})();</script>'

# check_labels NAME PAGE: no two chart labels of PAGE overlap as
# rendered, none sticks out of its chart, and the chart has some.
check_labels ()
{
  { sed -e 's,</body>,,' -e 's,</html>,,' "$2"
    printf '%s</body></html>\n' "$measure"; } >"$work/$1-measure.html"
  if ! chrome --dump-dom "file://$work/$1-measure.html" \
         >"$work/$1-measure.dom" 2>"$work/chrome.log"; then
    fail "$1: chromium --dump-dom of the measure failed"
    return
  fi
  grep -qE 'data-labels="[1-9][0-9]*"' "$work/$1-measure.dom" \
    || fail "$1: no chart label measured"
  grep -qF 'data-overlaps="0: "' "$work/$1-measure.dom" \
    || fail "$1: chart labels overlap: $(grep -o 'data-overlaps="[^"]*"' "$work/$1-measure.dom")"
  grep -qF 'data-outside="0"' "$work/$1-measure.dom" \
    || fail "$1: a chart label sticks out of its chart"
}

# render NAME [REPORT-ARG...]: write the report, screenshot it, dump its
# DOM and check both.  DATA (default the tiny fixture) is the data
# directory.
render ()
{
  name=$1
  shift
  cases=$((cases + 1))
  page=$work/$name.html
  if ! "$CARBON_ADVISOR" --data-dir "${DATA:-$tiny}" report $job "$@" \
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
  check_labels "$name" "$page"
}

render plain
render baseline --baseline c1.xlarge@eu-west-1 --title 'Tiny & co'
render groups --baseline c1.xlarge@eu-west-1 --group nordics,europe \
  --carbon-price 5000
render uncertainty --baseline c1.xlarge@eu-west-1 --group nordics \
  --uncertainty --samples 200
render gpu --reference g1.xlarge
# Every role at once on the tiny data: the picks, the current setup and
# a carbon price crowd the few points.
render crowded --baseline c1.xlarge@eu-west-1 --carbon-price 8000 \
  --group nordics,europe
# The README's job on the shipped data: dozens of candidates, a few far
# out (left off the chart with a note).
DATA=$CARBON_ADVISOR_DATA render readme --runtime 24h --load 70 \
  --reference p3.2xlarge --baseline p3.2xlarge@us-east-1 \
  --group nordics,eu
grep -qF 'id="chart-clipped"' "$work/readme.html" \
  || fail "readme: no note of the candidates left off the chart"

# The regions chart is there when groups are.
grep -qF 'id="chart-regions"' "$work/groups.dom" \
  || fail "groups: no regions chart"

finish
