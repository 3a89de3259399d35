/* ffican.h: client requests for programs that run under ffican.

   Include this header in C code that wants to talk to ffican.  Every
   request is a no-op costing a few instructions when the program does not
   run under Valgrind, like those of valgrind.h.

   Request numbers: ffican owns the tool range VG_USERREQ_TOOL_BASE('F','C').
   Numbers 0x00..0xff of it are internal (ffican's own preload library
   uses them to report Rust allocator calls and sized deletes); public
   requests, added with the boundary work, start at 0x100 and keep their
   numbers once released.

   This header is licensed differently from the rest of ffican (GPL-2.0-
   or-later), so that any program may include it:

   Copyright (C) 2026 the ffican authors.
   SPDX-License-Identifier: MIT

   Permission is hereby granted, free of charge, to any person obtaining a
   copy of this file, to deal in it without restriction, including without
   limitation the rights to use, copy, modify, merge, publish, distribute,
   sublicense, and/or sell copies of it, subject to this notice being kept
   in all copies.  THE FILE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
   KIND. */

#ifndef FFICAN_H
#define FFICAN_H

#include "valgrind.h"

#define FFICAN_USERREQ_BASE   VG_USERREQ_TOOL_BASE('F','C')
#define FFICAN_PUBLIC_BASE    (FFICAN_USERREQ_BASE + 0x100)

#endif
