#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Check a peer's CSV against the program's `advise --all --format csv`.

Matches rows by (provider, region, instance_type) and counts those whose
carbon (total_gco2e), price (price_usd_per_h) and cost (cost_usd) agree
within 1e-9 relative (the program prints twelve significant digits) and
whose rank is the same; also says whether the marks and the row order
agree.  Prints one line per finding and exits 0 when every row agrees.
Usage:

    python3 bench/check_peer.py PROGRAM.csv PEER.csv
"""
import csv
import sys

TOLERANCE = 1e-9
KEY = ('provider', 'region', 'instance_type')


def read(path):
    """Rows of PATH as a list of dicts, in file order."""
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def close(a, b):
    """Whether the numbers written A and B agree within TOLERANCE."""
    x, y = float(a), float(b)
    return abs(x - y) <= TOLERANCE * max(abs(x), abs(y))


def compare(program, peer):
    """Findings (a list of lines) and whether every row agrees."""
    theirs = {tuple(r[k] for k in KEY): r for r in peer}
    agree = 0
    bad = []
    for r in program:
        key = tuple(r[k] for k in KEY)
        p = theirs.get(key)
        ok = (p is not None
              and all(close(r[c], p[c]) for c in
                      ('total_gco2e', 'price_usd_per_h', 'cost_usd'))
              and r['rank'] == p['rank'])
        if ok:
            agree += 1
        elif len(bad) < 5:
            bad.append('  differs: %s' % '@'.join(key[2:0:-1]))
    order = [tuple(r[k] for k in KEY) for r in program] \
        == [tuple(r[k] for k in KEY) for r in peer]
    marks = [(tuple(r[k] for k in KEY), r['marks']) for r in program
             if r['marks']] \
        == [(tuple(r[k] for k in KEY), r['marks']) for r in peer
            if r['marks']]
    lines = ['rows agreeing (carbon, price, cost within %g relative, same '
             'rank): %d of %d (peer wrote %d)'
             % (TOLERANCE, agree, len(program), len(peer)),
             'row order the same: %s' % ('yes' if order else 'no'),
             'marks the same:     %s' % ('yes' if marks else 'no')] + bad
    return lines, agree == len(program) == len(peer) and order and marks


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 64
    lines, ok = compare(read(argv[1]), read(argv[2]))
    print('\n'.join(lines))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
