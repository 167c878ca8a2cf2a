# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Modelled catalogue rows for AWS instance types the Teads sheet lacks.

Every type with an on-demand Linux price in the ec2shop feed and no Teads
row gets either a catalogue row (power_origin `modelled`) or a line in
unsupported.csv with the reason.  For each type:

- vCPUs, memory and local storage: the price feed (AWS's own figures).
- Host ("platform", the server the type is carved from), first match wins:
  1. the sheet's own host when the type is a new size of a family the sheet
     has (m6i.metal, c6gn.metal, g4ad.xlarge ...), unless that family is one
     whose sheet host is inconsistent (the u-*tb1 rows, see data/README.md);
  2. Boavizta's platform for the type (cloud_aws.csv -> archetype_server.csv);
  3. Boavizta's platform of the type's family, when the family has exactly
     one and it is at least as large as the type;
  4. for a `-flex` family, the platform of the family without `-flex`
     (Boavizta itself maps m7i-flex to m7i.48xlarge);
  5. the largest type of the family in the price feed (AWS sells the whole
     host as its largest size), when CCF's 2026 list names the type's CPU.
- Host CPU: Boavizta's platform CPU (rules 2-4; the sheet's for rule 1);
  CCF's `Platform CPU Name` only where Boavizta has none for the type or its
  family.  Boavizta wins because it names the CPU model where CCF often
  gives only the micro-architecture ('Intel Xeon Ice Lake'), and because its
  platform also gives the sockets, drives and GPUs of the same host.
- GPUs: count per type from Boavizta's cloud_aws.csv, model from its
  platform (or from the sheet, rule 1).  A type in an accelerator family
  (GPU, machine-learning ASIC, FPGA, media) whose accelerator has no open
  power figure, or is not named in any source, is unsupported.
- Power: power_model.Model.curve().
- Embodied: the sheet's own Scope 3 method on the host's parts (base +
  memory above 16 GB + local drives + GPUs + extra CPU sockets, each
  coefficient read back from the sheet's component columns), shared by
  vCPU like the sheet's rows.  Rule 1 keeps the sheet's host figure.

Standard library only; called by build-tables.py.
"""

import os
import re
import sys
from decimal import Decimal, ROUND_HALF_EVEN

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import power_model as pm  # noqa: E402

EC2SHOP_CSV = 'aws-ec2-prices-ec2shop/aws_ec2_ondemand_linux_prices.csv'
CCF_2026_CSV = 'ccf-coefficients/aws-instances-latest-2026.csv'

SRC_POWER = 'power-model'
SRC_SCOPE3 = 'scope3-model'

UNSUPPORTED_COLS = ['provider', 'instance_type', 'reason']
GPU_POWER_COLS = ['idle_w', 'power_10_w', 'power_50_w', 'max_w', 'power_source', 'embodied_kgco2e', 'embodied_source']

ACCEL_FAMILIES = ('GPU instance', 'Machine Learning ASIC Instances', 'FPGA Instances',
                  'Media Accelerator Instances')

SOURCES = [
    {
        'id': SRC_POWER,
        'title': 'carbon-advisor component power model calibrated on the Teads EC2 sheet',
        'publisher': 'carbon-advisor (from Teads Engineering, CodeCarbon, Green Algorithms, '
                     'ML CO2 Impact, CCF and Boavizta figures)',
        'year': '2026',
        'licence': 'computed in this project; inputs under their own licences (see their ids)',
        'repo': '',
        'commit': '',
        'provenance': '',
        'upstream': 'data/build/power_model.py (fitted on teads-2022 at every build)',
        'notes': 'P(X) = vcpus x T x (c[X] + d) + memory_gib x r[X] + gpus x G[X]; T = host CPU '
                 'TDP per vCPU (codecarbon-tdp, green-algorithms, else implied by teads-2022, '
                 'else the architecture median); G = the sheet\'s per-card GPU watts or a GPU '
                 'TDP (mlco2-impact, green-algorithms, ccf-gpu-watts) times the sheet\'s GPU '
                 'curve. Error on the sheet\'s rows in doc/METHODOLOGY.md ("Power for instances the sheet lacks").',
    },
    {
        'id': SRC_SCOPE3,
        'title': 'Teads sheet Scope 3 method applied to host descriptions',
        'publisher': 'carbon-advisor (method and coefficients of Teads Engineering; hosts from '
                     'Boavizta and the AWS price feed)',
        'year': '2026',
        'licence': 'computed in this project; Teads coefficients CC BY 4.0',
        'repo': '',
        'commit': '',
        'provenance': '',
        'upstream': 'data/build/aws_current.py (coefficients read back from teads-2022)',
        'notes': 'Host kgCO2e = base + k x (host GB - 16) + per SSD + per HDD + per GPU + per '
                 'CPU socket above one, coefficients fitted on the sheet\'s Platform Additional '
                 'columns; instance share = vcpus / host vcpus.',
    },
    {
        'id': 'codecarbon-tdp',
        'title': 'CPU TDP table (cpu_power.csv) shipped in CodeCarbon',
        'publisher': 'CodeCarbon',
        'year': '2026',
        'licence': 'MIT',
        'repo': 'mlco2/codecarbon',
        'commit': 'b05965e43b690cdc53787c7577adbe6e2caf4ed9',
        'provenance': 'codecarbon',
        'notes': 'codecarbon/data/hardware/cpu_power.csv: TDP in W per CPU package, incl. '
                 'AWS custom Xeons and EPYCs; used by power-model.',
    },
    {
        'id': 'green-algorithms',
        'title': 'Green Algorithms calculator data v3.0: CPU and GPU TDP tables',
        'publisher': 'Lannelongue, Grealey, Inouye (Green Algorithms)',
        'year': '2025',
        'licence': 'CC BY 4.0',
        'repo': 'GreenAlgorithms/green-algorithms-tool',
        'commit': '30df2feead1c7f5db87a3d86ca1239470a0cd415',
        'provenance': 'green-algorithms',
        'notes': 'Attribution: Lannelongue, Grealey, Inouye, "Green Algorithms: Quantifying the '
                 'Carbon Footprint of Computation", Adv. Sci. 2021. data/v3.0/TDP_cpu.csv (TDP, '
                 'cores) and TDP_gpu.csv (TDP per GPU).',
    },
    {
        'id': 'mlco2-impact',
        'title': 'ML CO2 Impact calculator GPU table (gpus.csv)',
        'publisher': 'Lacoste et al. (mlco2/impact)',
        'year': '2026',
        'licence': 'MIT',
        'repo': 'mlco2/impact',
        'commit': 'd0d3ee5a71ea222ac344a94900642ed2ce649af4',
        'provenance': 'mlco2-impact',
        'notes': 'data/gpus.csv: tdp_watts and TFLOPS16 per GPU, each row citing a vendor '
                 'datasheet or TechPowerUp. Its V100 PCIe/SXM2 TDPs are swapped (not used).',
    },
    {
        'id': 'ccf-gpu-watts',
        'title': 'Cloud Carbon Footprint per-GPU minimum and maximum watts',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2022',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/cloud-carbon-footprint',
        'commit': 'b7a049c7d25c0022919ab9010199dd9e77aa4577',
        'provenance': 'ccf-constants',
        'notes': 'MAX_WATTS_BY_COMPUTE_PROCESSOR of the GPU processors (W per GPU at 100 %), '
                 'used only for GPUs no TDP table has (K520, M60, Radeon Pro V520, A100 40 GB).',
    },
    {
        'id': 'ccf-coefficients-2026',
        'title': 'CCF coefficients: AWS host CPU table and 2026 AWS instance list',
        'publisher': 'Cloud Carbon Footprint (Thoughtworks)',
        'year': '2026',
        'licence': 'Apache-2.0',
        'repo': 'cloud-carbon-footprint/ccf-coefficients',
        'commit': 'b0032d928c787cf76cecd7d1d611c5b46f366e29',
        'provenance': 'ccf-coefficients',
        'notes': 'data/aws-instances-cpus.csv (vCPUs per CPU socket); '
                 'data/aws-instances-latest-2026.csv (Platform CPU Name where Boavizta has none).',
    },
    {
        'id': 'boavizta-2026',
        'title': 'Boavizta API reference data: AWS instance archetypes and host platforms',
        'publisher': 'Boavizta',
        'year': '2026',
        'licence': 'AGPL-3.0 repository; only facts (instance -> host, CPU model, sockets, '
                   'drives, GPUs) are taken',
        'repo': 'Boavizta/boaviztapi',
        'commit': '15878f045bf06bc6ed685c7266c39f7e8498ab94',
        'provenance': 'boavizta',
        'notes': 'boaviztapi/data/archetypes/cloud/aws.csv and archetypes/server.csv; used for '
                 'the host of each modelled AWS type; no Boavizta impact figure is used.',
    },
]

Q1 = Decimal('0.1')
Q6 = Decimal('0.000001')


class AwsError(Exception):
    pass


def dec_str(d):
    s = format(d, 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    return '0' if s in ('', '-0') else s


def clean_cpu_name(name):
    """'Intel Xeon Platinum 8375C' -> 'Xeon Platinum 8375C' (the sheet's form)."""
    s = ' '.join(name.split())
    for p in ('Annapurna Labs ', 'Intel ', 'AMD ', 'AWS ', '2nd Gen ', '3rd Gen '):
        if s.startswith(p):
            s = s[len(p):]
    s = re.sub(r'\s+Processor$', '', s)
    return s


def parse_storage(text):
    """(SSD drives, HDD drives) from the price feed's storage text.
    Returns None when the text cannot be read."""
    s = ' '.join(text.split())
    if not s or s.lower().startswith('ebs'):
        return 0, 0
    m = re.match(r'^(\d+)\s*[xX]\s*[\d.,]+\s*(?:GB)?\s*(.*)$', s)
    if m:
        n, rest = int(m.group(1)), m.group(2)
    else:
        m = re.match(r'^[\d.,]+\s*(?:GB)?\s*(.*)$', s)
        if not m:
            return None
        n, rest = 1, m.group(1)
    if 'hdd' in rest.lower():
        return 0, n
    return n, 0


def _int(s):
    s = s.strip()
    if not re.match(r'^[0-9]+(\.0+)?$', s):
        return None
    return int(Decimal(s))


# ---------------------------------------------------------------------------
# Scope 3, the sheet's method


class Scope3:
    """Host manufacturing kgCO2e with the Teads sheet's method."""

    def __init__(self, base, per_gb, per_ssd, per_hdd, per_gpu, per_socket, checked):
        self.base, self.per_gb = base, per_gb
        self.per_ssd, self.per_hdd = per_ssd, per_hdd
        self.per_gpu, self.per_socket = per_gpu, per_socket
        self.checked = checked     # (rows reproduced, rows checked, mismatches)

    def host_kg(self, mem_gb, ssd, hdd, gpus, sockets):
        extra = max(Decimal(0), Decimal(str(mem_gb)) - 16)
        kg = (self.base + self.per_gb * extra + self.per_ssd * ssd + self.per_hdd * hdd
              + self.per_gpu * gpus + self.per_socket * max(0, sockets - 1))
        return kg.quantize(Q1, rounding=ROUND_HALF_EVEN)


def fit_scope3(teads_rows, sources_dir):
    tb = pm._tables(sources_dir)
    col = {
        'mem': 'Platform Additional Memory Scope 3 Emissions',
        'sto': 'Platform Additional Storage Scope 3 Emissions',
        'gpu': 'Platform Additional GPU Scope 3 Emissions',
        'cpu': 'Platform Additional CPU Scope 3 Emissions',
        'tot': 'Total Platform Scope 3 Emissions  (kgCO\u2082eq)',
    }

    def d(r, c):
        return pm.dec(r[c], '%s %s' % (r['Instance type'], c))

    def sockets(r):
        k = pm.cpu_key(r['Platform CPU Name'])
        if k not in tb['threads'] or tb['threads'][k][1] != pm.SRC_CCF_CPUS:
            return None
        return int(r['Platform Total Number of vCPU']) // tb['threads'][k][0]

    base, per_gb, ssd, hdd, gpu, sock = [], [], [], [], [], []
    for r in teads_rows:
        base.append(d(r, col['tot']) - d(r, col['mem']) - d(r, col['sto'])
                    - d(r, col['gpu']) - d(r, col['cpu']))
        mem = pm.dec(r['Platform Memory (in GB)'])
        if mem > 16:
            per_gb.append(d(r, col['mem']) / (mem - 16))
        drives = _int(r['Platform Storage Drive Quantity'])
        if drives:
            kind = r['Storage Type'].strip()
            if kind == 'SSD':
                ssd.append(d(r, col['sto']) / drives)
            elif kind == 'HDD':
                hdd.append(d(r, col['sto']) / drives)
        g = _int(r['Platform GPU Quantity'])
        if g:
            gpu.append(d(r, col['gpu']) / g)
        s = sockets(r)
        if s and s > 1:
            sock.append(d(r, col['cpu']) / (s - 1))
    m = pm.median
    s3 = Scope3(m(base), m(per_gb).quantize(Decimal('0.0001')), m(ssd), m(hdd), m(gpu),
                m(sock), None)
    # check: rebuild every host of the sheet
    bad = []
    n = 0
    for r in teads_rows:
        s = sockets(r)
        drives = _int(r['Platform Storage Drive Quantity']) or 0
        kind = r['Storage Type'].strip()
        if s is None or kind not in ('SSD', 'HDD', 'EBS'):
            continue
        n += 1
        kg = s3.host_kg(pm.dec(r['Platform Memory (in GB)']),
                        drives if kind == 'SSD' else 0, drives if kind == 'HDD' else 0,
                        _int(r['Platform GPU Quantity']) or 0, s)
        if abs(kg - d(r, col['tot'])) > Decimal('0.15'):
            bad.append('%s %s vs %s' % (r['Instance type'], kg, r[col['tot']]))
    s3.checked = (n - len(bad), n, bad)
    return s3


# ---------------------------------------------------------------------------
# Reading


def _read_price_types(price_rows):
    """type -> first price row (dict) and the set of regions; checks that
    every row of a type gives the same vCPU, memory and storage."""
    out = {}
    for line, r in price_rows:
        t = r['instance_type'].strip()
        spec = (r['vcpu'].strip(), r['memory_gib'].strip(), r['storage'].strip(),
                r['instance_family'].strip())
        if t in out:
            if out[t]['_spec'] != spec:
                raise AwsError('%s:%d: %s described differently in two regions: %s vs %s'
                               % (EC2SHOP_CSV, line, t, out[t]['_spec'], spec))
            continue
        rec = dict(r)
        rec['_spec'] = spec
        rec['_line'] = line
        out[t] = rec
    return out


class Sources:
    def __init__(self, src, price_rows):
        self.prices = _read_price_types(price_rows)
        self.cloud = {r['id']: r for r in pm._dict_rows(
            os.path.join(src, pm.BOA_CLOUD_AWS),
            need=('id', 'vcpu', 'memory', 'gpu_units', 'platform'))}
        self.servers = {r['id']: r for r in pm._dict_rows(
            os.path.join(src, pm.BOA_SERVERS),
            need=('id', 'CPU.units', 'CPU.name', 'SSD.units', 'HDD.units', 'GPU.units',
                  'GPU.name', 'GPU.vram', 'RAM.units', 'RAM.capacity'))}
        self.ccf = {r['Instance Type'].strip(): r for r in pm._dict_rows(
            os.path.join(src, CCF_2026_CSV), need=('Instance Type', 'Platform CPU Name'))}
        # platform -> types on it (Boavizta)
        self.on_platform = {}
        for t, r in self.cloud.items():
            self.on_platform.setdefault(r['platform'], []).append(t)
        self.family_platforms = {}
        for t, r in self.cloud.items():
            self.family_platforms.setdefault(pm.family_of(t), set()).add(r['platform'])


# ---------------------------------------------------------------------------
# Hosts


def _sheet_hosts(teads_rows):
    """family -> sheet host dict, for families whose sheet rows agree on one
    host and whose host is consistent (no .metal type holding every vCPU
    with less memory than the host, the u-*tb1 inconsistency)."""
    fams = {}
    for r in teads_rows:
        fams.setdefault(pm.family_of(r['Instance type'].strip()), []).append(r)
    out = {}
    for fam, rs in fams.items():
        hosts = {(r['Platform CPU Name'].strip(), r['Platform Total Number of vCPU'].strip(),
                  r['Platform Memory (in GB)'].strip(),
                  r['Total Platform Scope 3 Emissions  (kgCO\u2082eq)'].strip(),
                  r['Platform GPU Name'].strip(),
                  r['Platform GPU Quantity'].strip()) for r in rs}
        if len(hosts) != 1:
            continue
        cpu, hv, hm, kg, gname, gq = hosts.pop()
        odd = [r for r in rs if r['Instance type'].strip().endswith('.metal')
               and r['Instance vCPU'].strip() == hv
               and pm.dec(r['Instance Memory (in GB)']) < pm.dec(hm)]
        if odd:
            continue
        out[fam] = {'cpu': cpu, 'host_vcpus': int(hv), 'host_kg': kg,
                    'host_mem': pm.dec(hm), 'host_gpus': int(gq) if gq.isdigit() else 0,
                    'gpu_name': '' if gname in ('', 'N/A') else gname}
    return out


def _platform_parts(s, pid, model):
    """Describe Boavizta platform `pid`: host vCPUs, memory, drives, GPUs,
    sockets, CPU name.  Returns (dict, notes)."""
    srv = s.servers.get(pid)
    if srv is None:
        return None, ['Boavizta platform %s not described' % pid]
    notes = []
    cpu = srv['CPU.name'].strip()
    if pid in s.prices:
        p = s.prices[pid]
        hv, hm = int(p['vcpu']), pm.dec(p['memory_gib'])
        drives = parse_storage(p['storage'])
    elif pid in s.cloud:
        hv, hm = int(s.cloud[pid]['vcpu']), pm.dec(s.cloud[pid]['memory'])
        drives = None
    else:
        types = [t for t in s.on_platform.get(pid, [])]
        hv = max(int(s.cloud[t]['vcpu']) for t in types)
        hm = max(pm.dec(s.prices[t]['memory_gib']) if t in s.prices
                 else pm.dec(s.cloud[t]['memory']) for t in types)
        drives = None
        notes.append('host %s is not a type: largest type on it taken (%d vCPU, %s GiB)'
                     % (pid, hv, pm.fmt(hm)))
    if drives is None:
        drives = (_int(srv['SSD.units']) or 0, _int(srv['HDD.units']) or 0)
    gpus = _int(srv['GPU.units']) or 0
    sockets = _sockets(model, cpu, hv, _int(srv['CPU.units']), notes)
    return {'platform': pid, 'cpu': cpu, 'host_vcpus': hv, 'host_mem': hm,
            'ssd': drives[0], 'hdd': drives[1], 'host_gpus': gpus, 'sockets': sockets,
            'gpu_name': srv['GPU.name'].strip(), 'gpu_vram': srv['GPU.vram'].strip()}, notes


def _sockets(model, cpu, host_vcpus, boavizta_units, notes):
    key = pm.cpu_key(cpu)
    threads = model._threads(key, arch=pm.arch_of_cpu(cpu))[0] if key else None
    if threads and host_vcpus % threads == 0 and host_vcpus // threads >= 1:
        n = host_vcpus // threads
        if boavizta_units and boavizta_units != n:
            notes.append('sockets %d (host vCPUs / %d per socket), Boavizta says %d'
                         % (n, threads, boavizta_units))
        return n
    if boavizta_units:
        return boavizta_units
    n = 1 if pm.arch_of_cpu(cpu) == 'arm64' else 2
    notes.append('sockets unknown: %d assumed (the sheet\'s usual %s host)'
                 % (n, pm.arch_of_cpu(cpu)))
    return n


def _largest_of_family(s, fam):
    cands = [t for t in s.prices if pm.family_of(t) == fam]
    if not cands:
        return None
    return sorted(cands, key=lambda t: (-int(s.prices[t]['vcpu']),
                                        -pm.dec(s.prices[t]['memory_gib']),
                                        0 if '.metal' in t else 1, t))[0]


# ---------------------------------------------------------------------------
# Build


def build(src, instances, price_rows, teads_rows=None):
    """Return {'instances': [...], 'unsupported': [...], 'log': [...],
    'model': Model, 'scope3': Scope3}.

    instances: the rows already in the catalogue (their types are skipped);
    price_rows: [(line, dict)] of the ec2shop feed.
    """
    try:
        return _build(src, instances, price_rows, teads_rows)
    except (pm.SourceError, pm.ModelGap) as e:
        raise AwsError('modelled AWS rows: %s' % e)


def _build(src, instances, price_rows, teads_rows):
    if teads_rows is None:
        teads_rows = pm.read_teads_ec2(src)
    model = pm.fit(teads_rows, src)
    scope3 = fit_scope3(teads_rows, src)
    s = Sources(src, price_rows)
    sheet_hosts = _sheet_hosts(teads_rows)
    have = {r['instance_type'] for r in instances if r['provider'] == 'aws'}
    out, unsupported, log = [], [], []
    paths = {}
    rules = {}
    disagreements = []
    host_notes = []

    def skip(t, reason):
        unsupported.append({'provider': 'aws', 'instance_type': t, 'reason': reason})

    for t in sorted(s.prices, key=str.encode):
        if t in have:
            continue
        p = s.prices[t]
        fam = pm.family_of(t)
        if fam.startswith('mac'):
            skip(t, 'macOS on EC2 Mac dedicated hosts: not a Linux on-demand instance')
            continue
        vcpus, mem = int(p['vcpu']), pm.dec(p['memory_gib'])
        kind = p['instance_family'].strip()
        boa = s.cloud.get(t)
        ccf = s.ccf.get(t)
        host, notes, rule = None, [], None
        gpu_count, gpu_name, gpu_vram = 0, '', ''
        # -- host
        if fam in sheet_hosts and vcpus <= sheet_hosts[fam]['host_vcpus']:
            sh = sheet_hosts[fam]
            host = {'platform': 'sheet ' + fam, 'cpu': sh['cpu'],
                    'host_vcpus': sh['host_vcpus'], 'host_kg': sh['host_kg'],
                    'host_mem': sh['host_mem'], 'host_gpus': sh['host_gpus']}
            gpu_name = sh['gpu_name']
            rule = '1 sheet host of the family'
        else:
            pid = None
            if boa is not None:
                pid, rule = boa['platform'], '2 Boavizta platform'
            else:
                fp = s.family_platforms.get(fam, set())
                if fam.endswith('-flex'):
                    fp = s.family_platforms.get(fam[:-len('-flex')], set())
                    rule = '4 platform of the family without -flex'
                else:
                    rule = '3 Boavizta platform of the family'
                if len(fp) == 1:
                    cand = next(iter(fp))
                    parts, _ = _platform_parts(s, cand, model)
                    if parts and parts['host_vcpus'] >= vcpus:
                        pid = cand
            if pid is not None:
                host, notes = _platform_parts(s, pid, model)
                if host is None:
                    skip(t, '; '.join(notes))
                    continue
            elif ccf is not None and ccf['Platform CPU Name'].strip():
                big = _largest_of_family(s, fam)
                bp = s.prices[big]
                drives = parse_storage(bp['storage'])
                if drives is None:
                    skip(t, 'cannot read the storage of %s: %r' % (big, bp['storage']))
                    continue
                cpu = ccf['Platform CPU Name'].strip()
                fam_cpus = {s.servers[x]['CPU.name'].strip()
                            for x in s.family_platforms.get(fam, set()) if x in s.servers}
                if len(fam_cpus) == 1:
                    cpu = fam_cpus.pop()
                hv = int(bp['vcpu'])
                host = {'platform': big, 'cpu': cpu, 'host_vcpus': hv,
                        'host_mem': pm.dec(bp['memory_gib']), 'ssd': drives[0],
                        'hdd': drives[1], 'host_gpus': 0,
                        'sockets': _sockets(model, cpu, hv, None, notes),
                        'gpu_name': '', 'gpu_vram': ''}
                rule = '5 largest type of the family'
            else:
                skip(t, 'no host description in the sources (no Boavizta platform; not in '
                        'CCF\'s 2026 AWS list)')
                continue
            gpu_name, gpu_vram = host['gpu_name'], host['gpu_vram']
            # CPU: Boavizta wins; note where CCF names another model
            if ccf is not None:
                ck = pm.cpu_key(ccf['Platform CPU Name'])
                if ck and ck != pm.cpu_key(host['cpu']):
                    disagreements.append('%s: Boavizta %s, CCF %s' % (
                        t, host['cpu'], ccf['Platform CPU Name'].strip()))
        # -- accelerators
        if boa is not None:
            gpu_count = _int(boa['gpu_units']) or 0
        elif gpu_name:
            skip(t, 'GPU count not in the sources (%s)' % gpu_name)
            continue
        if kind in ACCEL_FAMILIES or gpu_count:
            if not gpu_count or not gpu_name:
                skip(t, '%s: accelerator not named in the sources; no open power figure'
                        % kind)
                continue
            canon = pm.canonical_gpu(gpu_name, gpu_vram or None)
            if canon in pm.NO_POWER_FIGURE:
                what = pm.NO_POWER_FIGURE[canon]
                if fam.startswith('trn') and canon == 'Inferentia':
                    # Boavizta's trn1 host lists 'AWS Inferentia'; trn is
                    # AWS's Trainium family
                    what = "AWS Trainium (Boavizta lists it as 'AWS Inferentia')"
                skip(t, '%s: no open power figure for %s' % (kind, what))
                continue
            try:
                model.gpu_power(canon)
            except pm.ModelGap as e:
                skip(t, '%s: %s' % (kind, e))
                continue
            gpu_name = canon
        else:
            gpu_name = ''
        if host['host_vcpus'] < vcpus:
            skip(t, 'host %s has %d vCPUs, fewer than the type\'s %d'
                    % (host['platform'], host['host_vcpus'], vcpus))
            continue
        cpu = clean_cpu_name(host['cpu'])
        arch = pm.arch_of_cpu(cpu)
        spec = {'vcpus': vcpus, 'memory_gib': p['memory_gib'].strip(), 'cpu_model': cpu,
                'host_vcpus': host['host_vcpus'], 'gpus': gpu_count, 'gpu_model': gpu_name,
                'arch': arch, 'provider': 'aws'}
        try:
            watts, note, path = model.curve_detail(spec)
        except pm.ModelGap as e:
            skip(t, 'power model: %s' % e)
            continue
        paths.setdefault(path, []).append(t)
        rules.setdefault(rule, []).append(t)
        # -- embodied
        if 'host_kg' in host:
            host_kg = pm.dec(host['host_kg'])
            emb_src = pm.SRC_TEADS
        else:
            host_kg = scope3.host_kg(host['host_mem'], host['ssd'], host['hdd'],
                                     host['host_gpus'], host['sockets'])
            emb_src = SRC_SCOPE3
        share = min(Decimal(1), Decimal(vcpus) / Decimal(host['host_vcpus']))
        emb = (host_kg * share).quantize(Q6, rounding=ROUND_HALF_EVEN)
        for n in notes:
            host_notes.append('%s: %s' % (t, n))
        out.append({
            'provider': 'aws',
            'instance_type': t,
            'family': fam,
            'vcpus': str(vcpus),
            'memory_gib': p['memory_gib'].strip(),
            'gpus': str(gpu_count),
            'gpu_model': gpu_name,
            'arch': arch,
            'cpu_model': cpu,
            'host_vcpus': str(host['host_vcpus']),
            'host_memory_gib': dec_str(host['host_mem']),
            'host_gpus': str(host['host_gpus']),
            'power_idle_w': watts[0],
            'power_10_w': watts[1],
            'power_50_w': watts[2],
            'power_100_w': watts[3],
            'embodied_host_kgco2e': dec_str(host_kg),
            'embodied_kgco2e': dec_str(emb),
            'power_origin': 'modelled',
            'power_source': SRC_POWER,
            'embodied_source': emb_src,
            'source_line': '',
            '_note': note,
            '_host': host['platform'],
        })
    unsupported.sort(key=lambda r: (r['provider'].encode(), r['instance_type'].encode()))

    # -- log
    log.append('aws modelled: %d types priced without a Teads row -> %d modelled, %d unsupported'
               % (len(out) + len(unsupported), len(out), len(unsupported)))
    c = model.coefficients()
    log.append('aws modelled: power model c=%s d=%s r=%s g=%s; fallback T %s' % (
        '/'.join(pm.fmt(x) for x in c['c']), pm.fmt(c['d']),
        '/'.join(pm.fmt(x) for x in c['r']), '/'.join(pm.fmt(x) for x in c['g']),
        ', '.join('%s %s W/vCPU' % (a, pm.fmt(v)) for a, v in sorted(c['arch_t'].items()))))
    for path in sorted(paths):
        log.append('aws modelled: CPU TDP from %s: %d types' % (path, len(paths[path])))
    fb = sorted({pm.family_of(t) for t in paths.get('fallback', [])})
    log.append('aws modelled: families on the architecture fallback: %s' % (' '.join(fb) or '-'))
    for rule in sorted(rules):
        log.append('aws modelled: host rule %s: %d types' % (rule, len(rules[rule])))
    n_ok, n_all, bad = scope3.checked
    log.append('aws modelled: Scope 3 method base %s + %s/GB above 16 + SSD %s + HDD %s + GPU %s '
               '+ socket %s; reproduces %d of %d sheet hosts%s' % (
                   pm.fmt(scope3.base), pm.fmt(scope3.per_gb), pm.fmt(scope3.per_ssd),
                   pm.fmt(scope3.per_hdd), pm.fmt(scope3.per_gpu), pm.fmt(scope3.per_socket),
                   n_ok, n_all, (' (not: %s)' % '; '.join(bad)) if bad else ''))
    log.append('aws modelled: host CPU, Boavizta kept where CCF names another model: %d%s'
               % (len(disagreements), (' (' + '; '.join(disagreements) + ')')
                  if disagreements else ''))
    for n in sorted(set(host_notes)):
        log.append('aws modelled: host note %s' % n)
    for n in model._t['notes']:
        log.append('power model tables: %s' % n)
    reasons = {}
    for u in unsupported:
        reasons.setdefault(u['reason'], []).append(u['instance_type'])
    for reason in sorted(reasons):
        log.append('aws unsupported (%d): %s: %s' % (len(reasons[reason]), reason,
                                                      ' '.join(reasons[reason])))
    return {'instances': out, 'unsupported': unsupported, 'log': log, 'model': model,
            'scope3': scope3}


def add_gpu_power(gpu_rows, model, scope3):
    """Fill GPU_POWER_COLS of gpus.csv rows (dicts with gpu_model) in place.

    idle_w / power_10_w / power_50_w / max_w: one card at 0, 10, 50 and
    100 % load as the power model uses it (the sheet's per-card watts for
    its GPU models, else TDP x the sheet's GPU curve): the part of an
    instance's curve that --gpu-load moves; power_source: teads-2022 or
    the TDP's source.
    embodied_kgco2e: the sheet's flat per-GPU Scope 3 addition; source
    teads-2022 for the sheet's GPU models, scope3-model for the others.
    Blank where the model has no power figure.
    """
    for r in gpu_rows:
        for c in GPU_POWER_COLS:
            r.setdefault(c, '')
        try:
            w, src, _ = model.gpu_power(r['gpu_model'])
        except pm.ModelGap:
            continue
        r['idle_w'] = pm.fmt(w[0])
        r['power_10_w'] = pm.fmt(w[1])
        r['power_50_w'] = pm.fmt(w[2])
        r['max_w'] = pm.fmt(w[3])
        r['power_source'] = src
        r['embodied_kgco2e'] = pm.fmt(scope3.per_gpu)
        r['embodied_source'] = (pm.SRC_TEADS if pm.canonical_gpu(r['gpu_model'])
                                in model.sheet_gpu else SRC_SCOPE3)
    return gpu_rows
