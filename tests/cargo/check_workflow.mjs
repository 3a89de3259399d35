// SPDX-License-Identifier: GPL-2.0-or-later
// check_workflow.mjs: runs GitHub's own workflow parser
// (@actions/workflow-parser, the one behind the Actions language service,
// which checks a workflow against the workflow schema) over
// .github/workflows/ci.yml, the GitHub workflow example of docs/ci.md and a
// broken canary, and prints the errors of each. Usage, with the parser's
// folder in WORKFLOW_PARSER:
//   node --experimental-loader ./json-as-module.mjs check_workflow.mjs REPO
// The loader is needed because the parser's modules import its JSON schema
// without an import attribute, which plain Node.js refuses.
import { readFileSync } from 'node:fs';

const dir = process.env.WORKFLOW_PARSER;
const parser = await import(dir + '/dist/index.js');
const repo = process.argv[2];

async function check(name, content) {
  const r = parser.parseWorkflow({ name, content },
                                 new parser.NoOperationTraceWriter());
  const errors = r.context.errors.getErrors().map(e => e.message);
  let jobs = [];
  if (r.value !== undefined && errors.length === 0) {
    const t = await parser.convertWorkflowTemplate(r.context, r.value);
    for (const e of t.errors || []) errors.push(e.Message || e.message);
    jobs = (t.jobs || []).map(j => j.id.value);
  }
  console.log(`${name}: ${errors.length} error(s)` +
              (jobs.length ? `; jobs ${jobs.join(' ')}` : ''));
  for (const e of errors) console.log('  ' + e.replace(/^.*?\(Line/, '(Line'));
  return errors.length;
}

const docs = readFileSync(`${repo}/docs/ci.md`, 'utf8');
const example = [...docs.matchAll(/^```yaml\n(# \.github\/workflows\/[^\n]*\n[\s\S]*?)^```/gm)];
let bad = 0;
bad += await check('.github/workflows/ci.yml',
                   readFileSync(`${repo}/.github/workflows/ci.yml`, 'utf8'));
if (example.length !== 1) {
  console.log(`docs/ci.md: ${example.length} GitHub workflow examples, expected 1`);
  bad++;
} else {
  bad += await check('docs/ci.md example', example[0][1]);
}
const canary = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n' +
               '    timeout-minutes: soon\n    stepz:\n      - run: true\n';
const found = await check('canary (misspelt key, bad value)', canary);
process.exit(bad === 0 && found > 0 ? 0 : 1);
