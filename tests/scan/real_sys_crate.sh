# Run by run-tests (see real_sys_crate.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
. "$TESTS/bindings/bindings_env.sh"
prog=$(TESTS_CRATES="$TESTS/scan" build_crate zlib_user) || exit 1
"$prog" >native.out || { echo "zlib_user failed natively"; exit 1; }
facts --crates zlib_user,std -- "$prog"
