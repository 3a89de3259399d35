# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cargo/foreign_free.vgtest); cwd is OUT.
set -u -o pipefail
. "$TESTS/cargo/crate.sh"
status=0
echo "== cargo ffican test --test handing_over (C frees a Rust CString)"
ffican_cargo bug test --test handing_over --sarif "$OUT/bug.sarif" --xml "$OUT/bug.xml" \
    --codequality "$OUT/bug.codequality.json"
show bug
echo "== its SARIF"
"$PYTHON" "$TESTS/sarif/check_sarif.py" summary "$OUT/bug.sarif" | grep -v '^  rules:' || status=1
echo "== its GitLab Code Quality report"
"$PYTHON" "$TESTS/sarif/check_sarif.py" codequality "$OUT/bug.codequality.json" || status=1
echo "== its merged XML"
"$PYTHON" - "$OUT/bug.xml" <<'PY' || status=1
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(root.tag, root.findtext('protocolversion'), root.findtext('protocoltool'),
      [e.findtext('kind') for e in root.findall('error')])
PY
echo "== cargo ffican test --test lending (the fixed twin)"
ffican_cargo fixed test --test lending
show fixed

echo "== the fixed twin stripped by the caller's CARGO_PROFILE_TEST_STRIP=symbols"
CARGO_PROFILE_TEST_STRIP=symbols ffican_cargo stripped test --test lending
show stripped | grep -E 'ffican-scan|warning|exit status'
exit $status
