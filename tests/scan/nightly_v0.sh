# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see nightly_v0.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
cc -g -O0 -c "$TESTS/scan/sc_ffi_c.c" -o sc_ffi_c.o && ar rcs libsc_ffi_native.a sc_ffi_c.o || exit 1
rustc +nightly --edition 2021 -g -C opt-level=0 -C symbol-mangling-version=v0 \
    --crate-name sc_ffi "$TESTS/scan/sc_ffi.rs" -o sc_ffi_v0 \
    -L native=. -l static=sc_ffi_native 2> rustc.log || { cat rustc.log; exit 1; }
facts --crates sc_ffi,std -- sc_ffi_v0
"$PYTHON" -c "import json,subprocess,sys
d = json.loads(subprocess.run([sys.argv[1], \"--json\", \"sc_ffi_v0\"], capture_output=True, text=True).stdout)
b = {f[\"function\"]: f for f in d[\"objects\"][0][\"boundary\"]}
print(\"callback symbol starts with _R:\", b[\"sc_rust_callback\"][\"symbol\"].startswith(\"_R\"))" "$SCAN"
