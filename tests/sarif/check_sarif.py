#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""check_sarif.py: reads the SARIF that ffican-sarif wrote and prints what
the tests compare, independent of addresses, pids and absolute paths.

  check_sarif.py summary FILE       runs, rules, and per result: rule id,
                                    location (relative file:line, function),
                                    its codeFlows and related locations
  check_sarif.py same A B           for each result of A, the result of B
                                    with the same rule and fingerprint and
                                    both lines (B = a shifted copy)
  check_sarif.py validator OUT.txt  counts the Multitool's findings by level
  check_sarif.py codequality FILE   the GitLab Code Quality report: per
                                    issue check_name, severity, path:line

Structural problems are printed as lines starting with PROBLEM and make
the exit status 1: every rule needs a name other than its id, short and
full descriptions, help text and markdown, a security-severity between 0
and 10 and a `security` tag; every result a relative location under
SRCROOT with a line, a 32-hex-digit fingerprint and a message ending in a
period; every codeFlow step a relative location with a line."""

import json
import re
import sys

problems = []


def problem(msg):
    problems.append(msg)
    print('PROBLEM: ' + msg)


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def check_relative(loc, what):
    phys = loc.get('physicalLocation', {})
    art = phys.get('artifactLocation', {})
    uri = art.get('uri', '')
    if art.get('uriBaseId') != 'SRCROOT' or uri.startswith(('/', 'file:')):
        problem('%s: not relative to SRCROOT: %r' % (what, art))
    line = phys.get('region', {}).get('startLine')
    if not isinstance(line, int) or line < 1:
        problem('%s: no startLine' % what)
    return uri, line


def check_rule(rule):
    rid = rule.get('id')
    if not rid or rule.get('name') in (None, rid):
        problem('rule %s: name missing or equal to the id' % rid)
    for key in ('shortDescription', 'fullDescription'):
        if not rule.get(key, {}).get('text'):
            problem('rule %s: no %s' % (rid, key))
    hlp = rule.get('help', {})
    if not hlp.get('text') or 'How to fix' not in hlp.get('markdown', ''):
        problem('rule %s: help without text or fix' % rid)
    props = rule.get('properties', {})
    try:
        sev = float(props.get('security-severity'))
        if not 0 <= sev <= 10:
            raise ValueError
    except (TypeError, ValueError):
        problem('rule %s: bad security-severity %r'
                % (rid, props.get('security-severity')))
    if 'security' not in props.get('tags', []):
        problem('rule %s: no security tag' % rid)


def result_line(run, res):
    rid = res.get('ruleId')
    rules = run['tool']['driver'].get('rules', [])
    idx = res.get('ruleIndex')
    if idx is None or idx >= len(rules) or rules[idx].get('id') != rid:
        problem('result %s: ruleIndex %r does not name its rule' % (rid, idx))
    locs = res.get('locations', [])
    if len(locs) != 1:
        problem('result %s: %d locations' % (rid, len(locs)))
        return rid
    uri, line = check_relative(locs[0], 'result %s' % rid)
    fn = (locs[0].get('logicalLocations') or [{}])[0].get(
        'fullyQualifiedName', '-')
    fps = res.get('partialFingerprints', {})
    if not any(re.fullmatch(r'[0-9a-f]{32}', v) for v in fps.values()):
        problem('result %s: no fingerprint' % rid)
    text = res.get('message', {}).get('text', '')
    if not text.endswith('.'):
        problem('result %s: message does not end with a period' % rid)
    flows = []
    for flow in res.get('codeFlows', []):
        steps = flow['threadFlows'][0]['locations']
        for s in steps:
            check_relative(s['location'], 'codeFlow of %s' % rid)
        last = steps[-1]['location']['physicalLocation']
        flows.append('%s -> %s:%s' % (
            flow['message']['text'].rstrip('.'),
            last['artifactLocation']['uri'], last['region']['startLine']))
    out = '%s at %s:%s in %s' % (rid, uri, line, fn)
    out += '\n    related: %d' % len(res.get('relatedLocations', []))
    for f in flows:
        out += '\n    flow: ' + f
    return out


def summary(path):
    log = load(path)
    if log.get('version') != '2.1.0':
        problem('version %r' % log.get('version'))
    for run in log.get('runs', []):
        driver = run['tool']['driver']
        rules = driver.get('rules', [])
        for r in rules:
            check_rule(r)
        print('run %s: %d rules, %d results' % (
            driver.get('name'), len(rules), len(run.get('results', []))))
        print('  rules: ' + ' '.join(r['id'] for r in rules))
        lines = sorted(result_line(run, r) for r in run.get('results', []))
        for line in lines:
            print('  ' + line)


def index(log):
    out = {}
    for run in log['runs']:
        for res in run['results']:
            for fp in res.get('partialFingerprints', {}).values():
                phys = res['locations'][0]['physicalLocation']
                out[(run['tool']['driver']['name'], res['ruleId'], fp)] = (
                    phys['artifactLocation']['uri'],
                    phys.get('region', {}).get('startLine'))
    return out


def same(a, b):
    ia, ib = index(load(a)), index(load(b))
    for key in sorted(ia):
        tool, rid, _ = key
        uri, line = ia[key]
        if key in ib:
            print('%s %s %s: line %s, shifted copy line %s, same '
                  'fingerprint' % (tool, rid, uri, line, ib[key][1]))
        else:
            print('%s %s %s: line %s, fingerprint not in the shifted copy'
                  % (tool, rid, uri, line))


def validator(path):
    counts = {'error': 0, 'warning': 0, 'note': 0}
    finding = re.compile(r': (error|warning|note) ([A-Za-z]+\d+)\b')
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            m = finding.search(line)
            if m:
                counts[m.group(1)] += 1
                if m.group(1) != 'note':
                    print('  ' + line.strip()[:300])
    print('errors %d, warnings %d' % (counts['error'], counts['warning']))
    print('notes: %s' % ('some' if counts['note'] else 'none'))


def codequality(path):
    issues = load(path)
    seen = set()
    lines = []
    for i in issues:
        for key in ('type', 'check_name', 'description', 'severity',
                    'fingerprint', 'location'):
            if key not in i:
                problem('issue without %s: %r' % (key, i))
        if i.get('severity') not in ('info', 'minor', 'major', 'critical',
                                     'blocker'):
            problem('bad severity %r' % i.get('severity'))
        if i.get('fingerprint') in seen:
            problem('fingerprint %s twice' % i.get('fingerprint'))
        seen.add(i.get('fingerprint'))
        loc = i.get('location', {})
        lines.append('%s %s at %s:%s' % (
            i.get('check_name'), i.get('severity'), loc.get('path'),
            loc.get('lines', {}).get('begin')))
    print('%d issues' % len(issues))
    for line in sorted(lines):
        print('  ' + line)


def main():
    verb = sys.argv[1]
    if verb == 'summary':
        summary(sys.argv[2])
    elif verb == 'same':
        same(sys.argv[2], sys.argv[3])
    elif verb == 'validator':
        validator(sys.argv[2])
    elif verb == 'codequality':
        codequality(sys.argv[2])
    else:
        print('usage: check_sarif.py summary|same|validator ...',
              file=sys.stderr)
        return 2
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
