/* Spot prices and a team's negotiated prices in place of the list's.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvio.h"
#include "base/numparse.h"
#include "data/pricing.h"
#include "base/system.h"
#include "data/tablecheck.h"
#include "base/xalloc.h"

/* Prices above this, in USD per hour, are taken for a typing error: the
   dearest instance of the catalogue costs a few hundred.  The price
   tables have the same bound (src/data/tablecheck.c).  */
#define PRICING_MAX_USD_PER_H TABLECHECK_MAX_USD_PER_H

static const char *const pricing_names[] = { "on-demand", "spot" };

int
pricing_parse (const char *name, enum pricing *pricing)
{
  int i = name_index (pricing_names, ARRAY_SIZE (pricing_names), name);

  if (i < 0)
    return -1;
  *pricing = (enum pricing) i;
  return 0;
}

const char *
pricing_name (enum pricing pricing)
{
  return pricing_names[pricing];
}

size_t
pricing_use_spot (struct catalogue *cat)
{
  size_t i, n = 0;

  for (i = 0; i < cat->nprices; i++)
    {
      struct price *p = &cat->prices[i];

      p->usd_per_h = p->spot_usd_per_h;
      p->date = p->spot_date;
      p->source = p->spot_source;
      if (!isnan (p->usd_per_h))
        n++;
    }
  return n;
}

struct price_file
{
  struct csv_table *csv;
};

static const char *const file_columns[]
  = { "provider", "region", "instance_type", "price_usd_per_h" };

/* Apply row ROW of F's table (columns COL, DATE_COL or -1) to CAT;
   SEEN_LINE[i] is the line that already set price i, or 0.  */
static int
apply_row (struct catalogue *cat, const struct csv_table *csv, size_t row,
           const long *col, long date_col, size_t *seen_line,
           struct diag *d)
{
  const char *provider = csvio_field (csv, row, (size_t) col[0]);
  const char *region_name = csvio_field (csv, row, (size_t) col[1]);
  const char *type = csvio_field (csv, row, (size_t) col[2]);
  const char *text = csvio_field (csv, row, (size_t) col[3]);
  const struct instance *in = catalogue_find_instance (cat, type);
  const struct region *g = catalogue_find_region (cat, region_name);
  const struct price *found;
  struct price *p;
  size_t line = csvio_line (row), k;
  double usd;

  if (g == NULL || !STREQ (g->provider, provider))
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s:%zu: column 'region': '%s' is not a %s region of "
                     "the catalogue", csv->path, line, region_name, provider);
  if (in == NULL || !STREQ (in->provider, provider))
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s:%zu: column 'instance_type': '%s' is not a %s "
                     "instance type of the catalogue", csv->path, line, type,
                     provider);
  if (numparse_double (text, &usd) != NUMPARSE_OK || !(usd > 0.0)
      || usd > PRICING_MAX_USD_PER_H)
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s:%zu: column 'price_usd_per_h': '%s' is not a price "
                     "(expected a number above 0 and at most %g USD per "
                     "hour)", csv->path, line, text, PRICING_MAX_USD_PER_H);
  found = catalogue_find_price (cat, in, g);
  if (found == NULL)
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s:%zu: %s is not sold in %s in the catalogue, so "
                     "there is no list price to replace", csv->path, line,
                     type, region_name);
  k = (size_t) (found - cat->prices);
  if (seen_line[k] != 0)
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s:%zu: %s in %s is priced already on line %zu",
                     csv->path, line, type, region_name, seen_line[k]);
  seen_line[k] = line;
  p = &cat->prices[k];
  p->usd_per_h = usd;
  p->source = PRICING_SOURCE_FILE;
  p->date = date_col >= 0 ? csvio_field (csv, row, (size_t) date_col) : "";
  return 0;
}

struct price_file *
price_file_apply (struct catalogue *cat, const char *path, size_t *applied,
                  struct diag *d)
{
  struct csv_table *csv = csvio_read (path, d);
  struct price_file *f;
  size_t *seen_line, i;
  long col[ARRAY_SIZE (file_columns)], date_col;

  if (csv == NULL)
    return NULL;
  for (i = 0; i < ARRAY_SIZE (file_columns); i++)
    if ((col[i] = csvio_column (csv, file_columns[i])) < 0)
      {
        diag_set (d, CA_EXIT_DATAERR, "%s:1: missing column '%s'", path,
                  file_columns[i]);
        csvio_free (csv);
        return NULL;
      }
  date_col = csvio_column (csv, "price_date");
  seen_line = xcalloc (cat->nprices + 1, sizeof *seen_line);
  for (i = 0; i < csv->nrows; i++)
    if (apply_row (cat, csv, i, col, date_col, seen_line, d) < 0)
      break;
  free (seen_line);
  if (i < csv->nrows)
    {
      csvio_free (csv);
      return NULL;
    }
  f = xmalloc (sizeof *f);
  f->csv = csv;
  *applied = csv->nrows;
  return f;
}

void
price_file_free (struct price_file *f)
{
  if (f == NULL)
    return;
  csvio_free (f->csv);
  free (f);
}

void
price_span_add (struct price_span *s, const struct price *p)
{
  if (p == NULL || p->date[0] == '\0')
    return;
  if (s->oldest == NULL || strcmp (p->date, s->oldest) < 0)
    s->oldest = p->date;
  if (s->newest == NULL || strcmp (p->date, s->newest) > 0)
    s->newest = p->date;
}

/* Days from 1970-01-01 to DATE, "YYYY-MM-DD" of the proleptic Gregorian
   calendar, into *DAYS; -1 when DATE is not one.  */
static int
date_days (const char *date, long *days)
{
  int y, m, d, n = 0;
  long era, yoe, doy, doe;

  if (sscanf (date, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3
      || date[n] != '\0' || m < 1 || m > 12 || d < 1 || d > 31)
    return -1;
  /* Count years from March, so the leap day ends a year.  */
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *days = era * 146097 + doe - 719468;
  return 0;
}

long
price_span_days (const struct price_span *s)
{
  long a, b;

  if (s->oldest == NULL || date_days (s->oldest, &a) < 0
      || date_days (s->newest, &b) < 0)
    return 0;
  return b - a;
}
