#!/usr/bin/env python3
"""check_xml.py FILE: parses ffican's --xml output with xml.etree and prints
a summary that does not depend on addresses or toolchain frames:
protocol version and tool, then for each <error> its kind, what, and each
stack with the frames filter_stderr would keep. Problems with the structure
are printed as lines starting with PROBLEM and make the exit status 1."""

import importlib.machinery
import importlib.util
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True      # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
_loader = importlib.machinery.SourceFileLoader(
    'filter_stderr', os.path.join(os.path.dirname(HERE), 'filter_stderr'))
_spec = importlib.util.spec_from_loader('filter_stderr', _loader)
fs = importlib.util.module_from_spec(_spec)
_loader.exec_module(fs)

problems = []


def problem(msg):
    problems.append(msg)
    print('PROBLEM: ' + msg)


def norm(text):
    return fs.ADDRESS.sub('0x........', (text or '').strip())


def frames(stack, sources):
    out, folded = [], False
    for n, fr in enumerate(stack.findall('frame')):
        if fr.find('ip') is None:
            problem('frame without <ip>')
        fn = fs.RUST_HASH.sub('', fr.findtext('fn') or '???')
        file_, line = fr.findtext('file'), fr.findtext('line')
        shim = fs.RUST_SHIM.search(fn)
        if shim and n == 0:
            out.append(shim.group(1))
        elif n == 0 and fs.ALLOC_FN.match(fn):
            out.append(fn)
        elif file_ and os.path.basename(file_) in sources:
            out.append('%s (%s:%s)' % (fn, os.path.basename(file_), line))
        else:
            if not folded:
                out.append('...')
            folded = True
            continue
        folded = False
    return out


def main():
    path = sys.argv[1]
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        print('PROBLEM: not well-formed XML: %s' % e)
        return 1
    sources = fs.own_sources()
    print('root: ' + root.tag)
    print('protocolversion: ' + (root.findtext('protocolversion') or '-'))
    print('protocoltool: ' + (root.findtext('protocoltool') or '-'))
    print('status: ' + ' '.join(s.findtext('state') or '?'
                                for s in root.findall('status')))
    errors = root.findall('error')
    print('errors: %d' % len(errors))
    uniques = set()
    for i, e in enumerate(errors, 1):
        kind = e.findtext('kind')
        what = e.findtext('what')
        if what is None:
            what = e.findtext('xwhat/text')
        uniques.add(e.findtext('unique'))
        if e.find('unique') is None or e.find('tid') is None:
            problem('error %d lacks <unique> or <tid>' % i)
        if not kind or what is None:
            problem('error %d lacks <kind> or <what>' % i)
        print('error %d: kind %s' % (i, kind))
        print('  what: ' + norm(what))
        # Children in document order: stacks and auxwhat lines.
        nstacks = 0
        for child in e:
            if child.tag == 'stack':
                nstacks += 1
                print('  stack: ' + ' | '.join(frames(child, sources)))
            elif child.tag in ('auxwhat',):
                print('  auxwhat: ' + norm(child.text))
            elif child.tag == 'xauxwhat':
                print('  auxwhat: ' + norm(child.findtext('text')))
        if nstacks == 0:
            problem('error %d has no <stack>' % i)
    counts = root.findall('errorcounts/pair')
    total = 0
    for pair in counts:
        total += int(pair.findtext('count') or 0)
        if pair.findtext('unique') not in uniques:
            problem('errorcounts names an unknown error %s'
                    % pair.findtext('unique'))
    print('errorcounts: %d pair(s), %d error(s)' % (len(counts), total))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
