# Run by run-tests (see select.vgtest); cwd is OUT.
. "$TESTS/bindings/bindings_env.sh"
cc -g -O0 -c "$TESTS/bindings/bd_c.c" -o bd_c.o && ar rcs libbdc.a bd_c.o || exit 1
rustc --edition 2021 -g -C opt-level=0 --crate-type=rlib --crate-name bdfake_sys \
    "$TESTS/bindings/bd_fakesys.rs" -o libbdfake_sys.rlib -L native=. -l static=bdc \
    2>rustc.log || { cat rustc.log; exit 1; }
rustc --edition 2021 -g -C opt-level=0 --crate-name bd_main "$TESTS/bindings/bd_main.rs" \
    -o bd_main -L . -L native=. --extern bdfake_sys=libbdfake_sys.rlib -l z \
    2>rustc.log || { cat rustc.log; exit 1; }
cc -g -O0 -DBD_C_MAIN "$TESTS/bindings/bd_c.c" -o bd_cmain -lz || exit 1

dir=$PWD/supp && mkdir -p "$dir"
cp "$TESTS/../suppressions/rust-std.supp" "$TESTS/../suppressions/libz-sys.supp" "$dir/"
cat >"$dir/bdfake-sys.supp" <<'SUPP'
# bdfake-sys: its lend_and_release hands C a Rust block C frees (test only)
{
   bdfake-lend-and-release
   ffican:ForeignFree
   fun:free
   fun:bd_release
   fun:*bdfake_sys*lend_and_release*
}
SUPP
run() {   # run NAME [options] -- program args
    local name=$1; shift
    "$LAUNCHER" -v "$@" >$name.out 2>$name.err
    local rc=$?
    echo "$name: exit $rc, loaded: $(loaded $name.err)"
    local n=$(sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' $name.err | head -1)
    echo "$name: $n errors: $(kinds $name.err)"
}
run auto --bindings-dir="$dir" ./bd_main
grep -o "binding bdfake-sys (crate bdfake_sys in [^)]*bd_main)" auto.err | sed 's/ in .*/ in bd_main)/'
grep -o "binding libz-sys (libz.so[.0-9]* in [^)]*bd_main)" auto.err | sed 's/ in .*/ in bd_main)/'
run seeded --bindings-dir="$dir" ./bd_main seeded
grep -A3 "ForeignFree" seeded.err | sed -n 's/.*\(bd_main.rs:[0-9]*\).*/seeded: reported at \1/p' | sort -u
run list --bindings-dir="$dir" --bindings=rust-std,libz-sys ./bd_main
run none --bindings-dir="$dir" --bindings=none ./bd_main
run c_program --bindings-dir="$dir" ./bd_cmain
for bad in nosuch-sys 'Bad!' 'rust-std,,libz-sys'; do
    "$LAUNCHER" --bindings-dir="$dir" --bindings="$bad" ./bd_main >bad.out 2>bad.err
    echo "--bindings=$bad: exit $?"
    sed -n 's/^valgrind: \(ffican: .*\)/  \1/p' bad.err | sed "s|$dir|DIR|g"
done
"$LAUNCHER" --bindings-dir="$PWD/nowhere" ./bd_main >nodir.out 2>nodir.err
echo "missing folder: exit $?"
sed -n 's/^==[0-9]*== \(Warning: ffican: .*\)/  \1/p' nodir.err | sed "s|$PWD|OUT|g"
