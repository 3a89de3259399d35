# Run by run-tests (see glib_seeded.vgtest); cwd is OUT.
. "$TESTS/bindings/bindings_env.sh"
prog=$(build_crate glib_user) || exit 1
for mode in seeded fixed; do
    "$LAUNCHER" -v --leak-check=full "$prog" $mode >$mode.out 2>$mode.err
    echo "$mode: exit $?, loaded: $(loaded $mode.err)"
    echo "$mode: errors: $(kinds $mode.err)"
    grep "^==[0-9]*== Leak: .*definitely lost" $mode.err |
        sed 's/^==[0-9]*== Leak: \(.*\) are definitely lost.*/\1/' | sed "s/^/$mode: leak: /"
    grep -A3 "^==[0-9]*== ForeignFree" $mode.err | sed -n "s/.*(\(main.rs:[0-9]*\)).*/\1/p" | head -1 |
        sed "s/^/$mode: ForeignFree at /"
    sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' $mode.err | head -1 |
        sed "s/^/$mode: errors: /"
done
