# Run by run-tests (see memcheck_opts/ignore_ranges.vgtest); cwd is OUT.
set -u
. "$TESTS/memcheck_opts/mo_memcheck.sh"
prog=$BUILD/memcheck_opts/mo_access
# Under a tool the heap is laid out the same on every run: a first run
# gives the address of the overflowing byte, a second ignores it.
count() { grep -c "$1" "$2"; }
try() {   # name, error pattern, tool command...
    local name=$1 pat=$2; shift 2
    addr=$("$@" "$prog" overflow 2>first.err)
    echo "$name, no --ignore-ranges: reported $(count "$pat" first.err) time(s)"
    lo=$(printf '0x%x' $((addr - 8))) hi=$(printf '0x%x' $((addr + 8)))
    again=$("$@" --ignore-ranges=0x1000-0x1fff,$lo-$hi "$prog" overflow 2>second.err)
    [ "$again" = "$addr" ] || echo "$name: the block moved ($addr, then $again)"
    echo "$name, the byte in --ignore-ranges: reported $(count "$pat" second.err) time(s)"
    other=$(printf '0x%x' $((addr + 1)))-$(printf '0x%x' $((addr + 64)))
    "$@" --ignore-ranges=$other "$prog" overflow >/dev/null 2>third.err
    echo "$name, a range just after it: reported $(count "$pat" third.err) time(s)"
}
try ffican 'OverflowWrite' "$LAUNCHER" -q --report=all
try Memcheck 'Invalid write' memcheck -q
