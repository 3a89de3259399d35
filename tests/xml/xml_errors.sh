# Run by run-tests (see xml/xml_errors.vgtest); cwd is OUT.
set -u
status=0
for case in "foreign/box_c_free bug" "layout/vec_wrong_capacity bug" \
            "double/c_block_twice bug-libc"; do
    set -- $case
    prog=$1 mode=$2
    tag=$(echo "$prog.$mode" | tr / _)
    echo "== $prog $mode"
    "$LAUNCHER" --num-callers=40 --xml=yes "--xml-file=$OUT/$tag.xml" \
        "$BUILD/$prog" "$mode" >/dev/null 2>"$tag.err"
    "$PYTHON" "$TESTS/xml/check_xml.py" "$OUT/$tag.xml" || status=1
done
exit $status
