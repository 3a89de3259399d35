# Run by run-tests (see options/bogus_option.vgtest); cwd is OUT.
set -u
"$LAUNCHER" --ffican-bogus=1 "$BUILD/basic/c_only_clean" >bogus.out 2>bogus.err
rc=$?
if [ $rc -ne 0 ]; then echo "exit status non-zero"; else echo "exit status 0"; fi
if [ -s bogus.out ]; then echo "the program ran"; else echo "the program did not run"; fi
if grep -q -- '--ffican-bogus=1' bogus.err; then
    echo "the message names the option"
else
    echo "the message does not name the option"
fi
