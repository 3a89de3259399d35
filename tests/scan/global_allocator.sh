# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see global_allocator.vgtest); cwd is OUT.
. "$TESTS/scan/scan_env.sh"
facts -- "$BUILD/scan/sc_galloc"
"$SCAN" "$BUILD/scan/sc_galloc" > report.txt
echo "exit status: $?"
echo "the problem names the allocator's GlobalAlloc::alloc: $(grep -c "problem: .* calls .*ScCounting.*GlobalAlloc.*alloc" report.txt)"
