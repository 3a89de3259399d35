# Run by run-tests (see memcheck_opts/fill.vgtest); cwd is OUT.
set -u
. "$TESTS/memcheck_opts/mo_memcheck.sh"
prog=$BUILD/memcheck_opts/mo_fill
for fills in "0xab 0xcd" "5a a5"; do
    set -- $fills
    for mode in malloc realloc calloc free; do
        "$LAUNCHER" -q --malloc-fill="$1" --free-fill="$2" "$prog" "$mode" \
            >fc.out 2>/dev/null &
        mc=$(memcheck -q --malloc-fill="$1" --free-fill="$2" "$prog" "$mode" 2>/dev/null)
        wait
        fc=$(cat fc.out)
        same=$([ "$fc" = "$mc" ] && echo "as Memcheck" || echo "Memcheck: $mc")
        echo "--malloc-fill=$1 --free-fill=$2: $fc ($same)"
    done
done
# Without the options the released block keeps the program's bytes.
echo "no fill: $("$LAUNCHER" -q "$prog" free 2>/dev/null)"
