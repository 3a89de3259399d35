# Run by run-tests (see boundary/help.vgtest); cwd is OUT.
set -u
"$LAUNCHER" --help >help.out 2>help.err
echo "exit status $?"
sed -n '/user options for ffican:/,/^$/p' help.out >tool-section.out
for opt in --boundary --side-object --side-function; do
    if grep -q -- "^ *$opt=" tool-section.out; then
        echo "lists $opt"
    else
        echo "does not list $opt"
    fi
done
