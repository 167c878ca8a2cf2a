# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""The one basis of every region's default grid intensity.

regions.csv grid_gco2e_per_kwh is, for every region of every provider, the
Electricity Maps 2024 yearly life-cycle average of the region's Electricity
Maps zone (electricitymaps-yearly-2024/).  One basis, so that two regions on
the same grid get the same figure whatever their provider publishes: before,
GCP took Google's own operational figure and AWS/Azure Electricity Maps'
life-cycle figure, and europe-north2 (2.73) "beat" eu-north-1 (24.71) on the
same Stockholm grid by accounting alone.

The zone of each region comes from the folder's derived table
cloud_region_grid_intensity_em2024.csv (ODbL, see its PROVENANCE.md); the
figures are read from the zone rows of ci_yearly_2024_by_location.csv itself
and the derived table's copies of them are checked against those rows.
The direct (combustion-only) figure of the same row is offered as an
alternative by data/build/uncertainty.py.

Standard library only.
"""

import csv
import os
from decimal import Decimal

EM_DIR = 'electricitymaps-yearly-2024'
ZONES_CSV = os.path.join(EM_DIR, 'ci_yearly_2024_by_location.csv')
MAP_CSV = os.path.join(EM_DIR, 'cloud_region_grid_intensity_em2024.csv')
YEAR = '2024'
LEVEL = 'zone'
SRC = 'electricitymaps-2024'
SRC_DIRECT = 'electricitymaps-2024-direct'
C_LIFECYCLE = 'Carbon intensity gCO\u2082eq/kWh (Life cycle)'
C_DIRECT = 'Carbon intensity gCO\u2082eq/kWh (direct)'
# The row the plugin authors added (Ember 2023): not Electricity Maps data.
NOT_EM_ZONES = {'GLOBAL'}

_ATTRIBUTION = ('Attribution: "Electricity Maps (2025). 2024 Yearly Carbon Intensity '
                'Data (Version January 27, 2025). Electricity Maps. '
                'https://www.electricitymaps.com".')
_COMMON = {
    'publisher': 'Electricity Maps (yearly data files, as shipped by the nf-co2footprint '
                 'Nextflow plugin)',
    'year': '2024',
    'licence': 'ODbL 1.0 (Open Database License); derived tables in data/ stay under ODbL',
    'repo': 'nextflow-io/nf-co2footprint',
    'commit': '9f05928f189cdb0e62c2f899e9025774d778c74b',
    'provenance': EM_DIR,
}
SOURCES = [
    dict(_COMMON, **{
        'id': SRC,
        'title': 'Electricity Maps 2024 yearly average grid carbon intensity per zone, '
                 'life-cycle, consumption-based',
        'notes': _ATTRIBUTION + ' Column "Carbon intensity gCO2eq/kWh (Life cycle)" of '
                 'ci_yearly_2024_by_location.csv (version of 2025-01-27), for the '
                 'Electricity Maps zone of each region (regions.csv grid_zone, from '
                 'cloud_region_grid_intensity_em2024.csv). The default location-based '
                 'average of every region.',
    }),
    dict(_COMMON, **{
        'id': SRC_DIRECT,
        'title': 'Electricity Maps 2024 yearly average grid carbon intensity per zone, '
                 'direct (combustion only), consumption-based',
        'notes': _ATTRIBUTION + ' Column "Carbon intensity gCO2eq/kWh (direct)" of the '
                 'same rows as electricitymaps-2024. Used only by the uncertainty tables.',
    }),
]


class Em2024Error(Exception):
    pass


def _rows(path):
    with open(path, encoding='utf-8', newline='') as f:
        rd = csv.DictReader(f)
        return rd.fieldnames or [], [(i + 2, r) for i, r in enumerate(rd)]


def _figure(s, what):
    s = s.strip()
    try:
        d = Decimal(s)
    except ArithmeticError:
        d = None
    if d is None or not d.is_finite() or d <= 0 or d > 2000:
        raise Em2024Error('%s: figure %r is not a number in (0, 2000]' % (what, s))
    return s


def _read(src):
    zpath = os.path.join(src, ZONES_CSV)
    h, zrows = _rows(zpath)
    for c in ('Datetime (UTC)', 'Zone id', C_LIFECYCLE, C_DIRECT):
        if c not in h:
            raise Em2024Error('%s: missing column %s' % (ZONES_CSV, c))
    zones = {}
    for line, r in zrows:
        z = r['Zone id'].strip()
        if z in NOT_EM_ZONES:
            continue
        if not r['Datetime (UTC)'].startswith(YEAR + '-'):
            raise Em2024Error('%s:%d: zone %s is not a %s row' % (ZONES_CSV, line, z, YEAR))
        if z in zones:
            raise Em2024Error('%s:%d: zone %s twice' % (ZONES_CSV, line, z))
        zones[z] = (line, r)
    mpath = os.path.join(src, MAP_CSV)
    h, mrows = _rows(mpath)
    for c in ('provider', 'region', 'em_zone', 'zone_source',
              'em2024_lifecycle_gco2e_per_kwh', 'em2024_direct_gco2e_per_kwh'):
        if c not in h:
            raise Em2024Error('%s: missing column %s' % (MAP_CSV, c))
    out = {}
    for line, r in mrows:
        key = (r['provider'].strip(), r['region'].strip())
        zone = r['em_zone'].strip()
        where = '%s:%d (%s %s)' % (MAP_CSV, line, key[0], key[1])
        if key in out:
            raise Em2024Error('%s: region twice' % where)
        if zone not in zones:
            raise Em2024Error('%s: zone %r not in %s' % (where, zone, ZONES_CSV))
        zline, z = zones[zone]
        lc = _figure(z[C_LIFECYCLE], '%s:%d life cycle' % (ZONES_CSV, zline))
        di = _figure(z[C_DIRECT], '%s:%d direct' % (ZONES_CSV, zline))
        # the derived table copies the zone row: a mismatch means it is stale
        for col, v in (('em2024_lifecycle_gco2e_per_kwh', lc),
                       ('em2024_direct_gco2e_per_kwh', di)):
            if Decimal(r[col].strip() or '-1') != Decimal(v):
                raise Em2024Error('%s: %s %s differs from zone %s (%s line %d: %s)'
                                  % (where, col, r[col], zone, ZONES_CSV, zline, v))
        out[key] = {'zone': zone, 'lifecycle': lc, 'direct': di,
                    'zone_source': r['zone_source'].strip(), 'zone_line': zline}
    return out


_BASIS = {}


def basis(src):
    """{(provider, region): {'zone', 'lifecycle', 'direct', 'zone_source',
    'zone_line'}}, read once per sources folder."""
    if src not in _BASIS:
        _BASIS[src] = _read(src)
    return _BASIS[src]


def fill_grid(src, rec):
    """Set the default grid columns of a regions.csv record."""
    b = basis(src).get((rec['provider'], rec['region']))
    if b is None:
        raise Em2024Error('%s region %s: no zone in %s' % (rec['provider'], rec['region'],
                                                          MAP_CSV))
    rec.update(grid_gco2e_per_kwh=b['lifecycle'], grid_source=SRC, grid_year=YEAR,
               grid_level=LEVEL, grid_zone=b['zone'])


def summary_lines(src, regions):
    b = basis(src)
    per = {}
    for r in regions:
        per.setdefault(r['provider'], 0)
        per[r['provider']] += 1
    manual = sorted('%s %s (%s)' % (k[0], k[1], v['zone_source'])
                    for k, v in b.items() if not v['zone_source'].startswith(
                        'electricitymaps-datacenters'))
    unused = len(set(b) - {(r['provider'], r['region']) for r in regions})
    return ['grid: %d regions on %s %s life-cycle (%s), %d zones; mapping rows not '
            'in regions.csv: %d' % (len(regions), SRC, YEAR,
                                    ', '.join('%s %d' % kv for kv in sorted(per.items())),
                                    len({r['grid_zone'] for r in regions}), unused),
            'grid: zones not from the Electricity Maps data-centre list: %d: %s'
            % (len(manual), '; '.join(manual))]
