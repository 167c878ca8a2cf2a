/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise's table: a run's columns, then its rank, marks, carbon-price
   range, abatement cost, saving against the baseline and, with
   uncertainty, its quantiles and odds of being on the front.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/system.h"
#include "base/xalloc.h"
#include "view/advise-table.h"
#include "view/quantity.h"
#include "view/run-view.h"
#include "view/uncertainty-view.h"

/* Extra columns of advise beyond the run's.  */
enum advise_column
{
  ACOL_RANK,
  ACOL_MARKS,
  ACOL_DOMINATED_BY,
  ACOL_PRICE_LOW,
  ACOL_PRICE_HIGH,
  ACOL_ABATEMENT,
  ACOL_SAVING_G,
  ACOL_SAVING_PCT,
  ACOL_SAVING_USD,
  ACOL_GPU_MODEL, /* What the accelerator rules went by.  */
  ACOL_GPUS,
  ACOL_GPU_MEMORY,
  ACOL_COUNT
};

static const struct out_column advise_extra_columns[ACOL_COUNT] = {
  { "rank", "Rank", NULL, OUT_INTEGER, 0, 0 },
  { "marks", "Marks", NULL, OUT_TEXT, 0, 0 },
  { "dominated_by", "Beaten by", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "best_from_usd_per_tco2e", "Best from", "USD/t", OUT_NUMBER, 0,
    OUT_COL_MACHINE },
  { "best_to_usd_per_tco2e", "Best to", "USD/t", OUT_NUMBER, 0,
    OUT_COL_MACHINE },
  { "abatement_usd_per_tco2e", "Abatement", "USD/t", OUT_NUMBER, 0,
    OUT_COL_MACHINE },
  { "baseline_saving_gco2e", "Saving", "gCO2e", OUT_NUMBER, 1,
    OUT_COL_MACHINE | OUT_COL_CARBON },
  { "baseline_saving_pct", "Saving", "%", OUT_NUMBER, 1, OUT_COL_MACHINE },
  { "baseline_saving_usd", "Saving", "USD", OUT_NUMBER, 2, OUT_COL_MACHINE },
  { "gpu_model", "GPU", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "gpus", "GPUs", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "gpu_memory_total_gib", "GPU memory", "GiB", OUT_NUMBER, 0,
    OUT_COL_MACHINE },
};

/* The run columns people see in the advise table; the rest stay in the
   machine formats.  */
static bool
shown_in_table (const char *key)
{
  static const char *const keys[]
    = { "region",      "instance_type", "runtime_h",
        "energy_kwh",  "scope2_gco2e",  "scope3_gco2e",
        "total_gco2e", "cost_usd",      NULL };
  size_t i;

  for (i = 0; keys[i] != NULL; i++)
    if (STREQ (keys[i], key))
      return true;
  return false;
}

/* Columns after the advise ones with --uncertainty: the quantiles
   (uncertainty_columns), then these.  */
enum
{
  UCOL_P_FRONT = UNCERTAINTY_NCOLUMNS,
  UCOL_TOTAL_RANGE, /* Table format only.  */
  UCOL_COST_RANGE,  /* Table format, uncertain runtime.  */
  UCOL_COUNT
};

static const struct out_column advise_uncertainty_columns[] = {
  { "p_front", "P(front)", NULL, OUT_NUMBER, 2, 0 },
  /* Each range in the unit of its p95 ("1.08 (0.951-1.20) kg").  */
  { "total_gco2e_range", "Total p50 (p5-p95)", "CO2e", OUT_TEXT, 0, 0 },
  { "cost_usd_range", "Cost p50 (p5-p95)", "USD", OUT_TEXT, 0, 0 },
};

struct out_column *
advise_columns (const struct advise_query *o, enum out_format format,
                size_t *ncols)
{
  size_t base = run_ncolumns + ACOL_COUNT;
  struct out_column *cols = xcalloc (base + UCOL_COUNT, sizeof *cols);
  size_t i, n = base;

  memcpy (cols, run_columns, run_ncolumns * sizeof *cols);
  memcpy (cols + run_ncolumns, advise_extra_columns,
          sizeof advise_extra_columns);
  for (i = 0; i < run_ncolumns; i++)
    if (!shown_in_table (cols[i].key))
      cols[i].flags |= OUT_COL_MACHINE;
  if (o->uncertain)
    {
      memcpy (cols + n, uncertainty_columns, sizeof uncertainty_columns);
      /* The table shows them as ranges instead.  */
      for (i = 0; i < UNCERTAINTY_NCOLUMNS; i++)
        cols[n + i].flags |= OUT_COL_MACHINE;
      n += UNCERTAINTY_NCOLUMNS;
      cols[n++] = advise_uncertainty_columns[0];
      if (format == OUT_FORMAT_TABLE)
        {
          cols[n++] = advise_uncertainty_columns[1];
          if (o->runtime_ranged)
            cols[n++] = advise_uncertainty_columns[2];
        }
    }
  *ncols = n;
  return cols;
}

static void
marks_of (const struct advise_ranking *r, size_t i, char *buf, size_t size)
{
  const struct pareto *p = r->pareto;

  buf[0] = '\0';
  if (i == p->cheapest)
    strncat (buf, "cheapest;", size - strlen (buf) - 1);
  if (i == p->greenest)
    strncat (buf, "greenest;", size - strlen (buf) - 1);
  if (i == p->knee)
    strncat (buf, "knee;", size - strlen (buf) - 1);
  if (i == r->carbon_pick)
    strncat (buf, "carbon-price;", size - strlen (buf) - 1);
  if (buf[0] != '\0')
    buf[strlen (buf) - 1] = '\0';
}

/* "TYPE@REGION" into BUF of SIZE bytes, truncated as snprintf would:
   once a row, so without snprintf's cost.  */
static void
join_at (char *buf, size_t size, const char *type, const char *region)
{
  size_t a = strlen (type), b = strlen (region), n;

  n = a < size - 1 ? a : size - 1;
  memcpy (buf, type, n);
  if (n < size - 1)
    buf[n++] = '@';
  b = b < size - 1 - n ? b : size - 1 - n;
  memcpy (buf + n, region, b);
  buf[n + b] = '\0';
}

/* "p50 (p5-p95) unit" for the quantiles GRAMS (p5, p50, p95), all in
   the unit of the p95 with three significant digits.  The caller frees
   it.  */
static char *
carbon_range_text (const double grams[3])
{
  struct mass_unit unit = mass_unit_written (grams[2]);
  struct strbuf b;

  strbuf_init (&b);
  quantity_sig3 (&b, grams[1] / unit.grams);
  strbuf_append (&b, " (");
  quantity_sig3 (&b, grams[0] / unit.grams);
  strbuf_append (&b, "-");
  quantity_sig3 (&b, grams[2] / unit.grams);
  strbuf_printf (&b, ") %s", unit.symbol);
  return b.text;
}

/* Add candidate I of R as a row of T; with uncertainty, its ranges as
   text when RANGES_AS_TEXT (and the cost's too when COST_AS_TEXT).  */
static void
fill_row (struct out_table *t, const struct advise_ranking *r, size_t i,
          bool ranges_as_text, bool cost_as_text)
{
  const struct pareto *p = r->pareto;
  const struct run *run;
  struct run cand;
  size_t base = run_ncolumns;
  char text[160];

  advise_candidate_run (r, i, &cand);
  run = &cand;
  out_table_add_row (t);
  run_fill_row (t, run);
  out_table_set_number (t, base + ACOL_RANK, (double) p->rank[i]);
  marks_of (r, i, text, sizeof text);
  out_table_set_text (t, base + ACOL_MARKS, text[0] ? text : NULL);
  if (p->dominator[i] != PARETO_NONE)
    {
      const struct price *by = r->cands[p->dominator[i]].price;

      join_at (text, sizeof text, by->instance->name, by->region->name);
      out_table_set_text (t, base + ACOL_DOMINATED_BY, text);
    }
  if (r->hull_slot[i] != PARETO_NONE)
    {
      size_t k = r->hull_slot[i];

      out_table_set_number (t, base + ACOL_PRICE_LOW, p->hull_price_low[k]);
      out_table_set_number (t, base + ACOL_PRICE_HIGH, p->hull_price_high[k]);
    }
  if (r->front_slot[i] != PARETO_NONE && r->front_slot[i] > 0)
    out_table_set_number (
      t, base + ACOL_ABATEMENT,
      pareto_abatement_cost (r->cost, r->carbon,
                             p->front[r->front_slot[i] - 1], i));
  if (r->has_baseline)
    {
      double saved
        = r->baseline.footprint.total_gco2e - run->footprint.total_gco2e;

      out_table_set_number (t, base + ACOL_SAVING_G, saved);
      out_table_set_number (t, base + ACOL_SAVING_PCT,
                            r->baseline.footprint.total_gco2e > 0.0
                              ? 100.0 * saved
                                  / r->baseline.footprint.total_gco2e
                              : NAN);
      out_table_set_number (t, base + ACOL_SAVING_USD,
                            r->baseline.footprint.cost_usd
                              - run->footprint.cost_usd);
    }
  out_table_set_kept (t, base + ACOL_GPU_MODEL,
                      run->instance->gpus > 0 ? run->instance->gpu_model
                                              : NULL);
  out_table_set_number (t, base + ACOL_GPUS, (double) run->instance->gpus);
  out_table_set_number (t, base + ACOL_GPU_MEMORY,
                        run->instance->gpu_memory_total_gib);
  if (r->unc != NULL)
    {
      struct uncertainty_summary sum;
      size_t u = base + ACOL_COUNT;

      uncertainty_summarise (r->unc, i, &sum);
      uncertainty_fill_row (t, u, &sum, r->spec.samples, r->spec.seed);
      out_table_set_number (t, u + UCOL_P_FRONT, r->p_front[i]);
      if (ranges_as_text)
        {
          char *range = carbon_range_text (sum.total_gco2e);
          out_table_set_text (t, u + UCOL_TOTAL_RANGE, range);
          free (range);
          if (cost_as_text)
            {
              snprintf (text, sizeof text, "%.2f (%.2f-%.2f)", sum.cost_usd[1],
                        sum.cost_usd[0], sum.cost_usd[2]);
              out_table_set_text (t, u + UCOL_COST_RANGE, text);
            }
        }
    }
}

void
advise_table_add (struct out_table *t, const struct advise_ranking *r,
                  const struct advise_query *q, enum out_format format,
                  size_t i)
{
  bool ranges_as_text = format == OUT_FORMAT_TABLE;

  fill_row (t, r, i, ranges_as_text, ranges_as_text && q->runtime_ranged);
}
