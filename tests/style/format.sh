#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Every C file of src/ and tests/ is as clang-format lays it out with the
# project's .clang-format (GNU style): `make format` rewrites them,
# `make check-format` runs this check alone.  The checker must also see
# a file it would change, so a clang-format that checks nothing fails.
#
# Exit status (automake test harness): 0 pass, 1 fail, 77 skipped when
# clang-format is missing (outside CI only: tools/setup.sh installs it).

top=${CARBON_ADVISOR_TOP:-${0%/*}/../..}
me=format.sh
clang_format=${CLANG_FORMAT:-clang-format}

if ! command -v "$clang_format" >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then
    echo "$me: FAIL: no $clang_format (CI=true: no test may skip)" >&2
    exit 1
  fi
  echo "$me: SKIP: no $clang_format" >&2
  exit 77
fi

cd "$top" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ca-format.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# A planted misformatting must be seen.
printf 'int\nf (void)\n{\n  return (int)  1;\n}\n' >"$tmp/bad.c"
if "$clang_format" --style=file:"$top/.clang-format" --dry-run --Werror \
     "$tmp/bad.c" >/dev/null 2>&1; then
  echo "$me: clang-format did not see a misformatted file" >&2
  exit 1
fi

files=$(ls src/*/*.[ch] tests/unit/*.[ch] tests/fuzz/*.[ch])
if ! "$clang_format" --dry-run --Werror $files 2>"$tmp/log"; then
  grep -E '^[^ ]+:[0-9]+:[0-9]+: error' "$tmp/log" | sed 's/:.*//' \
    | sort -u >&2
  echo "$me: the files above are not clang-format clean; run make format" \
    "and check the diff" >&2
  exit 1
fi
exit 0
