# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see sarif/sarif_fields.vgtest); cwd is OUT.
# 1. Every ffican error kind and four Memcheck kinds as XML, converted by
#    ffican-sarif into one SARIF log; check_sarif.py prints the rules and,
#    per result, its location (the user's frame on the misusing side),
#    codeFlows and related locations, and checks their structure.
#    The same results as a GitLab Code Quality report (--codequality).
# 2. Fingerprints survive edits: two programs are built twice from copies
#    of their sources, the second time with three comment lines added at
#    the top of every file (all lines move); each result must keep its
#    fingerprint while its line changes.
set -u
. "$TESTS/sarif/kinds.sh"
sarif=$TESTS/../sarif/ffican-sarif
status=0

ffican_kinds "$OUT/xml"
memcheck_kinds "$OUT/mc"
"$PYTHON" "$sarif" --srcroot "$TESTS" -o "$OUT/all.sarif" \
    --codequality "$OUT/codequality.json" \
    "$OUT"/xml/*.xml "$OUT"/mc/*.xml || status=1
echo "== every kind"
"$PYTHON" "$TESTS/sarif/check_sarif.py" summary "$OUT/all.sarif" || status=1
echo "== the same as a GitLab Code Quality report"
"$PYTHON" "$TESTS/sarif/check_sarif.py" codequality "$OUT/codequality.json" || status=1

build_copy() {   # DEST-ROOT PADDING-LINES
    local root=$1 pad=$2 prog rs c
    for prog in foreign/box_c_free access/c_struct_uaf; do
        rs=$prog.rs c=${prog}_c.c
        mkdir -p "$root/$(dirname "$prog")"
        for f in "$rs" "$c"; do
            { for _ in $(seq "$pad"); do echo "// moved down"; done
              cat "$TESTS/$f"; } >"$root/$f"
        done
        (cd "$root/$(dirname "$prog")" &&
         cc -g -O0 -c "$(basename "$c")" -o native.o &&
         ar rcs libnative.a native.o &&
         rustc --edition 2021 -g -C opt-level=0 \
             --crate-name "$(basename "$prog")" "$(basename "$rs")" \
             -L native=. -l static=native -o "$(basename "$prog")") \
            >"$root/build.log" 2>&1 || { echo "PROBLEM: build of $prog"; cat "$root/build.log"; }
        "$LAUNCHER" --num-callers=40 --xml=yes --xml-file="$root/$(basename "$prog").xml" \
            "$root/$prog" bug >/dev/null 2>&1 </dev/null
    done
    "$PYTHON" "$sarif" --srcroot "$root" -o "$root.sarif" "$root"/*.xml
}
build_copy "$OUT/copy" 0
build_copy "$OUT/shifted" 3
echo "== fingerprints after moving every line down by 3"
"$PYTHON" "$TESTS/sarif/check_sarif.py" same "$OUT/copy.sarif" "$OUT/shifted.sarif" || status=1
exit $status
