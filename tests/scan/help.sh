# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see help.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
"$SCAN" --help; echo "exit status: $?"
"$SCAN" --version | sed "s/ffican-scan [^ ]* /ffican-scan VERSION /"
