# Run by run-tests (see glib_deliberate.vgtest); cwd is OUT.
. "$TESTS/bindings/bindings_env.sh"
prog=$(build_crate glib_user) || exit 1
"$prog" deliberate >native.out
"$LAUNCHER" -v -s --leak-check=full "$prog" deliberate >auto.out 2>auto.err
echo "auto: exit $?, loaded: $(loaded auto.err)"
cmp -s native.out auto.out && echo "auto: output as native"
grep -c "^==[0-9]*== Leak: .* possibly lost" auto.err | sed 's/^/auto: possibly lost records: /'
sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9]*\) errors.*/auto: errors: \1/p' auto.err | head -1
sed -n 's/^--[0-9]*-- used_suppression: *[0-9]* \([a-z-]*\) .*glib-sys.supp:.*/\1/p' \
    auto.err | sort -u | sed 's/^/auto: used /'
"$LAUNCHER" --bindings=none --leak-check=full "$prog" deliberate >none.out 2>none.err
n=$(grep -c "^==[0-9]*== Leak: .* possibly lost" none.err)
echo "none: loaded: $(loaded none.err); possibly lost records reported: $([ "$n" -gt 0 ] && echo yes || echo no)"
grep -c "^==[0-9]*== Leak: .* definitely lost" none.err | sed 's/^/none: definitely lost records: /'
