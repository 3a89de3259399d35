# SPDX-License-Identifier: GPL-2.0-or-later
# crate.sh -- sourced by the cargo/ test scripts. Copies the test crate
# ffi_demo into the test's scratch directory (cargo writes Cargo.lock next
# to Cargo.toml, and the source tree may be read-only under distcheck),
# gives cargo a private CARGO_HOME and target directory there, offline, and
# puts cargo-ffican first on PATH so that `cargo ffican` finds it.
#   ffican_cargo NAME ARGS...  runs `cargo ffican ARGS` in the crate, stdout
#                              and stderr to NAME.out, prints its status
#   show NAME                  prints what the tests compare from NAME.out:
#                              cargo-ffican's own lines and ffican's error
#                              lines of the crate's own sources, with
#                              scratch paths, hashes, pids, addresses and
#                              closures' names (they vary by rustc) masked
set -u
crate=$OUT/ffi_demo
rm -rf "$crate"
cp -R "$TESTS/cargo/ffi_demo" "$crate"
rm -f "$crate/Cargo.lock"
export CARGO_HOME=$OUT/cargo-home CARGO_TARGET_DIR=$OUT/target
export CARGO_NET_OFFLINE=true CARGO_TERM_COLOR=never
export PATH=$TESTS/../cargo:$PATH
export FFICAN=$LAUNCHER
# The build tree's ffican-scan checks the binaries (BUILD is tests/build in it).
if [ -x "$TOP_BUILD/scan/ffican-scan" ]; then
    export FFICAN_SCAN=$TOP_BUILD/scan/ffican-scan
fi
unset FFICAN_FLAGS VALGRINDFLAGS CARGO_BUILD_TARGET RUSTFLAGS \
      CARGO_ENCODED_RUSTFLAGS
# The test runs under its own cargo-ffican, never an installed one.
[ "$(command -v cargo-ffican)" = "$TESTS/../cargo/cargo-ffican" ] ||
    echo "PROBLEM: cargo-ffican on PATH is $(command -v cargo-ffican)"

ffican_cargo() {
    local name=$1
    shift
    (cd "$crate" && cargo ffican "$@") >"$OUT/$name.out" 2>&1 </dev/null
    echo "status $?"
}

show() {
    grep -E '^cargo-ffican: |^ffican: [A-Za-z_]+: |^ffican: .*\((names\.c|lib\.rs|[a-z_]+\.rs):[0-9]+\)$|^ffican:  [A-Z]' \
        "$OUT/$1.out" | grep -v '{{closure}}' |
        sed -E -e "s#$OUT#\${OUT}#g" -e "s#$LAUNCHER#\${LAUNCHER}#g" \
            -e 's/-[0-9a-f]{16}/-HASH/g' -e 's/-HASH-[0-9]+\.[0-9]+\.xml/-HASH-PID.PID.xml/g' \
            -e 's/0x[0-9a-fA-F]+/0x.../g' -e 's/ +$//'
}
