#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""json_check.py: checks ffican-scan's --json document field by field
against the schema documented in docs/scan.md (ffican-scan/1): every
field present with its type, values where the test program fixes them
(sc_ffi: Rust with static C).  Prints one line per checked group and
'FAIL ...' lines for every mismatch; exit status 1 on any failure.

usage: json_check.py DOC.json EXIT_STATUS
"""
import json
import sys

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL %s' % what)


def fields(obj, spec, where):
    """spec: name -> type or tuple of types (None in it: may be null)."""
    check(isinstance(obj, dict), '%s is an object' % where)
    for name, types in spec.items():
        check(name in obj, '%s has %s' % (where, name))
        if name not in obj:
            continue
        types = types if isinstance(types, tuple) else (types,)
        ok = any(obj[name] is None if t is None else
                 (isinstance(obj[name], t) and
                  not (t is int and isinstance(obj[name], bool)))
                 for t in types)
        check(ok, '%s.%s has type %s (got %r)' % (where, name, types,
                                                 obj[name]))
    extra = set(obj) - set(spec)
    check(not extra, '%s has no undocumented fields (%s)' % (where, extra))


def main():
    doc = json.load(open(sys.argv[1]))
    status = int(sys.argv[2])
    fields(doc, {'schema': str, 'version': str, 'exit_status': int,
                 'objects': list, 'errors': list}, 'document')
    check(doc['schema'] == 'ffican-scan/1', 'schema is ffican-scan/1')
    check(doc['exit_status'] == status, 'exit_status is the exit status')
    check(len(doc['objects']) == 1, 'one object')
    print('document: checked')
    o = doc['objects'][0]
    fields(o, {'path': str, 'kind': str, 'machine': str,
               'soname': (str, None), 'symbols': str, 'debug_info': bool,
               'dwarf_versions': list, 'comment': list,
               'gdb_scripts': list, 'checkable': dict, 'languages': list,
               'compile_units': list, 'bindings': dict, 'boundary': list},
           'object')
    check(o['kind'] in ('executable', 'pie-executable', 'shared-object'),
          'object.kind is a known kind')
    check(o['machine'] == 'x86-64', 'machine is x86-64')
    check(o['symbols'] == 'symtab', 'symbols: symtab')
    check(o['debug_info'] is True, 'debug_info: true')
    check(all(isinstance(v, int) and 2 <= v <= 6
              for v in o['dwarf_versions']), 'dwarf_versions are 2-6')
    check(any('rustc version' in c for c in o['comment']),
          'comment names rustc')
    print('object: checked')
    c = o['checkable']
    fields(c, {'verdict': str, 'rust': bool,
               'ffican_sees_rust_allocations': bool,
               'shim_form': (str, None), 'has_rdl': bool, 'has_rg': bool,
               'shims': list, 'findings': list}, 'checkable')
    check(c['verdict'] == 'visible', 'verdict visible')
    check(c['rust'] and c['ffican_sees_rust_allocations'],
          'rust, and ffican sees its allocations')
    check(c['has_rdl'] and not c['has_rg'], '__rdl_* present, no __rg_*')
    check(sorted(s['op'] for s in c['shims']) ==
          ['alloc', 'alloc_zeroed', 'dealloc', 'realloc'], 'four shims')
    for s in c['shims']:
        fields(s, {'op': str, 'symbol': str, 'form': str, 'address': int,
                   'jumps_to': (str, None), 'default': bool}, 'shim')
        check(s['form'] == c['shim_form'], 'shim form is the object\'s')
        check(s['default'] and '__rdl_' in s['jumps_to'],
              'shim %s jumps to __rdl_*' % s['op'])
        check(s['symbol'].endswith('__rust_' + s['op']),
              'shim symbol ends with __rust_%s' % s['op'])
    check(c['findings'] == [], 'no findings')
    print('checkable: checked')
    langs = {(l['language'], l['exact']): l for l in o['languages']}
    for l in o['languages']:
        fields(l, {'language': str, 'exact': bool, 'source': str,
                   'compile_units': int, 'functions': int,
                   'code_bytes': int}, 'language')
        check(l['source'] == ('dwarf' if l['exact'] else 'symbols'),
              'source matches exact')
    for name in ('Rust', 'C'):
        l = langs.get((name, True))
        check(l is not None and l['compile_units'] >= 1 and
              l['functions'] >= 1 and l['code_bytes'] > 0,
              '%s counted from DWARF' % name)
    check(langs[('C', True)]['compile_units'] == 1, 'one C compile unit')
    check(langs[('C', True)]['functions'] == 5, 'five C functions')
    print('languages: checked')
    cus = o['compile_units']
    for cu in cus:
        fields(cu, {'name': (str, None), 'language': str,
                    'dw_lang': (int, None), 'dw_lang_name': (int, None),
                    'language_from_producer': bool,
                    'producer': (str, None), 'dwarf_version': int,
                    'functions': int, 'code_bytes': int}, 'compile_unit')
    ccu = [cu for cu in cus if cu['language'] == 'C']
    check(len(ccu) == 1 and ccu[0]['name'].endswith('sc_ffi_c.c') and
          ccu[0]['dw_lang'] in (0x1d, 0x0c, 0x2c, 0x02, 0x01) and
          ccu[0]['producer'].startswith('GNU C'),
          'the C compile unit: name, DW_AT_language, producer')
    rcu = [cu for cu in cus if cu['language'] == 'Rust']
    check(rcu and all(cu['dw_lang'] == 0x1c for cu in rcu),
          'Rust compile units have DW_LANG_Rust')
    check(any('rustc version' in (cu['producer'] or '') for cu in rcu),
          'a Rust producer names rustc')
    print('compile_units: checked')
    b = o['bindings']
    fields(b, {'sys_crates': list, 'bindings': list, 'crates': list,
               'needed': list, 'static_c_sources': list}, 'bindings')
    check('sc_ffi' in b['crates'] and 'std' in b['crates'],
          'crates sc_ffi and std')
    check(b['sys_crates'] == [], 'no -sys crate')
    check(b['bindings'] == [], 'no binding (no -sys crate, no C library '
          'of one needed or built in)')
    for n in b['needed']:
        fields(n, {'name': str, 'system': bool}, 'needed')
    check({n['name']: n['system'] for n in b['needed']}.get('libc.so.6')
          is True, 'libc.so.6 needed, system')
    check([s.rsplit('/', 1)[-1] for s in b['static_c_sources']] ==
          ['sc_ffi_c.c'], 'static C source sc_ffi_c.c')
    print('bindings: checked')
    bnd = {f['function']: f for f in o['boundary']}
    for f in o['boundary']:
        fields(f, {'function': str, 'symbol': str, 'address': int,
                   'defined': str, 'defined_side': (str, None),
                   'side_exact': bool, 'compile_unit': (str, None),
                   'callers_sides': list, 'entry_point': bool,
                   'evidence': list, 'prototype': (dict, None),
                   'buffers': list}, 'boundary')
    check(set(bnd) == {'sc_set_extra', 'sc_fill', 'sc_sum', 'sc_register',
                       'sc_rust_exported', 'sc_rust_callback'},
          'the boundary functions (got %s)' % sorted(bnd))
    fill = bnd.get('sc_fill', {})
    check(fill.get('defined_side') == 'C' and
          fill.get('callers_sides') == ['Rust'] and fill.get('side_exact'),
          'sc_fill: C, called from Rust, exact')
    p = fill.get('prototype') or {}
    fields(p, {'return': str, 'variadic': bool, 'params': list},
           'prototype')
    check(p.get('return') == 'void' and
          [(q['name'], q['type'], q['pointer'], q['integer'])
           for q in p.get('params', [])] ==
          [('buf', 'unsigned char *', True, False),
           ('len', 'size_t', False, True)], 'sc_fill prototype')
    for q in p.get('params', []):
        fields(q, {'name': (str, None), 'type': str, 'pointer': bool,
                   'integer': bool, 'pointee_size': int}, 'param')
    for bf in fill.get('buffers', []):
        fields(bf, {'ptr': int, 'len': int, 'ptr_name': str,
                    'len_name': str, 'elem_size': int, 'proposal': bool,
                    'why': str}, 'buffer')
    check([(x['ptr'], x['len'], x['elem_size'], x['proposal'])
           for x in fill.get('buffers', [])] == [(0, 1, 1, True)],
          'sc_fill buffer proposal buf[len]')
    s = bnd.get('sc_sum', {})
    check([(x['ptr_name'], x['len_name'], x['elem_size'])
           for x in s.get('buffers', [])] == [('items', 'count', 4)],
          'sc_sum buffer proposal items[count] elements 4')
    e = bnd.get('sc_rust_exported', {})
    check(e.get('defined_side') == 'Rust' and
          e.get('callers_sides') == ['C'] and 'code' in e.get('evidence', []),
          'sc_rust_exported: Rust, called from C, seen in the code')
    cb = bnd.get('sc_rust_callback', {})
    check(cb.get('defined_side') == 'Rust' and
          cb.get('evidence') == ['address-taken'] and
          cb.get('symbol', '').startswith('_ZN'),
          'sc_rust_callback: Rust, a callback by its taken address')
    print('boundary: checked')
    check(doc['errors'] == [], 'no errors')
    print('%d failure(s)' % len(failures))
    return 1 if failures else 0


sys.exit(main())
