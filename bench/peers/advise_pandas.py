#!/usr/bin/python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""The pandas peer of `carbon-advisor --format csv advise --runtime H
--load L --all --provider P`: the same job as the program, as an analyst
would write it with pandas and numpy.

Reads the bundled tables, joins prices x instances x regions of one
provider, computes every candidate's footprint by doc/METHODOLOGY.md
(Teads power curve through GSL's Steffen cubic, the host's largest share
of embodied carbon, a 4-year lifetime, the region's PUE and average grid
intensity), sorts by (cost, carbon, file order), peels the Pareto fronts
in one O(n log n) sweep and writes CSV: the program's first fifteen
columns, then rank and marks, in the program's row order.  Usage:

    bench/peers/advise_pandas.py DATA_DIR RUNTIME_H LOAD_PCT PROVIDER
"""
import sys

import numpy as np
import pandas as pd

LOADS = (0.0, 10.0, 50.0, 100.0)
POWER_COLUMNS = ('power_idle_w', 'power_10_w', 'power_50_w', 'power_100_w')
LIFETIME_H = 4 * 8760.0


def power_at(inst, load):
    """Each instance's draw at LOAD: a measured point as it is, otherwise
    Steffen's monotone cubic on the load's segment (end slopes the
    segments' own, inner slopes Steffen's limited mean), clamped to the
    segment's two draws."""
    y = [inst[c].to_numpy(dtype='float64') for c in POWER_COLUMNS]
    if load in LOADS:
        return y[LOADS.index(load)]
    i = 0
    while not load < LOADS[i + 1]:
        i += 1
    h = [LOADS[j + 1] - LOADS[j] for j in range(len(LOADS) - 1)]
    s = [(y[j + 1] - y[j]) / h[j] for j in range(len(h))]

    def deriv(j):
        if j == 0:
            return s[0]
        if j == len(LOADS) - 1:
            return s[j - 1]
        p = (s[j - 1] * h[j] + s[j] * h[j - 1]) / (h[j - 1] + h[j])
        sign = np.where(s[j - 1] < 0, -1.0, 1.0) + np.where(s[j] < 0, -1.0,
                                                             1.0)
        return sign * np.minimum(np.abs(s[j - 1]),
                                 np.minimum(np.abs(s[j]), 0.5 * np.abs(p)))

    d0, d1 = deriv(i), deriv(i + 1)
    a = (d0 + d1 - 2 * s[i]) / h[i] / h[i]
    b = (3 * s[i] - 2 * d0 - d1) / h[i]
    x = load - LOADS[i]
    w = y[i] + x * (d0 + x * (b + x * a))
    return np.maximum(y[i], np.minimum(y[i + 1], w))


def candidates(data, runtime, load, provider):
    """Every priced pair of PROVIDER with its footprint, sorted by cost,
    carbon and file order."""
    inst = pd.read_csv(data + '/instances.csv')
    inst = inst[inst['provider'] == provider]
    vcpu = np.minimum(inst['vcpus'] / inst['host_vcpus'], 1.0)
    memory = inst['memory_gib'] / inst['host_memory_gib']
    gpu = np.where(inst['host_gpus'] > 0, inst['gpus'] / inst['host_gpus'],
                   0.0)
    largest = np.maximum(memory, gpu)
    factor = np.where(largest > vcpu, largest / vcpu, 1.0)
    inst = pd.DataFrame({'provider': inst['provider'],
                         'instance_type': inst['instance_type'],
                         'power_w': power_at(inst, load),
                         'embodied': inst['embodied_kgco2e'] * factor})
    regions = pd.read_csv(data + '/regions.csv',
                          usecols=['provider', 'region', 'pue',
                                   'grid_gco2e_per_kwh'])
    prices = pd.read_csv(data + '/prices.csv',
                         usecols=['provider', 'region', 'instance_type',
                                  'price_usd_per_h'])
    prices = prices[prices['provider'] == provider]
    c = prices.merge(inst, on=['provider', 'instance_type']) \
        .merge(regions, on=['provider', 'region'])
    c = c[c['price_usd_per_h'].notna() & c['grid_gco2e_per_kwh'].notna()]
    c = c.sort_values(['provider', 'region', 'instance_type'],
                      ignore_index=True)
    c['ord'] = np.arange(len(c))
    c['energy_kwh'] = 1.0 * c['power_w'] * runtime / 1000.0 * c['pue']
    c['scope2_gco2e'] = c['energy_kwh'] * c['grid_gco2e_per_kwh']
    c['scope3_gco2e'] = 1.0 * c['embodied'] * 1000.0 * runtime / LIFETIME_H
    c['total_gco2e'] = c['scope2_gco2e'] + c['scope3_gco2e']
    c['cost_usd'] = 1.0 * c['price_usd_per_h'] * runtime
    c = c.iloc[np.lexsort((c['ord'], c['total_gco2e'], c['cost_usd']))]
    return c.reset_index(drop=True)


def peel(cost, carbon):
    """Ranks of the points in sorted order (cost, carbon, order): the
    fronts that dominate a point form a prefix, so a binary search over
    each front's latest (so far greenest) member finds its rank."""
    rank = np.empty(len(cost), dtype=np.int64)
    last = []
    for i in range(len(cost)):
        c, g = cost[i], carbon[i]
        lo, hi = 0, len(last)
        while lo < hi:
            mid = (lo + hi) // 2
            q = last[mid]
            if (cost[q] <= c and carbon[q] <= g
                    and (cost[q] < c or carbon[q] < g)):
                lo = mid + 1
            else:
                hi = mid
        if lo == len(last):
            last.append(i)
        else:
            last[lo] = i
        rank[i] = lo + 1
    return rank


def marks(cost, carbon, ord_, rank):
    """Cheapest, greenest and knee of the front, as pareto.h defines
    them, by position."""
    front = np.flatnonzero(rank == 1)
    out = {}
    if len(front) == 0:
        return out
    cheapest = front[0]
    greenest = front[np.flatnonzero(carbon[front] <= carbon[front].min())[0]]
    out[cheapest] = ['cheapest']
    out.setdefault(greenest, []).append('greenest')
    fc, fg = cost[front], carbon[front]
    distinct = 1 + int(np.count_nonzero((fc[1:] != fc[:-1])
                                        | (fg[1:] != fg[:-1])))
    if distinct >= 3:
        cmax, gmin = cost[greenest], carbon[greenest]
        width = cmax - cost[cheapest]
        height = carbon[cheapest] - gmin
        best, best_s = None, 0.0
        for i in front:
            s = (cmax - cost[i]) * height - (carbon[i] - gmin) * width
            if not s > 0:
                continue
            if best is None or s > best_s \
                    or (s == best_s and ord_[i] < ord_[best]):
                best, best_s = i, s
        if best is not None:
            out.setdefault(best, []).append('knee')
    return out


def main(argv):
    if len(argv) != 5:
        sys.stderr.write(__doc__)
        return 64
    data, runtime, load, provider = argv[1], float(argv[2]), \
        float(argv[3]), argv[4]
    c = candidates(data, runtime, load, provider)
    cost = c['cost_usd'].to_numpy()
    carbon = c['total_gco2e'].to_numpy()
    rank = peel(cost.tolist(), carbon.tolist())
    mark = marks(cost, carbon, c['ord'].to_numpy(), rank)
    out = pd.DataFrame({
        'provider': c['provider'], 'region': c['region'],
        'instance_type': c['instance_type'], 'count': 1,
        'runtime_h': argv[2], 'load_pct': argv[3],
        'power_w': c['power_w'], 'pue': c['pue'],
        'grid_gco2e_per_kwh': c['grid_gco2e_per_kwh'],
        'energy_kwh': c['energy_kwh'], 'scope2_gco2e': c['scope2_gco2e'],
        'scope3_gco2e': c['scope3_gco2e'], 'total_gco2e': carbon,
        'price_usd_per_h': c['price_usd_per_h'], 'cost_usd': cost,
        'rank': rank,
        'marks': [';'.join(mark.get(i, [])) for i in range(len(c))]})
    # Output order: by rank, then the sorted order.
    out = out.iloc[np.argsort(rank, kind='stable')]
    out.to_csv(sys.stdout, index=False)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
