/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Fuzz target: the CSV reader and the table loader (csvio_read and
   catalogue_load).  The first byte of the input picks one table of the
   small fixture catalogue tests/cli/fixtures/tiny (FUZZ_TINY_DIR); the
   rest of the input replaces it, and the catalogue is loaded from a
   temporary directory whose other tables link to the fixture's.  A
   refusal must say why.  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "data/catalogue.h"
#include "base/diag.h"
#include "fuzz.h"
#include "base/system.h"

/* In the order of tests/fuzz/seeds.sh, which gives each seed its
   selector byte.  */
static const char *const tables[] = { "ccf_instances.csv",
                                      "ccf_regions.csv",
                                      "embodied_alternatives.csv",
                                      "gpus.csv",
                                      "grid_alternatives.csv",
                                      "groups.csv",
                                      "instances.csv",
                                      "power_error.csv",
                                      "prices.csv",
                                      "pue_alternatives.csv",
                                      "regions.csv",
                                      "sources.csv",
                                      "unsupported.csv" };

static void
link_table (const char *dir, size_t i)
{
  char from[4200], to[4200];

  snprintf (from, sizeof from, "%s/%s", FUZZ_TINY_DIR, tables[i]);
  snprintf (to, sizeof to, "%s/%s", dir, tables[i]);
  unlink (to);
  if (symlink (from, to) != 0)
    {
      perror (to);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static bool linked;
  const char *dir = fuzz_dir ();
  char path[4200];
  struct diag d = { 0, "" };
  struct catalogue *cat;
  size_t i, k;

  if (size == 0)
    return 0;
  if (!linked)
    {
      for (i = 0; i < ARRAY_SIZE (tables); i++)
        link_table (dir, i);
      linked = true;
    }
  k = data[0] % ARRAY_SIZE (tables);
  snprintf (path, sizeof path, "%s/%s", dir, tables[k]);
  fuzz_write (path, data + 1, size - 1);
  cat = catalogue_load (dir, &d);
  if (cat == NULL)
    fuzz_check_diag (&d);
  catalogue_free (cat);
  link_table (dir, k);
  return 0;
}
