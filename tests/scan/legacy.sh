# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see legacy.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts --crates sc_ffi,std -- "$BUILD/scan/sc_ffi_legacy"
