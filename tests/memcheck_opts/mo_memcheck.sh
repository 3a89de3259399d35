# Sourced by this group's scripts: `memcheck ARGS...` runs Memcheck of the
# same Valgrind the launcher runs (its valgrind and runtime folder, read
# from the launcher script), so that ffican is compared with the Memcheck
# of the version under test (3.19 kit, 3.24 tree, ...).
eval "$(grep -E "^(valgrind|vglib)=" "$LAUNCHER")"
memcheck() {
    if [ -n "${vglib:-}" ]; then
        VALGRIND_LIB=$vglib "$valgrind" --tool=memcheck "$@"
    else
        env -u VALGRIND_LIB "$valgrind" --tool=memcheck "$@"
    fi
}
