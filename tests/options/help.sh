# Run by run-tests (see options/help.vgtest); cwd is OUT.
set -u
"$LAUNCHER" --help >help.out 2>help.err
echo "exit status $?"
# The tool's own section, from its header to the next blank line.
sed -n '/user options for ffican:/,/^$/p' help.out >tool-section.out
if [ -s tool-section.out ]; then
    echo "has a section: user options for ffican"
fi
for opt in --freelist-vol --check-layout --warn-hidden-rust --alignment \
           --malloc-fill --track-origins; do
    if grep -q -- "^ *$opt=" tool-section.out; then
        echo "lists $opt"
    else
        echo "does not list $opt"
    fi
done
