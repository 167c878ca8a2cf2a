/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Fuzz target: the speed-up file reader (speedup_table_read, through
   csvio).  The input is the file; a refusal must say why.  */
#include <config.h>

#include <stdio.h>

#include "base/diag.h"
#include "fuzz.h"
#include "model/scaling.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char path[4200];
  struct diag d = { 0, "" };
  struct speedup_table *t;

  snprintf (path, sizeof path, "%s/speedup.csv", fuzz_dir ());
  fuzz_write (path, data, size);
  t = speedup_table_read (path, &d);
  if (t == NULL)
    fuzz_check_diag (&d);
  speedup_table_free (t);
  return 0;
}
