# Run by run-tests (see mcsuite/compare.vgtest); cwd is OUT.
set -u
top=$(dirname "$TESTS")
here=$TESTS/mcsuite
suite() {
    "$top/memcheck-suite/run-memcheck-suite" --launcher "$LAUNCHER" \
        --source-dir "$here/vgtree" --list "$here/probe-list.txt" \
        --build-dir "$OUT/build" "$@" 2>stderr.txt
    echo "exit status $?"
}
echo "== the full baseline"
suite --baseline "$here/probe-baseline.txt"
echo "== a baseline without the extra, with a stale miss"
grep -v '	extra	' "$here/probe-baseline.txt" >stale.txt
printf 'mcs_probe\tmissed\tInvalidRead mcs_probe.c:99\n' >>stale.txt
suite --baseline stale.txt mcs_probe
exit 0
