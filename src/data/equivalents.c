/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The everyday equivalents table, loaded by its spec.  */
#include <config.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvio.h"
#include "data/equivalents.h"
#include "data/tables.h"
#include "base/xalloc.h"

enum
{
  EQ_NAME,
  EQ_PHRASE,
  EQ_GRAMS,
  EQ_SOURCE,
  EQ_YEAR
};

/* Every figure needs a source sources.csv describes.  */
static int
equivalent_row (const struct table_reader *r, void *row, void *ctx)
{
  const struct catalogue *cat = ctx;
  const struct equivalent *e = row;

  if (catalogue_find_source (cat, e->source) == NULL)
    return table_error (r, EQ_SOURCE, "source '%s' is not in %s", e->source,
                        CATALOGUE_SOURCES);
  return 0;
}

#define EQ(field) offsetof (struct equivalent, field)

/* From 1 g (a km of a very light car) to 1,000 t.  */
#define RANGE_GRAMS                                                           \
  {                                                                           \
    1.0, 1e9, "gCO2e"                                                         \
  }

static const struct table_column equivalent_columns[] = {
  [EQ_NAME] = TEXT ("equivalent", 0, EQ (name)),
  [EQ_PHRASE] = TEXT ("phrase", 0, EQ (phrase)),
  [EQ_GRAMS] = COLUMN ("gco2e_per_unit", TABLE_NUMBER, 0, RANGE_GRAMS,
                       EQ (gco2e_per_unit)),
  [EQ_SOURCE] = TEXT ("source", 0, EQ (source)),
  [EQ_YEAR] = COLUMN ("year", TABLE_YEAR, 0, RANGE_YEARS, EQ (year)),
};

const struct table_spec equivalents_spec = {
  .file = EQUIVALENTS_TABLE,
  TABLE_COLUMNS (equivalent_columns),
  .missing = "no",
  .key_what = "equivalent",
  .keys = { "equivalent", NULL },
  .row_size = sizeof (struct equivalent),
  .row = equivalent_row,
};

struct equivalents *
equivalents_load (const char *dir, const struct catalogue *cat, struct diag *d)
{
  struct equivalents *e = xcalloc (1, sizeof *e);
  char *path = xpath_join (dir, EQUIVALENTS_TABLE);
  struct csv_table *t = csvio_read (path, d);

  free (path);
  e->private_data = t;
  if (t == NULL
      || table_load (&equivalents_spec, t, (void *) cat, (void **) &e->rows,
                     &e->n, d)
           < 0
      || table_check_ranges (&equivalents_spec, t, d) < 0)
    {
      equivalents_free (e);
      return NULL;
    }
  return e;
}

void
equivalents_free (struct equivalents *e)
{
  if (e == NULL)
    return;
  csvio_free (e->private_data);
  free (e->rows);
  free (e);
}
