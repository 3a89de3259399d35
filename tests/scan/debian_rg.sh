# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see debian_rg.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts --label rg -- /usr/bin/rg | grep -vE "^(libraries|C/C\+\+ sources|languages from DWARF):"
