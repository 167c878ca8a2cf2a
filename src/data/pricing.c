/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
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
#include "data/tables.h"
#include "base/xalloc.h"

/* Prices above this, in USD per hour, are taken for a typing error: the
   dearest instance of the catalogue costs a few hundred.  The price
   tables have the same bound (src/data/tables.h).  */
#define PRICING_MAX_USD_PER_H TABLES_MAX_USD_PER_H

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

/* A price file being applied: SEEN_LINE[i] is the line that already set
   price i of CAT, or 0.  */
struct price_file_load
{
  struct catalogue *cat;
  size_t *seen_line;
};

enum
{
  PF_PROVIDER,
  PF_REGION,
  PF_INSTANCE,
  PF_USD,
  PF_DATE
};

/* The price of row R in place of the catalogue's.  */
static int
apply_row (const struct table_reader *r, void *row, void *ctx)
{
  struct price_file_load *load = ctx;
  struct catalogue *cat = load->cat;
  const char *provider = r->values[PF_PROVIDER].text;
  const char *region_name = r->values[PF_REGION].text;
  const char *type = r->values[PF_INSTANCE].text;
  const char *text = r->values[PF_USD].text;
  const struct instance *in = catalogue_find_instance (cat, type);
  const struct region *g = catalogue_find_region (cat, region_name);
  const struct price *found;
  struct price *p;
  size_t k;
  double usd;

  (void) row;
  if (g == NULL || !STREQ (g->provider, provider))
    return table_error (r, PF_REGION,
                        "'%s' is not a %s region of the "
                        "catalogue",
                        region_name, provider);
  if (in == NULL || !STREQ (in->provider, provider))
    return table_error (r, PF_INSTANCE,
                        "'%s' is not a %s instance type of "
                        "the catalogue",
                        type, provider);
  if (numparse_double (text, &usd) != NUMPARSE_OK || !(usd > 0.0)
      || usd > PRICING_MAX_USD_PER_H)
    return table_error (r, PF_USD,
                        "'%s' is not a price (expected a number "
                        "above 0 and at most %g USD per hour)",
                        text, PRICING_MAX_USD_PER_H);
  found = catalogue_find_price (cat, in, g);
  if (found == NULL)
    return table_row_error (r,
                            "%s is not sold in %s in the catalogue, so "
                            "there is no list price to replace",
                            type, region_name);
  k = (size_t) (found - cat->prices);
  if (load->seen_line[k] != 0)
    return table_row_error (r, "%s in %s is priced already on line %zu", type,
                            region_name, load->seen_line[k]);
  load->seen_line[k] = r->line;
  p = &cat->prices[k];
  p->usd_per_h = usd;
  p->source = PRICING_SOURCE_FILE;
  p->date = r->values[PF_DATE].text;
  return 0;
}

/* The price is checked by apply_row, with a message of its own.  */
static const struct table_column file_columns[] = {
  [PF_PROVIDER] = TEXT ("provider", TABLE_BLANK_OK, TABLE_NOWHERE),
  [PF_REGION] = TEXT ("region", TABLE_BLANK_OK, TABLE_NOWHERE),
  [PF_INSTANCE] = TEXT ("instance_type", TABLE_BLANK_OK, TABLE_NOWHERE),
  [PF_USD]
  = COLUMN ("price_usd_per_h", TABLE_CHECKED, 0, RANGE_PRICE, TABLE_NOWHERE),
  [PF_DATE]
  = TEXT ("price_date", TABLE_BLANK_OK | TABLE_MAY_LACK, TABLE_NOWHERE),
};

static const struct table_spec file_spec = {
  .file = "--price-file",
  TABLE_COLUMNS (file_columns),
  .may_be_empty = true,
  .missing = "missing",
  .row = apply_row,
};

struct price_file *
price_file_apply (struct catalogue *cat, const char *path, size_t *applied,
                  struct diag *d)
{
  struct csv_table *csv = csvio_read (path, d);
  struct price_file_load load = { cat, NULL };
  struct price_file *f;
  int ret;

  if (csv == NULL)
    return NULL;
  load.seen_line = xcalloc (cat->nprices + 1, sizeof *load.seen_line);
  ret = table_load (&file_spec, csv, &load, NULL, applied, d);
  free (load.seen_line);
  if (ret < 0)
    {
      csvio_free (csv);
      return NULL;
    }
  f = xmalloc (sizeof *f);
  f->csv = csv;
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

  if (sscanf (date, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || date[n] != '\0'
      || m < 1 || m > 12 || d < 1 || d > 31)
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
