#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Benchmark: advise --uncertainty, time and peak memory.

Times `advise --runtime 24h --load 60:40:80 --uncertainty` over every
candidate (88,706 on the three-provider catalogue) with --samples N,
with the pruning of candidates that cannot reach the front in any sample
and without it (--no-prune), and, for reference, the same advise without
--uncertainty.  Then the same for every candidate as a row, issue 15's
`advise --runtime 24h --load 60 --accelerator any --allow-burstable
--all --format csv`, with and without --uncertainty, whose quantiles
take most of the time.  Prints each median wall time over --runs runs,
its peak resident memory, the time the sampling adds, and samples per
second.

Then measures how memory grows with the samples: `advise --runtime 24h
--load 60 --group GROUP --uncertainty --samples N` for each N of
--sweep (default 1000, 10000 and 100000, the most --samples allows),
with its peak resident memory and wall time.  Of the shared draws, the
sampler keeps as many keys' as 8 MiB holds (every key's at 1,000
samples) and makes the rest on demand, so the memory should stay within
some 10 MB of the point advise whatever N; a table of every key x
samples made 415 MB at 100,000 samples.  The quantiles of --all run on
a thread per processor: the wall times depend on the cores free.  Usage
(after a build):

    python3 bench/uncertainty.py [--program src/carbon-advisor]
        [--samples 1000] [--runs 5] [--group nordics]
        [--sweep 1000,10000,100000]
"""
import argparse
import os
import statistics
import subprocess
import time


def run_once(cmd, env):
    """Wall time (s) and peak resident memory (MB) of one run of CMD."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    # ru_maxrss is in kilobytes on Linux.
    return wall, usage.ru_maxrss / 1024.0


def median_run(cmd, env, runs):
    """Median wall time and greatest peak memory of RUNS runs of CMD."""
    results = [run_once(cmd, env) for _ in range(runs)]
    return (statistics.median(r[0] for r in results),
            max(r[1] for r in results))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--program', default=os.path.join(top, 'src',
                                                      'carbon-advisor'))
    ap.add_argument('--data', default=os.path.join(top, 'data'))
    ap.add_argument('--samples', type=int, default=1000)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--group', default='nordics')
    ap.add_argument('--sweep', default='1000,10000,100000')
    args = ap.parse_args()
    env = dict(os.environ, CARBON_ADVISOR_DATA=args.data, LC_ALL='C')
    base = [args.program, 'advise', '--runtime', '24h', '--load', '60:40:80']
    unc = base + ['--uncertainty', '--samples', str(args.samples)]
    point, point_mb = median_run(base, env, args.runs)
    pruned = median_run(unc, env, args.runs)
    unpruned = median_run(unc + ['--no-prune'], env, args.runs)
    print('candidates: full catalogue, %d samples, %d processors'
          % (args.samples, os.cpu_count() or 1))
    print('advise without --uncertainty:  %.3f s, %.0f MB'
          % (point, point_mb))
    for name, (t, mb) in (('with pruning', pruned),
                          ('without pruning', unpruned)):
        extra = max(t - point, 1e-9)
        print('--uncertainty %-16s %.3f s, %.0f MB (sampling %.3f s, '
              '%.0f samples/s)'
              % (name + ':', t, mb, extra, args.samples / extra))
    rows = [args.program, '--format', 'csv', 'advise', '--runtime', '24h',
            '--load', '60', '--accelerator', 'any', '--allow-burstable',
            '--all']
    plain, plain_mb = median_run(rows, env, args.runs)
    t, mb = median_run(rows + ['--uncertainty', '--samples',
                               str(args.samples)], env, args.runs)
    extra = max(t - plain, 1e-9)
    print('every candidate a row (--all --format csv --load 60):')
    print('  without --uncertainty: %.3f s, %.0f MB' % (plain, plain_mb))
    print('  with --uncertainty:    %.3f s, %.0f MB (sampling %.3f s, '
          '%.0f samples/s)' % (t, mb, extra, args.samples / extra))
    group = [args.program, 'advise', '--runtime', '24h', '--load', '60',
             '--group', args.group]
    t, mb = run_once(group, env)
    print('memory by samples: --group %s --load 60' % args.group)
    print('  without --uncertainty: %.3f s, %.0f MB' % (t, mb))
    for n in (int(x) for x in args.sweep.split(',')):
        t, mb = run_once(group + ['--uncertainty', '--samples', str(n)],
                         env)
        print('  --samples %6d:       %.3f s, %.0f MB' % (n, t, mb))


if __name__ == '__main__':
    main()
