/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* compare's findings as tables and notes: every region's run with its
   differences, each group's spread, and the sentences under them.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/system.h"
#include "base/xalloc.h"
#include "view/compare-view.h"
#include "view/load-view.h"
#include "view/quantity.h"
#include "view/report.h"

/* The columns; the two baseline columns only with --baseline.  */
enum compare_column
{
  COL_REGION,
  COL_PROVIDER,
  COL_INSTANCE,
  COL_ENERGY,
  COL_SCOPE2,
  COL_SCOPE3,
  COL_TOTAL,
  COL_COST,
  COL_GRID,
  COL_GRID_SOURCE,
  COL_GRID_YEAR,
  COL_VS_BEST,
  COL_VS_BEST_PCT,
  COL_VS_BASELINE,
  COL_VS_BASELINE_PCT,
  COL_EQUIVALENT_OF,
  COL_VCPUS,
  COL_MEMORY,
  COL_COUNT,
  COL_RUNTIME,
  COL_LOAD,
  COL_POWER,
  COL_PUE,
  COL_GRID_SIGNAL,
  COL_METHOD,
  COL_GROUPS,
  COL_NCOLUMNS
};

/* The header promises room for them all.  */
_Static_assert((int) COL_NCOLUMNS == (int) COMPARE_VIEW_NCOLUMNS,
               "compare-view.h's column count");

static const struct out_column compare_columns[COL_NCOLUMNS] = {
  { "region", "Region", NULL, OUT_TEXT, 0, 0 },
  { "provider", "Provider", NULL, OUT_TEXT, 0, 0 },
  { "instance_type", "Instance", NULL, OUT_TEXT, 0, 0 },
  { "energy_kwh", "Energy", "kWh", OUT_NUMBER, 3, 0 },
  { "scope2_gco2e", "Scope 2", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "scope3_gco2e", "Scope 3", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "total_gco2e", "Total", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "cost_usd", "Cost", "USD", OUT_NUMBER, 2, 0 },
  { "grid_gco2e_per_kwh", "Grid", "gCO2e/kWh", OUT_NUMBER, 2, 0 },
  { "grid_source", "Grid source", NULL, OUT_TEXT, 0, 0 },
  { "grid_year", "Year", NULL, OUT_INTEGER, 0, 0 },
  { "vs_best_gco2e", "vs best", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "vs_best_pct", "vs best", "%", OUT_NUMBER, 1, 0 },
  { "vs_baseline_gco2e", "vs baseline", "gCO2e", OUT_NUMBER, 1,
    OUT_COL_CARBON },
  { "vs_baseline_pct", "vs baseline", "%", OUT_NUMBER, 1, 0 },
  { "equivalent_of", "Equivalent of", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "vcpus", "vCPUs", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "memory_gib", "Memory", "GiB", OUT_NUMBER, 1, OUT_COL_MACHINE },
  { "count", "Count", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "runtime_h", "Runtime", "h", OUT_NUMBER, 2, OUT_COL_MACHINE },
  { "load_pct", "Load", "%", OUT_NUMBER, 1, OUT_COL_MACHINE },
  { "power_w", "Power each", "W", OUT_NUMBER, 2, OUT_COL_MACHINE },
  { "pue", "PUE", NULL, OUT_NUMBER, 3, OUT_COL_MACHINE },
  { "grid_signal", "Grid signal", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "method", "Method", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "groups", "Groups", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
};

/* Whether the narrow table (compare without --wide) leaves column K
   out (BASELINE: there is one): the region, instance, total, cost, grid
   and the share over the best, or over the baseline when there is one,
   say what a reader acts on; the rest is for
   --wide and the other formats.  Even with Azure's long region and
   instance names and a baseline a line stays within 100 columns.  */
static bool
narrow_leaves_out (enum compare_column k, bool baseline)
{
  switch (k)
    {
    case COL_PROVIDER: /* The instance's name says it.  */
    case COL_ENERGY:
    case COL_SCOPE2:
    case COL_SCOPE3:
    case COL_GRID_SOURCE:
    case COL_GRID_YEAR:
    case COL_VS_BEST:
    case COL_VS_BASELINE:
      return true;
    case COL_VS_BEST_PCT: /* The rows are in that order already.  */
      return baseline;
    default:
      return false;
    }
}

/* The region table's columns: COLS (COL_NCOLUMNS slots) gets the ones
   shown, MAP[k] the place of column K among them (COL_NCOLUMNS when left
   out).  Returns how many are shown.  */
static size_t
region_columns (bool baseline, bool wide, struct out_column *cols, size_t *map)
{
  size_t k, n = 0;

  for (k = 0; k < COL_NCOLUMNS; k++)
    {
      map[k] = COL_NCOLUMNS;
      if (!baseline && (k == COL_VS_BASELINE || k == COL_VS_BASELINE_PCT))
        continue;
      map[k] = n;
      cols[n] = compare_columns[k];
      if (!wide && narrow_leaves_out ((enum compare_column) k, baseline))
        cols[n].flags |= OUT_COL_MACHINE;
      n++;
    }
  return n;
}

static void
fill_region_row (struct out_table *t, const size_t *map,
                 const struct compare *c, const struct compare_row *row)
{
  const struct run *run = &row->run;
  const struct footprint *fp = &run->footprint;

  out_table_add_row (t);
  out_table_set_text (t, map[COL_REGION], run->region->name);
  out_table_set_text (t, map[COL_PROVIDER], run->region->provider);
  out_table_set_text (t, map[COL_INSTANCE], run->instance->name);
  out_table_set_number (t, map[COL_ENERGY], fp->energy_kwh);
  out_table_set_number (t, map[COL_SCOPE2], fp->scope2_gco2e);
  out_table_set_number (t, map[COL_SCOPE3], fp->scope3_gco2e);
  out_table_set_number (t, map[COL_TOTAL], fp->total_gco2e);
  out_table_set_number (t, map[COL_COST], fp->cost_usd);
  out_table_set_number (t, map[COL_GRID], run->grid_gco2e_per_kwh);
  out_table_set_text (t, map[COL_GRID_SOURCE], run->grid_source);
  out_table_set_number (t, map[COL_GRID_YEAR],
                        run->grid_year > 0 ? (double) run->grid_year : NAN);
  out_table_set_number (t, map[COL_VS_BEST], row->diff_best_gco2e);
  out_table_set_number (t, map[COL_VS_BEST_PCT], row->diff_best_pct);
  if (map[COL_VS_BASELINE] != COL_NCOLUMNS)
    {
      out_table_set_number (t, map[COL_VS_BASELINE], row->diff_baseline_gco2e);
      out_table_set_number (t, map[COL_VS_BASELINE_PCT],
                            row->diff_baseline_pct);
    }
  out_table_set_text (t, map[COL_EQUIVALENT_OF],
                      row->equivalent ? c->instance->name : NULL);
  out_table_set_number (t, map[COL_VCPUS], (double) run->instance->vcpus);
  out_table_set_number (t, map[COL_MEMORY], run->instance->memory_gib);
  out_table_set_number (t, map[COL_COUNT], (double) run->count);
  out_table_set_number (t, map[COL_RUNTIME], run->runtime_h);
  out_table_set_number (t, map[COL_LOAD], run->load_pct);
  out_table_set_number (t, map[COL_POWER], run->power_w);
  out_table_set_number (t, map[COL_PUE], run->pue);
  out_table_set_text (
    t, map[COL_GRID_SIGNAL],
    run->method == RUN_METHOD_CCF ? "ccf" : run_signal_name (run->signal));
  out_table_set_text (t, map[COL_METHOD], run_method_name (run->method));
  out_table_set_text (t, map[COL_GROUPS], run->region->groups);
}

struct out_table *
compare_region_table (const struct compare *c, struct out_column *cols,
                      bool wide)
{
  size_t map[COL_NCOLUMNS];
  size_t ncols = region_columns (c->baseline != COMPARE_NONE, wide, cols, map);
  struct out_table *t = out_table_new (cols, ncols);
  size_t i;

  for (i = 0; i < c->nrows; i++)
    fill_region_row (t, map, c, &c->rows[i]);
  return t;
}

static const struct out_column group_columns[] = {
  { "group", "Group", NULL, OUT_TEXT, 0, 0 },
  { "regions", "Regions", NULL, OUT_INTEGER, 0, 0 },
  { "total_min_gco2e", "Total min", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "total_median_gco2e", "median", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "total_max_gco2e", "max", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "cost_min_usd", "Cost min", "USD", OUT_NUMBER, 2, 0 },
  { "cost_median_usd", "median", "USD", OUT_NUMBER, 2, 0 },
  { "cost_max_usd", "max", "USD", OUT_NUMBER, 2, 0 },
};

static void
fill_group_row (struct out_table *t, const struct compare *c,
                const char *group)
{
  struct compare_stats s;

  compare_group_stats (c, group, &s);
  out_table_add_row (t);
  out_table_set_text (t, 0, group != NULL ? group : "all");
  out_table_set_number (t, 1, (double) s.n);
  out_table_set_number (t, 2, s.total_min);
  out_table_set_number (t, 3, s.total_median);
  out_table_set_number (t, 4, s.total_max);
  out_table_set_number (t, 5, s.cost_min);
  out_table_set_number (t, 6, s.cost_median);
  out_table_set_number (t, 7, s.cost_max);
}

struct out_table *
compare_group_table (const struct compare *c, const struct selection *sel)
{
  struct out_table *t
    = out_table_new (group_columns, ARRAY_SIZE (group_columns));
  const struct name_list *groups = &sel->groups;
  size_t i;

  for (i = 0; i < groups->n; i++)
    fill_group_row (t, c, groups->names[i]);
  if (groups->n != 1 || sel->regions.n > 0)
    fill_group_row (t, c, NULL);
  return t;
}

/* Append TEXT to the growing string *BUF of *SIZE bytes.  */
static void
append (char **buf, size_t *size, const char *text)
{
  size_t used = *buf != NULL ? strlen (*buf) : 0;
  size_t need = used + strlen (text) + 1;

  if (need > *size)
    {
      *size = need * 2;
      *buf = xreallocarray (*buf, *size, 1);
    }
  memcpy (*buf + used, text, strlen (text) + 1);
}

/* The first line of the notes: what was compared, how many runs, and
   the regions left out by reason.  */
static void
write_counts (FILE *fp, const struct run_params *params,
              const struct compare *c, size_t nregions)
{
  const struct instance *in = c->instance;
  size_t k, i;

  fprintf (fp, "Compared %s (%ld vCPU, %g GiB", in->name, in->vcpus,
           in->memory_gib);
  if (in->gpus > 0)
    fprintf (fp, ", %ld x %s", in->gpus, in->gpu_model);
  fprintf (fp, "), %.2f h at %.1f %%", params->runtime_h, params->load_pct);
  /* --gpu-load, said only when it differs from --load.  */
  if (in->gpus > 0 && load_view_two_loads (params))
    fprintf (fp, " (GPUs %.1f %%)", run_gpu_load (params));
  fprintf (fp, " on %ld instance%s, in %zu region%s: %zu run%s", params->count,
           params->count == 1 ? "" : "s", nregions, nregions == 1 ? "" : "s",
           c->nrows, c->nrows == 1 ? "" : "s");
  for (k = 0; k < COMPARE_NSKIPS; k++)
    {
      const char *sep = " (";

      if (c->nskips[k] == 0)
        continue;
      fprintf (fp, "; %s in %zu", compare_skip_text ((enum compare_skip) k),
               c->nskips[k]);
      for (i = 0; i < c->nskipped; i++)
        if (c->skipped[i].why == (enum compare_skip) k)
          {
            fprintf (fp, "%s%s", sep, c->skipped[i].region->name);
            sep = ", ";
          }
      fputs (")", fp);
    }
  fputs (".\n", fp);
}

/* A line per type standing in for C's instance, with its regions, in
   the order the types first appear in the rows.  */
static void
write_equivalents (FILE *fp, const struct compare *c)
{
  size_t i, j;

  for (i = 0; i < c->nrows; i++)
    {
      const struct instance *e = c->rows[i].run.instance;
      bool seen = false;
      const char *sep = " in ";

      if (!c->rows[i].equivalent)
        continue;
      for (j = 0; j < i && !seen; j++)
        seen = c->rows[j].run.instance == e;
      if (seen)
        continue;
      fprintf (fp, "Equivalent of %s: %s (%ld vCPU, %g GiB", c->instance->name,
               e->name, e->vcpus, e->memory_gib);
      if (e->gpus > 0)
        fprintf (fp, ", %ld x %s", e->gpus, e->gpu_model);
      fputs (")", fp);
      for (j = i; j < c->nrows; j++)
        if (c->rows[j].run.instance == e)
          {
            fprintf (fp, "%s%s", sep, c->rows[j].run.region->name);
            sep = ", ";
          }
      fputs (".\n", fp);
    }
}

/* The robustness line: does the best region stay best under each grid
   source of the data, and under another signal?  Returns 0, or -1 when
   R's runs of the other signal failed (after the part before them).  */
static int
write_robustness (FILE *fp, const struct compare_robustness *r)
{
  char *buf = NULL;
  size_t size = 0, i;
  char part[512];

  if (!r->checked)
    {
      fprintf (fp, "Robustness: not checked under --method ccf (CCF has one "
                   "grid factor per region).\n");
      return 0;
    }
  fprintf (fp, "Robustness: the best region %s", r->winner->name);
  if (r->sources_checked)
    {
      for (i = 0; i < r->nsources; i++)
        {
          if (r->source_winners[i] == r->winner)
            continue;
          snprintf (part, sizeof part, "%s%s: %s", buf == NULL ? "" : ", ",
                    r->sources[i], r->source_winners[i]->name);
          append (&buf, &size, part);
        }
      if (r->nsources == 0)
        fputs (" (no grid source in the data to check against)", fp);
      else if (r->holds == r->nsources)
        fprintf (fp, " holds under all %zu grid sources", r->nsources);
      else
        fprintf (fp, " holds under %zu of %zu grid sources (not under %s)",
                 r->holds, r->nsources, buf);
      free (buf);
    }
  else
    fputs (" (grid sources not checked: they give location-based "
           "averages)",
           fp);
  if (!r->alt_done)
    return -1;
  if (r->alt_nrows == 0)
    fprintf (fp,
             "; under --signal %s: not checked, no compared region has "
             "that figure.\n",
             run_signal_name (r->alt_signal));
  else if (r->alt_winner == r->winner)
    fprintf (fp,
             "; under --signal %s it stays best (%zu of %zu regions "
             "have that figure).\n",
             run_signal_name (r->alt_signal), r->alt_nrows, r->alt_of);
  else
    fprintf (fp,
             "; under --signal %s the best is %s (%zu of %zu regions "
             "have that figure).\n",
             run_signal_name (r->alt_signal), r->alt_winner->name,
             r->alt_nrows, r->alt_of);
  return 0;
}

/* One line when the prices of C's rows are dated far apart.  */
static void
write_price_dates (FILE *fp, const char *gap, const struct compare *c)
{
  struct price_span span = { NULL, NULL };
  char text[256];
  size_t i;

  for (i = 0; i < c->nrows; i++)
    price_span_add (&span, c->rows[i].run.price);
  report_price_span_text (&span, text, sizeof text);
  if (text[0] != '\0')
    fprintf (fp, "%s\n%s", text, gap);
}

/* The notes' lines on BEST, C's first row, and on C's baseline: "Best:
   ... 20.0 gCO2e, 1.40 USD." and what the best saves on the baseline.  */
static void
write_best (FILE *fp, const char *gap, const struct compare *c,
            const struct compare_row *best)
{
  const struct footprint *f = &best->run.footprint;
  struct strbuf text;

  strbuf_init (&text);
  quantity_carbon (&text, f->total_gco2e);
  strbuf_append (&text, ", ");
  quantity_usd (&text, f->cost_usd);
  fprintf (fp, "Best: %s in %s: %s.\n%s", best->run.instance->name,
           best->run.region->name, text.text, gap);
  if (c->baseline == COMPARE_NONE)
    {
      strbuf_release (&text);
      return;
    }
  const struct footprint *b = &c->rows[c->baseline].run.footprint;
  strbuf_reset (&text);
  quantity_carbon (&text, b->total_gco2e);
  strbuf_append (&text, ", ");
  quantity_usd (&text, b->cost_usd);
  fprintf (fp, "Baseline: %s in %s: %s; the best ",
           c->rows[c->baseline].run.instance->name,
           c->rows[c->baseline].run.region->name, text.text);
  strbuf_reset (&text);
  quantity_saving (&text, b->total_gco2e, f->total_gco2e, b->cost_usd,
                   f->cost_usd);
  fprintf (fp, "%s.\n%s", text.text, gap);
  strbuf_release (&text);
}

int
compare_write_notes (FILE *fp, bool markdown, const struct run_params *params,
                     const struct compare *c, size_t nregions,
                     const struct compare_robustness *r)
{
  const char *gap = markdown ? "\n" : "";
  const struct compare_row *best = c->nrows > 0 ? &c->rows[0] : NULL;

  write_counts (fp, params, c, nregions);
  fputs (gap, fp);
  if (best == NULL)
    return 0;
  write_equivalents (fp, c);
  fputs (gap, fp);
  write_best (fp, gap, c, best);
  if (write_robustness (fp, r) < 0)
    return -1;
  fputs (gap, fp);
  write_price_dates (fp, gap, c);
  return 0;
}
