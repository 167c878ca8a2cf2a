#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Benchmark: advise against its peers, the four figures of issue 15.

On the bundled catalogue and one plain job (--runtime 24h --load 60, no
--reference), prints:

  (a) the instructions of one front-only `advise` (callgrind; they
      repeat exactly), in all and in loading the tables, against the
      goal of at most 150 M;
  (b) `advise --all --format csv` against the DuckDB peer
      (bench/peers/advise_duckdb.mjs): median wall times, how many times
      faster the program is (goal: at least 5) and peak memory (goal:
      under 50 MB for the program);
  (c) the same job for AWS alone (--provider aws) against the pandas peer
      (bench/peers/advise_pandas.py): time per candidate and the ratio
      (goal: at least 20);
  (d) `advise --all --format csv --uncertainty --samples 1000` over the
      full catalogue against one plain --all run (goal: about 1).

Before timing, each peer's CSV is checked against the program's
(bench/check_peer.py: carbon, price and cost within 1e-9 relative, same
rank, same marks and row order) and the rows agreeing are printed.  The
program and its peer run alternately, --runs times each (--runs-uncertainty
for (d)), writing to /dev/null; times are medians, peak memory the largest
ru_maxrss of the runs.  Everything printed but times, memory and the
machine's load repeats from run to run.  A peer that is not installed
(bench/setup.sh) is skipped with a note, as is (a) without valgrind.
Usage (after a build and bench/setup.sh):

    python3 bench/advise.py [--program src/carbon-advisor] [--runs 11]
        [--runs-uncertainty 3]
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CHECK_PEER = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          'check_peer.py')

RUNTIME_H = '24'
LOAD_PCT = '60'
# The peers work out every priced pair; advise's candidate rules (no
# accelerator types for a CPU job, no burstable type above its baseline)
# are lifted so that both do the same job.
SAME_SET = ['--accelerator', 'any', '--allow-burstable']
GOAL_INSTRUCTIONS = 150e6
GOAL_DUCKDB_RATIO = 5.0
GOAL_RSS_KIB = 50 * 1024
GOAL_PANDAS_RATIO = 20.0
SAMPLES = '1000'


def run_once(cmd, env, cwd=None):
    """Wall time (s), CPU time (s, user and system, all threads) and peak
    resident memory (KiB) of one run of CMD, its output thrown away."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise subprocess.CalledProcessError(code, cmd)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def alternate(cmds, env, runs):
    """Run the commands of CMDS (name -> (argv, cwd)) in turn, RUNS
    rounds; return name -> (median wall s, median CPU s, peak KiB)."""
    wall = {name: [] for name in cmds}
    cpu = {name: [] for name in cmds}
    peak = {name: 0 for name in cmds}
    for _ in range(runs):
        for name, (cmd, cwd) in cmds.items():
            t, c, rss = run_once(cmd, env, cwd)
            wall[name].append(t)
            cpu[name].append(c)
            peak[name] = max(peak[name], rss)
    return {name: (statistics.median(wall[name]),
                   statistics.median(cpu[name]), peak[name])
            for name in cmds}


def output_of(cmd, env, cwd=None):
    """CMD's standard output, in a temporary file whose path is
    returned."""
    fd, path = tempfile.mkstemp(prefix='carbon-advisor-bench.',
                                suffix='.csv')
    with os.fdopen(fd, 'wb') as f:
        subprocess.run(cmd, env=env, cwd=cwd, stdout=f, check=True)
    return path


def agreement(program_cmd, peer_cmd, env, peer_cwd):
    """Lines saying how the peer's CSV agrees with the program's, and
    the number of candidates.  bench/check_peer.py runs in a child of its
    own: a child's peak RSS starts from its parent's, so this script must
    stay small."""
    mine = output_of(program_cmd, env)
    theirs = output_of(peer_cmd, env, peer_cwd)
    try:
        check = subprocess.run([sys.executable, CHECK_PEER, mine, theirs],
                               stdout=subprocess.PIPE, check=False)
        with open(mine, 'rb') as f:
            n = sum(1 for _ in f) - 1
    finally:
        os.unlink(mine)
        os.unlink(theirs)
    lines = check.stdout.decode().splitlines()
    return ['    ' + line.strip() for line in lines], n


def instructions(cmd, env):
    """Instructions of one run of CMD, in all and inside catalogue_open
    (loading the data: the compiled image, or the tables when there is
    none), from callgrind; None without valgrind or when its report
    lacks either figure."""
    out = '/tmp/carbon-advisor-bench.%d.callgrind' % os.getpid()
    try:
        subprocess.run(['valgrind', '--tool=callgrind',
                        '--callgrind-out-file=' + out] + cmd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        text = subprocess.run(['callgrind_annotate', '--inclusive=yes', out],
                              stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL,
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
        elif ':catalogue_open ' in line and load is None:
            load = int(count)
    if total is None or load is None:
        return None
    return total, load


def side_by_side(m, mine, theirs, label, per, my_label='carbon-advisor'):
    """Print the wall and CPU times (ms, or us a candidate when PER is
    above 1) and peak RSS of M[MINE] and M[THEIRS], and the ratio of
    their CPU times, THEIRS / MINE."""
    unit, scale = ('us', 1e6 / per) if per > 1 else ('ms', 1e3)
    print('      %-17s %10s %10s %10s' % ('', 'wall ' + unit, 'CPU ' + unit,
                                         'peak RSS'))
    for name, text in ((mine, my_label), (theirs, label)):
        wall, cpu, rss = m[name]
        print('      %-17s %10.1f %10.1f %7.1f MB'
              % (text + ':', wall * scale, cpu * scale, rss / 1024))
    print('      %-17s %21.2f' % ('CPU, ratio:', m[theirs][1] / m[mine][1]))


def verdict(met):
    return 'met' if met else 'NOT met'


def machine():
    """The CPU, its cores and the load average, in one line."""
    model = 'unknown CPU'
    try:
        with open('/proc/cpuinfo', encoding='utf-8') as f:
            for line in f:
                if line.startswith('model name'):
                    model = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, 'getloadavg') else float('nan')
    return '%s, %d cores, load average %.1f at the start' % (
        model, os.cpu_count() or 0, load)


def figure_a(a, env):
    print('(a) front-only advise, instructions (callgrind, one run):')
    cmd = [a.program, 'advise', '--runtime', RUNTIME_H, '--load', LOAD_PCT] + SAME_SET
    if not shutil.which('valgrind'):
        print('    skipped: valgrind is not installed (bench/setup.sh)')
        return
    counts = instructions(cmd, env)
    if counts is None:
        print('    skipped: callgrind gave no total or no catalogue_open')
        return
    total, load = counts
    print('    in all:            %13d   goal: at most %d M, %s'
          % (total, GOAL_INSTRUCTIONS / 1e6,
             verdict(total <= GOAL_INSTRUCTIONS)))
    print('    loading the data:  %13d   (catalogue_open)' % load)
    print('    everything else:   %13d' % (total - load))


def figure_b(a, env, node):
    print('(b) advise --all --format csv, full catalogue, against DuckDB:')
    program = [a.program, '--format', 'csv', 'advise', '--runtime',
               RUNTIME_H, '--load', LOAD_PCT, '--all'] + SAME_SET
    if node is None:
        print('    skipped: the DuckDB peer is not installed '
              '(bench/setup.sh)')
        return
    peer = [node, 'peers/advise_duckdb.mjs', a.data_dir, RUNTIME_H, LOAD_PCT]
    lines, n = agreement(program, peer, env, a.bench_dir)
    print('    candidates:        %13d' % n)
    print('\n'.join(lines))
    m = alternate({'program': (program, None), 'duckdb': (peer, a.bench_dir)},
                  env, a.runs)
    print('    median of %d alternating runs:' % a.runs)
    side_by_side(m, 'program', 'duckdb', 'DuckDB', 1)
    tp, rp = m['program'][0], m['program'][2]
    td = m['duckdb'][0]
    print('    program peak RSS:  %10.1f MB   goal: under %d MB, %s'
          % (rp / 1024, GOAL_RSS_KIB // 1024, verdict(rp < GOAL_RSS_KIB)))
    print('    DuckDB / program:  %10.2f      (wall) goal: at least %g, %s'
          % (td / tp, GOAL_DUCKDB_RATIO,
             verdict(td / tp >= GOAL_DUCKDB_RATIO)))


def figure_c(a, env):
    print('(c) advise --all --format csv --provider aws, against '
          'pandas/numpy:')
    program = [a.program, '--format', 'csv', 'advise', '--runtime',
               RUNTIME_H, '--load', LOAD_PCT, '--all', '--provider', 'aws'] + SAME_SET
    if not pandas_ok(a.python):
        print('    skipped: %s has no pandas (bench/setup.sh)' % a.python)
        return
    peer = [a.python, os.path.join(a.bench_dir, 'peers', 'advise_pandas.py'),
            a.data_dir, RUNTIME_H, LOAD_PCT, 'aws']
    lines, n = agreement(program, peer, env, None)
    print('    candidates:        %13d' % n)
    print('\n'.join(lines))
    m = alternate({'program': (program, None), 'pandas': (peer, None)},
                  env, a.runs)
    print('    per candidate, median of %d alternating runs:' % a.runs)
    side_by_side(m, 'program', 'pandas', 'pandas', max(n, 1))
    tp, tq = m['program'][0], m['pandas'][0]
    print('    pandas / program:  %10.2f      (wall) goal: at least %g, %s'
          % (tq / tp, GOAL_PANDAS_RATIO,
             verdict(tq / tp >= GOAL_PANDAS_RATIO)))


def figure_d(a, env):
    print('(d) advise --all --uncertainty --samples %s, full catalogue, '
          'against a plain --all:' % SAMPLES)
    plain = [a.program, '--format', 'csv', 'advise', '--runtime', RUNTIME_H,
             '--load', LOAD_PCT, '--all'] + SAME_SET
    sampled = plain + ['--uncertainty', '--samples', SAMPLES]
    m = alternate({'sampled': (sampled, None), 'plain': (plain, None)}, env,
                  a.runs_uncertainty)
    print('    median of %d alternating runs:' % a.runs_uncertainty)
    side_by_side(m, 'plain', 'sampled', '--uncertainty', 1, 'plain --all')
    print('    sampled / plain:   %10.2f      (wall) goal: about 1'
          % (m['sampled'][0] / m['plain'][0]))


def pandas_ok(python):
    try:
        return subprocess.run([python, '-c', 'import pandas, numpy'],
                              stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    bench = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(bench)
    ap.add_argument('--program',
                    default=os.path.join(top, 'src', 'carbon-advisor'))
    ap.add_argument('--data-dir', default=os.path.join(top, 'data'))
    ap.add_argument('--runs', type=int, default=11)
    ap.add_argument('--runs-uncertainty', type=int, default=3)
    ap.add_argument('--python', default='/usr/bin/python3',
                    help='a Python with pandas (default /usr/bin/python3)')
    a = ap.parse_args()
    a.program = os.path.abspath(a.program)
    a.data_dir = os.path.abspath(a.data_dir)
    a.bench_dir = bench
    env = dict(os.environ, LC_ALL='C', CARBON_ADVISOR_DATA=a.data_dir)
    node = shutil.which('node') or shutil.which('nodejs')
    if not os.path.isdir(os.path.join(bench, 'node_modules', '@duckdb',
                                      'node-api')):
        node = None

    print('job:      advise --runtime %sh --load %s --accelerator any '
          '--allow-burstable (no --reference)'
          % (RUNTIME_H, LOAD_PCT))
    print('data:     %s' % a.data_dir)
    print('machine:  %s' % machine())
    run_once([a.program, '--format', 'csv', 'advise', '--runtime', RUNTIME_H,
              '--load', LOAD_PCT, '--all'] + SAME_SET, env)  # warm the page cache
    figure_a(a, env)
    figure_b(a, env, node)
    figure_c(a, env)
    figure_d(a, env)
    print('peak RSS of a child counts from this script\'s own, %.1f MB'
          % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    return 0


if __name__ == '__main__':
    sys.exit(main())
