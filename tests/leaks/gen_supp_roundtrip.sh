# Run by run-tests (see leaks/gen_supp_roundtrip.vgtest) with LAUNCHER,
# BUILD, TESTS, OUT, FILTER and PYTHON set; cwd is OUT.
set -u
for mode in cstring-lost widget-lost interior; do
    "$LAUNCHER" --num-callers=40 --gen-suppressions=all \
        "$BUILD/leaks/handed" "$mode" >/dev/null 2>"$mode.gen.err"
    # The generated blocks, from a line "{" to a line "}".
    sed -E 's/^==[0-9]+== ?//' "$mode.gen.err" \
        | sed -n '/^{$/,/^}$/p' >"$mode.supp"
    printf '%s: %s suppression(s); kind lines: %s\n' "$mode" \
        "$(grep -c '^{$' "$mode.supp")" \
        "$(grep -E '^   (ffican:|match-leak-kinds:)' "$mode.supp" \
           | sed 's/^ *//' | tr '\n' ' ' | sed 's/ $//')"
    "$LAUNCHER" --num-callers=40 "--suppressions=$OUT/$mode.supp" \
        "$BUILD/leaks/handed" "$mode" >/dev/null 2>"$mode.rerun.err"
    echo "  first run:  $("$PYTHON" "$FILTER" <"$mode.gen.err" | grep 'ERROR SUMMARY')"
    echo "  second run: $("$PYTHON" "$FILTER" <"$mode.rerun.err" | grep 'ERROR SUMMARY')"
done
exit 0
