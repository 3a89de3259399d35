# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see bad_inputs.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
good=$BUILD/scan/sc_ffi
echo "just text" > text.txt
: > empty
head -c 3000 "$good" > truncated
cp "$good" elf32 && printf "\\001" | dd of=elf32 bs=1 seek=4 conv=notrunc 2>/dev/null
cp "$good" aarch64 && printf "\\267\\000" | dd of=aarch64 bs=1 seek=18 conv=notrunc 2>/dev/null
mkdir -p dir
rm -f fifo && mkfifo fifo
echo "int x;" > x.c && cc -c x.c -o x.o && ar rcs libx.a x.o
for f in text.txt empty truncated elf32 aarch64 dir missing fifo libx.a x.o; do
    "$SCAN" "$f" > out.txt 2> err.txt
    echo "$f: exit $?, stdout $(wc -c < out.txt) bytes, stderr: $(cat err.txt)"
done
"$SCAN" text.txt "$good" > out.txt 2> err.txt
echo "bad+good: exit $?, good one reported: $(grep -c "^== .*sc_ffi$" out.txt)"
"$SCAN" --json text.txt > out.json 2>/dev/null
echo "json of a bad file: exit $?"
"$PYTHON" -c "import json,sys; d=json.load(open(\"out.json\")); print(\"errors:\", [(e[\"path\"], e[\"message\"]) for e in d[\"errors\"]], \"exit_status:\", d[\"exit_status\"])"
"$SCAN" > /dev/null 2>&1; echo "no file: exit $?"
"$SCAN" --bogus "$good" > /dev/null 2>&1; echo "unknown option: exit $?"
"$SCAN" --max-list=x "$good" 2>&1 >/dev/null; echo "bad --max-list: exit $?"
"$SCAN" --json --boundary "$good" 2>&1 >/dev/null; echo "--json with --boundary: exit $?"
exit 0
