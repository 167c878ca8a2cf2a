# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Alternative figures for the uncertain inputs, for carbon-advisor's
uncertainty estimate.

Called by build-tables.py once instances.csv, regions.csv and the CCF
tables are built:

    res = uncertainty.build(src, instances, regions, ccf_instances,
                            ccf_regions, iso3)

res['tables'] is a list of (file name, columns, rows) to write:

  grid_alternatives.csv      every location-based grid-intensity figure the
                             sources hold for each region (one row per
                             source and year)
  pue_alternatives.csv       the region's published PUE per year and the
                             provider fleet values the sources hold
  embodied_alternatives.csv  the instance's share of host manufacturing
                             emissions by every source that covers it
  power_error.csv            relative error of the power curves at the four
                             loads: `modelled` from the component model's
                             leave-one-family-out test, `measured` from the
                             Teads sheet's own consistency between sizes of
                             the same host

res['used'] holds the source ids written, res['log'] the build-log lines.
data/README.md ("Uncertainty tables") describes the tables and the distributions the
program should draw from them.  Standard library only; Decimal arithmetic;
rows sorted; the same inputs always give the same rows.
"""

import csv
import math
import os
import re
from decimal import Decimal, ROUND_HALF_EVEN

import clouds
import em2024
import power_model as pm

# ---------------------------------------------------------------------------
# Input files (relative to SOURCES_DIR)

GSF_CSV = 'gsf-real-time-cloud/Cloud_Region_Metadata.csv'
EM_DC_CSV = 'electricitymaps-datacenters/data_centers.csv'
GOOGLE_DIR = 'gcp-region-carbon-info'
GOOGLE_YEARS = ('2021', '2022', '2023', '2024')      # 2019-2020 are lifecycle
TEADS_REGIONS_CSV = 'teads-aws-ec2-wattson/aws_regions_intensity.dotdecimal.csv'
OWID_CSV = 'codecarbon/global_energy_mix.csv'
NORDIC_CSV = 'codecarbon/nordic_emissions.csv'
GA_CI_CSV = 'green-algorithms/CI_aggregated.csv'
GA_DC_CSV = 'green-algorithms/cloudProviders_datacenters.csv'
GA_PUE_CSV = 'green-algorithms/defaults_PUE.csv'
MLCO2_CSV = 'mlco2-impact/impact.csv'
BOA_GWP_CSV = 'boavizta/boavizta_electricity_gwp_by_country.csv'
CCF_OLD_AZ_GRID_CSV = 'ccf-coefficients/grid-emissions-factors-azure.csv'
CCF_CONST_CSV = 'ccf-constants/ccf_cloud_constants.csv'
CCF_AWS_2026_CSV = 'ccf-coefficients/aws-instances-latest-2026.csv'

GSF_PROVIDER = {'aws': 'Amazon Web Services', 'gcp': 'Google Cloud',
                'azure': 'Microsoft Azure'}
GSF_GOOGLE_NOT_EM_YEAR = '2024'   # GSF's 2024 Google rows hold Google's own figure

# The fleet PUE ids regions.csv uses (so that its default is an alternative)
FLEET_PUE_ID = {'aws': ('ccf-2022', '2022'), 'gcp': ('ccf-gcp-2023', '2023'),
                'azure': ('ccf-azure-2022', '2022')}
CCF_DOCS_AZURE_PUE = '1.125'      # ccf-constants/PROVENANCE.md: "Docs give Azure PUE
                                  # both 1.185 and 'Average PUE: 1.125'"
TEADS_PUE = '1.2'                 # aws_regions_intensity.csv: 1.2 on every row

LOADS = (0, 10, 50, 100)
Q4 = Decimal('0.0001')
Q6 = Decimal('0.000001')
MILLION = Decimal(1000000)

GRID_COLS = ['provider', 'region', 'source', 'year', 'gco2e_per_kwh', 'level']
PUE_COLS = ['provider', 'region', 'source', 'year', 'pue']
EMBODIED_COLS = ['provider', 'instance_type', 'source', 'embodied_kgco2e']
POWER_ERROR_COLS = ['power_origin', 'load_pct', 'median_abs_rel_error', 'p95_abs_rel_error',
                    'worst_abs_rel_error', 'source']

SRC_TEADS_REGIONS = 'teads-regions-2022'
SRC_NORDIC = 'codecarbon-nordic'
SRC_GA_CI = 'green-algorithms-ci'
SRC_MLCO2_REGIONS = 'mlco2-impact-regions'
SRC_BOA_ELEC = 'boavizta-electricity'
SRC_CCF_DOCS = 'ccf-docs-2023'
SRC_CCF_OLD_GRID = 'ccf-coef-grid-2021'
SRC_CCF_2026 = 'ccf-embodied-2026'
SRC_LOFO = 'power-model-lofo'
SRC_SHEET_CHECK = 'teads-sheet-consistency'

SOURCES = [
    {
        'id': SRC_TEADS_REGIONS,
        'title': 'AWS region grid factors and PUE used by the Teads dataset and Wattson '
                 '(aws_regions_intensity.csv)',
        'publisher': 'Teads Engineering (factors from an older Cloud Carbon Footprint '
                     'methodology page: EPA eGRID, EEA, carbonfootprint.com, EMA Singapore)',
        'year': '2022',
        'licence': 'CC BY 4.0',
        'repo': 'valohai/wattson',
        'commit': '4d0d2e6e1503d173f27f6067e56207ce435d0be4',
        'provenance': 'teads-aws-ec2-wattson',
        'notes': 'data/aws_regions_intensity.csv read through its dot-decimal copy: '
                 'CO2e (metric gram/kWh) per AWS region (23 regions) and PUE 1.2 on every row. '
                 'Used only by the uncertainty tables.',
    },
    {
        'id': SRC_NORDIC,
        'title': 'Nordic bidding-zone electricity emission factors (nordic_emissions.json) '
                 'shipped in CodeCarbon',
        'publisher': 'CodeCarbon ("based on historical averages from ENTSO-E data")',
        'year': '2026',
        'licence': 'MIT',
        'repo': 'mlco2/codecarbon',
        'commit': 'b05965e43b690cdc53787c7577adbe6e2caf4ed9',
        'provenance': 'codecarbon',
        'notes': 'SE1-SE4 and NO1-NO5 18 g/kWh (2024), FI 72 g/kWh (2025). Matched by the '
                 'region\'s Electricity Maps zone code (SE-SE3 -> SE3), never by the file\'s '
                 'description, which calls SE4 "Stockholm region" (Stockholm is in SE3). '
                 'Used only by the uncertainty tables.',
    },
    {
        'id': SRC_GA_CI,
        'title': 'Green Algorithms calculator data v3.0: carbon intensity per country and '
                 'sub-national region, cloud data-centre locations and default PUEs',
        'publisher': 'Lannelongue, Grealey, Inouye (Green Algorithms)',
        'year': '2025',
        'licence': 'CC BY 4.0',
        'repo': 'GreenAlgorithms/green-algorithms-tool',
        'commit': '30df2feead1c7f5db87a3d86ca1239470a0cd415',
        'provenance': 'green-algorithms',
        'notes': 'Attribution: Lannelongue, Grealey, Inouye, "Green Algorithms: Quantifying the '
                 'Carbon Footprint of Computation", Adv. Sci. 2021. data/v3.0/CI_aggregated.csv '
                 '(gCO2e/kWh, mostly carbonfootprint.com March 2022, data years 2019-2021), '
                 'cloudProviders_datacenters.csv (GCP/Azure region -> location; a few GCP PUEs) '
                 'and defaults_PUE.csv (aws 1.2, gcp 1.12, azure 1.12). Used only by the '
                 'uncertainty tables.',
    },
    {
        'id': SRC_MLCO2_REGIONS,
        'title': 'ML CO2 Impact calculator cloud-region carbon intensity and PUE (impact.csv)',
        'publisher': 'Lacoste et al. (mlco2/impact)',
        'year': '2024',
        'licence': 'MIT',
        'repo': 'mlco2/impact',
        'commit': 'd0d3ee5a71ea222ac344a94900642ed2ce649af4',
        'provenance': 'mlco2-impact',
        'notes': 'data/impact.csv: impact (gCO2e/kWh) per provider region, from literature of '
                 '2017-2020 and eGRID; PUE for a few GCP regions. Used only by the uncertainty '
                 'tables.',
    },
    {
        'id': SRC_BOA_ELEC,
        'title': 'Boavizta electricity impact factors per country (crowdsourcing/'
                 'electrical_mix.csv, gwp)',
        'publisher': 'Boavizta (from Scarlat et al. 2022, Ember 2020, ADEME Base IMPACTS 2011)',
        'year': '2023',
        'licence': 'AGPL-3.0 repository; only the per-country figures (facts) are taken',
        'repo': 'Boavizta/boaviztapi',
        'commit': '15878f045bf06bc6ed685c7266c39f7e8498ab94',
        'provenance': 'boavizta',
        'notes': 'The gwp factor Boavizta uses per country (lowest priority number with a '
                 'value), kgCO2e/kWh written here in g/kWh; a lifecycle factor, not an '
                 'operational one. Used only by the uncertainty tables.',
    },
    {
        'id': SRC_CCF_DOCS,
        'title': 'Cloud Carbon Footprint methodology page: Azure average PUE 1.125',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2023',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/cloud-carbon-footprint',
        'commit': 'b7a049c7d25c0022919ab9010199dd9e77aa4577',
        'provenance': 'ccf-constants',
        'notes': 'microsite/docs/HowItWorks/Methodology.md (last changed 2023-09-12) states '
                 '"Average PUE: 1.125" for Azure where the code uses 1.185 (recorded in '
                 'ccf-constants/PROVENANCE.md). Used only by the uncertainty tables.',
    },
    {
        'id': SRC_CCF_OLD_GRID,
        'title': 'Cloud Carbon Footprint coefficients: Azure grid emission factors '
                 '(grid-emissions-factors-azure.csv)',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks), from EPA eGRID, EEA and '
                     'carbonfootprint.com',
        'year': '2023',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/ccf-coefficients',
        'commit': 'b0032d928c787cf76cecd7d1d611c5b46f366e29',
        'provenance': 'ccf-coefficients',
        'notes': 'Metric tonnes CO2e/kWh written here in g/kWh; Azure display names matched '
                 'to region codes (spaces removed, lower case); rows whose value lost its '
                 '"0." upstream (000077, 000402) are skipped. The AWS file of the same set '
                 'equals teads-regions-2022; the GCP file holds Google\'s 2019 lifecycle '
                 'figures; neither is used. Used only by the uncertainty tables.',
    },
    {
        'id': SRC_CCF_2026,
        'title': 'Cloud Carbon Footprint AWS instance list of 2026: platform embedded emissions '
                 '(aws-instances-latest-2026.csv)',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2026',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/ccf-coefficients',
        'commit': 'b0032d928c787cf76cecd7d1d611c5b46f366e29',
        'provenance': 'ccf-coefficients',
        'notes': 'Platform Embedded Emissions (mtCo2eq) per host, written in kg and shared by '
                 'vCPU over the largest type of the family in the same list (CCF\'s rule); '
                 'blank rows skipped. Used only by the uncertainty tables.',
    },
    {
        'id': SRC_LOFO,
        'title': 'Leave-one-family-out error of carbon-advisor\'s component power model on '
                 'the Teads sheet',
        'publisher': 'carbon-advisor (computed from teads-2022 and the power model\'s inputs)',
        'year': '2026',
        'licence': 'computed in this project; inputs under their own licences',
        'repo': '',
        'commit': '',
        'provenance': '',
        'upstream': 'data/build/power_model.py leave_one_family_out (run at every build)',
        'notes': '|model - sheet| / sheet for each EC2 row of the sheet, with the model refitted '
                 'without the row\'s family; median, 95th percentile (nearest rank) and worst '
                 'per load. See data/README.md ("Uncertainty tables").',
    },
    {
        'id': SRC_SHEET_CHECK,
        'title': 'Consistency of the Teads sheet between sizes of the same host',
        'publisher': 'carbon-advisor (computed from teads-2022)',
        'year': '2026',
        'licence': 'computed in this project; input CC BY 4.0 (Teads)',
        'repo': '',
        'commit': '',
        'provenance': '',
        'upstream': 'data/build/uncertainty.py (run at every build)',
        'notes': 'Per load, |row - same-host prediction| / row, where the prediction is the '
                 'host\'s median CPU+rest watts per vCPU times the row\'s vCPUs plus the row\'s '
                 'own memory and GPU watts; rows of hosts with a single size are left out. '
                 'Measures the sheet\'s rounding and share rule, not Teads\' measurement error. '
                 'See data/README.md ("Uncertainty tables").',
    },
]


class UncertaintyError(Exception):
    pass


def fail(msg):
    raise UncertaintyError(msg)


NUM_RE = re.compile(r'^-?[0-9]+(\.[0-9]+)?$')


def is_num(s):
    return bool(NUM_RE.match(s.strip()))


def dec_str(d):
    s = format(d, 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    return '0' if s in ('', '-0') else s


def num(s, what):
    """The source's figure as written (binary float noise removed like
    build-tables.py's clean_num)."""
    s = s.strip()
    if not is_num(s):
        fail('%s: not a plain decimal number: %r' % (what, s))
    digits = s.lstrip('-').replace('.', '').lstrip('0')
    if len(digits) > 15:
        s = '%.12g' % float(s)
    return dec_str(Decimal(s))


def read_rows(src, rel, skip=0, loose=False):
    """Rows of a CSV as dicts (header stripped); `skip` leading lines are
    dropped (Green Algorithms' units row).  A row with a different field
    count stops the build, or with loose=True is returned with the extra
    fields dropped and '_short'/'_long' set."""
    path = os.path.join(src, rel)
    if not os.path.isfile(path):
        fail('missing input file: %s' % path)
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    rows = rows[skip:]
    if not rows:
        fail('%s: empty' % rel)
    header = [h.strip() for h in rows[0]]
    out = []
    for i, r in enumerate(rows[1:], start=2 + skip):
        if not r or not any(x.strip() for x in r):
            continue
        d = dict(zip(header, r))
        d['_line'] = i
        if len(r) != len(header):
            if not loose:
                fail('%s:%d: expected %d fields, got %d' % (rel, i, len(header), len(r)))
            d['_badlen'] = True
        out.append(d)
    return header, out


def need(rel, header, cols):
    missing = [c for c in cols if c not in header]
    if missing:
        fail('%s: missing column(s): %s' % (rel, ', '.join(missing)))


def bkey(s):
    return s.encode()


# ---------------------------------------------------------------------------
# Grid intensity


def _gsf(src):
    h, rows = read_rows(src, GSF_CSV)
    need(GSF_CSV, h, ['year', 'cloud-provider', 'cloud-region', 'em-zone-id', 'geolocation',
                      'location', 'power-usage-effectiveness',
                      'grid-carbon-intensity-average-consumption-annual'])
    by = {}
    zone_table = {}
    for r in rows:
        by.setdefault((r['cloud-provider'], r['cloud-region'].strip()), []).append(r)
        z = r['em-zone-id'].strip()
        v = r['grid-carbon-intensity-average-consumption-annual'].strip()
        if not z or not v:
            continue
        if r['cloud-provider'] == GSF_PROVIDER['gcp'] and r['year'] == GSF_GOOGLE_NOT_EM_YEAR:
            continue
        prev = zone_table.setdefault(z, {}).get(r['year'])
        if prev is not None and prev != v:
            fail('%s:%d: zone %s %s is %s here, %s elsewhere' % (GSF_CSV, r['_line'], z,
                                                                 r['year'], v, prev))
        zone_table[z][r['year']] = v
    return by, zone_table


def _gsf_grid_rows(provider, region, rows, country, em_zone):
    """GSF rows whose grid average the builders would accept for this region
    (the same rules as regions.csv: build-tables.py for AWS, clouds.py for
    GCP and Azure), and the rejected ones as text."""
    fb = clouds.new_region_fb()
    rejected = []
    if provider == 'aws':
        ok = []
        for r in rows:
            z = r['em-zone-id'].strip()
            if z and z.split('-')[0] == country:
                ok.append(r)
            elif r['grid-carbon-intensity-average-consumption-annual'].strip():
                rejected.append('%s %s %s (GSF line %d): zone %r not in %s'
                                % (provider, region, r['year'], r['_line'], z, country))
        return ok, rejected
    acc = clouds.accept_gsf_rows(region, rows, country, None, fb)
    ok = clouds.zone_rows(region, acc, em_zone, fb)
    if provider == 'gcp':
        ok = [r for r in ok if r['year'] != GSF_GOOGLE_NOT_EM_YEAR]
    for r in rows:
        if r not in ok and r['grid-carbon-intensity-average-consumption-annual'].strip() \
                and not (provider == 'gcp' and r['year'] == GSF_GOOGLE_NOT_EM_YEAR):
            rejected.append('%s %s %s (GSF line %d): zone %r not the region\'s (%s, %s)'
                            % (provider, region, r['year'], r['_line'],
                               r['em-zone-id'].strip(), country, em_zone or 'no EM zone'))
    return ok, rejected


def _ga_year(*texts):
    for t in texts:
        m = re.search(r'data from (?:[A-Za-z]+ )?((?:19|20)[0-9]{2})', t)
        if m:
            return m.group(1)
    return ''


def _az_key(display):
    """'Norway East' / 'Germany North (Public)' -> 'norwayeast' / 'germanynorth'."""
    return re.sub(r'\s*\(.*\)\s*', '', display).replace(' ', '').lower()


def build_grid(src, regions, ccf_regions, iso3, log):
    gsf, zone_table = _gsf(src)
    _, em_rows = read_rows(src, EM_DC_CSV)
    em = {(r['provider'], r['region']): r for r in em_rows}
    google = {}
    for y in GOOGLE_YEARS:
        rel = os.path.join(GOOGLE_DIR, y + '.csv')
        h, rows = read_rows(src, rel)
        col = 'Grid carbon intensity (gCO2eq / kWh)'
        need(rel, h, ['Google Cloud Region', col])
        for r in rows:
            if r[col].strip():
                google[(r['Google Cloud Region'].strip(), y)] = r[col]
    h, trows = read_rows(src, TEADS_REGIONS_CSV)
    tcol = 'CO2e (metric gram/kWh)'
    need(TEADS_REGIONS_CSV, h, ['Region', tcol, 'PUE'])
    teads = {r['Region'].strip(): r for r in trows}
    h, orows = read_rows(src, OWID_CSV)
    owid = {r['iso3']: r for r in orows}
    h, nrows = read_rows(src, NORDIC_CSV)
    need(NORDIC_CSV, h, ['zone', 'emission_factor_gco2e_per_kwh', 'year'])
    nordic = {r['zone'].strip(): r for r in nrows}
    h, ci = read_rows(src, GA_CI_CSV, skip=1)
    need(GA_CI_CSV, h, ['location', 'carbonIntensity', 'source', 'comments'])
    ga_ci = {r['location'].strip(): r for r in ci}
    h, dc = read_rows(src, GA_DC_CSV, skip=1)
    need(GA_DC_CSV, h, ['provider', 'Name', 'location', 'PUE', 'source_PUE'])
    ga_dc = {}
    for r in dc:
        p = r['provider'].strip()
        k = r['Name'].strip() if p == 'gcp' else _az_key(r['Name'])
        ga_dc.setdefault((p, k), r)
    h, mrows = read_rows(src, MLCO2_CSV)
    need(MLCO2_CSV, h, ['provider', 'region', 'impact', 'PUE'])
    mlco2 = {(r['provider'].strip(), r['region'].strip()): r for r in mrows}
    h, brows = read_rows(src, BOA_GWP_CSV)
    need(BOA_GWP_CSV, h, ['iso3', 'gwp_kgco2e_per_kwh', 'chosen_reference_year'])
    boa = {r['iso3']: r for r in brows}
    h, arows = read_rows(src, CCF_OLD_AZ_GRID_CSV, loose=True)
    need(CCF_OLD_AZ_GRID_CSV, h, ['Region', 'CO2e (metric ton/kWh)'])
    old_az = {}
    for r in arows:
        v = r['CO2e (metric ton/kWh)'].strip()
        if r.get('_badlen') or not v.startswith('0.') or not is_num(v):
            log.append('grid: %s:%d (%s): value %r not used (lost its "0." upstream or '
                       'row malformed)' % (CCF_OLD_AZ_GRID_CSV, r['_line'], r['Region'], v))
            continue
        old_az[_az_key(r['Region'])] = v
    ccf_grid = {(r['provider'], r['region']): r['grid_gco2e_per_kwh'] for r in ccf_regions
                if r['grid_gco2e_per_kwh']}

    out = []
    rejected_all = []
    for reg in regions:
        p, name, country = reg['provider'], reg['region'], reg['country']
        e = em.get((p, name))
        zone = e['zone_key'].strip() if e else ''
        rows = gsf.get((GSF_PROVIDER[p], name), [])
        ok, rejected = _gsf_grid_rows(p, name, rows, country, zone)
        rejected_all.extend(rejected)
        if not zone and p == 'azure':
            zs = {r['em-zone-id'].strip() for r in ok if r['em-zone-id'].strip()}
            zone = zs.pop() if len(zs) == 1 else ''
        alts = {}

        def add(source, year, value, level, what):
            k = (source, year)
            v = num(value, '%s %s %s' % (p, name, what))
            if Decimal(v) < 0 or Decimal(v) > 2000:
                fail('%s %s: %s figure %s outside 0-2000' % (p, name, what, v))
            if Decimal(v) == 0:
                # Google's 2021-2022 figure for Montreal is a published 0
                log.append('grid: %s %s: %s %s figure is 0 g/kWh (kept: the source '
                           'states it)' % (p, name, what, year))
            if k in alts and alts[k][0] != v:
                fail('%s %s: two %s figures for %s %s: %s and %s'
                     % (p, name, what, source, year, alts[k][0], v))
            alts.setdefault(k, (v, level))

        # Electricity Maps: the region's own GSF rows, then its zone's
        # figures for the years those rows lack
        for r in ok:
            v = r['grid-carbon-intensity-average-consumption-annual'].strip()
            if v:
                add('em-via-gsf', r['year'], v, 'region', 'GSF')
        # (a sub-national zone with no figure of its own takes its country's
        # zone, the pairing clouds.zone_rows accepts: SE-SE3 -> SE)
        if zone:
            zt, lvl = zone_table.get(zone), 'region'
            if not zt and '-' in zone and zone.split('-')[0] == country:
                zt, lvl = zone_table.get(country), 'country'
            for y, v in sorted((zt or {}).items()):
                if ('em-via-gsf', y) not in alts:
                    add('em-via-gsf', y, v, lvl, 'EM zone')
        # Electricity Maps 2024 (the default's basis): life cycle and direct
        eb = em2024.basis(src).get((p, name))
        if eb:
            add(em2024.SRC, em2024.YEAR, eb['lifecycle'], em2024.LEVEL, 'EM 2024')
            add(em2024.SRC_DIRECT, em2024.YEAR, eb['direct'], em2024.LEVEL,
                'EM 2024 direct')
        if p == 'gcp':
            for y in GOOGLE_YEARS:
                if (name, y) in google:
                    add('google-region-carbon', y, google[(name, y)], 'region', 'Google')
        if (p, name) in ccf_grid:
            add('ccf-app-2024', '', ccf_grid[(p, name)], 'region', 'CCF')
        if p == 'aws' and name in teads:
            add(SRC_TEADS_REGIONS, '', teads[name][tcol], 'region', 'Teads')
        if p == 'azure' and name in old_az:
            add(SRC_CCF_OLD_GRID, '', dec_str(Decimal(old_az[name]) * MILLION), 'region',
                'old CCF')
        i3 = iso3.get(country)
        o = owid.get(i3) if i3 else None
        if o and o['carbon_intensity_gco2e_per_kwh'].strip():
            add('owid-ember', o['year'].strip(), o['carbon_intensity_gco2e_per_kwh'],
                'country', 'OWID')
        if zone:
            zcode = zone.split('-', 1)[1] if '-' in zone else zone
            nr = nordic.get(zcode)
            if nr and zone.split('-')[0] == country:
                add(SRC_NORDIC, nr['year'].strip(), nr['emission_factor_gco2e_per_kwh'],
                    'zone' if '-' in zone else 'country', 'CodeCarbon Nordic')
        loc = ''
        d = ga_dc.get((p, name))
        if d and d['location'].strip() in ga_ci:
            loc = d['location'].strip()
        elif zone and '-' in zone and zone in ga_ci:
            loc = zone
        elif country in ga_ci:
            loc = country
        if loc:
            g = ga_ci[loc]
            add(SRC_GA_CI, _ga_year(g['comments'], g['source']), g['carbonIntensity'],
                'zone' if '-' in loc else 'country', 'Green Algorithms')
        m = mlco2.get((p, name))
        if m and m['impact'].strip():
            add(SRC_MLCO2_REGIONS, '', m['impact'], 'region', 'mlco2')
        b = boa.get(i3) if i3 else None
        if b and b['gwp_kgco2e_per_kwh'].strip():
            y = b['chosen_reference_year'].strip()
            add(SRC_BOA_ELEC, y if re.match(r'^[0-9]{4}$', y) else '',
                dec_str(Decimal(num(b['gwp_kgco2e_per_kwh'], 'Boavizta')) * 1000),
                'country', 'Boavizta')
        # the default of regions.csv must be one of them
        dk = (reg['grid_source'], reg['grid_year'])
        if dk not in alts or Decimal(alts[dk][0]) != Decimal(reg['grid_gco2e_per_kwh']):
            fail('%s %s: the regions.csv grid figure %s (%s %s) is not among the '
                 'alternatives' % (p, name, reg['grid_gco2e_per_kwh'], dk[0], dk[1]))
        for (s, y), (v, lvl) in alts.items():
            out.append({'provider': p, 'region': name, 'source': s, 'year': y,
                        'gco2e_per_kwh': v, 'level': lvl})
    out.sort(key=lambda r: (bkey(r['provider']), bkey(r['region']), bkey(r['source']),
                            bkey(r['year'])))
    log.append('grid: %d GSF rows not used (EM zone not the region\'s, the rule of '
               'regions.csv)' % len(rejected_all))
    return out


# ---------------------------------------------------------------------------
# PUE


def build_pue(src, regions, log):
    gsf, _ = _gsf(src)
    h, crows = read_rows(src, CCF_CONST_CSV)
    fleet, ttm = {}, {}
    for r in crows:
        if r['constant'] == 'PUE_AVG' and r['region'] == 'all':
            fleet[r['provider']] = r['value'].strip()
        elif r['constant'] == 'PUE_TRAILING_TWELVE_MONTH':
            ttm[(r['provider'], r['region'])] = r['value'].strip()
    for p in ('aws', 'gcp', 'azure'):
        if p not in fleet:
            fail('%s: no %s PUE_AVG' % (CCF_CONST_CSV, p))
    h, trows = read_rows(src, TEADS_REGIONS_CSV)
    tpue = {r['PUE'].strip() for r in trows}
    if tpue != {TEADS_PUE}:
        fail('%s: PUE column is %s, expected %s on every row'
             % (TEADS_REGIONS_CSV, sorted(tpue), TEADS_PUE))
    h, prow = read_rows(src, GA_PUE_CSV, skip=1)
    need(GA_PUE_CSV, h, ['provider', 'PUE'])
    ga_fleet = {r['provider'].strip(): r['PUE'].strip() for r in prow}
    h, dc = read_rows(src, GA_DC_CSV, skip=1)
    ga_dc = {}
    for r in dc:
        pr = r['provider'].strip()
        k = r['Name'].strip() if pr == 'gcp' else _az_key(r['Name'])
        ga_dc.setdefault((pr, k), r)
    h, mrows = read_rows(src, MLCO2_CSV)
    mlco2 = {(r['provider'].strip(), r['region'].strip()): r for r in mrows}
    ccf_prov = os.path.join(src, 'ccf-constants', 'PROVENANCE.md')
    with open(ccf_prov, encoding='utf-8') as f:
        if 'Average PUE: %s' % CCF_DOCS_AZURE_PUE not in f.read():
            fail('%s no longer records CCF\'s documented Azure PUE %s'
                 % (ccf_prov, CCF_DOCS_AZURE_PUE))

    out = []
    for reg in regions:
        p, name, country = reg['provider'], reg['region'], reg['country']
        rows = gsf.get((GSF_PROVIDER[p], name), [])
        if p != 'aws':
            rows = clouds.accept_gsf_rows(name, rows, country, None, clouds.new_region_fb())
        alts = {}

        def add(source, year, value, what):
            v = num(value, '%s %s %s PUE' % (p, name, what))
            if Decimal(v) < 1 or Decimal(v) > 3:
                fail('%s %s: %s PUE %s outside 1-3' % (p, name, what, v))
            k = (source, year)
            if k in alts and alts[k] != v:
                fail('%s %s: two %s PUEs for %s %s' % (p, name, what, source, year))
            alts[k] = v

        for r in rows:
            v = r['power-usage-effectiveness'].strip()
            if v:
                add('gsf-rtc/' + p, r['year'], v, 'GSF')
        if (p, name) in ttm:
            add('ccf-app-2024', '', ttm[(p, name)], 'CCF trailing twelve months')
        fid, fy = FLEET_PUE_ID[p]
        add(fid, fy, fleet[p], 'CCF fleet')
        if p == 'azure':
            add(SRC_CCF_DOCS, '', CCF_DOCS_AZURE_PUE, 'CCF docs')
        if p == 'aws':
            add(SRC_TEADS_REGIONS, '', TEADS_PUE, 'Teads')
        if p in ga_fleet:
            add(SRC_GA_CI, '', ga_fleet[p], 'Green Algorithms default')
        d = ga_dc.get((p, name))
        if d and d['PUE'].strip():
            # the data centre's own figure, dated by its source (29/09/2020)
            m = re.search(r'\(\d\d/\d\d/((?:19|20)\d\d)\)', d['source_PUE'])
            if not m:
                fail('%s: %s %s: PUE without a dated source' % (GA_DC_CSV, p, name))
            add(SRC_GA_CI, m.group(1), d['PUE'], 'Green Algorithms data centre')
        m = mlco2.get((p, name))
        if m and m['PUE'].strip():
            add(SRC_MLCO2_REGIONS, '', m['PUE'], 'mlco2')
        dk = (reg['pue_source'], reg['pue_year'])
        if dk not in alts or Decimal(alts[dk]) != Decimal(reg['pue']):
            fail('%s %s: the regions.csv PUE %s (%s %s) is not among the alternatives'
                 % (p, name, reg['pue'], dk[0], dk[1]))
        for (s, y), v in alts.items():
            out.append({'provider': p, 'region': name, 'source': s, 'year': y, 'pue': v})
    out.sort(key=lambda r: (bkey(r['provider']), bkey(r['region']), bkey(r['source']),
                            bkey(r['year'])))
    return out


def _fix_ga_year(rows):
    """Green Algorithms' per-data-centre PUE row carries its date (2020) as
    year; with no date found it would carry 'region', which is not a year:
    refuse it rather than write it."""
    for r in rows:
        if r['year'] and not re.match(r'^[0-9]{4}$', r['year']):
            fail('pue %s %s: year %r' % (r['provider'], r['region'], r['year']))


# ---------------------------------------------------------------------------
# Embodied


def build_embodied(src, instances, ccf_instances, log):
    q = lambda d: dec_str(d.quantize(Q6, rounding=ROUND_HALF_EVEN))  # noqa: E731
    h, rows = read_rows(src, CCF_AWS_2026_CSV)
    col = 'Platform Embedded Emissions (mtCo2eq)'
    need(CCF_AWS_2026_CSV, h, ['Instance Type', 'vCPUs', col])
    fam_vcpus = {}
    c26 = {}
    blank = 0
    for r in rows:
        t = r['Instance Type'].strip()
        v = r['vCPUs'].strip()
        if not re.match(r'^[0-9]+$', v):
            continue
        fam = t.split('.')[0]
        fam_vcpus[fam] = max(fam_vcpus.get(fam, 0), int(v))
        e = r[col].strip()
        if not e:
            blank += 1
            continue
        if not is_num(e) or Decimal(e) <= 0:
            fail('%s:%d: bad %s %r' % (CCF_AWS_2026_CSV, r['_line'], col, e))
        c26[t] = (int(v), Decimal(e) * 1000)
    ccf = {(r['provider'], r['instance_type']): r for r in ccf_instances}
    out = []
    n26 = 0
    for i in instances:
        p, t = i['provider'], i['instance_type']
        v = int(i['vcpus'])
        out.append({'provider': p, 'instance_type': t, 'source': i['embodied_source'],
                    'embodied_kgco2e': i['embodied_kgco2e']})
        # Sources disagree on the host's manufacturing emissions and also on
        # how a host is shared (CCF divides by the vCPUs of the family's
        # largest type, which gives a t3.nano ten times the sheet's share).
        # The uncertainty wanted is the first: every source's HOST figure is
        # shared by this instance's own rule, the share instances.csv uses.
        share = Decimal(i['embodied_kgco2e']) / Decimal(i['embodied_host_kgco2e'])
        c = ccf.get((p, t))
        # --method ccf falls back on instances.csv's own host figure, or on
        # CCF's 2026 list, when CCF's coefficients lack one: not a new figure.
        if c and c['embodied_host_kgco2e'] and c['embodied_source'] not in (
                i['embodied_source'], SRC_CCF_2026):
            out.append({'provider': p, 'instance_type': t, 'source': c['embodied_source'],
                        'embodied_kgco2e': q(Decimal(c['embodied_host_kgco2e']) * share)})
        if p == 'aws' and t in c26:
            cv, kg = c26[t]
            if cv != v:
                log.append('embodied: %s has %d vCPUs in CCF 2026, %d in instances.csv; '
                           'instances.csv kept' % (t, cv, v))
            out.append({'provider': p, 'instance_type': t, 'source': SRC_CCF_2026,
                        'embodied_kgco2e': q(kg * share)})
            n26 += 1
    seen = set()
    for r in out:
        k = (r['provider'], r['instance_type'], r['source'])
        if k in seen:
            fail('embodied: two figures for %s %s from %s' % k)
        seen.add(k)
        if Decimal(r['embodied_kgco2e']) <= 0:
            fail('embodied: %s %s %s not > 0' % k)
    out.sort(key=lambda r: (bkey(r['provider']), bkey(r['instance_type']), bkey(r['source'])))
    log.append('embodied: CCF latest-2026 AWS list: %d rows with a figure used for %d '
               'instance types, %d blank rows skipped' % (len(c26), n26, blank))
    return out


# ---------------------------------------------------------------------------
# Power error


def p95(vals):
    """95th percentile, nearest-rank method (no interpolation)."""
    s = sorted(vals)
    return s[max(0, -(-95 * len(s) // 100) - 1)]


def sheet_consistency(rows):
    """Per load, the list of |row - same-host prediction| / row (see
    SRC_SHEET_CHECK), and the number of rows used."""
    hosts = {}
    for r in rows:
        k = (pm.family_of(r['Instance type'].strip()), r['Platform Total Number of vCPU'],
             r['Platform CPU Name'])
        hosts.setdefault(k, []).append(r)
    errs = [[] for _ in pm.LOADS]
    used = 0
    for k in sorted(hosts):
        rs = hosts[k]
        if len(rs) < 2:
            continue
        used += len(rs)
        for i, ld in enumerate(pm.LOADS):
            def rest(r):
                return (Decimal(r['Instance @ ' + ld]) - Decimal(r['RAMWatt @ ' + ld])
                        - Decimal(r['GPUWatt @ ' + ld]))
            m = pm.median([rest(r) / int(r['Instance vCPU']) for r in rs])
            for r in rs:
                a = Decimal(r['Instance @ ' + ld])
                pred = a - rest(r) + m * int(r['Instance vCPU'])
                errs[i].append(abs(pred - a) / a)
    return errs, used


def steffen(xs, ys):
    """GSL's Steffen interpolant through (xs, ys), as src/model/power.c uses it
    (floats: only used to report the gap to linear interpolation)."""
    n = len(xs)
    yp = [0.0] * n
    yp[0] = (ys[1] - ys[0]) / (xs[1] - xs[0])
    for i in range(1, n - 1):
        hi, him = xs[i + 1] - xs[i], xs[i] - xs[i - 1]
        si, sim = (ys[i + 1] - ys[i]) / hi, (ys[i] - ys[i - 1]) / him
        pi = (sim * hi + si * him) / (him + hi)
        yp[i] = ((math.copysign(1.0, sim) + math.copysign(1.0, si))
                 * min(abs(sim), abs(si), 0.5 * abs(pi)))
    yp[n - 1] = (ys[n - 1] - ys[n - 2]) / (xs[n - 1] - xs[n - 2])

    def f(x):
        i = 0
        while i < n - 2 and x > xs[i + 1]:
            i += 1
        h = xs[i + 1] - xs[i]
        s = (ys[i + 1] - ys[i]) / h
        a = (yp[i] + yp[i + 1] - 2 * s) / h / h
        b = (3 * s - 2 * yp[i] - yp[i + 1]) / h
        dx = x - xs[i]
        return ys[i] + dx * (yp[i] + dx * (b + dx * a))
    return f


def interpolation_gap(rows):
    """Per segment (0-10, 10-50, 50-100): per row the largest
    |Steffen - linear| / Steffen on a 0.5 % grid; returns (median, p95,
    worst) per segment, as percent strings rounded to 0.1."""
    xs = list(LOADS)
    segs = [[] for _ in range(3)]
    for r in rows:
        ys = [float(r['Instance @ ' + ld]) for ld in pm.LOADS]
        s = steffen(xs, ys)
        for j in range(3):
            worst = 0.0
            for k in range(2 * xs[j], 2 * xs[j + 1] + 1):
                x = k / 2
                lin = ys[j] + (ys[j + 1] - ys[j]) * (x - xs[j]) / (xs[j + 1] - xs[j])
                sv = s(x)
                worst = max(worst, abs(sv - lin) / sv)
            segs[j].append(worst)
    out = []
    for j in range(3):
        v = sorted(segs[j])
        out.append(('%d-%d' % (xs[j], xs[j + 1]), '%.1f' % (100 * v[len(v) // 2]),
                    '%.1f' % (100 * p95(v)), '%.1f' % (100 * v[-1])))
    return out


def build_power_error(src, log):
    rows = pm.read_teads_ec2(src)
    res = pm.leave_one_family_out(rows, src)
    if res['gaps']:
        fail('power model could not do %d sheet rows: %s' % (len(res['gaps']), res['gaps'][:3]))
    cons, used = sheet_consistency(rows)
    out = []

    def f(d):
        return dec_str(d.quantize(Q4, rounding=ROUND_HALF_EVEN))

    for i, name in enumerate(pm.LOAD_NAMES):
        o = res['overall'][name]
        out.append({'power_origin': 'modelled', 'load_pct': str(LOADS[i]),
                    'median_abs_rel_error': f(o['median']), 'p95_abs_rel_error': f(o['p95']),
                    'worst_abs_rel_error': f(o['worst']), 'source': SRC_LOFO})
        e = cons[i]
        out.append({'power_origin': 'measured', 'load_pct': str(LOADS[i]),
                    'median_abs_rel_error': f(pm.median(e)), 'p95_abs_rel_error': f(p95(e)),
                    'worst_abs_rel_error': f(max(e)), 'source': SRC_SHEET_CHECK})
    out.sort(key=lambda r: (bkey(r['power_origin']), int(r['load_pct'])))
    log.append('power error: modelled = leave-one-family-out on %d sheet rows; measured = '
               'same-host consistency on %d sheet rows' % (res['rows'], used))
    for r in out:
        log.append('  %-8s %3s %%  median %s  p95 %s  worst %s'
                   % (r['power_origin'], r['load_pct'], r['median_abs_rel_error'],
                      r['p95_abs_rel_error'], r['worst_abs_rel_error']))
    for seg, med, p, worst in interpolation_gap(rows):
        log.append('  Steffen vs linear between the points, %s %%: per-curve largest gap '
                   'median %s %%, p95 %s %%, worst %s %% (not in power_error.csv)'
                   % (seg, med, p, worst))
    return out


# ---------------------------------------------------------------------------


NORDIC_REPORT = (('aws', 'eu-north-1'), ('gcp', 'europe-north1'), ('gcp', 'europe-north2'),
                 ('azure', 'swedencentral'), ('azure', 'norwayeast'), ('azure', 'norwaywest'),
                 ('azure', 'denmarkeast'))


def _spread_lines(grid, pue, regions):
    out = []
    by = {}
    for r in grid:
        by.setdefault((r['provider'], r['region']), []).append(Decimal(r['gco2e_per_kwh']))
    pby = {}
    for r in pue:
        pby.setdefault((r['provider'], r['region']), []).append(Decimal(r['pue']))
    ratios = sorted((max(v) / min(v), k) for k, v in by.items() if min(v) > 0)
    counts = sorted(len(v) for v in by.values())
    out.append('grid alternatives: %d regions, %d-%d figures each (median %d); max/min '
               'ratio (regions without a 0 figure) median %.1f, largest %.1f (%s %s)'
               % (len(by), counts[0], counts[-1], counts[len(counts) // 2],
                  ratios[len(ratios) // 2][0], ratios[-1][0], ratios[-1][1][0],
                  ratios[-1][1][1]))
    default = {(r['provider'], r['region']): r['grid_gco2e_per_kwh'] for r in regions}
    for k in sorted(by):
        v = by[k]
        pv = pby.get(k, [])
        out.append('  %-6s %-26s grid min %-8s max %-8s n %2d default %-8s | PUE %s-%s n %d'
                   % (k[0], k[1], dec_str(min(v)), dec_str(max(v)), len(v), default[k],
                      dec_str(min(pv)), dec_str(max(pv)), len(pv)))
    return out


def build(src, instances, regions, ccf_instances, ccf_regions, iso3):
    log = []
    grid = build_grid(src, regions, ccf_regions, iso3, log)
    pue = build_pue(src, regions, log)
    _fix_ga_year(pue)
    emb = build_embodied(src, instances, ccf_instances, log)
    perr = build_power_error(src, log)
    log.extend(_spread_lines(grid, pue, regions))
    used = {r['source'] for rows in (grid, pue, emb, perr) for r in rows}
    nordic = []
    gby = {}
    for r in grid:
        gby.setdefault((r['provider'], r['region']), []).append(r)
    for k in NORDIC_REPORT:
        rs = gby.get(k)
        if not rs:
            continue
        vals = [Decimal(r['gco2e_per_kwh']) for r in rs]
        nordic.append('nordic %s %s: grid %s-%s g/kWh over %d figures: %s'
                      % (k[0], k[1], dec_str(min(vals)), dec_str(max(vals)), len(vals),
                         '; '.join('%s %s%s' % (r['source'], r['gco2e_per_kwh'],
                                                ' (' + r['year'] + ')' if r['year'] else '')
                                   for r in sorted(rs, key=lambda r: Decimal(
                                       r['gco2e_per_kwh'])))))
    log.extend(nordic)
    return {'tables': [('grid_alternatives.csv', GRID_COLS, grid),
                       ('pue_alternatives.csv', PUE_COLS, pue),
                       ('embodied_alternatives.csv', EMBODIED_COLS, emb),
                       ('power_error.csv', POWER_ERROR_COLS, perr)],
            'used': used, 'log': log}
