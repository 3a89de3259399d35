# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cdylib.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/scan/libsclib.so"
facts -- --deps "$BUILD/scan/sc_lib_main"
echo "== the boundary file (--deps), used by ffican"
"$SCAN" --deps --boundary "$BUILD/scan/sc_lib_main" > lib.boundary
grep -vE "^#|^$" lib.boundary
"$LAUNCHER" --boundary=lib.boundary "$BUILD/scan/sc_lib_main" > /dev/null 2> stderr.txt
echo "ffican exit status: $?; $(grep -oE "ERROR SUMMARY: [0-9]+ errors" stderr.txt)"
