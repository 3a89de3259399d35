/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bd_c.c: the C side of bdfake_sys, and a C-only program (main with
   -DBD_C_MAIN) that needs libz: a C program is not a Rust binding's user. */
#include <stdio.h>
#include <stdlib.h>

void bd_release(void *p)
{
	free(p);
}

#ifdef BD_C_MAIN
#include <zlib.h>
int main(void)
{
	printf("zlib %s\n", zlibVersion());
	return 0;
}
#endif
