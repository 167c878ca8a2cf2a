/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor factors: the hourly energy, carbon and price of every
   priced (instance type, region) at one load, for joining with billing
   or usage exports in a warehouse (doc/tracking.md).  */
#include <config.h>

#include <argp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "model/run.h"

struct factors_opts
{
  double load_pct;
  double gpu_load_pct;
  const char *provider;
};

enum
{
  OPT_LOAD = 0x500,
  OPT_GPU_LOAD,
  OPT_PROVIDER
};

static const struct argp_option factors_options[] = {
  { "load", OPT_LOAD, "PCT", 0, "Load of every instance (required)", 0 },
  { "gpu-load", OPT_GPU_LOAD, "PCT", 0,
    "Load of the GPUs, for their part of the power as estimate takes it "
    "(default: --load)",
    0 },
  { "provider", OPT_PROVIDER, "NAME", 0,
    "Only this provider's rows (aws, azure or gcp)", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static void
factors_init (void *opts)
{
  struct factors_opts *o = opts;

  o->load_pct = o->gpu_load_pct = NAN;
}

static error_t
parse_factors (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;
  struct factors_opts *o = input->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = input->global;
      break;
    case OPT_LOAD:
      o->load_pct = cli_parse_percent (state, "load", arg, 100.0);
      break;
    case OPT_GPU_LOAD:
      o->gpu_load_pct = cli_parse_percent (state, "gpu-load", arg, 100.0);
      break;
    case OPT_PROVIDER:
      o->provider = arg;
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    case ARGP_KEY_END:
      if (isnan (o->load_pct))
        argp_error (state, "missing --load");
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child factors_children[] = {
  { &cli_global_argp, 0, "Global options:", 1 },
  { NULL, 0, NULL, 0 },
};

static const struct argp factors_argp
  = { factors_options,
      parse_factors,
      NULL,
      "Write, for every (instance type, region) the data prices, one "
      "instance-hour at --load: its power, PUE, facility energy, grid "
      "figure, Scope 2, Scope 3, total and on-demand price, with sources: a "
      "lookup table to join with billing or usage exports (hours x factor) "
      "in a warehouse, worked out by the same formula as estimate.",
      factors_children,
      NULL,
      NULL };

static const struct out_column factor_columns[] = {
  { "provider", "Provider", NULL, OUT_TEXT, 0, 0 },
  { "region", "Region", NULL, OUT_TEXT, 0, 0 },
  { "instance_type", "Instance", NULL, OUT_TEXT, 0, 0 },
  { "load_pct", "Load", "%", OUT_NUMBER, 1, 0 },
  { "power_w", "Power", "W", OUT_NUMBER, 2, 0 },
  { "pue", "PUE", NULL, OUT_NUMBER, 3, 0 },
  { "energy_kwh_per_h", "Energy", "kWh/h", OUT_NUMBER, 4, 0 },
  { "grid_gco2e_per_kwh", "Grid", "gCO2e/kWh", OUT_NUMBER, 2, 0 },
  { "scope2_gco2e_per_h", "Scope 2", "gCO2e/h", OUT_NUMBER, 2, 0 },
  { "scope3_gco2e_per_h", "Scope 3", "gCO2e/h", OUT_NUMBER, 2, 0 },
  { "total_gco2e_per_h", "Total", "gCO2e/h", OUT_NUMBER, 2, 0 },
  { "price_usd_per_h", "Price", "USD/h", OUT_NUMBER, 4, 0 },
  { "power_source", "Power source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "embodied_source", "Embodied source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "pue_source", "PUE source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "grid_source", "Grid source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "grid_year", "Grid year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "price_date", "Price date", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  /* Last, so that no column before moves; blank without GPUs.  */
  { "gpu_load_pct", "GPU load", "%", OUT_NUMBER, 1, OUT_COL_MACHINE },
};

/* Add the row of RUN to TABLE.  */
static void
add_row (struct out_table *t, const struct run *run)
{
  const struct footprint *f = &run->footprint;
  size_t c = 0;

  out_table_add_row (t);
  out_table_set_text (t, c++, run->region->provider);
  out_table_set_text (t, c++, run->region->name);
  out_table_set_text (t, c++, run->instance->name);
  out_table_set_number (t, c++, run->load_pct);
  out_table_set_number (t, c++, run->power_w);
  out_table_set_number (t, c++, run->pue);
  out_table_set_number (t, c++, f->energy_kwh);
  out_table_set_number (t, c++, run->grid_gco2e_per_kwh);
  out_table_set_number (t, c++, f->scope2_gco2e);
  out_table_set_number (t, c++, f->scope3_gco2e);
  out_table_set_number (t, c++, f->total_gco2e);
  out_table_set_number (t, c++, f->cost_usd);
  out_table_set_text (t, c++, run->power_source);
  out_table_set_text (t, c++, run->embodied_source);
  out_table_set_text (t, c++, run->pue_source);
  out_table_set_text (t, c++, run->grid_source);
  out_table_set_number (t, c++,
                        run->grid_year > 0 ? (double) run->grid_year : NAN);
  out_table_set_text (t, c++, run->price->date);
  out_table_set_number (t, c, run->gpu_load_pct);
}

static int
cmd_factors_exec (const struct cli_global *global, void *opts)
{
  struct factors_opts *o = opts;
  int status = CA_EXIT_OK;
  struct catalogue *cat = cli_load_catalogue (global, &status);
  struct out_table *table;
  struct run_params p;
  struct run run;
  struct diag d;
  size_t i;

  if (cat == NULL)
    return status;
  table = out_table_new (factor_columns, ARRAY_SIZE (factor_columns));
  memset (&p, 0, sizeof p);
  p.runtime_h = 1;
  p.count = 1;
  p.lifetime_years = FOOTPRINT_DEFAULT_LIFETIME_YEARS;
  p.pue = p.grid_gco2e_per_kwh = p.power_w = NAN;
  for (i = 0; i < cat->nprices && status == CA_EXIT_OK; i++)
    {
      const struct price *pr = &cat->prices[i];

      if (o->provider != NULL && !STREQ (pr->region->provider, o->provider))
        continue;
      /* As estimate: the GPUs' part of the curve at --gpu-load.  */
      p.load_pct = o->load_pct;
      p.gpu_load_pct = o->gpu_load_pct;
      p.gpu_load_own = !isnan (o->gpu_load_pct);
      /* A region without a grid figure has no factor: left out, as
         advise leaves it out.  */
      if (run_evaluate (pr->instance, pr->region, pr, &p, &run, &d) < 0)
        continue;
      add_row (table, &run);
    }
  status = cli_emit (global, OUT_LAYOUT_WIDE, table);
  out_table_free (table);
  catalogue_free (cat);
  return status;
}

const struct cmd_entry cmd_factors_entry = {
  "factors",
  "hourly energy, carbon and price of every instance type and region",
  &factors_argp,
  sizeof (struct factors_opts),
  factors_init,
  cmd_factors_exec,
};
