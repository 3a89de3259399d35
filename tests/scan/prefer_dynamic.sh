# Run by run-tests (see prefer_dynamic.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/shims/box_stable_dyn"
