/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A run's figures as output tables: its columns in every format, and
   two runs of the same job side by side.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view/run-view.h"
#include "base/numfmt.h"
#include "base/system.h"

enum run_column
{
  COL_PROVIDER,
  COL_REGION,
  COL_INSTANCE,
  COL_COUNT,
  COL_RUNTIME,
  COL_LOAD,
  COL_POWER,
  COL_PUE,
  COL_GRID,
  COL_ENERGY,
  COL_SCOPE2,
  COL_SCOPE3,
  COL_TOTAL,
  COL_PRICE,
  COL_COST,
  COL_LOCATION,
  COL_LIFETIME,
  COL_EMBODIED,
  COL_POWER_ORIGIN,
  COL_POWER_SOURCE,
  COL_EMBODIED_SOURCE,
  COL_EMBODIED_BASIS,
  COL_PUE_SOURCE,
  COL_PUE_YEAR,
  COL_GRID_SOURCE,
  COL_GRID_YEAR,
  COL_GRID_LEVEL,
  COL_GRID_SIGNAL,
  COL_METHOD,
  COL_PRICE_DATE,
  COL_PRICE_SOURCE,
  COL_DATA_ROWS,
  COL_GPU_LOAD,
  COL_COUNT_OF_COLUMNS
};

/* The first fifteen keys are the csv header every consumer relies on;
   the rest say where each figure came from.  */
const struct out_column run_columns[] = {
  { "provider", "Provider", NULL, OUT_TEXT, 0, 0 },
  { "region", "Region", NULL, OUT_TEXT, 0, 0 },
  { "instance_type", "Instance", NULL, OUT_TEXT, 0, 0 },
  { "count", "Count", NULL, OUT_INTEGER, 0, 0 },
  { "runtime_h", "Runtime", "h", OUT_NUMBER, 2, 0 },
  { "load_pct", "Load", "%", OUT_NUMBER, 1, 0 },
  { "power_w", "Power each", "W", OUT_NUMBER, 2, 0 },
  { "pue", "PUE", NULL, OUT_NUMBER, 3, 0 },
  { "grid_gco2e_per_kwh", "Grid", "gCO2e/kWh", OUT_NUMBER, 2, 0 },
  { "energy_kwh", "Energy", "kWh", OUT_NUMBER, 3, 0 },
  { "scope2_gco2e", "Scope 2", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "scope3_gco2e", "Scope 3", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "total_gco2e", "Total", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "price_usd_per_h", "Price", "USD/h", OUT_NUMBER, 4, 0 },
  { "cost_usd", "Cost", "USD", OUT_NUMBER, 2, 0 },
  { "location", "Location", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "lifetime_h", "Lifetime", "h", OUT_NUMBER, 0, OUT_COL_MACHINE },
  { "embodied_kgco2e", "Embodied share", "kgCO2e", OUT_NUMBER, 2,
    OUT_COL_MACHINE | OUT_COL_CARBON },
  { "power_origin", "Power curve", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "power_source", "Power source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "embodied_source", "Embodied source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "embodied_share", "Embodied basis", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "pue_source", "PUE source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "pue_year", "PUE year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "grid_source", "Grid source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "grid_year", "Grid year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "grid_level", "Grid level", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "grid_signal", "Grid signal", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "method", "Method", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "price_date", "Price date", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "price_source", "Price source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "data_rows", "Data rows", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  /* Last, so that no column before moves: blank without GPUs; --load
     where the data cannot separate them.  */
  { "gpu_load_pct", "GPU load", "%", OUT_NUMBER, 1, OUT_COL_MACHINE },
};

const size_t run_ncolumns = COL_COUNT_OF_COLUMNS;

/* A year of 0 means unknown.  */
static double
year_or_missing (long year)
{
  return year > 0 ? (double) year : NAN;
}

const char *
run_method_text (const struct run *run)
{
  if (run->method == RUN_METHOD_CCF)
    return "Cloud Carbon Footprint's coefficients";
  if (run->power_origin != NULL && STREQ (run->power_origin, "modelled"))
    return "Teads' method with a modelled power curve";
  return "Teads' measured power curves";
}

/* Append " FILE:LINE" (without the blank at N = 0) to BUF of SIZE
   bytes, of which N are used; return the new N.  FILE is LEN bytes
   long.  Text that does not fit is cut, as snprintf cuts it.  */
static size_t
append_row_ref (char *buf, size_t size, size_t n, const char *file, size_t len,
                size_t line)
{
  if (n + 1 + len + 1 + NUMFMT_SIZE >= size)
    {
      /* Rare (never with the shipped names): let snprintf cut it.  */
      if (n < size)
        n += (size_t) snprintf (buf + n, size - n, "%s%s:%zu",
                                n > 0 ? " " : "", file, line);
      return n < size ? n : size;
    }
  if (n > 0)
    buf[n++] = ' ';
  memcpy (buf + n, file, len);
  n += len;
  buf[n++] = ':';
  return n + numfmt_int (buf + n, (long long) line);
}

/* The same for FILE a string literal, its length known when compiled:
   once a row for every row of advise --all.  */
#define APPEND_ROW_REF(buf, size, n, file, line)                              \
  append_row_ref (buf, size, n, file, sizeof file - 1, line)

/* The data rows RUN's figures come from, as "FILE:LINE ..." in BUF;
   return its length.  The text holds nothing csv would quote or json
   escape: the file names are the catalogue's literals.  */
static size_t
data_rows (char *buf, size_t size, const struct run *run)
{
  size_t n = 0;

  buf[0] = '\0';
  if (run->method == RUN_METHOD_CCF)
    {
      n = APPEND_ROW_REF (buf, size, n, CATALOGUE_CCF_INSTANCES,
                          run->instance->ccf->line);
      if (run->region->ccf != NULL)
        n = APPEND_ROW_REF (buf, size, n, CATALOGUE_CCF_REGIONS,
                            run->region->ccf->line);
    }
  /* The instance's vCPUs, memory and GPUs come from instances.csv for
     either method; CCF's method takes nothing else from regions.csv but
     the region's name.  */
  n = APPEND_ROW_REF (buf, size, n, CATALOGUE_INSTANCES, run->instance->line);
  if (run->method != RUN_METHOD_CCF)
    n = APPEND_ROW_REF (buf, size, n, CATALOGUE_REGIONS, run->region->line);
  if (run->price != NULL)
    n = APPEND_ROW_REF (buf, size, n, CATALOGUE_PRICES, run->price->line);
  return n < size ? n : strlen (buf); /* Cut: N is SIZE.  */
}

/* The texts but the data rows are the catalogue's or literals, which
   outlive the table: kept, not copied.  */
void
run_fill_row (struct out_table *t, const struct run *run)
{
  const struct footprint *fp = &run->footprint;
  char rows[160];

  out_table_set_kept (t, COL_PROVIDER, run->instance->provider);
  out_table_set_kept (t, COL_REGION, run->region->name);
  out_table_set_kept (t, COL_INSTANCE, run->instance->name);
  out_table_set_number (t, COL_COUNT, (double) run->count);
  out_table_set_number (t, COL_RUNTIME, run->runtime_h);
  out_table_set_number (t, COL_LOAD, run->load_pct);
  out_table_set_number (t, COL_GPU_LOAD, run->gpu_load_pct);
  out_table_set_number (t, COL_POWER, run->power_w);
  out_table_set_number (t, COL_PUE, run->pue);
  out_table_set_number (t, COL_GRID, run->grid_gco2e_per_kwh);
  out_table_set_number (t, COL_ENERGY, fp->energy_kwh);
  out_table_set_number (t, COL_SCOPE2, fp->scope2_gco2e);
  out_table_set_number (t, COL_SCOPE3, fp->scope3_gco2e);
  out_table_set_number (t, COL_TOTAL, fp->total_gco2e);
  out_table_set_number (t, COL_PRICE,
                        run->price ? run->price->usd_per_h : NAN);
  out_table_set_number (t, COL_COST, fp->cost_usd);
  out_table_set_kept (t, COL_LOCATION, run->region->location);
  out_table_set_number (t, COL_LIFETIME, run->lifetime_h);
  out_table_set_number (t, COL_EMBODIED, run->embodied_kgco2e);
  out_table_set_kept (t, COL_POWER_ORIGIN, run->power_origin);
  out_table_set_kept (t, COL_POWER_SOURCE, run->power_source);
  out_table_set_kept (t, COL_EMBODIED_SOURCE, run->embodied_source);
  out_table_set_kept (t, COL_EMBODIED_BASIS, run->embodied_basis);
  out_table_set_kept (t, COL_PUE_SOURCE, run->pue_source);
  out_table_set_number (t, COL_PUE_YEAR, year_or_missing (run->pue_year));
  out_table_set_kept (t, COL_GRID_SOURCE, run->grid_source);
  out_table_set_number (t, COL_GRID_YEAR, year_or_missing (run->grid_year));
  out_table_set_kept (t, COL_GRID_LEVEL,
                      run->grid_level[0] ? run->grid_level : NULL);
  out_table_set_kept (t, COL_GRID_SIGNAL,
                      run->grid_source == NULL
                          || STREQ (run->grid_source, RUN_SOURCE_USER)
                        ? NULL
                        : run_signal_name (run->signal));
  out_table_set_kept (t, COL_METHOD, run_method_name (run->method));
  out_table_set_kept (t, COL_PRICE_DATE, run->price ? run->price->date : NULL);
  out_table_set_kept (t, COL_PRICE_SOURCE,
                      run->price ? run->price->source : NULL);
  out_table_set_plain (t, COL_DATA_ROWS, rows,
                       data_rows (rows, sizeof rows, run));
}

/* The figures two methods can disagree on, in the order of the
   side-by-side table, with the run column that labels each.  */
static const enum run_column compared[] = {
  COL_POWER,  COL_PUE,   COL_GRID,     COL_ENERGY, COL_SCOPE2,
  COL_SCOPE3, COL_TOTAL, COL_EMBODIED, COL_COST,
};

/* RUN's value of the figure in column COL.  */
static double
figure_of (const struct run *run, enum run_column col)
{
  switch (col)
    {
    case COL_POWER:
      return run->power_w;
    case COL_PUE:
      return run->pue;
    case COL_GRID:
      return run->grid_gco2e_per_kwh;
    case COL_ENERGY:
      return run->footprint.energy_kwh;
    case COL_SCOPE2:
      return run->footprint.scope2_gco2e;
    case COL_SCOPE3:
      return run->footprint.scope3_gco2e;
    case COL_TOTAL:
      return run->footprint.total_gco2e;
    case COL_EMBODIED:
      return run->embodied_kgco2e;
    case COL_COST:
      return run->footprint.cost_usd;
    case COL_PRICE:
      return run->price ? run->price->usd_per_h : NAN;
    default:
      return NAN;
    }
}

void
run_fill_difference_row (struct out_table *t, const struct run *a,
                         const struct run *b)
{
  size_t i;

  out_table_set_text (t, COL_PROVIDER, a->instance->provider);
  out_table_set_text (t, COL_REGION, a->region->name);
  out_table_set_text (t, COL_INSTANCE, a->instance->name);
  out_table_set_number (t, COL_COUNT, (double) a->count);
  out_table_set_number (t, COL_RUNTIME, a->runtime_h);
  out_table_set_number (t, COL_LOAD, a->load_pct);
  out_table_set_number (t, COL_GPU_LOAD, a->gpu_load_pct);
  out_table_set_text (t, COL_LOCATION, a->region->location);
  out_table_set_number (t, COL_LIFETIME, a->lifetime_h);
  for (i = 0; i < ARRAY_SIZE (compared); i++)
    out_table_set_number (
      t, compared[i], figure_of (b, compared[i]) - figure_of (a, compared[i]));
  out_table_set_number (t, COL_PRICE,
                        figure_of (b, COL_PRICE) - figure_of (a, COL_PRICE));
  out_table_set_text (t, COL_METHOD, "difference");
}

/* Columns of the side-by-side tables.  The values are text cells in
   numeric columns: each row has its own figure, so its own decimals.  */
enum
{
  FIG_LABEL,
  FIG_A,
  FIG_B,
  FIG_DIFFERENCE,
  FIG_CHANGE,
  FIG_UNIT,
  FIG_COUNT
};

static const struct out_column figure_columns[FIG_COUNT] = {
  { "figure", "Figure", NULL, OUT_TEXT, 0, 0 },
  { "teads", "Teads", NULL, OUT_NUMBER, 0, 0 },
  { "ccf", "CCF", NULL, OUT_NUMBER, 0, 0 },
  { "difference", "CCF - Teads", NULL, OUT_NUMBER, 0, 0 },
  { "change_pct", "Change (%)", NULL, OUT_NUMBER, 1, 0 },
  { "unit", "Unit", NULL, OUT_TEXT, 0, 0 },
};

/* Format VALUE with DECIMALS digits after the point into BUF, as the
   table format does: '.' whatever the locale (main sets LC_NUMERIC to
   "C"), never "-0.00", "-" when missing.  */
static void
format_fixed (char *buf, size_t size, double value, int decimals)
{
  if (!isfinite (value))
    {
      snprintf (buf, size, "-");
      return;
    }
  snprintf (buf, size, "%.*f", decimals, value);
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    memmove (buf, buf + 1, strlen (buf));
}

struct out_table *
run_compare_figures (const struct run *a, const struct run *b)
{
  struct out_table *t = out_table_new (figure_columns, FIG_COUNT);
  char text[64];
  size_t i;

  for (i = 0; i < ARRAY_SIZE (compared); i++)
    {
      const struct out_column *col = &run_columns[compared[i]];
      double x = figure_of (a, compared[i]);
      double y = figure_of (b, compared[i]);

      out_table_add_row (t);
      out_table_set_text (t, FIG_LABEL, col->label);
      format_fixed (text, sizeof text, x, col->decimals);
      out_table_set_text (t, FIG_A, text);
      format_fixed (text, sizeof text, y, col->decimals);
      out_table_set_text (t, FIG_B, text);
      format_fixed (text, sizeof text, y - x, col->decimals);
      out_table_set_text (t, FIG_DIFFERENCE, text);
      format_fixed (text, sizeof text,
                    fabs (x) > 0.0 ? 100.0 * (y - x) / x : NAN, 1);
      out_table_set_text (t, FIG_CHANGE, text);
      out_table_set_text (t, FIG_UNIT, col->unit != NULL ? col->unit : "");
    }
  return t;
}

/* The run columns that say where figures come from, for
   run_compare_sources.  */
static const enum run_column provenance[] = {
  COL_POWER_ORIGIN, COL_POWER_SOURCE, COL_EMBODIED_SOURCE, COL_EMBODIED_BASIS,
  COL_PUE_SOURCE,   COL_PUE_YEAR,     COL_GRID_SOURCE,     COL_GRID_YEAR,
  COL_GRID_LEVEL,   COL_GRID_SIGNAL,  COL_LIFETIME,        COL_PRICE_SOURCE,
  COL_DATA_ROWS,
};

static const struct out_column source_columns[3] = {
  { "source", "Source", NULL, OUT_TEXT, 0, 0 },
  { "teads", "Teads", NULL, OUT_TEXT, 0, 0 },
  { "ccf", "CCF", NULL, OUT_TEXT, 0, 0 },
};

/* RUN's text in the provenance column COL, into BUF: what run_fill_row
   puts there, "" when it leaves the cell missing.  */
static void
provenance_text (char *buf, size_t size, const struct run *run,
                 enum run_column col)
{
  const char *s = NULL;

  switch (col)
    {
    case COL_POWER_ORIGIN:
      s = run->power_origin;
      break;
    case COL_POWER_SOURCE:
      s = run->power_source;
      break;
    case COL_EMBODIED_SOURCE:
      s = run->embodied_source;
      break;
    case COL_EMBODIED_BASIS:
      s = run->embodied_basis;
      break;
    case COL_PUE_SOURCE:
      s = run->pue_source;
      break;
    case COL_PUE_YEAR:
    case COL_GRID_YEAR:
      {
        long year = col == COL_PUE_YEAR ? run->pue_year : run->grid_year;

        if (year > 0)
          snprintf (buf, size, "%ld", year);
        else
          buf[0] = '\0';
        return;
      }
    case COL_GRID_SOURCE:
      s = run->grid_source;
      break;
    case COL_GRID_LEVEL:
      s = run->grid_level;
      break;
    case COL_GRID_SIGNAL:
      s = run->grid_source == NULL || STREQ (run->grid_source, RUN_SOURCE_USER)
            ? NULL
            : run_signal_name (run->signal);
      break;
    case COL_LIFETIME:
      snprintf (buf, size, "%.0f h", run->lifetime_h);
      return;
    case COL_PRICE_SOURCE:
      s = run->price ? run->price->source : NULL;
      break;
    case COL_DATA_ROWS:
      data_rows (buf, size, run);
      return;
    default:
      break;
    }
  snprintf (buf, size, "%s", s != NULL ? s : "");
}

struct out_table *
run_compare_sources (const struct run *a, const struct run *b)
{
  struct out_table *t = out_table_new (source_columns, 3);
  char text[160];
  size_t i;

  for (i = 0; i < ARRAY_SIZE (provenance); i++)
    {
      out_table_add_row (t);
      out_table_set_text (t, 0, run_columns[provenance[i]].label);
      provenance_text (text, sizeof text, a, provenance[i]);
      out_table_set_text (t, 1, text[0] ? text : NULL);
      provenance_text (text, sizeof text, b, provenance[i]);
      out_table_set_text (t, 2, text[0] ? text : NULL);
    }
  return t;
}

/* The job's columns, as in run_columns, for run_job_table.  */
static const struct out_column job_columns[] = {
  { "provider", "Provider", NULL, OUT_TEXT, 0, 0 },
  { "region", "Region", NULL, OUT_TEXT, 0, 0 },
  { "instance_type", "Instance", NULL, OUT_TEXT, 0, 0 },
  { "count", "Count", NULL, OUT_INTEGER, 0, 0 },
  { "runtime_h", "Runtime", "h", OUT_NUMBER, 2, 0 },
  { "load_pct", "Load", "%", OUT_NUMBER, 1, 0 },
  { "location", "Location", NULL, OUT_TEXT, 0, 0 },
};

struct out_table *
run_job_table (const struct run *run)
{
  struct out_table *t = out_table_new (job_columns, ARRAY_SIZE (job_columns));

  out_table_add_row (t);
  out_table_set_text (t, 0, run->instance->provider);
  out_table_set_text (t, 1, run->region->name);
  out_table_set_text (t, 2, run->instance->name);
  out_table_set_number (t, 3, (double) run->count);
  out_table_set_number (t, 4, run->runtime_h);
  out_table_set_number (t, 5, run->load_pct);
  out_table_set_text (t, 6, run->region->location);
  return t;
}
