#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""check_workflows.py: checks the CI files with a YAML parser (PyYAML,
Debian's python3-yaml) and prints what tests/cargo/workflows_yaml compares.

  check_workflows.py REPO OUTDIR

Reads REPO/.github/workflows/ci.yml and the YAML examples of
REPO/docs/ci.md (fenced ```yaml blocks whose first line names the file,
`# .github/workflows/....yml` or `# .gitlab-ci.yml`), writes each example to
OUTDIR under that name (for the workflow-parser test), and checks:
  - ffican's workflow: jobs bookworm, trixie, valgrind-src that run
    .ci/run, make distcheck and .ci/run-valgrind-src; every step has `run`
    or `uses`; every job has runs-on and steps;
  - the user's GitHub workflow: permissions security-events: write, a step
    running `cargo ffican test ... --sarif F` and an upload-sarif step
    with sarif_file F;
  - the GitLab job: a script running `cargo ffican test ... --codequality F`
    and artifacts:reports:codequality F.
Problems are printed as PROBLEM lines and make the exit status 1."""

import os
import re
import sys

import yaml

problems = []


def problem(msg):
    problems.append(msg)
    print('PROBLEM: ' + msg)


def on_key(doc):
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean true.
    return doc.get('on', doc.get(True))


def github_workflow(name, doc):
    if not isinstance(doc, dict) or on_key(doc) is None or 'jobs' not in doc:
        problem('%s: not a workflow (no on: or jobs:)' % name)
        return {}
    steps_text = {}
    for job_id, job in doc['jobs'].items():
        if 'runs-on' not in job or not job.get('steps'):
            problem('%s: job %s lacks runs-on or steps' % (name, job_id))
        texts = []
        for n, step in enumerate(job.get('steps', [])):
            if ('run' in step) == ('uses' in step):
                problem('%s: job %s step %d needs exactly one of run/uses'
                        % (name, job_id, n))
            texts.append(step.get('run') or 'uses ' + step.get('uses', ''))
        steps_text[job_id] = '\n'.join(texts)
        print('%s: job %s: %d steps, runs-on %s, container %s' % (
            name, job_id, len(job.get('steps', [])), job.get('runs-on'),
            job.get('container', '-')))
    return steps_text


def ffican_ci(path):
    with open(path) as f:
        doc = yaml.safe_load(f)
    steps = github_workflow('ci.yml', doc)
    want = {'bookworm': ['bash .ci/run', 'make distcheck'],
            'trixie': ['bash .ci/run'],
            'valgrind-src': ['.ci/run-valgrind-src']}
    for job, needles in want.items():
        for needle in needles:
            if needle not in steps.get(job, ''):
                problem('ci.yml: job %s does not run %s' % (job, needle))
    images = {j: doc['jobs'][j].get('container') for j in want
              if j in doc['jobs']}
    if images != {'bookworm': 'debian:bookworm', 'trixie': 'debian:trixie',
                  'valgrind-src': 'debian:bookworm'}:
        problem('ci.yml: unexpected containers %r' % images)


def doc_examples(path):
    with open(path) as f:
        text = f.read()
    blocks = re.findall(r'^```yaml\n(.*?)^```', text, re.M | re.S)
    out = {}
    for b in blocks:
        first = b.splitlines()[0]
        m = re.match(r'#\s*(\S+\.ya?ml)\s*$', first)
        if m:
            out[m.group(1)] = b
    return out


def user_github(name, text):
    doc = yaml.safe_load(text)
    steps = github_workflow(name, doc)
    perms = doc.get('permissions', {})
    if perms.get('security-events') != 'write':
        problem('%s: no permissions security-events: write' % name)
    all_steps = [s for j in doc['jobs'].values() for s in j['steps']]
    run = '\n'.join(s.get('run', '') for s in all_steps)
    m = re.search(r'cargo ffican test\b.*--sarif[ =](\S+)', run)
    if not m:
        problem('%s: no step runs cargo ffican test --sarif' % name)
        return
    uploads = [s for s in all_steps if s.get('uses', '').startswith(
        'github/codeql-action/upload-sarif@')]
    if not uploads or uploads[0].get('with', {}).get('sarif_file') != \
            m.group(1):
        problem('%s: no upload-sarif step for %s' % (name, m.group(1)))
    else:
        print('%s: uploads %s with %s (if: %s)' % (
            name, m.group(1), uploads[0]['uses'], uploads[0].get('if')))


def user_gitlab(name, text):
    doc = yaml.safe_load(text)
    jobs = {k: v for k, v in doc.items() if isinstance(v, dict) and
            'script' in v}
    for job_id, job in jobs.items():
        script = '\n'.join(job['script'])
        m = re.search(r'cargo ffican test\b.*--codequality[ =](\S+)', script)
        report = job.get('artifacts', {}).get('reports', {}).get(
            'codequality')
        if not m or report != m.group(1):
            problem('%s: job %s: codequality report %r not the one cargo '
                    'ffican writes' % (name, job_id, report))
        else:
            print('%s: job %s: image %s, codequality report %s, artifacts '
                  'when %s' % (name, job_id, job.get('image'), report,
                               job['artifacts'].get('when')))
    if not jobs:
        problem('%s: no job with a script' % name)


def main():
    repo, outdir = sys.argv[1], sys.argv[2]
    ffican_ci(os.path.join(repo, '.github', 'workflows', 'ci.yml'))
    examples = doc_examples(os.path.join(repo, 'docs', 'ci.md'))
    print('docs/ci.md examples: ' + ' '.join(sorted(examples)))
    for name, text in sorted(examples.items()):
        dest = os.path.join(outdir, name.replace('/', '_'))
        with open(dest, 'w') as f:
            f.write(text)
        if name.startswith('.github/workflows/'):
            user_github(name, text)
        elif name == '.gitlab-ci.yml':
            user_gitlab(name, text)
    if len(examples) != 2:
        problem('docs/ci.md: expected a GitHub and a GitLab example, found '
                '%r' % sorted(examples))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
