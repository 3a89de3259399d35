# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see roundtrip.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
prog=$BUILD/scan/sc_ffi
"$SCAN" --boundary "$prog" > sc_ffi.boundary
echo "scan exit status: $?"
grep -vE "^#|^$" sc_ffi.boundary | sed "s/17h[0-9a-f]\{16\}E/17h<hash>E/"
run() {  # label, then ffican options
    local label=$1; shift
    "$LAUNCHER" "$@" "$prog" "$mode" > stdout.txt 2> stderr.txt
    echo "== $label: exit $?; $(grep -cE "== (OverflowWrite|OverflowRead)" stderr.txt) overflow report(s); $(grep -oE "ERROR SUMMARY: [0-9]+ errors" stderr.txt)"
    grep -oE "OverflowWrite: C code wrote [0-9]+ bytes? at 0x[0-9a-f]+, beyond the declared buffer extent" stderr.txt | sed "s/0x[0-9a-f]*/ADDR/" | sort -u
}
mode=bug run "bug, with the scan-written file" --boundary=sc_ffi.boundary
mode=fixed run "fixed, with the file" --boundary=sc_ffi.boundary
mode=bug run "bug, without the file"
exit 0
