# Run by run-tests (see leaks/xml_leak.vgtest); cwd is OUT.
set -u
status=0
for mode in cstring-lost interior; do
    echo "== leaks/handed $mode"
    "$LAUNCHER" --num-callers=40 --xml=yes "--xml-file=$OUT/$mode.xml" \
        "$BUILD/leaks/handed" "$mode" >/dev/null 2>"$mode.err"
    "$PYTHON" "$TESTS/xml/check_xml.py" "$OUT/$mode.xml" || status=1
    # The leak-specific elements check_xml.py does not print.
    grep -E '<(leakedbytes|leakedblocks)>' "$OUT/$mode.xml" | sed 's/^ *//'
done
exit $status
