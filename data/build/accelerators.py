# SPDX-License-Identifier: GPL-3.0-or-later
"""Accelerator, GPU memory and burstable columns of instances.csv.

advise keeps a GPU job on the reference's accelerator ecosystem with at least
its GPU memory, and leaves burstable types out of sustained loads above their
published baseline.  The figures come from two small tables typed from the
vendors' documents (named per row by a source id):

- gpu-memory.csv: per (provider, family, gpu_model) the accelerator
  ecosystem and the memory of one GPU in GiB; instances.csv carries the
  total (x gpus) in gpu_memory_total_gib, the figure a job that fits on the
  reference's GPUs must find again.
- burstable.csv: per burstable type the vendor's baseline written as the
  vendor writes it, both blank where none is published (baseline of of_max: AWS per vCPU of 100 %, Azure B v1
  as "base CPU performance of VM" of its maximum, GCP shared-core as the
  sustained share of its vCPUs); baseline_pct = 100 x baseline / of_max,
  the share of the whole instance it can sustain, comparable with --load.

Types with no GPU but an accelerator the GPU tables cannot name (AWS Inferentia
inf1, FPGA f1) are named here.  Standard library only.
"""

import os
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
GPU_MEMORY_CSV = os.path.join(HERE, 'gpu-memory.csv')
BURSTABLE_CSV = os.path.join(HERE, 'burstable.csv')

COLS = ['accelerator', 'gpu_memory_total_gib', 'gpu_memory_source', 'burstable',
        'baseline_pct', 'baseline_source']
ACCELERATORS = ('none', 'nvidia', 'amd', 'neuron', 'gaudi', 'fpga')
# accelerators without a GPU row: (provider, family) -> ecosystem (AWS's
# accelerated computing specifications name them)
OTHER_ACCELERATORS = {('aws', 'inf1'): 'neuron', ('aws', 'f1'): 'fpga'}
OTHER_SOURCE = 'aws-accelerated-specs'
# families whose every type bursts: a type of them missing from burstable.csv
# is an error, so a new size cannot slip in as sustained
BURSTABLE_FAMILIES = {'aws': ('t1', 't2', 't3', 't3a', 't4g'),
                      'gcp': ('e2-micro', 'e2-small', 'e2-medium', 'f1', 'g1')}

SOURCES = [
    {
        'id': 'aws-accelerated-specs',
        'title': 'Amazon EC2 instance type specifications: accelerated computing '
                 '(accelerators, GPU memory per instance)',
        'publisher': 'Amazon Web Services', 'year': '2026',
        'licence': 'AWS documentation (facts cited)', 'repo': '', 'commit': '',
        'provenance': '',
        'upstream': 'https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html',
        'notes': 'GPU memory per GPU typed into data/build/gpu-memory.csv; inf1 '
                 '(Inferentia) and f1 (FPGA) named as accelerators.',
    },
    {
        'id': 'azure-gpu-sizes',
        'title': 'Azure GPU accelerated VM sizes (NC, ND, NV families): GPU memory',
        'publisher': 'Microsoft', 'year': '2026',
        'licence': 'Microsoft documentation (facts cited)', 'repo': '', 'commit': '',
        'provenance': '',
        'upstream': 'https://learn.microsoft.com/azure/virtual-machines/sizes/overview'
                    '#gpu-accelerated',
        'notes': 'GPU memory per GPU typed into data/build/gpu-memory.csv.',
    },
    {
        'id': 'gcp-gpu-machines',
        'title': 'Google Compute Engine GPU machine types (A2, A3, G2): GPU memory',
        'publisher': 'Google Cloud', 'year': '2026',
        'licence': 'Google documentation (facts cited)', 'repo': '', 'commit': '',
        'provenance': '',
        'upstream': 'https://cloud.google.com/compute/docs/gpus',
        'notes': 'GPU memory per GPU typed into data/build/gpu-memory.csv.',
    },
    {
        'id': 'aws-burstable-baseline',
        'title': 'Amazon EC2 burstable performance instances: baseline utilization '
                 'per vCPU (T2, T3, T3a, T4g)',
        'publisher': 'Amazon Web Services', 'year': '2026',
        'licence': 'AWS documentation (facts cited)', 'repo': '', 'commit': '',
        'provenance': '',
        'upstream': 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/'
                    'burstable-credits-baseline-concepts.html',
        'notes': 'Baseline utilization per vCPU (%) typed into data/build/burstable.csv.',
    },
    {
        'id': 'aws-t1-micro',
        'title': 'Amazon EC2 previous generation instances: T1 micro (burst CPU, no '
                 'baseline published)',
        'publisher': 'Amazon Web Services', 'year': '2026',
        'licence': 'AWS documentation (facts cited)', 'repo': '', 'commit': '',
        'provenance': '',
        'upstream': 'https://aws.amazon.com/ec2/previous-generation/',
        'notes': 'T1 micro "provide a small amount of consistent CPU resources and '
                 'allow you to increase CPU capacity in short bursts"; no baseline '
                 'figure, so baseline_pct is blank and advise leaves t1.micro out of '
                 'any load unless --allow-burstable.',
    },
    {
        'id': 'azure-b-series',
        'title': 'Azure B-series burstable VM sizes (v1): base and maximum CPU '
                 'performance of VM',
        'publisher': 'Microsoft', 'year': '2026',
        'licence': 'Microsoft documentation (facts cited)', 'repo': '', 'commit': '',
        'provenance': '',
        'upstream': 'https://learn.microsoft.com/azure/virtual-machines/sizes-b-series-burstable',
        'notes': 'Base CPU performance of VM and its maximum (100 % per vCPU) typed '
                 'into data/build/burstable.csv.',
    },
    {
        'id': 'azure-bv2-series',
        'title': 'Azure Bsv2, Basv2 and Bpsv2 burstable VM sizes: base CPU '
                 'performance of VM',
        'publisher': 'Microsoft', 'year': '2026',
        'licence': 'Microsoft documentation (facts cited)', 'repo': '', 'commit': '',
        'provenance': '',
        'upstream': 'https://learn.microsoft.com/azure/virtual-machines/sizes/'
                    'general-purpose/bsv2-series',
        'notes': 'Base CPU performance of VM (% of the whole VM) typed into '
                 'data/build/burstable.csv.',
    },
    {
        'id': 'gcp-shared-core',
        'title': 'Google Compute Engine shared-core machine types (E2 shared-core, '
                 'f1-micro, g1-small): sustained vCPU share',
        'publisher': 'Google Cloud', 'year': '2026',
        'licence': 'Google documentation (facts cited)', 'repo': '', 'commit': '',
        'provenance': '',
        'upstream': 'https://cloud.google.com/compute/docs/general-purpose-machines'
                    '#sharedcore',
        'notes': 'Sustained share of the vCPUs (e2-micro 0.25, e2-small 0.5, e2-medium '
                 '1 of 2 vCPUs; f1-micro 0.2, g1-small 0.5 of 1) typed into '
                 'data/build/burstable.csv.',
    },
]


def _num(text, where, fail):
    try:
        d = Decimal(text)
    except ArithmeticError:
        d = None
    if d is None or not d.is_finite() or d <= 0:
        fail('%s: not a positive number: %r' % (where, text))
    return d


def _tables(read_csv, fail):
    header, rows = read_csv(GPU_MEMORY_CSV)
    gpu = {}
    for line, r in rows:
        where = 'gpu-memory.csv:%d' % line
        if r['accelerator'] not in ACCELERATORS:
            fail('%s: unknown accelerator %r' % (where, r['accelerator']))
        key = (r['provider'], r['family'], r['gpu_model'])
        if key in gpu:
            fail('%s: repeated %s' % (where, '/'.join(key)))
        gpu[key] = (r['accelerator'], _num(r['gpu_memory_gib'], where, fail), r['source'])
    header, rows = read_csv(BURSTABLE_CSV)
    burst = {}
    for line, r in rows:
        where = 'burstable.csv:%d' % line
        key = (r['provider'], r['instance_type'])
        if r['baseline'] == '' and r['of_max'] == '':
            # burstable with no published baseline: left out of any load
            burst[key] = (None, r['source'])
            continue
        base = _num(r['baseline'], where, fail)
        top = _num(r['of_max'], where, fail)
        if base > top:
            fail('%s: baseline %s above its maximum %s' % (where, base, top))
        burst[key] = (base * 100 / top, r['source'])
    return gpu, burst


def _round(d):
    s = format(d.quantize(Decimal('0.001')), 'f').rstrip('0').rstrip('.')
    return s or '0'


def add_columns(instances, read_csv, fail, stats):
    """Fill COLS in every instance row; return the source ids used."""
    gpu, burst = _tables(read_csv, fail)
    used = set()
    seen_gpu, seen_burst = set(), set()
    for r in instances:
        where = '%s %s' % (r['provider'], r['instance_type'])
        r.update({'accelerator': 'none', 'gpu_memory_total_gib': '',
                  'gpu_memory_source': '', 'burstable': '0', 'baseline_pct': '',
                  'baseline_source': ''})
        if r['gpus'] != '0':
            key = (r['provider'], r['family'], r['gpu_model'])
            if key not in gpu:
                fail('%s: GPU %s of family %s has no row in gpu-memory.csv'
                     % (where, r['gpu_model'], r['family']))
            acc, per_gpu, src = gpu[key]
            seen_gpu.add(key)
            r['accelerator'] = acc
            r['gpu_memory_total_gib'] = _round(per_gpu * Decimal(r['gpus']))
            r['gpu_memory_source'] = src
            used.add(src)
        elif (r['provider'], r['family']) in OTHER_ACCELERATORS:
            r['accelerator'] = OTHER_ACCELERATORS[(r['provider'], r['family'])]
            r['gpu_memory_source'] = OTHER_SOURCE
            used.add(OTHER_SOURCE)
        key = (r['provider'], r['instance_type'])
        if key in burst:
            pct, src = burst[key]
            seen_burst.add(key)
            r['burstable'] = '1'
            r['baseline_pct'] = '' if pct is None else _round(pct)
            r['baseline_source'] = src
            used.add(src)
        elif _bursts(r):
            fail('%s: a burstable family with no row in burstable.csv' % where)
    unused = sorted('/'.join(k) for k in set(gpu) - seen_gpu)
    if unused:
        fail('gpu-memory.csv rows match no instance type: %s' % ', '.join(unused))
    stats['accelerators'] = {a: sum(1 for r in instances if r['accelerator'] == a)
                             for a in ACCELERATORS}
    stats['burstable_rows'] = len(seen_burst)
    stats['burstable_absent'] = sorted(k[1] for k in set(burst) - seen_burst)
    return used


def _bursts(r):
    fams = BURSTABLE_FAMILIES.get(r['provider'], ())
    if r['provider'] == 'azure':
        return r['instance_type'].startswith('Standard_B')
    if r['provider'] == 'gcp':
        return r['instance_type'] in fams or r['family'] in fams
    return r['family'] in fams


def summary(stats, log):
    log('instances: accelerators %s' % ', '.join(
        '%s %d' % (a, n) for a, n in stats['accelerators'].items() if n))
    log('instances: %d burstable; listed but not in the table: %s'
        % (stats['burstable_rows'], ' '.join(stats['burstable_absent']) or 'none'))
