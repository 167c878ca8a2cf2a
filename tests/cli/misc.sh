#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Help, version, the man page, and the docs naming every command.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

top=${CARBON_ADVISOR_TOP:-$CARBON_ADVISOR_TESTS/..}

cases=$((cases + 1))
"$CARBON_ADVISOR" --version >"$work/v" || fail "--version: non-zero exit"
grep -q '^carbon-advisor [0-9]' "$work/v" || fail "--version: no version"

for cmd in "" estimate list; do
  cases=$((cases + 1))
  # shellcheck disable=SC2086
  "$CARBON_ADVISOR" $cmd --help >"$work/h" || fail "$cmd --help: non-zero exit"
  grep -q -- '--format' "$work/h" || fail "$cmd --help: no --format"
done

# Every command is listed in --help and documented in the man page's
# include file.
for cmd in $("$CARBON_ADVISOR" --help | sed -n '/^Commands:/,/^$/p' \
             | awk 'NF > 1 { print $1 }'); do
  cases=$((cases + 1))
  grep -q "^\.B $cmd\$" "$top/doc/carbon-advisor.x.in" \
    && grep -q "carbon-advisor $cmd" "$top/doc/carbon-advisor.x.in" \
    || fail "doc/carbon-advisor.x.in does not document '$cmd'"
done

# The man page (generated or shipped) renders without warnings.
man=""
for m in "$top/carbon-advisor.1" "${CARBON_ADVISOR%/src/*}/carbon-advisor.1"; do
  [ -f "$m" ] && man=$m
done
if [ -n "$man" ] && command -v groff >/dev/null 2>&1; then
  cases=$((cases + 1))
  warnings=$(groff -man -ww -z "$man" 2>&1)
  [ -z "$warnings" ] || fail "man page warnings: $warnings"
fi

finish
