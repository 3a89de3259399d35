# Run by run-tests (see tree/selection.vgtest); cwd is OUT.
set -u
rt="$TESTS/run-tests"
"$PYTHON" "$rt" --list foreign >foreign.list
echo "foreign: $(grep -vc '^foreign/' foreign.list) tests outside foreign/, $(grep -c '^foreign/' foreign.list) inside"
"$PYTHON" "$rt" --list threads/rust_threads_foreign_free >one.list 2>&1
echo "group/name: $(wc -l <one.list) test"
"$PYTHON" "$rt" --list 'tree/*' | sed 's/^/glob: /'
"$PYTHON" "$rt" --list no_such_test >none.out 2>none.err
echo "unknown name: exit $?, $(grep -c 'no test is named no_such_test' none.err) message"
