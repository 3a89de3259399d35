#!/bin/bash
# Prints the last instruction (padding left out) of tc_malloc and tc_free
# in tailcall_alloc, without its address: "jmp <malloc>" is the premise.
set -e
for f in tc_malloc tc_free; do
    objdump -d --no-show-raw-insn "$BUILD/crossing/tailcall_alloc" |
        awk -v fn="<$f>:" '$2 == fn {on = 1; next} on && NF == 0 {exit}
                           on && !/nop|int3|xchg +%ax,%ax/ {last = $0}
                           END {print last}' |
        sed -E 's/^ *[0-9a-f]+:\s*//; s/\s+[0-9a-f]+ </ </; s/@plt|@PLT//' |
        awk -v fn=$f '{print fn ": " $0}'
done
