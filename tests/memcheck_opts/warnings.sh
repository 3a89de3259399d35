# Run by run-tests (see memcheck_opts/warnings.vgtest); cwd is OUT.
set -u
prog=$BUILD/basic/c_only_clean
warned='--track-origins=no --expensive-definedness-checks=yes
--keep-stacktraces=alloc
--workaround-gcc296-bugs=yes --ignore-range-below-sp=8192-8189
--show-realloc-size-zero=yes --realloc-zero-bytes-frees=no
--xtree-leak=yes --xtree-leak-file=xtleak.kcg.%p --xtree-memory=allocs
--xtree-memory-file=xtmemory.kcg.%p --xtree-compress-strings=no
--leak-check-heuristics=stdstring,newarray,rc'
# Each option given twice: still one warning each.
# shellcheck disable=SC2086
"$LAUNCHER" -q $warned --keep-stacktraces=free $warned "$prog" >run.out 2>run.err
echo "values ffican does not honour: exit $?, the program ran: $([ -s run.out ] && echo yes || echo no)"
sed -n 's/^==[0-9]*== //p' run.err
# The values ffican already behaves as: no warning.
silent='--track-origins=yes --expensive-definedness-checks=auto
--keep-stacktraces=alloc-and-free
--workaround-gcc296-bugs=no --show-realloc-size-zero=no
--realloc-zero-bytes-frees=yes --xtree-leak=no --xtree-memory=none
--leak-check-heuristics=all --leak-check-heuristics=rc,dtv'
# shellcheck disable=SC2086
"$LAUNCHER" -q $silent "$prog" >run.out 2>run.err
echo "values ffican behaves as: exit $?, $(grep -c Warning run.err) warnings"
# Bad values of Memcheck's options are errors naming option and value.
for opt in --keep-stacktraces=both --track-origins=maybe --malloc-fill=0x100 \
           --free-fill=xyz --ignore-ranges=0x2000-0x1000 --ignore-ranges=1000-2000 \
           --ignore-range-below-sp=10-20 --freelist-big-blocks=-1 \
           --leak-resolution=max --xtree-leak-file= \
           --leak-check-heuristics=stdstrings; do
    "$LAUNCHER" -q "$opt" "$prog" >run.out 2>run.err
    rc=$?
    echo "$opt: exit $([ $rc -ne 0 ] && echo non-zero || echo 0)," \
         "$(sed -n 2p run.err | sed 's/^valgrind: //')"
done
