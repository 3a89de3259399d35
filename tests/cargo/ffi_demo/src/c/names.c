/* SPDX-License-Identifier: GPL-2.0-or-later
 * The C part of ffi_demo: two ways to take a name from Rust.
 * names_length only reads it; names_consume "takes ownership" the C way and
 * releases it with free(), which is wrong for a string Rust allocated. */
#include <stdlib.h>
#include <string.h>

size_t names_length(const char *name)
{
    return strlen(name);
}

size_t names_consume(char *name)
{
    size_t n = strlen(name);
    free(name);
    return n;
}
