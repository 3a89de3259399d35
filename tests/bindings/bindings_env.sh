# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the tests/bindings scripts (run by run-tests in $OUT).
#   build_crate NAME   builds the cargo project $TESTS_CRATES/NAME (default
#                      tests/bindings/NAME) offline
#                      from Debian's crate sources (/usr/share/cargo/registry,
#                      as corpus/crates.py does), once per build dir, and
#                      prints the path of its binary
#   loaded FILE        the bindings whose files a -v run (its stderr FILE)
#                      says were loaded, on one line
#   kinds FILE         the kinds of the errors a run reported, sorted and
#                      once each (-v lists every error again at exit)
set -u
REGISTRY=${FFICAN_CRATE_REGISTRY:-/usr/share/cargo/registry}

build_crate() {
    local name=$1 home="$BUILD/bindings-cargo/home"
    local target="$BUILD/bindings-cargo/target"
    mkdir -p "$home" "$target"
    cat >"$home/config.toml" <<CFG
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "$REGISTRY"
[net]
offline = true
CFG
    # cargo locks the target dir: tests building at once wait for each other
    env -u RUSTFLAGS -u CARGO_TARGET_DIR CARGO_HOME="$home" \
        CARGO_TARGET_DIR="$target" CARGO_TERM_COLOR=never \
        cargo build -q --manifest-path "${TESTS_CRATES:-$TESTS/bindings}/$name/Cargo.toml" \
        >"cargo-$name.log" 2>&1 || { cat "cargo-$name.log" >&2; return 1; }
    echo "$target/debug/$name"
}

loaded() {
    sed -n 's/.*ffican: binding \([a-z0-9_-]*\) (.*): loading .*/\1/p' "$1" |
        tr '\n' ' ' | sed 's/ $//'
    echo
}

kinds() {
    sed -n 's/^==[0-9]*== \([A-Z][A-Za-z]*\): .*/\1/p' "$1" |
        grep -E '^(ForeignFree|LayoutMismatch|DoubleFree|InvalidFree|UseAfterFree|Overflow[A-Za-z]*|UninitRead|Leak)$' |
        sort -u | tr '\n' ' ' | sed 's/ $//'
    echo
}
