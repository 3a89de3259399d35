#!/bin/sh
# autogen.sh -- generate configure and the Makefile.in files from a git checkout.
# Needs autoconf and automake (Debian packages 'autoconf' and 'automake');
# pkg-config is looked for by configure, not here.  Then: ./configure && make.
set -e
cd "$(dirname "$0")"
for prog in autoreconf aclocal automake; do
    if ! command -v "$prog" >/dev/null 2>&1; then
        echo "autogen.sh: $prog not found: install the Debian packages 'autoconf' and 'automake' (apt-get install autoconf automake)" >&2
        exit 1
    fi
done
autoreconf -fi
echo "autogen.sh: done; now run ./configure && make"
