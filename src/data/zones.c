/* Grid zones and on-premises site defaults.  */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvio.h"
#include "base/numparse.h"
#include "data/tablecheck.h"
#include "base/xalloc.h"
#include "data/zones.h"

struct tables
{
  struct csv_table *zones;
  struct csv_table *site;
};

/* The column NAME of T, or -1 with D set.  */
static long
need_column (const struct csv_table *t, const char *name, struct diag *d)
{
  long c = csvio_column (t, name);

  if (c < 0)
    diag_set (d, CA_EXIT_DATAERR, "%s:1: no column '%s'", t->path, name);
  return c;
}

/* Field COL of ROW of T as a number >= MIN into *OUT.  */
static int
number (const struct csv_table *t, size_t row, long col, double min,
        double *out, struct diag *d)
{
  const char *s = csvio_field (t, row, (size_t) col);

  if (numparse_double (s, out) != NUMPARSE_OK || *out < min)
    return diag_set (d, CA_EXIT_DATAERR, "%s:%zu: column '%s': '%s' is not "
                     "a number of at least %g", t->path, csvio_line (row),
                     t->header[col], s, min);
  return 0;
}

/* A source id that sources.csv has, else -1 with D set.  */
static int
known_source (const struct csv_table *t, size_t row, long col,
              const struct catalogue *cat, struct diag *d)
{
  const char *s = csvio_field (t, row, (size_t) col);

  if (catalogue_find_source (cat, s) == NULL)
    return diag_set (d, CA_EXIT_DATAERR, "%s:%zu: column '%s': source '%s' "
                     "is not in %s", t->path, csvio_line (row),
                     t->header[col], s, CATALOGUE_SOURCES);
  return 0;
}

static int
load_zones (struct zones *z, const struct csv_table *t,
            const struct catalogue *cat, struct diag *d)
{
  long c[7];
  const char *names[7] = { "zone", "zone_name", "country", "iso3",
                           "grid_gco2e_per_kwh", "grid_source",
                           "grid_year" };
  size_t i, r;

  for (i = 0; i < 7; i++)
    if ((c[i] = need_column (t, names[i], d)) < 0)
      return -1;
  z->zones = xcalloc (t->nrows + 1, sizeof *z->zones);
  for (r = 0; r < t->nrows; r++)
    {
      struct zone *e = &z->zones[r];
      double year;

      e->zone = csvio_field (t, r, (size_t) c[0]);
      e->name = csvio_field (t, r, (size_t) c[1]);
      e->country = csvio_field (t, r, (size_t) c[2]);
      e->iso3 = csvio_field (t, r, (size_t) c[3]);
      e->grid.source = csvio_field (t, r, (size_t) c[5]);
      e->line = csvio_line (r);
      if (number (t, r, c[4], 0, &e->grid.gco2e_per_kwh, d) < 0
          || number (t, r, c[6], 1900, &year, d) < 0
          || known_source (t, r, c[5], cat, d) < 0)
        return -1;
      e->grid.year = (long) year;
      if (r > 0 && strcmp (z->zones[r - 1].zone, e->zone) >= 0)
        return diag_set (d, CA_EXIT_DATAERR, "%s:%zu: column 'zone': '%s' "
                         "is out of order", t->path, e->line, e->zone);
    }
  z->nzones = t->nrows;
  return 0;
}

static int
load_site (struct zones *z, const struct csv_table *t,
           const struct catalogue *cat, struct diag *d)
{
  long fig = need_column (t, "figure", d), val, src, year;
  size_t r;
  double y;

  if (fig < 0 || (val = need_column (t, "value", d)) < 0
      || (src = need_column (t, "source", d)) < 0
      || (year = need_column (t, "year", d)) < 0)
    return -1;
  z->pue = NAN;
  for (r = 0; r < t->nrows; r++)
    if (STREQ (csvio_field (t, r, (size_t) fig), "pue"))
      {
        if (number (t, r, val, 1, &z->pue, d) < 0
            || number (t, r, year, 1900, &y, d) < 0
            || known_source (t, r, src, cat, d) < 0)
          return -1;
        z->pue_source = csvio_field (t, r, (size_t) src);
        z->pue_year = (long) y;
      }
  if (isnan (z->pue))
    return diag_set (d, CA_EXIT_DATAERR, "%s: no 'pue' row", t->path);
  return 0;
}

/* Read DIR/NAME.  */
static struct csv_table *
read_table (const char *dir, const char *name, struct diag *d)
{
  size_t n = strlen (dir) + strlen (name) + 2;
  char *path = xmalloc (n);
  struct csv_table *t;

  snprintf (path, n, "%s/%s", dir, name);
  t = csvio_read (path, d);
  free (path);
  if (t != NULL && tablecheck_shape (t, name, d) < 0)
    {
      csvio_free (t);
      return NULL;
    }
  return t;
}

struct zones *
zones_load (const char *dir, const struct catalogue *cat, struct diag *d)
{
  struct zones *z = xcalloc (1, sizeof *z);
  struct tables *tb = xcalloc (1, sizeof *tb);

  z->private_data = tb;
  tb->zones = read_table (dir, ZONES_TABLE, d);
  if (tb->zones == NULL || load_zones (z, tb->zones, cat, d) < 0
      || tablecheck_ranges (tb->zones, ZONES_TABLE, d) < 0)
    goto fail;
  tb->site = read_table (dir, ZONES_SITE_DEFAULTS, d);
  if (tb->site == NULL || load_site (z, tb->site, cat, d) < 0
      || tablecheck_ranges (tb->site, ZONES_SITE_DEFAULTS, d) < 0)
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
  const struct zone *e = bsearch (name, z->zones, z->nzones, sizeof *e,
                                  compare_zone);
  size_t i;

  if (e != NULL || strlen (name) != 3)
    return e;
  for (i = 0; i < z->nzones; i++)
    if (STREQ (z->zones[i].iso3, name))
      return &z->zones[i];
  return NULL;
}

const char *const zones_hashed_tables[] = {
  CATALOGUE_INSTANCES, CATALOGUE_REGIONS, CATALOGUE_PRICES, CATALOGUE_GPUS,
  CATALOGUE_SOURCES, ZONES_TABLE, ZONES_SITE_DEFAULTS, NULL,
};

int
zones_tables_hash (const char *dir, char out[17], struct diag *d)
{
  uint64_t h = 14695981039346656037ULL;
  const char *const *name;
  char buf[65536];

  for (name = zones_hashed_tables; *name != NULL; name++)
    {
      size_t n = strlen (dir) + strlen (*name) + 2, got, i, total;
      char *path = xmalloc (n);
      FILE *fp;

      snprintf (path, n, "%s/%s", dir, *name);
      fp = fopen (path, "rb");
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
              diag_set (d, CA_EXIT_DATAERR, "%s: larger than %zu bytes, "
                        "the most a CSV file may hold", path,
                        CSVIO_MAX_BYTES);
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
