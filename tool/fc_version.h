/* fc_version.h: ffican's version, as configure wrote it into fc_config.h
   (from AC_INIT: the one place the version is written).

   fc_config.h also carries autoconf's PACKAGE_* names, which Valgrind's own
   config.h (read through pub_tool_basics.h) defines for Valgrind itself;
   they are dropped here so the two never collide.  Include this header
   before any Valgrind header.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_VERSION_H
#define FC_VERSION_H

#include "fc_config.h"

#undef PACKAGE_BUGREPORT
#undef PACKAGE_NAME
#undef PACKAGE_STRING
#undef PACKAGE_TARNAME
#undef PACKAGE_URL
#undef PACKAGE_VERSION

#endif
