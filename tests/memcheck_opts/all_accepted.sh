# Run by run-tests (see memcheck_opts/all_accepted.vgtest); cwd is OUT.
set -u
. "$TESTS/memcheck_opts/mo_memcheck.sh"
prog=$BUILD/basic/c_only_clean
# Every --option=VALUES of Memcheck's own sections of --help and
# --help-debug (Memcheck's, and those of tools that replace malloc).
{ memcheck --help; memcheck --help-debug; } 2>/dev/null |
    sed -n '/options for Memcheck:/,/^$/p; /options for Valgrind tools that replace malloc:/,/^$/p' |
    grep -o -- '--[a-z0-9-]*=[^ ]*' | sort -u >syntax
# A value for each, from its syntax.
while IFS='=' read -r name values; do
    case $values in
        *'|'*) value=${values##*|} ;;
        kind1*|heur1*) value=all ;;
        '<number>-<number>') value=1024-1000 ;;
        '<number>') value=16 ;;
        0xPP-0xQQ*) value=0x1000-0x1fff ;;
        '<hexnumber>') value=0xab ;;
        '<file>') value=mo-out.file ;;
        *) value=$values ;;
    esac
    echo "$name=$value"
done <syntax >args
n=$(wc -l <args)
[ "$n" -ge 30 ] && echo "Memcheck's --help lists at least 30 options"
# All of them on one command line; a rejected one is named and dropped.
mapfile -t opts <args
rejected=0
while :; do
    "$LAUNCHER" -q "${opts[@]}" "$prog" >run.out 2>run.err && break
    bad=$(sed -n 's/^valgrind: \(Unknown\|Bad\) option: //p' run.err | head -1)
    if [ -z "$bad" ]; then echo "the run failed:"; cat run.err; break; fi
    echo "rejected: $bad ($(sed -n 2p run.err))"
    rejected=$((rejected + 1))
    keep=()
    for o in "${opts[@]}"; do [ "$o" = "$bad" ] || keep+=("$o"); done
    opts=("${keep[@]}")
done
echo "$rejected rejected; the program ran: $([ -s run.out ] && echo yes || echo no)"
# Memcheck takes the same command line.
memcheck -q $(cat args) "$prog" >mc.out 2>mc.err
echo "Memcheck: exit $?"
