# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Grid zones and on-premises site defaults for `carbon-advisor track`.

Writes two tables (data/README.md):
- zones.csv: every Electricity Maps zone's 2024 yearly life-cycle,
  consumption-based grid intensity (the basis of the cloud regions'
  default figure), with the ISO 3166-1 alpha-3 code of country-level
  zones, which CodeCarbon logs (joined by name to CodeCarbon's own
  table of countries);
- site_defaults.csv: the PUE of an average enterprise data centre.

Standard library only; deterministic.  Called from build-tables.py's main.
"""

import csv
import os

from csvout import write_csv

EM_YEARLY = 'electricitymaps-yearly-2024/ci_yearly_2024_by_location.csv'
CC_MIX = 'codecarbon/global_energy_mix.csv'
LIFECYCLE = 'Carbon intensity gCO\u2082eq/kWh (Life cycle)'

ZONE_COLS = ['zone', 'zone_name', 'country', 'iso3', 'grid_gco2e_per_kwh',
             'grid_source', 'grid_year']
SITE_COLS = ['figure', 'value', 'source', 'year', 'notes']

SOURCES = [
    {
        'id': 'electricitymaps-2024',
        'title': 'Electricity Maps 2024 yearly carbon intensity per zone '
                 '(life-cycle and direct, consumption-based)',
        'publisher': 'Electricity Maps (packaged by nf-co2footprint)',
        'year': '2025',
        'licence': 'ODbL 1.0 (attribution: Electricity Maps (2025). 2024 Yearly '
                   'Carbon Intensity Data (Version January 27, 2025))',
        'repo': 'nextflow-io/nf-co2footprint',
        'commit': '9f05928f189cdb0e62c2f899e9025774d778c74b',
        'provenance': 'electricitymaps-yearly-2024',
        'notes': 'src/resources/ci_data/ci_yearly_2024_by_location.csv; column '
                 '"Carbon intensity gCO2eq/kWh (Life cycle)" per zone id.',
    },
    {
        'id': 'uptime-2025',
        'title': 'Uptime Institute Global Data Center Survey 2025 '
                 '(UII Keynote Report 180)',
        'publisher': 'Uptime Institute',
        'year': '2025',
        'licence': 'published survey figure (a fact)',
        'repo': '',
        'commit': '',
        'provenance': '',
        'upstream': 'https://intelligence.uptimeinstitute.com/resource/'
                    'uptime-institute-global-data-center-survey-2025',
        'notes': 'Average annual PUE of the respondents\' largest data centre: '
                 '1.54, "little change for the sixth consecutive year" (1.58 '
                 'in 2023, 1.56 in 2024).',
    },
]

# The default PUE of an on-premises site with its source.
SITE_DEFAULTS = [
    {'figure': 'pue', 'value': '1.54', 'source': 'uptime-2025', 'year': '2025',
     'notes': 'average enterprise data centre (Uptime Institute survey 2025)'},
]


# Country-level zones whose Electricity Maps name is not CodeCarbon's
# name of the country (global_energy_mix.csv), by zone id.
CODECARBON_NAMES = {
    'CD': 'Democratic Republic of Congo', 'CI': "Cote d'Ivoire",
    'CV': 'Cape Verde', 'GB': 'United Kingdom', 'IN': 'India',
    'PS': 'Palestine', 'RE': 'Reunion', 'TL': 'East Timor',
    'US': 'United States', 'VI': 'United States Virgin Islands',
}


def _iso3_by_name(src):
    """Country name -> ISO alpha-3 from CodeCarbon's energy mix table."""
    path = os.path.join(src, CC_MIX)
    with open(path, encoding='utf-8', newline='') as f:
        return {r['country_name']: r['iso3'] for r in csv.DictReader(f)}


def build_zones(src):
    iso3 = _iso3_by_name(src)
    path = os.path.join(src, EM_YEARLY)
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        zone = r['Zone id']
        # GLOBAL is Ember's 2023 world figure, not an Electricity Maps
        # zone of 2024: another basis, left out.
        if zone == 'GLOBAL' or not r['Datetime (UTC)'].startswith('2024'):
            continue
        value = r[LIFECYCLE]
        float(value)
        country = zone.split('-')[0]
        out.append({'zone': zone, 'zone_name': r['Zone name'],
                    'country': country,
                    'iso3': '' if '-' in zone else iso3.get(
                        CODECARBON_NAMES.get(zone, r['Zone name']), ''),
                    'grid_gco2e_per_kwh': value,
                    'grid_source': 'electricitymaps-2024', 'grid_year': '2024'})
    out.sort(key=lambda r: r['zone'].encode())
    seen = set()
    for r in out:
        for key in (r['zone'], r['iso3']):
            if key and key in seen:
                raise ValueError('zones: duplicate zone or iso3 %s' % key)
            seen.add(key)
    return out


def build(src, out_dir, sources, source_ids):
    """Write zones.csv and site_defaults.csv into OUT_DIR; add this module's
    sources to SOURCES (unless another module describes them) and return
    the ids used."""
    for s in SOURCES:
        if s['id'] not in source_ids:
            sources.append(dict(s, upstream=s.get('upstream', '')))
            source_ids.add(s['id'])
    write_csv(os.path.join(out_dir, 'zones.csv'), ZONE_COLS, build_zones(src))
    write_csv(os.path.join(out_dir, 'site_defaults.csv'), SITE_COLS, SITE_DEFAULTS)
    return {s['id'] for s in SOURCES}
