#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Every --help (the program's and each command's) reads cleanly:
#  - no heading (argp's " Name:" lines) appears twice, and no option is
#    listed twice;
#  - no "Report bugs to" line (the project has no public tracker, so
#    configure's bug address is empty);
#  - the command list wraps each summary under itself, not at column 0;
#  - every --provider help names every provider of data/instances.csv
#    (read from the table, so a new provider makes this fail until the
#    help names it);
#  - compare --help does not list the size filters it refuses.
# The checker must first find each planted fault in a made-up help text,
# so that a checker gone blind fails too.
#
# Exit status (automake test harness): 0 pass, 1 fail.

. "${CARBON_ADVISOR_TESTS:-${0%/*}/..}/docs/lib.sh"

# help_problems FILE: one line per fault of the help text in FILE.
help_problems ()
{
  grep -E '^ [A-Z][^:]*:$' "$1" | sort | uniq -d | sed 's/^/heading twice:/'
  sed -n -E 's/^  (-[^ ], )?(--[a-z0-9-]+).*/\2/p; s/^      (--[a-z0-9-]+).*/\1/p' \
    "$1" | sort | uniq -d | sed 's/^/option twice: /'
  grep '^Report bugs' "$1" | sed 's/^/bug address: /'
  sed -n '/^Commands:$/,/^$/p' "$1" | grep -v -E '^(Commands:|  [a-z]+ +[^ ].*|             [^ ].*|)$' \
    | sed 's/^/command list wraps: /'
}

cat >"$work/planted" <<'END'
Usage: x [OPTION...]

 The job:
  -i, --instance=TYPE        Instance type

 The job:
      --instance=TYPE        Again
Commands:
  advise     rank every instance type x region on carbon and cost (Pareto
front)

Report bugs to nobody@example.org.
END
help_problems "$work/planted" >"$work/got"
cat >"$work/want" <<'END'
heading twice: The job:
option twice: --instance
bug address: Report bugs to nobody@example.org.
command list wraps: front)
END
cases=$((cases + 1))
if ! cmp -s "$work/want" "$work/got"; then
  fail "the help checker missed planted faults:"
  diff "$work/want" "$work/got" >&2
fi

providers=$(cut -d, -f1 "$top/data/instances.csv" | sed 1d | sort -u)
[ -n "$providers" ] || fail "no providers in data/instances.csv"

commands=$("$CARBON_ADVISOR" --help | sed -n '/^Commands:$/,/^$/p' \
           | awk '/^  [a-z]/ { print $1 }')
[ -n "$commands" ] || fail "--help lists no command"
for cmd in "" $commands; do
  cases=$((cases + 1))
  # shellcheck disable=SC2086
  if ! "$CARBON_ADVISOR" $cmd --help >"$work/help" 2>"$work/err"; then
    fail "${cmd:-carbon-advisor} --help: non-zero exit"
    continue
  fi
  help_problems "$work/help" >"$work/problems"
  while IFS= read -r p; do
    fail "${cmd:-carbon-advisor} --help: $p"
  done <"$work/problems"
  # The option's help runs on until the next option or heading.
  sed -n '/^ .*--provider=/,/^ *$\|^  *-/p' "$work/help" | tr '\n' ' ' \
    >"$work/provider"
  if grep -q -- '--provider=' "$work/provider"; then
    for p in $providers; do
      grep -q "\\b$p\\b" "$work/provider" \
        || fail "${cmd:-carbon-advisor} --help: --provider does not name $p"
    done
  fi
done

cases=$((cases + 1))
"$CARBON_ADVISOR" compare --help >"$work/help"
for opt in --min-vcpus --min-memory --gpus; do
  grep -q -- "$opt" "$work/help" \
    && fail "compare --help lists $opt, which compare refuses"
done

finish
