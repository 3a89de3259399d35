# Run by run-tests (see options/bad_values.vgtest); cwd is OUT.
set -u
for opt in --report=foo --freelist-vol=abc --freelist-vol=-1 \
           --track-uninit=maybe --leak-check=most --show-leak-kinds=bogus \
           --boundary= --side-object=nopattern --show-reachable=sometimes; do
    "$LAUNCHER" -q "$opt" "$BUILD/basic/c_only_clean" >run.out 2>run.err
    rc=$?
    ran=ran; [ -s run.out ] || ran="did not run"
    # The second line of Valgrind's message is ours: what was wrong.
    why=$(sed -n 2p run.err | sed 's/^valgrind: //')
    echo "$opt: exit $([ $rc -ne 0 ] && echo non-zero || echo 0), program $ran: $why"
done
# Aliases and the older leak options still parse.
for opt in --leak-check=yes --show-reachable=yes --show-possibly-lost=no \
           --leak-check-heuristics=none --errors-for-leak-kinds=all; do
    "$LAUNCHER" -q "$opt" "$BUILD/basic/c_only_clean" >run.out 2>run.err
    echo "$opt: exit $?"
done
