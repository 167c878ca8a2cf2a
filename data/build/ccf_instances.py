# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""ccf_instances.csv: what Cloud Carbon Footprint (CCF) computes an instance
type of instances.csv with.  Called by ccf.build; see ccf.py for the files
read and data/README.md ("CCF's coefficients") for the columns.

Which types CCF covers, and how (CCF application, packages/*/src/lib):
- AWS: every EC2 type, CCF reading vCPUs from the bill.  Watts per vCPU
  from the processors CCF's table lists for the type (ccf_types), else
  the micro-architecture of the host CPU its 2026 instance list names,
  else the AWS average.  Memory above the allowance
  only for families of CCF's own EC2 table, never for burstable ones.
- GCP: every machine type (vCPU-hours and RAM GB-hours come from the
  bill, every GB-hour charged).  Processors by machine family, else the
  coefficients repository's per-type lists, else the GCP median.
- Azure: the VMs CCF's tables list (azure-instances.csv and the
  application's v5 and A100 series); CCF counts any other VM as 1 vCPU,
  which is not an estimate of it.
GPUs: CCF's min/max watts per GPU for the instance's GPU model; on GCP a
GPU CCF does not name gets the average of the six it does.  Accelerators
without a CCF figure (H100, L4 and L40S outside GCP, Inferentia, FPGAs)
leave the type out: estimating the rest would hide them.
"""

import os
from decimal import Decimal

import ccf_types as T

SRC_COEF_2026 = 'ccf-coefficients-2026'
SRC_EMBODIED_2026 = 'ccf-embodied-2026'

AWS_2026_CSV = os.path.join('ccf-coefficients', 'aws-instances-latest-2026.csv')
GCP_2026_CSV = os.path.join('ccf-coefficients', 'gcp-instances-latest-2026.csv')
GCP_MEAN_CSV = os.path.join('ccf-coefficients', 'coefficients-gcp-embodied-mean.csv')
PLATFORM_CSV = {
    'gcp': (os.path.join('ccf-coefficients', 'gcp-instances.csv'), 'Machine type'),
    'azure': (os.path.join('ccf-coefficients', 'azure-instances.csv'), 'Virtual Machine'),
}
AZURE_EMBODIED_CSV = os.path.join('ccf-coefficients', 'coefficients-azure-embodied.csv')
AWS_EMBODIED_CSV = os.path.join('ccf-coefficients', 'coefficients-aws-embodied.csv')

# Micro-architecture names of the coefficients repository's lists -> CCF's
# processor names (the AMD ones carry 'AMD ', Graviton 'AWS ').
LIST_ARCH = {
    'EPYC 1st Gen': T.EPYC1, 'EPYC 2nd Gen': T.EPYC2, 'EPYC 3rd Gen': T.EPYC3,
    'Unknown': T.UNKNOWN, '': T.UNKNOWN,
}

# Host CPU names of aws-instances-latest-2026.csv (Platform CPU Name) that
# instances.csv's cpu_model table in ccf.py does not spell the same way.
AWS_2026_CPU = {
    'AWS Graviton2 Processor': 'AWS Graviton2',
    'AWS Graviton3 Processor': 'AWS Graviton3',
    'AWS Graviton3E Processor': 'AWS Graviton3',
    'AWS Graviton4 Processor': 'AWS Graviton4',
    'Annapurna Labs Graviton': T.GRAVITON,
    'Intel Xeon Ice Lake': T.ICL, 'Intel Xeon Ice Lake 8375C': T.ICL,
    'Intel Xeon Sapphire Rapids': 'Sapphire Rapids',
    'Intel Xeon Granite Rapids': 'Granite Rapids',
    'Intel Emerald Rapids': 'Emerald Rapids',
    'Intel Xeon Emerald Rapids': 'Emerald Rapids',
    'AMD EPYC 7R13': T.EPYC3, 'AMD EPYC 9R14': 'AMD EPYC 4th Gen',
    'AMD EPYC 9R45': 'AMD EPYC 5th Gen', 'AMD EPYC 9R05': 'AMD EPYC 5th Gen',
    'AMD EPYC 7571': T.EPYC1, '2nd Gen AMD EPYC 7R32': T.EPYC2,
    'Intel Xeon Platinum 8259CL': T.CL, 'Intel Xeon Platinum 8259L': T.CL,
    'Intel Cascade Lake P-8259CL': T.CL, 'Intel Xeon Platinum 8252C': T.CL,
    'Intel Xeon Platinum 8275CL': T.CL, '2nd Gen Intel Xeon Platinum 8275CL': T.CL,
    'Intel Xeon Platinum 8280L': T.CL, 'Intel Xeon Cascade Lake': T.CL,
    'Intel Xeon Platinum 8175M': T.SKL, 'Intel Skylake P-8175': T.SKL,
    'Intel Xeon Platinum 8124M': T.SKL, 'Intel Xeon Platinum 8151': T.SKL,
    'Intel Xeon Platinum 8176M': T.SKL,
    'Intel Broadwell E5-2686 v4': T.BDW, 'Intel Xeon E5-2686 v4': T.BDW,
    'Intel Xeon E5-2670': T.SNB, 'Intel Xeon E5-2665': T.SNB,
    'Intel Haswell E7 8880v3': T.HSW, 'Intel Xeon E7-8880 v3': T.HSW,
    'Intel Xeon E5-2666 V3': T.HSW, 'Intel Xeon E5-2676 v3': T.HSW,
    'Intel Xeon E5-2676 V3': T.HSW,
    'Intel Xeon E5-2680 V2': T.IVB, 'Intel Xeon E5-2651 V2': T.IVB,
    'Intel Core i7-8700B': T.CFL,
}

GPU_PROCESSOR = {
    'A100': 'Nvidia Tesla A100',
    # CCF's GCP rule matches billing names by prefix, so the 80 GB A100
    # ('Nvidia Tesla A100 80GB') takes the A100's figures.
    'A100 80GB': 'Nvidia Tesla A100',
    'A10G': 'Nvidia A10G', 'K520': 'Nvidia K520', 'K80': 'Nvidia Tesla K80',
    'M60': 'Nvidia Tesla M60', 'P100': 'Nvidia Tesla P100', 'P4': 'Nvidia Tesla P4',
    'P40': 'Nvidia Tesla P40', 'Radeon Pro V520': 'AMD Radeon Pro V520',
    'T4': 'Nvidia T4', 'V100': 'Nvidia Tesla V100',
}

UNCOVERED_ACCELERATORS = {
    ('aws', 'f1'): 'Xilinx Virtex UltraScale+ VU9P FPGAs',
    ('aws', 'inf1'): 'AWS Inferentia chips',
}

BURSTABLE = {'t2', 't3', 't3a', 't4g'}
TWO_CHIP_FAMILIES = {'m5zn', 'z1d'}
VCPUS_PER_CHIP = 96
SHARP = Decimal('0.000000001')
SIX = Decimal('0.000001')


def dec_str(d):
    s = format(d.quantize(SHARP) if d != d.to_integral_value() else d, 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    return '0' if s in ('', '-0') else s


def _median(vals):
    v = sorted(vals)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def cpu_watts(provider, procs, proc, scalar):
    """(label, min, max, memory GB per chip or None) as CCF's getMinWatts,
    getMaxWatts and getMemory give them for the processor list PROCS."""
    lo = [proc.get((provider, 'MIN_WATTS_BY_COMPUTE_PROCESSOR', p)) for p in procs]
    hi = [proc.get((provider, 'MAX_WATTS_BY_COMPUTE_PROCESSOR', p)) for p in procs]
    mem = [proc.get((provider, 'MEMORY_BY_COMPUTE_PROCESSOR', p)) for p in procs]
    avg = scalar.get((provider, 'MEMORY_AVG', 'all'))
    if None in mem:
        mem_chip = avg[1] if avg else None
    else:
        mem_chip = sum(m[1] for m in mem) / len(mem)
    if None in lo or None in hi:
        kind = 'AVG' if (provider, 'MIN_WATTS_AVG', 'all') in scalar else 'MEDIAN'
        name = {'aws': 'AWS', 'gcp': 'GCP', 'azure': 'Azure'}[provider]
        return ('%s %s' % (name, 'average' if kind == 'AVG' else 'median'),
                scalar[(provider, 'MIN_WATTS_' + kind, 'all')][1],
                scalar[(provider, 'MAX_WATTS_' + kind, 'all')][1], mem_chip)
    if T.SNB in procs or T.IVB in procs:
        # CCF takes the median when Sandy or Ivy Bridge, outliers, are in.
        f, how = _median, 'median'
    else:
        f, how = (lambda v: sum(v) / len(v)), 'average'
    label = procs[0] if len(procs) == 1 else '%s of %s' % (how, '+'.join(procs))
    return (label, f([x[1] for x in lo]), f([x[1] for x in hi]), mem_chip)


def gpu_watts(provider, model, proc):
    """(CCF GPU name, min, max) or None."""
    name = GPU_PROCESSOR.get(model)
    if name is not None:
        lo = proc.get((provider, 'MIN_WATTS_BY_COMPUTE_PROCESSOR', name))
        hi = proc.get((provider, 'MAX_WATTS_BY_COMPUTE_PROCESSOR', name))
        if lo and hi:
            return name, lo[1], hi[1]
    if provider == 'gcp':
        # getGpuComputeProcessorsFromUsageType: no prefix match -> all.
        lo = [proc[('gcp', 'MIN_WATTS_BY_COMPUTE_PROCESSOR', g)][1]
              for g in T.GCP_GPU_PROCESSORS]
        hi = [proc[('gcp', 'MAX_WATTS_BY_COMPUTE_PROCESSOR', g)][1]
              for g in T.GCP_GPU_PROCESSORS]
        return ('GCP GPU average', sum(lo) / len(lo), sum(hi) / len(hi))
    return None


def azure_key(t):
    """How CCF's Azure tables spell instance type T, lower-cased."""
    if t.startswith('Standard_'):
        t = t[len('Standard_'):]
    return t.replace('_', ' ').lower()


# ---------------------------------------------------------------------------
# Reading the coefficient repository's lists


def _col(path, header, names, fail):
    for c in names:
        if c not in header:
            fail('%s: missing column %r' % (path, c))


def read_lists(src, read_csv, num, fail):
    """Everything the per-type rules need from ccf-coefficients/."""
    out = {}
    path = os.path.join(src, AWS_2026_CSV)
    header, rows = read_csv(path)
    _col(path, header, ('Instance Type', 'Platform CPU Name',
                        'Platform Embedded Emissions (mtCo2eq)'), fail)
    out['aws_cpu'], out['aws_emb'] = {}, {}
    for line, r in rows:
        t = r['Instance Type'].strip()
        out['aws_cpu'].setdefault(t, r['Platform CPU Name'].strip())
        e = r['Platform Embedded Emissions (mtCo2eq)'].strip()
        if e and t not in out['aws_emb']:
            out['aws_emb'][t] = num(e, '%s:%d' % (path, line), fail) * 1000
    path = os.path.join(src, AWS_EMBODIED_CSV)
    header, rows = read_csv(path)
    _col(path, header, ('type', 'total'), fail)
    out['aws_coef'] = {r['type'].strip(): num(r['total'], '%s:%d' % (path, line), fail)
                       for line, r in rows}
    path = os.path.join(src, GCP_2026_CSV)
    header, rows = read_csv(path)
    _col(path, header, ('Instance Type', 'Microarchitecture', 'CPU Name'), fail)
    out['gcp_2026'] = {r['Instance Type'].strip(): r['Microarchitecture'].strip()
                       for _, r in rows}
    path = os.path.join(src, GCP_MEAN_CSV)
    header, rows = read_csv(path)
    _col(path, header, ('type', 'total_mean'), fail)
    out['gcp_mean'] = {r['type'].strip(): num(r['total_mean'], '%s:%d' % (path, line), fail)
                       for line, r in rows}
    for p, (rel, tcol) in PLATFORM_CSV.items():
        path = os.path.join(src, rel)
        header, rows = read_csv(path)
        vcol, mcol = 'Platform vCPUs (highest vCPU possible)', 'Platform Memory'
        _col(path, header, (tcol, 'Microarchitecture', vcol, mcol), fail)
        types = {}
        for line, r in rows:
            k = r[tcol].strip().lower()
            x = types.setdefault(k, {'arch': [], 'platform': None,
                                     'series': r.get('Series', '').strip()})
            a = r['Microarchitecture'].strip()
            a = LIST_ARCH.get(a, a)
            if a not in x['arch']:
                x['arch'].append(a)
            v = r[vcol].strip()
            if v.isdigit() and int(v) > 0 and x['platform'] is None:
                x['platform'] = (int(v), num(r[mcol], '%s:%d' % (path, line), fail))
        out[p] = types
    path = os.path.join(src, AZURE_EMBODIED_CSV)
    header, rows = read_csv(path)
    _col(path, header, ('type', 'total'), fail)
    emb = {}
    for line, r in rows:
        emb.setdefault(r['type'].strip().lower(), []).append(
            num(r['total'], '%s:%d' % (path, line), fail))
    out['azure_emb'] = {k: sum(v) / len(v) for k, v in emb.items()}
    return out


# ---------------------------------------------------------------------------
# The rules per provider


def _aws_processors(r, lists, cpu_arch):
    """(processor list, mapping source) for AWS type R."""
    t, fam = r['instance_type'], r['family']
    if t in T.AWS_TYPE_PROCESSORS:
        return T.AWS_TYPE_PROCESSORS[t], T.APP_TYPES_SOURCE
    if fam in T.AWS_FAMILY_PROCESSORS:
        return T.AWS_FAMILY_PROCESSORS[fam], T.APP_TYPES_SOURCE
    name = lists['aws_cpu'].get(t, '')
    arch = AWS_2026_CPU.get(name) or cpu_arch.get(name)
    if arch:
        return [arch], SRC_COEF_2026
    # Not in CCF's lists: CCF's own rule for an unknown processor.
    return [T.UNKNOWN], T.APP_TYPES_SOURCE


def _gcp_processors(r, lists):
    t, fam = r['instance_type'], r['family']
    if t in T.GCP_SHARED_CORE:
        return [T.UNKNOWN], T.APP_TYPES_SOURCE
    if fam in T.GCP_FAMILY_PROCESSORS:
        return T.GCP_FAMILY_PROCESSORS[fam], T.APP_TYPES_SOURCE
    x = lists['gcp'].get(t)
    if x is not None:
        return x['arch'], 'ccf-coef-2021'
    a = lists['gcp_2026'].get(t)
    if a is not None:
        return [LIST_ARCH.get(a, a)], SRC_COEF_2026
    return [T.UNKNOWN], T.APP_TYPES_SOURCE


def _azure_processors(key, lists):
    """(processors, mapping source, platform (vCPUs, GB), host kg, embodied
    source) for Azure VM KEY, or None when CCF does not know it."""
    app = T.AZURE_APP_VMS.get(key)
    if app is not None:
        procs, largest, tonnes = app
        return (procs, T.APP_TYPES_SOURCE, (largest[0], Decimal(largest[1])),
                Decimal(tonnes) * 1000, T.APP_TYPES_SOURCE)
    x = lists['azure'].get(key)
    if x is None:
        return None
    procs = T.AZURE_SERIES_PROCESSORS.get(x['series'])
    src = T.APP_TYPES_SOURCE
    if procs is None:
        procs, src = x['arch'], 'ccf-coef-2021'
    emb = lists['azure_emb'].get(key)
    return procs, src, x['platform'], emb, 'ccf-coef-2021'


def _largest(rows):
    return max(rows, key=lambda r: (int(r['vcpus']), Decimal(r['memory_gib']),
                                    r['instance_type'].encode()))


def _allowance(mem, big_vcpus, big_mem, mem_chip, two_chip=False):
    """CCF's calculateGigabyteHours as the GB of MEM it charges nothing for:
    the largest instance's memory per chip above the chip's allowance,
    scaled by this instance's share of the largest's memory."""
    n = 2 if two_chip else -(-big_vcpus // VCPUS_PER_CHIP)
    extra = big_mem / n - mem_chip
    charged = extra * mem / big_mem if extra > 0 else Decimal(0)
    return n, mem - charged


def instance_row(r, families, lists, proc, scalar, cpu_arch):
    """(row dict, None) or (None, reason) for instances.csv row R."""
    p, t, fam = r['provider'], r['instance_type'], r['family']
    if (p, fam) in UNCOVERED_ACCELERATORS:
        return None, ('carries %s, for which CCF publishes no coefficient'
                      % UNCOVERED_ACCELERATORS[(p, fam)])
    mem = Decimal(r['memory_gib'])
    vcpus = int(r['vcpus'])
    host_kg = host_vcpus = emb_src = None
    chips, allowance, big_name = '', mem, ''
    if p == 'aws':
        procs, map_src = _aws_processors(r, lists, cpu_arch)
    elif p == 'gcp':
        procs, map_src = _gcp_processors(r, lists)
    elif p == 'azure':
        az = _azure_processors(azure_key(t), lists)
        if az is None:
            return None, ('not among the VMs CCF knows (azure-instances.csv, '
                          'CCF\'s VM tables)')
        procs, map_src, plat, host_kg, emb_src = az
    else:
        return None, 'no CCF coefficients for provider %s' % p
    label, cmin, cmax, mem_chip = cpu_watts(p, procs, proc, scalar)
    gpus = int(r['gpus'])
    ccf_gpu = gmin = gmax = ''
    if gpus > 0:
        g = gpu_watts(p, r['gpu_model'], proc)
        if g is None:
            return None, 'CCF has no watts for GPU %s on %s' % (r['gpu_model'], p)
        ccf_gpu, gmin, gmax = g[0], dec_str(g[1]), dec_str(g[2])
    if p == 'aws':
        big = _largest(families[(p, fam)])
        big_name, host_vcpus = big['instance_type'], int(big['vcpus'])
        if t in lists['aws_coef']:
            host_kg, emb_src = lists['aws_coef'][t], 'ccf-coef-2021'
        elif t in lists['aws_emb']:
            host_kg, emb_src = lists['aws_emb'][t], SRC_EMBODIED_2026
        if (fam in T.AWS_MEMORY_FAMILIES and fam not in BURSTABLE
                and t not in T.AWS_NO_MEMORY_TYPES):
            bv, bm = T.AWS_LARGEST_OVERRIDE.get(
                fam, (host_vcpus, Decimal(big['memory_gib'])))
            n, allowance = _allowance(mem, bv, Decimal(bm), mem_chip,
                                      fam in TWO_CHIP_FAMILIES)
            chips = str(n)
    elif p == 'gcp':
        # GCP bills RAM apart and CCF charges every GB-hour of it.
        allowance = Decimal(0)
        x = lists['gcp'].get(t)
        if x is not None and x['platform'] and t in lists['gcp_mean']:
            host_vcpus, host_kg = x['platform'][0], lists['gcp_mean'][t]
            emb_src = 'ccf-coef-2021'
    else:
        if plat is not None and mem_chip is not None:
            n, allowance = _allowance(mem, plat[0], plat[1], mem_chip)
            chips = str(n)
            host_vcpus = plat[0]
        if host_kg is None or host_vcpus is None:
            host_kg = None
    if host_kg is None:
        # CCF has no host figure for the type: the catalogue's own.
        host_kg, host_vcpus = Decimal(r['embodied_host_kgco2e']), int(r['host_vcpus'])
        emb_src = r['embodied_source']
    if host_vcpus < vcpus:
        return None, 'host platform smaller than the instance'
    base = T.AWS_BURSTABLE_BASELINE.get(t) if p == 'aws' else None
    factor = (Decimal(str(base)) / T.AVG_CPU_UTILIZATION) if base is not None else Decimal(1)
    return {
        'provider': p, 'instance_type': t, 'vcpu_factor': dec_str(factor),
        'cpu_microarchitecture': '+'.join(procs).replace(T.UNKNOWN, 'unknown'),
        'ccf_architecture': label,
        'cpu_min_w_per_vcpu': dec_str(cmin), 'cpu_max_w_per_vcpu': dec_str(cmax),
        'memory_gb_per_chip': dec_str(mem_chip) if mem_chip is not None else '',
        'memory_chips': chips, 'largest_instance_type': big_name,
        # Six places, as ccf.py has always written it.
        'memory_allowance_gib': (r['memory_gib'] if allowance == mem
                                 else dec_str(allowance.quantize(SIX))),
        'ccf_gpu': ccf_gpu, 'gpu_min_w': gmin, 'gpu_max_w': gmax,
        'embodied_host_kgco2e': dec_str(host_kg), 'host_vcpus': str(host_vcpus),
        'embodied_source': emb_src, 'mapping_source': map_src,
    }, None
