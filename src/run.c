/* One run: a job on COUNT instances of one type in one region, with
   every figure of its footprint and where each came from.  */
#include <config.h>

#include <math.h>
#include <stdio.h>

#include "power.h"
#include "run.h"
#include "system.h"

static const char *const signal_names[] = { "average", "marginal", "market" };

int
run_signal_parse (const char *name, enum run_signal *signal)
{
  size_t i;

  for (i = 0; i < ARRAY_SIZE (signal_names); i++)
    if (STREQ (name, signal_names[i]))
      {
        *signal = (enum run_signal) i;
        return 0;
      }
  return -1;
}

const char *
run_signal_name (enum run_signal signal)
{
  return signal_names[signal];
}

const struct grid_figure *
run_signal_figure (const struct region *region, enum run_signal signal)
{
  switch (signal)
    {
    case RUN_SIGNAL_MARGINAL:
      return &region->marginal;
    case RUN_SIGNAL_MARKET:
      return &region->market;
    case RUN_SIGNAL_AVERAGE:
    default:
      return &region->grid;
    }
}

int
run_evaluate (const struct instance *instance, const struct region *region,
              const struct price *price, const struct run_params *params,
              struct run *out, struct diag *d)
{
  struct footprint_job job;
  struct footprint_site site;
  struct diag pd;

  out->instance = instance;
  out->region = region;
  out->price = price;
  out->runtime_h = params->runtime_h;
  out->load_pct = params->load_pct;
  out->count = params->count;
  out->lifetime_h = params->lifetime_years * FOOTPRINT_HOURS_PER_YEAR;

  if (!isnan (params->power_w))
    out->power_w = params->power_w;
  else if (power_at_load (catalogue_power_loads, instance->power_w,
                          CATALOGUE_POWER_POINTS, params->load_pct,
                          &out->power_w, &pd)
           < 0)
    return diag_set (d, pd.status, "%s: %s", instance->name, pd.text);

  if (isnan (params->pue))
    {
      out->pue = region->pue;
      out->pue_source = region->pue_source;
      out->pue_year = region->pue_year;
    }
  else
    {
      out->pue = params->pue;
      out->pue_source = RUN_SOURCE_USER;
      out->pue_year = 0;
    }

  out->signal = params->signal;
  if (isnan (params->grid_gco2e_per_kwh))
    {
      const struct grid_figure *fig
        = run_signal_figure (region, params->signal);

      if (isnan (fig->gco2e_per_kwh))
        return diag_set (d, CA_EXIT_DATAERR,
                         "region '%s' has no %s grid intensity in the data; "
                         "give one with --grid-intensity",
                         region->name, run_signal_name (params->signal));
      out->grid_gco2e_per_kwh = fig->gco2e_per_kwh;
      out->grid_source = fig->source;
      out->grid_year = fig->year;
      /* Only the average falls back to a country figure; the marginal
         and market figures are the region's own.  */
      out->grid_level = params->signal == RUN_SIGNAL_AVERAGE
                          ? region->grid_level
                          : "region";
    }
  else
    {
      out->grid_gco2e_per_kwh = params->grid_gco2e_per_kwh;
      out->grid_source = RUN_SOURCE_USER;
      out->grid_year = 0;
      out->grid_level = "";
    }

  job.runtime_h = out->runtime_h;
  job.count = (double) out->count;
  job.lifetime_h = out->lifetime_h;
  site.power_w = out->power_w;
  site.embodied_kgco2e = instance->embodied_kgco2e;
  site.pue = out->pue;
  site.grid_gco2e_per_kwh = out->grid_gco2e_per_kwh;
  site.price_usd_per_h = price != NULL ? price->usd_per_h : NAN;
  footprint_compute (&job, &site, &out->footprint);
  return 0;
}

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
  COL_PUE_SOURCE,
  COL_PUE_YEAR,
  COL_GRID_SOURCE,
  COL_GRID_YEAR,
  COL_GRID_LEVEL,
  COL_GRID_SIGNAL,
  COL_PRICE_DATE,
  COL_PRICE_SOURCE,
  COL_DATA_ROWS,
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
  { "scope2_gco2e", "Scope 2", "gCO2e", OUT_NUMBER, 1, 0 },
  { "scope3_gco2e", "Scope 3", "gCO2e", OUT_NUMBER, 1, 0 },
  { "total_gco2e", "Total", "gCO2e", OUT_NUMBER, 1, 0 },
  { "price_usd_per_h", "Price", "USD/h", OUT_NUMBER, 4, 0 },
  { "cost_usd", "Cost", "USD", OUT_NUMBER, 2, 0 },
  { "location", "Location", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "lifetime_h", "Lifetime", "h", OUT_NUMBER, 0, OUT_COL_MACHINE },
  { "embodied_kgco2e", "Embodied share", "kgCO2e", OUT_NUMBER, 2,
    OUT_COL_MACHINE },
  { "power_origin", "Power curve", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "power_source", "Power source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "embodied_source", "Embodied source", NULL, OUT_TEXT, 0,
    OUT_COL_MACHINE },
  { "pue_source", "PUE source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "pue_year", "PUE year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "grid_source", "Grid source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "grid_year", "Grid year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "grid_level", "Grid level", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "grid_signal", "Grid signal", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "price_date", "Price date", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "price_source", "Price source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "data_rows", "Data rows", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
};

const size_t run_ncolumns = COL_COUNT_OF_COLUMNS;

/* A year of 0 means unknown.  */
static double
year_or_missing (long year)
{
  return year > 0 ? (double) year : NAN;
}

void
run_fill_row (struct out_table *t, const struct run *run)
{
  const struct footprint *fp = &run->footprint;
  char rows[128];

  out_table_set_text (t, COL_PROVIDER, run->instance->provider);
  out_table_set_text (t, COL_REGION, run->region->name);
  out_table_set_text (t, COL_INSTANCE, run->instance->name);
  out_table_set_number (t, COL_COUNT, (double) run->count);
  out_table_set_number (t, COL_RUNTIME, run->runtime_h);
  out_table_set_number (t, COL_LOAD, run->load_pct);
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
  out_table_set_text (t, COL_LOCATION, run->region->location);
  out_table_set_number (t, COL_LIFETIME, run->lifetime_h);
  out_table_set_number (t, COL_EMBODIED, run->instance->embodied_kgco2e);
  out_table_set_text (t, COL_POWER_ORIGIN, run->instance->power_origin);
  out_table_set_text (t, COL_POWER_SOURCE, run->instance->power_source);
  out_table_set_text (t, COL_EMBODIED_SOURCE,
                      run->instance->embodied_source);
  out_table_set_text (t, COL_PUE_SOURCE, run->pue_source);
  out_table_set_number (t, COL_PUE_YEAR, year_or_missing (run->pue_year));
  out_table_set_text (t, COL_GRID_SOURCE, run->grid_source);
  out_table_set_number (t, COL_GRID_YEAR, year_or_missing (run->grid_year));
  out_table_set_text (t, COL_GRID_LEVEL,
                      run->grid_level[0] ? run->grid_level : NULL);
  out_table_set_text (t, COL_GRID_SIGNAL,
                      run->grid_source == NULL
                          || STREQ (run->grid_source, RUN_SOURCE_USER)
                        ? NULL
                        : run_signal_name (run->signal));
  out_table_set_text (t, COL_PRICE_DATE,
                      run->price ? run->price->date : NULL);
  out_table_set_text (t, COL_PRICE_SOURCE,
                      run->price ? run->price->source : NULL);
  if (run->price != NULL)
    snprintf (rows, sizeof rows, "%s:%zu %s:%zu %s:%zu", CATALOGUE_INSTANCES,
              run->instance->line, CATALOGUE_REGIONS, run->region->line,
              CATALOGUE_PRICES, run->price->line);
  else
    snprintf (rows, sizeof rows, "%s:%zu %s:%zu", CATALOGUE_INSTANCES,
              run->instance->line, CATALOGUE_REGIONS, run->region->line);
  out_table_set_text (t, COL_DATA_ROWS, rows);
}
