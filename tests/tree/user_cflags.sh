# Run by run-tests (see tree/user_cflags.vgtest); cwd is OUT.
set -u
tool="$TOP_BUILD/tool"
# -W (fc_util.c counts as changed), not -B: -B makes Makefile out of date
# too, and make -n still runs automake's $(MAKE) am--refresh, i.e. reruns
# configure in the build tree with these flags (failing in a VPATH build).
make -s -n -W fc_util.c -C "$tool" ffican_amd64_linux-fc_util.o \
    CFLAGS="-O1 -g3 -fstack-protector-strong -fPIE" \
    CPPFLAGS="-D_FORTIFY_SOURCE=2 -DFC_USER_FLAG" >cmd.out 2>&1
line=$(grep 'fc_util' cmd.out | grep -- '-c' | head -n 1)
for flag in -O1 -g3 -DFC_USER_FLAG -fstack-protector-strong -fPIE -D_FORTIFY_SOURCE=2 -fno-stack-protector; do
    case " $line " in
        *" $flag "*) echo "$flag: passed to the compiler" ;;
        *) echo "$flag: left out" ;;
    esac
done
