# Run by run-tests (see supp/gen_suppressions_roundtrip.vgtest) with
# LAUNCHER, BUILD, TESTS, OUT, FILTER and PYTHON set; cwd is OUT.
set -u
for case in "foreign/box_c_free bug" "layout/vec_wrong_capacity bug" \
            "double/c_block_twice bug-libc" "invalid/c_free_interior bug"; do
    set -- $case
    prog=$1 mode=$2
    tag=$(echo "$prog.$mode" | tr / _)
    "$LAUNCHER" --num-callers=40 --gen-suppressions=all "$BUILD/$prog" "$mode" \
        >/dev/null 2>"$tag.gen.err"
    printf '%s %s: ' "$prog" "$mode"
    # Generated blocks: from a line "{" to a line "}" (prefix ==PID== or not).
    "$PYTHON" - "$tag.gen.err" "$tag.supp" <<'PY'
import re, sys
text = open(sys.argv[1]).read().splitlines()
lines = [re.sub(r'^==\d+== ?', '', l) for l in text]
blocks, cur = [], None
for l in lines:
    if l.strip() == '{':
        cur = [l]
    elif cur is not None:
        cur.append(l)
        if l.strip() == '}':
            blocks.append(cur)
            cur = None
with open(sys.argv[2], 'w') as f:
    for b in blocks:
        f.write('\n'.join(b) + '\n')
kinds = [b[2].strip() for b in blocks if len(b) > 2]
print('%d suppression(s): %s' % (len(blocks), ' '.join(kinds)))
PY
    "$LAUNCHER" --num-callers=40 "--suppressions=$OUT/$tag.supp" \
        "$BUILD/$prog" "$mode" >/dev/null 2>"$tag.rerun.err"
    echo "  first run:  $("$PYTHON" "$FILTER" <"$tag.gen.err" | grep 'ERROR SUMMARY')"
    echo "  second run: $("$PYTHON" "$FILTER" <"$tag.rerun.err" | grep 'ERROR SUMMARY')"
done
exit 0
