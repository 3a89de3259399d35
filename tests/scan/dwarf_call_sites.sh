# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see dwarf_call_sites.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/scan/sc_ffi_o2"
