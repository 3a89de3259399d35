# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cargo/workflows_schema.vgtest); cwd is OUT.
WORKFLOW_PARSER=$(bash "$TESTS/../sarif/install-validator" --check --print-workflow-parser) || {
    echo "PROBLEM: workflow parser not installed"; exit 1; }
export WORKFLOW_PARSER
node --no-warnings --experimental-loader "$TESTS/cargo/json-as-module.mjs" \
    "$TESTS/cargo/check_workflow.mjs" "$TESTS/.."
