#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# The man page renders without a single groff warning (groff -man -ww -z;
# groff comes with groff-base, which tools/setup.sh installs), its
# sections are the include file's and help2man's own (a line of
# doc/carbon-advisor.x.in that starts with '[' and is not a section name
# must be escaped with \&, or help2man makes it a section), every command
# of --help has its section in the include file, and every option of
# every command's --help is named in it.  groff must first
# warn on a page with a planted fault, so that a blind check fails too.
#
# Exit status (automake test harness): 0 pass, 1 fail (also without groff
# or without a man page: the check is not optional).

. "${CARBON_ADVISOR_TESTS:-${0%/*}/..}/docs/lib.sh"

command -v groff >/dev/null 2>&1 || { echo "man.sh: no groff" >&2; exit 1; }
man=$(man_page) || exit 1
include=$top/doc/carbon-advisor.x.in

cases=$((cases + 1))
printf '.TH X 1\n.SH NAME\nx \\- y\n.BOGUS\n' >"$work/planted.1"
[ -n "$(groff -man -ww -z "$work/planted.1" 2>&1)" ] \
  || fail "groff -ww gave no warning on an undefined macro"

cases=$((cases + 1))
groff -man -ww -z "$man" >"$work/warnings" 2>&1
if [ -s "$work/warnings" ]; then
  fail "$man renders with groff warnings:"
  cat "$work/warnings" >&2
fi

cases=$((cases + 1))
grep '^\.SH' "$man" | grep -v -E '^\.SH ("[A-Z][A-Z ,]*"|[A-Z]+)$' \
  >"$work/bad" && fail "$man: sections that are not section names: $(cat "$work/bad")"

for cmd in $("$CARBON_ADVISOR" --help | sed -n '/^Commands:$/,/^$/p' \
             | awk '/^  [a-z]/ { print $1 }'); do
  cases=$((cases + 1))
  grep -q "^\.B $cmd\$" "$include" \
    && grep -q "carbon-advisor $cmd" "$include" \
    || fail "doc/carbon-advisor.x.in does not document '$cmd'"
  # Its options, as the include file reads with \- made plain.
  sed 's/\\-/-/g' "$include" >"$work/include"
  for opt in $("$CARBON_ADVISOR" "$cmd" --help \
               | sed -n -E 's/^  (-[^ ], )?(--[a-z0-9-]+).*/\2/p
                            s/^      (--[a-z0-9-]+).*/\1/p'); do
    case $opt in --help | --usage | --version) continue ;; esac
    grep -q -E -- "$opt([^a-z0-9-]|\$)" "$work/include" \
      || fail "doc/carbon-advisor.x.in does not name $cmd's $opt"
  done
done

finish
