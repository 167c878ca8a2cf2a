#!/usr/bin/env python3
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
"""Check the shape of src/ that HACKING.md describes.

1. Layers: a file in src/LAYER/ includes only headers of its own layer
   or of a layer below it (base, data, model, search, view, cli, cmd).
2. Below cli nothing prints, exits or parses options: no stdout, stderr,
   printf, puts, exit, error (3), abort or argp, comments aside.  The one
   exception is base/xalloc.c's out-of-memory exit, as gnulib's
   xalloc_die.
3. Sizes: a file at most 600 lines, a function at most 80 (from the line
   of its return type, above its name, to the '}' at column 0 that
   closes its body).
4. Licence: each file says in its first lines that it is under the
   GPL, version 3 or later (COPYING).
5. No circles: the objects of src/libadvisor.a, linked by the symbols
   one uses and another defines, form no cycle (A calls B and B calls
   A, however long the way round).

Usage: layers.py SRCDIR [LIBADVISOR.A]; the circle check needs the
library and nm.  Prints one line per violation; exit 0 when none, 1
otherwise.
"""

import os
import re
import subprocess
import sys

LAYERS = ['base', 'data', 'model', 'search', 'view', 'cli', 'cmd']
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80
# Allowed below cli, per file: the tokens it may use.
EXCEPTIONS = {'base/xalloc.c': {'error', 'abort'}}
FORBIDDEN = re.compile(
    r'\b(stdout|stderr|argp\w*)\b'
    r'|\b(printf|vprintf|puts|putchar|perror|exit|_exit|error|'
    r'error_at_line|abort)\s*\(')
# printf as a format attribute's archetype is no call.
FORMAT_ATTRIBUTE = re.compile(r'\bformat\s*\(\s*printf\b')
LICENCE = 'SPDX-License-Identifier: GPL-3.0-or-later'
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def strip_comments_and_strings(text):
    """TEXT with comments and string and character literals blanked."""
    pattern = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"'
                         r"|'(?:\\.|[^'\\\n])*'", re.S)

    def blank(m):
        s = m.group(0)
        if s.startswith('/'):
            return re.sub(r'[^\n]', ' ', s)
        return s[0] + ' ' * (len(s) - 2) + s[-1]
    return pattern.sub(blank, text)


def sources(srcdir):
    for layer in LAYERS:
        folder = os.path.join(srcdir, layer)
        if not os.path.isdir(folder):
            yield None, layer, None
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(('.c', '.h')):
                yield os.path.join(folder, name), layer, layer + '/' + name


def check_layers(path, layer, rel, text, problems):
    rank = LAYERS.index(layer)
    for m in INCLUDE.finditer(text):
        target = m.group(1)
        line = text.count('\n', 0, m.start()) + 1
        head = target.split('/')[0]
        if head == 'config.h' or '/' not in target:
            if target != 'config.h':
                problems.append('%s:%d: includes "%s" without its layer '
                                'folder' % (rel, line, target))
            continue
        if head not in LAYERS:
            problems.append('%s:%d: includes "%s", in no layer'
                            % (rel, line, target))
        elif LAYERS.index(head) > rank:
            problems.append('%s:%d: includes "%s": %s is above %s'
                            % (rel, line, target, head, layer))
    if rank >= LAYERS.index('cli'):
        return
    code = strip_comments_and_strings(text)
    allowed = EXCEPTIONS.get(rel, set())
    code = FORMAT_ATTRIBUTE.sub('format (', code)
    for lineno, line in enumerate(code.split('\n'), 1):
        for m in FORBIDDEN.finditer(line):
            token = m.group(1) or m.group(2)
            if token not in allowed:
                problems.append('%s:%d: uses %s below the cli layer'
                                % (rel, lineno, token))
    for m in re.finditer(r'#\s*include\s+<argp\.h>', text):
        problems.append('%s: includes <argp.h> below the cli layer' % rel)


def check_licence(rel, text, problems):
    if LICENCE not in '\n'.join(text.split('\n')[:4]):
        problems.append('%s: no licence line (%s) in its first lines'
                        % (rel, LICENCE))


def check_sizes(rel, text, problems):
    lines = text.split('\n')
    if text.endswith('\n'):
        lines.pop()
    if len(lines) > MAX_FILE_LINES:
        problems.append('%s: %d lines, more than %d'
                        % (rel, len(lines), MAX_FILE_LINES))
    if not rel.endswith('.c'):
        return
    name, head, start = None, None, None
    for i, line in enumerate(lines, 1):
        m = re.match(r'([A-Za-z_]\w*)\s*\(', line)
        if m:
            # GNU style puts the return type on the line above the name.
            name = m.group(1)
            above = lines[i - 2] if i >= 2 else ''
            head = i - 1 if re.match(r'[A-Za-z_]', above) else i
        if line.startswith('{'):
            start = head if head is not None else i
        elif line.startswith('}') and start is not None:
            if i - start + 1 > MAX_FUNCTION_LINES:
                problems.append('%s:%d: function %s is %d lines, more than '
                                '%d' % (rel, start, name, i - start + 1,
                                        MAX_FUNCTION_LINES))
            name, head, start = None, None, None


def check_circles(library, problems):
    out = subprocess.run(['nm', '-A', library], capture_output=True,
                         text=True, check=True).stdout
    defines, uses = {}, {}
    for line in out.splitlines():
        m = re.match(r'[^:]*:([^:]+):\s*(?:[0-9a-fA-F]+)?\s+([A-Za-z])\s+'
                     r'(\S+)$', line)
        if not m:
            continue
        member, kind, sym = m.groups()
        defines.setdefault(member, set())
        uses.setdefault(member, set())
        if kind == 'U':
            uses[member].add(sym)
        elif kind.isupper():
            defines[member].add(sym)
    owner = {sym: member for member, syms in defines.items() for sym in syms}
    edges = {m: sorted({owner[s] for s in uses[m] if s in owner} - {m})
             for m in defines}
    for scc in strongly_connected(edges):
        if len(scc) > 1:
            problems.append('circle: %s call each other'
                            % ', '.join(sorted(scc)))


def strongly_connected(edges):
    """Tarjan's algorithm, iterative: the components of the graph."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = [0]
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter[0]
                counter[0] += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                t = targets[i]
                if t not in index:
                    work.append((t, 0))
                elif t in on_stack:
                    low[node] = min(low[node], index[t])
                continue
            for t in targets:
                if t in on_stack:
                    low[node] = min(low[node], low[t])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                result.append(comp)
    return result


def main(argv):
    if len(argv) not in (2, 3):
        print('usage: layers.py SRCDIR [LIBADVISOR.A]', file=sys.stderr)
        return 2
    problems = []
    for path, layer, rel in sources(argv[1]):
        if path is None:
            problems.append('src/%s: no such layer folder' % layer)
            continue
        with open(path, encoding='utf-8') as f:
            text = f.read()
        check_layers(path, layer, rel, text, problems)
        check_sizes(rel, text, problems)
        check_licence(rel, text, problems)
    for name in sorted(os.listdir(argv[1])):
        if name.endswith(('.c', '.h')):
            problems.append('src/%s: outside every layer folder' % name)
    if len(argv) == 3:
        check_circles(argv[2], problems)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
