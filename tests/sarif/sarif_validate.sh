# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see sarif/sarif_validate.vgtest); cwd is OUT.
# The SARIF of every ffican error kind (and four Memcheck kinds) through
# Microsoft's SARIF Multitool, `validate` verb, with its SARIF rules and
# GitHub's ingestion rules (--rule-kind "Sarif;Gh"): no error, no warning
# (notes, its style advice, are allowed). A canary (the same log with the
# help and full description of one rule removed) must be rejected by the
# GitHub rules, so a validator that checks nothing cannot pass.
set -u
. "$TESTS/sarif/kinds.sh"
sarif=$TESTS/../sarif/ffican-sarif
status=0
multitool=$(bash "$TESTS/../sarif/install-validator" --check --print-path) || {
    echo "PROBLEM: SARIF Multitool not installed"; exit 1; }

validate() {     # SARIF REPORT-TEXT
    rm -f "$1.validation"
    # Call the native program: the npm bin wrapper runs it through a
    # shell, which would split "Sarif;Gh" at the semicolon.
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$multitool" validate --rule-kind "Sarif;Gh" --level "Error;Warning;Note" \
        --log "ForceOverwrite;PrettyPrint" -o "$1.validation" "$1" >"$2" 2>&1 </dev/null
    local rc=$?
    grep -q 'ERR[0-9]' "$2" && { echo "PROBLEM: the validator failed:"; grep 'ERR[0-9]' "$2"; }
    [ -s "$1.validation" ] || echo "PROBLEM: the validator wrote no $1.validation"
    return $rc
}

ffican_kinds "$OUT/xml"
memcheck_kinds "$OUT/mc"
"$PYTHON" "$sarif" --srcroot "$TESTS" -o "$OUT/all.sarif" \
    "$OUT"/xml/*.xml "$OUT"/mc/*.xml || status=1
echo "== SARIF of every kind"
validate "$OUT/all.sarif" "$OUT/all.txt" || { echo "PROBLEM: validator exit status $?"; status=1; }
"$PYTHON" "$TESTS/sarif/check_sarif.py" validator "$OUT/all.txt"

echo "== canary: a rule without help and full description"
"$PYTHON" - "$OUT/all.sarif" "$OUT/canary.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
rule = log['runs'][0]['tool']['driver']['rules'][0]
del rule['help'], rule['fullDescription']
json.dump(log, open(sys.argv[2], 'w'), indent=1)
PY
validate "$OUT/canary.sarif" "$OUT/canary.txt"
grep -o ': error GH[0-9]*' "$OUT/canary.txt" | sort -u
exit $status
