# Run by run-tests (see memcheck_opts/leak_exitcode.vgtest); cwd is OUT.
set -u
. "$TESTS/memcheck_opts/mo_memcheck.sh"
prog=$BUILD/memcheck_opts/mo_leaks
# mode | options after --error-exitcode=9
cases='definite|--leak-check=full
definite|--leak-check=full --errors-for-leak-kinds=none
definite|--leak-check=full --errors-for-leak-kinds=reachable
definite|--leak-check=full --show-leak-kinds=none
definite|--leak-check=summary
indirect|--leak-check=full --errors-for-leak-kinds=indirect
indirect|--leak-check=full --errors-for-leak-kinds=possible,reachable
possible|--leak-check=full
possible|--leak-check=full --errors-for-leak-kinds=definite
reachable|--leak-check=full
reachable|--leak-check=full --errors-for-leak-kinds=reachable
reachable|--leak-check=full --show-reachable=yes --errors-for-leak-kinds=all
none|--leak-check=full --errors-for-leak-kinds=all'
n=0
while IFS='|' read -r mode opts; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    { "$LAUNCHER" -q --error-exitcode=9 $opts "$prog" "$mode" >/dev/null 2>fc$n.err
      echo $? >fc$n.rc; } &
    # shellcheck disable=SC2086
    { memcheck -q --error-exitcode=9 $opts "$prog" "$mode" >/dev/null 2>mc$n.err
      echo $? >mc$n.rc; }
    wait
    fc=$(cat fc$n.rc) mc=$(cat mc$n.rc)
    same=$([ "$fc" = "$mc" ] && echo "as Memcheck" || echo "Memcheck: $mc")
    echo "$mode, $opts: exit $fc ($same)"
done <<<"$cases"
