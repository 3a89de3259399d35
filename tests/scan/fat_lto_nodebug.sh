# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see fat_lto.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/scan/sc_ffi_lto_nodebug"
