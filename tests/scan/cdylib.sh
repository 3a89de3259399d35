# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cdylib.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/scan/libsclib.so"
facts -- --deps "$BUILD/scan/sc_lib_main"
