# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see rustsym.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
common=$TESTS/../common
cc -std=gnu11 -Wall -Wextra -Werror -I"$common" "$TESTS/scan/rustsym_test.c" \
    "$common/fc_rustsym.c" -o rustsym_test || exit 1
./rustsym_test || exit 1
cc -std=gnu11 -Wall -Wextra -Werror -O2 -ffreestanding -nostdlib \
    -c "$common/fc_rustsym.c" -o fc_rustsym.o || exit 1
undef=$(nm -u fc_rustsym.o)
echo "undefined symbols: ${undef:-none}"
