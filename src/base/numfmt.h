/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Numbers as text without printf, for writers of many rows: the same
   bytes as "%lld" and as "%.12g" under the C locale (-0 as 0), at a
   tenth of the cost.  Base layer.  */
#ifndef CA_NUMFMT_H
#define CA_NUMFMT_H

#include <stddef.h>

/* Large enough for any double as numfmt_g12 writes it (at most "-",
   twelve digits, a point, "e-308") and any long long.  */
enum
{
  NUMFMT_SIZE = 32
};

/* Write V in decimal into BUF (of NUMFMT_SIZE bytes or more), as "%lld"
   does, NUL-terminated; return its length.  */
size_t numfmt_int (char *buf, long long v);

/* Write VALUE into BUF (of NUMFMT_SIZE bytes or more) as "%.12g" does
   under the C locale, but "-0", "-0.0" and the like as "0"; NaN and
   infinities as printf writes them.  Return the length.  Values from
   1e-4 to below 1e12 (what result tables hold) take a fast path that
   rounds exactly as printf does; the rest go to snprintf.  */
size_t numfmt_g12 (char *buf, double value);

#endif /* CA_NUMFMT_H */
