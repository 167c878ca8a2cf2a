#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# The shape HACKING.md describes holds (tests/style/layers.py): each file
# of src/ includes only its own layer and those below it; nothing below
# the cli layer prints, exits or parses options; files stay within 600
# lines and functions within 80; each file carries the licence line; the
# objects of the library form no circle.  First the checker itself must find one violation of each kind
# in a small tree made here, so that a checker gone blind fails too.
#
# Exit status (automake test harness): 0 pass, 1 fail.

top=${CARBON_ADVISOR_TOP:-${0%/*}/../..}
lib=${CARBON_ADVISOR:+${CARBON_ADVISOR%/*}/libadvisor.a}
checker=$top/tests/style/layers.py
me=layers.sh

command -v python3 >/dev/null 2>&1 || { echo "$me: no python3" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ca-layers.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

for layer in base data model search view cli cmd; do
  mkdir -p "$tmp/src/$layer"
done
spdx='/* SPDX-License-Identifier: GPL-3.0-or-later */'
printf '%s\n#include "view/table.h"\nint f (void);\n' "$spdx" \
  >"$tmp/src/model/up.h"
printf '%s\n#include <stdio.h>\n/* stdout in a comment is fine */\n%s\n' \
  "$spdx" 'void g (void) { puts ("x"); }' >"$tmp/src/search/loud.c"
printf '#include "base/diag.h"\n' >"$tmp/src/stray.h"
printf '/* No licence here.  */\n' >"$tmp/src/base/bare.h"
{
  echo "$spdx"
  echo 'int'
  echo 'long_one (void)'
  echo '{'
  i=0
  while [ $i -lt 77 ]; do echo '  ;'; i=$((i + 1)); done
  echo '}'
} >"$tmp/src/cmd/long.c"
cat >"$tmp/expected" <<'END'
base/bare.h: no licence line (SPDX-License-Identifier: GPL-3.0-or-later) in its first lines
model/up.h:2: includes "view/table.h": view is above model
search/loud.c:4: uses puts below the cli layer
cmd/long.c:2: function long_one is 81 lines, more than 80
src/stray.h: outside every layer folder
END
python3 "$checker" "$tmp/src" >"$tmp/got"
status=$?
if [ $status -ne 1 ] || ! cmp -s "$tmp/expected" "$tmp/got"; then
  echo "$me: the checker missed planted violations (status $status):" >&2
  diff "$tmp/expected" "$tmp/got" >&2
  exit 1
fi

if [ -z "$lib" ] || [ ! -f "$lib" ]; then
  echo "$me: no library to check for circles: ${lib:-unset}" >&2
  exit 1
fi
python3 "$checker" "$top/src" "$lib" >"$tmp/problems"
status=$?
if [ $status -ne 0 ]; then
  echo "$me: src/ breaks the layering rules of HACKING.md:" >&2
  cat "$tmp/problems" >&2
  exit 1
fi
exit 0
