#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Component power model for instance types the Teads sheet lacks.

The Teads sheet splits every instance's power at four CPU loads (idle, 10,
50, 100 %) into CPU package, memory, GPUs and a constant "rest of the
server" share.  This module rebuilds that split from the host's parts:

    P(X) = vcpus * T * (c[X] + d) + memory_gib * r[X] + gpus * G[X]

    T     TDP of the host CPU per host vCPU (TDP of one package divided by
          the vCPUs one package gives), W per vCPU
    c[X]  CPU package load curve (share of T drawn per vCPU at load X)
    d     rest of the server (Delta Full Machine) per vCPU, as a share of T
    r[X]  memory, W per GiB at load X
    G[X]  one GPU at load X, W: the sheet's per-card figures for the GPU
          models it has, else the GPU's TDP times the GPU curve g[X]

c, d, r and g are fitted on the sheet's own rows (medians of the sheet's
component columns divided by the matching part).  fit() does the fitting,
Model.curve() gives the four points of one instance, and
leave_one_family_out() measures the model's error on the sheet by refitting
without each instance family in turn.

Standard library only; Decimal arithmetic throughout, so the same inputs
always give the same figures.  Run as a script for the calibration and the
error table:

    python3 data/build/power_model.py SOURCES_DIR [--markdown]
"""

import csv
import os
import re
import statistics
import sys
from decimal import Decimal, ROUND_HALF_EVEN

# ---------------------------------------------------------------------------
# Inputs (relative to SOURCES_DIR)

TEADS_CSV = 'teads-aws-ec2-wattson/aws_instances_dataset.dotdecimal.csv'
CODECARBON_CPU_CSV = 'codecarbon/cpu_power.csv'
GA_CPU_CSV = 'green-algorithms/TDP_cpu.csv'
GA_GPU_CSV = 'green-algorithms/TDP_gpu.csv'
MLCO2_GPU_CSV = 'mlco2-impact/gpus.csv'
CCF_CPUS_CSV = 'ccf-coefficients/aws-instances-cpus.csv'
CCF_PROC_CSV = 'ccf-constants/ccf_processor_coefficients.csv'
BOA_CLOUD_AWS = 'boavizta/cloud_aws.csv'
BOA_SERVERS = 'boavizta/archetype_server.csv'

LOADS = ('Idle', '10%', '50%', '100%')      # the sheet's column suffixes
LOAD_NAMES = ('idle', '10', '50', '100')    # as used in reports

# Source ids (described in data/README.md and sources.csv)
SRC_TEADS = 'teads-2022'
SRC_CODECARBON = 'codecarbon-tdp'
SRC_GA = 'green-algorithms'
SRC_MLCO2 = 'mlco2-impact'
SRC_CCF_CPUS = 'ccf-coefficients-2026'
SRC_CCF_GPU = 'ccf-gpu-watts'
SRC_BOAVIZTA = 'boavizta-2026'
SRC_MODEL = 'power-model'

Q4 = Decimal('0.0001')
Q2 = Decimal('0.01')
Q1 = Decimal('0.1')


class ModelGap(Exception):
    """A figure the model needs is not in any source."""


class SourceError(Exception):
    """An input file is missing or not in the expected shape."""


def dec(s, what='value'):
    s = str(s).strip()
    if not re.match(r'^-?[0-9]+(\.[0-9]+)?$', s):
        raise SourceError('%s: not a plain decimal number: %r' % (what, s))
    return Decimal(s)


def q(x, step):
    return x.quantize(step, rounding=ROUND_HALF_EVEN)


def median(values):
    if not values:
        raise ModelGap('nothing to take a median of')
    return statistics.median(sorted(values))


def fmt(d):
    """Plain text of a Decimal, trailing zeros removed."""
    s = format(d, 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    return '0' if s in ('', '-0') else s


# ---------------------------------------------------------------------------
# Reading

def _open_rows(path, skip=0):
    if not os.path.isfile(path):
        raise SourceError('missing input file: %s' % path)
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    rows = rows[skip:]
    if not rows:
        raise SourceError('%s: empty' % path)
    return rows[0], rows[1:]


def _dict_rows(path, skip=0, need=()):
    header, rows = _open_rows(path, skip)
    header = [h.strip() for h in header]
    missing = [c for c in need if c not in header]
    if missing:
        raise SourceError('%s: missing column(s) %s' % (path, ', '.join(missing)))
    out = []
    for r in rows:
        if not r:
            continue
        if len(r) != len(header):
            raise SourceError('%s: a row has %d fields, the header %d'
                              % (path, len(r), len(header)))
        out.append(dict(zip(header, r)))
    return out


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


def read_teads_ec2(sources_dir):
    """The sheet's EC2 rows as dicts (column names as in the file), each
    with '_line' (physical line, header = 1)."""
    path = os.path.join(sources_dir, TEADS_CSV)
    header, rows = _open_rows(path)
    out = []
    for i, r in enumerate(rows, start=2):
        if not r:
            continue
        if len(r) != len(header):
            raise SourceError('%s:%d: %d fields, header has %d'
                              % (path, i, len(r), len(header)))
        d = dict(zip(header, r))
        if teads_kind(d['Instance type'].strip()) != 'ec2':
            continue
        d['_line'] = i
        out.append(d)
    return out


def family_of(instance_type):
    return instance_type.split('.')[0]


# ---------------------------------------------------------------------------
# Names

_ORDINALS = {'1st', '2nd', '3rd', '4th', '5th', '6th'}


def cpu_key(name):
    """Matching key of a CPU name across the sources.

    'Xeon Platinum 8375C', 'Intel Xeon Platinum 8375C' and 'Intel Xeon Ice
    Lake 8375C' all give 'xeon 8375c'; 'AMD EPYC 7R13' and '2nd Gen AMD
    EPYC 7R32' give 'epyc 7r13' / 'epyc 7r32'; 'Annapurna Labs Graviton2'
    and 'AWS Graviton2 Processor' give 'graviton2'.  A name with no model
    number ('Intel Xeon Sapphire Rapids') gives ''.
    """
    s = name.lower().replace('(r)', ' ').replace('(tm)', ' ')
    toks = s.replace(',', ' ').split()
    for t in toks:
        if t.startswith('graviton'):
            return t
    if 'epyc' in toks:
        fam = 'epyc'
    elif 'xeon' in toks:
        fam = 'xeon'
    elif 'core' in toks:
        fam = 'core'
    else:
        fam = ''
    model = []
    for t in toks:
        if t in _ORDINALS or not re.search(r'[0-9]', t):
            continue
        if t.startswith('p-'):
            t = t[2:]
        model.append(t)
    if not model or model == ['6']:
        return ''
    return (fam + ' ' + ' '.join(model)).strip()


def arch_of_cpu(name):
    k = name.lower()
    if 'graviton' in k or 'ampere' in k or 'altra' in k or 'axion' in k \
            or 'cobalt' in k or 'apple' in k:
        return 'arm64'
    return 'x86_64'


# GPU models: canonical name -> TDP candidates, first found wins.
# ('mlco2', row name) = mlco2-impact gpus.csv tdp_watts;
# ('ga', model) = Green Algorithms TDP_gpu.csv TDP;
# ('ccf', processor) = CCF's MAX_WATTS for that GPU, turned into a TDP with
# the sheet's own curve (CCF took its GPU watts from the Teads curve).
GPU_TDP_CANDIDATES = {
    'A100': [('ccf', 'Nvidia Tesla A100'), ('mlco2', 'A100 SXM4 80 GB')],
    'A100 80GB': [('mlco2', 'A100 SXM4 80 GB')],
    'A100 PCIe': [('ga', 'NVIDIA A100 40GB PCIe'), ('mlco2', 'A100 PCIe 40/80GB')],
    'A100 80GB PCIe': [('ga', 'NVIDIA A100 80GB PCIe')],
    'A10G': [('mlco2', 'A10G'), ('ccf', 'Nvidia A10G')],
    'H100': [('mlco2', 'H100 SXM')],
    'H100 NVL': [('mlco2', 'H100 NVL')],
    'K520': [('ccf', 'Nvidia K520')],
    'K80': [('mlco2', 'Tesla K80'), ('ga', 'NVIDIA Tesla K80'), ('ccf', 'Nvidia Tesla K80')],
    'L4': [('mlco2', 'L4')],
    'L40S': [('mlco2', 'L40S')],
    'M60': [('ccf', 'Nvidia Tesla M60')],
    'P100': [('ga', 'NVIDIA Tesla P100'), ('mlco2', 'Tesla P100'),
             ('ccf', 'Nvidia Tesla P100')],
    'P4': [('ga', 'NVIDIA Tesla P4'), ('ccf', 'Nvidia Tesla P4')],
    'P40': [('mlco2', 'Tesla P40'), ('ccf', 'Nvidia Tesla P40')],
    'Radeon Pro V520': [('ccf', 'AMD Radeon Pro V520')],
    'T4': [('mlco2', 'T4'), ('ga', 'NVIDIA Tesla T4'), ('ccf', 'Nvidia T4')],
    # mlco2's V100 PCIe / SXM2 TDPs are swapped (see its PROVENANCE.md):
    # Green Algorithms' 300 W is NVIDIA's SXM2 figure, the board AWS uses.
    'V100': [('ga', 'NVIDIA Tesla V100'), ('ccf', 'Nvidia Tesla V100')],
    'V100S': [('ga', 'NVIDIA Tesla V100S')],
}

# Accelerators for which no source gives a power figure.
NO_POWER_FIGURE = {
    'T4G': 'NVIDIA T4G',
    'A10': 'NVIDIA A10',
    'H200': 'NVIDIA H200',
    'B200': 'NVIDIA B200',
    'MI25': 'AMD Radeon Instinct MI25',
    'MI300X': 'AMD Instinct MI300X',
    'Inferentia': 'AWS Inferentia',
    'Inferentia2': 'AWS Inferentia2',
    'Trainium': 'AWS Trainium',
    'Trainium2': 'AWS Trainium2',
    'Gaudi': 'Intel Gaudi',
}

_GPU_ALIASES = {
    'a100': 'A100', 'a100 40gb': 'A100', 'a100 sxm4': 'A100', 'a100 sxm4 40gb': 'A100',
    'a100 80gb': 'A100 80GB', 'a100 sxm4 80gb': 'A100 80GB', 'a100 sxm4 80 gb': 'A100 80GB',
    'a100 pcie': 'A100 PCIe', 'a100 40gb pcie': 'A100 PCIe', 'a100 pcie 40gb': 'A100 PCIe',
    'a100 80gb pcie': 'A100 80GB PCIe', 'a100 pcie 80gb': 'A100 80GB PCIe',
    'a10g': 'A10G', 'a10': 'A10',
    'h100': 'H100', 'h100 80gb': 'H100', 'h100 sxm': 'H100', 'h100 sxm5': 'H100',
    'h100 mega 80gb': 'H100', 'h100 mega': 'H100',
    'h100 nvl': 'H100 NVL',
    'h200': 'H200', 'h200 141gb': 'H200', 'b200': 'B200',
    'k520': 'K520', 'grid k520': 'K520', 'k80': 'K80', 'm60': 'M60',
    'l4': 'L4', 'l40s': 'L40S', 'p100': 'P100', 'p4': 'P4', 'p40': 'P40',
    't4': 'T4', 't4g': 'T4G', 'v100': 'V100', 'v100s': 'V100S',
    'radeon pro v520': 'Radeon Pro V520', 'v520': 'Radeon Pro V520',
    'radeon instinct mi25': 'MI25', 'mi25': 'MI25', 'instinct mi300x': 'MI300X',
    'mi300x': 'MI300X',
    'aws inferentia': 'Inferentia', 'inferentia': 'Inferentia',
    'aws inferentia2': 'Inferentia2', 'inferentia2': 'Inferentia2',
    'aws trainium': 'Trainium', 'trainium': 'Trainium',
    'aws trainium2': 'Trainium2', 'trainium2': 'Trainium2',
    'intel gaudi': 'Gaudi', 'gaudi': 'Gaudi',
}


def canonical_gpu(name, vram_gb=None):
    """Canonical GPU model name ('A100', 'A100 80GB', 'H100', 'T4', ...).

    Accepts the sheet's names ('Tesla V100'), Boavizta's ('NVIDIA A10G',
    'NVIDIA T4G Tensor Core'), GCP accelerator ids ('nvidia-tesla-t4',
    'nvidia-a100-80gb') and plain names.  An A100 with vram_gb 80 is the
    80 GB board.  Returns the cleaned name unchanged when it is unknown.
    """
    s = name.strip().lower().replace('_', ' ').replace('-', ' ')
    for w in ('nvidia', 'tesla', 'tensor core', 'gpu', 'amd '):
        s = s.replace(w, ' ')
    s = ' '.join(s.split())
    c = _GPU_ALIASES.get(s)
    if c is None:
        return name.strip()
    if c == 'A100' and vram_gb is not None and Decimal(str(vram_gb)) >= 80:
        c = 'A100 80GB'
    return c


# ---------------------------------------------------------------------------
# Tables from the sources (read once per sources folder)

_TABLE_CACHE = {}


def _tables(sources_dir):
    key = os.path.abspath(sources_dir)
    if key not in _TABLE_CACHE:
        _TABLE_CACHE[key] = _read_tables(sources_dir)
    return _TABLE_CACHE[key]


def _read_tables(src):
    t = {'cpu_tdp': {}, 'cpu_cores': {}, 'threads': {}, 'gpu_tdp': {},
         'ambiguous': set(), 'notes': []}

    # CPU TDP: CodeCarbon first (it lists AWS's custom parts), then Green
    # Algorithms (which also gives core counts).
    seen = {}
    for r in _dict_rows(os.path.join(src, CODECARBON_CPU_CSV), need=('Name', 'TDP')):
        k = cpu_key(r['Name'])
        v = r['TDP'].strip()
        if not k or not re.match(r'^[0-9]+(\.[0-9]+)?$', v):
            continue
        seen.setdefault(k, set()).add(Decimal(v))
    for k, vals in seen.items():
        if len(vals) == 1:
            t['cpu_tdp'][k] = (vals.pop(), SRC_CODECARBON)
        else:
            t['ambiguous'].add(k)
    for r in _dict_rows(os.path.join(src, GA_CPU_CSV), skip=1,
                        need=('model', 'TDP', 'n_cores')):
        k = cpu_key(r['model'])
        if not k:
            continue
        v = r['TDP'].strip()
        if re.match(r'^[0-9]+(\.[0-9]+)?$', v) and k not in t['cpu_tdp'] \
                and k not in t['ambiguous']:
            t['cpu_tdp'][k] = (Decimal(v), SRC_GA)
        n = r['n_cores'].strip()
        if re.match(r'^[0-9]+$', n):
            t['cpu_cores'][k] = int(n)

    # vCPUs per socket: CCF's AWS table first, then Boavizta's AWS hosts
    # (host vCPUs / sockets, most common value per CPU).
    for r in _dict_rows(os.path.join(src, CCF_CPUS_CSV),
                        need=('CPU Name', 'Total Number of vCPU per socket')):
        t['threads'][cpu_key(r['CPU Name'])] = (
            int(r['Total Number of vCPU per socket']), SRC_CCF_CPUS)
    cloud = {r['id']: r for r in _dict_rows(os.path.join(src, BOA_CLOUD_AWS),
                                            need=('id', 'vcpu', 'platform'))}
    votes = {}
    for r in _dict_rows(os.path.join(src, BOA_SERVERS),
                        need=('id', 'manufacturer', 'CPU.units', 'CPU.name')):
        if r['manufacturer'].strip() != 'AWS' or r['id'] not in cloud:
            continue
        k = cpu_key(r['CPU.name'])
        units = r['CPU.units'].strip()
        if not k or not re.match(r'^[0-9]+(\.0+)?$', units):
            continue
        units = int(Decimal(units))
        host = int(cloud[r['id']]['vcpu'])
        if units <= 0 or host % units:
            continue
        votes.setdefault(k, {}).setdefault(host // units, []).append(r['id'])
    for k, v in sorted(votes.items()):
        ranked = sorted(v.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
            t['notes'].append('Boavizta: vCPUs per socket of %s undecided (%s); not used'
                              % (k, ranked))
            continue
        if len(ranked) > 1:
            t['notes'].append('Boavizta: %s has %d vCPUs per socket on %s; ignored %s'
                              % (k, ranked[0][0], ', '.join(ranked[0][1]),
                                 '; '.join('%d on %s' % (n, ', '.join(ids))
                                           for n, ids in ranked[1:])))
        t['threads'].setdefault(k, (ranked[0][0], SRC_BOAVIZTA))

    # GPU TDP candidates
    header, rows = _open_rows(os.path.join(src, MLCO2_GPU_CSV))
    if [h.strip() for h in header[:3]] != ['name', 'type', 'tdp_watts']:
        raise SourceError('%s: unexpected header %r' % (MLCO2_GPU_CSV, header))
    for r in rows:
        # the A10G row is one field short upstream; name and TDP are the
        # first and third fields in every row
        if len(r) >= 3 and re.match(r'^[0-9]+(\.[0-9]+)?$', r[2].strip()):
            t['gpu_tdp'][('mlco2', r[0].strip())] = (Decimal(r[2].strip()), SRC_MLCO2)
    for r in _dict_rows(os.path.join(src, GA_GPU_CSV), skip=1, need=('model', 'TDP')):
        v = r['TDP'].strip()
        if re.match(r'^[0-9]+(\.[0-9]+)?$', v):
            t['gpu_tdp'][('ga', r['model'].strip())] = (Decimal(v), SRC_GA)
    for r in _dict_rows(os.path.join(src, CCF_PROC_CSV),
                        need=('constant', 'processor', 'processor_kind', 'value')):
        if r['processor_kind'] != 'gpu' or r['constant'] != 'MAX_WATTS_BY_COMPUTE_PROCESSOR':
            continue
        k = ('ccf', r['processor'].strip())
        v = dec(r['value'], CCF_PROC_CSV)
        if t['gpu_tdp'].setdefault(k, (v, SRC_CCF_GPU))[0] != v:
            raise SourceError('%s: two MAX_WATTS for %s' % (CCF_PROC_CSV, k[1]))
    return t


# ---------------------------------------------------------------------------
# Sheet rows -> model inputs

def teads_gpu_count(row):
    v = row['Instance Number of GPU'].strip()
    return 0 if v in ('N/A', '') else int(v)


def teads_gpu_model(row):
    if not teads_gpu_count(row):
        return ''
    return canonical_gpu(row['Platform GPU Name'])


def spec_from_teads(row):
    cpu = row['Platform CPU Name'].strip()
    return {
        'vcpus': int(row['Instance vCPU']),
        'memory_gib': row['Instance Memory (in GB)'].strip(),
        'cpu_model': cpu,
        'host_vcpus': int(row['Platform Total Number of vCPU']),
        'gpus': teads_gpu_count(row),
        'gpu_model': teads_gpu_model(row),
        'arch': arch_of_cpu(cpu),
        'provider': 'aws',
    }


def _col(row, name):
    return dec(row[name], '%s %s' % (row.get('Instance type'), name))


# ---------------------------------------------------------------------------
# The model

class Model:
    """Fitted coefficients plus the lookup tables.  Build with fit()."""

    source_id = SRC_MODEL        # the power_source id of modelled curves

    def __init__(self, tables):
        self._t = tables
        self.c = None            # CPU package curve, 4 Decimals
        self.d = None            # rest of server, share of T per vCPU
        self.r = None            # W per GiB, 4 Decimals
        self.g = None            # GPU curve, 4 Decimals
        self.implied_tdp = {}    # cpu key -> (T per vCPU, rows used)
        self.arch_t = {}         # arch -> fallback T per vCPU
        self.sheet_gpu = {}      # canonical GPU -> 4 per-card watts
        self.sheet_gpu_types = {}
        self.calibration = {}    # counts, for the report

    # -- CPU ---------------------------------------------------------------

    def _threads(self, key, host_vcpus=None, sockets=None, arch='x86_64'):
        if key in self._t['threads']:
            return self._t['threads'][key]
        if key in self._t['cpu_cores']:
            smt = 1 if arch == 'arm64' else 2
            return self._t['cpu_cores'][key] * smt, SRC_GA
        if host_vcpus and sockets and int(host_vcpus) % int(sockets) == 0:
            return int(host_vcpus) // int(sockets), 'spec'
        return None, None

    def cpu_tdp(self, cpu_model, host_vcpus=None, sockets=None):
        """(TDP of one package in W, vCPUs per package, source id of the TDP).

        TDP: CodeCarbon's table, else Green Algorithms', else the TDP the
        Teads sheet implies for that CPU (its PkgWatt @ 100 % per vCPU
        divided by the fitted c[100 %], times the vCPUs per package).
        vCPUs per package: CCF's AWS CPU table, else Boavizta's AWS hosts
        (host vCPUs / sockets), else Green Algorithms' core count x 2 (x 1
        for arm64), else host_vcpus / sockets when the caller gives both.
        Raises ModelGap when either is unknown; Model.curve() then falls back
        to the per-vCPU median of the architecture and says so.
        """
        key = cpu_key(cpu_model or '')
        if not key:
            raise ModelGap('CPU %r has no model number' % (cpu_model or ''))
        arch = arch_of_cpu(cpu_model)
        threads, tsrc = self._threads(key, host_vcpus, sockets, arch)
        if key in self._t['cpu_tdp']:
            tdp, src = self._t['cpu_tdp'][key]
            if threads is None:
                raise ModelGap('CPU %s: TDP %s W (%s) but no vCPU count per package'
                               % (cpu_model, fmt(tdp), src))
            return tdp, threads, src
        if key in self.implied_tdp:
            if threads is None:
                raise ModelGap('CPU %s: no vCPU count per package' % cpu_model)
            per_vcpu = self.implied_tdp[key][0]
            return q(per_vcpu * threads, Q1), threads, SRC_TEADS
        raise ModelGap('no TDP for CPU %s in CodeCarbon, Green Algorithms or the '
                       'Teads sheet' % cpu_model)

    def cpu_per_vcpu(self, cpu_model, arch, host_vcpus=None, sockets=None):
        """(T in W per vCPU, note, path); path is 'table', 'sheet' or
        'fallback'."""
        try:
            tdp, threads, src = self.cpu_tdp(cpu_model, host_vcpus, sockets)
            key = cpu_key(cpu_model)
            tsrc = self._threads(key, host_vcpus, sockets, arch_of_cpu(cpu_model))[1]
            t = tdp / Decimal(threads)
            if src == SRC_TEADS:
                note = ('%s: TDP %s W implied by the Teads sheet / %d vCPU per package (%s)'
                        % (cpu_model, fmt(tdp), threads, tsrc))
                return t, note, 'sheet'
            note = '%s: TDP %s W (%s) / %d vCPU per package (%s)' % (
                cpu_model, fmt(tdp), src, threads, tsrc)
            return t, note, 'table'
        except ModelGap as e:
            if arch not in self.arch_t:
                raise ModelGap('%s; no fallback for architecture %r' % (e, arch))
            t = self.arch_t[arch]
            note = ('%s: FALLBACK %s median of the sheet, %s W TDP per vCPU (%s)'
                    % (cpu_model or 'unknown CPU', arch, fmt(t), e))
            return t, note, 'fallback'

    # -- GPU ---------------------------------------------------------------

    def gpu_tdp(self, gpu_model):
        """(TDP in W, source id, note) of one GPU; raises ModelGap."""
        c = canonical_gpu(gpu_model)
        if c in NO_POWER_FIGURE:
            raise ModelGap('no open power figure for %s' % NO_POWER_FIGURE[c])
        for table, name in GPU_TDP_CANDIDATES.get(c, []):
            hit = self._t['gpu_tdp'].get((table, name))
            if hit is None:
                continue
            v, src = hit
            if table == 'ccf':
                tdp = q(v / self.g[3], Q1)
                return tdp, src, ('%s: CCF max %s W / g[100%%] = TDP %s W'
                                  % (c, fmt(v), fmt(tdp)))
            return v, src, '%s: TDP %s W (%s)' % (c, fmt(v), src)
        raise ModelGap('no open power figure for GPU %s' % gpu_model)

    def gpu_power(self, gpu_model):
        """(4 per-card watts, source id, note) of one GPU at the four loads."""
        c = canonical_gpu(gpu_model)
        if c in self.sheet_gpu:
            w = self.sheet_gpu[c]
            return w, SRC_TEADS, ('%s: per card as in the Teads sheet (%s)'
                                  % (c, ', '.join(self.sheet_gpu_types[c])))
        tdp, src, note = self.gpu_tdp(c)
        return [q(tdp * g, Q2) for g in self.g], src, note

    # -- instance ----------------------------------------------------------

    def curve(self, spec):
        """(four watts as strings, note) for one instance.

        spec: vcpus, memory_gib, cpu_model, host_vcpus (or None), gpus,
        gpu_model, arch, provider; optional cpu_sockets (sockets of the host,
        used only when no table gives the vCPUs per package).
        """
        w, note, _ = self.curve_detail(spec)
        return w, note

    def curve_detail(self, spec):
        vcpus = int(spec['vcpus'])
        if vcpus <= 0:
            raise ModelGap('vcpus must be above 0')
        mem = Decimal(str(spec['memory_gib']))
        gpus = Decimal(str(spec.get('gpus') or 0))
        arch = spec.get('arch') or arch_of_cpu(spec.get('cpu_model') or '')
        t, cpu_note, path = self.cpu_per_vcpu(spec.get('cpu_model') or '', arch,
                                              spec.get('host_vcpus'),
                                              spec.get('cpu_sockets'))
        notes = [cpu_note]
        gw = [Decimal(0)] * 4
        if gpus > 0:
            if not spec.get('gpu_model'):
                raise ModelGap('%s GPUs but no GPU model' % fmt(gpus))
            per, _, gnote = self.gpu_power(spec['gpu_model'])
            gw = [gpus * p for p in per]
            notes.append('%s x %s' % (fmt(gpus), gnote))
        out = []
        for i in range(4):
            p = vcpus * t * (self.c[i] + self.d) + mem * self.r[i] + gw[i]
            out.append(q(p, Q1))
        for i in range(1, 4):
            if out[i] < out[i - 1]:
                raise ModelGap('curve decreases (%s)' % '/'.join(fmt(x) for x in out))
        if out[0] <= 0:
            raise ModelGap('idle power not above 0')
        return [format(x, 'f') for x in out], '; '.join(notes), path

    def coefficients(self):
        return {'c': self.c, 'd': self.d, 'r': self.r, 'g': self.g,
                'arch_t': dict(self.arch_t),
                'implied_tdp': {k: v for k, v in self.implied_tdp.items()},
                'sheet_gpu': dict(self.sheet_gpu)}


def fit(teads_ec2_rows, sources_dir):
    """Fit the model on the given sheet rows (EC2 rows of the dot-decimal
    Teads CSV, as dicts keyed by its column names)."""
    m = Model(_tables(sources_dir))
    rows = list(teads_ec2_rows)
    if not rows:
        raise ModelGap('no rows to fit on')
    t = m._t

    def table_t(row):
        k = cpu_key(row['Platform CPU Name'])
        if k in t['cpu_tdp'] and k in t['threads']:
            return t['cpu_tdp'][k][0] / Decimal(t['threads'][k][0])
        return None

    # CPU package curve and rest of server, on rows whose CPU has a table TDP
    with_t = [(r, table_t(r)) for r in rows]
    with_t = [(r, x) for r, x in with_t if x is not None]
    if not with_t:
        raise ModelGap('no sheet row has a CPU with a TDP in the tables')
    m.c = [q(median([_col(r, 'PkgWatt @ ' + ld) / int(r['Instance vCPU']) / x
                     for r, x in with_t]), Q4) for ld in LOADS]
    m.d = q(median([_col(r, 'Delta Full Machine') / int(r['Instance vCPU']) / x
                    for r, x in with_t]), Q4)
    # memory per GiB
    m.r = [q(median([_col(r, 'RAMWatt @ ' + ld) / _col(r, 'Instance Memory (in GB)')
                     for r in rows]), Q4) for ld in LOADS]
    # TDP per vCPU implied by the sheet for CPUs no table has
    by_cpu = {}
    for r in rows:
        k = cpu_key(r['Platform CPU Name'])
        if k and k not in t['cpu_tdp']:
            by_cpu.setdefault(k, []).append(r)
    for k, rs in by_cpu.items():
        per = median([_col(r, 'PkgWatt @ 100%') / int(r['Instance vCPU']) for r in rs])
        m.implied_tdp[k] = (q(per / m.c[3], Q4), len(rs))
    # per-architecture fallback: median T over the rows
    arch_vals = {}
    for r in rows:
        k = cpu_key(r['Platform CPU Name'])
        x = table_t(r)
        if x is None and k in m.implied_tdp:
            x = m.implied_tdp[k][0]
        if x is not None:
            arch_vals.setdefault(arch_of_cpu(r['Platform CPU Name']), []).append(x)
    m.arch_t = {a: q(median(v), Q4) for a, v in arch_vals.items()}
    # GPU curve on rows whose GPU TDP comes from a TDP table (not CCF)
    gratios = [[], [], [], []]
    sheet = {}
    for r in rows:
        n = teads_gpu_count(r)
        if not n:
            continue
        c = teads_gpu_model(r)
        sheet.setdefault(c, []).append(r)
        tdp = None
        for table, name in GPU_TDP_CANDIDATES.get(c, []):
            if table != 'ccf' and (table, name) in t['gpu_tdp']:
                tdp = t['gpu_tdp'][(table, name)][0]
                break
        if tdp is None:
            continue
        for i, ld in enumerate(LOADS):
            gratios[i].append(_col(r, 'GPUWatt @ ' + ld) / n / tdp)
    if all(gratios):
        m.g = [q(median(x), Q4) for x in gratios]
    else:
        # no GPU row to calibrate on (possible only in tests with few
        # rows): use the CPU package curve
        m.g = list(m.c)
    for c, rs in sheet.items():
        m.sheet_gpu[c] = [q(median([_col(r, 'GPUWatt @ ' + ld) / teads_gpu_count(r)
                                    for r in rs]), Q2) for ld in LOADS]
        m.sheet_gpu_types[c] = sorted({family_of(r['Instance type']) for r in rs})
    for name, vec in (('c', m.c), ('r', m.r), ('g', m.g)):
        if any(vec[i] > vec[i + 1] for i in range(3)) or vec[0] < 0:
            raise ModelGap('fitted %s curve decreases: %s' % (name, vec))
    m.calibration = {'rows': len(rows), 'rows_with_table_tdp': len(with_t),
                     'gpu_rows_calibrating_g': len(gratios[0])}
    return m


# ---------------------------------------------------------------------------
# Leave one family out

def leave_one_family_out(teads_ec2_rows, sources_dir):
    """Refit without each instance family in turn and predict its rows.

    Returns {'loads': LOAD_NAMES, 'rows': n, 'overall': {load: {'median',
    'p95', 'worst', 'worst_type'}}, 'families': {family: {load: {'median',
    'worst'}}}, 'paths': {path: {load: {...}, 'rows': n}}, 'gaps': [(type,
    reason)]}.  Errors are relative (|model - sheet| / sheet) as Decimals.
    """
    rows = list(teads_ec2_rows)
    fams = {}
    for r in rows:
        fams.setdefault(family_of(r['Instance type'].strip()), []).append(r)
    errs = []          # (type, family, path, [4 errors])
    gaps = []
    for fam in sorted(fams):
        train = [r for r in rows if family_of(r['Instance type'].strip()) != fam]
        m = fit(train, sources_dir)
        for r in fams[fam]:
            try:
                w, _, path = m.curve_detail(spec_from_teads(r))
            except ModelGap as e:
                gaps.append((r['Instance type'], str(e)))
                continue
            e4 = []
            for i, ld in enumerate(LOADS):
                actual = _col(r, 'Instance @ ' + ld)
                e4.append(abs(Decimal(w[i]) - actual) / actual)
            errs.append((r['Instance type'].strip(), fam, path, e4))

    def summarise(items):
        out = {}
        for i, name in enumerate(LOAD_NAMES):
            vals = [(e[3][i], e[0]) for e in items]
            worst = max(vals, key=lambda v: (v[0], v[1]))
            srt = sorted(v[0] for v in vals)
            # 95th percentile, nearest-rank method
            p95 = srt[max(0, -(-95 * len(srt) // 100) - 1)]
            out[name] = {'median': median([v[0] for v in vals]), 'p95': p95,
                         'worst': worst[0], 'worst_type': worst[1]}
        return out

    res = {'loads': LOAD_NAMES, 'rows': len(errs), 'overall': summarise(errs),
           'families': {}, 'paths': {}, 'gaps': gaps}
    for fam in sorted(fams):
        items = [e for e in errs if e[1] == fam]
        if items:
            res['families'][fam] = summarise(items)
    for path in sorted({e[2] for e in errs}):
        items = [e for e in errs if e[2] == path]
        res['paths'][path] = summarise(items)
        res['paths'][path]['rows'] = len(items)
    return res


def pct(x):
    return fmt(q(x * 100, Q1))


def report(sources_dir, markdown=False):
    rows = read_teads_ec2(sources_dir)
    m = fit(rows, sources_dir)
    res = leave_one_family_out(rows, sources_dir)
    out = []
    out.append('coefficients c %s' % ' '.join(fmt(x) for x in m.c))
    out.append('coefficients d %s' % fmt(m.d))
    out.append('coefficients r %s' % ' '.join(fmt(x) for x in m.r))
    out.append('coefficients g %s' % ' '.join(fmt(x) for x in m.g))
    for a in sorted(m.arch_t):
        out.append('fallback %s %s' % (a, fmt(m.arch_t[a])))
    for k in sorted(m.implied_tdp):
        out.append('implied %s %s W/vCPU (%d rows)' % (k, fmt(m.implied_tdp[k][0]),
                                                        m.implied_tdp[k][1]))
    for k in sorted(m.sheet_gpu):
        out.append('sheet-gpu %s %s' % (k, ' '.join(fmt(x) for x in m.sheet_gpu[k])))
    for name in LOAD_NAMES:
        o = res['overall'][name]
        out.append('lofo %s median %s worst %s worst_type %s'
                   % (name, pct(o['median']), pct(o['worst']), o['worst_type']))
    for path, v in sorted(res['paths'].items()):
        out.append('path %s rows %d %s' % (path, v['rows'], ' '.join(
            '%s:%s/%s' % (n, pct(v[n]['median']), pct(v[n]['worst'])) for n in LOAD_NAMES)))
    fams = sorted(res['families'].items(),
                  key=lambda kv: (-max(kv[1][n]['worst'] for n in LOAD_NAMES), kv[0]))
    for fam, v in fams:
        out.append('family %s %s' % (fam, ' '.join(
            '%s:%s/%s' % (n, pct(v[n]['median']), pct(v[n]['worst'])) for n in LOAD_NAMES)))
    for t, reason in res['gaps']:
        out.append('gap %s %s' % (t, reason))
    out.append('rows %d' % res['rows'])
    if markdown:
        md = ['| load | median error | worst error | worst row |', '| --- | --- | --- | --- |']
        for name in LOAD_NAMES:
            o = res['overall'][name]
            md.append('| %s | %s %% | %s %% | %s |' % (
                'idle' if name == 'idle' else name + ' %', pct(o['median']),
                pct(o['worst']), o['worst_type']))
        out.extend([''] + md)
    return '\n'.join(out) + '\n'


def main(argv):
    if not argv or argv[0] in ('-h', '--help'):
        sys.stderr.write('usage: power_model.py SOURCES_DIR [--markdown]\n')
        return 2
    try:
        sys.stdout.write(report(argv[0], '--markdown' in argv[1:]))
    except (ModelGap, SourceError) as e:
        sys.stderr.write('power_model.py: error: %s\n' % e)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
