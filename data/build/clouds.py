# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""GCP and Azure rows for carbon-advisor's data tables.

Imported by build-tables.py.  build_gcp(src, model, stats, ctx) and
build_azure(src, model, stats, ctx) each return four row lists
(instances, regions, prices, unsupported) in the column layouts of
build-tables.py (INSTANCE_COLS, REGION_COLS, PRICE_COLS, and
provider / instance_type / reason for the unsupported list).

  src    the raw sources folder (../shared/data/sources)
  model  the fitted component power model (power_model.fit(...)); its
         curve(spec) gives the four power points or raises ModelGap
  stats  dict; this module fills stats['clouds'][provider]
  ctx    dict from build-tables.py: 'groups' (GROUPS), 'iso3' (ISO3),
         'continental' (CONTINENTAL), 'region_cols' (REGION_COLS) and
         'power_source' (the source id of the power model's curves)

The rules (which source wins, defaults, fallbacks, data traps found) are
written out in data/README.md ("GCP and Azure"); the comments here only name them.
Standard library only; the output depends only on the input files.
"""

import csv
import os
import re
from decimal import Decimal, ROUND_HALF_EVEN

import em2024
import newest_prices
from power_model import ModelGap

# ---------------------------------------------------------------------------
# Input files (relative to SOURCES_DIR)

GCP_PRICES_CSV = 'gcp-prices-cyclenerd/gcp_compute_prices.csv'
GCP_REGIONS_CSV = 'gcp-prices-cyclenerd/gcp_regions.csv'
GOOGLE_CARBON_DIR = 'gcp-region-carbon-info'
GOOGLE_OPERATIONAL_YEARS = ('2021', '2022', '2023', '2024')  # 2019-2020 are lifecycle
AZ_PRICES_CSV = 'azure-prices-anycloud/azure_vm_prices.csv'
BOA_GCP_CSV = 'boavizta/cloud_gcp.csv'
BOA_AZ_CSV = 'boavizta/cloud_azure.csv'
BOA_SERVER_CSV = 'boavizta/archetype_server.csv'
BOA_REGIONS_CSV = 'boavizta/cloud_regions.csv'
CCF_GCP_INST_CSV = 'ccf-coefficients/gcp-instances.csv'
CCF_AZ_INST_CSV = 'ccf-coefficients/azure-instances.csv'
CCF_GCP_EMB_CSV = 'ccf-coefficients/coefficients-gcp-embodied.csv'
CCF_AZ_EMB_CSV = 'ccf-coefficients/coefficients-azure-embodied.csv'
CCF_GCP_2026_CSV = 'ccf-coefficients/gcp-instances-latest-2026.csv'
CCF_CONST_CSV = 'ccf-constants/ccf_cloud_constants.csv'
GSF_CSV = 'gsf-real-time-cloud/Cloud_Region_Metadata.csv'
EM_DC_CSV = 'electricitymaps-datacenters/data_centers.csv'

GCP_PRICE_DATE = '2026-07-30'     # Cyclenerd pricing.yml "generated" date
AZ_PRICE_DATE = '2026-05-20'      # anycloud catalog commit "Update catalogs 2026-05-20"
GSF_PROVIDER = {'gcp': 'Google Cloud', 'azure': 'Microsoft Azure'}
GSF_GOOGLE_NOT_EM_YEAR = '2024'   # GSF's 2024 Google rows hold Google's figure, not EM's
GEO_TOLERANCE_DEG = 2             # GSF geolocation vs Electricity Maps point

# ---------------------------------------------------------------------------
# Embodied emissions: the Teads sheet's additive host model, with the
# coefficients Cloud Carbon Footprint uses in coefficients-*-embodied.csv
# (verified against every row of those files on each build, see
# check_ccf_coefficients).  kgCO2e per host.

EMB_BASE_KG = Decimal(1000)                      # reference server
EMB_MEM_KG_PER_GB = Decimal(533) / Decimal(384)  # above EMB_MEM_FREE_GB
EMB_MEM_FREE_GB = Decimal(16)
EMB_CPU_KG = Decimal(100)                        # per socket beyond the first
EMB_SSD_KG = Decimal(100)                        # per local SSD drive
EMB_HDD_KG = Decimal(50)                         # per local HDD drive
EMB_GPU_KG = Decimal(150)                        # per GPU
KG_Q = Decimal('0.01')
SHARE_Q = Decimal('0.000001')

# ---------------------------------------------------------------------------
# GPU names as the GPU table (data/build/gpu-specs.csv) spells them.

GCP_GPU = {
    'a100': 'A100',
    'a100-80gb': 'A100 80GB',
    'h100-80gb': 'H100',
    'h100-80gb-mega': 'H100',        # A3 Mega: same H100 80GB SXM, faster network
    'l4': 'L4',
    'rtx6000': 'RTX PRO 6000',       # G4: NVIDIA RTX PRO 6000 Blackwell Server Edition
}
AZ_GPU = {
    'A10': 'A10',
    'A100': 'A100',
    'A100-80GB': 'A100 80GB',
    'H100': 'H100',
    'H200': 'H200',
    'M60': 'M60',
    'MI25': 'MI25',
    'MI300X': 'MI300X',
    'T4': 'T4',
    'V100': 'V100',
    'V100-32GB': 'V100',             # same chip and power, 32 GB memory (as Teads' p3dn)
}

ARM_CPU_WORDS = ('Axion', 'Ampere', 'Graviton', 'Cobalt')

# GCP shared-core types and the standard shape whose host they run on.
GCP_SHARED_CORE = {'e2-micro': 'e2-standard', 'e2-small': 'e2-standard',
                   'e2-medium': 'e2-standard', 'f1-micro': 'n1-standard',
                   'g1-small': 'n1-standard'}

# Azure regions that no source names or places (location, country).
AZ_MANUAL_REGIONS = {
    'austriaeast': ('Austria East', None),
    'denmarkeast': ('Denmark East', None),
    'belgiumcentral': ('Belgium Central', None),
    'chilecentral': ('Chile Central', None),
    'malaysiawest': ('Malaysia West', None),
    'westindia': ('West India', None),
    'jioindiacentral': ('Jio India Central', 'IN'),
    'jioindiawest': ('Jio India West', 'IN'),
}

# ---------------------------------------------------------------------------
# Source ids added by this module (same shape as build-tables.py SOURCES).

SOURCES = [
    {
        'id': 'cyclenerd-2026-07',
        'title': 'Google Compute Engine machine-type prices per region (pricing.yml of the '
                 'Google Cloud pricing calculator by Cyclenerd)',
        'publisher': 'Google (Cloud Billing Catalog API; compiled by Nils Knieling / Cyclenerd)',
        'year': '2026',
        'licence': 'Apache-2.0 (repository); Google public list prices (facts)',
        'repo': 'Cyclenerd/google-cloud-pricing-cost-calculator',
        'commit': 'fd66b26ff84fee5cdd94f341ea89206e76c06b99',
        'provenance': 'gcp-prices-cyclenerd',
        'notes': 'pricing.yml generated 2026-07-30; hour (on-demand USD/h) and hour_spot; '
                 'month is not used (it includes sustained-use discounts); vCPU, memory and '
                 'bundled GPUs per machine type; region names from build/gcp.yml.',
    },
    {
        'id': 'anycloud-2026-05',
        'title': 'Azure VM pay-as-you-go Linux and Spot prices per size and region '
                 '(SkyPilot-format catalog azure/vms.csv)',
        'publisher': 'Microsoft (Azure Retail Prices API; catalog by anycloud-sh)',
        'year': '2026',
        'licence': 'no licence stated by the catalog repository; the prices are Microsoft '
                   'public retail prices (facts)',
        'repo': 'anycloud-sh/catalog',
        'commit': '62ff0a987e0c257a89235415d2877812fb1aaf29',
        'provenance': 'azure-prices-anycloud',
        'notes': 'Catalog of 2026-05-20; Price (Linux pay-as-you-go) and SpotPrice, USD per '
                 'hour; vCPUs, memory (GiB), GPU model and count per size.',
    },
    {
        'id': 'google-region-carbon',
        'title': 'Google Cloud region carbon data: grid carbon intensity and Google CFE% '
                 'per region and year',
        'publisher': 'Google (GoogleCloudPlatform/region-carbon-info)',
        'year': '2025',
        'licence': 'Apache-2.0',
        'repo': 'GoogleCloudPlatform/region-carbon-info',
        'commit': '49f3f26bfd682305e8d9b572fea1f811900421a9',
        'provenance': 'gcp-region-carbon-info',
        'notes': 'data/yearly/2021-2024.csv: operational location-based grid intensity '
                 '(gCO2e/kWh) and Google CFE (hourly carbon-free energy, 0-1); the 2019 and '
                 '2020 files give lifecycle intensities and are not used.',
    },
    {
        'id': 'gsf-rtc/gcp',
        'title': 'Google Cloud per-region PUE and market-based intensity as compiled in '
                 'Cloud_Region_Metadata.csv',
        'publisher': 'Google (compiled by Green Software Foundation Real-Time Cloud)',
        'year': '2026',
        'licence': 'figures published by Google (facts); GSF compilation carries an '
                   '"all rights reserved" notice so the file itself is not redistributed',
        'repo': 'Green-Software-Foundation/real-time-cloud',
        'commit': 'b2858aa2300ae2faf30ed9145b06dcb7ce995148',
        'provenance': 'gsf-real-time-cloud',
        'notes': 'Columns power-usage-effectiveness; provider-carbon-intensity-market-annual. '
                 'Data years 2019-2024 (per-row year in regions.csv).',
    },
    {
        'id': 'gsf-rtc/azure',
        'title': 'Microsoft Azure per-region PUE, renewable share and market-based intensity '
                 'as compiled in Cloud_Region_Metadata.csv',
        'publisher': 'Microsoft (compiled by Green Software Foundation Real-Time Cloud)',
        'year': '2026',
        'licence': 'figures published by Microsoft (facts); GSF compilation carries an '
                   '"all rights reserved" notice so the file itself is not redistributed',
        'repo': 'Green-Software-Foundation/real-time-cloud',
        'commit': 'b2858aa2300ae2faf30ed9145b06dcb7ce995148',
        'provenance': 'gsf-real-time-cloud',
        'notes': 'Columns power-usage-effectiveness; provider-cfe-annual; '
                 'provider-carbon-intensity-market-annual. Azure data years 2022-2023.',
    },
    {
        'id': 'ccf-gcp-2023',
        'title': 'Cloud Carbon Footprint GCP fleet-wide PUE constant (PUE_AVG = 1.1)',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2023',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/cloud-carbon-footprint',
        'commit': 'b7a049c7d25c0022919ab9010199dd9e77aa4577',
        'provenance': 'ccf-constants',
        'notes': 'packages/gcp/src/domain/GcpFootprintEstimationConstants.ts (last changed '
                 '2023-05-19); used only where Google publishes no regional PUE.',
    },
    {
        'id': 'ccf-azure-2022',
        'title': 'Cloud Carbon Footprint Azure fleet-wide PUE constant (PUE_AVG = 1.185)',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2022',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/cloud-carbon-footprint',
        'commit': 'b7a049c7d25c0022919ab9010199dd9e77aa4577',
        'provenance': 'ccf-constants',
        'notes': 'packages/azure/src/domain/AzureFootprintEstimationConstants.ts (last changed '
                 '2022-06-22); the CCF methodology page also states 1.125; the code value is '
                 'used. Only where Microsoft publishes no regional PUE.',
    },
    {
        'id': 'ccf-embodied-method',
        'title': 'Host manufacturing emissions by the Teads additive host model with Cloud '
                 'Carbon Footprint coefficients, applied by carbon-advisor to each series',
        'publisher': 'Cloud Carbon Footprint (coefficients); Teads Engineering (method); '
                     'applied by carbon-advisor',
        'year': '2021',
        'licence': 'Apache-2.0 (CCF coefficients); method CC BY 4.0 (Teads)',
        'repo': 'cloud-carbon-footprint/ccf-coefficients',
        'commit': 'b0032d928c787cf76cecd7d1d611c5b46f366e29',
        'provenance': 'ccf-coefficients',
        'notes': 'Host kgCO2e = 1000 + 533/384 per GB of memory above 16 GB + 100 per extra CPU '
                 'socket + 100 per local SSD + 150 per GPU (the coefficients of '
                 'coefficients-gcp-embodied.csv and coefficients-azure-embodied.csv, 2021-12 and '
                 '2023-01); host = largest size of the series in the price list; instance share '
                 '= vCPUs / host vCPUs. See data/README.md.',
    },
]

# ---------------------------------------------------------------------------
# Helpers (same conventions as build-tables.py)


class BuildError(Exception):
    pass


def fail(msg):
    raise BuildError(msg)


NUM_RE = re.compile(r'^-?[0-9]+(\.[0-9]+)?$')
INT_RE = re.compile(r'^[0-9]+$')


def is_num(s):
    return bool(NUM_RE.match(s))


def clean_num(s, what):
    s = s.strip()
    if not is_num(s):
        fail('%s: not a plain decimal number: %r' % (what, s))
    digits = s.lstrip('-').replace('.', '').lstrip('0')
    if len(digits) > 15:
        s = '%.12g' % float(s)
        if 'e' in s:
            fail('%s: cannot write %r without an exponent' % (what, s))
    return s


def dec_str(d):
    s = format(d, 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    if s in ('-0', ''):
        s = '0'
    return s


def whole(s):
    """int of a whole-number figure ('12', '12.0'), else None."""
    s = s.strip()
    if not is_num(s):
        return None
    d = Decimal(s)
    if d != d.to_integral_value():
        return None
    return int(d)


def read_csv(src, rel):
    path = os.path.join(src, rel)
    if not os.path.isfile(path):
        fail('missing input file: %s' % path)
    out = []
    with open(path, encoding='utf-8-sig', newline='') as f:
        reader = csv.reader(f)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            fail('%s: empty file' % rel)
        for row in reader:
            line = reader.line_num
            if not row or not any(x.strip() for x in row):
                continue
            if len(row) != len(header):
                fail('%s:%d: expected %d fields, got %d' % (rel, line, len(header), len(row)))
            d = dict(zip(header, row))
            d['_line'] = line
            out.append(d)
    return header, out


def need_cols(rel, header, cols):
    missing = [c for c in cols if c not in header]
    if missing:
        fail('%s: missing column(s): %s' % (rel, ', '.join(repr(c) for c in missing)))


def bkey(s):
    return s.encode()


def arch_of(cpu):
    return 'arm64' if any(w in cpu for w in ARM_CPU_WORDS) else 'x86_64'


def sockets_by_vendor(cpu):
    """CCF's convention where the host's socket count is unknown:
    AMD and Arm hosts one socket, Intel hosts two."""
    return 1 if ('AMD' in cpu or arch_of(cpu) == 'arm64') else 2


def host_kg(mem_gb, sockets, ssd_drives, gpus, hdd_drives=0):
    """Host manufacturing kgCO2e of the additive model, rounded to 0.01 kg."""
    mem = Decimal(mem_gb)
    extra_mem = (max(mem - EMB_MEM_FREE_GB, Decimal(0)) * EMB_MEM_KG_PER_GB).quantize(
        KG_Q, rounding=ROUND_HALF_EVEN)
    total = (EMB_BASE_KG + extra_mem + EMB_CPU_KG * max(sockets - 1, 0)
             + EMB_SSD_KG * ssd_drives + EMB_HDD_KG * hdd_drives + EMB_GPU_KG * gpus)
    return total.quantize(KG_Q, rounding=ROUND_HALF_EVEN)


def share_of(vcpus, host_vcpus):
    if vcpus >= host_vcpus:
        return Decimal(1)
    return Decimal(vcpus) / Decimal(host_vcpus)


# ---------------------------------------------------------------------------
# Shared readers


def read_boavizta_servers(src):
    h, rows = read_csv(src, BOA_SERVER_CSV)
    need_cols(BOA_SERVER_CSV, h, ['id', 'CPU.units', 'CPU.name', 'CPU.threads'])
    return {r['id'].strip(): r for r in rows}


def server_facts(srv):
    """(cpu_name, sockets or None, threads or None) of a Boavizta platform."""
    cpu = ' '.join(srv['CPU.name'].split())
    sockets = whole(srv['CPU.units']) if srv['CPU.units'].strip() else None
    threads = whole(srv['CPU.threads']) if srv['CPU.threads'].strip() else None
    return cpu, sockets, threads


def check_ccf_coefficients(src, stats_c):
    """Every row of CCF's GCP and Azure embodied tables must be reproduced by
    host_kg() from the row's own platform description (memory, drives, GPUs)
    plus its additional_cpus; stops the build otherwise."""
    n = 0
    for inst, emb, key in ((CCF_GCP_INST_CSV, CCF_GCP_EMB_CSV, 'Machine type'),
                           (CCF_AZ_INST_CSV, CCF_AZ_EMB_CSV, 'Virtual Machine')):
        _, irows = read_csv(src, inst)
        eh, erows = read_csv(src, emb)
        need_cols(emb, eh, ['type', 'microarchitecture', 'additional_cpus', 'total'])
        if len(irows) != len(erows):
            fail('%s and %s differ in length' % (inst, emb))
        for i, e in zip(irows, erows):
            if i[key] != e['type'] or i['Microarchitecture'] != e['microarchitecture']:
                fail('%s:%d and %s:%d describe different types' % (inst, i['_line'], emb,
                                                                     e['_line']))
            stype = i['Platform Storage Type'].strip().upper()
            drives = whole(i['Platform (largest instance) Storage Drive quantity'] or '0') or 0
            ssd = drives if stype == 'SSD' else 0
            hdd = drives if stype == 'HDD' else 0
            gpus = whole(i['Platform GPU'] or '0') or 0
            extra_cpu_sockets = int(Decimal(e['additional_cpus']) / EMB_CPU_KG) + 1
            got = host_kg(i['Platform Memory'], extra_cpu_sockets, ssd, gpus, hdd)
            if abs(got - Decimal(e['total'])) > Decimal('0.011'):
                fail('embodied coefficients do not reproduce %s:%d (%s): %s vs %s'
                     % (emb, e['_line'], e['type'], got, e['total']))
            n += 1
    stats_c['ccf_rows_reproduced'] = n


def ccf_2026_gcp_check(src, servers, stats_c):
    """Why gcp-instances-latest-2026.csv is not used: its platform figures track
    Boavizta's RAM.units x RAM.capacity, which for GCP platforms hold the
    largest VM's vCPUs and GB, i.e. tens of TB of memory per host."""
    h, rows = read_csv(src, CCF_GCP_2026_CSV)
    need_cols(CCF_GCP_2026_CSV, h, ['Instance Type', 'Platform',
                                    'Platform Embedded Emissions (kgCo2eq)'])
    ratios = []
    seen = set()
    for r in rows:
        p = r['Platform'].strip()
        s = servers.get(p)
        if p in seen or s is None:
            continue
        seen.add(p)
        try:
            ram = Decimal(s['RAM.units']) * Decimal(s['RAM.capacity'])
            kg = Decimal(r['Platform Embedded Emissions (kgCo2eq)'])
        except Exception:
            continue
        if ram > 0:
            ratios.append((kg / ram, p, kg, ram))
    ratios.sort()
    stats_c['ccf2026_kg_per_boavizta_ram_gb'] = (
        '%d platforms: %.2f-%.2f kg per GB of Boavizta RAM.units x RAM.capacity '
        '(e.g. %s)' % (len(ratios), ratios[0][0], ratios[-1][0],
                       '; '.join('%s %s kg for %s GB' % (p, dec_str(kg), dec_str(ram))
                                 for _, p, kg, ram in ratios if p in ('n2-standard',
                                                                      'c4a-standard'))))


def read_gsf(src, provider):
    h, rows = read_csv(src, GSF_CSV)
    need_cols(GSF_CSV, h, ['year', 'cloud-provider', 'cloud-region', 'em-zone-id', 'location',
                           'geolocation', 'provider-cfe-annual', 'power-usage-effectiveness',
                           'provider-carbon-intensity-market-annual',
                           'grid-carbon-intensity-average-consumption-annual',
                           'grid-carbon-intensity-marginal-consumption-annual'])
    by_region = {}
    zone_table = {}   # EM zone -> {year: (value, line)}
    for r in rows:
        if not INT_RE.match(r['year']):
            fail('%s:%d: bad year %r' % (GSF_CSV, r['_line'], r['year']))
        if r['cloud-provider'] == GSF_PROVIDER[provider]:
            by_region.setdefault(r['cloud-region'].strip(), []).append(r)
        z = r['em-zone-id'].strip()
        v = r['grid-carbon-intensity-average-consumption-annual'].strip()
        if not z or not v:
            continue
        if r['cloud-provider'] == GSF_PROVIDER['gcp'] and r['year'] == GSF_GOOGLE_NOT_EM_YEAR:
            continue
        prev = zone_table.setdefault(z, {}).get(r['year'])
        if prev is not None and prev[0] != v:
            fail('%s:%d: Electricity Maps figure for zone %s %s is %s here but %s on line %d'
                 % (GSF_CSV, r['_line'], z, r['year'], v, prev[0], prev[1]))
        zone_table[z][r['year']] = (v, r['_line'])
    return by_region, zone_table


def geo_pair(s):
    parts = [p.strip() for p in s.split(',')]
    if len(parts) != 2 or not all(is_num(p) for p in parts):
        return None
    return Decimal(parts[0]), Decimal(parts[1])


def newest(rows, col):
    for r in sorted(rows, key=lambda r: int(r['year']), reverse=True):
        v = r[col].strip()
        if v:
            return v, r['year']
    return None, None


def accept_gsf_rows(region, rows, country, em_point, fb):
    """GSF rows describing this region: the row's EM zone (when given) must be
    in the region's country, else none of the row's figures is used.  A GSF
    geolocation far from the Electricity Maps point is only reported (GSF's
    geolocations are approximate and some are wrong, e.g. sa-east-1)."""
    ok = []
    for r in rows:
        z = r['em-zone-id'].strip()
        if z and z.split('-')[0] != country:
            fb['gsf_rows_rejected'].append('%s %s (GSF line %d): em-zone-id %s is not in %s'
                                           % (region, r['year'], r['_line'], z, country))
            continue
        g = geo_pair(r['geolocation']) if r['geolocation'].strip() else None
        if g and em_point and (abs(g[0] - em_point[0]) > GEO_TOLERANCE_DEG
                               or abs(g[1] - em_point[1]) > GEO_TOLERANCE_DEG):
            fb['geo_far'].append('%s %s: GSF %s (%s) vs Electricity Maps %s,%s'
                                 % (region, r['year'], r['geolocation'].strip(),
                                    r['location'].strip(), dec_str(em_point[0]),
                                    dec_str(em_point[1])))
        ok.append(r)
    return ok


def zone_rows(region, rows, em_zone, fb):
    """The rows whose zone figures (grid average, marginal) may be used: the
    row's EM zone must be the region's zone in the Electricity Maps
    data-centre list, or that zone's country-level zone; a row without a
    zone is kept.  Disagreements are reported."""
    if not em_zone:
        return rows
    ok = []
    bad = set()
    for r in rows:
        z = r['em-zone-id'].strip()
        if not z or z == em_zone or z == em_zone.split('-')[0] or em_zone == z.split('-')[0]:
            ok.append(r)
        else:
            bad.add(z)
    if bad:
        fb['zone_mismatch'].append('%s: Electricity Maps data-centre list %s, GSF %s: GSF grid '
                                   'and marginal figures not used'
                                   % (region, em_zone, '/'.join(sorted(bad))))
    return ok


def read_em(src, provider):
    h, rows = read_csv(src, EM_DC_CSV)
    need_cols(EM_DC_CSV, h, ['provider', 'region', 'display_name', 'lon', 'lat', 'zone_key',
                             'country_iso2'])
    return {r['region']: r for r in rows if r['provider'] == provider}


def read_boa_regions(src, provider):
    h, rows = read_csv(src, BOA_REGIONS_CSV)
    need_cols(BOA_REGIONS_CSV, h, ['provider', 'region', 'usage_location'])
    return {r['region']: r['usage_location'].strip() for r in rows if r['provider'] == provider}


def fleet_pue(src, provider):
    h, rows = read_csv(src, CCF_CONST_CSV)
    need_cols(CCF_CONST_CSV, h, ['provider', 'constant', 'region', 'value'])
    v = [r['value'] for r in rows
         if r['provider'] == provider and r['constant'] == 'PUE_AVG' and r['region'] == 'all']
    if len(v) != 1:
        fail('%s: expected one %s PUE_AVG row, got %d' % (CCF_CONST_CSV, provider, len(v)))
    return clean_num(v[0], 'CCF %s PUE_AVG' % provider)


def region_groups(ctx, region, country):
    groups = [name for name, (members, _) in ctx['groups'].items()
              if members is not None and country in members]
    if sum(1 for g in groups if g in ctx['continental']) != 1:
        fail('region %s (country %s) must be in exactly one of %s; got %s'
             % (region, country, ', '.join(ctx['continental']), groups))
    return ';'.join(sorted(groups))


def fill_gsf_extras(rec, rows, zrows, provider, region):
    """Marginal (WattTime) from the zone-checked rows, market-based from the
    accepted GSF rows."""
    v, y = newest(zrows, 'grid-carbon-intensity-marginal-consumption-annual')
    if v is not None:
        rec.update(marginal_gco2e_per_kwh=clean_num(v, region + ' marginal'),
                   marginal_source='watttime-via-gsf', marginal_year=y)
    v, y = newest(rows, 'provider-carbon-intensity-market-annual')
    if v is not None:
        rec.update(market_gco2e_per_kwh=clean_num(v, region + ' market'),
                   market_source='gsf-rtc/' + provider, market_year=y)


def cfe_pct(frac, what):
    f = Decimal(clean_num(frac, what))
    if f < 0 or f > 1:
        fail('%s: CFE %s outside 0-1' % (what, frac))
    return dec_str(f * 100)


def check_region(rec):
    for c in ('pue', 'grid_gco2e_per_kwh'):
        if not rec[c] or Decimal(rec[c]) <= 0:
            fail('region %s: %s missing or not > 0' % (rec['region'], c))
    if Decimal(rec['pue']) < 1:
        fail('region %s: PUE %s below 1' % (rec['region'], rec['pue']))


def new_region_fb():
    return {'pue_fleet': [], 'gsf_rows_rejected': [], 'coord': [],
            'zone_mismatch': [], 'country_from': [], 'location_from': [], 'geo_far': []}


# ---------------------------------------------------------------------------
# Power


def call_model(model, gap, spec, provider, t, unsupported, stats_c):
    try:
        watts, note = model.curve(spec)
    except gap as e:
        reason = 'power model: %s' % e
        unsupported.append({'provider': provider, 'instance_type': t, 'reason': reason})
        return None
    if len(watts) != 4:
        fail('%s %s: power model gave %d points' % (provider, t, len(watts)))
    pts = []
    for w in watts:
        w = str(w)
        if not is_num(w):
            fail('%s %s: power model gave %r' % (provider, t, w))
        pts.append(Decimal(w))
    if pts[0] <= 0 or any(pts[i] > pts[i + 1] for i in range(3)):
        fail('%s %s: power model curve not positive and non-decreasing: %s'
             % (provider, t, '/'.join(map(str, watts))))
    if note:
        key = note.split('; ')[0]     # the CPU part; GPU parts vary with the count
        stats_c['model_notes'][key] = stats_c['model_notes'].get(key, 0) + 1
    return [str(w) for w in watts]


def power_source_id(model, ctx):
    sid = ctx.get('power_source') or getattr(model, 'source_id', None)
    if not sid:
        fail('no source id for the power model\'s curves (ctx power_source)')
    return sid


def gcp_vendor(series):
    """Vendor by Google's series naming, for series whose host CPU no source
    gives: a trailing 'a' after the generation digit is Arm (t2a, c4a, n4a),
    a trailing 'd' is AMD (n2d, c3d, c4d, n4d); others Intel."""
    m = re.match(r'^[a-z]+[0-9]+([a-z]?)$', series)
    last = m.group(1) if m else ''
    return {'a': 'arm', 'd': 'amd'}.get(last, 'intel')


def vendor_sockets(vendor):
    return 2 if vendor == 'intel' else 1


def instance_row(provider, t, family, vcpus, memory, gpus, gpu_model, cpu, arch, host,
                 watts, psrc, plat_kg, emb_kg, line):
    """One instances.csv row; HOST is (vCPUs, memory GiB, GPUs) of the host."""
    host_vcpus, host_mem, host_gpus = host
    return {
        'provider': provider, 'instance_type': t, 'family': family,
        'vcpus': str(vcpus), 'memory_gib': memory, 'gpus': str(gpus),
        'gpu_model': gpu_model, 'arch': arch, 'cpu_model': cpu,
        'host_vcpus': str(host_vcpus), 'host_memory_gib': dec_str(host_mem),
        'host_gpus': str(host_gpus),
        'power_idle_w': watts[0], 'power_10_w': watts[1], 'power_50_w': watts[2],
        'power_100_w': watts[3],
        'embodied_host_kgco2e': dec_str(plat_kg), 'embodied_kgco2e': dec_str(emb_kg),
        'power_origin': 'modelled', 'power_source': psrc,
        'embodied_source': 'ccf-embodied-method', 'source_line': str(line),
    }


def price_rows(provider, rows, tcol, pcol, scol, kept_types, date, source, stats_c):
    """prices.csv rows for kept types; counts skipped rows."""
    out = []
    seen = set()
    skip = stats_c['prices_skipped']
    spot_above = []
    for r in rows:
        t, region = r[tcol].strip(), r['region'].strip()
        p = r[pcol].strip()
        if not is_num(p) or Decimal(p) <= 0:
            continue          # counted by the caller (region/type scan)
        if t not in kept_types:
            skip['type not in instances.csv (unsupported)'] = \
                skip.get('type not in instances.csv (unsupported)', 0) + 1
            continue
        if (region, t) in seen:
            fail('%s line %d: duplicate price for %s %s' % (provider, r['_line'], region, t))
        seen.add((region, t))
        # on demand: a newer table's price where one was put in the row
        # (data/build/newest_prices.py); spot: always this table's
        rec = {'provider': provider, 'region': region, 'instance_type': t,
               'price_usd_per_h': clean_num(p, '%s line %d price' % (provider, r['_line'])),
               'price_date': r.get('_price_date', date),
               'price_source': r.get('_price_source', source), 'spot_usd_per_h': '',
               'spot_date': '', 'spot_source': ''}
        s = r[scol].strip()
        if s:
            if is_num(s) and Decimal(s) > 0:
                rec['spot_usd_per_h'] = clean_num(s, '%s line %d spot' % (provider, r['_line']))
                rec['spot_date'] = date
                rec['spot_source'] = source
                if Decimal(s) > Decimal(p):
                    spot_above.append('%s %s' % (region, t))
            else:
                stats_c['spot_bad'] += 1
        out.append(rec)
    out.sort(key=lambda r: (bkey(r['provider']), bkey(r['region']), bkey(r['instance_type'])))
    stats_c['spot_above'] = spot_above
    stats_c['spot_rows'] = sum(1 for r in out if r['spot_usd_per_h'])
    return out


def new_stats(stats, provider):
    c = stats.setdefault('clouds', {}).setdefault(provider, {})
    c.update({'prices_skipped': {}, 'spot_bad': 0, 'model_notes': {}, 'checks': [],
              'cpu_from': {}, 'embodied_vs_ccf': []})
    return c


def bad_price_scan(rows, pcol, stats_c):
    n = 0
    for r in rows:
        p = r[pcol].strip()
        if not is_num(p) or Decimal(p) <= 0:
            n += 1
    stats_c['prices_skipped']['zero/blank/unparsable on-demand price'] = n


# ---------------------------------------------------------------------------
# GCP


def gcp_group(t):
    """Series-shape the host is described by: n2-standard-8 -> n2-standard;
    -metal types are their own group; shared-core types use the series'
    standard shape."""
    if t in GCP_SHARED_CORE:
        return GCP_SHARED_CORE[t]
    parts = t.split('-')
    g = '-'.join(parts[:2])
    if t.endswith('-metal'):
        g += '-metal'
    return g


def gcp_vcpus_per_package(servers, sc):
    """vCPUs per CPU package by CPU name, from Boavizta's GCP host platforms
    (CPU.threads / CPU.units); the most common value wins and platforms
    that disagree are reported."""
    votes = {}
    for pid in sorted(servers):
        srv = servers[pid]
        if srv.get('manufacturer', '').strip() != 'GCP':
            continue
        cpu, units, threads = server_facts(srv)
        if cpu and units and threads and threads % units == 0:
            votes.setdefault(cpu, {}).setdefault(threads // units, []).append(pid)
    out = {}
    for cpu, v in sorted(votes.items()):
        ranked = sorted(v.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        out[cpu] = ranked[0][0]
        for n, pids in ranked[1:]:
            sc['checks'].append('Boavizta %s: %d vCPUs per %s package, the other %s '
                                'platform(s) give %d; %d used'
                                % (', '.join(pids), n, cpu, len(ranked[0][1]), out[cpu],
                                   out[cpu]))
    return out


def build_gcp(src, model, stats, ctx):
    provider = 'gcp'
    sc = new_stats(stats, provider)
    gap = ctx.get('gap', ModelGap)
    check_ccf_coefficients(src, sc)
    servers = read_boavizta_servers(src)
    ccf_2026_gcp_check(src, servers, sc)
    per_pkg = gcp_vcpus_per_package(servers, sc)

    ph, prows = read_csv(src, GCP_PRICES_CSV)
    need_cols(GCP_PRICES_CSV, ph, ['machine_type', 'region', 'vcpu', 'memory_gb', 'gpu_key',
                                   'gpu_count', 'local_ssd_gb', 'hour_usd', 'hour_spot_usd'])
    bad_price_scan(prows, 'hour_usd', sc)
    specs = {}      # type -> first row
    priced_regions = set()
    priced_types = set()
    for r in prows:
        t = r['machine_type'].strip()
        p = r['hour_usd'].strip()
        if is_num(p) and Decimal(p) > 0:
            priced_regions.add(r['region'].strip())
            priced_types.add(t)
        s = specs.get(t)
        key = (r['vcpu'], r['memory_gb'], r['gpu_key'], r['gpu_count'], r['local_ssd_gb'])
        if s is None:
            specs[t] = r
        elif (s['vcpu'], s['memory_gb'], s['gpu_key'], s['gpu_count'],
              s['local_ssd_gb']) != key:
            fail('%s:%d: %s has specs differing between regions' % (GCP_PRICES_CSV,
                                                                     r['_line'], t))

    bh, brows = read_csv(src, BOA_GCP_CSV)
    need_cols(BOA_GCP_CSV, bh, ['id', 'vcpu', 'memory', 'gpu_units', 'platform'])
    boa = {r['id'].strip(): r for r in brows}
    ch, crows = read_csv(src, CCF_GCP_2026_CSV)
    need_cols(CCF_GCP_2026_CSV, ch, ['Instance Type', 'CPU Name'])
    ccf26 = {r['Instance Type'].strip(): r for r in crows}
    ccf_i = {}
    _, irows = read_csv(src, CCF_GCP_INST_CSV)
    _, erows = read_csv(src, CCF_GCP_EMB_CSV)
    for i, e in zip(irows, erows):
        ccf_i.setdefault(i['Machine type'], []).append((i, e))

    # cross-checks of Boavizta / CCF 2026 against the price list
    for t in sorted(priced_types):
        r = specs[t]
        if t in boa:
            b = boa[t]
            if Decimal(b['vcpu']) != Decimal(r['vcpu']) or \
                    Decimal(b['memory']) != Decimal(r['memory_gb']):
                sc['checks'].append('%s: price list %s vCPU %s GB, Boavizta %s vCPU %s GB '
                                    '(price list kept)' % (t, r['vcpu'], r['memory_gb'],
                                                           b['vcpu'], b['memory']))
            if t in ccf26:
                bc = ' '.join(servers[b['platform'].strip()]['CPU.name'].split())
                cc = ' '.join(ccf26[t]['CPU Name'].split())
                if bc != cc:
                    sc['checks'].append('%s: Boavizta CPU %s, CCF 2026 CPU %s (Boavizta kept)'
                                        % (t, bc, cc))

    def platform_of(t):
        """Boavizta host platform id of a type: its own entry, else the
        platform named like its series-shape (n2-standard)."""
        if t in boa:
            return boa[t]['platform'].strip(), 'boavizta type'
        grp = gcp_group(t)
        base = grp[:-len('-metal')] if grp.endswith('-metal') else grp
        for cand in (grp, base):
            if cand in servers:
                return cand, 'boavizta series platform'
        return None, None

    # pass 1: host of every type
    psrc = power_source_id(model, ctx)
    instances, unsupported = [], []
    todo = []
    for t in sorted(priced_types, key=bkey):
        r = specs[t]
        vcpus = whole(r['vcpu'])
        if vcpus is None or vcpus < 1:
            unsupported.append({'provider': provider, 'instance_type': t,
                                'reason': 'fractional vCPU count %s (shared-core type)'
                                % r['vcpu'].strip()})
            continue
        if t.startswith('custom-'):
            unsupported.append({'provider': provider, 'instance_type': t,
                                'reason': 'custom machine type: no series or host in the '
                                          'sources'})
            continue
        gkey = r['gpu_key'].strip()
        gpus, gpu_model = 0, ''
        if gkey:
            if gkey not in GCP_GPU:
                fail('%s: unknown gpu_key %r (add it to GCP_GPU)' % (t, gkey))
            gpu_model = GCP_GPU[gkey]
            gpus = whole(r['gpu_count'])
            if gpus is None:
                unsupported.append({'provider': provider, 'instance_type': t,
                                    'reason': 'fractional GPU count %s of %s'
                                    % (r['gpu_count'].strip(), gpu_model)})
                continue
            if gpus < 1:
                fail('%s: gpu_key %s with %s GPUs' % (t, gkey, r['gpu_count']))
        elif r['gpu_count'].strip() not in ('', '0'):
            fail('%s: GPU count %s without gpu_key' % (t, r['gpu_count']))
        series = t.split('-')[0]
        grp = gcp_group(t)
        plat, how = platform_of(t)
        h = {'cpu': '', 'units': None, 'threads': None, 'how': 'none (series %s)' % series}
        oversize = False
        if plat is not None:
            cpu, units, threads = server_facts(servers[plat])
            n = per_pkg.get(cpu)
            if cpu and threads is not None and vcpus > threads:
                if how == 'boavizta type' and n:
                    # Boavizta names this type's CPU but its host is too
                    # small for it: the host gets as many packages as needed
                    sc['checks'].append('%s: %d vCPUs do not fit Boavizta\'s %s host (%d '
                                        'threads); host enlarged to whole packages of %d vCPUs'
                                        % (t, vcpus, plat, threads, n))
                    h = {'cpu': cpu, 'units': units, 'threads': threads, 'how': how}
                else:
                    oversize = True
                    grp += '+'    # other hardware than the series' Boavizta host
                    sc['checks'].append('%s: %d vCPUs do not fit Boavizta\'s %s host (%d '
                                        'threads); host CPU left unknown'
                                        % (t, vcpus, plat, threads))
            elif cpu:
                h = {'cpu': cpu, 'units': units, 'threads': threads, 'how': how}
        if not h['cpu'] and not oversize and t in ccf26 and ccf26[t]['CPU Name'].strip():
            h = {'cpu': ' '.join(ccf26[t]['CPU Name'].split()), 'units': None,
                 'threads': None, 'how': 'ccf 2026'}
        todo.append((t, r, vcpus, gpus, gpu_model, series, grp, h))

    # embodied platform of each group: its largest size (CCF's convention)
    largest = {}
    for t, r, vcpus, gpus, _, _, grp, _ in todo:
        if t in GCP_SHARED_CORE:
            continue
        k = (vcpus, Decimal(r['memory_gb']), gpus)
        if grp not in largest or k > largest[grp][0]:
            largest[grp] = (k, t)

    # pass 2: rows
    for t, r, vcpus, gpus, gpu_model, series, grp, h in todo:
        cpu = h['cpu']
        sc['cpu_from'][h['how']] = sc['cpu_from'].get(h['how'], 0) + 1
        (lv, lmem, lgpu), _ = largest[grp]
        metal = grp.endswith('-metal')
        # the host: a metal type is its own host; a GPU series' largest size
        # is the whole GPU server; otherwise Boavizta's host (whole CPU
        # packages, at least the series' largest size), with the memory per
        # vCPU of that largest size
        hv, hmem, hgpu, sockets = lv, lmem, lgpu, None
        if cpu:
            arch = arch_of(cpu)
            n = per_pkg.get(cpu)
            if metal:
                hv, hmem, hgpu = vcpus, Decimal(r['memory_gb']), gpus
                sockets = h['units'] or (-(-vcpus // n) if n else None)
            elif not lgpu:
                if n:
                    hv = max(h['threads'] or 0, -(-lv // n) * n)
                    sockets = hv // n
                else:
                    hv = max(h['threads'] or 0, lv)
                    sockets = h['units'] if h['threads'] == hv else None
                if hv > lv:
                    hmem = (lmem * hv / lv).quantize(KG_Q, rounding=ROUND_HALF_EVEN)
            elif n and lv % n == 0:
                sockets = lv // n
            if sockets and h['units'] and sockets != h['units'] and not metal:
                msg = ('%s: Boavizta gives %d sockets for %s threads of %s; %d used (%s vCPUs '
                       'per package)' % (grp, h['units'], h['threads'], cpu, sockets, n))
                if msg not in sc['checks']:
                    sc['checks'].append(msg)
            emb_sockets = sockets or h['units'] or sockets_by_vendor(cpu)
        else:
            vendor = gcp_vendor(series)
            arch = 'arm64' if vendor == 'arm' else 'x86_64'
            emb_sockets = vendor_sockets(vendor)
        host_vcpus = hv
        ssd = 1 if Decimal(r['local_ssd_gb'] or '0') > 0 else 0
        plat_kg = host_kg(hmem, emb_sockets, ssd, hgpu)
        emb = (plat_kg * share_of(vcpus, hv)).quantize(SHARE_Q, rounding=ROUND_HALF_EVEN)
        if t in ccf_i:
            i, e = ccf_i[t][0]
            tots = {Decimal(x[1]['total']) for x in ccf_i[t]}
            pv = Decimal(i['Platform vCPUs (highest vCPU possible)'])
            sc['embodied_vs_ccf'].append(
                (t, emb, [tt * min(Decimal(vcpus) / pv, Decimal(1)) for tt in sorted(tots)]))
        spec = {'vcpus': vcpus, 'memory_gib': Decimal(r['memory_gb']), 'cpu_model': cpu,
                'host_vcpus': host_vcpus, 'gpus': gpus, 'gpu_model': gpu_model,
                'arch': arch, 'provider': provider}
        if sockets:
            spec['cpu_sockets'] = sockets
        watts = call_model(model, gap, spec, provider, t, unsupported, sc)
        if watts is None:
            continue
        instances.append(instance_row(provider, t, series, vcpus,
                                      clean_num(r['memory_gb'], t + ' memory'), gpus,
                                      gpu_model, cpu, arch, (host_vcpus, hmem, hgpu), watts,
                                      psrc, plat_kg,
                                      emb, r['_line']))
    kept = {i['instance_type'] for i in instances}
    prices = price_rows(provider, prows, 'machine_type', 'hour_usd', 'hour_spot_usd', kept,
                        GCP_PRICE_DATE, 'cyclenerd-2026-07', sc)
    regions = build_gcp_regions(src, sorted(priced_regions), ctx, sc)
    finish(provider, instances, regions, prices, unsupported, sc)
    return instances, regions, prices, unsupported


def read_google_carbon(src):
    """{region: (year, grid, cfe, line)} from the newest operational year file."""
    out = {}
    for year in GOOGLE_OPERATIONAL_YEARS:
        rel = os.path.join(GOOGLE_CARBON_DIR, year + '.csv')
        h, rows = read_csv(src, rel)
        col = 'Grid carbon intensity (gCO2eq / kWh)'
        need_cols(rel, h, ['Google Cloud Region', 'Google CFE', col])
        if any(c.startswith('Lifecycle') for c in h):
            fail('%s: lifecycle intensities, not operational' % rel)
        for r in rows:
            out[r['Google Cloud Region'].strip()] = (year, r[col].strip(),
                                                     r['Google CFE'].strip(), r['_line'])
    return out


def build_gcp_regions(src, price_regions, ctx, sc):
    fb = new_region_fb()
    _, lrows = read_csv(src, GCP_REGIONS_CSV)
    locations = {r['region'].strip(): r['location'].strip() for r in lrows}
    em = read_em(src, 'gcp')
    boa_reg = read_boa_regions(src, 'gcp')
    gsf, _ = read_gsf(src, 'gcp')
    google = read_google_carbon(src)
    pue_fleet = fleet_pue(src, 'gcp')
    iso2 = {v: k for k, v in ctx['iso3'].items()}
    out = []
    for region in price_regions:
        e = em.get(region)
        country = e['country_iso2'].strip() if e else ''
        if not country and boa_reg.get(region) in iso2:
            country = iso2[boa_reg[region]]
            fb['country_from'].append('%s: Boavizta %s' % (region, boa_reg[region]))
        if not re.match(r'^[A-Z]{2}$', country):
            fail('gcp region %s: no country' % region)
        if boa_reg.get(region) and ctx['iso3'].get(country) != boa_reg[region]:
            sc['checks'].append('%s: Electricity Maps country %s, Boavizta %s'
                                % (region, country, boa_reg[region]))
        loc = locations.get(region)
        if not loc:
            fail('gcp region %s: no location in %s' % (region, GCP_REGIONS_CSV))
        em_point = None
        lat = lon = ''
        if e and e['lat'].strip() and e['lon'].strip():
            lat = clean_num(e['lat'], region + ' lat')
            lon = clean_num(e['lon'], region + ' lon')
            em_point = (Decimal(lat), Decimal(lon))
        rows = accept_gsf_rows(region, gsf.get(region, []), country, em_point, fb)
        if not lat:
            g, _ = newest(rows, 'geolocation')
            if g and geo_pair(g):
                lat, lon = [dec_str(x) for x in geo_pair(g)]
                fb['coord'].append('%s: GSF geolocation' % region)
            else:
                fb['coord'].append('%s: none' % region)
        rec = {c: '' for c in ctx['region_cols']}
        rec.update({'provider': 'gcp', 'region': region, 'location': loc, 'country': country,
                    'latitude': lat, 'longitude': lon,
                    'groups': region_groups(ctx, region, country)})
        v, y = newest(rows, 'power-usage-effectiveness')
        if v is not None:
            rec.update(pue=clean_num(v, region + ' pue'), pue_source='gsf-rtc/gcp', pue_year=y)
        else:
            rec.update(pue=pue_fleet, pue_source='ccf-gcp-2023', pue_year='2023')
            fb['pue_fleet'].append(region)
        gg = google.get(region)
        # grid: one basis for every region (data/build/em2024.py)
        em2024.fill_grid(src, rec)
        if gg and gg[2]:
            rec.update(cfe_pct=cfe_pct(gg[2], region + ' cfe'), cfe_source='google-region-carbon',
                       cfe_year=gg[0])
        zrows = zone_rows(region, rows, e['zone_key'].strip() if e else '', fb)
        fill_gsf_extras(rec, rows, zrows, 'gcp', region)
        check_region(rec)
        out.append(rec)
    sc['regions_fb'] = fb
    return out


# ---------------------------------------------------------------------------
# Azure

AZ_NAME_RE = re.compile(
    r'^Standard_(?P<series>[A-Z]+)(?P<n>[0-9]+)(?:-(?P<constrained>[0-9]+))?'
    r'(?P<feat>[a-z]*)(?:_(?P<acc>[A-Z][A-Za-z0-9]*))?(?:_(?P<cc>[a-z]+))?'
    r'(?:_(?P<sub>[0-9]+))?(?:_v(?P<ver>[0-9]+))?(?:_(?P<promo>Promo))?$')


def az_parse(t):
    m = AZ_NAME_RE.match(t)
    if not m:
        return None
    d = m.groupdict()
    ver = d['ver'] or ''
    feat = d['feat']
    vendor = 'amd' if 'a' in feat else ('arm' if 'p' in feat else 'intel')
    family = d['series'] + feat + (d['acc'] or '') + (d['cc'] or '') + ('v' + ver if ver else '')
    group = (d['series'], vendor, d['acc'] or '', d['cc'] or '', ver or '1')
    return {'family': family, 'group': group, 'feat': feat, 'series': d['series'],
            'acc': d['acc'] or '', 'n': int(d['n']), 'constrained': d['constrained'] is not None}


def boa_az_key(t):
    return t[len('Standard_'):].lower()


def build_azure(src, model, stats, ctx):
    provider = 'azure'
    sc = new_stats(stats, provider)
    gap = ctx.get('gap', ModelGap)
    servers = read_boavizta_servers(src)
    ph, prows = read_csv(src, AZ_PRICES_CSV)
    need_cols(AZ_PRICES_CSV, ph, ['instance_type', 'region', 'vcpu', 'memory_gib',
                                  'accelerator_name', 'accelerator_count',
                                  'price_usd_per_hour', 'spot_price_usd_per_hour'])
    bad_price_scan(prows, 'price_usd_per_hour', sc)
    specs = {}
    priced_regions = set()
    priced_types = set()
    for r in prows:
        t = r['instance_type'].strip()
        p = r['price_usd_per_hour'].strip()
        if is_num(p) and Decimal(p) > 0:
            priced_regions.add(r['region'].strip())
            priced_types.add(t)
        key = (r['vcpu'], r['memory_gib'], r['accelerator_name'], r['accelerator_count'])
        s = specs.get(t)
        if s is None:
            specs[t] = r
        elif (s['vcpu'], s['memory_gib'], s['accelerator_name'],
              s['accelerator_count']) != key:
            fail('%s:%d: %s has specs differing between regions' % (AZ_PRICES_CSV,
                                                                     r['_line'], t))

    # Boavizta: plain ids ('d2s_v4') win over 'standard_d2s_v4' when both exist
    bh, brows = read_csv(src, BOA_AZ_CSV)
    need_cols(BOA_AZ_CSV, bh, ['id', 'vcpu', 'memory', 'gpu_units', 'platform'])
    boa = {}
    for r in sorted(brows, key=lambda r: (not r['id'].startswith('standard_'), r['_line'])):
        k = r['id'].strip().lower()
        if k.startswith('standard_'):
            k = k[len('standard_'):]
        if k in boa and boa[k]['platform'] != r['platform']:
            sc['checks'].append('Boavizta lists %s on %s and %s; %s used'
                                % (k, boa[k]['platform'], r['platform'], r['platform']))
        boa[k] = r

    parsed = {}
    for t in priced_types:
        parsed[t] = az_parse(t)

    def type_cpu(t):
        b = boa.get(boa_az_key(t))
        if not b:
            return None
        plat = b['platform'].strip()
        if plat not in servers:
            fail('%s: platform %s of %s not in %s' % (BOA_AZ_CSV, plat, t, BOA_SERVER_CSV))
        cpu, sockets, _ = server_facts(servers[plat])
        return (cpu, sockets, b) if cpu else None

    # hardware groups: unanimous Boavizta CPU; largest priced size
    group_cpu = {}
    largest = {}
    for t in sorted(priced_types):
        p = parsed[t]
        if p is None:
            continue
        r = specs[t]
        v = whole(r['vcpu'])
        g = whole(r['accelerator_count'] or '0')
        if v is not None and not p['constrained']:
            k = (v, Decimal(r['memory_gib']), g if g is not None else 0)
            if p['group'] not in largest or k > largest[p['group']][0]:
                largest[p['group']] = (k, t)
        tc = type_cpu(t)
        if tc:
            group_cpu.setdefault(p['group'], set()).add((tc[0], tc[1]))

    for t in sorted(priced_types):
        b = boa.get(boa_az_key(t))
        r = specs[t]
        if b and (Decimal(b['vcpu']) != Decimal(r['vcpu'])
                  or abs(Decimal(b['memory']) - Decimal(r['memory_gib'])) > Decimal('0.01')):
            sc['checks'].append('%s: price catalogue %s vCPU %s GiB, Boavizta %s vCPU %s GB '
                                '(catalogue kept)' % (t, r['vcpu'], r['memory_gib'],
                                                      b['vcpu'], b['memory']))

    psrc = power_source_id(model, ctx)
    instances, unsupported = [], []

    def unsup(t, reason):
        unsupported.append({'provider': provider, 'instance_type': t, 'reason': reason})

    for t in sorted(priced_types, key=bkey):
        r = specs[t]
        p = parsed[t]
        if p is None:
            unsup(t, 'size name not understood (no series/version)')
            continue
        vcpus = whole(r['vcpu'])
        if vcpus is None or vcpus < 1:
            unsup(t, 'fractional vCPU count %s' % r['vcpu'])
            continue
        an, ac = r['accelerator_name'].strip(), r['accelerator_count'].strip()
        gpus, gpu_model = 0, ''
        if an:
            if an not in AZ_GPU:
                fail('%s: unknown accelerator %r (add it to AZ_GPU)' % (t, an))
            gpu_model = AZ_GPU[an]
            gpus = whole(ac) if ac else None
            if gpus is None:
                unsup(t, 'fractional GPU count %s of %s' % (ac, gpu_model))
                continue
            b = boa.get(boa_az_key(t))
            if b and '/' in b['gpu_units']:
                unsup(t, 'partial GPU (Boavizta: %s; the price catalogue says %s)'
                      % (b['gpu_units'].strip(), ac))
                continue
        elif ac:
            unsup(t, 'accelerator without a name (%s x; FPGA for NP sizes): not in the power '
                     'model' % ac)
            continue
        elif p['series'] == 'PB':
            unsup(t, 'FPGA size (PB series): not in the power model')
            continue
        elif p['acc'] or p['series'].startswith('N'):
            unsup(t, 'GPU size but the price catalogue gives no GPU model or count')
            continue
        tc = type_cpu(t)
        vendor = p['group'][1]
        if tc:
            cpu, sockets, _ = tc
            how = 'boavizta type'
        else:
            cands = group_cpu.get(p['group'], set())
            cpus = {c for c, _ in cands}
            socks = {x for _, x in cands}
            if len(cpus) == 1:
                cpu = next(iter(cpus))
                sockets = next(iter(socks)) if len(socks) == 1 else None
                how = 'boavizta hardware group'
            else:
                # no source (or no single answer) for the host CPU: the power
                # model falls back to its per-architecture figure
                cpu, sockets = '', vendor_sockets(vendor)
                how = ('none (Boavizta gives several for the group)' if cpus
                       else 'none (not in Boavizta)')
        if cpu:
            arch = arch_of(cpu)
            if arch == 'arm64' and vendor != 'arm' or arch != 'arm64' and vendor == 'arm':
                sc['checks'].append('%s: host CPU %s disagrees with the size name' % (t, cpu))
        else:
            arch = 'arm64' if vendor == 'arm' else 'x86_64'
        sc['cpu_from'][how] = sc['cpu_from'].get(how, 0) + 1
        if sockets is None:
            sockets = sockets_by_vendor(cpu)
            sc['cpu_from']['sockets by vendor convention'] = \
                sc['cpu_from'].get('sockets by vendor convention', 0) + 1
        (hv, hmem, hgpu), _ = largest[p['group']]
        ssd = 1 if 'd' in p['feat'] else 0
        plat_kg = host_kg(hmem, sockets, ssd, hgpu)
        # a constrained-vCPU size (E8-2s_v5) is listed with its parent's
        # vCPUs (8), so the share is the parent's hardware share
        emb = (plat_kg * share_of(vcpus, hv)).quantize(SHARE_Q, rounding=ROUND_HALF_EVEN)
        spec = {'vcpus': vcpus, 'memory_gib': Decimal(r['memory_gib']), 'cpu_model': cpu,
                'host_vcpus': hv, 'gpus': gpus, 'gpu_model': gpu_model, 'arch': arch,
                'provider': provider}
        watts = call_model(model, gap, spec, provider, t, unsupported, sc)
        if watts is None:
            continue
        instances.append(instance_row(provider, t, p['family'], vcpus,
                                      clean_num(r['memory_gib'], t + ' memory'), gpus,
                                      gpu_model, cpu, arch, (hv, hmem, hgpu), watts, psrc,
                                      plat_kg, emb,
                                      r['_line']))
    azure_ccf_crosscheck(src, instances, sc)
    kept = {i['instance_type'] for i in instances}
    prows, sc['newest_log'] = newest_prices.azure(
        src, prows, 'instance_type', 'price_usd_per_hour', AZ_PRICE_DATE, 'anycloud-2026-05',
        kept, {r['region'].strip() for r in prows})
    prices = price_rows(provider, prows, 'instance_type', 'price_usd_per_hour',
                        'spot_price_usd_per_hour', kept, AZ_PRICE_DATE, 'anycloud-2026-05', sc)
    regions = build_azure_regions(src, sorted(priced_regions), ctx, sc)
    finish(provider, instances, regions, prices, unsupported, sc)
    return instances, regions, prices, unsupported


def azure_ccf_crosscheck(src, instances, sc):
    _, irows = read_csv(src, CCF_AZ_INST_CSV)
    _, erows = read_csv(src, CCF_AZ_EMB_CSV)
    ccf = {}
    for i, e in zip(irows, erows):
        name = 'Standard_' + i['Virtual Machine'].strip().replace(' ', '_')
        ccf.setdefault(name.lower(), []).append((i, e))
    for inst in instances:
        hits = ccf.get(inst['instance_type'].lower())
        if not hits or '-' in inst['instance_type']:
            continue      # CCF takes a constrained size as its own whole host
        pv = Decimal(hits[0][0]['Platform vCPUs (highest vCPU possible)'])
        v = Decimal(inst['vcpus'])
        tots = sorted({Decimal(e['total']) for _, e in hits})
        sc['embodied_vs_ccf'].append((inst['instance_type'], Decimal(inst['embodied_kgco2e']),
                                      [tt * min(v / pv, Decimal(1)) for tt in tots]))
        if pv < v:
            sc['checks'].append('CCF %s: platform vCPUs %s below the size\'s %s'
                                % (inst['instance_type'], pv, v))


def build_azure_regions(src, price_regions, ctx, sc):
    fb = new_region_fb()
    em = read_em(src, 'azure')
    boa_reg = read_boa_regions(src, 'azure')
    gsf, _ = read_gsf(src, 'azure')
    pue_fleet = fleet_pue(src, 'azure')
    iso2 = {v: k for k, v in ctx['iso3'].items()}
    out = []
    for region in price_regions:
        e = em.get(region)
        raw_rows = gsf.get(region, [])
        manual = AZ_MANUAL_REGIONS.get(region)
        # country: Electricity Maps; GSF zone; Boavizta; manual table
        country = e['country_iso2'].strip() if e else ''
        if not country:
            zs = {r['em-zone-id'].strip().split('-')[0] for r in raw_rows
                  if r['em-zone-id'].strip()}
            if len(zs) == 1:
                country = zs.pop()
                fb['country_from'].append('%s: GSF zone' % region)
            elif boa_reg.get(region) in iso2:
                country = iso2[boa_reg[region]]
                fb['country_from'].append('%s: Boavizta %s' % (region, boa_reg[region]))
            elif manual and manual[1]:
                country = manual[1]
                fb['country_from'].append('%s: manual table (%s)' % (region, manual[0]))
        if not re.match(r'^[A-Z]{2}$', country):
            fail('azure region %s: no country' % region)
        if boa_reg.get(region) and ctx['iso3'].get(country) != boa_reg[region]:
            sc['checks'].append('%s: country %s, Boavizta %s' % (region, country,
                                                                 boa_reg[region]))
        em_point = None
        lat = lon = ''
        if e and e['lat'].strip() and e['lon'].strip():
            lat = clean_num(e['lat'], region + ' lat')
            lon = clean_num(e['lon'], region + ' lon')
            em_point = (Decimal(lat), Decimal(lon))
        rows = accept_gsf_rows(region, raw_rows, country, em_point, fb)
        if e and e['display_name'].strip():
            loc = e['display_name'].strip()
        elif manual:
            loc = manual[0]
            fb['location_from'].append('%s: manual table' % region)
        else:
            loc, _ = newest(rows, 'location')
            if not loc:
                fail('azure region %s: no location name' % region)
            fb['location_from'].append('%s: GSF' % region)
        if not lat:
            g, _ = newest(rows, 'geolocation')
            if g and geo_pair(g):
                lat, lon = [dec_str(x) for x in geo_pair(g)]
                fb['coord'].append('%s: GSF geolocation' % region)
            else:
                fb['coord'].append('%s: none' % region)
        rec = {c: '' for c in ctx['region_cols']}
        rec.update({'provider': 'azure', 'region': region, 'location': loc, 'country': country,
                    'latitude': lat, 'longitude': lon,
                    'groups': region_groups(ctx, region, country)})
        v, y = newest(rows, 'power-usage-effectiveness')
        if v is not None:
            rec.update(pue=clean_num(v, region + ' pue'), pue_source='gsf-rtc/azure',
                       pue_year=y)
        else:
            rec.update(pue=pue_fleet, pue_source='ccf-azure-2022', pue_year='2022')
            fb['pue_fleet'].append(region)
        # grid: one basis for every region (data/build/em2024.py)
        em2024.fill_grid(src, rec)
        zrows = zone_rows(region, rows, e['zone_key'].strip() if e else '', fb)
        v, y = newest(rows, 'provider-cfe-annual')
        if v is not None:
            rec.update(cfe_pct=cfe_pct(v, region + ' cfe'), cfe_source='gsf-rtc/azure',
                       cfe_year=y)
        fill_gsf_extras(rec, rows, zrows, 'azure', region)
        check_region(rec)
        out.append(rec)
    sc['regions_fb'] = fb
    return out


# ---------------------------------------------------------------------------
# Common checks and summary


def finish(provider, instances, regions, prices, unsupported, sc):
    instances.sort(key=lambda r: (bkey(r['provider']), bkey(r['instance_type'])))
    regions.sort(key=lambda r: (bkey(r['provider']), bkey(r['region'])))
    unsupported.sort(key=lambda r: (bkey(r['provider']), bkey(r['instance_type'])))
    names = [i['instance_type'] for i in instances]
    if len(names) != len(set(names)):
        fail('%s: duplicate instance type' % provider)
    rset = {r['region'] for r in regions}
    for p in prices:
        if p['region'] not in rset:
            fail('%s price for region %s not in regions' % (provider, p['region']))
    reasons = {}
    for u in unsupported:
        k = re.sub(r'[0-9.]+', 'N', u['reason'])
        reasons[k] = reasons.get(k, 0) + 1
    sc['unsupported_reasons'] = reasons
    sc['counts'] = (len(instances), len(regions), len(prices), len(unsupported))


def check_unique_names(instances, regions):
    """The C loader needs instance-type and region names unique across
    providers; stop the build on a clash."""
    for rows, col, what in ((instances, 'instance_type', 'instance type'),
                            (regions, 'region', 'region')):
        seen = {}
        for r in rows:
            n = r[col]
            if n in seen and seen[n] != r['provider']:
                fail('%s %s is used by both %s and %s' % (what, n, seen[n], r['provider']))
            if n in seen:
                fail('%s %s appears twice for %s' % (what, n, r['provider']))
            seen[n] = r['provider']


def summary_lines(stats):
    out = []
    for provider in ('gcp', 'azure'):
        c = stats.get('clouds', {}).get(provider)
        if not c or 'counts' not in c:
            continue
        n = c['counts']
        out.append('%s: %d instances, %d regions, %d prices, %d unsupported'
                   % (provider, n[0], n[1], n[2], n[3]))
        for k, v in sorted(c['unsupported_reasons'].items()):
            out.append('  unsupported %4d  %s' % (v, k))
        out.append('  prices skipped: %s' % ', '.join(
            '%s %d' % kv for kv in sorted(c['prices_skipped'].items())))
        out.append('  spot: %d rows with a spot price, %d unusable, %d above on-demand'
                   % (c['spot_rows'], c['spot_bad'], len(c['spot_above'])))
        out.append('  host CPU from: %s' % ', '.join('%s %d' % kv
                                                      for kv in sorted(c['cpu_from'].items())))
        for k, v in sorted(c['model_notes'].items()):
            out.append('  power model note (%d): %s' % (v, k))
        if 'ccf_rows_reproduced' in c:
            out.append('  embodied coefficients reproduce all %d CCF GCP/Azure embodied rows'
                       % c['ccf_rows_reproduced'])
        if 'ccf2026_kg_per_boavizta_ram_gb' in c:
            out.append('  CCF latest-2026 GCP list (not used): '
                       + c['ccf2026_kg_per_boavizta_ram_gb'])
        ev = c['embodied_vs_ccf']
        if ev:
            ratios = sorted(float(mine / min(cc, key=lambda x: abs(x - mine)))
                            for _, mine, cc in ev if cc and min(cc) > 0)
            if ratios:
                out.append('  embodied vs CCF 2021 (same type): %d types, ratio min %.2f '
                           'median %.2f max %.2f' % (len(ratios), ratios[0],
                                                     ratios[len(ratios) // 2], ratios[-1]))
        fb = c.get('regions_fb', {})
        out.append('  regions on fleet PUE: %d: %s' % (len(fb.get('pue_fleet', [])),
                                                       ' '.join(fb.get('pue_fleet', [])) or '-'))
        for k in ('gsf_rows_rejected', 'zone_mismatch', 'geo_far', 'coord',
                  'country_from', 'location_from'):
            for s in fb.get(k, []):
                out.append('  %s: %s' % (k, s))
        for s in c.get('newest_log', []):
            out.append('  prices: %s' % s)
        for s in c['checks']:
            out.append('  check: %s' % s)
    return out
