/* fc_translate.c: placeholder until crossing instrumentation lands.
   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */
#include "pub_tool_basics.h"
