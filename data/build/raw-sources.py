#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Assemble, lock and check the raw sources the data build reads.

Usage:
  raw-sources.py fetch OUT_DIR [--from MIRROR] [--lock FILE] [--raw DIR]
                 [--url-base URL]
  raw-sources.py lock SOURCES_DIR
  raw-sources.py check SOURCES_DIR [--lock FILE] [--raw DIR]
  raw-sources.py reads SOURCES_DIR

fetch   makes OUT_DIR a complete sources folder for build-tables.py: the
        files vendored in data/raw/ are copied from there; the others come
        from MIRROR (a copy of the sources folder, e.g.
        ../shared/data/sources) or, without --from, from their upstream
        repository at the locked commit.  Every file's size and sha256 must
        match data/raw/sources.lock.  OUT_DIR must not exist or be empty;
        nothing is left there when a file fails.
lock    runs the build on SOURCES_DIR (a complete sources folder), records
        every file it opens there, and rewrites data/raw/sources.lock and the
        vendored copies in data/raw/ from that list and data/raw/origins.csv.
check   runs the build on SOURCES_DIR the same way and says where the lock
        is stale: a file the build reads that the lock lacks, a locked file
        the build no longer reads, a vendored copy that differs from the
        lock, or a lock row that contradicts data/raw/origins.csv.
reads   prints the files the build reads, one per line.

Exit status: 0 success; 1 stale lock (check), a failed build or another
error; 64 bad command line; 65 a file does not match the lock, or a
malformed lock or origins file; 66 no such lock or sources folder; 69 a
file cannot be had (not vendored and neither in the mirror nor
downloadable).

Standard library only.  See data/README.md ("Rebuilding").
"""

import argparse
import builtins
import contextlib
import csv
import hashlib
import importlib.util
import io
import os
import re
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.normpath(os.path.join(HERE, '..', 'raw'))
ORIGINS = os.path.join(RAW, 'origins.csv')
LOCK = os.path.join(RAW, 'sources.lock')
URL_BASE = 'https://raw.githubusercontent.com'
TIMEOUT_S = 30

ORIGIN_COLS = ['folder', 'file', 'use', 'vendor', 'licence', 'repo', 'commit',
               'upstream_path', 'derivation']
LOCK_COLS = ['folder', 'file', 'use', 'kind', 'licence', 'repo', 'commit',
             'upstream_path', 'derivation', 'sha256', 'size']
# kind: vendored = copy kept in data/raw/FOLDER/FILE; fetch = byte-identical
# upstream file, downloadable at the locked commit; mirror = derived by the
# project's curator from an upstream that may not be redistributed, so it
# comes only from a mirror of the sources folder.
KINDS = ('vendored', 'fetch', 'mirror')
USES = ('input', 'licence')
NAME_RE = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9._-]*$')
SHA_RE = re.compile(r'^[0-9a-f]{64}$')
# Files in data/raw/ itself, not source folders.
RAW_OWN = ('origins.csv', 'sources.lock', 'LICENSES')

EX_DATAERR = 65
EX_NOINPUT = 66
EX_UNAVAILABLE = 69


class Failure(Exception):
    """One-line error and the exit status it maps to."""

    def __init__(self, msg, status=1):
        Exception.__init__(self, msg)
        self.status = status


def rel(path):
    """Path as shown in messages: relative to the working folder if inside."""
    r = os.path.relpath(path)
    return path if r.startswith('..' + os.sep + '..') else r


def read_table(path, cols, check_row):
    """Rows of a CSV file whose header must be COLS; check_row(where, row)."""
    try:
        f = open(path, encoding='utf-8', newline='')
    except OSError as e:
        raise Failure('%s: %s' % (rel(path), e.strerror), EX_NOINPUT)
    with f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != cols:
            raise Failure('%s:1: header: expected %s' % (rel(path), ','.join(cols)),
                          EX_DATAERR)
        rows, seen = [], set()
        for fields in reader:
            where = '%s:%d' % (rel(path), reader.line_num)
            if len(fields) != len(cols):
                raise Failure('%s: %d fields, expected %d' % (where, len(fields), len(cols)),
                              EX_DATAERR)
            row = dict(zip(cols, fields))
            for c in ('folder', 'file'):
                if not NAME_RE.match(row[c]):
                    raise Failure('%s: %s: not a plain file name: %r' % (where, c, row[c]),
                                  EX_DATAERR)
            key = (row['folder'], row['file'])
            if key in seen:
                raise Failure('%s: file: %s/%s listed twice' % ((where,) + key), EX_DATAERR)
            seen.add(key)
            if row['use'] not in USES:
                raise Failure('%s: use: %r is not one of %s'
                              % (where, row['use'], ', '.join(USES)), EX_DATAERR)
            check_row(where, row)
            rows.append(row)
    return rows


def check_origin(where, row):
    if row['vendor'] not in ('yes', 'no'):
        raise Failure('%s: vendor: %r is not yes or no' % (where, row['vendor']), EX_DATAERR)
    if row['vendor'] == 'no' and row['use'] == 'licence':
        raise Failure('%s: vendor: a licence text is always vendored' % where, EX_DATAERR)


def check_lock_row(where, row):
    if row['kind'] not in KINDS:
        raise Failure('%s: kind: %r is not one of %s' % (where, row['kind'], ', '.join(KINDS)),
                      EX_DATAERR)
    if not SHA_RE.match(row['sha256']):
        raise Failure('%s: sha256: not 64 lower-case hex digits' % where, EX_DATAERR)
    if not row['size'].isdigit():
        raise Failure('%s: size: not a byte count: %r' % (where, row['size']), EX_DATAERR)
    if row['kind'] == 'fetch' and not (row['repo'] and row['commit'] and row['upstream_path']):
        raise Failure('%s: upstream_path: a fetch row needs repo, commit and upstream_path'
                      % where, EX_DATAERR)


def read_origins(path=ORIGINS):
    return read_table(path, ORIGIN_COLS, check_origin)


def read_lock(path=LOCK):
    return read_table(path, LOCK_COLS, check_lock_row)


def kind_of(origin):
    if origin['vendor'] == 'yes':
        return 'vendored'
    return 'fetch' if origin['upstream_path'] else 'mirror'


def digest(data):
    return hashlib.sha256(data).hexdigest()


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


# ---------------------------------------------------------------------------
# Which files the build reads


@contextlib.contextmanager
def recording_opens(src):
    """Within the block, note every file opened for reading under SRC.

    builtins.open is the one place every reader of the build goes through
    (csv, json and plain text alike), so replacing it there catches a new
    input file without any change to the build scripts.
    """
    root = os.path.abspath(src)
    seen = set()
    real_open = builtins.open

    def open_and_note(file, mode='r', *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and not set(mode) & set('wax+'):
            path = os.path.abspath(os.fsdecode(file))
            if path.startswith(root + os.sep):
                seen.add(os.path.relpath(path, root).replace(os.sep, '/'))
        return real_open(file, mode, *args, **kwargs)

    builtins.open = io.open = open_and_note
    try:
        yield seen
    finally:
        builtins.open = io.open = real_open


def load_build():
    """build-tables.py as a module (its name has a dash)."""
    if HERE not in sys.path:
        sys.path.insert(0, HERE)
    spec = importlib.util.spec_from_file_location('build_tables',
                                                  os.path.join(HERE, 'build-tables.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record_reads(src):
    """Relative paths of the files the build and the power-model check read.

    Runs build-tables.py on SRC into a scratch folder, then the power
    model's leave-one-family-out check (tests/data/model-error.sh), which
    reads its own inputs.  Raises Failure with the build's last message if
    the build fails (typically: an input the sources folder lacks).
    """
    build = load_build()
    import power_model
    log = io.StringIO()
    with recording_opens(src) as seen, tempfile.TemporaryDirectory() as out, \
            contextlib.redirect_stderr(log):
        try:
            status = build.main([src, out])
            if status == 0:
                rows = power_model.read_teads_ec2(src)
                power_model.leave_one_family_out(rows, src)
        except Exception as e:
            # e.g. a new reader opening a file the folder lacks
            log.write('%s: %s\n' % (type(e).__name__, e))
            status = 1
    if status != 0:
        lines = log.getvalue().strip().splitlines() or ['(no message)']
        raise Failure('the build failed on %s: %s' % (rel(src), lines[-1]))
    return seen


# ---------------------------------------------------------------------------
# fetch


def get_file(row, mirror, raw, url_base):
    """Bytes of one locked file, from data/raw, the mirror or upstream."""
    name = '%s/%s' % (row['folder'], row['file'])
    if row['kind'] == 'vendored':
        path = os.path.join(raw, row['folder'], row['file'])
        if not os.path.isfile(path):
            raise Failure('%s: vendored in the lock but missing' % rel(path), EX_DATAERR)
        return read_bytes(path), rel(path)
    if mirror:
        path = os.path.join(mirror, row['folder'], row['file'])
        if not os.path.isfile(path):
            raise Failure('%s: not in the mirror %s' % (name, rel(mirror)), EX_UNAVAILABLE)
        return read_bytes(path), rel(path)
    if row['kind'] == 'mirror':
        raise Failure('%s: derived here from a source whose licence keeps it out of the '
                      'repository; only a mirror has it (--from DIR)' % name, EX_UNAVAILABLE)
    url = '%s/%s/%s/%s' % (url_base.rstrip('/'), row['repo'], row['commit'],
                           urllib.parse.quote(row['upstream_path']))
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as resp:
            return resp.read(), url
    except (OSError, ValueError) as e:
        raise Failure('%s: cannot download %s: %s' % (name, url, e), EX_UNAVAILABLE)


def fetch(out, mirror, lock_path, raw, url_base):
    rows = read_lock(lock_path)
    if os.path.exists(out) and not (os.path.isdir(out) and not os.listdir(out)):
        raise Failure('%s: exists and is not an empty folder' % rel(out), 64)
    if mirror and not os.path.isdir(mirror):
        raise Failure('%s: mirror folder not found' % rel(mirror), EX_UNAVAILABLE)
    if not mirror:
        # Say so before downloading anything that would be thrown away.
        only = [r for r in rows if r['kind'] == 'mirror']
        if only:
            get_file(only[0], None, raw, url_base)
    parent = os.path.dirname(os.path.abspath(out))
    tmp = tempfile.mkdtemp(prefix='.raw-sources-', dir=parent)
    try:
        for row in rows:
            data, origin = get_file(row, mirror, raw, url_base)
            if len(data) != int(row['size']) or digest(data) != row['sha256']:
                raise Failure('%s: sha256 %s... (%d bytes) does not match %s/%s in %s'
                              % (origin, digest(data)[:12], len(data), row['folder'],
                                 row['file'], rel(lock_path)), EX_DATAERR)
            os.makedirs(os.path.join(tmp, row['folder']), exist_ok=True)
            with open(os.path.join(tmp, row['folder'], row['file']), 'wb') as f:
                f.write(data)
        if os.path.isdir(out):
            os.rmdir(out)
        os.rename(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return len(rows)


# ---------------------------------------------------------------------------
# lock


def lock_rows(src, reads, origins):
    """Lock rows for the files read, plus the licence texts of vendored folders."""
    by_key = {(o['folder'], o['file']): o for o in origins}
    unknown = sorted(r for r in reads if tuple(r.split('/', 1)) not in by_key)
    if unknown:
        raise Failure('%s: read by the build but not in %s: add its upstream, licence and '
                      'vendor yes/no there%s'
                      % (unknown[0], rel(ORIGINS),
                         ' (and %d more)' % (len(unknown) - 1) if len(unknown) > 1 else ''))
    wanted = {tuple(r.split('/', 1)) for r in reads}
    vendored_folders = {k[0] for k in wanted if by_key[k]['vendor'] == 'yes'}
    rows = []
    for o in origins:
        key = (o['folder'], o['file'])
        if key in wanted or (o['use'] == 'licence' and o['folder'] in vendored_folders):
            data = read_bytes(os.path.join(src, o['folder'], o['file']))
            row = {c: o[c] for c in LOCK_COLS if c in o}
            row.update(kind=kind_of(o), sha256=digest(data), size=str(len(data)))
            rows.append(row)
    rows.sort(key=lambda r: (r['folder'].encode(), r['file'].encode()))
    return rows


def raw_folder_files(raw):
    """(folder, file) of every file in data/raw's source folders."""
    out = set()
    for folder in sorted(os.listdir(raw)):
        d = os.path.join(raw, folder)
        if folder in RAW_OWN or not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            out.add((folder, name))
    return out


def write_lock(rows, path):
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, fieldnames=LOCK_COLS, lineterminator='\n')
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def lock(src):
    origins = read_origins()
    rows = lock_rows(src, record_reads(src), origins)
    vendored = {(r['folder'], r['file']) for r in rows if r['kind'] == 'vendored'}
    for folder, name in sorted(vendored):
        os.makedirs(os.path.join(RAW, folder), exist_ok=True)
        shutil.copyfile(os.path.join(src, folder, name), os.path.join(RAW, folder, name))
    for folder, name in sorted(raw_folder_files(RAW) - vendored):
        os.remove(os.path.join(RAW, folder, name))
        if not os.listdir(os.path.join(RAW, folder)):
            os.rmdir(os.path.join(RAW, folder))
    write_lock(rows, LOCK)
    return rows


# ---------------------------------------------------------------------------
# check


def check(src, lock_path, raw):
    """Problems that make the lock stale, one line each (empty if none)."""
    rows = read_lock(lock_path)
    origins = {(o['folder'], o['file']): o for o in read_origins()}
    problems = []
    for r in rows:
        key = (r['folder'], r['file'])
        name = '%s/%s' % key
        o = origins.get(key)
        if o is None:
            problems.append('%s: locked but not in %s' % (name, rel(ORIGINS)))
        elif kind_of(o) != r['kind'] or o['use'] != r['use']:
            problems.append('%s: locked as %s %s, %s says %s %s'
                            % (name, r['use'], r['kind'], rel(ORIGINS), o['use'], kind_of(o)))
        if r['kind'] != 'vendored':
            continue
        path = os.path.join(raw, *key)
        if not os.path.isfile(path):
            problems.append('%s: vendored in the lock but missing' % rel(path))
        elif digest(read_bytes(path)) != r['sha256']:
            problems.append('%s: differs from its sha256 in the lock' % rel(path))
    vendored = {(r['folder'], r['file']) for r in rows if r['kind'] == 'vendored'}
    for key in sorted(raw_folder_files(raw) - vendored):
        problems.append('%s: in data/raw but not vendored in the lock' % '/'.join(key))
    locked = {'%s/%s' % (r['folder'], r['file']) for r in rows if r['use'] == 'input'}
    reads = record_reads(src)
    for name in sorted(reads - locked):
        problems.append('%s: read by the build but not locked' % name)
    for name in sorted(locked - reads):
        problems.append('%s: locked but no longer read by the build' % name)
    return problems


# ---------------------------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog='raw-sources.py',
        description='Assemble, lock and check the raw sources the data build reads.')
    sub = ap.add_subparsers(dest='command', required=True)
    f = sub.add_parser('fetch', help='assemble a complete sources folder')
    f.add_argument('out', metavar='OUT_DIR')
    f.add_argument('--from', dest='mirror', metavar='MIRROR',
                   help='copy the files not vendored from this sources folder')
    f.add_argument('--lock', default=LOCK, help=argparse.SUPPRESS)
    f.add_argument('--raw', default=RAW, help=argparse.SUPPRESS)
    f.add_argument('--url-base', default=URL_BASE, help=argparse.SUPPRESS)
    lk = sub.add_parser('lock', help='rewrite the lock and data/raw from the build')
    lk.add_argument('src', metavar='SOURCES_DIR')
    c = sub.add_parser('check', help='fail when the lock is stale')
    c.add_argument('src', metavar='SOURCES_DIR')
    c.add_argument('--lock', default=LOCK, help=argparse.SUPPRESS)
    c.add_argument('--raw', default=RAW, help=argparse.SUPPRESS)
    r = sub.add_parser('reads', help='list the files the build reads')
    r.add_argument('src', metavar='SOURCES_DIR')
    try:
        return ap.parse_args(argv)
    except SystemExit as e:
        sys.exit(64 if e.code else 0)


def main(argv):
    a = parse_args(argv)
    me = 'raw-sources'
    try:
        if a.command != 'fetch' and not os.path.isdir(a.src):
            raise Failure('%s: sources folder not found' % a.src, EX_NOINPUT)
        if a.command == 'fetch':
            n = fetch(a.out, a.mirror, a.lock, a.raw, a.url_base)
            sys.stderr.write('%s: %d files in %s\n' % (me, n, a.out))
        elif a.command == 'lock':
            rows = lock(a.src)
            kinds = {k: sum(r['kind'] == k for r in rows) for k in KINDS}
            sys.stderr.write('%s: %s: %d files (%s)\n'
                             % (me, rel(LOCK), len(rows),
                                ', '.join('%s %d' % kv for kv in kinds.items())))
        elif a.command == 'reads':
            for name in sorted(record_reads(a.src)):
                print(name)
        else:
            problems = check(a.src, a.lock, a.raw)
            for p in problems:
                sys.stderr.write('%s: stale lock: %s\n' % (me, p))
            if problems:
                sys.stderr.write('%s: regenerate with: python3 data/build/raw-sources.py '
                                 'lock ../shared/data/sources\n' % me)
                return 1
            sys.stderr.write('%s: %s agrees with the build and data/raw\n' % (me, rel(a.lock)))
    except Failure as e:
        sys.stderr.write('%s: %s\n' % (me, e))
        return e.status
    except OSError as e:
        sys.stderr.write('%s: %s: %s\n' % (me, e.filename or '', e.strerror))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
