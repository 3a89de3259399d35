# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cargo/workflows_yaml.vgtest); cwd is OUT.
"$PYTHON" "$TESTS/cargo/check_workflows.py" "$TESTS/.." "$OUT"
