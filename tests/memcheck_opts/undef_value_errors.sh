# Run by run-tests (see memcheck_opts/undef_value_errors.vgtest); cwd is OUT.
set -u
. "$TESTS/memcheck_opts/mo_memcheck.sh"
prog=$BUILD/memcheck_opts/mo_access
for v in yes no; do
    "$LAUNCHER" -q --report=all --undef-value-errors=$v "$prog" uninit >/dev/null 2>fc.err &
    memcheck -q --undef-value-errors=$v "$prog" uninit >/dev/null 2>mc.err
    wait
    echo "--undef-value-errors=$v: ffican $(grep -c 'UninitRead' fc.err) UninitRead," \
         "Memcheck $(grep -c 'depends on uninitialised' mc.err) uninitialised-value error"
done
