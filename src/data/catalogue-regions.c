/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The specs of the catalogue's tables about regions: regions, prices,
   CCF's factors and the alternatives to their grid figures and PUEs.  */
#include <config.h>

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "data/tables.h"

enum
{
  RG_PROVIDER,
  RG_NAME,
  RG_LOCATION,
  RG_COUNTRY,
  RG_LATITUDE,
  RG_LONGITUDE,
  RG_GROUPS,
  RG_PUE,
  RG_PUE_SOURCE,
  RG_PUE_YEAR,
  RG_GRID,
  RG_GRID_SOURCE,
  RG_GRID_YEAR,
  RG_GRID_LEVEL,
  RG_MARGINAL,
  RG_MARGINAL_SOURCE,
  RG_MARGINAL_YEAR,
  RG_MARKET,
  RG_MARKET_SOURCE,
  RG_MARKET_YEAR,
  RG_CFE,
  RG_CFE_SOURCE,
  RG_CFE_YEAR,
  RG_GRID_ZONE
};

/* A figure with its source and year (columns COL to COL + 2): all three
   blank, or all three given.  */
static int
check_figure (const struct table_reader *r, size_t col)
{
  bool blank = isnan (r->values[col].number);

  if (blank
      != (r->values[col + 1].text[0] == '\0' || r->values[col + 2].whole == 0))
    return table_error (r, col,
                        "a figure needs its source and year, and a "
                        "source and year need a figure");
  return 0;
}

static int
region_row (const struct table_reader *r, void *row, void *ctx)
{
  struct region *g = row;

  (void) ctx;
  g->line = r->line;
  if (check_figure (r, RG_GRID) < 0 || check_figure (r, RG_MARGINAL) < 0
      || check_figure (r, RG_MARKET) < 0 || check_figure (r, RG_CFE) < 0)
    return -1;
  if (g->cfe_pct > 100.0)
    return table_error (r, RG_CFE, "%g is above 100", g->cfe_pct);
  /* The spread of the figures starts as the figure alone; the
     alternatives widen it.  */
  g->grid_low = g->grid_high = g->grid.gco2e_per_kwh;
  g->pue_low = g->pue_high = g->pue;
  return 0;
}

/* The tables are written sorted (data/README.md), and the program relies
   on it: every list and every tie-break follows file order.  */
static int
order_regions (const void *a, const void *b)
{
  const struct region *x = a, *y = b;
  int c = strcmp (x->provider, y->provider);

  return c != 0 ? c : strcmp (x->name, y->name);
}

#define REGION(field) offsetof (struct region, field)
#define RANGE_LATITUDE                                                        \
  {                                                                           \
    -90.0, 90.0, "degrees"                                                    \
  }
#define RANGE_LONGITUDE                                                       \
  {                                                                           \
    -180.0, 180.0, "degrees"                                                  \
  }
/* A figure, its source and its year, all three blank or given.  */
#define FIGURE(name, field)                                                   \
  COLUMN (name "_gco2e_per_kwh", TABLE_NUMBER, TABLE_BLANK_OK, RANGE_GRID,    \
          REGION (field.gco2e_per_kwh)),                                      \
    SOURCE (name "_source", TABLE_BLANK_OK, REGION (field.source)),           \
    COLUMN (name "_year", TABLE_YEAR, TABLE_BLANK_OK, RANGE_YEARS,            \
            REGION (field.year))

static const struct table_column region_columns[] = {
  [RG_PROVIDER] = TEXT ("provider", 0, REGION (provider)),
  [RG_NAME] = TEXT ("region", 0, REGION (name)),
  [RG_LOCATION] = TEXT ("location", 0, REGION (location)),
  [RG_COUNTRY] = TEXT ("country", 0, REGION (country)),
  [RG_LATITUDE] = COLUMN ("latitude", TABLE_NUMBER, TABLE_BLANK_OK,
                          RANGE_LATITUDE, REGION (latitude)),
  [RG_LONGITUDE] = COLUMN ("longitude", TABLE_NUMBER, TABLE_BLANK_OK,
                           RANGE_LONGITUDE, REGION (longitude)),
  [RG_GROUPS] = TEXT ("groups", TABLE_BLANK_OK, REGION (groups)),
  [RG_PUE] = COLUMN ("pue", TABLE_NUMBER, 0, RANGE_PUE, REGION (pue)),
  [RG_PUE_SOURCE] = SOURCE ("pue_source", 0, REGION (pue_source)),
  [RG_PUE_YEAR] = COLUMN ("pue_year", TABLE_YEAR, TABLE_BLANK_OK, RANGE_YEARS,
                          REGION (pue_year)),
  [RG_GRID] = FIGURE ("grid", grid),
  [RG_GRID_LEVEL] = TEXT ("grid_level", TABLE_BLANK_OK, REGION (grid_level)),
  [RG_MARGINAL] = FIGURE ("marginal", marginal),
  [RG_MARKET] = FIGURE ("market", market),
  [RG_CFE] = COLUMN ("cfe_pct", TABLE_NUMBER, TABLE_BLANK_OK, RANGE_PCT,
                     REGION (cfe_pct)),
  [RG_CFE_SOURCE] = SOURCE ("cfe_source", TABLE_BLANK_OK, REGION (cfe_source)),
  [RG_CFE_YEAR] = COLUMN ("cfe_year", TABLE_YEAR, TABLE_BLANK_OK, RANGE_YEARS,
                          REGION (cfe_year)),
  /* The Electricity Maps zone whose figure grid_gco2e_per_kwh is.  */
  [RG_GRID_ZONE]
  = TEXT ("grid_zone", TABLE_BLANK_OK | TABLE_MAY_LACK, REGION (grid_zone)),
};

const struct table_spec catalogue_regions_spec = {
  .file = CATALOGUE_REGIONS,
  TABLE_COLUMNS (region_columns),
  .missing = "missing",
  .row_size = sizeof (struct region),
  .row = region_row,
  .finish = catalogue_index_regions,
  .order = order_regions,
  .order_later = true,
};

enum
{
  PR_PROVIDER,
  PR_REGION,
  PR_INSTANCE,
  PR_USD,
  PR_DATE,
  PR_SOURCE,
  PR_SPOT,
  PR_SPOT_DATE,
  PR_SPOT_SOURCE
};

/* The instance type called NAME, looked for first just after ABOVE
   (the row above's): a region's rows come in the order of the instance
   types, and most regions sell most of a provider's types, so that the
   next price is mostly for the next type or the one after.  Names are
   unique (catalogue_index_instances), so a hit is the one
   catalogue_find_instance would give.  */
static const struct instance *
find_next_instance (const struct catalogue *cat, const struct instance *above,
                    const char *name)
{
  const struct instance *end = cat->instances + cat->ninstances;
  const struct instance *in;
  int k;

  for (k = 1, in = above; in != NULL && k <= 4 && in + k < end; k++)
    if (STREQ (in[k].name, name))
      return &in[k];
  return catalogue_find_instance (cat, name);
}

static int
price_row (const struct table_reader *r, void *row, void *ctx)
{
  struct price *p = row;
  const char *provider = r->values[PR_PROVIDER].text;
  const char *region = r->values[PR_REGION].text;
  const char *instance = r->values[PR_INSTANCE].text;

  p->line = r->line;
  if (!isnan (p->spot_usd_per_h)
      && (p->spot_date[0] == '\0' || p->spot_source[0] == '\0'))
    return table_row_error (r, "a spot price needs its spot_date and "
                               "spot_source");
  p->instance
    = find_next_instance (ctx, r->row > 0 ? p[-1].instance : NULL, instance);
  /* Rows come sorted by region: most rows name the region of the row
     above.  */
  p->region
    = r->row > 0 && p[-1].region != NULL && STREQ (p[-1].region->name, region)
        ? p[-1].region
        : catalogue_find_region (ctx, region);
  if (p->instance == NULL || !STREQ (p->instance->provider, provider))
    return table_error (r, PR_INSTANCE,
                        "'%s' is not an instance type of "
                        "provider '%s' in %s",
                        instance, provider, CATALOGUE_INSTANCES);
  if (p->region == NULL || !STREQ (p->region->provider, provider))
    return table_error (r, PR_REGION,
                        "'%s' is not a region of provider "
                        "'%s' in %s",
                        region, provider, CATALOGUE_REGIONS);
  if (!(p->usd_per_h > 0.0))
    return table_error (r, PR_USD, "must be above 0");
  return 0;
}

/* Regions and instances being sorted, a price's place follows from where
   its region and instance stand in their tables (a region and its
   instances share the provider).  */
static int
order_prices (const void *a, const void *b)
{
  const struct price *x = a, *y = b;

  return x->region > y->region
         || (x->region == y->region && x->instance > y->instance);
}

#define PRICE(field) offsetof (struct price, field)

static const struct table_column price_columns[] = {
  [PR_PROVIDER] = TEXT ("provider", 0, TABLE_NOWHERE),
  [PR_REGION] = TEXT ("region", 0, TABLE_NOWHERE),
  [PR_INSTANCE] = TEXT ("instance_type", 0, TABLE_NOWHERE),
  [PR_USD] = COLUMN ("price_usd_per_h", TABLE_NUMBER, 0, RANGE_PRICE,
                     PRICE (usd_per_h)),
  [PR_DATE] = TEXT ("price_date", 0, PRICE (date)),
  [PR_SOURCE] = SOURCE ("price_source", 0, PRICE (source)),
  [PR_SPOT] = COLUMN ("spot_usd_per_h", TABLE_NUMBER, TABLE_BLANK_OK,
                      RANGE_PRICE, PRICE (spot_usd_per_h)),
  [PR_SPOT_DATE] = TEXT ("spot_date", TABLE_BLANK_OK, PRICE (spot_date)),
  [PR_SPOT_SOURCE]
  = SOURCE ("spot_source", TABLE_BLANK_OK, PRICE (spot_source)),
};

const struct table_spec catalogue_prices_spec = {
  .file = CATALOGUE_PRICES,
  TABLE_COLUMNS (price_columns),
  .missing = "missing",
  .row_size = sizeof (struct price),
  .row = price_row,
  .finish = catalogue_index_prices,
  .order = order_prices,
  .order_later = true,
};

/* The columns of both alternatives tables: the region, the source and
   year of the figure, then the figure.  */
enum
{
  AL_PROVIDER,
  AL_REGION,
  AL_SOURCE,
  AL_YEAR,
  AL_FIGURE,
  AL_LEVEL
};

/* The region an alternative is for, before its other fields.  */
static int
grid_alternative_lead (const struct table_reader *r, void *row, void *ctx)
{
  struct grid_alternative *a = row;

  a->region = tables_row_region (r, AL_PROVIDER, AL_REGION, ctx);
  return a->region != NULL ? 0 : -1;
}

static int
grid_alternative_row (const struct table_reader *r, void *row, void *ctx)
{
  struct grid_alternative *a = row;
  struct region *g = (struct region *) a->region;

  (void) ctx;
  a->line = r->line;
  /* catalogue_grid_alternatives hands out a region's rows as one run:
     they must follow one another (the spec's order).  */
  if (g->grid_alternatives == NULL)
    g->grid_alternatives = a;
  g->ngrid_alternatives++;
  tables_widen (&g->grid_low, &g->grid_high, a->gco2e_per_kwh);
  return 0;
}

static int
order_grid_alternatives (const void *a, const void *b)
{
  const struct grid_alternative *x = a, *y = b;

  return x->region > y->region;
}

#define GRID_ALTERNATIVE(field) offsetof (struct grid_alternative, field)

static const struct table_column grid_alternative_columns[] = {
  [AL_PROVIDER] = TEXT ("provider", 0, TABLE_NOWHERE),
  [AL_REGION] = TEXT ("region", 0, TABLE_NOWHERE),
  [AL_SOURCE] = TEXT ("source", 0, GRID_ALTERNATIVE (source)),
  [AL_YEAR] = COLUMN ("year", TABLE_YEAR, TABLE_BLANK_OK, RANGE_YEARS,
                      GRID_ALTERNATIVE (year)),
  [AL_FIGURE] = COLUMN ("gco2e_per_kwh", TABLE_NUMBER, 0, RANGE_GRID,
                        GRID_ALTERNATIVE (gco2e_per_kwh)),
  [AL_LEVEL] = TEXT ("level", TABLE_BLANK_OK, GRID_ALTERNATIVE (level)),
};

const struct table_spec catalogue_grid_alternatives_spec = {
  .file = CATALOGUE_GRID_ALTERNATIVES,
  TABLE_COLUMNS (grid_alternative_columns),
  .missing = "missing",
  .key_what = "row",
  .keys = { "provider", "region", "source", "year", NULL },
  .row_size = sizeof (struct grid_alternative),
  .row = grid_alternative_row,
  .order = order_grid_alternatives,
  .nlead = AL_PROVIDER + 2,
  .lead = grid_alternative_lead,
};

/* The region an alternative is for, before its other fields.  */
static int
pue_alternative_lead (const struct table_reader *r, void *row, void *ctx)
{
  (void) row;
  return tables_row_region (r, AL_PROVIDER, AL_REGION, ctx) != NULL ? 0 : -1;
}

static int
pue_alternative_row (const struct table_reader *r, void *row, void *ctx)
{
  struct region *g = tables_row_region (r, AL_PROVIDER, AL_REGION, ctx);

  (void) row;
  if (g == NULL)
    return -1;
  tables_widen (&g->pue_low, &g->pue_high, r->values[AL_FIGURE].number);
  return 0;
}

static const struct table_column pue_alternative_columns[] = {
  [AL_PROVIDER] = TEXT ("provider", 0, TABLE_NOWHERE),
  [AL_REGION] = TEXT ("region", 0, TABLE_NOWHERE),
  [AL_SOURCE] = TEXT ("source", 0, TABLE_NOWHERE),
  [AL_YEAR]
  = COLUMN ("year", TABLE_YEAR, TABLE_BLANK_OK, RANGE_YEARS, TABLE_NOWHERE),
  [AL_FIGURE] = COLUMN ("pue", TABLE_NUMBER, 0, RANGE_PUE, TABLE_NOWHERE),
};

const struct table_spec catalogue_pue_alternatives_spec = {
  .file = CATALOGUE_PUE_ALTERNATIVES,
  TABLE_COLUMNS (pue_alternative_columns),
  .missing = "missing",
  .key_what = "row",
  .keys = { "provider", "region", "source", "year", NULL },
  .row = pue_alternative_row,
  .nlead = AL_PROVIDER + 2,
  .lead = pue_alternative_lead,
};
