#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Build carbon-advisor's data tables from the raw public sources.

Usage: python3 data/build/build-tables.py SOURCES_DIR OUT_DIR

SOURCES_DIR is the folder of raw sources (../shared/data/sources), each with
its PROVENANCE.md.  OUT_DIR receives instances.csv, regions.csv, prices.csv,
groups.csv and sources.csv.  The output depends only on the input files:
rows are sorted, numbers are written as the source wrote them (or with a
fixed rule stated below), UTF-8, '\\n' line ends, no timestamps.

Every check that fails stops the build with a message and exit status 1.
A summary of what was read, kept and skipped goes to stderr.

Standard library only.  See data/README.md for the meaning of every column.
"""

import argparse
import csv
import os
import re
import statistics
import sys
from decimal import Decimal, ROUND_HALF_EVEN

# ---------------------------------------------------------------------------
# Input files (relative to SOURCES_DIR)

TEADS_CSV = 'teads-aws-ec2-wattson/aws_instances_dataset.dotdecimal.csv'
GSF_CSV = 'gsf-real-time-cloud/Cloud_Region_Metadata.csv'
EM_DC_CSV = 'electricitymaps-datacenters/data_centers.csv'
CCF_CONST_CSV = 'ccf-constants/ccf_cloud_constants.csv'
EC2SHOP_CSV = 'aws-ec2-prices-ec2shop/aws_ec2_ondemand_linux_prices.csv'
SPOT_CSV = 'spot-prices-coroot/aws_spot_prices.csv'

EXPECTED_EC2_ROWS = 408
TEADS_LIFETIME_H = Decimal(34560)   # the sheet's own amortisation (4 x 360 x 24)
PRICE_DATE = '2025-04-04'           # hawkFilePublicationDate of every ec2shop file
SPOT_DATE = '2024-08-09'            # coroot gh-pages snapshot
GSF_AWS = 'Amazon Web Services'

# ---------------------------------------------------------------------------
# Source ids (the values of every *_source column) and their metadata.
# 'provenance' names the folder whose PROVENANCE.md must mention 'commit'.

SOURCES = [
    {
        'id': 'gpu-training-speed',
        'title': 'Measured deep-learning training speed per GPU model, relative to '
                 'A100-80GB-SXM (gpu_relative_training_speed.csv)',
        'publisher': 'derived for this project from MLPerf Training, Lambda and '
                     'GPU-Insights results (see mlperf-training, lambda-gpu-benchmark, '
                     'gpu-insights)',
        'year': '2020-2026',
        'licence': 'derived figures; see the three upstream sources',
        'repo': '',
        'commit': '',
        'provenance': '',
        'upstream': 'gpu-training-throughput/gpu_relative_training_speed.csv (derived '
                    'by the script in that folder\'s PROVENANCE.md)',
        'notes': 'Rows gpu_model x scope all_mixed_precision: rel_median (the default '
                 'speed), rel_p25/rel_p75 or rel_min/rel_max (the spread), '
                 'n_benchmark_values; the exact script is in the PROVENANCE.md appendix. '
                 'Not official MLPerf scores (medians of raw run times).',
    },
    {
        'id': 'gpu-insights',
        'title': 'GPU-Insights training benchmark scores (benchmark-data.json)',
        'publisher': 'xiaoran007/GPU-Insights',
        'year': '2026',
        'licence': 'BSD-3-Clause',
        'repo': 'xiaoran007/GPU-Insights',
        'commit': 'f4f228e05b1489690b301bfc9eb2f92ee70b35c2',
        'provenance': 'gpu-training-throughput',
        'upstream': '',
        'notes': 'ver2 1-GPU fp16 scores (L40S, T4) inside gpu-training-speed.',
    },
    {
        'id': 'lambda-gpu-benchmark',
        'title': 'Lambda PyTorch GPU training throughput benchmark',
        'publisher': 'Lambda (lambdal/deeplearning-benchmark)',
        'year': '2025',
        'licence': 'no licence file in the repository; figures cited as facts',
        'repo': 'lambdal/deeplearning-benchmark',
        'commit': 'aa5addb6a53675a649a80036dad548f1c27cbcc4',
        'provenance': 'gpu-training-throughput',
        'upstream': '',
        'notes': 'v1 1-GPU fp16 throughput (H100-SXM vs A100-80GB-SXM) inside '
                 'gpu-training-speed.',
    },
    {
        'id': 'mlperf-training',
        'title': 'MLPerf Training results v0.7-v5.1 (closed division)',
        'publisher': 'MLCommons',
        'year': '2020-2025',
        'licence': 'Apache-2.0 (v4.1 has no licence file)',
        'repo': 'mlcommons/training_results_v0.7',
        'commit': '0a8a85a209c8e45b661596c382cc20f4e32fd2fe',
        'provenance': 'gpu-training-throughput',
        'upstream': '',
        'notes': 'Time-to-train of successful runs per round, benchmark and GPU count '
                 'inside gpu-training-speed; one repository per round (v0.7 named '
                 'here), every commit listed in the PROVENANCE.md. Unofficial derivation, not MLPerf scores.',
    },
    {
        'id': 'teads-2022',
        'title': 'EC2 Carbon Emissions Dataset (export shipped in Valohai Wattson)',
        'publisher': 'Teads Engineering',
        'year': '2022',
        'licence': 'CC BY 4.0',
        'repo': 'valohai/wattson',
        'commit': '4d0d2e6e1503d173f27f6067e56207ce435d0be4',
        'provenance': 'teads-aws-ec2-wattson',
        'notes': 'Attribution: "Teads Engineering, EC2 Carbon Emissions Dataset". '
                 'Per-instance power at 0/10/50/100 % load (W) and host Scope 3 '
                 '(kgCO2e); export of April 2022; file data/aws_instances_dataset.csv '
                 'read through its dot-decimal copy.',
    },
    {
        'id': 'gsf-rtc/aws',
        'title': 'AWS per-region PUE; renewable-matched share and market-based '
                 'intensity as compiled in Cloud_Region_Metadata.csv',
        'publisher': 'Amazon Web Services (compiled by Green Software Foundation Real-Time Cloud)',
        'year': '2026',
        'licence': 'figures published by AWS (facts); GSF compilation carries an '
                   '"all rights reserved" notice so the file itself is not redistributed',
        'repo': 'Green-Software-Foundation/real-time-cloud',
        'commit': 'b2858aa2300ae2faf30ed9145b06dcb7ce995148',
        'provenance': 'gsf-real-time-cloud',
        'notes': 'Columns power-usage-effectiveness; provider-cfe-annual; '
                 'provider-carbon-intensity-market-annual; location. Data years 2021-2024 '
                 '(per-row year in regions.csv).',
    },
    {
        'id': 'em-via-gsf',
        'title': 'Electricity Maps annual average consumption-based grid carbon intensity '
                 'per cloud region',
        'publisher': 'Electricity Maps (compiled by Green Software Foundation Real-Time Cloud)',
        'year': '2026',
        'licence': 'figures published by Electricity Maps (facts); GSF compilation carries an '
                   '"all rights reserved" notice so the file itself is not redistributed',
        'repo': 'Green-Software-Foundation/real-time-cloud',
        'commit': 'b2858aa2300ae2faf30ed9145b06dcb7ce995148',
        'provenance': 'gsf-real-time-cloud',
        'notes': 'Column grid-carbon-intensity-average-consumption-annual (gCO2e/kWh) with '
                 'em-zone-id. Location-based; consumption-based annual average.',
    },
    {
        'id': 'watttime-via-gsf',
        'title': 'WattTime annual average marginal grid carbon intensity per cloud region',
        'publisher': 'WattTime (compiled by Green Software Foundation Real-Time Cloud)',
        'year': '2026',
        'licence': 'figures published by WattTime (facts); GSF compilation carries an '
                   '"all rights reserved" notice so the file itself is not redistributed',
        'repo': 'Green-Software-Foundation/real-time-cloud',
        'commit': 'b2858aa2300ae2faf30ed9145b06dcb7ce995148',
        'provenance': 'gsf-real-time-cloud',
        'notes': 'Column grid-carbon-intensity-marginal-consumption-annual (gCO2e/kWh).',
    },
    {
        'id': 'owid-ember',
        'title': 'Carbon intensity of electricity generation per country (OWID energy '
                 'data) as shipped in CodeCarbon global_energy_mix.json',
        'publisher': 'Our World in Data based on Ember and Energy Institute (via CodeCarbon)',
        'year': '2024',
        'licence': 'CC BY 4.0 (OWID data); CodeCarbon repository MIT',
        'repo': 'mlco2/codecarbon',
        'commit': 'b05965e43b690cdc53787c7577adbe6e2caf4ed9',
        'provenance': 'codecarbon',
        'notes': 'Attribution: "Our World in Data based on Ember and Energy Institute". '
                 'Country-level fallback only; generation-based (not consumption-based); '
                 'newest year per country (2022 or 2023).',
    },
    {
        'id': 'ccf-2022',
        'title': 'Cloud Carbon Footprint AWS fleet-wide PUE constant (PUE_AVG = 1.135)',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2022',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/cloud-carbon-footprint',
        'commit': 'b7a049c7d25c0022919ab9010199dd9e77aa4577',
        'provenance': 'ccf-constants',
        'notes': 'packages/aws/src/domain/AwsFootprintEstimationConstants.ts (last changed '
                 '2022-11-02); used only where AWS publishes no regional PUE.',
    },
    {
        'id': 'ec2shop-2025-04',
        'title': 'AWS EC2 on-demand Linux prices per region (AWS pricing-page feed committed '
                 'in ec2.shop)',
        'publisher': 'Amazon Web Services (feed archived by yeo/ec2.shop)',
        'year': '2025',
        'licence': 'AWS public list prices (facts); ec2.shop repository MIT',
        'repo': 'yeo/ec2.shop',
        'commit': '74c9fd8ab5acfd9511cd6535f914d47071601ad2',
        'provenance': 'aws-ec2-prices-ec2shop',
        'notes': 'hawkFilePublicationDate 2025-04-04; shared tenancy; no pre-installed '
                 'software; USD per instance-hour; before the June 2025 GPU price cuts.',
    },
    {
        'id': 'coroot-spot-2024-08',
        'title': 'AWS EC2 Linux spot prices per region (Infracost price database dump by '
                 'coroot/cloud-pricing)',
        'publisher': 'coroot (from the Infracost Cloud Pricing API; AWS public prices)',
        'year': '2024',
        'licence': 'Apache-2.0',
        'repo': 'coroot/cloud-pricing',
        'commit': 'af03eada15b25d80863f2547ba281e71af9d5c91',
        'provenance': 'spot-prices-coroot',
        'notes': 'Snapshot 2024-08-09 (gh-pages branch); spot only (its on-demand prices '
                 'are not tenancy-filtered and are not used); indicative.',
    },
    {
        'id': 'em-datacenters',
        'title': 'Cloud region coordinates and Electricity Maps zones (config/data_centers)',
        'publisher': 'Electricity Maps (electricitymaps-contrib)',
        'year': '2026',
        'licence': 'AGPL-3.0 repository; only coordinates and country codes (facts) are taken',
        'repo': 'electricitymaps/electricitymaps-contrib',
        'commit': 'b354f28aad434182bf591c51481e7eded62306cf',
        'provenance': 'electricitymaps-datacenters',
        'notes': 'Used for regions.csv country; latitude; longitude (no *_source column).',
    },
]
# Modelled AWS rows (types the Teads sheet lacks) and their sources.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aws_current  # noqa: E402
SOURCES.extend(aws_current.SOURCES)
# Cloud Carbon Footprint's coefficients for --method ccf (data/build/ccf.py).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ccf  # noqa: E402
SOURCES.extend(ccf.SOURCES)
# GCP and Azure rows and their sources (data/build/clouds.py).
import clouds  # noqa: E402
SOURCES.extend(s for s in clouds.SOURCES if s['id'] not in {x['id'] for x in SOURCES})
# Alternative figures for the uncertainty estimate (data/build/uncertainty.py).
import uncertainty  # noqa: E402
SOURCES.extend(uncertainty.SOURCES)
# The one basis of every region's default grid intensity (data/build/em2024.py).
import em2024  # noqa: E402
SOURCES.extend(em2024.SOURCES)
# The newest price per pair (data/build/newest_prices.py).
import newest_prices  # noqa: E402
SOURCES.extend(newest_prices.SOURCES)
# Accelerator ecosystem, GPU memory, burstable baselines (data/build/accelerators.py).
import accelerators  # noqa: E402
SOURCES.extend(accelerators.SOURCES)
SOURCE_IDS = {s['id'] for s in SOURCES}
import zones  # noqa: E402  (data/build/zones.py: grid zones, site PUE)
import equivalents  # noqa: E402  (data/build/equivalents.py: the report's)
from csvout import write_csv  # noqa: E402  (data/build/csvout.py)

# ---------------------------------------------------------------------------
# Region groups, decided by ISO 3166-1 alpha-2 country (govcloud by partition).

EU27 = ('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO '
        'SK SI ES SE').split()
NORDICS = 'SE NO DK FI IS'.split()
EUROPE = sorted(set(EU27) | set('GB CH NO IS LI'.split()))
AMERICAS = 'US CA MX BR CL AR CO PE'.split()
APAC = 'AU NZ JP KR HK TW SG MY TH ID IN PH VN CN'.split()
MIDDLE_EAST = 'IL AE BH SA QA'.split()
AFRICA = 'ZA NG KE EG MA'.split()
CONTINENTAL = ('europe', 'americas', 'apac', 'middle-east', 'africa')


def _countries(codes):
    return ', '.join(sorted(codes))


GROUPS = {
    'africa': (set(AFRICA),
               'Regions in Africa, by country: ' + _countries(AFRICA)),
    'americas': (set(AMERICAS),
                 'Regions in North, Central and South America, by country: '
                 + _countries(AMERICAS)),
    'apac': (set(APAC),
             'Regions in Asia-Pacific, by country: ' + _countries(APAC)),
    'eu': (set(EU27),
           'Regions in a European Union member state (EU-27; not GB, not CH, not NO), '
           'by country: ' + _countries(EU27)),
    'europe': (set(EUROPE),
               'Regions in Europe incl. non-EU countries, by country: ' + _countries(EUROPE)),
    'govcloud': (None,
                 'AWS GovCloud (US) partition: region code starts with us-gov-'),
    'middle-east': (set(MIDDLE_EAST),
                    'Regions in the Middle East, by country: ' + _countries(MIDDLE_EAST)),
    'nordics': (set(NORDICS),
                'Nordic countries: ' + _countries(NORDICS)),
    'us': ({'US'},
           'United States (country US), GovCloud included'),
}

# ISO 3166-1 alpha-2 -> alpha-3, for the country-level grid alternatives (OWID
# file is keyed by alpha-3).  Every country of every group is listed.
ISO3 = {
    'AE': 'ARE', 'AR': 'ARG', 'AT': 'AUT', 'AU': 'AUS', 'BE': 'BEL', 'BG': 'BGR',
    'BH': 'BHR', 'BR': 'BRA', 'CA': 'CAN', 'CH': 'CHE', 'CL': 'CHL', 'CN': 'CHN',
    'CO': 'COL', 'CY': 'CYP', 'CZ': 'CZE', 'DE': 'DEU', 'DK': 'DNK', 'EE': 'EST',
    'EG': 'EGY', 'ES': 'ESP', 'FI': 'FIN', 'FR': 'FRA', 'GB': 'GBR', 'GR': 'GRC',
    'HK': 'HKG', 'HR': 'HRV', 'HU': 'HUN', 'ID': 'IDN', 'IE': 'IRL', 'IL': 'ISR',
    'IN': 'IND', 'IS': 'ISL', 'IT': 'ITA', 'JP': 'JPN', 'KE': 'KEN', 'KR': 'KOR',
    'LI': 'LIE', 'LT': 'LTU', 'LU': 'LUX', 'LV': 'LVA', 'MA': 'MAR', 'MT': 'MLT',
    'MX': 'MEX', 'MY': 'MYS', 'NG': 'NGA', 'NL': 'NLD', 'NO': 'NOR', 'NZ': 'NZL',
    'PE': 'PER', 'PH': 'PHL', 'PL': 'POL', 'PT': 'PRT', 'QA': 'QAT', 'RO': 'ROU',
    'SA': 'SAU', 'SE': 'SWE', 'SG': 'SGP', 'SI': 'SVN', 'SK': 'SVK', 'TH': 'THA',
    'TW': 'TWN', 'US': 'USA', 'VN': 'VNM', 'ZA': 'ZAF',
}

# ---------------------------------------------------------------------------
# Output schemas

INSTANCE_COLS = ['provider', 'instance_type', 'family', 'vcpus', 'memory_gib', 'gpus',
                 'gpu_model', 'arch', 'cpu_model', 'host_vcpus', 'host_memory_gib',
                 'host_gpus', 'power_idle_w',
                 'power_10_w', 'power_50_w', 'power_100_w', 'embodied_host_kgco2e',
                 'embodied_kgco2e', 'power_origin', 'power_source', 'embodied_source',
                 'source_line', 'accelerator', 'gpu_memory_total_gib', 'gpu_memory_source',
                 'burstable', 'baseline_pct', 'baseline_source']
REGION_COLS = ['provider', 'region', 'location', 'country', 'latitude', 'longitude',
               'groups', 'pue', 'pue_source', 'pue_year', 'grid_gco2e_per_kwh',
               'grid_source', 'grid_year', 'grid_level', 'marginal_gco2e_per_kwh',
               'marginal_source', 'marginal_year', 'market_gco2e_per_kwh',
               'market_source', 'market_year', 'cfe_pct', 'cfe_source', 'cfe_year',
               'grid_zone']
PRICE_COLS = ['provider', 'region', 'instance_type', 'price_usd_per_h', 'price_date',
              'price_source', 'spot_usd_per_h', 'spot_date', 'spot_source']
GROUP_COLS = ['group', 'description']
GPU_COLS = ['gpu_model', 'training_speed', 'speed_low', 'speed_high', 'speed_spread',
            'speed_row', 'speed_scope', 'speed_results', 'speed_status', 'speed_source',
            'speed_upstream']
# the measured speed table and the scope of it the default speed comes from
GPU_SPEED_DIR = 'gpu-training-throughput'
GPU_SPEED_CSV = 'gpu_relative_training_speed.csv'
GPU_SPEED_SCOPE = 'all_mixed_precision'
GPU_SPEED_REF = 'A100-80GB-SXM'
# gpu_scaling.csv: MLPerf pairs from 8 GPUs to these counts
GPU_SCALING_FROM = 8
GPU_SCALING_TO = (16, 32, 64)
GPU_SCALING_COLS = ['from_gpus', 'to_gpus', 'pairs', 'efficiency', 'serial_fraction',
                    'serial_fraction_p25', 'serial_fraction_p75', 'source']
# below this many benchmark values the spread is min-max, not p25-p75
GPU_SPEED_QUARTILES_FROM = 5
# benchmark-name prefixes of the speed table -> upstream source ids
GPU_SPEED_UPSTREAM = {'mlperf': 'mlperf-training', 'lambda_fp16': 'lambda-gpu-benchmark',
                      'gpuinsights_fp16': 'gpu-insights'}
# gpus.csv as written: the curated columns, then power and embodied per card
GPU_OUT_COLS = GPU_COLS + aws_current.GPU_POWER_COLS
GPU_SPECS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gpu-specs.csv')
SOURCE_COLS = ['id', 'title', 'publisher', 'year', 'licence', 'upstream', 'notes']

# ---------------------------------------------------------------------------
# Helpers


class BuildError(Exception):
    pass


def fail(msg):
    raise BuildError(msg)


def log(msg):
    sys.stderr.write(msg + '\n')


NUM_RE = re.compile(r'^-?[0-9]+(\.[0-9]+)?$')
INT_RE = re.compile(r'^[0-9]+$')


def is_num(s):
    return bool(NUM_RE.match(s))


def clean_num(s, what):
    """Return the source's figure as written (surrounding blanks removed).

    A figure that carries binary float noise (more than 15 significant digits,
    e.g. 166.35999999999999) is re-written with 12 significant digits.
    """
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
    """Plain decimal text of a Decimal: no exponent, no trailing zeros."""
    s = format(d, 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    if s in ('-0', ''):
        s = '0'
    return s


def read_csv(path):
    """Read a CSV file; return (header, [(physical_line, row_dict), ...]).

    Fails if a record spans several physical lines (so that the line number
    reported for a row is the line that holds it) or if a row's field count
    differs from the header's.
    """
    if not os.path.isfile(path):
        fail('missing input file: %s' % path)
    out = []
    with open(path, encoding='utf-8-sig', newline='') as f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            fail('%s: empty file' % path)
        prev = reader.line_num
        for row in reader:
            line = reader.line_num
            if line != prev + 1:
                fail('%s:%d: record spans several lines' % (path, line))
            prev = line
            if not row:
                continue
            if len(row) != len(header):
                fail('%s:%d: expected %d fields, got %d'
                     % (path, line, len(header), len(row)))
            out.append((line, dict(zip(header, row))))
    return header, out


def need_cols(path, header, cols):
    missing = [c for c in cols if c not in header]
    if missing:
        fail('%s: missing column(s): %s' % (path, ', '.join(repr(c) for c in missing)))


# ---------------------------------------------------------------------------
# instances.csv


def teads_kind(t):
    if t.startswith('db.'):
        return 'rds'
    if t.startswith('cache.'):
        return 'elasticache'
    if t.endswith('.elasticsearch'):
        return 'opensearch'
    if t.split('.')[0] in ('dc2', 'ds2', 'ra3'):
        return 'redshift'
    return 'ec2'


C_TYPE = 'Instance type'
C_VCPU = 'Instance vCPU'
C_HOST_VCPU = 'Platform Total Number of vCPU'
C_CPU = 'Platform CPU Name'
C_MEM = 'Instance Memory (in GB)'
C_HOST_MEM = 'Platform Memory (in GB)'
C_GPU_NAME = 'Platform GPU Name'
C_GPU_N = 'Instance Number of GPU'
C_HOST_GPU_N = 'Platform GPU Quantity'
C_POWER = ['Instance @ Idle', 'Instance @ 10%', 'Instance @ 50%', 'Instance @ 100%']
C_HOST_KG = 'Total Platform Scope 3 Emissions  (kgCO\u2082eq)'
C_HOURLY_G = 'Instance Hourly Manufacturing Emissions (gCO\u2082eq)'


def embodied_share(t, vcpus, host_vcpus, mem, host_mem):
    """Instance share of its host's Scope 3, and the rule that gave it.

    Default: vCPU share (instance vCPU / host vCPU), capped at 1 (whole host).
    Exception: a bare-metal type (.metal) that has every vCPU of the host but
    less memory than the sheet's platform is a smaller-memory variant of that
    platform (the u-*tb1.metal rows: all 448 vCPUs, 6-18 TB of a 24 TB
    platform).  Its share is instance memory / platform memory, which is the
    share the sheet's own hourly column applies to those rows.
    """
    if t.endswith('.metal') and vcpus == host_vcpus and mem < host_mem:
        return mem / host_mem, 'memory'
    if vcpus > host_vcpus:
        return Decimal(1), 'cap'
    return Decimal(vcpus) / Decimal(host_vcpus), 'vcpu'


def build_instances(src, stats):
    path = os.path.join(src, TEADS_CSV)
    header, rows = read_csv(path)
    need_cols(path, header, [C_TYPE, C_VCPU, C_HOST_VCPU, C_CPU, C_MEM, C_HOST_MEM,
                             C_GPU_NAME, C_GPU_N, C_HOST_GPU_N, C_HOST_KG, C_HOURLY_G]
             + C_POWER)
    out = []
    skipped = {}
    problems = []
    share_rules = {}
    seen = set()
    for line, r in rows:
        t = r[C_TYPE].strip()
        kind = teads_kind(t)
        if kind != 'ec2':
            skipped[kind] = skipped.get(kind, 0) + 1
            continue
        where = '%s:%d (%s)' % (TEADS_CSV, line, t)
        if t in seen:
            fail('%s: duplicate instance type' % where)
        seen.add(t)
        for c in (C_VCPU, C_HOST_VCPU):
            if not INT_RE.match(r[c]) or int(r[c]) <= 0:
                fail('%s: %s is not a positive integer: %r' % (where, c, r[c]))
        vcpus, host_vcpus = int(r[C_VCPU]), int(r[C_HOST_VCPU])
        for c in [C_MEM, C_HOST_MEM, C_HOST_KG, C_HOURLY_G] + C_POWER:
            if not is_num(r[c]):
                fail('%s: %s is not a number: %r' % (where, c, r[c]))
        power = [r[c] for c in C_POWER]
        pf = [Decimal(p) for p in power]
        if any(pf[i] > pf[i + 1] for i in range(3)):
            problems.append('%s: power points decrease: %s' % (where, '/'.join(power)))
        if pf[0] <= 0:
            problems.append('%s: idle power not > 0: %s' % (where, power[0]))
        host_kg = Decimal(r[C_HOST_KG])
        if host_kg <= 0:
            problems.append('%s: host embodied not > 0: %s' % (where, r[C_HOST_KG]))
        # GPUs
        gpu_n = r[C_GPU_N].strip()
        gpu_name = r[C_GPU_NAME].strip()
        if gpu_n in ('N/A', ''):
            gpus = 0
        elif INT_RE.match(gpu_n):
            gpus = int(gpu_n)
        else:
            fail('%s: %s not an integer: %r' % (where, C_GPU_N, gpu_n))
        if gpus > 0:
            if gpu_name in ('N/A', ''):
                fail('%s: %d GPUs but no GPU name' % (where, gpus))
            gpu_model = gpu_name[len('Tesla '):] if gpu_name.startswith('Tesla ') else gpu_name
        else:
            if gpu_name not in ('N/A', ''):
                fail('%s: GPU name %r but no GPU' % (where, gpu_name))
            gpu_model = ''
        host_gpu_n = r[C_HOST_GPU_N].strip()
        host_gpus = int(host_gpu_n) if INT_RE.match(host_gpu_n) else 0
        if host_gpus < gpus:
            fail('%s: %s %r is below the instance\'s %d GPUs'
                 % (where, C_HOST_GPU_N, host_gpu_n, gpus))
        cpu = r[C_CPU]
        if not cpu.strip():
            fail('%s: no CPU name' % where)
        arch = 'arm64' if 'Graviton' in cpu else 'x86_64'
        # embodied share
        share, rule = embodied_share(t, vcpus, host_vcpus, Decimal(r[C_MEM]),
                                     Decimal(r[C_HOST_MEM]))
        if rule != 'vcpu':
            share_rules.setdefault(rule, []).append(t)
        emb = (host_kg * share).quantize(Decimal('0.000001'), rounding=ROUND_HALF_EVEN)
        # cross-check against the sheet's own hourly figure (34,560 h, 1 decimal)
        hourly = emb * 1000 / TEADS_LIFETIME_H
        if abs(hourly - Decimal(r[C_HOURLY_G])) > Decimal('0.1'):
            fail('%s: embodied share %s kg gives %.2f g/h but the sheet says %s g/h'
                 % (where, dec_str(emb), hourly, r[C_HOURLY_G]))
        out.append({
            'provider': 'aws',
            'instance_type': t,
            'family': t.split('.')[0],
            'vcpus': str(vcpus),
            'memory_gib': r[C_MEM],
            'gpus': str(gpus),
            'gpu_model': gpu_model,
            'arch': arch,
            'cpu_model': cpu,
            'host_vcpus': str(host_vcpus),
            'host_memory_gib': r[C_HOST_MEM],
            'host_gpus': str(host_gpus),
            'power_idle_w': power[0],
            'power_10_w': power[1],
            'power_50_w': power[2],
            'power_100_w': power[3],
            'embodied_host_kgco2e': r[C_HOST_KG],
            'embodied_kgco2e': dec_str(emb),
            'power_origin': 'measured',
            'power_source': 'teads-2022',
            'embodied_source': 'teads-2022',
            'source_line': str(line),
        })
    if problems:
        fail('Teads rows violate the checks (figures are not changed by this script):\n  '
             + '\n  '.join(problems))
    if len(out) != EXPECTED_EC2_ROWS:
        fail('%s: expected %d EC2 rows, got %d' % (TEADS_CSV, EXPECTED_EC2_ROWS, len(out)))
    out.sort(key=lambda r: (r['provider'].encode(), r['instance_type'].encode()))
    stats['instances_skipped'] = skipped
    stats['share_rules'] = share_rules
    stats['gpu_rows'] = sum(1 for r in out if r['gpus'] != '0')
    stats['arm_rows'] = sum(1 for r in out if r['arch'] == 'arm64')
    return out


# ---------------------------------------------------------------------------
# regions.csv


def newest(rows, col, ok=None):
    """(value, year) of the newest GSF row with a non-blank `col`, or (None, None).

    `ok(row)` may reject a row (it is then reported by the caller)."""
    for r in sorted(rows, key=lambda r: int(r['year']), reverse=True):
        v = r[col].strip()
        if not v:
            continue
        if ok is not None and not ok(r):
            continue
        return v, r['year']
    return None, None


def build_regions(src, price_regions, stats):
    gsf_path = os.path.join(src, GSF_CSV)
    gh, grows = read_csv(gsf_path)
    need_cols(gsf_path, gh, ['year', 'cloud-provider', 'cloud-region', 'em-zone-id',
                             'location', 'geolocation', 'provider-cfe-annual',
                             'power-usage-effectiveness',
                             'provider-carbon-intensity-market-annual',
                             'grid-carbon-intensity-average-consumption-annual',
                             'grid-carbon-intensity-marginal-consumption-annual'])
    gsf = {}
    for line, r in grows:
        if r['cloud-provider'] != GSF_AWS:
            continue
        if not INT_RE.match(r['year']):
            fail('%s:%d: bad year %r' % (GSF_CSV, line, r['year']))
        r['_line'] = line
        gsf.setdefault(r['cloud-region'].strip(), []).append(r)

    em_path = os.path.join(src, EM_DC_CSV)
    eh, erows = read_csv(em_path)
    need_cols(em_path, eh, ['provider', 'region', 'lon', 'lat', 'zone_key', 'country_iso2'])
    em = {}
    for line, r in erows:
        if r['provider'] == 'aws':
            em[r['region']] = r

    ccf_path = os.path.join(src, CCF_CONST_CSV)
    ch, crows = read_csv(ccf_path)
    need_cols(ccf_path, ch, ['provider', 'constant', 'region', 'value'])
    fleet = [r['value'] for _, r in crows
             if r['provider'] == 'aws' and r['constant'] == 'PUE_AVG' and r['region'] == 'all']
    if len(fleet) != 1:
        fail('%s: expected one aws PUE_AVG row, got %d' % (CCF_CONST_CSV, len(fleet)))
    fleet_pue = clean_num(fleet[0], 'CCF aws PUE_AVG')

    out = []
    fb = {'pue': [], 'coord_gsf': [], 'coord_none': [], 'coord_mismatch': []}
    for region in sorted(price_regions):
        rows = gsf.get(region, [])
        e = em.get(region)
        # country: Electricity Maps data-centre list, else the GSF row's EM zone
        country = e['country_iso2'] if e else None
        if not country:
            zones = {r['em-zone-id'].strip().split('-')[0] for r in rows
                     if r['em-zone-id'].strip()}
            if len(zones) == 1:
                country = zones.pop()
        if not country or not re.match(r'^[A-Z]{2}$', country):
            fail('region %s: no ISO 3166-1 alpha-2 country found' % region)
        # location name: AWS's name as compiled by GSF, else the price feed's
        loc, _ = newest(rows, 'location')
        if loc is None:
            loc = price_regions[region]
        # coordinates: Electricity Maps, else GSF geolocation
        lat = lon = ''
        if e and e['lat'].strip() and e['lon'].strip():
            lat, lon = clean_num(e['lat'], region + ' lat'), clean_num(e['lon'], region + ' lon')
            g, _ = newest(rows, 'geolocation')
            if g:
                glat, glon = [float(x) for x in g.split(',')]
                if abs(glat - float(lat)) > 1 or abs(glon - float(lon)) > 1:
                    fb['coord_mismatch'].append('%s (GSF %s vs EM %s,%s)'
                                                % (region, g.strip(), lat, lon))
        else:
            g, _ = newest(rows, 'geolocation')
            if g:
                parts = [p.strip() for p in g.split(',')]
                if len(parts) != 2:
                    fail('region %s: bad GSF geolocation %r' % (region, g))
                lat = clean_num(parts[0], region + ' lat')
                lon = clean_num(parts[1], region + ' lon')
                fb['coord_gsf'].append(region)
            else:
                fb['coord_none'].append(region)
        # groups
        groups = [name for name, (members, _) in GROUPS.items()
                  if members is not None and country in members]
        if region.startswith('us-gov-'):
            groups.append('govcloud')
        if sum(1 for g in groups if g in CONTINENTAL) != 1:
            fail('region %s (country %s) must be in exactly one of %s; got %s'
                 % (region, country, ', '.join(CONTINENTAL), groups))
        rec = {c: '' for c in REGION_COLS}
        rec.update({'provider': 'aws', 'region': region, 'location': loc,
                    'country': country, 'latitude': lat, 'longitude': lon,
                    'groups': ';'.join(sorted(groups))})
        # PUE
        v, y = newest(rows, 'power-usage-effectiveness')
        if v is not None:
            rec.update(pue=clean_num(v, region + ' pue'), pue_source='gsf-rtc/aws', pue_year=y)
        else:
            rec.update(pue=fleet_pue, pue_source='ccf-2022', pue_year='2022')
            fb['pue'].append(region)

        # grid (location-based average): one basis for every region
        em2024.fill_grid(src, rec)
        # marginal (WattTime), market-based, CFE
        v, y = newest(rows, 'grid-carbon-intensity-marginal-consumption-annual')
        if v is not None:
            rec.update(marginal_gco2e_per_kwh=clean_num(v, region + ' marginal'),
                       marginal_source='watttime-via-gsf', marginal_year=y)
        v, y = newest(rows, 'provider-carbon-intensity-market-annual')
        if v is not None:
            rec.update(market_gco2e_per_kwh=clean_num(v, region + ' market'),
                       market_source='gsf-rtc/aws', market_year=y)
        v, y = newest(rows, 'provider-cfe-annual')
        if v is not None:
            frac = Decimal(clean_num(v, region + ' cfe'))
            if frac < 0 or frac > 1:
                fail('region %s: provider-cfe-annual %s outside 0-1' % (region, v))
            rec.update(cfe_pct=dec_str(frac * 100), cfe_source='gsf-rtc/aws', cfe_year=y)
        for c in ('pue', 'grid_gco2e_per_kwh'):
            if not rec[c] or Decimal(rec[c]) <= 0:
                fail('region %s: %s missing or not > 0' % (region, c))
        out.append(rec)
    out.sort(key=lambda r: (r['provider'].encode(), r['region'].encode()))
    stats['regions_fb'] = fb
    return out


# ---------------------------------------------------------------------------
# prices.csv


def read_price_regions(src):
    path = os.path.join(src, EC2SHOP_CSV)
    header, rows = read_csv(path)
    need_cols(path, header, ['region', 'location', 'instance_type', 'price_usd_per_hour'])
    regions = {}
    for line, r in rows:
        loc = r['location'].strip()
        if regions.setdefault(r['region'], loc) != loc:
            fail('%s:%d: region %s has two locations' % (EC2SHOP_CSV, line, r['region']))
    return rows, regions


def build_prices(src, price_rows, instance_types, region_set, stats):
    """prices.csv rows for AWS: per pair, the newest on-demand price of the
    AWS tables (data/build/newest_prices.py); spot from coroot."""
    sh, srows = read_csv(os.path.join(src, SPOT_CSV))
    need_cols(SPOT_CSV, sh, ['provider', 'region', 'instance_type', 'spot_usd_per_hour'])
    spot = {}
    for line, r in srows:
        if r['provider'] != 'aws':
            continue
        k = (r['region'], r['instance_type'])
        if k in spot:
            fail('%s:%d: duplicate spot price %s' % (SPOT_CSV, line, k))
        spot[k] = (line, r['spot_usd_per_hour'])
    best, stats['prices_log'] = newest_prices.aws(src, price_rows, PRICE_DATE)
    for line, r in price_rows:
        if r['region'].strip() not in region_set:
            fail('%s:%d: region %s not in regions.csv' % (EC2SHOP_CSV, line, r['region']))
    ec2shop = {(r['region'].strip(), r['instance_type'].strip())
               for _, r in price_rows if is_num(r['price_usd_per_hour'].strip())
               and Decimal(r['price_usd_per_hour'].strip()) > 0}
    out = []
    skip = {'region not in regions.csv': 0}
    spot_bad = 0
    spot_above = []
    for (region, t), b in sorted(best.items()):
        if t not in instance_types:
            k = 'no catalogue row for the type (%s)' % b['source']
            skip[k] = skip.get(k, 0) + 1
            continue
        if region not in region_set:
            skip['region not in regions.csv'] += 1
            continue
        p = clean_num(b['price'], b['where'] + ' price')
        rec = {'provider': 'aws', 'region': region, 'instance_type': t,
               'price_usd_per_h': p, 'price_date': b['date'],
               'price_source': b['source'], 'spot_usd_per_h': '', 'spot_date': '',
               'spot_source': ''}
        if (region, t) in spot:
            sline, s = spot[(region, t)]
            s = s.strip()
            if is_num(s) and Decimal(s) > Decimal(p):
                # AWS caps spot at on demand: a 2024 spot price above a newer
                # on-demand one predates a price cut and is no longer true
                spot_above.append('%s %s (%s > %s %s)' % (region, t, s, p, b['date']))
            elif is_num(s) and Decimal(s) > 0:
                rec['spot_usd_per_h'] = clean_num(s, '%s:%d spot' % (SPOT_CSV, sline))
                rec['spot_date'] = SPOT_DATE
                rec['spot_source'] = 'coroot-spot-2024-08'
            else:
                spot_bad += 1
        out.append(rec)
    out.sort(key=lambda r: (r['provider'].encode(), r['region'].encode(),
                            r['instance_type'].encode()))
    stats['prices_skip'] = skip
    stats['prices_new_pairs'] = sum(1 for r in out
                                    if (r['region'], r['instance_type']) not in ec2shop)
    stats['spot_bad'] = spot_bad
    stats['spot_above'] = spot_above
    stats['spot_rows'] = sum(1 for r in out if r['spot_usd_per_h'])
    stats['priced_types'] = len({r['instance_type'] for r in out})
    stats['unpriced_types'] = sorted(instance_types - {r['instance_type'] for r in out})
    return out


# ---------------------------------------------------------------------------
# groups.csv, sources.csv


def gpu_speed_row(src, speed, model, row):
    """The gpus.csv speed columns of MODEL from ROW of the speed table."""
    if row == GPU_SPEED_REF:
        return {'training_speed': '1', 'speed_low': '1', 'speed_high': '1',
                'speed_spread': 'reference', 'speed_row': row,
                'speed_scope': 'reference (=1 by definition)', 'speed_results': '0',
                'speed_status': 'measured', 'speed_source': 'gpu-training-speed',
                'speed_upstream': ''}
    r = speed.get(row)
    if r is None:
        fail('%s: no %s row for %s (GPU model %s)' % (GPU_SPEED_CSV, GPU_SPEED_SCOPE, row, model))
    n = int(r['n_benchmark_values'])
    quart = n >= GPU_SPEED_QUARTILES_FROM
    lo, hi = (r['rel_p25'], r['rel_p75']) if quart else (r['rel_min'], r['rel_max'])
    for v in (lo, r['rel_median'], hi):
        if not is_num(v) or float(v) <= 0:
            fail('%s: %s: bad speed %r' % (GPU_SPEED_CSV, row, v))
    if not float(lo) <= float(r['rel_median']) <= float(hi):
        fail('%s: %s: median outside its spread' % (GPU_SPEED_CSV, row))
    ups = set()
    for b in r['benchmarks'].split():
        prefix = b.split(':', 1)[0]
        if prefix not in GPU_SPEED_UPSTREAM:
            fail('%s: %s: unknown benchmark set %r' % (GPU_SPEED_CSV, row, prefix))
        ups.add(GPU_SPEED_UPSTREAM[prefix])
    return {'training_speed': r['rel_median'], 'speed_low': lo, 'speed_high': hi,
            'speed_spread': 'p25-p75' if quart else 'min-max', 'speed_row': row,
            'speed_scope': GPU_SPEED_SCOPE, 'speed_results': str(n),
            'speed_status': 'measured', 'speed_source': 'gpu-training-speed',
            'speed_upstream': ' '.join(sorted(ups))}


def build_gpus(src, instances):
    """gpus.csv: one row per GPU model any instance uses, mapped by the
    curated data/build/gpu-specs.csv to a row of the measured training
    speed table (data/README.md gives each mapping's reason)."""
    path = os.path.join(src, GPU_SPEED_DIR, GPU_SPEED_CSV)
    header, rows = read_csv(path)
    need_cols(path, header, ['gpu_model', 'scope', 'n_benchmark_values', 'rel_min',
                             'rel_p25', 'rel_median', 'rel_p75', 'rel_max', 'benchmarks'])
    speed = {r['gpu_model']: r for _, r in rows if r['scope'] == GPU_SPEED_SCOPE}
    header, rows = read_csv(GPU_SPECS)
    need_cols(GPU_SPECS, header, ['gpu_model', 'speed_row', 'notes'])
    by_model = {}
    for _, r in rows:
        m = r['gpu_model']
        if m in by_model:
            fail('%s: GPU model %s twice' % (GPU_SPECS, m))
        if not r['notes']:
            fail('%s: %s: the mapping needs its reason' % (GPU_SPECS, m))
        out = {c: '' for c in GPU_COLS}
        out['gpu_model'] = m
        if r['speed_row']:
            out.update(gpu_speed_row(src, speed, m, r['speed_row']))
        by_model[m] = out
    used = sorted({i['gpu_model'] for i in instances if i['gpu_model']}, key=str.encode)
    missing = [m for m in used if m not in by_model]
    if missing:
        fail('%s lacks GPU models used by instances: %s' % (GPU_SPECS, ', '.join(missing)))
    return [by_model[m] for m in used]


def mlperf_scaling(src):
    """gpu_scaling.csv: Amdahl's serial fraction implied by MLPerf Training
    time-to-train of the same GPU model, round and benchmark at 8 GPUs
    and at 16, 32 or 64 (the fastest closed-division system at each count
    with >= 3 successful runs, repeats of an earlier round dropped, as in
    the speed table).  With T(n) = T1 x (s + (1 - s) / n),
    r = T(m) / T(8) gives s = (1/m - r/8) / (r - r/8 - 1 + 1/m)."""
    path = os.path.join(src, GPU_SPEED_DIR, 'mlperf_training_system_results.csv')
    header, rows = read_csv(path)
    need_cols(path, header, ['round', 'benchmark', 'gpu_model', 'division',
                             'duplicate_of_round', 'n_runs_success', 'n_accelerators',
                             'ttt_median_min'])
    best = {}
    for _, r in rows:
        if (r['division'] != 'closed' or r['duplicate_of_round']
                or int(r['n_runs_success']) < 3):
            continue
        k = (r['round'], r['benchmark'], r['gpu_model'], int(r['n_accelerators']))
        t = float(r['ttt_median_min'])
        if k not in best or t < best[k]:
            best[k] = t
    per = {m: [] for m in GPU_SCALING_TO}
    for (rnd, b, g, n), t8 in sorted(best.items()):
        if n != GPU_SCALING_FROM:
            continue
        for m in GPU_SCALING_TO:
            tm = best.get((rnd, b, g, m))
            if tm is None:
                continue
            r = tm / t8
            den = r - r / GPU_SCALING_FROM - 1 + 1 / m
            if den == 0:
                continue
            per[m].append((((1 / m) - r / GPU_SCALING_FROM) / den,
                           t8 * GPU_SCALING_FROM / (tm * m)))
    out = []

    def row(label, pairs):
        if len(pairs) < 3:
            fail('%s: too few pairs for GPU scaling at %s' % (path, label))
        sv = sorted(x for x, _ in pairs)
        ev = sorted(e for _, e in pairs)
        q = statistics.quantiles(sv, n=4, method='inclusive')
        out.append({'from_gpus': str(GPU_SCALING_FROM), 'to_gpus': label,
                    'pairs': str(len(pairs)),
                    'efficiency': '%.3f' % statistics.median(ev),
                    'serial_fraction': '%.4f' % statistics.median(sv),
                    'serial_fraction_p25': '%.4f' % q[0],
                    'serial_fraction_p75': '%.4f' % q[2],
                    'source': 'mlperf-training'})
    for m in GPU_SCALING_TO:
        row(str(m), per[m])
    row('all', [x for m in GPU_SCALING_TO for x in per[m]])
    return out


def build_groups():
    return [{'group': g, 'description': GROUPS[g][1]} for g in sorted(GROUPS)]


def build_sources(src, used):
    unknown = used - SOURCE_IDS
    if unknown:
        fail('source ids used but not described: %s' % ', '.join(sorted(unknown)))
    out = []
    for s in SOURCES:
        if not re.match(r'^[a-z0-9][a-z0-9./-]*$', s['id']):
            fail('bad source id %r' % s['id'])
        if s['provenance']:
            prov = os.path.join(src, s['provenance'], 'PROVENANCE.md')
            if not os.path.isfile(prov):
                fail('missing %s' % prov)
            with open(prov, encoding='utf-8') as f:
                text = f.read()
            if s['commit'] not in text or s['repo'] not in text:
                fail('%s does not name %s@%s' % (prov, s['repo'], s['commit']))
            upstream = '%s@%s' % (s['repo'], s['commit'])
        else:
            # Curated in the project itself (e.g. vendor datasheet figures).
            upstream = s['upstream']
        out.append({'id': s['id'], 'title': s['title'], 'publisher': s['publisher'],
                    'year': s['year'], 'licence': s['licence'],
                    'upstream': upstream, 'notes': s['notes']})
    out.sort(key=lambda r: r['id'].encode())
    return out


# ---------------------------------------------------------------------------


def summary(tables, stats):
    log('build-tables: rows written')
    for name, rows in tables:
        per = {}
        for r in rows:
            if 'provider' in r:
                per[r['provider']] = per.get(r['provider'], 0) + 1
        detail = ', '.join('%s %d' % kv for kv in sorted(per.items()))
        log('  %-14s %6d%s' % (name, len(rows), ('  (' + detail + ')') if detail else ''))
    sk = stats['instances_skipped']
    log('instances: skipped non-EC2 Teads rows: %s'
        % ', '.join('%s %d' % kv for kv in sorted(sk.items())))
    log('instances: %d with GPUs, %d arm64' % (stats['gpu_rows'], stats['arm_rows']))
    for rule, types in sorted(stats['share_rules'].items()):
        log('instances: embodied share rule "%s" applied to %d: %s'
            % (rule, len(types), ' '.join(types)))
    fb = stats['regions_fb']
    for line in stats['grid_log']:
        log('regions: ' + line)
    log('regions: %d fell back to fleet PUE (ccf-2022): %s'
        % (len(fb['pue']), ' '.join(fb['pue']) or '-'))
    log('regions: coordinates from GSF geolocation (no EM entry): %s'
        % (' '.join(fb['coord_gsf']) or '-'))
    if fb['coord_none']:
        log('regions: no coordinates: %s' % ' '.join(fb['coord_none']))
    if fb['coord_mismatch']:
        log('regions: GSF geolocation more than 1 degree from EM (EM kept): %s'
            % '; '.join(fb['coord_mismatch']))
    for line in stats['prices_log']:
        log('prices: ' + line)
    log('prices: AWS pairs of the newer tables not written: %s'
        % ', '.join('%s %d' % (k, v) for k, v in sorted(stats['prices_skip'].items())))
    log('prices: AWS pairs no ec2shop row prices (newer tables only): %d'
        % stats['prices_new_pairs'])
    log('prices: %d instance types priced; unpriced Teads types: %s'
        % (stats['priced_types'], ' '.join(stats['unpriced_types']) or '-'))
    log('prices: %d rows with a spot price; %d unusable spot values; %d spot above '
        'on-demand, left blank: %s'
        % (stats['spot_rows'], stats['spot_bad'], len(stats['spot_above']),
           '; '.join(stats['spot_above']) or '-'))
    for line in stats.get('aws_current_log', []):
        log(line)
    for line in clouds.summary_lines(stats):
        log(line)


def main(argv):
    ap = argparse.ArgumentParser(
        description='Build carbon-advisor data tables from the raw sources.')
    ap.add_argument('sources_dir', metavar='SOURCES_DIR')
    ap.add_argument('out_dir', metavar='OUT_DIR')
    a = ap.parse_args(argv)
    src = a.sources_dir
    if not os.path.isdir(src):
        log('build-tables: %s: not a directory' % src)
        return 1
    os.makedirs(a.out_dir, exist_ok=True)
    stats = {}
    try:
        instances = build_instances(src, stats)
        price_rows, price_regions = read_price_regions(src)
        # AWS types with a price and no Teads row: modelled rows, or
        # unsupported.csv with the reason (data/build/aws_current.py)
        aws_new = aws_current.build(src, instances, price_rows)
        instances = sorted(instances + aws_new['instances'],
                           key=lambda r: (r['provider'].encode(), r['instance_type'].encode()))
        unsupported = list(aws_new['unsupported'])
        stats['aws_current_log'] = aws_new['log']
        regions = build_regions(src, price_regions, stats)
        prices = build_prices(src, price_rows, {r['instance_type'] for r in instances},
                              {r['region'] for r in regions}, stats)
        # GCP and Azure (data/build/clouds.py): appended to the AWS rows
        clouds_ctx = {'groups': GROUPS, 'iso3': ISO3, 'continental': CONTINENTAL,
                      'region_cols': REGION_COLS, 'power_source': aws_current.SRC_POWER}
        for build_cloud in (clouds.build_gcp, clouds.build_azure):
            c_ins, c_reg, c_pri, c_uns = build_cloud(src, aws_new['model'], stats, clouds_ctx)
            instances += c_ins
            regions += c_reg
            prices += c_pri
            unsupported += c_uns
        instances.sort(key=lambda r: (r['provider'].encode(), r['instance_type'].encode()))
        regions.sort(key=lambda r: (r['provider'].encode(), r['region'].encode()))
        stats['grid_log'] = em2024.summary_lines(src, regions)
        prices.sort(key=lambda r: (r['provider'].encode(), r['region'].encode(),
                                   r['instance_type'].encode()))
        clouds.check_unique_names(instances, regions)
        accelerators.add_columns(instances, read_csv, fail, stats)
        groups = build_groups()
        gpus = build_gpus(src, instances)
        gpu_scaling = mlperf_scaling(src)
        aws_current.add_gpu_power(gpus, aws_new['model'], aws_new['scope3'])
        unsupported.sort(key=lambda r: (r['provider'].encode(), r['instance_type'].encode()))
        used = set()
        for rows, cols in ((instances, INSTANCE_COLS), (regions, REGION_COLS),
                           (prices, PRICE_COLS), (gpus, GPU_OUT_COLS)):
            for c in cols:
                if c.endswith('_source') or c == 'speed_upstream':
                    used |= {x for r in rows for x in r[c].split()}
        # --method ccf: CCF's coefficients for the final instances and regions
        ccf_instances, ccf_regions = ccf.build(src, instances, regions, stats,
                                               read_csv, fail)
        for rows in (ccf_instances, ccf_regions):
            used |= {r[c] for r in rows for c in r if c.endswith('_source') and r[c]}
        # uncertainty: every alternative figure the sources hold
        unc = uncertainty.build(src, instances, regions, ccf_instances, ccf_regions, ISO3)
        used |= unc['used']
        used |= zones.build(src, a.out_dir, SOURCES, SOURCE_IDS)  # zones.py
        used |= equivalents.build(a.out_dir, SOURCES, SOURCE_IDS)
        sources = build_sources(src, used)
        # every group named in regions.csv is defined
        for r in regions:
            for g in r['groups'].split(';'):
                if g not in GROUPS:
                    fail('region %s: undefined group %s' % (r['region'], g))
    except (BuildError, aws_current.AwsError, clouds.BuildError,
            uncertainty.UncertaintyError, em2024.Em2024Error,
            newest_prices.PriceError, equivalents.EquivalentsError) as e:
        log('build-tables: error: %s' % e)
        return 1
    tables = [('instances.csv', INSTANCE_COLS, instances), ('regions.csv', REGION_COLS, regions),
              ('prices.csv', PRICE_COLS, prices), ('groups.csv', GROUP_COLS, groups),
              ('gpus.csv', GPU_OUT_COLS, gpus),
              ('gpu_scaling.csv', GPU_SCALING_COLS, gpu_scaling),
              ('unsupported.csv', aws_current.UNSUPPORTED_COLS, unsupported),
              ('ccf_instances.csv', ccf.INSTANCE_COLS, ccf_instances),
              ('ccf_regions.csv', ccf.REGION_COLS, ccf_regions)]
    tables += unc['tables']
    tables.append(('sources.csv', SOURCE_COLS, sources))
    for name, cols, rows in tables:
        write_csv(os.path.join(a.out_dir, name), cols, rows)
    summary([(n, r) for n, _, r in tables], stats)
    accelerators.summary(stats, log)
    ccf.summary(stats, log)
    for line in unc['log']:
        log('uncertainty: ' + line if not line.startswith('  ') else line)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
