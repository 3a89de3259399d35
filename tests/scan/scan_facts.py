#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""scan_facts.py: runs ffican-scan --json on files and prints the facts
the scan tests compare (the .stdout.exp files), in a form that does not
depend on compiler versions: verdicts, shim forms, which languages DWARF
names, crates asked for, and the boundary functions with their sides,
evidence, prototypes and proposed buffers.  Also checks that the JSON
document's exit_status matches the real exit status.

usage: scan_facts.py SCAN [--crates C1,C2] [--label L] -- [scan options] FILE...
"""
import json
import os
import subprocess
import sys


def main():
    args = sys.argv[1:]
    scan = args.pop(0)
    want_crates, label = [], None
    while args and args[0] != '--':
        opt = args.pop(0)
        if opt == '--crates':
            want_crates = args.pop(0).split(',')
        elif opt == '--label':
            label = args.pop(0)
    args = args[1:]
    r = subprocess.run([scan, '--json'] + args, capture_output=True,
                       text=True)
    doc = json.loads(r.stdout)
    print('exit status: %d (json says %d)' % (r.returncode,
                                               doc['exit_status']))
    print('schema: %s' % doc['schema'])
    for o in doc['objects']:
        name = label or os.path.basename(o['path'])
        label = None
        c = o['checkable']
        print('== %s (%s)' % (name, o['kind']))
        print('verdict: %s; rust: %s; ffican sees Rust allocations: %s'
              % (c['verdict'], c['rust'], c['ffican_sees_rust_allocations']))
        if c['shims']:
            print('shims: %s, form %s, default allocator: %s' % (
                ' '.join(s['op'] for s in c['shims']), c['shim_form'],
                ' '.join('yes' if s['default'] else 'no'
                         for s in c['shims'])))
        for f in c['findings']:
            print('finding %s; advice: %s' % (f['kind'], f['advice']))
        exact = sorted({l['language'] for l in o['languages']
                        if l['exact']})
        print('languages from DWARF: %s' % (' '.join(exact) or 'none'))
        print('symbols: %s; debug info: %s' % (o['symbols'],
                                              o['debug_info']))
        b = o['bindings']
        for cr in want_crates:
            print('crate %s: %s' % (cr, 'found' if cr in b['crates']
                                    else 'missing'))
        print('-sys crates: %s' % (' '.join(b['sys_crates']) or 'none'))
        print('bindings: %s' % (' '.join(
            '%s(%s)' % (x['name'], x['evidence'].split('.so')[0])
            for x in b['bindings']) or 'none'))
        print('libraries: %s' % ' '.join(
            n['name'] + ('' if n['system'] else '(non-system)')
            for n in b['needed']))
        print('C/C++ sources: %s' % ' '.join(
            sorted(os.path.basename(s) for s in b['static_c_sources'])))
        for f in sorted(o['boundary'], key=lambda f: f['function']):
            line = '  %s: %s, called from %s, by %s' % (
                f['function'], f['defined_side'] or 'unknown',
                '+'.join(f['callers_sides']), '+'.join(f['evidence']))
            if f['defined'] not in ('here', 'elsewhere'):
                line += ', defined in %s' % os.path.basename(f['defined'])
            print(line)
            p = f.get('prototype')
            if p:
                print('    %s %s(%s)' % (p['return'], f['function'], ', '.join(
                    '%s %s' % (q['type'], q['name']) for q in p['params'])))
            for bf in f.get('buffers', []):
                print('    proposed buffer %s[%s]%s' % (
                    bf['ptr_name'], bf['len_name'],
                    ' elements %d' % bf['elem_size']
                    if bf['elem_size'] > 1 else ''))
    for e in doc['errors']:
        print('error: %s: %s' % (os.path.basename(e['path']), e['message']))
    if r.returncode != doc['exit_status']:
        print('MISMATCH: exit status differs from the JSON exit_status')
        return 1
    return 0


sys.exit(main())
