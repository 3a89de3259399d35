# SPDX-License-Identifier: GPL-2.0-or-later
# Run by run-tests (see cargo/nextest.vgtest); cwd is OUT.
set -u
. "$TESTS/cargo/crate.sh"
ffican_cargo nextest nextest run --test handing_over
show nextest | grep -E '^ffican: ForeignFree|exit status'
