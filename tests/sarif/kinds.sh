# SPDX-License-Identifier: GPL-2.0-or-later
# kinds.sh -- sourced by the sarif/ test scripts: runs the existing bug
# programs of tests/build, one per error kind, with --xml=yes, so that the
# SARIF converter gets real XML of every kind.
#   ffican_kinds DIR     ffican (through $LAUNCHER): ForeignFree,
#                        LayoutMismatch, DoubleFree, InvalidFree (and a
#                        Leak_DefinitelyLost), UseAfterFree, OverflowWrite,
#                        OverflowRead, UninitRead (branch, and argument
#                        crossing), Leak_DefinitelyLost (handed CString)
#   memcheck_kinds DIR   Memcheck (valgrind on PATH) on four of them:
#                        InvalidRead, InvalidWrite, MismatchedFree,
#                        UninitCondition
# Each run's stderr goes to DIR/NAME.err; a run that writes no XML is
# reported on stdout (and so fails the comparison).

ffican_kinds_list="
foreign_free      foreign/box_c_free          bug
layout_mismatch   layout/vec_wrong_capacity   bug
double_free       double/c_block_twice        bug-libc
invalid_free      invalid/c_free_interior     bug
use_after_free    access/c_struct_uaf         bug
overflow_write    access/vec_overflow         write
overflow_read     access/vec_overflow         read
uninit_branch     uninit/c_field              bug
uninit_crossing   uninit/cross                arg      --check-crossing-args=yes
leak_handed       leaks/handed                cstring-lost
"

memcheck_kinds_list="
mc_invalid_read   access/c_struct_uaf         bug
mc_invalid_write  access/vec_overflow         write
mc_mismatched     cxx/new_free                bug
mc_uninit         uninit/c_field              bug      --track-origins=yes
"

_run_one() {     # DIR NAME PROG MODE EXTRA COMMAND...
    local dir=$1 name=$2 prog=$3 mode=$4 extra=$5
    shift 5
    # shellcheck disable=SC2086  # extra: zero or one option
    "$@" --num-callers=40 $extra --xml=yes --xml-file="$dir/$name.xml" \
        "$BUILD/$prog" "$mode" >/dev/null 2>"$dir/$name.err" </dev/null
}

_run_kinds() {   # DIR LIST COMMAND...   (two runs at a time)
    local dir=$1 list=$2 name prog mode extra running=0
    shift 2
    mkdir -p "$dir"
    while read -r name prog mode extra; do
        [ -n "$name" ] || continue
        if [ "$running" -ge 2 ]; then
            wait -n
            running=$((running - 1))
        fi
        _run_one "$dir" "$name" "$prog" "$mode" "$extra" "$@" &
        running=$((running + 1))
    done <<<"$list"
    wait
    while read -r name _; do
        [ -n "$name" ] || continue
        [ -s "$dir/$name.xml" ] || echo "PROBLEM: $name wrote no XML"
    done <<<"$list"
}

ffican_kinds() { _run_kinds "$1" "$ffican_kinds_list" "$LAUNCHER"; }
memcheck_kinds() {
    _run_kinds "$1" "$memcheck_kinds_list" env -u VALGRIND_LIB valgrind \
        --tool=memcheck --leak-check=no
}
