# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Cloud Carbon Footprint's coefficients, for carbon-advisor --method ccf.

Called by build-tables.py once instances.csv and regions.csv are built:

    inst_rows, region_rows = ccf.build(src, instances, regions, stats,
                                       read_csv, fail)

It writes nothing itself.  ccf_instances.csv gets one row per instance type
of instances.csv that Cloud Carbon Footprint's (CCF) method estimates
(ccf_instances.py: which types, with which processors, by CCF's own
rules; ccf_types.py: CCF's instance-type tables), ccf_regions.csv one row
per region of regions.csv with CCF's PUE and grid factor for it (blank
grid factor = CCF has none).  What CCF computes with is taken from the CCF
application's constants (ccf-constants/, repository cloud-carbon-footprint
at b7a049c); the embodied emissions per host from the coefficients
repository (ccf-coefficients/).  Every rule that is not a number in those
files is read from CCF's code or its methodology page and says where.
data/README.md ("CCF's coefficients") describes both tables.

Standard library only; exact decimal arithmetic; the same inputs always
give the same rows.
"""

import os
from decimal import Decimal, ROUND_HALF_EVEN

import ccf_instances
import ccf_types

CONSTANTS_DIR = 'ccf-constants'
PROCESSOR_CSV = os.path.join(CONSTANTS_DIR, 'ccf_processor_coefficients.csv')
CLOUD_CSV = os.path.join(CONSTANTS_DIR, 'ccf_cloud_constants.csv')
GRID_CSV = os.path.join(CONSTANTS_DIR, 'ccf_grid_emission_factors.csv')
APP_SOURCE = 'ccf-app-2024'
EMBODIED_SOURCE = 'ccf-coef-2021'

SOURCES = [
    {
        'id': APP_SOURCE,
        'title': 'Cloud Carbon Footprint application constants: min/max watts per vCPU and '
                 'per GPU by processor, memory per chip and per GB-hour, PUE, grid emission '
                 'factors',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2024',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/cloud-carbon-footprint',
        'commit': 'b7a049c7d25c0022919ab9010199dd9e77aa4577',
        'provenance': CONSTANTS_DIR,
        'notes': 'What the CCF app computes with (packages/{aws,gcp,azure}/src/domain/'
                 '*FootprintEstimationConstants.ts, read as literals into ccf-constants/). '
                 'Grid factors are stored by CCF in tonnes CO2e/kWh and written here in '
                 'g/kWh. Used only by --method ccf.',
    },
    {
        'id': ccf_types.APP_TYPES_SOURCE,
        'title': 'Cloud Carbon Footprint application instance-type tables: CPU '
                 'micro-architectures and GPUs per instance type or machine family',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2024',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/cloud-carbon-footprint',
        'commit': ccf_types.APP_TYPES_COMMIT,
        # Read through a code index, not vendored under sources/: curated
        # into ccf_types.py, the upstream named here.
        'provenance': '',
        'upstream': 'cloud-carbon-footprint/cloud-carbon-footprint@'
                    + ccf_types.APP_TYPES_COMMIT,
        'notes': 'packages/aws/src/lib/AWSInstanceTypes.ts, packages/gcp/src/lib/'
                 'MachineTypes.ts, packages/azure/src/lib/VirtualMachineTypes.ts: which '
                 'processors CCF averages the watts of for each type, which families it '
                 'computes memory for, the Azure v5 and A100 VMs. Names and lists only, '
                 'typed into data/build/ccf_types.py. Used only by --method ccf.',
    },
    {
        'id': EMBODIED_SOURCE,
        'title': 'Cloud Carbon Footprint embodied emissions per host (coefficients-'
                 '<provider>-embodied.csv)',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks), from the Teads dataset (AWS) and '
                     'Dell R740 LCA figures',
        'year': '2021',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/ccf-coefficients',
        'commit': 'b0032d928c787cf76cecd7d1d611c5b46f366e29',
        'provenance': 'ccf-coefficients',
        'notes': 'Column total: kgCO2e per host (1000 kg base server plus memory, storage, '
                 'CPU and GPU additions); AWS and GCP files last changed 2021-12, Azure 2023-01. '
                 'Used only by --method ccf.',
    },
]

INSTANCE_COLS = ['provider', 'instance_type', 'cpu_microarchitecture', 'ccf_architecture',
                 'vcpu_factor', 'cpu_min_w_per_vcpu', 'cpu_max_w_per_vcpu', 'memory_gb_per_chip',
                 'memory_chips', 'largest_instance_type', 'memory_allowance_gib',
                 'ccf_gpu', 'gpu_min_w', 'gpu_max_w', 'embodied_host_kgco2e', 'host_vcpus',
                 'ccf_source', 'embodied_source', 'mapping_source']
REGION_COLS = ['provider', 'region', 'pue', 'pue_basis', 'grid_gco2e_per_kwh', 'grid_note',
               'ccf_source']

# ---------------------------------------------------------------------------
# Host CPU name -> micro-architecture, from each vendor's product pages
# (Intel ARK code names, AMD EPYC generations, AWS Graviton generations),
# for the host CPUs CCF's aws-instances-latest-2026.csv names in the
# spelling the Teads sheet uses (ccf_instances.AWS_2026_CPU holds CCF's
# other spellings).  Used only for AWS types CCF's application tables do
# not list; the micro-architecture is then looked up among CCF's
# processors, and CCF's rule for an unknown processor (the provider's
# average) applies where its constants have none.

CPU_MICROARCHITECTURE = {
    'Core i7-8700B': 'Coffee Lake',          # mac1 (Mac mini 2018)
    'EPYC 7571': 'AMD EPYC 1st Gen',         # Naples
    'EPYC 7R32': 'AMD EPYC 2nd Gen',         # Rome
    'EPYC 7R13': 'AMD EPYC 3rd Gen',         # Milan
    'EPYC 9R14': 'AMD EPYC 4th Gen',         # Genoa
    'Graviton': 'AWS Graviton',              # first generation (a1)
    'Graviton2': 'AWS Graviton2',
    'Graviton3': 'AWS Graviton3',
    'Graviton3E': 'AWS Graviton3',
    'Graviton4': 'AWS Graviton4',
    'Xeon E5-2650': 'Sandy Bridge',
    'Xeon E5-2651 v2': 'Ivy Bridge',
    'Xeon E5-2665': 'Sandy Bridge',
    'Xeon E5-2666 v3': 'Haswell',
    'Xeon E5-2670': 'Sandy Bridge',
    'Xeon E5-2670 v2': 'Ivy Bridge',
    'Xeon E5-2676 v3': 'Haswell',
    'Xeon E5-2680 v2': 'Ivy Bridge',
    'Xeon E5-2686 v4': 'Broadwell',
    'Xeon E7-8880 v3': 'Haswell',            # Haswell-EX
    'Xeon Platinum 8124M': 'Skylake',
    'Xeon Platinum 8151': 'Skylake',
    'Xeon Platinum 8175M': 'Skylake',
    'Xeon Platinum 8176M': 'Skylake',
    'Xeon Platinum 8252C': 'Cascade Lake',
    'Xeon Platinum 8259CL': 'Cascade Lake',
    'Xeon Platinum 8275CL': 'Cascade Lake',
    'Xeon Platinum 8375C': 'Ice Lake',
    'Xeon Platinum 8488C': 'Sapphire Rapids',
    'Xeon Gold 6455B': 'Sapphire Rapids',
    # GCP and Azure hosts, as Boavizta names them.
    'AMD EPYC 7551P': 'AMD EPYC 1st Gen',
    'AMD EPYC 7B12': 'AMD EPYC 2nd Gen',
    'AMD EPYC 7B13': 'AMD EPYC 3rd Gen',
    'AMD EPYC 7763': 'AMD EPYC 3rd Gen',
    'AMD EPYC 9B14': 'AMD EPYC 4th Gen',
    'Ampere Altra Q64-30': 'Ampere Altra',
    'Google Axion': 'Google Axion',
    'Intel Xeon E-2288G': 'Coffee Lake',
    'Intel Xeon E5-2690 V4': 'Broadwell',
    'Intel Xeon E7-8880 V4': 'Broadwell',
    'Intel Xeon Gold 6246R': 'Cascade Lake',
    'Intel Xeon Gold 6253CL': 'Cascade Lake',
    'Intel Xeon Platinum 8180M': 'Skylake',
    'Intel Xeon Platinum 8272CL': 'Cascade Lake',
    'Intel Xeon Platinum 8273CL': 'Cascade Lake',
    'Intel Xeon Platinum 8280': 'Cascade Lake',
    'Intel Xeon Platinum 8280L': 'Cascade Lake',
    'Intel Xeon Platinum 8370C': 'Ice Lake',
    'Intel Xeon Platinum 8373C': 'Ice Lake',
    'Intel Xeon Platinum 8481C': 'Sapphire Rapids',
    'Intel Xeon Platinum 8581C': 'Emerald Rapids',
    'Intel Xeon Scalable Platinum 8173M': 'Skylake',
    # Generic names some builders write when only the generation is known.
    'Emerald Rapids': 'Emerald Rapids',
    'Xeon Ice Lake': 'Ice Lake',
    'Xeon Sapphire Rapids': 'Sapphire Rapids',
}

PROVIDER_NAMES = {'aws': 'AWS', 'gcp': 'GCP', 'azure': 'Azure'}

PLACES = Decimal('0.000001')
MILLION = Decimal(1000000)


def _dec_str(d):
    s = format(d, 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    return '0' if s in ('', '-0') else s


def _round6(d):
    return _dec_str(d.quantize(PLACES, rounding=ROUND_HALF_EVEN))


def _num(s, what, fail):
    s = s.strip()
    try:
        d = Decimal(s)
    except Exception:
        fail('%s: not a number: %r' % (what, s))
    if not d.is_finite():
        fail('%s: not a number: %r' % (what, s))
    return d


# ---------------------------------------------------------------------------
# Reading CCF's files


def _read_constants(src, read_csv, fail):
    """(processor, scalar) dicts: processor[(provider, constant, name)] and
    scalar[(provider, constant, region)] -> (text, Decimal)."""
    path = os.path.join(src, PROCESSOR_CSV)
    header, rows = read_csv(path)
    for c in ('provider', 'constant', 'processor', 'value'):
        if c not in header:
            fail('%s: missing column %r' % (path, c))
    proc = {}
    for line, r in rows:
        k = (r['provider'], r['constant'], r['processor'])
        if k in proc:
            fail('%s:%d: %s twice' % (path, line, '/'.join(k)))
        proc[k] = (r['value'].strip(), _num(r['value'], '%s:%d' % (path, line), fail))
    path = os.path.join(src, CLOUD_CSV)
    header, rows = read_csv(path)
    for c in ('provider', 'constant', 'region', 'value'):
        if c not in header:
            fail('%s: missing column %r' % (path, c))
    scalar = {}
    for line, r in rows:
        k = (r['provider'], r['constant'], r['region'])
        if k in scalar:
            fail('%s:%d: %s twice' % (path, line, '/'.join(k)))
        scalar[k] = (r['value'].strip(), _num(r['value'], '%s:%d' % (path, line), fail))
    # The figures the C side hard-codes must be the ones CCF uses.
    for p in ('aws', 'gcp', 'azure'):
        for const, want in (('MEMORY_COEFFICIENT', '0.000392'),
                            ('SERVER_EXPECTED_LIFESPAN', '35040')):
            got = scalar.get((p, const, 'all'))
            if got is None or got[1] != Decimal(want):
                fail('%s: %s %s is %r, not %s as src/model/ccf.h assumes'
                     % (CLOUD_CSV, p, const, got and got[0], want))
    return proc, scalar


def _read_grid(src, read_csv, fail):
    """(provider, region lower-cased) -> (g/kWh text, note), kind 'grid' only."""
    path = os.path.join(src, GRID_CSV)
    header, rows = read_csv(path)
    for c in ('provider', 'region', 'region_lc', 'factor_kind', 'tco2e_per_kwh',
              'gco2e_per_kwh', 'note'):
        if c not in header:
            fail('%s: missing column %r' % (path, c))
    out = {}
    for line, r in rows:
        if r['factor_kind'] != 'grid':
            continue            # GCP's CFE-adjusted factors: an option, off by default
        if r['region_lc'] == 'unknown' or r['note'].startswith('Sum of'):
            # CCF's average for unmapped regions is not a region's factor,
            # and GCP's dual and multi-region rows are sums, not intensities.
            continue
        where = '%s:%d' % (path, line)
        tonnes = _num(r['tco2e_per_kwh'], where, fail)
        grams = tonnes * MILLION
        # CCF stores tonnes per kWh; the file's own g/kWh column must agree.
        if abs(grams - _num(r['gco2e_per_kwh'], where, fail)) > Decimal('0.000001'):
            fail('%s: %s t/kWh is not %s g/kWh' % (where, r['tco2e_per_kwh'],
                                                   r['gco2e_per_kwh']))
        if grams <= 0 or grams > 2000:
            fail('%s: grid factor %s g/kWh out of range' % (where, _dec_str(grams)))
        k = (r['provider'], r['region_lc'])
        if k in out:
            fail('%s: second grid factor for %s %s' % (where, k[0], k[1]))
        out[k] = (_dec_str(grams), r['note'].strip())
    return out


# ---------------------------------------------------------------------------
# ccf_instances.csv


def build_instances(src, instances, proc, scalar, read_csv, fail, stats):
    lists = ccf_instances.read_lists(src, read_csv, _num, fail)
    families = {}
    for r in instances:
        families.setdefault((r['provider'], r['family']), []).append(r)
    out = []
    left_out = {}
    fallback = []
    for r in instances:
        row, reason = ccf_instances.instance_row(r, families, lists, proc, scalar,
                                                 CPU_MICROARCHITECTURE)
        if row is None:
            left_out.setdefault(reason, []).append('%s:%s' % (r['provider'], r['family']))
            continue
        if row['ccf_architecture'].endswith((' average', ' median')) \
                and not row['ccf_architecture'].startswith(('average of', 'median of')):
            fallback.append('%s:%s (%s)' % (r['provider'], r['family'],
                                            row['cpu_microarchitecture']))
        row['ccf_source'] = APP_SOURCE
        out.append(row)
    out.sort(key=lambda x: (x['provider'].encode(), x['instance_type'].encode()))
    stats['ccf_left_out'] = left_out
    stats['ccf_fallback'] = fallback
    return out


# ---------------------------------------------------------------------------
# ccf_regions.csv


def build_regions(regions, scalar, grid, fail, stats):
    out = []
    no_grid = []
    for r in regions:
        p, name = r['provider'], r['region']
        ttm = scalar.get((p, 'PUE_TRAILING_TWELVE_MONTH', name))
        fleet = scalar.get((p, 'PUE_AVG', 'all'))
        if ttm is not None:
            pue, basis = ttm[0], 'region-ttm'
        elif fleet is not None:
            pue, basis = fleet[0], 'fleet'
        else:
            fail('%s: no PUE_AVG for provider %s' % (CLOUD_CSV, p))
        g = grid.get((p, name.lower()))
        if g is None:
            no_grid.append('%s:%s' % (p, name))
        out.append({'provider': p, 'region': name, 'pue': pue, 'pue_basis': basis,
                    'grid_gco2e_per_kwh': g[0] if g else '',
                    'grid_note': g[1] if g else '', 'ccf_source': APP_SOURCE})
    out.sort(key=lambda x: (x['provider'].encode(), x['region'].encode()))
    stats['ccf_no_grid'] = no_grid
    return out


def build(src, instances, regions, stats, read_csv, fail):
    """Return (ccf_instances rows, ccf_regions rows) as dicts of text."""
    proc, scalar = _read_constants(src, read_csv, fail)
    grid = _read_grid(src, read_csv, fail)
    inst = build_instances(src, instances, proc, scalar, read_csv, fail, stats)
    regs = build_regions(regions, scalar, grid, fail, stats)
    return inst, regs


def _families(keys):
    """['aws:m5', 'aws:m5', 'aws:c5'] -> 'aws:c5 (1), aws:m5 (2)'."""
    fam = {}
    for k in keys:
        fam[k] = fam.get(k, 0) + 1
    return ', '.join('%s (%d)' % (k, n) for k, n in sorted(fam.items()))


def summary(stats, log):
    """Log what build() kept, left out and why, by family."""
    left = stats.get('ccf_left_out', {})
    n = sum(len(v) for v in left.values())
    log('ccf: %d instance types left out of ccf_instances.csv' % n)
    for reason, types in sorted(left.items()):
        log('  %d: %s: %s' % (len(types), reason, _families(types)))
    fb = stats.get('ccf_fallback', [])
    by_arch = {}
    for t in fb:
        arch = t[t.index('(') + 1:-1]
        by_arch.setdefault(arch, []).append(t.split(' ')[0])
    log('ccf: %d instance types on the provider average watts (CCF has no figure for '
        'their micro-architecture)' % len(fb))
    for arch, types in sorted(by_arch.items()):
        log('  %s: %s' % (arch, _families(types)))
    ng = stats.get('ccf_no_grid', [])
    log('ccf: %d regions without a CCF grid factor: %s' % (len(ng), ' '.join(ng) or '-'))
