#!/usr/bin/env bash
# setup.sh -- one command from a fresh Debian bookworm machine to a working ffican:
# installs missing packages (apt-get, as root), builds, installs, runs the demo.
#
# As root the tool goes where the system valgrind finds it, so afterwards
# `valgrind --tool=ffican ./prog` and `ffican ./prog` both work.  As another
# user (with every package already present) it installs under ~/.local.
# Arguments are passed to ./configure (e.g. --prefix=DIR).  Safe to run again.
# Needs no terminal: nothing asks questions.
set -euo pipefail
cd "$(dirname "$0")"

step=start
say() { step=$1; echo; echo "==> setup: $1"; }
trap 'echo >&2; echo "setup.sh: FAILED while $step" >&2' ERR

# shellcheck source=build-aux-src/install-deps.sh
. build-aux-src/install-deps.sh

say "checking and installing dependencies"
fc_install_deps

say "generating configure (./autogen.sh)"
./autogen.sh

configure_args=("$@")
if [ "$(id -u)" -ne 0 ] && [ ${#configure_args[@]} -eq 0 ]; then
    configure_args=(--prefix="$HOME/.local")
    echo "setup: not root: installing under $HOME/.local"
fi
say "configuring (./configure${configure_args[*]:+ ${configure_args[*]}})"
./configure "${configure_args[@]}"

say "building (make)"
make -j"$(nproc 2>/dev/null || echo 2)"

say "installing (make install)"
make install

say "running ffican on the demo (make demo)"
if [ ! -f demo/run-demo ]; then
    echo "setup.sh: demo/run-demo is missing: cannot run the demo" >&2
    exit 1
fi
make demo

# Where the launcher went, as make itself reports it.
mode= bindir=
eval "$(make -s print-install-info)"
echo
if [ "$mode" = system ]; then
    echo "==> setup: done.  Run: valgrind --tool=ffican ./your-program   (or: ffican ./your-program)"
else
    echo "==> setup: done.  Run: $bindir/ffican ./your-program"
fi
case ":$PATH:" in
    *":$bindir:"*) ;;
    *) echo "    (the ffican launcher is in $bindir, which is not on your PATH)" ;;
esac
