/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Allocation that cannot fail: out of memory ends the program.  */
#ifndef CA_XALLOC_H
#define CA_XALLOC_H

#include <stddef.h>

/* These report "memory exhausted" and exit with status 1 when the system
   has no memory left; it is the one failure no caller can recover from,
   so it is the one exception to "modules never exit".  */
void *xmalloc (size_t size);
void *xcalloc (size_t count, size_t size);
void *xreallocarray (void *ptr, size_t count, size_t size);
char *xstrdup (const char *s);

/* "DIR/FILE", newly allocated.  */
char *xpath_join (const char *dir, const char *file);

/* Report "memory exhausted" and exit: for the callers of allocating
   functions outside this module (open_memstream).  */
void xalloc_die (void) __attribute__ ((noreturn));

#endif /* CA_XALLOC_H */
