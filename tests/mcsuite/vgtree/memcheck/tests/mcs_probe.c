/* mcs_probe.c -- a small program in the layout of Valgrind's
   memcheck/tests/, on which tests/mcsuite checks the comparison of
   memcheck-suite/run-memcheck-suite.  Each line below is one outcome the
   comparison must classify:
     - an overflow write, a double free and a leak both tools report
       (found: OverflowWrite, DoubleFree, Leak_DefinitelyLost);
     - an overlapping strcpy, which Memcheck reports and ffican has no
       kind for (missed);
     - an overflow write inside a range the program asked Valgrind not to
       report (VALGRIND_DISABLE_ADDR_ERROR_REPORTING_IN_RANGE): Memcheck
       honours the request, ffican does not (extra);
     - a line naming the tool's preload object found in /proc/self/maps,
       which differs between the tools (program output differs).
   With the argument "clean" (mcs_probe_clean.vgtest) only the first three
   happen: every expected error is found, nothing else differs.
   GPL-2.0-or-later. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../memcheck.h"

static void *keep;

static void print_preload(void)
{
   char line[512];
   FILE *maps = fopen("/proc/self/maps", "r");
   const char *tool = "none";
   while (maps && fgets(line, sizeof line, maps)) {
      if (strstr(line, "vgpreload_memcheck")) tool = "memcheck";
      if (strstr(line, "vgpreload_ffican")) tool = "ffican";
   }
   if (maps) fclose(maps);
   printf("preload: %s\n", tool);
}

int main(int argc, char **argv)
{
   int clean = argc > 1 && strcmp(argv[1], "clean") == 0;
   char *block = malloc(16);
   char *quiet;
   char buf[32] = "abcdefghijklmnopqrstuvwxyz";

   block[16] = 1;                           /* found: overflow write */
   free(block);
   free(block);                             /* found: double free */
   malloc(24);                              /* found: leak */
   if (clean)
      return 0;
   strcpy(buf, buf + 2);                    /* missed: overlap */
   quiet = malloc(16);
   VALGRIND_DISABLE_ADDR_ERROR_REPORTING_IN_RANGE(quiet + 16, 8);
   quiet[17] = 2;                           /* extra: reported by ffican only */
   keep = quiet;
   print_preload();                         /* output differs */
   return 0;
}
