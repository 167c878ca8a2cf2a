#!/usr/bin/python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Run `carbon-advisor track --partial` on a Dask cluster and merge.

    contrib/dask/track.py [--local N | --scheduler ADDRESS]
        [--program PATH] [--chunk-bytes B] [track options] FILE...

Each file (or, for native csv and JSON Lines, each byte range of about
--chunk-bytes, cut at line ends, the header put back on every range) is
one task: a worker pipes it through `track --partial` and hands the
partial back; `carbon-advisor merge` adds them up on the client and
writes the summary (--format and --output apply to it).  The result is
byte for byte that of one `track` over all the files (doc/tracking.md).

--local N starts a LocalCluster of N worker processes bound to 127.0.0.1
(dashboard on 127.0.0.1, a free port); --scheduler joins a running
cluster, whose workers must see the files and the program at the same
paths.  Rejects (--rejects FILE) are gathered from every task, each
with its line in the file, as one process writes them.  Needs Debian's python3-distributed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# track's options that take a value, and merge's.
TRACK_VALUE_OPTS = {'--input-format', '--region', '--location', '--pue',
                    '--load', '--gpu-load', '--lifetime-years', '--by',
                    '--success-states', '--partition-gpu', '--data-dir'}
MERGE_VALUE_OPTS = {'--format', '--output'}
TRACK_FLAGS = {'--summary', '--strict'}


def split_args(rest):
    """Split the arguments after ours into track options, merge options,
    the rejects file and the input files."""
    track, merge, files, rejects = [], [], [], None
    i = 0
    while i < len(rest):
        a = rest[i]
        name = a.split('=', 1)[0]
        has_value = '=' in a
        value = None
        if name in TRACK_VALUE_OPTS | MERGE_VALUE_OPTS | {'--rejects'}:
            if not has_value:
                i += 1
                if i == len(rest):
                    sys.exit('track.py: %s needs a value' % name)
                value = rest[i]
            else:
                value = a.split('=', 1)[1]
            if name == '--rejects':
                rejects = value
            elif name in MERGE_VALUE_OPTS:
                merge += [name, value]
            else:
                track += [name, value]
        elif name in TRACK_FLAGS:
            track.append(name)
        elif a.startswith('-') and a != '-':
            sys.exit('track.py: unknown option %s' % a)
        else:
            files.append(a)
        i += 1
    if '--data-dir' in track:
        merge += ['--data-dir', track[track.index('--data-dir') + 1]]
    return track, merge, files, rejects


def ranges(path, chunk, splittable):
    """Byte ranges [start, end) of PATH, about CHUNK bytes each; the whole
    file when it cannot be cut."""
    size = os.path.getsize(path)
    if not splittable or size <= chunk:
        return [(path, 0, None)]
    return [(path, s, min(s + chunk, size)) for s in range(0, size, chunk)]


# The start of a line of the rejects of track reading standard input.
REJECT_START = re.compile(rb'\(stdin\),(\d+),')


def lines_before(f, pos):
    """How many line ends the open file F holds before byte POS."""
    f.seek(0)
    n, left = 0, pos
    while left > 0:
        block = f.read(min(left, 1 << 20))
        if not block:
            break
        n += block.count(b'\n')
        left -= len(block)
    return n


def read_range(path, start, end):
    """The lines of PATH that begin in [start, end) (the whole file when
    END is None), the csv header put back in front of a later range, and
    how many lines of the range's text come before the file's own: the
    header put back (1), and the lines of the file before the range."""
    with open(path, 'rb') as f:
        if end is None:
            return f.read(), 0
        header = f.readline()
        jsonl = header.lstrip(b'\xef\xbb\xbf').lstrip().startswith(b'{')
        if start == 0:
            f.seek(0)
            pos, out = 0, []
        else:
            # Finish the line begun before START: it is the previous
            # range's (when START begins a line this reads its '\n').
            f.seek(start - 1)
            f.readline()
            pos, out = f.tell(), ([] if jsonl else [header])
        first = pos
        while pos < end:
            line = f.readline()
            if not line:
                break
            out.append(line)
            pos += len(line)
        shift = lines_before(f, first) - len(out[:1] if out and first > 0
                                             and not jsonl else [])
        return b''.join(out), shift


def run_task(program, track_opts, path, start, end):
    """On a worker: the partial summary and rejects of one range, each
    reject named by the file and its line in the file."""
    data, shift = read_range(path, start, end)
    with tempfile.TemporaryDirectory() as tmp:
        rej = os.path.join(tmp, 'rejects.csv')
        p = subprocess.run([program, 'track', '--partial', '--rejects', rej]
                           + track_opts + ['-'], input=data,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           check=False)
        out = []
        if os.path.exists(rej):
            with open(rej, 'rb') as f:
                lines = f.read().splitlines(True)[1:]
            name = path.encode()
            if re.search(rb'[",\r\n]', name):
                name = b'"' + name.replace(b'"', b'""') + b'"'
            for line in lines:
                m = REJECT_START.match(line)
                out.append(name + b',%d,' % (int(m.group(1)) + shift)
                           + line[m.end():])
    if p.returncode != 0:
        raise RuntimeError('%s@%d: track exited %d: %s'
                           % (path, start, p.returncode,
                              p.stderr.decode().strip()))
    return p.stdout, b''.join(out)


def splittable(path, track_opts):
    """Native csv and JSON Lines can be cut at any line end; sacct (steps
    after their job) and CodeCarbon (flushes of a run) cannot."""
    if '--input-format' in track_opts:
        fmt = track_opts[track_opts.index('--input-format') + 1]
        if fmt in ('csv', 'jsonl'):
            return True
        if fmt != 'auto':
            return False
    with open(path, 'rb') as f:
        head = f.readline()
    if b'"' in head:
        return False
    return not (b'|' in head and b'JobID' in head) and \
        not (b'run_id' in head and b'emissions' in head)


def main(argv):
    ap = argparse.ArgumentParser(
        description='Map carbon-advisor track --partial over Dask workers '
                    'and merge the partials.')
    where = ap.add_mutually_exclusive_group()
    where.add_argument('--local', type=int, metavar='N',
                       help='start a LocalCluster of N workers on 127.0.0.1')
    where.add_argument('--scheduler', metavar='ADDRESS',
                       help='the address of a running scheduler')
    ap.add_argument('--program', default=os.environ.get(
        'CARBON_ADVISOR', shutil.which('carbon-advisor') or 'carbon-advisor'),
        help='the carbon-advisor program (absolute path on the workers)')
    ap.add_argument('--chunk-bytes', type=int, default=64 << 20,
                    help='cut native logs into ranges of about B bytes')
    a, rest = ap.parse_known_args(argv)
    track_opts, merge_opts, files, rejects = split_args(rest)
    if not files:
        ap.error('no FILE')
    program = os.path.abspath(a.program) if os.sep in a.program else a.program

    from dask.distributed import Client, LocalCluster
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.local or os.cpu_count() or 1,
                               threads_per_worker=1, processes=True,
                               host='127.0.0.1',
                               dashboard_address='127.0.0.1:0')
        client = Client(cluster)
    try:
        tasks = [r for f in files
                 for r in ranges(f, a.chunk_bytes, splittable(f, track_opts))]
        futures = [client.submit(run_task, program, track_opts, *t, pure=False)
                   for t in tasks]
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (partial, _) in enumerate(results):
            paths.append(os.path.join(tmp, '%06d.partial' % i))
            with open(paths[-1], 'wb') as f:
                f.write(partial)
        if rejects is not None:
            with open(rejects, 'wb') as f:
                f.write(b'file,line,reason\n')
                for _, rej in results:
                    f.write(rej)
        return subprocess.run([program] + merge_opts + ['merge'] + paths,
                              check=False).returncode


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
