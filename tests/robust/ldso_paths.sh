# Run by run-tests (see robust/ldso_paths.vgtest); cwd is OUT.
set -u
valgrind=$(sed -n "s/^valgrind='\(.*\)'$/\1/p" "$LAUNCHER")
vglib=$(sed -n "s/^vglib='\(.*\)'$/\1/p" "$LAUNCHER")
# the launcher's folder of binding files (a build tree's, before install)
bdir=$(sed -n "s/^bindings_dir='\(.*\)'$/\1/p" "$LAUNCHER")
bopt=${bdir:+--bindings-dir=$bdir}
[ -n "$vglib" ] || vglib=$("$valgrind" --tool=none --version >/dev/null 2>&1 && echo /usr/libexec/valgrind)
bad=0
for n in $(seq 1 40); do
    dir="$OUT/p$(printf 'y%.0s' $(seq 1 "$n"))"
    mkdir -p "$dir" && ln -sfn "$vglib" "$dir/vg"
    VALGRIND_LIB="$dir/vg" "$valgrind" --tool=ffican $bopt --report=all -q \
        "$BUILD/basic/c_only_clean" >run.out 2>run.err
    if grep -q . run.err; then
        bad=$((bad + 1))
        [ $bad -eq 1 ] && { echo "path length +$n:"; grep -m1 '^==[0-9]*== [A-Z]' run.err | sed 's/^==[0-9]*== //'; }
    fi
done
echo "$bad of 40 path lengths gave reports"
