#!/usr/bin/python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Benchmark: `track` on a million native csv records of cloud jobs.

Makes a deterministic log of --records jobs (about 54 MB for a million:
job id, project, user, instance type, region, count, duration in seconds,
state) and times, each the median of --runs runs:
  1. loading the data alone (`track` of an empty log);
  2. `track --load 50 --by project` of the whole log, single process:
     records per second (of the whole run and of the part past loading)
     and peak RSS;
  3. the pandas peer (bench/peers/track_pandas.py) on the same log with
     the factors table, and the ratio;
  4. `xargs -P N` over N pieces with `--partial` then `merge`, for N = 1
     and the machine's cores: the speed-up;
  5. contrib/dask/track.py on a LocalCluster of 1 and N workers, each
     taking a byte range (the cluster's start is included).
Wall times move with whatever else the machine is doing.  Run
bench/setup.sh first for pandas.  Usage (after a build):

    python3 bench/track.py [--program src/carbon-advisor] [--records 1000000]
"""
import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ['m5.xlarge', 'c5.2xlarge', 'p3.2xlarge', 'r5.large', 'm5.4xlarge',
         'g4dn.xlarge', 'c5.large', 'm5.large']
REGIONS = ['eu-north-1', 'us-east-1', 'eu-west-1', 'us-west-2']


def make_log(path, n):
    rnd = random.Random(1)
    with open(path, 'w') as f:
        f.write('job_id,project,user,instance_type,region,count,duration,'
                'state\n')
        for i in range(n):
            f.write('j%d,p%d,u%d,%s,%s,%d,%ds,%s\n' % (
                i, rnd.randrange(20), rnd.randrange(200), rnd.choice(TYPES),
                rnd.choice(REGIONS), rnd.randrange(1, 5),
                rnd.randrange(60, 86400),
                'FAILED' if rnd.random() < 0.1 else 'COMPLETED'))


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, runs, shell=False, cpu=None):
    """Median wall seconds of CMD over RUNS, and its peak RSS in KiB; the
    median CPU seconds (user + system, of every process it ran) are
    appended to CPU when given: on a shared machine they move less than
    wall time."""
    times, cpus = [], []
    for _ in range(runs):
        c0 = cpu_children()
        t0 = time.perf_counter()
        subprocess.run(cmd, shell=shell, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
        cpus.append(cpu_children() - c0)
    if cpu is not None:
        cpu.append(statistics.median(cpus))
    code = ('import resource,subprocess,sys;'
            'subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,'
            'stderr=subprocess.DEVNULL,check=True);'
            'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)')
    rss = 0
    if not shell:
        rss = int(subprocess.run([sys.executable, '-c', code] + cmd,
                                 stdout=subprocess.PIPE, check=True).stdout)
    return statistics.median(times), rss


def split(path, pieces, outdir):
    with open(path) as f:
        header = f.readline()
        lines = f.readlines()
    step = (len(lines) + pieces - 1) // pieces
    names = []
    for i in range(pieces):
        names.append(os.path.join(outdir, 'piece%02d.csv' % i))
        with open(names[-1], 'w') as g:
            g.write(header)
            g.writelines(lines[i * step:(i + 1) * step])
    return names


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--program', default='src/carbon-advisor')
    ap.add_argument('--records', type=int, default=1000000)
    ap.add_argument('--runs', type=int, default=5)
    a = ap.parse_args(argv)
    prog = os.path.abspath(a.program)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, 'jobs.csv')
        make_log(log, a.records)
        empty = os.path.join(tmp, 'empty.csv')
        with open(empty, 'w') as f:
            f.write('job_id,instance_type,region,duration\n')
        size = os.path.getsize(log)
        cpu = []
        load, _ = timed([prog, 'track', '--load', '50', '--by', 'project',
                         empty], a.runs, cpu=cpu)
        whole, rss = timed([prog, 'track', '--load', '50', '--by', 'project',
                            log], a.runs, cpu=cpu)
        print('records            %d (%.1f MB)' % (a.records, size / 1e6))
        print('loading the data   %.3f s' % load)
        print('track --by project %.3f s: %.2f M records/s, %.2f M/s past '
              'loading, %.0f MB/s' % (whole, a.records / whole / 1e6,
                                     a.records / max(whole - load, 1e-9) / 1e6,
                                     size / whole / 1e6))
        print('  CPU time         %.3f s (loading %.3f s): %.2f M records/s '
              'on one core, %.2f M/s past loading'
              % (cpu[1], cpu[0], a.records / cpu[1] / 1e6,
                 a.records / max(cpu[1] - cpu[0], 1e-9) / 1e6))
        print('peak RSS           %.1f MB' % (rss / 1024))
        factors = os.path.join(tmp, 'factors.csv')
        with open(factors, 'w') as f:
            subprocess.run([prog, '--format', 'csv', 'factors', '--load',
                            '50'], stdout=f, check=True)
        try:
            import pandas  # noqa: F401
            pcpu = []
            peer, prss = timed([sys.executable,
                                os.path.join(HERE, 'peers', 'track_pandas.py'),
                                factors, log], max(1, a.runs // 2), cpu=pcpu)
            print('pandas peer        %.3f s, CPU %.3f s (%.2f M records/s), '
                  'peak RSS %.1f MB: track is %.1fx faster (wall), %.1fx '
                  '(CPU)' % (peer, pcpu[0], a.records / peer / 1e6,
                             prss / 1024, peer / whole, pcpu[0] / cpu[1]))
        except ImportError:
            print('pandas peer        not run: no pandas (bench/setup.sh)')
        for n in sorted({1, cores}):
            pieces = split(log, n, tmp) if n > 1 else [log]
            cmd = ('printf "%%s\\n" %s | xargs -P %d -I{} sh -c '
                   '\'"%s" track --load 50 --by project --partial {} '
                   '> {}.partial 2>/dev/null\' && "%s" merge %s >/dev/null '
                   '2>&1' % (' '.join(pieces), n, prog, prog,
                             ' '.join(p + '.partial' for p in pieces)))
            t, _ = timed(cmd, a.runs, shell=True)
            print('xargs -P %-2d        %.3f s: %.2f M records/s'
                  % (n, t, a.records / t / 1e6))
        try:
            import distributed  # noqa: F401
            for n in sorted({1, cores}):
                t, _ = timed([sys.executable,
                              os.path.join(HERE, '..', 'contrib', 'dask',
                                           'track.py'),
                              '--local', str(n), '--program', prog,
                              '--chunk-bytes', str(size // n + 1),
                              '--load', '50', '--by', 'project', log],
                             max(1, a.runs // 2))
                print('dask --local %-2d    %.3f s: %.2f M records/s '
                      '(cluster start included)'
                      % (n, t, a.records / t / 1e6))
        except ImportError:
            print('dask               not run: no python3-distributed')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
