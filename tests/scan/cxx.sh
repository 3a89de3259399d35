# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cxx.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/scan/sc_cxx"
echo "== the boundary file, used by ffican"
"$SCAN" --boundary "$BUILD/scan/sc_cxx" > cxx.boundary
grep -vE "^#|^$" cxx.boundary
"$LAUNCHER" --boundary=cxx.boundary "$BUILD/scan/sc_cxx" > /dev/null 2> stderr.txt
echo "ffican exit status: $?; $(grep -oE "ERROR SUMMARY: [0-9]+ errors" stderr.txt)"
