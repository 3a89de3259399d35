# Run by run-tests (see clientreq/native.vgtest); cwd is OUT.
set -u
echo "== C, native"
"$BUILD/clientreq/c_requests" all
echo "== Rust, native"
"$BUILD/clientreq/rust_requests" all >rust.out
cat rust.out
"$BUILD/clientreq/rust_requests_legacy" all >legacy.out
if cmp -s rust.out legacy.out; then
    echo "== Rust built by rustc 1.63, native: the same"
else
    echo "== Rust built by rustc 1.63, native: differs"
    diff rust.out legacy.out
fi
"$BUILD/clientreq/c_requests" all >c.out
for prog in c_requests rust_requests; do
    native=rust.out
    [ $prog = c_requests ] && native=c.out
    valgrind -q --tool=none "$BUILD/clientreq/$prog" all >none.out 2>none.err
    echo "== $prog under --tool=none: exit status $?"
    if cmp -s "$native" none.out; then
        echo "stdout as native"
    else
        diff "$native" none.out
    fi
    if [ -s none.err ]; then
        echo "stderr:"
        cat none.err
    else
        echo "stderr empty"
    fi
done
