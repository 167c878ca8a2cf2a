# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Which CPU micro-architectures Cloud Carbon Footprint (CCF) assumes for an
instance type, read from the CCF application's instance-type tables.

Facts only (names and lists), re-typed from the CCF application at commit
0656d55 (packages/aws/src/lib/AWSInstanceTypes.ts, packages/gcp/src/lib/
MachineTypes.ts, packages/azure/src/lib/VirtualMachineTypes.ts); source id
APP_TYPES_SOURCE in data/sources.csv.  ccf.py applies them: CCF averages
the watts of the micro-architectures listed for a type (the median when
Sandy Bridge or Ivy Bridge is among them), and falls back to the
provider's average (AWS, Azure) or median (GCP) watts when a listed
processor has no figure or the type is not listed (UNKNOWN).
"""

APP_TYPES_SOURCE = 'ccf-app-types'
APP_TYPES_COMMIT = '0656d55594b69d74ce35ff18019be36140beaa50'

UNKNOWN = 'UNKNOWN'

CL = 'Cascade Lake'
SKL = 'Skylake'
BDW = 'Broadwell'
HSW = 'Haswell'
CFL = 'Coffee Lake'
SNB = 'Sandy Bridge'
IVB = 'Ivy Bridge'
ICL = 'Ice Lake'
EPYC1 = 'AMD EPYC 1st Gen'
EPYC2 = 'AMD EPYC 2nd Gen'
EPYC3 = 'AMD EPYC 3rd Gen'
GRAVITON = 'AWS Graviton'
GRAVITON2 = 'AWS Graviton2'

# ---------------------------------------------------------------------------
# AWS (INSTANCE_TYPE_COMPUTE_PROCESSOR_MAPPING, listed per type there; the
# same list for every size of a family except where AWS_TYPE_PROCESSORS
# says).  CCF spells three keys with a capital (Im4gn, Is4gen, Hpc6a); they
# are read here as the families they name.

AWS_FAMILY_PROCESSORS = {}


def _aws(processors, families):
    for f in families.split():
        AWS_FAMILY_PROCESSORS[f] = processors


_aws([CFL], 'mac1')
_aws([GRAVITON2], 't4g m6g m6gd c6g c6gd r6g r6gd g5g c6gn x2gd im4gn is4gen')
_aws([CL], 't3 t2 m5n m5dn m5zn r5n r5dn z1d r5b x2iezn dl1 vt1 p4d g4dn')
_aws([EPYC1], 't3a m5a m5ad r5a r5ad')
_aws([SKL], 'm5 m5d p3dn')
_aws([BDW, HSW], 'm4')
_aws([GRAVITON], 'a1')
_aws([CL, SKL], 'c5 c5d c5n r5 r5d i3en')
_aws([EPYC2], 'c5a c5ad g4ad g5')
_aws([HSW], 'c4 x1e x1 d2')
_aws([BDW], 'r4 h1 f1 p2 p3 g3s g3')
_aws([IVB], 'g2')
_aws([EPYC3], 'm6a c6a hpc6a')
_aws([ICL], 'c6i r6i x2idn x2iedn i4i')
_aws([UNKNOWN], 'm1 m3 c1 c2 c3 m2 cr1 cc2 r3 i2 i3 hs1 t1 dc2 ra3 dc1 ds2 '
     'inf1 d3 d3en m6i u-3tb1 u-6tb1 u-9tb1 u-12tb1 u-18tb1 u-24tb1')

# Sizes whose list differs from their family's.
AWS_TYPE_PROCESSORS = {
    'c5.12xlarge': [CL], 'c5.24xlarge': [CL],
    'c5d.12xlarge': [CL], 'c5d.24xlarge': [CL],
}

# Families of CCF's own EC2 instance table (EC2_INSTANCE_TYPES): CCF
# computes the memory term only for these (AWSMemoryEstimatesBuilder).
AWS_MEMORY_FAMILIES = set('''
a1 c4 c5 c5a c5ad c5d c5n c6g c6gd c6gn c6i c6a hpc6a mac1 m4 m5 m5a m5ad
m5d m5dn m5n m5zn m6g m6gd m6i m6a p2 p3 p3dn p4d ra3 r4 r5 r5a r5ad r5b
r5d r5dn r5n r6g r6gd r6i t2 t3 t3a t4g x1 x1e x2gd x2idn x2iedn x2iezn z1d
c1 cr1 cc2 c2 c3 d2 dc2 ds2 d3 d3en dl1 f1 g2 g3 g3s g4ad g4dn g5 g5g h1
hs1 i2 i3 i3en inf1 im4gn is4gen i4i m1 m2 m3 r3 t1 vt1
'''.split())

# Burstable types: CCF counts their vCPU-hours at the baseline share of
# the CPU AWS grants them over CCF's 50 % average utilisation
# (BURSTABLE_INSTANCE_BASELINE_UTILIZATION, CostAndUsageReportsRow).
_T3 = {'nano': 5, 'micro': 10, 'small': 20, 'medium': 20, 'large': 30,
       'xlarge': 40, '2xlarge': 40}
AWS_BURSTABLE_BASELINE = {}
for _f in ('t3', 't3a', 't4g'):
    AWS_BURSTABLE_BASELINE.update(('%s.%s' % (_f, k), v) for k, v in _T3.items())
AWS_BURSTABLE_BASELINE.update(('t2.%s' % k, v) for k, v in (
    ('nano', 5), ('micro', 10), ('small', 20), ('medium', 20), ('large', 30),
    ('xlarge', 22.5), ('2xlarge', 17)))
AVG_CPU_UTILIZATION = 50

# CCF's table gives m6a.48xlarge, the family's last entry, 19 vCPUs (not
# 192): CCF counts one chip for the family's memory.  Its keys for three
# sizes carry a stray blank or tab, so CCF finds no memory for them.
AWS_LARGEST_OVERRIDE = {'m6a': (19, 768)}
AWS_NO_MEMORY_TYPES = {'d3.xlarge', 'g4dn.8xlarge', 'x2gd.metal'}

# ---------------------------------------------------------------------------
# GCP (INSTANCE_TYPE_COMPUTE_PROCESSOR_MAPPING by machine family; the
# shared-core types e2-micro, e2-small, e2-medium, f1-micro and g1-small
# are UNKNOWN).

GCP_FAMILY_PROCESSORS = {
    'e2': [SKL, BDW, HSW, EPYC2],
    'n2': [CL],
    'n2d': [EPYC2],
    't2d': [EPYC3],
    'n1': [SKL, BDW, HSW, SNB, IVB],
    'c2': [CL],
    'c2d': [EPYC3],
    'm2': [BDW, CL],
    'm1': [BDW, SKL],
    'a2': [CL],
}
GCP_SHARED_CORE = {'e2-micro', 'e2-small', 'e2-medium', 'f1-micro', 'g1-small'}

# GPUs CCF knows on GCP (GPU_MACHINE_TYPES); a GPU whose billing name
# starts with none of them gets the average of all of them.
GCP_GPU_PROCESSORS = ['Nvidia T4', 'Nvidia Tesla K80', 'Nvidia Tesla V100',
                      'Nvidia Tesla A100', 'Nvidia Tesla P4', 'Nvidia Tesla P100']

# ---------------------------------------------------------------------------
# Azure.  The coefficients repository's azure-instances.csv lists the
# micro-architectures of most VMs CCF knows; the application differs for
# five series (by azure-instances.csv's Series name) and knows the v5
# series and A100 VMs below, which that file lacks.

AZURE_SERIES_PROCESSORS = {
    'Fs-Series': [CL, SKL, BDW, HSW],
    'NCas_T4_v3 Series': [EPYC2],
    'NVv3-series': [BDW],
    'NDv2 Series': [SKL],
    'E2 – E96 v5': [ICL],
}


def _azure_vms(spec):
    """'D{2,4}s v5' style spec -> VM names."""
    head, tail = spec.split('{')
    sizes, rest = tail.split('}')
    return ['%s%s%s' % (head, s, rest) for s in sizes.split(',')]


# VM names as CCF spells them (lower-cased when matched) -> (processors,
# (largest vCPUs, largest GB) of the series, embodied tCO2e per host).
AZURE_APP_VMS = {}


def _azure_app(spec, processors, largest, tonnes):
    for vm in _azure_vms(spec):
        AZURE_APP_VMS[vm.lower()] = (processors, largest, tonnes)


_D5 = '2,4,8,16,32,48,64,96'
_E5 = '2,4,8,16,20,32,48,64,96'
_EB5 = '2,4,8,16,32,48,64'
_azure_app('D{%s}as v5' % _D5, [EPYC3], (96, 384), '1.5104')
_azure_app('D{%s}ads v5' % _D5, [EPYC3], (96, 384), '1.6104')
_azure_app('D{%s}d v5' % _D5, [ICL], (96, 384), '1.6104')
_azure_app('D{%s}ds v5' % _D5, [ICL], (96, 384), '1.6104')
_azure_app('D{%s} v5' % _D5, [ICL], (96, 384), '1.5104')
_azure_app('D{%s}s v5' % _D5, [ICL], (96, 384), '1.5104')
_azure_app('E{%s}as v5' % _E5, [EPYC3], (96, 672), '1.9098')
_azure_app('E{%s}ads v5' % _E5, [EPYC3], (96, 672), '2.0098')
_azure_app('E{%s,104i}d v5' % _E5, [ICL], (104, 672), '2.0098')
_azure_app('E{%s,104i}ds v5' % _E5, [ICL], (104, 672), '2.0098')
_azure_app('E{%s,104i}s v5' % _E5, [ICL], (104, 672), '1.9098')
_azure_app('E{%s}bds v5' % _EB5, [ICL], (64, 512), '1.7879')
_azure_app('E{%s}bs v5' % _EB5, [ICL], (64, 512), '2.1983')
_azure_app('FX{4,12,24,36,48}mds', [CL], (48, 1008), '1.2')
_azure_app('NC{24,48,96}ads A100 v4', [EPYC3], (96, 880), '2.2483')
_azure_app('ND96{asr} A100 v4', [UNKNOWN], (96, 900), '3.576')
_azure_app('ND96{amsr} A100 v4', [UNKNOWN], (96, 1900), '4.9629')
_azure_app('E{104i} v5', [ICL], (104, 672), '1.9098')
