# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cargo/exit_status.vgtest); cwd is OUT.
set -u
. "$TESTS/cargo/crate.sh"
echo "== a failing test, no memory error: cargo's status"
ffican_cargo failing test --test failing
show failing | grep -E 'failing-|exit status'
echo "== a test binary killed by SIGABRT: 128+6"
ffican_cargo crash test --test crash
show crash | grep -E 'crash-|exit status'
echo "== ffican does not run (FFICAN=true writes no XML): 125"
FFICAN=true ffican_cargo nothing test --test lending
show nothing | grep -E 'lending-|exit status'
echo "== FFICAN names a program that does not exist: 125"
FFICAN=$OUT/no-such-ffican ffican_cargo missing test --test lending
show missing
echo "== usage errors: 2"
ffican_cargo usage1 frobnicate
show usage1
ffican_cargo usage2 test --suppressions "$OUT/no-such.supp"
show usage2
echo "== FFICAN_FLAGS reach ffican (a bad option is a tool failure: 125)"
FFICAN_FLAGS=--no-such-option=1 ffican_cargo badflag test --test lending
show badflag | grep -E 'exit status'
echo "== a --list call (libtest's, nextest's) runs uninstrumented"
binary=$(ls "$OUT"/target/debug/deps/lending-* | grep -v '\.d$' | head -n 1)
rm -rf "$OUT/listlogs"
FFICAN_CARGO_LOG_DIR=$OUT/listlogs "$TESTS/../cargo/cargo-ffican" --ffican-runner \
    "$binary" --list --format terse 2>&1
echo "status $?; log files: $(ls "$OUT/listlogs" 2>/dev/null | wc -l)"
echo "== the same binary as a target runner outside cargo-ffican (standalone)"
FFICAN_CARGO_LOG_DIR=$OUT/listlogs "$TESTS/../cargo/cargo-ffican" --ffican-runner \
    "$binary" --quiet >/dev/null 2>&1
echo "status $?; XML files: $(ls "$OUT"/listlogs/*.xml 2>/dev/null | wc -l); runs recorded: $(wc -l <"$OUT/listlogs/runs.jsonl")"
