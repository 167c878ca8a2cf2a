/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The output unit tests' way of seeing what a writer writes: each
   check file that renders tables includes it once.  */
#ifndef CA_TESTS_OUTPUT_FIXTURE_H
#define CA_TESTS_OUTPUT_FIXTURE_H

#include <stdio.h>

#include "view/output.h"
#include "unit.h"

/* Return what out_write writes for T in FORMAT and LAYOUT, checking that
   it succeeds.  The caller frees the result.  */
static inline char *
render (enum out_format format, enum out_layout layout,
        const struct out_table *t)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);

  ck_assert_ptr_nonnull (fp);
  ck_assert_int_eq (out_write (fp, format, layout, t), 0);
  ck_assert_int_eq (fclose (fp), 0);
  return buf;
}

#endif /* CA_TESTS_OUTPUT_FIXTURE_H */
