#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""The one place the docs' counts come from: the data tables themselves.

    counts.py [--data DIR] list
        print every count, name=value
    counts.py [--data DIR] render IN OUT
        copy IN to OUT with each @name@ replaced by that count, written
        with thousands separators (the man page source, at build)
    counts.py [--data DIR] check FILE...
        find the count sentences of each FILE (the phrases in PHRASES and
        the "rows" tables of data/README.md) and fail, one line per
        disagreement, when one differs from the tables

Every count is computed from the CSV files when the script runs, so a
table that grows (more rows, another provider, another source) changes
the counts and the check follows without a list to update.  Exit status:
0 all agree, 1 a count disagrees or a placeholder is unknown, 64 usage.
"""

import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read_table(data, name):
    with open(os.path.join(data, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def compute(data):
    """Every count the docs may state, by name."""
    c = {}
    tables = {}
    for name in sorted(os.listdir(data)):
        if name.endswith(".csv"):
            tables[name] = read_table(data, name)
            c["rows:" + name] = len(tables[name])
            for row in tables[name]:
                p = row.get("provider")
                if p:
                    key = "rows:%s:%s" % (name, p)
                    c[key] = c.get(key, 0) + 1
    inst = tables["instances.csv"]
    c["instance_types"] = len(inst)
    c["regions"] = len(tables["regions.csv"])
    c["priced_pairs"] = len(tables["prices.csv"])
    c["sources"] = len(tables["sources.csv"])
    c["providers"] = len({r["provider"] for r in inst})
    c["measured_types"] = sum(r["power_origin"] == "measured" for r in inst)
    for p in sorted({r["provider"] for r in inst}):
        c["modelled_types:" + p] = sum(
            r["provider"] == p and r["power_origin"] == "modelled" for r in inst
        )
    c["grid_zones"] = len({r["grid_zone"] for r in tables["regions.csv"]})
    aws = [r for r in tables["prices.csv"] if r["provider"] == "aws"]
    c["aws_priced_types"] = len({r["instance_type"] for r in aws})
    c["aws_priced_regions"] = len({r["region"] for r in aws})
    c["unsupported_types"] = len(tables["unsupported.csv"])
    for r in tables["regions.csv"]:
        k = "pue_source:" + r["pue_source"]
        c[k] = c.get(k, 0) + 1
    measured = {r["instance_type"] for r in inst if r["power_origin"] == "measured"}
    teads = [r for r in aws if r["instance_type"] in measured]
    c["aws_measured_price_rows"] = len(teads)
    c["aws_measured_priced_types"] = len({r["instance_type"] for r in teads})
    c["aws_spot_rows"] = sum(bool(r["spot_usd_per_h"]) for r in aws)
    c["aws_measured_spot_rows"] = sum(bool(r["spot_usd_per_h"]) for r in teads)
    for r in aws:
        for key in ("price_source:", "price_source_measured:"):
            if key == "price_source:" or r["instance_type"] in measured:
                k = key + r["price_source"]
                c[k] = c.get(k, 0) + 1
    return c


def fmt(n):
    return "{:,}".format(n)


# The count sentences: a pattern over the text (whitespace collapsed, man
# escapes removed) and, per captured number, the count it must equal.
NUM = r"(\d[\d,]*)"
PHRASES = [
    (NUM + r" instance types in " + NUM + r" regions", ["instance_types", "regions"]),
    (NUM + r" priced pairs", ["priced_pairs"]),
    (r"[Tt]he " + NUM + r" EC2 types of Teads", ["measured_types"]),
    (r"power curves for " + NUM + r" EC2 types", ["measured_types"]),
    (r"for each of " + NUM + r" EC2 instance types", ["measured_types"]),
    (r"all " + NUM + r" EC2 rows", ["measured_types"]),
    (r"whose " + NUM + r" measured rows", ["measured_types"]),
    (r"AWS: " + NUM + r" rows, " + NUM + r" instance types, " + NUM + r" regions",
     ["rows:prices.csv:aws", "aws_priced_types", "aws_priced_regions"]),
    (r"`prices\.csv` now has [^.]*?: " + NUM + r" rows, " + NUM + r" types",
     ["rows:prices.csv:aws", "aws_priced_types"]),
    (r"\(" + NUM + r" regions, " + NUM + r" zones\)", ["regions", "grid_zones"]),
    (r"Of the " + NUM + r" instance types in `instances\.csv`", ["instance_types"]),
    (NUM + r" sources \(data/sources\.csv\)", ["sources"]),
    (r"[Uu]nsupported types: " + NUM, ["unsupported_types"]),
    (r"; " + NUM + r" of them are for the " + NUM + r" Teads types",
     ["aws_measured_price_rows", "aws_measured_priced_types"]),
    (NUM + r" AWS rows have one \(" + NUM + r" of the " + NUM + r" Teads rows\)",
     ["aws_spot_rows", "aws_measured_spot_rows", "aws_measured_price_rows"]),
    (r"PUE published by AWS for the newest year \(" + NUM + r" regions",
     ["pue_source:gsf-rtc/aws"]),
    (r"2024 for all " + NUM + r" regions that have one", ["pue_source:gsf-rtc/aws"]),
    (r"AWS fleet value 1\.135 \(" + NUM + r" regions\)", ["pue_source:ccf-2022"]),
    (r"\(`ccf-2022`\)\*\* for the " + NUM + r" regions", ["pue_source:ccf-2022"]),
    # A table's size: None takes the file name, "%s" puts it in the key.
    (r"`([a-z_]+\.csv)`, [\d.]+ MB \(" + NUM + r" rows\)", [None, "rows:%s"]),
]


def normalise(line):
    """A line as a reader sees it: no man escapes or font changes."""
    line = line.replace("\\-", "-").replace("\\(mu", "x")
    line = re.sub(r"\\f[BIRP]", "", line)
    return re.sub(r"\s+", " ", line.strip())


def joined(lines):
    """The lines as one text, and the offset where each line starts."""
    text, starts = "", []
    for line in lines:
        starts.append(len(text))
        text += normalise(line) + " "
    return text, starts


def line_of(starts, offset):
    n = 0
    for i, s in enumerate(starts):
        if s <= offset:
            n = i
    return n + 1


def number(s):
    return int(s.replace(",", ""))


def check_phrases(path, lines, c, problems):
    text, starts = joined(lines)
    found = 0
    for pattern, names in PHRASES:
        for m in re.finditer(pattern, text):
            found += 1
            for i, name in enumerate(names):
                if name is None:
                    arg = m.group(i + 1)
                    continue
                if "%s" in name:
                    name = name % arg
                if name not in c:
                    problems.append("%s:%d: '%s': no table gives %s"
                                    % (path, line_of(starts, m.start()),
                                       m.group(0), name))
                    continue
                got = number(m.group(i + 1))
                if got != c[name]:
                    problems.append(
                        "%s:%d: '%s' says %s, the tables give %s (%s)"
                        % (path, line_of(starts, m.start()), m.group(0),
                           fmt(got), fmt(c[name]), name))
    return found


def check_row_tables(path, lines, c, problems):
    """A Markdown table headed '| file | one row per | rows |': each row's
    count, and its 'aws N' (etc.) per provider, against the table."""
    found = 0
    in_table = False
    for n, line in enumerate(lines, 1):
        cells = [x.strip() for x in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[-1] == "rows" and cells[0] == "file":
            in_table = True
            continue
        if not line.startswith("|"):
            in_table = False
        if not in_table or not cells[0].startswith("`"):
            continue
        name = cells[0].strip("`")
        m = re.match(NUM, cells[-1])
        if "rows:" + name not in c or m is None:
            problems.append("%s:%d: no count for '%s'" % (path, n, cells[0]))
            continue
        found += 1
        want = [(number(m.group(1)), "rows:" + name)]
        for p, k in re.findall(r"\b(aws|azure|gcp) " + NUM, cells[-1]):
            want.append((number(k), "rows:%s:%s" % (name, p)))
        if name == "instances.csv":
            for k in re.findall(NUM + r" measured", cells[-1]):
                want.append((number(k), "measured_types"))
            for k in re.findall(NUM + r" modelled\)", cells[-1]):
                want.append((number(k), "modelled_types:aws"))
        for got, key in want:
            if got != c.get(key):
                problems.append("%s:%d: %s says %s, the tables give %s (%s)"
                                % (path, n, name, fmt(got),
                                   fmt(c.get(key, 0)), key))
    return found


def check_price_sources(path, lines, c, problems):
    """The table of AWS rows per price source: '| `id` | date | all AWS
    rows | Teads types |'."""
    found = 0
    in_table = False
    for n, line in enumerate(lines, 1):
        cells = [x.strip() for x in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] == "`price_source`":
            in_table = cells[2:] == ["all AWS rows", "Teads types"]
            continue
        if not line.startswith("|"):
            in_table = False
        if not in_table or not cells[0].startswith("`"):
            continue
        src = cells[0].strip("`")
        found += 1
        for cell, key in ((cells[2], "price_source:"),
                          (cells[3], "price_source_measured:")):
            m = re.match(NUM, cell)
            got = number(m.group(1)) if m else None
            if got != c.get(key + src, 0):
                problems.append("%s:%d: %s says %s, the tables give %s (%s)"
                                % (path, n, src, cell,
                                   fmt(c.get(key + src, 0)), key + src))
    return found


def check(paths, c):
    problems = []
    total = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        total += check_phrases(path, lines, c, problems)
        total += check_row_tables(path, lines, c, problems)
        total += check_price_sources(path, lines, c, problems)
    for p in problems:
        print(p)
    print("counts.py: %d count sentences checked, %d disagree"
          % (total, len(problems)), file=sys.stderr)
    return 1 if problems or total == 0 else 0


def render(src, dst, c):
    with open(src, encoding="utf-8") as f:
        text = f.read()
    unknown = []

    def sub(m):
        if m.group(1) not in c:
            unknown.append(m.group(1))
            return m.group(0)
        return fmt(c[m.group(1)])

    text = re.sub(r"@([a-z_:.]+)@", sub, text)
    if unknown:
        print("counts.py: %s: unknown count @%s@" % (src, unknown[0]),
              file=sys.stderr)
        return 1
    with open(dst + "-t", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(dst + "-t", dst)
    return 0


def main(argv):
    data = os.path.join(HERE, "..", "data")
    if len(argv) > 2 and argv[1] == "--data":
        data = argv[2]
        argv = argv[:1] + argv[3:]
    if len(argv) < 2 or argv[1] not in ("list", "render", "check"):
        print("usage: counts.py [--data DIR] list | render IN OUT | "
              "check FILE...", file=sys.stderr)
        return 64
    c = compute(data)
    if argv[1] == "list":
        for k in sorted(c):
            print("%s=%d" % (k, c[k]))
        return 0
    if argv[1] == "render":
        if len(argv) != 4:
            print("usage: counts.py render IN OUT", file=sys.stderr)
            return 64
        return render(argv[2], argv[3], c)
    return check(argv[2:], c)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
