# Run by run-tests (see tree/dist_lists.vgtest); cwd is OUT.
set -u
top=$(dirname "$TESTS")
# Every word of every Makefile.am, one per line, paths cut to their names.
cat "$top"/Makefile.am "$top"/*/Makefile.am | tr -s ' \t\\=' '\n\n\n\n' |
    sed 's|.*/||' | sort -u >words
missing=0
for f in "$top"/tool/*.[ch] "$top"/tool/*.def "$top"/preload/*.[ch] \
         "$top"/common/*.[ch] "$top"/include/*; do
    [ -e "$f" ] || continue
    base=$(basename "$f")
    if ! grep -qxF "$base" words; then
        echo "not in any Makefile.am: ${f#$top/}"
        missing=$((missing + 1))
    fi
done
echo "$missing files missing"
