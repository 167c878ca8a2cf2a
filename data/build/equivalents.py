# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Everyday equivalents of a mass of CO2e for the report.

Reads data/build/equivalents-sources.csv, one row per equivalent as its
document states it (value and unit as printed, e.g. 400 gCO2/mile), and
writes equivalents.csv: the grams of CO2e one unit of the equivalent
stands for (one km, one year), with its source and year (data/README.md).

Only equivalents whose figure a named public document states are kept:
return flights and a household's electricity for a year are left out
until a source is checked and cited.

Standard library only; deterministic.  Called from build-tables.py's main.
"""

import csv
import os

from csvout import write_csv

HERE = os.path.dirname(os.path.abspath(__file__))
TYPED = os.path.join(HERE, 'equivalents-sources.csv')

COLS = ['equivalent', 'phrase', 'gco2e_per_unit', 'source', 'year', 'notes']

# International mile (NIST): 1 mile = 1.609344 km exactly.
KM_PER_MILE = 1.609344

# Grams per unit of each unit the typed sources use: (factor, divisor)
# so that grams per unit = value * factor / divisor.
UNITS = {
    'gCO2/km': (1.0, 1.0),
    'gCO2/mile': (1.0, KM_PER_MILE),
    'tCO2/year': (1e6, 1.0),
}

SOURCES = [
    {
        'id': 'epa-vehicle-2023',
        'title': 'Greenhouse Gas Emissions from a Typical Passenger Vehicle '
                 '(EPA-420-F-23-014)',
        'publisher': 'US Environmental Protection Agency, Office of '
                     'Transportation and Air Quality',
        'year': '2023',
        'licence': 'US federal government work (public domain)',
        'repo': '',
        'commit': '',
        'provenance': '',
        'upstream': 'https://www.epa.gov/greenvehicles/'
                    'greenhouse-gas-emissions-typical-passenger-vehicle',
        'notes': 'Fact sheet of June 2023: a typical passenger vehicle emits '
                 'about 400 g of CO2 per mile and about 4.6 metric tons of '
                 'CO2 per year; tailpipe CO2 only. Used for the report\'s '
                 'everyday equivalents (equivalents.csv).',
    },
]


class EquivalentsError(Exception):
    pass


def _grams(row):
    """Grams of CO2e per unit of ROW's equivalent, to 0.1 g."""
    unit = row['unit']
    if unit not in UNITS:
        raise EquivalentsError('equivalents: %s: unknown unit %s'
                               % (row['equivalent'], unit))
    factor, divisor = UNITS[unit]
    value = float(row['value'])
    if not value > 0:
        raise EquivalentsError('equivalents: %s: value %s is not positive'
                               % (row['equivalent'], row['value']))
    return '%.1f' % (value * factor / divisor)


def build_rows(path=TYPED):
    with open(path, encoding='utf-8', newline='') as f:
        typed = list(csv.DictReader(f))
    out = []
    for r in typed:
        out.append({'equivalent': r['equivalent'], 'phrase': r['phrase'],
                    'gco2e_per_unit': _grams(r), 'source': r['source'],
                    'year': r['year'],
                    'notes': '%s %s as stated: %s' % (r['value'], r['unit'],
                                                      r['document'])})
    return out


def build(out_dir, sources, source_ids):
    """Write equivalents.csv into OUT_DIR; add this module's sources to
    SOURCES and return the ids used."""
    rows = build_rows()
    known = {s['id'] for s in SOURCES}
    for r in rows:
        if r['source'] not in known:
            raise EquivalentsError('equivalents: %s: source %s is not '
                                   'described' % (r['equivalent'], r['source']))
    for s in SOURCES:
        if s['id'] not in source_ids:
            sources.append(dict(s))
            source_ids.add(s['id'])
    write_csv(os.path.join(out_dir, 'equivalents.csv'), COLS, rows)
    return {r['source'] for r in rows}
