# Run by run-tests (see tree/user_cflags.vgtest); cwd is OUT.
set -u
tool="$TOP_BUILD/tool"
make -s -n -B -C "$tool" ffican_amd64_linux-fc_util.o \
    CFLAGS="-O1 -g3 -fstack-protector-strong -fPIE" \
    CPPFLAGS="-D_FORTIFY_SOURCE=2 -DFC_USER_FLAG" >cmd.out 2>&1
line=$(grep 'fc_util' cmd.out | grep -- '-c' | head -n 1)
for flag in -O1 -g3 -DFC_USER_FLAG -fstack-protector-strong -fPIE -D_FORTIFY_SOURCE=2 -fno-stack-protector; do
    case " $line " in
        *" $flag "*) echo "$flag: passed to the compiler" ;;
        *) echo "$flag: left out" ;;
    esac
done
