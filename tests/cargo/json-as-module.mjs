// SPDX-License-Identifier: GPL-2.0-or-later
// json-as-module.mjs: a Node.js module loader hook for check_workflow.mjs:
// serves a .json file imported without an import attribute as a module
// whose default export is the parsed JSON (bundlers do the same).
import { readFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json')) {
    return { format: 'module', shortCircuit: true,
             source: 'export default ' + readFileSync(new URL(url), 'utf8') + ';' };
  }
  return nextLoad(url, context);
}
