# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the tests/scan scripts (run by run-tests in $OUT): where
# ffican-scan is (the build tree's scan/, next to tests/build), and `facts`,
# which prints what tests/scan/scan_facts.py reads from its --json.
set -u
SCAN=${FFICAN_SCAN:-$TOP_BUILD/scan/ffican-scan}
if [ ! -x "$SCAN" ]; then
    echo "ffican-scan not built at $SCAN"
    exit 1
fi
facts() {
    "$PYTHON" "$TESTS/scan/scan_facts.py" "$SCAN" "$@"
}
