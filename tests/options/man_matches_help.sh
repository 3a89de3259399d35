# Run by run-tests (see options/man_matches_help.vgtest); cwd is OUT.
set -u
man="$TOP_BUILD/man/ffican.1"
if [ ! -f "$man" ]; then echo "no man page at man/ffican.1 (make builds it)"; exit 0; fi
{ "$LAUNCHER" --help; "$LAUNCHER" --help-debug; } 2>/dev/null |
    sed -n '/options for ffican:/,/^$/p' |
    sed -n 's/^    \(--[a-z-]*\)=.*/\1/p' | sort -u >help.names
sed -n 's/^\.B \(\\-\\-[a-z\\-]*\)=.*/\1/p' "$man" | sed 's/\\-/-/g' | sort -u >man.names
echo "--help lists $(wc -l <help.names) options, the man page $(wc -l <man.names)"
if diff help.names man.names >diff.out; then
    echo "the same options"
else
    echo "they differ:"; cat diff.out
fi
grep -q "^\.SH EXIT STATUS" "$man" && echo "has EXIT STATUS"
grep -q "^\.B ForeignFree" "$man" && echo "has the error kinds"
