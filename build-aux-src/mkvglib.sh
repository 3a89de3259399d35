#!/bin/sh
# mkvglib.sh -- make a private Valgrind runtime folder (a VALGRIND_LIB) for ffican.
#
# Usage: mkvglib.sh link|copy SYSDIR DEST TOOL PRELOAD
#
# DEST gets a symbolic link to every entry of SYSDIR (the folder where the
# system valgrind keeps its tools, default.supp, vgpreload_core, ...), except
# any ffican tool or preload installed there, plus ffican's own TOOL and
# PRELOAD: as links to the built files (`link`, used for the in-place
# vg-inplace/ folder) or as copies (`copy`, used by `make install` in private
# mode).  Links that no longer resolve (Valgrind upgraded) are removed.
# Running it again refreshes DEST; nothing outside DEST is touched.
# Paths in the links are absolute, so DEST can be used from anywhere.
set -eu

die() { echo "mkvglib.sh: $*" >&2; exit 1; }

[ $# -eq 5 ] || die "usage: mkvglib.sh link|copy SYSDIR DEST TOOL PRELOAD"
mode=$1 sysdir=$2 dest=$3 tool=$4 preload=$5
case $mode in link|copy) ;; *) die "mode must be link or copy, not '$mode'" ;; esac
[ -f "$sysdir/default.supp" ] ||
    die "$sysdir is not a Valgrind runtime folder (no default.supp)"
[ -f "$tool" ] || die "the tool $tool has not been built"
[ -f "$preload" ] || die "the preload $preload has not been built"

abspath() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
sysdir=$(cd "$sysdir" && pwd)
tool=$(abspath "$tool")
preload=$(abspath "$preload")
toolname=$(basename "$tool")
preloadname=$(basename "$preload")

mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
[ "$dest" != "$sysdir" ] || die "refusing to write into the system folder $sysdir"

for f in "$sysdir"/* "$sysdir"/.[!.]*; do
    [ -e "$f" ] || [ -L "$f" ] || continue
    name=$(basename "$f")
    case $name in ffican-*|vgpreload_ffican-*) continue ;; esac
    ln -sfn "$f" "$dest/$name"
done

# Drop links left dangling by a Valgrind upgrade.
for f in "$dest"/* "$dest"/.[!.]*; do
    if [ -L "$f" ] && [ ! -e "$f" ]; then rm -f "$f"; fi
done

rm -f "$dest/$toolname" "$dest/$preloadname"
if [ "$mode" = link ]; then
    ln -s "$tool" "$dest/$toolname"
    ln -s "$preload" "$dest/$preloadname"
else
    cp "$tool" "$dest/$toolname"
    cp "$preload" "$dest/$preloadname"
    chmod 755 "$dest/$toolname" "$dest/$preloadname"
fi
