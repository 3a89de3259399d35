# Run by run-tests (see boundary/many_rules.vgtest); cwd is OUT.
# 100,000 rules: exact function names, globs with a literal prefix, with a
# literal suffix, and a few with neither; then the two rules that decide
# (the program is app, the library lib).  The run must finish (the
# vgtest's timeout is only a hang guard; the speed is in
# docs/benchmarks.md) and the rules must still decide.
set -u
{
    echo 'side app lib vendor'
    for ((i = 0; i < 40000; i++)); do echo "function gen_fn_$i = vendor"; done
    for ((i = 0; i < 30000; i++)); do echo "function gen::m$i::* = vendor"; done
    for ((i = 0; i < 29990; i++)); do echo "object */gen/lib$i.so = vendor"; done
    for ((i = 0; i < 8; i++)); do echo "function *gen_mid_$i* = vendor"; done
    echo 'object */boundary/bnd_app      = app'
    echo 'object */boundary/libbndlib.so = lib'
} >many.boundary
echo "$(grep -c '=' many.boundary) rules"
"$LAUNCHER" -q --boundary=many.boundary "$BUILD/boundary/bnd_app" interior \
    >many.out 2>many.err
echo "exit $?"
grep -o 'InvalidFree: [a-z]* code' many.err
grep -o 'inside an* [a-z]*-allocated block' many.err
