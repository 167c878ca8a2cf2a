/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Grid zones and on-premises site defaults.  */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvio.h"
#include "base/numparse.h"
#include "data/tables.h"
#include "base/xalloc.h"
#include "data/zones.h"

struct tables
{
  struct csv_table *zones;
  struct csv_table *site;
};

/* Field COL of R's row as a number >= MIN into *OUT.  */
static int
number (const struct table_reader *r, size_t col, double min, double *out)
{
  const char *s = table_text (r, col);

  if (numparse_double (s, out) != NUMPARSE_OK || *out < min)
    return table_error (r, col, "'%s' is not a number of at least %g", s, min);
  return 0;
}

/* Column COL of R's row: a source id that sources.csv has (blank
   included: the zones' figures all have one).  */
static int
known_source (const struct table_reader *r, size_t col,
              const struct catalogue *cat)
{
  const char *s = table_text (r, col);

  if (catalogue_find_source (cat, s) == NULL)
    return table_error (r, col, "source '%s' is not in %s", s,
                        CATALOGUE_SOURCES);
  return 0;
}

/* A zones table being loaded: the catalogue that has the sources.  */
struct zones_load
{
  struct zones *z;
  const struct catalogue *cat;
};

enum
{
  ZN_ZONE,
  ZN_NAME,
  ZN_COUNTRY,
  ZN_ISO3,
  ZN_GRID,
  ZN_SOURCE,
  ZN_YEAR
};

static int
zone_row (const struct table_reader *r, void *row, void *ctx)
{
  const struct zones_load *load = ctx;
  struct zone *e = row;
  double year;

  e->line = r->line;
  if (number (r, ZN_GRID, 0, &e->grid.gco2e_per_kwh) < 0
      || number (r, ZN_YEAR, 1900, &year) < 0
      || known_source (r, ZN_SOURCE, load->cat) < 0)
    return -1;
  e->grid.year = (long) year;
  if (r->row > 0 && strcmp (e[-1].zone, e->zone) >= 0)
    return table_error (r, ZN_ZONE, "'%s' is out of order", e->zone);
  return 0;
}

#define ZONE(field) offsetof (struct zone, field)

static const struct table_column zone_columns[] = {
  [ZN_ZONE] = TEXT ("zone", TABLE_BLANK_OK, ZONE (zone)),
  [ZN_NAME] = TEXT ("zone_name", TABLE_BLANK_OK, ZONE (name)),
  [ZN_COUNTRY] = TEXT ("country", TABLE_BLANK_OK, ZONE (country)),
  [ZN_ISO3] = TEXT ("iso3", TABLE_BLANK_OK, ZONE (iso3)),
  [ZN_GRID]
  = COLUMN ("grid_gco2e_per_kwh", TABLE_CHECKED, 0, RANGE_GRID, TABLE_NOWHERE),
  [ZN_SOURCE] = TEXT ("grid_source", TABLE_BLANK_OK, ZONE (grid.source)),
  [ZN_YEAR]
  = COLUMN ("grid_year", TABLE_CHECKED, 0, RANGE_YEARS, TABLE_NOWHERE),
};

const struct table_spec zones_spec = {
  .file = ZONES_TABLE,
  TABLE_COLUMNS (zone_columns),
  .missing = "no",
  .row_size = sizeof (struct zone),
  .row = zone_row,
};

enum
{
  SD_FIGURE,
  SD_VALUE,
  SD_SOURCE,
  SD_YEAR
};

/* The table's one figure is the PUE.  */
static int
site_row (const struct table_reader *r, void *row, void *ctx)
{
  const struct zones_load *load = ctx;
  struct zones *z = load->z;
  double year;

  (void) row;
  if (!STREQ (r->values[SD_FIGURE].text, "pue"))
    return 0;
  if (number (r, SD_VALUE, 1, &z->pue) < 0
      || number (r, SD_YEAR, 1900, &year) < 0
      || known_source (r, SD_SOURCE, load->cat) < 0)
    return -1;
  z->pue_source = r->values[SD_SOURCE].text;
  z->pue_year = (long) year;
  return 0;
}

static const struct table_column site_columns[] = {
  [SD_FIGURE] = TEXT ("figure", TABLE_BLANK_OK, TABLE_NOWHERE),
  [SD_VALUE] = COLUMN ("value", TABLE_CHECKED, 0, RANGE_PUE, TABLE_NOWHERE),
  [SD_SOURCE] = TEXT ("source", TABLE_BLANK_OK, TABLE_NOWHERE),
  [SD_YEAR] = COLUMN ("year", TABLE_CHECKED, 0, RANGE_YEARS, TABLE_NOWHERE),
};

const struct table_spec site_defaults_spec = {
  .file = ZONES_SITE_DEFAULTS,
  TABLE_COLUMNS (site_columns),
  .missing = "no",
  .key_what = "figure",
  .keys = { "figure", NULL },
  .row = site_row,
};

/* Read DIR/NAME.  */
static struct csv_table *
read_table (const char *dir, const char *name, struct diag *d)
{
  char *path = xpath_join (dir, name);
  struct csv_table *t = csvio_read (path, d);

  free (path);
  return t;
}

struct zones *
zones_load (const char *dir, const struct catalogue *cat, struct diag *d)
{
  struct zones *z = xcalloc (1, sizeof *z);
  struct tables *tb = xcalloc (1, sizeof *tb);
  struct zones_load load = { z, cat };

  z->private_data = tb;
  z->pue = NAN;
  tb->zones = read_table (dir, ZONES_TABLE, d);
  if (tb->zones == NULL
      || table_load (&zones_spec, tb->zones, &load, (void **) &z->zones,
                     &z->nzones, d)
           < 0
      || table_check_ranges (&zones_spec, tb->zones, d) < 0)
    goto fail;
  tb->site = read_table (dir, ZONES_SITE_DEFAULTS, d);
  if (tb->site == NULL
      || table_load (&site_defaults_spec, tb->site, &load, NULL, NULL, d) < 0)
    goto fail;
  if (isnan (z->pue))
    {
      diag_set (d, CA_EXIT_DATAERR, "%s: no 'pue' row", tb->site->path);
      goto fail;
    }
  if (table_check_ranges (&site_defaults_spec, tb->site, d) < 0)
    goto fail;
  return z;
fail:
  zones_free (z);
  return NULL;
}

void
zones_free (struct zones *z)
{
  struct tables *tb;

  if (z == NULL)
    return;
  tb = z->private_data;
  csvio_free (tb->zones);
  csvio_free (tb->site);
  free (tb);
  free (z->zones);
  free (z);
}

static int
compare_zone (const void *key, const void *elt)
{
  return strcmp (key, ((const struct zone *) elt)->zone);
}

const struct zone *
zones_find (const struct zones *z, const char *name)
{
  const struct zone *e
    = bsearch (name, z->zones, z->nzones, sizeof *e, compare_zone);
  size_t i;

  if (e != NULL || strlen (name) != 3)
    return e;
  for (i = 0; i < z->nzones; i++)
    if (STREQ (z->zones[i].iso3, name))
      return &z->zones[i];
  return NULL;
}

const char *const zones_hashed_tables[] = {
  CATALOGUE_INSTANCES, CATALOGUE_REGIONS, CATALOGUE_PRICES,    CATALOGUE_GPUS,
  CATALOGUE_SOURCES,   ZONES_TABLE,       ZONES_SITE_DEFAULTS, NULL,
};

int
zones_tables_hash (const char *dir, char out[17], struct diag *d)
{
  uint64_t h = 14695981039346656037ULL;
  const char *const *name;
  char buf[65536];

  for (name = zones_hashed_tables; *name != NULL; name++)
    {
      char *path = xpath_join (dir, *name);
      FILE *fp = fopen (path, "rb");
      size_t got, i, total;

      if (fp == NULL)
        {
          diag_set (d, CA_EXIT_NOINPUT, "%s: %s", path, strerror (errno));
          free (path);
          return -1;
        }
      /* FNV-1a over 8-byte words (a byte at a time for the tail): the
         price table is 8 MB, and a hash a byte at a time showed in the
         benchmark.  */
      total = 0;
      while ((got = fread (buf, 1, sizeof buf, fp)) > 0)
        {
          /* As csvio_read: a table that never ends is refused.  */
          if ((total += got) > CSVIO_MAX_BYTES)
            {
              diag_set (d, CA_EXIT_DATAERR,
                        "%s: larger than %zu bytes, "
                        "the most a CSV file may hold",
                        path, CSVIO_MAX_BYTES);
              fclose (fp);
              free (path);
              return -1;
            }
          for (i = 0; i + 8 <= got; i += 8)
            {
              uint64_t w = 0;
              int k;

              /* Little-endian whatever the machine's order, so that
                 partials made anywhere compare.  */
              for (k = 7; k >= 0; k--)
                w = (w << 8) | (unsigned char) buf[i + (size_t) k];
              h = (h ^ w) * 1099511628211ULL;
            }
          for (; i < got; i++)
            h = (h ^ (unsigned char) buf[i]) * 1099511628211ULL;
        }
      fclose (fp);
      free (path);
    }
  snprintf (out, 17, "%016" PRIx64, h);
  return 0;
}
