/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The bundled data: instance types, regions, prices, groups, sources,
   and Cloud Carbon Footprint's coefficients.  Each table is loaded by
   its spec (catalogue-instances.c, catalogue-regions.c) through the one
   loader of table.c; this file orders the loads, and
   catalogue-lookup.c indexes the tables and answers lookups.  */
#include <config.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/csvio.h"
#include "base/xalloc.h"
#include "data/catalogue.h"
#include "data/tables.h"
#include "data/catalogue-private.h"
#include "data/catalogue-image.h"

/* The catalogue's tables, in the order they load: sources first (every
   other table names its sources by id), GPUs before the instances that
   name them, prices after the instances and regions they point at, CCF's
   coefficients and the alternatives once those are in.  SLOT is the
   table's place in the private tables, whose order the range checks
   follow.  ROWS and COUNT are the offsets in struct catalogue of the
   array the rows become and of its length, or TABLE_NOWHERE.  */
#define ROWS(array, count)                                                    \
  offsetof (struct catalogue, array), offsetof (struct catalogue, count)

static const struct
{
  size_t slot;
  const struct table_spec *spec;
  size_t rows, count;
  unsigned part; /* A CATALOGUE_PART_*, or 0 for a table always read.  */
} load_steps[CATALOGUE_NTABLES] = {
  { 0, &catalogue_sources_spec, ROWS (sources, nsources), 0 },
  { 1, &catalogue_groups_spec, ROWS (groups, ngroups), 0 },
  { 5, &catalogue_gpus_spec, ROWS (gpus, ngpus), 0 },
  { 2, &catalogue_instances_spec, ROWS (instances, ninstances), 0 },
  { 6, &catalogue_unsupported_spec, ROWS (unsupported, nunsupported), 0 },
  { 3, &catalogue_regions_spec, ROWS (regions, nregions), 0 },
  { 4, &catalogue_prices_spec, ROWS (prices, nprices), 0 },
  { 7, &catalogue_ccf_instances_spec, ROWS (ccf_instances, nccf_instances),
    CATALOGUE_PART_CCF },
  { 8, &catalogue_ccf_regions_spec, ROWS (ccf_regions, nccf_regions),
    CATALOGUE_PART_CCF },
  { 9, &catalogue_grid_alternatives_spec,
    ROWS (grid_alternatives, ngrid_alternatives),
    CATALOGUE_PART_ALTERNATIVES },
  { 10, &catalogue_pue_alternatives_spec, TABLE_NOWHERE, TABLE_NOWHERE,
    CATALOGUE_PART_ALTERNATIVES },
  { 11, &catalogue_embodied_alternatives_spec, TABLE_NOWHERE, TABLE_NOWHERE,
    CATALOGUE_PART_ALTERNATIVES },
  { 12, &catalogue_power_error_spec, ROWS (power_errors, npower_errors),
    CATALOGUE_PART_POWER_ERROR },
};

/* Where the rows of step I go in CAT, and their count: members of
   struct catalogue at the step's offsetof, so aligned for their type
   (hence the casts through void *).  */
static void **
step_rows (struct catalogue *cat, size_t i)
{
  return (void **) (void *) ((char *) cat + load_steps[i].rows);
}

static size_t *
step_count (struct catalogue *cat, size_t i)
{
  return (size_t *) (void *) ((char *) cat + load_steps[i].count);
}

/* Read and load the table of step I.  */
static int
load_step (struct catalogue *cat, struct catalogue_private *priv, size_t i,
           struct diag *d)
{
  const struct table_spec *spec = load_steps[i].spec;
  size_t slot = load_steps[i].slot;
  char *path = xpath_join (cat->dir, spec->file);
  void **rows = NULL;
  size_t *count = NULL;

  priv->tables[slot] = csvio_read (path, d);
  priv->specs[slot] = spec;
  free (path);
  if (priv->tables[slot] == NULL)
    return -1;
  if (load_steps[i].rows != TABLE_NOWHERE)
    {
      rows = step_rows (cat, i);
      count = step_count (cat, i);
    }
  return table_load_ranged (spec, priv->tables[slot], cat, rows, count,
                            &priv->in_range[slot], d);
}

/* The order of the tables up to step LAST that leave it to the caller:
   instances, regions and prices, checked once the prices are in (a
   price naming a type the data lacks says more than the rows' order an
   edit broke).  */
static int
check_orders (struct catalogue *cat, struct catalogue_private *priv,
              size_t last, struct diag *d)
{
  size_t i;

  for (i = 0; i <= last; i++)
    {
      const struct table_spec *spec = load_steps[i].spec;

      if (spec->order_later
          && table_check_order (spec, priv->tables[load_steps[i].slot],
                                *step_rows (cat, i), *step_count (cat, i), d)
               < 0)
        return -1;
    }
  return 0;
}

const char *
catalogue_table_file (size_t i)
{
  return load_steps[i].spec->file;
}

struct catalogue *
catalogue_load (const char *dir, struct diag *d)
{
  return catalogue_open (dir, CATALOGUE_PARTS_ALL, NULL, d);
}

/* Load the tables of DIR (catalogue_open without the image).  */
static struct catalogue *
load_tables (const char *dir, unsigned parts, struct diag *d)
{
  struct catalogue *cat = xcalloc (1, sizeof *cat);
  struct catalogue_private *priv = xcalloc (1, sizeof *priv);
  size_t i;

  cat->dir = xstrdup (dir);
  cat->private_data = priv;
  for (i = 0; i < CATALOGUE_NTABLES; i++)
    if ((load_steps[i].part == 0 || (load_steps[i].part & parts) != 0)
        && (load_step (cat, priv, i, d) < 0
            || (load_steps[i].spec == &catalogue_prices_spec
                && check_orders (cat, priv, i, d) < 0)))
      goto fail;
  /* Ranges last: a loader's own check of a figure says more.  */
  for (i = 0; i < CATALOGUE_NTABLES; i++)
    if (priv->tables[i] != NULL
        && table_check_ranges_but (priv->specs[i], priv->tables[i],
                                   priv->in_range[i], d)
             < 0)
      goto fail;
  /* The rows point into the tables' text, not at their fields: the
     arrays of fields (7 MB for prices.csv) served the load only.  */
  for (i = 0; i < CATALOGUE_NTABLES; i++)
    if (priv->tables[i] != NULL)
      {
        free (priv->tables[i]->fields);
        priv->tables[i]->fields = NULL;
        priv->tables[i]->nrows = 0;
      }
  return cat;

fail:
  catalogue_free (cat);
  return NULL;
}

struct catalogue *
catalogue_open (const char *dir, unsigned parts, struct diag *note,
                struct diag *d)
{
  struct diag ignored;
  struct catalogue *cat;

  if (note == NULL)
    note = &ignored;
  note->status = 0;
  note->text[0] = '\0';
  if ((parts & CATALOGUE_TABLES_ONLY) == 0)
    {
      const char *files[CATALOGUE_NTABLES];
      size_t i;

      for (i = 0; i < CATALOGUE_NTABLES; i++)
        files[i] = load_steps[i].spec->file;
      cat = image_load (dir, files, note);
      if (cat != NULL)
        return cat;
    }
  return load_tables (dir, parts, d);
}

void
catalogue_free (struct catalogue *cat)
{
  struct catalogue_private *priv;
  size_t i;

  if (cat == NULL)
    return;
  priv = cat->private_data;
  if (priv->image != NULL)
    {
      /* The rows and indexes are the image's.  */
      munmap (priv->image, priv->image_size);
      free (priv);
      free (cat->dir);
      free (cat);
      return;
    }
  for (i = 0; i < ARRAY_SIZE (priv->tables); i++)
    csvio_free (priv->tables[i]);
  free (priv->instances_by_name);
  free (priv->regions_by_name);
  free (priv->prices_by_pair);
  free (priv);
  free (cat->instances);
  free (cat->regions);
  free (cat->prices);
  free (cat->groups);
  free (cat->sources);
  free (cat->gpus);
  free (cat->unsupported);
  free (cat->ccf_instances);
  free (cat->ccf_regions);
  free (cat->power_errors);
  free (cat->grid_alternatives);
  free (cat->dir);
  free (cat);
}
