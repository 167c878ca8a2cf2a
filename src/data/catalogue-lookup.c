/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The loaded catalogue's indexes and lookups: sorted name indexes built
   as the instances, regions and prices come in (the finish of their
   specs), the orders of the small tables, the lookups every layer above
   uses, and what the specs need of the tables loaded before theirs.
   catalogue.c orders the loads.  */
#include <config.h>

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "data/catalogue.h"
#include "data/catalogue-private.h"
#include "data/tables.h"

const char *const catalogue_accelerators[]
  = { "amd", "fpga", "gaudi", "neuron", "none", "nvidia", NULL };

const double catalogue_power_loads[CATALOGUE_POWER_POINTS]
  = { 0.0, 10.0, 50.0, 100.0 };

static int
compare_instance_names (const void *a, const void *b)
{
  const struct instance *const *x = a;
  const struct instance *const *y = b;

  return strcmp ((*x)->name, (*y)->name);
}

static int
compare_region_names (const void *a, const void *b)
{
  const struct region *const *x = a;
  const struct region *const *y = b;

  return strcmp ((*x)->name, (*y)->name);
}

static int
compare_price_pairs (const void *a, const void *b)
{
  const struct price *const *x = a;
  const struct price *const *y = b;

  if ((*x)->instance != (*y)->instance)
    return (*x)->instance < (*y)->instance ? -1 : 1;
  if ((*x)->region != (*y)->region)
    return (*x)->region < (*y)->region ? -1 : 1;
  return 0;
}

/* Sorting orders for the indexes: by key, then by line, so that of two
   duplicates the later line is reported whatever qsort does with ties.
   (The lookup comparators above compare keys only, as bsearch needs.)  */
static int
compare_lines (size_t a, size_t b)
{
  return (a > b) - (a < b);
}

static int
sort_instances (const void *a, const void *b)
{
  const struct instance *const *x = a;
  const struct instance *const *y = b;
  int c = compare_instance_names (a, b);

  return c != 0 ? c : compare_lines ((*x)->line, (*y)->line);
}

static int
sort_regions (const void *a, const void *b)
{
  const struct region *const *x = a;
  const struct region *const *y = b;
  int c = compare_region_names (a, b);

  return c != 0 ? c : compare_lines ((*x)->line, (*y)->line);
}

static int
sort_prices (const void *a, const void *b)
{
  const struct price *const *x = a;
  const struct price *const *y = b;
  int c = compare_price_pairs (a, b);

  return c != 0 ? c : compare_lines ((*x)->line, (*y)->line);
}

/* Build the sorted name indexes, refusing duplicate names (the finish
   of the instances', regions' and prices' specs).  */
int
catalogue_index_instances (const struct table_reader *r, void *ctx)
{
  struct catalogue *cat = ctx;
  struct catalogue_private *priv = cat->private_data;
  size_t i;

  priv->instances_by_name
    = xcalloc (cat->ninstances, sizeof *priv->instances_by_name);
  for (i = 0; i < cat->ninstances; i++)
    priv->instances_by_name[i] = &cat->instances[i];
  qsort (priv->instances_by_name, cat->ninstances,
         sizeof *priv->instances_by_name, sort_instances);
  for (i = 1; i < cat->ninstances; i++)
    if (STREQ (priv->instances_by_name[i]->name,
               priv->instances_by_name[i - 1]->name))
      {
        size_t a = priv->instances_by_name[i - 1]->line;
        size_t b = priv->instances_by_name[i]->line;

        return diag_set (r->d, CA_EXIT_DATAERR,
                         "%s/%s:%zu: instance type '%s' appears twice "
                         "(first on line %zu)",
                         cat->dir, CATALOGUE_INSTANCES, a > b ? a : b,
                         priv->instances_by_name[i]->name, a < b ? a : b);
      }
  return 0;
}

int
catalogue_index_regions (const struct table_reader *r, void *ctx)
{
  struct catalogue *cat = ctx;
  struct catalogue_private *priv = cat->private_data;
  size_t i;

  priv->regions_by_name
    = xcalloc (cat->nregions, sizeof *priv->regions_by_name);
  for (i = 0; i < cat->nregions; i++)
    priv->regions_by_name[i] = &cat->regions[i];
  qsort (priv->regions_by_name, cat->nregions, sizeof *priv->regions_by_name,
         sort_regions);
  for (i = 1; i < cat->nregions; i++)
    if (STREQ (priv->regions_by_name[i]->name,
               priv->regions_by_name[i - 1]->name))
      {
        size_t a = priv->regions_by_name[i - 1]->line;
        size_t b = priv->regions_by_name[i]->line;

        return diag_set (r->d, CA_EXIT_DATAERR,
                         "%s/%s:%zu: region '%s' appears twice (first on "
                         "line %zu)",
                         cat->dir, CATALOGUE_REGIONS, a > b ? a : b,
                         priv->regions_by_name[i]->name, a < b ? a : b);
      }
  return 0;
}

/* Fill BY_PAIR with the prices of CAT in sort_prices's order: placed by
   instance first, in one pass (prices.csv holds 90,000 rows in the order
   of their regions, where a sort costs 40 M instructions), which leaves
   each instance's prices in the order of their lines, and so of their
   regions in a sorted prices.csv.  A prices.csv out of that order is
   sorted as it stands: the order is total, so the result is the same.  */
static void
sort_prices_by_pair (const struct catalogue *cat, const struct price **by_pair)
{
  size_t *next = xcalloc (cat->ninstances + 1, sizeof *next);
  size_t i;

  for (i = 0; i < cat->nprices; i++)
    next[cat->prices[i].instance - cat->instances + 1]++;
  for (i = 1; i <= cat->ninstances; i++)
    next[i] += next[i - 1];
  for (i = 0; i < cat->nprices; i++)
    by_pair[next[cat->prices[i].instance - cat->instances]++]
      = &cat->prices[i];
  free (next);
  for (i = 1; i < cat->nprices; i++)
    if (sort_prices (&by_pair[i - 1], &by_pair[i]) > 0)
      {
        qsort (by_pair, cat->nprices, sizeof *by_pair, sort_prices);
        break;
      }
}

int
catalogue_index_prices (const struct table_reader *r, void *ctx)
{
  struct catalogue *cat = ctx;
  struct catalogue_private *priv = cat->private_data;
  size_t i;

  priv->prices_by_pair = xcalloc (cat->nprices, sizeof *priv->prices_by_pair);
  sort_prices_by_pair (cat, priv->prices_by_pair);
  for (i = 1; i < cat->nprices; i++)
    if (compare_price_pairs (&priv->prices_by_pair[i],
                             &priv->prices_by_pair[i - 1])
        == 0)
      {
        size_t a = priv->prices_by_pair[i - 1]->line;
        size_t b = priv->prices_by_pair[i]->line;

        return diag_set (r->d, CA_EXIT_DATAERR,
                         "%s/%s:%zu: a second price for %s in %s (first on "
                         "line %zu)",
                         cat->dir, CATALOGUE_PRICES, a > b ? a : b,
                         priv->prices_by_pair[i]->instance->name,
                         priv->prices_by_pair[i]->region->name, a < b ? a : b);
      }
  return 0;
}

int
catalogue_compare_group_names (const void *a, const void *b)
{
  return strcmp (((const struct group *) a)->name,
                 ((const struct group *) b)->name);
}

int
catalogue_compare_gpu_models (const void *a, const void *b)
{
  return strcmp (((const struct gpu *) a)->model,
                 ((const struct gpu *) b)->model);
}

int
catalogue_compare_source_ids (const void *a, const void *b)
{
  return strcmp (((const struct source *) a)->id,
                 ((const struct source *) b)->id);
}

static bool
source_exists (const void *ctx, const char *id)
{
  return catalogue_find_source (ctx, id) != NULL;
}

const struct table_ref tables_source_ref
  = { "source", CATALOGUE_SOURCES, source_exists };

/* The instance type that columns PROVIDER and NAME of R's row name, or
   NULL with R's diag set.  */
struct instance *
tables_row_instance (const struct table_reader *r, size_t provider,
                     size_t name, void *ctx)
{
  const char *p = r->values[provider].text, *n = r->values[name].text;
  struct instance *in = (struct instance *) catalogue_find_instance (ctx, n);

  if (in == NULL || !STREQ (in->provider, p))
    {
      table_error (r, name,
                   "'%s' is not an instance type of provider '%s' "
                   "in %s",
                   n, p, CATALOGUE_INSTANCES);
      return NULL;
    }
  return in;
}

/* The region that columns PROVIDER and NAME of R's row name, or NULL
   with R's diag set.  */
struct region *
tables_row_region (const struct table_reader *r, size_t provider, size_t name,
                   void *ctx)
{
  const char *p = r->values[provider].text, *n = r->values[name].text;
  struct region *g = (struct region *) catalogue_find_region (ctx, n);

  if (g == NULL || !STREQ (g->provider, p))
    {
      table_error (r, name, "'%s' is not a region of provider '%s' in %s", n,
                   p, CATALOGUE_REGIONS);
      return NULL;
    }
  return g;
}

void
tables_widen (double *low, double *high, double x)
{
  /* A range that is NaN (no point figure) stays NaN: an alternative
     cannot stand in for a figure the data does not have.  */
  if (isnan (*low))
    return;
  *low = fmin (*low, x);
  *high = fmax (*high, x);
}

const struct instance *
catalogue_find_instance (const struct catalogue *cat, const char *name)
{
  const struct catalogue_private *priv = cat->private_data;
  struct instance key = { .name = name };
  const struct instance *keyp = &key;
  const struct instance *const *hit;

  if (priv->instances_by_name == NULL)
    return NULL;
  hit = bsearch (&keyp, priv->instances_by_name, cat->ninstances,
                 sizeof *priv->instances_by_name, compare_instance_names);
  return hit ? *hit : NULL;
}

const struct region *
catalogue_find_region (const struct catalogue *cat, const char *name)
{
  const struct catalogue_private *priv = cat->private_data;
  struct region key = { .name = name };
  const struct region *keyp = &key;
  const struct region *const *hit;

  if (priv->regions_by_name == NULL)
    return NULL;
  hit = bsearch (&keyp, priv->regions_by_name, cat->nregions,
                 sizeof *priv->regions_by_name, compare_region_names);
  return hit ? *hit : NULL;
}

const struct group *
catalogue_find_group (const struct catalogue *cat, const char *name)
{
  struct group key = { .name = name };

  return bsearch (&key, cat->groups, cat->ngroups, sizeof *cat->groups,
                  catalogue_compare_group_names);
}

const struct source *
catalogue_find_source (const struct catalogue *cat, const char *id)
{
  struct source key = { .id = id };

  return bsearch (&key, cat->sources, cat->nsources, sizeof *cat->sources,
                  catalogue_compare_source_ids);
}

const struct gpu *
catalogue_find_gpu (const struct catalogue *cat, const char *model)
{
  struct gpu key = { .model = model };

  return bsearch (&key, cat->gpus, cat->ngpus, sizeof *cat->gpus,
                  catalogue_compare_gpu_models);
}

const struct ccf_instance *
catalogue_find_ccf_instance (const struct catalogue *cat, const char *name)
{
  const struct instance *in = catalogue_find_instance (cat, name);

  return in != NULL ? in->ccf : NULL;
}

const struct ccf_region *
catalogue_find_ccf_region (const struct catalogue *cat, const char *name)
{
  const struct region *g = catalogue_find_region (cat, name);

  return g != NULL ? g->ccf : NULL;
}

const struct price *
catalogue_find_price (const struct catalogue *cat,
                      const struct instance *instance,
                      const struct region *region)
{
  const struct catalogue_private *priv = cat->private_data;
  struct price key = { .instance = instance, .region = region };
  const struct price *keyp = &key;
  const struct price *const *hit;

  if (priv->prices_by_pair == NULL)
    return NULL;
  hit = bsearch (&keyp, priv->prices_by_pair, cat->nprices,
                 sizeof *priv->prices_by_pair, compare_price_pairs);
  return hit ? *hit : NULL;
}

bool
catalogue_region_in_group (const struct region *region, const char *group)
{
  size_t n = strlen (group);
  const char *p = region->groups;

  while (*p != '\0')
    {
      size_t len = strcspn (p, ";");

      if (len == n && strncmp (p, group, n) == 0)
        return true;
      p += len;
      if (*p == ';')
        p++;
    }
  return false;
}

double
catalogue_power_error (const struct catalogue *cat, const char *origin,
                       double load_pct)
{
  const struct power_error *prev = NULL;
  size_t i;

  for (i = 0; i < cat->npower_errors; i++)
    {
      const struct power_error *e = &cat->power_errors[i];

      if (!STREQ (e->origin, origin))
        continue;
      if (!(load_pct > e->load_pct))
        {
          if (prev == NULL || !(load_pct < e->load_pct))
            return e->p95_abs_rel_error;
          return prev->p95_abs_rel_error
                 + (load_pct - prev->load_pct) / (e->load_pct - prev->load_pct)
                     * (e->p95_abs_rel_error - prev->p95_abs_rel_error);
        }
      prev = e;
    }
  return prev != NULL ? prev->p95_abs_rel_error : 0.0;
}

size_t
catalogue_grid_alternatives (const struct catalogue *cat,
                             const struct region *region,
                             const struct grid_alternative **first)
{
  (void) cat;
  *first = region->grid_alternatives;
  return region->ngrid_alternatives;
}

size_t
catalogue_count_regions (const struct catalogue *cat,
                         const struct instance *instance)
{
  size_t i, n = 0;

  for (i = 0; i < cat->nprices; i++)
    if (cat->prices[i].instance == instance)
      n++;
  return n;
}
