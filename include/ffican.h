/* ffican.h: client requests for programs that run under ffican.

   Include this header in C or C++ code that wants to talk to ffican.
   Every request is a no-op costing a few instructions when the program
   does not run under Valgrind (it then yields the default value given
   below), like those of valgrind.h; under another Valgrind tool it
   yields the default too.  Build with -DNVALGRIND to compile them out.
   The Rust twin of this header is ffican.rs; docs/client-requests.md
   shows both in use.

   Request numbers: ffican owns the tool range VG_USERREQ_TOOL_BASE('F','C').
   Numbers 0x00..0xff of it are internal (ffican's own preload library
   uses them to report Rust allocator calls and sized deletes); public
   requests start at 0x100 (FFICAN_PUBLIC_BASE) and keep their numbers
   once released.

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

/* valgrind.h supplies the client-request mechanism.  It sits next to
   this file in a Valgrind source tree or with -I<includedir>/valgrind;
   an installed Valgrind has it as <valgrind/valgrind.h>. */
#if defined(__has_include)
#  if __has_include("valgrind.h")
#    include "valgrind.h"
#  else
#    include <valgrind/valgrind.h>
#  endif
#else
#  include "valgrind.h"
#endif

#define FFICAN_USERREQ_BASE   VG_USERREQ_TOOL_BASE('F','C')
#define FFICAN_PUBLIC_BASE    (FFICAN_USERREQ_BASE + 0x100)

/* ------------------------------------------------------------------ */
/* Request numbers (arguments -> result under ffican)                  */
/* ------------------------------------------------------------------ */

/* () -> 1 */
#define FFICAN_REQ_RUNNING         (FFICAN_PUBLIC_BASE + 0)
/* (ptr, side name, name length or FFICAN_NUL_TERMINATED) -> 1 when the
   block is now handed to that side, else 0 */
#define FFICAN_REQ_HAND_OVER       (FFICAN_PUBLIC_BASE + 1)
/* (ptr) -> 1 when the block had been handed across, else 0 */
#define FFICAN_REQ_TAKE_BACK       (FFICAN_PUBLIC_BASE + 2)
/* (start, length in bytes) -> 1 when recorded */
#define FFICAN_REQ_DECLARE_BUFFER  (FFICAN_PUBLIC_BASE + 3)
/* (ptr) -> FFICAN_OWNER_* of the live heap block containing ptr */
#define FFICAN_REQ_OWNER           (FFICAN_PUBLIC_BASE + 4)
/* (ptr, buf, buflen) -> length of the owner's side name, 0 if none */
#define FFICAN_REQ_OWNER_NAME      (FFICAN_PUBLIC_BASE + 5)
/* (ptr) -> FFICAN_OWNER_* value of the side the block is handed to */
#define FFICAN_REQ_HANDED_TO       (FFICAN_PUBLIC_BASE + 6)

/* Side name length meaning "read up to the terminating NUL". */
#define FFICAN_NUL_TERMINATED      (~0UL)

/* Results of FFICAN_OWNER and FFICAN_HANDED_TO: a side number plus one.
   0 is "none" (not in a live heap block, not handed across, or not
   running under ffican); 1 would be ffican's "system" side, which never
   owns a block.  Sides declared in a boundary file number from
   FFICAN_OWNER_FIRST_DECLARED on, in the order they were declared. */
#define FFICAN_OWNER_NONE            0
#define FFICAN_OWNER_C               2
#define FFICAN_OWNER_CXX             3
#define FFICAN_OWNER_RUST            4
#define FFICAN_OWNER_FIRST_DECLARED  5

/* ------------------------------------------------------------------ */
/* The requests                                                        */
/* ------------------------------------------------------------------ */

/* Every request's default is 0.  A statement expression (as valgrind.h's
   own requests on amd64), so that a request may be used as a statement
   without "value computed is not used" warnings. */
#define FFICAN_REQUEST_(req, a1, a2, a3)                                 \
   __extension__ ({                                                      \
      int ffican_result_ = (int)VALGRIND_DO_CLIENT_REQUEST_EXPR(         \
         0, (req), (a1), (a2), (a3), 0, 0);                              \
      ffican_result_;                                                    \
   })

/* 1 under ffican, 0 natively and under other Valgrind tools. */
#define FFICAN_RUNNING()                                                 \
   FFICAN_REQUEST_(FFICAN_REQ_RUNNING, 0, 0, 0)

/* The heap block containing ptr is handed to side `side` (a string: "C",
   "C++", "Rust" or a side declared in a boundary file; NULL means the
   other side: C if the block's owner is Rust, Rust otherwise).  Reports
   about the block then show where it was handed over.  Handing a block
   to its own owner, or one already handed elsewhere, changes nothing.
   Returns 1 when the block is now handed to that side, else 0. */
#define FFICAN_HAND_OVER(ptr, side)                                      \
   FFICAN_REQUEST_(FFICAN_REQ_HAND_OVER, (ptr), (side), FFICAN_NUL_TERMINATED)

/* The owner takes the block containing ptr back: it is no longer
   handed across.  Returns 1 if it had been handed across, else 0. */
#define FFICAN_TAKE_BACK(ptr)                                            \
   FFICAN_REQUEST_(FFICAN_REQ_TAKE_BACK, (ptr), 0, 0)

/* The next boundary call this thread makes passes a buffer of len bytes
   at ptr (a heap, stack or static buffer).  A second declaration before
   that call replaces the first; len 0 withdraws it.  Returns 1 when
   recorded. */
#define FFICAN_DECLARE_BUFFER(ptr, len)                                  \
   FFICAN_REQUEST_(FFICAN_REQ_DECLARE_BUFFER, (ptr), (len), 0)

/* Who owns the live heap block containing ptr: FFICAN_OWNER_C,
   FFICAN_OWNER_CXX, FFICAN_OWNER_RUST, a declared side, or
   FFICAN_OWNER_NONE (stack, static, released or foreign memory). */
#define FFICAN_OWNER(ptr)                                                \
   FFICAN_REQUEST_(FFICAN_REQ_OWNER, (ptr), 0, 0)

/* Copies the owner's side name ("Rust", "C", "C++", ...) into buf,
   NUL-terminated and cut to buflen - 1 characters like snprintf.
   Returns the name's full length, 0 (buf untouched) when there is no
   owner. */
#define FFICAN_OWNER_NAME(ptr, buf, buflen)                              \
   FFICAN_REQUEST_(FFICAN_REQ_OWNER_NAME, (ptr), (buf), (buflen))

/* The side the block containing ptr is handed to (FFICAN_OWNER_*
   numbering), FFICAN_OWNER_NONE if it is not handed across. */
#define FFICAN_HANDED_TO(ptr)                                            \
   FFICAN_REQUEST_(FFICAN_REQ_HANDED_TO, (ptr), 0, 0)

#endif
