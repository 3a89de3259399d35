# Run by run-tests (see memcheck_opts/leak_resolution.vgtest); cwd is OUT.
set -u
. "$TESTS/memcheck_opts/mo_memcheck.sh"
prog=$BUILD/memcheck_opts/mo_leaks
for res in low med high; do
    "$LAUNCHER" -q --leak-check=full --leak-resolution=$res "$prog" two-paths \
        >/dev/null 2>fc.err
    memcheck -q --leak-check=full --leak-resolution=$res "$prog" two-paths \
        >/dev/null 2>mc.err
    fc=$(sed -n 's/.* \([0-9]*\) bytes in \([0-9]*\) C-allocated blocks\{0,1\} (malloc) are definitely lost .*/\1 bytes in \2/p' fc.err | tr '\n' ',')
    mc=$(sed -n 's/.* \([0-9]*\) bytes in \([0-9]*\) blocks are definitely lost .*/\1 bytes in \2/p' mc.err | tr '\n' ',')
    same=$([ "$fc" = "$mc" ] && echo "as Memcheck" || echo "Memcheck: $mc")
    echo "--leak-resolution=$res: records (bytes in blocks): $fc ($same)"
done
