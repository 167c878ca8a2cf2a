#!/usr/bin/env python3
"""Benchmark: advise --uncertainty on the full bundled catalogue.

Times `advise --runtime 24h --load 60:40:80 --uncertainty` over every
candidate (88,706 on the three-provider catalogue) with --samples N,
with the pruning of candidates that cannot reach the front in any sample
and without it (--no-prune), and, for reference, the same advise without
--uncertainty.  Prints each median wall time over --runs runs, the time
the sampling adds, and samples per second.  The program is single
threaded: the numbers are for one core.  Usage (after a build):

    python3 bench/uncertainty.py [--program src/carbon-advisor]
        [--samples 1000] [--runs 5]
"""
import argparse
import os
import statistics
import subprocess
import time


def median_time(cmd, env, runs):
    """Median wall time of RUNS runs of CMD."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--program', default=os.path.join(top, 'src',
                                                      'carbon-advisor'))
    ap.add_argument('--data', default=os.path.join(top, 'data'))
    ap.add_argument('--samples', type=int, default=1000)
    ap.add_argument('--runs', type=int, default=5)
    args = ap.parse_args()
    env = dict(os.environ, CARBON_ADVISOR_DATA=args.data, LC_ALL='C')
    base = [args.program, 'advise', '--runtime', '24h', '--load', '60:40:80']
    unc = base + ['--uncertainty', '--samples', str(args.samples)]
    point = median_time(base, env, args.runs)
    pruned = median_time(unc, env, args.runs)
    unpruned = median_time(unc + ['--no-prune'], env, args.runs)
    print('candidates: full catalogue, %d samples, 1 core' % args.samples)
    print('advise without --uncertainty:  %.3f s' % point)
    for name, t in (('with pruning', pruned), ('without pruning', unpruned)):
        extra = max(t - point, 1e-9)
        print('--uncertainty %-16s %.3f s (sampling %.3f s, %.0f samples/s)'
              % (name + ':', t, extra, args.samples / extra))


if __name__ == '__main__':
    main()
