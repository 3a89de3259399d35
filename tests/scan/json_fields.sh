# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see json_fields.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
"$SCAN" --json "$BUILD/scan/sc_ffi" > doc.json
"$PYTHON" "$TESTS/scan/json_check.py" doc.json $?
