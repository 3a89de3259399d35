/* C main calling #[no_mangle] Rust functions: ffican must see the calls as
   crossings C -> Rust and the returned string as a Rust block handed to C
   (shown with --trace-crossings). Correct program: no report. */
#include <stdio.h>

char *rs_make_name(int n);
void rs_free_name(char *p);

int main(void)
{
    char *s = rs_make_name(7);
    printf("%s\n", s);
    rs_free_name(s);
    return 0;
}
