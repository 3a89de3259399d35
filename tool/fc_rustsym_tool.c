/* fc_rustsym_tool.c: common/fc_rustsym.c and fc_bindtab.c compiled into
   the tool.

   The Rust symbol rules (mangling schemes, allocator shims, the crate of a
   symbol, a shim's jump) are one freestanding file shared with ffican-scan;
   this wrapper builds it here with the tool's flags, as
   scan/fc_rustsym_host.c does for the host programs.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */
#include "../common/fc_rustsym.c"
#include "../common/fc_bindtab.c"
