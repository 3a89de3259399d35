# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see static_c.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts --crates sc_ffi,std -- "$BUILD/scan/sc_ffi"
echo "== text report"
"$SCAN" "$BUILD/scan/sc_ffi" > report.txt
echo "exit status: $?"
grep -oE "^(ELF|Checkable|Languages|Bindings|Boundary):" report.txt
