# Run by run-tests (see tree/no_loops.vgtest); cwd is OUT.
set -u
top=$(dirname "$TESTS")
"$PYTHON" "$top/build-aux-src/depgraph" "$top/tool" "$top/preload" \
    "$top/common" "$top/include" >graph.out 2>graph.err
echo "depgraph exit $?"
tail -n 1 graph.err
# The graph is really read: the central modules have their arrows.
for arrow in "fc_blocks -> .*fc_errors" "fc_leaks -> .*fc_errors" \
             "fc_sides -> .*fc_boundary" "fc_uninit_rules -> .*fc_uninit_ir"; do
    if grep -q "^$arrow" graph.out; then echo "has $arrow"; else echo "lacks $arrow"; fi
done
