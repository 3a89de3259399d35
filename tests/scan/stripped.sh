# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see stripped.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/scan/sc_ffi_stripped"
"$SCAN" "$BUILD/scan/sc_ffi_stripped" | grep -E "^  (problem|advice):" | sed "s/:.*//"
