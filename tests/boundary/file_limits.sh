# Run by run-tests (see boundary/file_limits.vgtest); cwd is OUT.
# Each case: a boundary file written here, the first stderr line of
# ffican and its exit status (the program must not run on a bad file).
set -u
prog="$BUILD/boundary/bnd_app"
run() {   # run NAME [OPTIONS...]: ffican with --boundary=NAME.boundary
    local name=$1; shift
    "$LAUNCHER" -q --boundary="$name.boundary" "$@" "$prog" interior \
        >"$name.out" 2>"$name.err"
    echo "$name: exit $?"
    sed -n 's/^valgrind: //p' "$name.err" | cut -c1-240
}
head='side app lib'
# A pattern of 1,000,000 characters: a file:line error naming the limit
# (before: an assertion in Valgrind's matcher, once code was classified).
{ echo "$head"; printf 'function %s = app\n' "$(head -c 1000000 /dev/zero | tr '\0' a)"; } \
    >long_pattern.boundary
run long_pattern
# A UTF-8 byte order mark at the start is skipped: the file works (the
# InvalidFree names the sides the file declares).
{ printf '\xef\xbb\xbf'; cat "$TESTS/boundary/bnd_app.boundary"; } >bom.boundary
run bom --report=crossing
grep -o 'InvalidFree: [a-z]* code' bom.err
# Binary garbage: the byte, its column and file offset, the line escaped.
{ echo "$head"; printf 'object */x\x89\x01y = app\n'; } >garbage.boundary
run garbage
{ echo "$head"; printf 'object */x\x01y = app\n'; } >control.boundary
run control
# A NUL byte: named with its line and offset.
{ echo "$head"; printf 'object */x\0y = app\n'; } >nul.boundary
run nul
# A BOM elsewhere than at the start (invisible when echoed): named.
{ echo "$head"; printf 'obj\xef\xbb\xbfect */x = app\n'; } >inner_bom.boundary
run inner_bom
# UTF-8 in a pattern is fine (Rust names may hold any letter).
{ echo "$head"; printf 'function caf\xc3\xa9_* = app\n'; } >utf8.boundary
run utf8
# An option's pattern over the limit: a bad option naming it.
: >empty.boundary
run empty --side-function="$(head -c 20000 /dev/zero | tr '\0' b)=app"
# A number too long to read: named by its length, not cut silently.
printf 'buffer f(a, n) elements %s\n' "$(head -c 40 /dev/zero | tr '\0' 7)" >long_number.boundary
run long_number
# An argument name of 100 characters is fine (names over 63 were
# rejected): the file loads and the program runs.
name=$(head -c 100 /dev/zero | tr '\0' x)
printf 'buffer bl_fill(%s, n) %s[n]\n' "$name" "$name" >long_name.boundary
run long_name
