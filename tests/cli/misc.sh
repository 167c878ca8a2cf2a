#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Help and version (the man page and the help texts: tests/docs/).
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

cases=$((cases + 1))
"$CARBON_ADVISOR" --version >"$work/v" || fail "--version: non-zero exit"
grep -q '^carbon-advisor [0-9]' "$work/v" || fail "--version: no version"

for cmd in "" estimate list; do
  cases=$((cases + 1))
  # shellcheck disable=SC2086
  "$CARBON_ADVISOR" $cmd --help >"$work/h" || fail "$cmd --help: non-zero exit"
  grep -q -- '--format' "$work/h" || fail "$cmd --help: no --format"
done

finish
