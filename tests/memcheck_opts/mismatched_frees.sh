# Run by run-tests (see memcheck_opts/mismatched_frees.vgtest); cwd is OUT.
set -u
. "$TESTS/memcheck_opts/mo_memcheck.sh"
for v in yes no; do
    "$LAUNCHER" -q --show-mismatched-frees=$v "$BUILD/cxx/new_free" bug >/dev/null 2>fc.err &
    memcheck -q --show-mismatched-frees=$v "$BUILD/cxx/new_free" bug >/dev/null 2>mc.err
    wait
    echo "new released by free(), --show-mismatched-frees=$v:" \
         "ffican $(grep -c 'ForeignFree' fc.err) ForeignFree," \
         "Memcheck $(grep -c 'Mismatched free' mc.err) mismatched free"
    "$LAUNCHER" -q --show-mismatched-frees=$v "$BUILD/foreign/box_c_free" bug >/dev/null 2>fc.err
    echo "Rust Box released by C free(), --show-mismatched-frees=$v:" \
         "ffican $(grep -c 'ForeignFree' fc.err) ForeignFree"
done
