#!/usr/bin/python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""The pandas peer of `carbon-advisor track --load 50 --by project`.

Reads `carbon-advisor factors --load 50 --format csv` (one instance-hour
of every instance type and region) and a native job log whose durations
are whole seconds written `123s`, joins them, multiplies by hours and
count, and sums per project: the same job as the C program, with less
checking (no rejects file, one duration syntax).  Usage:

    bench/peers/track_pandas.py FACTORS.csv JOBS.csv > summary.csv
"""
import sys

import pandas as pd


def main(factors_path, jobs_path):
    f = pd.read_csv(factors_path,
                    usecols=['region', 'instance_type', 'energy_kwh_per_h',
                             'scope2_gco2e_per_h', 'scope3_gco2e_per_h',
                             'total_gco2e_per_h', 'price_usd_per_h'])
    j = pd.read_csv(jobs_path, usecols=['project', 'instance_type', 'region',
                                        'count', 'duration'],
                    dtype={'project': 'category', 'instance_type': 'category',
                           'region': 'category'})
    j['hours'] = j['duration'].str.slice(0, -1).astype('float64') / 3600.0
    j['n'] = j['count'].fillna(1) * j['hours']
    m = j.merge(f, on=['instance_type', 'region'], how='inner')
    out = pd.DataFrame({'project': m['project']})
    for col, name in (('energy_kwh_per_h', 'energy_kwh'),
                      ('scope2_gco2e_per_h', 'scope2_gco2e'),
                      ('scope3_gco2e_per_h', 'scope3_gco2e'),
                      ('total_gco2e_per_h', 'total_gco2e'),
                      ('price_usd_per_h', 'cost_usd')):
        out[name] = m[col] * m['n']
    s = out.groupby('project', observed=True).sum()
    s.insert(0, 'jobs', out.groupby('project', observed=True).size())
    s.to_csv(sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
