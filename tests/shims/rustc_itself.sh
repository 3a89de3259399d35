# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see rustc_itself.vgtest); cwd is OUT.
sysroot=$(rustc --print sysroot) || exit 1
"$LAUNCHER" "$sysroot/bin/rustc" --version > stdout.txt 2> stderr.txt
echo "exit status: $?"
echo "rustc ran: $(grep -c '^rustc [0-9]' stdout.txt)"
# the warnings, with the toolchain's path and the library's hash taken out
grep 'Warning: Rust object' stderr.txt | sed -E \
    -e 's/^==[0-9]+== //' -e "s|$sysroot|SYSROOT|g" \
    -e 's/librustc_driver-[0-9a-f]+\.so/librustc_driver-HASH.so/'
echo "errors: $(grep -c 'ERROR SUMMARY: 0 errors' stderr.txt) clean summary"
