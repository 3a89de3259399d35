/* fc_rustsym_host.c: common/fc_rustsym.c compiled for the host programs
 * (ffican-scan and its unit test), from this folder, so that the shared
 * implementation stays one file.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include "../common/fc_rustsym.c"
#include "../common/fc_bindtab.c"
