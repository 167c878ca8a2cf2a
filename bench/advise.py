#!/usr/bin/env python3
"""Benchmark: the cost of advise's search against loading the data.

Times, on the full bundled catalogue, (1) loading alone (`list groups`,
which loads and checks every table and prints nine rows), (2) `advise`
printing the front (enumeration, evaluation and ranking of every
candidate, little output) and (3) a complete `advise --all --format csv`
(the same plus writing every candidate), each the median of --runs runs,
and prints them, the search's cost as a share of the load, candidates per
second and peak memory.  Wall times move with whatever else the machine
is doing; where valgrind is installed the instruction counts of one run
of each (callgrind) are printed too, and those repeat exactly.  Usage
(after a build):

    python3 bench/advise.py [--program src/carbon-advisor] [--runs 31]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def run(cmd, env):
    """Run CMD once; return (seconds, peak RSS in KiB, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, check=True)
    t1 = time.perf_counter()
    # ru_maxrss of the children is the largest any child reached; each
    # command is run in its own python process below, so it is its own.
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return t1 - t0, max(before, after), p.stdout


def measure(cmd, env, runs):
    """Median wall time over RUNS, and peak memory, of CMD."""
    times = []
    out = b''
    for _ in range(runs):
        t, _, out = run(cmd, env)
        times.append(t)
    # Peak memory: one more run in a fresh interpreter, so that the
    # children's maximum is this command's alone.
    code = ('import resource,subprocess,sys;'
            'subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,check=True);'
            'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)')
    rss = int(subprocess.run([sys.executable, '-c', code] + cmd, env=env,
                             stdout=subprocess.PIPE, check=True).stdout)
    return statistics.median(times), rss, out


def instructions(cmd, env):
    """Instructions of one run of CMD, in all and inside catalogue_load
    (loading and checking the tables), from callgrind; None without
    valgrind."""
    out = '/tmp/carbon-advisor-bench.%d.callgrind' % os.getpid()
    try:
        subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out]
                       + cmd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        text = subprocess.run(['callgrind_annotate', '--inclusive=yes', out],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              check=True).stdout.decode(errors='replace')
    except (OSError, subprocess.CalledProcessError):
        return None
    finally:
        if os.path.exists(out):
            os.unlink(out)
    total = load = None
    for line in text.splitlines():
        count = line.split('(')[0].strip().replace(',', '')
        if not count.isdigit():
            continue
        if 'PROGRAM TOTALS' in line:
            total = int(count)
        elif 'catalogue_load' in line and load is None:
            load = int(count)
    if total is None or load is None:
        return None
    return total, load


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--program', default=os.path.join(top, 'src', 'carbon-advisor'))
    ap.add_argument('--data-dir', default=os.path.join(top, 'data'))
    ap.add_argument('--runs', type=int, default=31)
    a = ap.parse_args()
    env = dict(os.environ, LC_ALL='C', CARBON_ADVISOR_DATA=a.data_dir)

    load_cmd = [a.program, '--format', 'csv', 'list', 'groups']
    job = ['--runtime', '24h', '--load', '70']
    front_cmd = [a.program, 'advise'] + job
    all_cmd = [a.program, '--format', 'csv', 'advise'] + job + ['--all']
    run(all_cmd, env)  # warm the page cache
    t_load, rss_load, _ = measure(load_cmd, env, a.runs)
    t_front, rss_front, _ = measure(front_cmd, env, a.runs)
    t_all, rss_all, out = measure(all_cmd, env, a.runs)
    candidates = out.count(b'\n') - 1
    search = max(t_front - t_load, 1e-9)
    print('catalogue:             %s (%d candidates)' % (a.data_dir, candidates))
    print('wall time, median of %d runs:' % a.runs)
    print('  load alone:          %7.2f ms   peak RSS %6d KiB' % (t_load * 1e3, rss_load))
    print('  advise (the front):  %7.2f ms   peak RSS %6d KiB' % (t_front * 1e3, rss_front))
    print('  advise --all, csv:   %7.2f ms   peak RSS %6d KiB' % (t_all * 1e3, rss_all))
    print('  search over load:    %7.0f %%   (advise - load) / load' % (100.0 * search / t_load))
    print('  advise / load:       %7.2f' % (t_front / t_load))
    print('  candidates per s:    %7.0f   (of the search alone)' % (candidates / search))
    i_front = instructions(front_cmd, env)
    i_all = instructions(all_cmd, env)
    if i_front is not None and i_all is not None:
        total, load = i_front
        print('instructions, one run (callgrind; repeatable):')
        print('  advise (the front):  %12d in all' % total)
        print('    loading the data:  %12d (catalogue_load)' % load)
        print('    everything else:   %12d = %.0f %% of the load (goal: at most 50 %%)'
              % (total - load, 100.0 * (total - load) / load))
        print('  advise --all, csv:   %12d   %.0f instructions a row written'
              % (i_all[0], (i_all[0] - total) / max(candidates, 1)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
