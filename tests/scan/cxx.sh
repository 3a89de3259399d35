# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cxx.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/scan/sc_cxx"
