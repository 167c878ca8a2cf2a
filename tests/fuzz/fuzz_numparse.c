/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Fuzz target: numbers and durations (src/base/numparse.c).  The input, as
   a string, goes through each parser; a value accepted must be finite
   (and a duration not negative), a whole number must read back the same
   through strtol.  */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "fuzz.h"
#include "base/numparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *s = fuzz_string (data, size);
  double v = 0.0, h = 0.0;
  long n = 0;

  if (numparse_double (s, &v) == NUMPARSE_OK && !isfinite (v))
    abort ();
  if (numparse_long (s, &n) == NUMPARSE_OK)
    {
      char *end;

      errno = 0;
      if (strtol (s, &end, 10) != n || errno != 0)
        abort ();
    }
  if (numparse_duration (s, &h) == NUMPARSE_OK && !(isfinite (h) && h >= 0))
    abort ();
  (void) numparse_strerror (NUMPARSE_RANGE);
  free (s);
  return 0;
}
