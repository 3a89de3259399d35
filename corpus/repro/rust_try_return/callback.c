/* SPDX-License-Identifier: GPL-2.0-or-later
 * Copyright (C) 2026, the ffican authors.
 * The C side of rust_try_return: calls a Rust callback and uses its result. */
int c_call_back(int (*cb)(int), int arg)
{
    int r = cb(arg);
    return r < 0 ? -1 : r;
}
