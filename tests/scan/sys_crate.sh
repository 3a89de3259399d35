# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see sys_crate.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
cc -g -O0 -c "$TESTS/scan/sc_fakesys_c.c" -o sc_fakesys_c.o &&
    ar rcs libscfake.a sc_fakesys_c.o || exit 1
rustc --edition 2021 -g -C opt-level=0 --crate-type=rlib --crate-name scfake_sys \
    "$TESTS/scan/sc_fakesys.rs" -o libscfake_sys.rlib -L native=. -l static=scfake \
    2> rustc.log || { cat rustc.log; exit 1; }
rustc --edition 2021 -g -C opt-level=0 --crate-name sc_fakesys_main \
    "$TESTS/scan/sc_fakesys_main.rs" -o sc_fakesys_main -L . -L native=. \
    --extern scfake_sys=libscfake_sys.rlib 2> rustc.log || { cat rustc.log; exit 1; }
facts --crates scfake_sys,sc_fakesys_main -- sc_fakesys_main
