# install-deps.sh -- what ffican needs on a Debian machine, and installing it.
# Sourced (bash) by setup.sh and .ci/run; defines:
#   fc_missing_packages  prints the Debian packages whose programs/files are missing
#   fc_install_deps      installs them with apt-get as root (or through
#                        passwordless sudo when FC_ALLOW_SUDO=1, as .ci/run
#                        sets); otherwise says what to install and returns 1;
#                        then the test validators from npm (a warning if not)
#   fc_install_corpus_deps  the same for the binding corpus's packages
#                        (make check-bindings)
# Checks look for the program or file a package provides, so things installed
# another way count as present: a rustup `rustc` on PATH is left alone, but
# Debian's /usr/bin/rustc (1.63, legacy symbol mangling) is still wanted for
# the tests.  apt-get runs only when something is missing, so a second run
# does nothing.

fc_have() { command -v "$1" >/dev/null 2>&1; }

fc_missing_packages() {
    local -a missing=()
    { fc_have gcc || fc_have cc; } && [ -f /usr/include/stdio.h ] ||
        missing+=(build-essential)
    fc_have make || missing+=(make)
    fc_have pkg-config || missing+=(pkg-config)
    fc_have autoreconf || missing+=(autoconf)
    fc_have automake || missing+=(automake)
    fc_have valgrind && [ -f /usr/include/valgrind/pub_tool_basics.h ] ||
        missing+=(valgrind)
    fc_have python3 || missing+=(python3)
    [ -x /usr/bin/rustc ] || missing+=(rustc)
    fc_have g++ || missing+=(g++)
    # ffican-scan: elfutils' libelf and libdw
    [ -f /usr/include/libelf.h ] || missing+=(libelf-dev)
    [ -f /usr/include/elfutils/libdw.h ] || missing+=(libdw-dev)
    [ -x /usr/bin/rg ] || missing+=(ripgrep)  # scan tests: a stripped Debian Rust binary
    [ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)  # bench: zlib_roundtrip
    # glibc symbols: lets ffican replace the dynamic linker's string functions
    dpkg -s libc6-dbg >/dev/null 2>&1 || missing+=(libc6-dbg)
    # cargo ffican and its tests (cargo/, tests/cargo); the workflow tests'
    # YAML parser; npm for the validators of sarif/install-validator
    fc_have cargo || missing+=(cargo)
    dpkg -s python3-yaml >/dev/null 2>&1 || missing+=(python3-yaml)
    fc_have npm || missing+=(npm)
    # tests/bindings and tests/scan: real -sys crates built offline from
    # Debian's crate sources (glib-sys and gobject-sys on GLib; libz-sys)
    local reg=/usr/share/cargo/registry
    ls -d $reg/glib-sys-0.* >/dev/null 2>&1 || missing+=(librust-glib-sys-dev)
    ls -d $reg/gobject-sys-0.* >/dev/null 2>&1 || missing+=(librust-gobject-sys-dev)
    pkg-config --exists gobject-2.0 2>/dev/null || missing+=(libglib2.0-dev)
    ls -d $reg/libz-sys-1* >/dev/null 2>&1 || missing+=(librust-libz-sys-dev)
    echo "${missing[*]}"
}

fc_install_deps() {
    fc_install_packages "$(fc_missing_packages)" && fc_install_validators
}

# The Debian packages of the binding corpus (corpus/crates.py: the crates'
# sources and their C libraries), for `make check-bindings`; .ci/run
# installs them before it runs the corpus.
fc_install_corpus_deps() {
    local -a missing=()
    local pkg
    for pkg in $(python3 corpus/build-crates --debian-packages); do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    fc_install_packages "${missing[*]}"
}

# Installs the packages named in $1 (space separated; nothing to do when
# empty) with apt-get, as root or through passwordless sudo when allowed.
fc_install_packages() {
    local missing=$1
    if [ -z "$missing" ]; then
        echo "dependencies: all present"
        return 0
    fi
    echo "dependencies: missing Debian packages: $missing"
    local -a asroot=()
    if [ "$(id -u)" -ne 0 ]; then
        if [ "${FC_ALLOW_SUDO:-0}" = 1 ] && fc_have sudo && sudo -n true 2>/dev/null; then
            asroot=(sudo -n)
        else
            echo "error: not root, so cannot install them; as root run:" >&2
            echo "  apt-get update && apt-get install -y $missing" >&2
            return 1
        fi
    fi
    if ! fc_have apt-get; then
        echo "error: apt-get not found (not Debian?); install the equivalents of: $missing" >&2
        return 1
    fi
    echo "dependencies: apt-get update"
    "${asroot[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    echo "dependencies: apt-get install -y $missing"
    # shellcheck disable=SC2086  # one word per package
    "${asroot[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing </dev/null
    hash -r
    local pkg still=
    for pkg in $missing; do
        dpkg -s "$pkg" >/dev/null 2>&1 || still="$still $pkg"
    done
    if [ -n "$still" ]; then
        echo "error: still missing after apt-get install:$still" >&2
        return 1
    fi
    echo "dependencies: installed"
}

# A deb-src entry for the system's own release, so that `make
# check-memcheck` can `apt-get source valgrind` of the installed version
# (Memcheck's heap tests).  Nothing to do when apt already knows the
# source package of the installed valgrind's version.  Returns 1, with the reason, when it cannot.
fc_valgrind_source_known() {
    # not `apt-cache ... | grep -q`: under pipefail grep's early exit
    # makes the pipeline fail
    # and it must be the installed version's (another release's does not do)
    local out v
    v=$(valgrind --version 2>/dev/null | sed 's/^valgrind-//')
    out=$(apt-cache showsrc valgrind 2>/dev/null || true)
    case "$out" in *"Version: $v-"* | *":$v-"*) return 0 ;; esac
    return 1
}

fc_enable_valgrind_source() {
    if fc_valgrind_source_known; then
        echo "valgrind source: known to apt"
        return 0
    fi
    local codename
    codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
    if [ -z "$codename" ]; then
        echo "valgrind source: no VERSION_CODENAME in /etc/os-release" >&2
        return 1
    fi
    local -a asroot=()
    if [ "$(id -u)" -ne 0 ]; then
        if [ "${FC_ALLOW_SUDO:-0}" = 1 ] && fc_have sudo && sudo -n true 2>/dev/null; then
            asroot=(sudo -n)
        else
            echo "valgrind source: not root, cannot add a deb-src entry for $codename" >&2
            return 1
        fi
    fi
    echo "valgrind source: adding deb-src for $codename"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$codename" | "${asroot[@]}" tee /etc/apt/sources.list.d/ffican-valgrind-src.sources >/dev/null
    "${asroot[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >/dev/null
    fc_valgrind_source_known || {
        echo "valgrind source: still unknown to apt after adding deb-src" >&2
        return 1
    }
}

# The SARIF Multitool and GitHub's workflow parser, from npm, for the tests
# of tests/sarif and tests/cargo (outside git; see sarif/install-validator).
# Without them those tests are skipped with the reason, so a failure here
# (no registry) is only a warning.
fc_install_validators() {
    [ -f sarif/install-validator ] || return 0
    bash sarif/install-validator ||
        echo "warning: SARIF and workflow validators not installed; their tests will be skipped" >&2
    return 0
}
