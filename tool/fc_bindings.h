/* fc_bindings.h: the suppression files of the bindings a program links
   (see fc_bindings.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_BINDINGS_H
#define FC_BINDINGS_H

/* Checks --bindings=LIST (each name has a file); exits on a bad one. */
void fc_bindings_post_clo_init(void);

/* Chooses the files and appends them to the core's suppression list.
   Called at the first new_mem_startup, before the core reads that list;
   later calls do nothing. */
void fc_bindings_at_startup(void);

#endif
