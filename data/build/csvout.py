# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""The one way the data builders write a table: UTF-8, a header of COLS,
fields quoted only when they must be, '\\n' line ends, so that a rebuilt
table is the committed one byte for byte."""

import csv


def write_csv(path, cols, rows):
    """Write ROWS (mappings with at least the keys COLS) to PATH."""
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator='\n')
        w.writerow(cols)
        for r in rows:
            w.writerow([r[c] for c in cols])
