#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Check carbon-advisor's --method ccf energy against Cloud Carbon
Footprint's (CCF) algorithm, re-implemented here on its own from the raw
files (ccf-constants/, ccf-coefficients/), never from data/ccf_*.csv.

    ccf-check.py SOURCES_DIR DATA_DIR PROGRAM

DATA_DIR/instances.csv only names the catalogue's types (and gives the GPU
model, which CCF's AWS lists lack).  A deterministic eighth of them, each
with a region and a load drawn from a hash of its name, is held out and
estimated for 10 h by PROGRAM; the energy (kWh, PUE included) is compared
with CCF's.  Prints the share of cases within 1 % and 5 %; exits 1 when
fewer than 80 % are within 5 % or a type this script says CCF covers is
refused, 0 otherwise.  Standard library only.

CCF's rules, as its application applies them (cloud-carbon-footprint,
packages/{aws,gcp,azure}/src/lib, core FootprintEstimate.ts):
  energy = (vCPU-h x (min + u (max - min)) + GPU-h x (gmin + u (gmax -
           gmin)) + GB-h charged x 0.392) / 1000 x PUE
  min/max: the mean of the watts of the processors listed for the type
  (the median when Sandy or Ivy Bridge is listed); the provider's average
  (AWS, Azure) or median (GCP) when one has no figure or none is listed.
"""

import csv
import hashlib
import os
import subprocess
import sys

CL, SK, BW, HW, CF = 'Cascade Lake', 'Skylake', 'Broadwell', 'Haswell', 'Coffee Lake'
SB, IB, IL = 'Sandy Bridge', 'Ivy Bridge', 'Ice Lake'
E1, E2, E3 = 'AMD EPYC 1st Gen', 'AMD EPYC 2nd Gen', 'AMD EPYC 3rd Gen'
G1, G2 = 'AWS Graviton', 'AWS Graviton2'
NONE = '?'

# AWS: CCF's INSTANCE_TYPE_COMPUTE_PROCESSOR_MAPPING, by family.
AWS = {}
for procs, fams in (
        ([CF], 'mac1'), ([G1], 'a1'), ([IB], 'g2'), ([SK], 'm5 m5d p3dn'),
        ([G2], 't4g m6g m6gd c6g c6gd r6g r6gd g5g c6gn x2gd im4gn is4gen'),
        ([CL], 't2 t3 m5n m5dn m5zn r5n r5dn z1d r5b x2iezn dl1 vt1 p4d g4dn'),
        ([E1], 't3a m5a m5ad r5a r5ad'), ([BW, HW], 'm4'),
        ([CL, SK], 'c5 c5d c5n r5 r5d i3en'), ([E2], 'c5a c5ad g4ad g5'),
        ([HW], 'c4 x1e x1 d2'), ([BW], 'r4 h1 f1 p2 p3 g3s g3'),
        ([E3], 'm6a c6a hpc6a'), ([IL], 'c6i r6i x2idn x2iedn i4i'),
        ([NONE], 'm1 m3 c1 c2 c3 m2 cr1 cc2 r3 i2 i3 hs1 t1 inf1 d3 d3en m6i '
                 'u-3tb1 u-6tb1 u-9tb1 u-12tb1 u-18tb1 u-24tb1')):
    for f in fams.split():
        AWS[f] = procs
AWS_SIZES = {'c5.12xlarge': [CL], 'c5.24xlarge': [CL], 'c5d.12xlarge': [CL],
             'c5d.24xlarge': [CL]}
# Families whose memory CCF estimates (its EC2_INSTANCE_TYPES), burstable
# ones excepted.
AWS_MEM = set('a1 c4 c5 c5a c5ad c5d c5n c6g c6gd c6gn c6i c6a hpc6a mac1 m4 m5 m5a '
              'm5ad m5d m5dn m5n m5zn m6g m6gd m6i m6a p2 p3 p3dn p4d r4 r5 r5a r5ad '
              'r5b r5d r5dn r5n r6g r6gd r6i x1 x1e x2gd x2idn x2iedn x2iezn z1d c1 '
              'cr1 cc2 c2 c3 d2 d3 d3en dl1 f1 g2 g3 g3s g4ad g4dn g5 g5g h1 hs1 i2 i3 '
              'i3en inf1 im4gn is4gen i4i m1 m2 m3 r3 t1 vt1'.split())
BURST = {'nano': 5, 'micro': 10, 'small': 20, 'medium': 20, 'large': 30}
GCP = {'e2': [SK, BW, HW, E2], 'n2': [CL], 'n2d': [E2], 't2d': [E3],
       'n1': [SK, BW, HW, SB, IB], 'c2': [CL], 'c2d': [E3], 'm2': [BW, CL],
       'm1': [BW, SK], 'a2': [CL]}
GCP_GPUS = ['Nvidia T4', 'Nvidia Tesla K80', 'Nvidia Tesla V100', 'Nvidia Tesla A100',
            'Nvidia Tesla P4', 'Nvidia Tesla P100']
AZ_SERIES = {'Fs-Series': [CL, SK, BW, HW], 'NCas_T4_v3 Series': [E2],
             'NVv3-series': [BW], 'NDv2 Series': [SK], 'E2 – E96 v5': [IL]}
GPU = {'A100': 'Nvidia Tesla A100', 'A100 80GB': 'Nvidia Tesla A100', 'A10G': 'Nvidia A10G',
       'K520': 'Nvidia K520', 'K80': 'Nvidia Tesla K80', 'M60': 'Nvidia Tesla M60',
       'T4': 'Nvidia T4', 'V100': 'Nvidia Tesla V100', 'P100': 'Nvidia Tesla P100',
       'Radeon Pro V520': 'AMD Radeon Pro V520'}


def azure_app(name):
    """CCF application's Azure VMs that azure-instances.csv lacks:
    (processors, largest (vCPUs, GB)) or None."""
    n = name.replace('Standard_', '').replace('_', ' ').lower()
    parts = n.split()
    if n.endswith(' a100 v4'):
        if n.startswith('nc') and n.split()[0] in ('nc24ads', 'nc48ads', 'nc96ads'):
            return [E3], (96, 880)
        return {'nd96asr': ([NONE], (96, 900)),
                'nd96amsr': ([NONE], (96, 1900))}.get(parts[0])
    if len(parts) != 2 or parts[1] != 'v5' or '-' in n:
        return None
    head = parts[0]
    for pre, suf, procs, big, sizes in (
            ('d', 'as', [E3], (96, 384), '2 4 8 16 32 48 64 96'),
            ('d', 'ads', [E3], (96, 384), '2 4 8 16 32 48 64 96'),
            ('d', 'd', [IL], (96, 384), '2 4 8 16 32 48 64 96'),
            ('d', 'ds', [IL], (96, 384), '2 4 8 16 32 48 64 96'),
            ('d', '', [IL], (96, 384), '2 4 8 16 32 48 64 96'),
            ('d', 's', [IL], (96, 384), '2 4 8 16 32 48 64 96'),
            ('e', 'as', [E3], (96, 672), '2 4 8 16 20 32 48 64 96'),
            ('e', 'ads', [E3], (96, 672), '2 4 8 16 20 32 48 64 96'),
            ('e', 'd', [IL], (104, 672), '2 4 8 16 20 32 48 64 96 104i'),
            ('e', 'ds', [IL], (104, 672), '2 4 8 16 20 32 48 64 96 104i'),
            ('e', 's', [IL], (104, 672), '2 4 8 16 20 32 48 64 96 104i'),
            ('e', '', [IL], (104, 672), '104i'),
            ('e', 'bds', [IL], (64, 512), '2 4 8 16 32 48 64'),
            ('e', 'bs', [IL], (64, 512), '2 4 8 16 32 48 64')):
        if any(head == '%s%s%s' % (pre, s, suf) for s in sizes.split()):
            return procs, big
    return None


def rows(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


def h(s):
    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16)


class Ccf:
    def __init__(self, src):
        c = os.path.join(src, 'ccf-constants')
        self.proc = {(r['provider'], r['constant'], r['processor']): float(r['value'])
                     for r in rows(os.path.join(c, 'ccf_processor_coefficients.csv'))}
        self.const = {(r['provider'], r['constant'], r['region']): float(r['value'])
                      for r in rows(os.path.join(c, 'ccf_cloud_constants.csv'))}
        self.regions = {}
        for r in rows(os.path.join(c, 'ccf_grid_emission_factors.csv')):
            if r['factor_kind'] == 'grid' and not r['note'].startswith('Sum of'):
                self.regions.setdefault(r['provider'], []).append(r['region_lc'])
        k = os.path.join(src, 'ccf-coefficients')
        self.aws = {r['Instance Type']: r for r in
                    rows(os.path.join(k, 'aws-instances-latest-2026.csv'))}
        self.gcp_old, self.az = {}, {}
        for r in rows(os.path.join(k, 'gcp-instances.csv')):
            self.gcp_old.setdefault(r['Machine type'], []).append(r)
        for r in rows(os.path.join(k, 'azure-instances.csv')):
            self.az.setdefault(r['Virtual Machine'].lower(), []).append(r)
        self.gcp_new = {r['Instance Type']: r for r in
                        rows(os.path.join(k, 'gcp-instances-latest-2026.csv'))}

    def watts(self, p, procs):
        """(min, max, GB per chip)."""
        lo = [self.proc.get((p, 'MIN_WATTS_BY_COMPUTE_PROCESSOR', x)) for x in procs]
        hi = [self.proc.get((p, 'MAX_WATTS_BY_COMPUTE_PROCESSOR', x)) for x in procs]
        me = [self.proc.get((p, 'MEMORY_BY_COMPUTE_PROCESSOR', x)) for x in procs]
        chip = (sum(me) / len(me)) if None not in me else self.const.get((p, 'MEMORY_AVG', 'all'))
        if None in lo or None in hi:
            k = 'AVG' if (p, 'MIN_WATTS_AVG', 'all') in self.const else 'MEDIAN'
            return (self.const[(p, 'MIN_WATTS_' + k, 'all')],
                    self.const[(p, 'MAX_WATTS_' + k, 'all')], chip)
        if SB in procs or IB in procs:
            def f(v):
                v = sorted(v)
                n = len(v)
                return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
        else:
            def f(v):
                return sum(v) / len(v)
        return f(lo), f(hi), chip

    def aws_cpu(self, name):
        n = name
        for keys, arch in ((('Graviton2',), G2), (('Graviton',), NONE if 'Graviton3' in n
                                                   or 'Graviton4' in n else G1),
                           (('7571',), E1), (('7R32',), E2), (('8700B',), CF),
                           (('8175', '8124', '8151', '8176'), SK),
                           (('8259', '8275', '8252', '8280', 'Cascade'), CL),
                           (('2686',), BW), (('E5-2670', 'E5-2665'), SB),
                           (('V2', 'v2'), IB), (('v3', 'V3', '8880v3'), HW)):
            if any(k in n for k in keys):
                return arch
        return NONE

    def energy(self, inst, region, load):
        """kWh for 10 h, or None when CCF does not cover the type."""
        p, t, fam = inst['provider'], inst['instance_type'], inst['family']
        vcpus, mem = float(inst['vcpus']), float(inst['memory_gib'])
        gpus, model = int(inst['gpus']), inst['gpu_model']
        if p == 'aws' and fam in ('inf1', 'f1'):
            return None
        factor, charged = 1.0, 0.0
        if p == 'aws':
            a = self.aws.get(t)
            if a:
                vcpus, mem = float(a['vCPUs']), float(a['Memory (GiB)'])
            procs = AWS_SIZES.get(t) or AWS.get(fam) or \
                [self.aws_cpu(a['Platform CPU Name']) if a else NONE]
            mn, mx, chip = self.watts(p, procs)
            size = t.split('.')[1]
            if fam in ('t2', 't3', 't3a', 't4g'):
                base = BURST.get(size, 40)
                if fam == 't2':
                    base = {'xlarge': 22.5, '2xlarge': 17}.get(size, base)
                factor = base / 50.0
            elif fam in AWS_MEM and t not in ('d3.xlarge', 'g4dn.8xlarge', 'x2gd.metal'):
                fam_rows = [r for k, r in self.aws.items() if k.split('.')[0] == fam]
                bv, bm = max((float(r['vCPUs']), float(r['Memory (GiB)'])) for r in fam_rows)
                if fam == 'm6a':
                    bv = 19      # CCF's table: m6a.48xlarge, 19 vCPUs
                chips = 2 if fam in ('m5zn', 'z1d') else -(-int(bv) // 96)
                charged = max(0.0, bm / chips - chip) * mem / bm
        elif p == 'gcp':
            o = self.gcp_old.get(t)
            if t in ('e2-micro', 'e2-small', 'e2-medium', 'f1-micro', 'g1-small'):
                procs = [NONE]
            elif fam in GCP:
                procs = GCP[fam]
            elif o:
                procs = [{'EPYC 2nd Gen': E2, 'EPYC 3rd Gen': E3, 'EPYC 1st Gen': E1}.get(
                    r['Microarchitecture'], r['Microarchitecture']) for r in o]
            elif t in self.gcp_new:
                procs = [self.gcp_new[t]['Microarchitecture'] or NONE]
            else:
                procs = [NONE]
            mn, mx, chip = self.watts(p, procs)
            charged = mem
        else:
            app = azure_app(t)
            az = self.az.get(t.replace('Standard_', '').replace('_', ' ').lower())
            if app:
                procs, big = app
            elif az:
                s = AZ_SERIES.get(az[0]['Series'])
                procs = s or [{'Unknown': NONE, 'EPYC 2nd Gen': E2, 'EPYC 3rd Gen': E3,
                               'EPYC 1st Gen': E1}.get(r['Microarchitecture'],
                                                       r['Microarchitecture']) for r in az]
                v = az[0]['Platform vCPUs (highest vCPU possible)']
                big = (int(v), float(az[0]['Platform Memory'])) if v.isdigit() else None
            else:
                return None
            mn, mx, chip = self.watts(p, procs)
            if big:
                charged = max(0.0, big[1] / -(-big[0] // 96) - chip) * mem / big[1]
        gw = 0.0
        if gpus:
            g = GPU.get(model)
            lo = self.proc.get((p, 'MIN_WATTS_BY_COMPUTE_PROCESSOR', g))
            hi = self.proc.get((p, 'MAX_WATTS_BY_COMPUTE_PROCESSOR', g))
            if lo is None and p == 'gcp':
                lo = sum(self.proc[(p, 'MIN_WATTS_BY_COMPUTE_PROCESSOR', x)]
                         for x in GCP_GPUS) / 6
                hi = sum(self.proc[(p, 'MAX_WATTS_BY_COMPUTE_PROCESSOR', x)]
                         for x in GCP_GPUS) / 6
            if lo is None:
                return None
            gw = gpus * (lo + load / 100.0 * (hi - lo))
        pue = self.const.get((p, 'PUE_TRAILING_TWELVE_MONTH', region)) \
            or self.const[(p, 'PUE_AVG', 'all')]
        w = vcpus * factor * (mn + load / 100.0 * (mx - mn)) + gw + charged * 0.392
        return w * 10 / 1000 * pue


def main(argv):
    if len(argv) != 4:
        sys.stderr.write('usage: ccf-check.py SOURCES_DIR DATA_DIR PROGRAM\n')
        return 64
    src, data, prog = argv[1:]
    ccf = Ccf(src)
    # Region names only: CCF's regions the catalogue also has.
    known = {r['region'] for r in rows(os.path.join(data, 'regions.csv'))}
    cases = [r for r in rows(os.path.join(data, 'instances.csv'))
             if h(r['instance_type']) % 8 == 3]
    n = within1 = within5 = 0
    per = {}
    worst, refused, extra = [], [], 0
    for inst in cases:
        p, t = inst['provider'], inst['instance_type']
        regs = sorted(set(r for r in ccf.regions[p] if r in known))
        load = (0, 10, 25, 50, 75, 100)[h(t + '#load') % 6]
        region = regs[h(t + '#region') % len(regs)]
        want = ccf.energy(inst, region, load)
        res = subprocess.run([prog, '--format', 'csv', 'estimate', '--instance', t,
                              '--region', region, '--runtime', '10h', '--load', str(load),
                              '--method', 'ccf', '--grid-intensity', '100'],
                             capture_output=True, text=True)
        if res.returncode != 0:
            if want is not None and 'do not cover' in res.stderr:
                refused.append(t)
            continue
        if want is None:
            extra += 1
            continue
        head, line = res.stdout.splitlines()[:2]
        got = float(dict(zip(head.split(','), line.split(',')))['energy_kwh'])
        err = abs(got - want) / want
        n += 1
        c = per.setdefault(p, [0, 0, 0])
        c[0] += 1
        c[1] += err <= 0.01
        c[2] += err <= 0.05
        within1 += err <= 0.01
        within5 += err <= 0.05
        worst.append((err, t, region, load, got, want))
    worst.sort(reverse=True)
    print('ccf-check: %d held-out cases (1 in 8 of instances.csv by name hash)' % n)
    print('ccf-check: within 1 %%: %d (%.1f %%); within 5 %%: %d (%.1f %%)'
          % (within1, 100.0 * within1 / n, within5, 100.0 * within5 / n))
    for p in sorted(per):
        c = per[p]
        print('  %-6s %3d cases, within 1 %%: %3d, within 5 %%: %3d' % (p, c[0], c[1], c[2]))
    for err, t, region, load, got, want in worst[:8]:
        if err > 0.01:
            print('  %-28s %-16s %3d %%  %.6g kWh, CCF %.6g (%+.1f %%)'
                  % (t, region, load, got, want, 100 * (got - want) / want))
    if extra:
        print('ccf-check: %d types estimated that this check finds CCF does not cover' % extra)
    if refused:
        print('ccf-check: refused although CCF covers them: %s' % ' '.join(refused))
    return 0 if within5 >= 0.8 * n and not refused else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
