/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor estimate: the footprint and cost of one run.  */
#include <config.h>

#include <argp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "model/run.h"
#include "search/uncertainty.h"
#include "view/load-view.h"
#include "view/run-view.h"
#include "view/uncertainty-view.h"
#include "base/xalloc.h"

struct estimate_opts
{
  const char *instance;
  const char *region;
  struct cli_job job; /* --method all: Teads and CCF side by
                         side.  */
  struct cli_uncertainty unc;
};

enum
{
  OPT_INSTANCE = 'i',
  OPT_REGION = 'r',
  OPT_PUE = 0x200,
  OPT_GRID
};

static const struct argp_option estimate_options[] = {
  { "instance", OPT_INSTANCE, "TYPE", 0,
    "Instance type, e.g. m5.xlarge (required)", 0 },
  { "region", OPT_REGION, "REGION", 0,
    "Region code, e.g. eu-north-1, or a place (Stockholm, Sweden) with "
    "one region that offers the instance type (required)",
    0 },
  { "pue", OPT_PUE, "RATIO", 0,
    "Use this data-centre PUE instead of the region's (at least 1)", 0 },
  { "grid-intensity", OPT_GRID, "G", 0,
    "Use this grid intensity, gCO2e/kWh, instead of the region's", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static void
estimate_init (void *opts)
{
  struct estimate_opts *o = opts;

  cli_uncertainty_init (&o->unc);
  cli_job_init (&o->job, &o->unc, true);
}

static error_t
parse_estimate (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;
  struct estimate_opts *o = input->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &o->job;
      state->child_inputs[1] = &o->unc;
      state->child_inputs[2] = input->global;
      break;
    case OPT_INSTANCE:
      o->instance = arg;
      break;
    case OPT_REGION:
      o->region = arg;
      break;
    case OPT_PUE:
      o->job.params.pue = cli_parse_number (state, "pue", arg, 1.0, 10.0);
      break;
    case OPT_GRID:
      o->job.params.grid_gco2e_per_kwh
        = cli_parse_number (state, "grid-intensity", arg, 0.0, 5000.0);
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    case ARGP_KEY_END:
      if (o->instance == NULL)
        argp_error (state, "missing --instance");
      if (o->region == NULL)
        argp_error (state, "missing --region");
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child estimate_children[] = {
  { &cli_job_argp, 0, "The job:", 1 },
  { &cli_uncertainty_argp, 0, "Uncertainty:", 2 },
  { &cli_global_argp, 0, "Global options:", 3 },
  { NULL, 0, NULL, 0 },
};

static const struct argp estimate_argp = {
  estimate_options,
  parse_estimate,
  NULL,
  "Estimate the energy, Scope 2 and Scope 3 emissions (gCO2e) and cost of "
  "running a job on COUNT instances of one type in one region, with the "
  "source and year of every figure used, by the Teads method, Cloud Carbon "
  "Footprint's, or both side by side.",
  estimate_children,
  NULL,
  NULL
};

/* Write the three tables of --method all in the table format to FP: the
   job, the figures side by side, their sources.  Returns 0, or -1 with
   errno set if a write failed.  */
static int
write_side_by_side (FILE *fp, const struct run *teads, const struct run *ccf)
{
  struct out_table *parts[3];
  size_t i;
  int ok = 0;

  parts[0] = run_job_table (teads);
  parts[1] = run_compare_figures (teads, ccf);
  parts[2] = run_compare_sources (teads, ccf);
  for (i = 0; i < ARRAY_SIZE (parts); i++)
    {
      if (ok == 0 && i > 0 && fputs ("\n", fp) == EOF)
        ok = -1;
      if (ok == 0)
        ok = out_write (fp, OUT_FORMAT_TABLE,
                        i == 0 ? OUT_LAYOUT_VERTICAL : OUT_LAYOUT_WIDE,
                        parts[i]);
      out_table_free (parts[i]);
    }
  return ok;
}

/* --method all: the run by each method, then CCF minus Teads.  Returns
   an exit status.  */
static int
estimate_both (const struct cli_global *global, const struct estimate_opts *o,
               const struct instance *instance, const struct region *region,
               const struct price *price)
{
  struct run_params params = o->job.params;
  struct run runs[2];
  struct diag d;
  struct cli_sink sink;
  int status, i;

  for (i = 0; i < 2; i++)
    {
      params.method = i == 0 ? RUN_METHOD_TEADS : RUN_METHOD_CCF;
      if (run_evaluate (instance, region, price, &params, &runs[i], &d) < 0)
        return cli_report (&d);
    }
  if (global->format != OUT_FORMAT_TABLE)
    {
      struct out_table *table = out_table_new (run_columns, run_ncolumns);

      for (i = 0; i < 2; i++)
        {
          out_table_add_row (table);
          run_fill_row (table, &runs[i]);
        }
      out_table_add_row (table);
      run_fill_difference_row (table, &runs[0], &runs[1]);
      status = cli_emit (global, OUT_LAYOUT_WIDE, table);
      out_table_free (table);
      return status;
    }
  status = cli_sink_open (global, &sink);
  if (status != CA_EXIT_OK)
    return status;
  return cli_sink_finish (
    &sink, write_side_by_side (sink.fp, &runs[0], &runs[1]) == 0);
}

/* --uncertainty: RUN with the p5, p50 and p95 of its total and cost.
   Returns an exit status.  */
static int
estimate_uncertain (const struct cli_global *global,
                    const struct estimate_opts *o, const struct catalogue *cat,
                    const struct run *run)
{
  struct uncertainty_keys *keys = uncertainty_keys_new (cat);
  struct uncertainty_spec spec;
  struct uncertainty_item item;
  struct uncertainty_summary sum;
  struct uncertainty *u;
  struct out_column *cols;
  struct out_table *table;
  struct diag d;
  int status;

  cli_uncertainty_spec (&o->unc, cat, keys, o->job.params.load_pct,
                        o->job.params.runtime_h, o->job.params.lifetime_years,
                        &spec);
  uncertainty_item_from_run (cat, keys, run, &o->job.params, false, &item);
  u = uncertainty_new (&spec, &item, 1, &d);
  uncertainty_keys_free (keys);
  if (u == NULL)
    return cli_report (&d);
  uncertainty_summarise (u, 0, &sum);
  uncertainty_free (u);

  cols = xcalloc (run_ncolumns + UNCERTAINTY_NCOLUMNS, sizeof *cols);
  memcpy (cols, run_columns, run_ncolumns * sizeof *cols);
  memcpy (cols + run_ncolumns, uncertainty_columns,
          sizeof uncertainty_columns);
  table = out_table_new (cols, run_ncolumns + UNCERTAINTY_NCOLUMNS);
  out_table_add_row (table);
  run_fill_row (table, run);
  uncertainty_fill_row (table, run_ncolumns, &sum, spec.samples, spec.seed);
  status = cli_emit (global, OUT_LAYOUT_VERTICAL, table);
  out_table_free (table);
  free (cols);
  return status;
}

/* Write TABLE, RUN's row, in the vertical layout and, for people (the
   table format), the method under it in words.  Returns an exit
   status.  */
static int
emit_run (const struct cli_global *global, const struct out_table *table,
          const struct run *run)
{
  struct cli_sink sink;
  int status = cli_sink_open (global, &sink);

  if (status != CA_EXIT_OK)
    return status;
  bool ok
    = out_write (sink.fp, global->format, OUT_LAYOUT_VERTICAL, table) == 0;
  if (ok && global->format == OUT_FORMAT_TABLE)
    ok = fprintf (sink.fp, "\nMethod: %s.\n", run_method_text (run)) > 0;
  return cli_sink_finish (&sink, ok);
}

static int
cmd_estimate_exec (const struct cli_global *global, void *opts)
{
  struct estimate_opts *o = opts;
  int status = CA_EXIT_OK;
  struct catalogue *cat = cli_load_catalogue (global, &status);
  const struct instance *instance;
  const struct region *region;
  const struct price *price;
  struct out_table *table;
  struct price_file *price_file = NULL;
  struct run run;
  struct diag d;

  if (cat == NULL)
    return status;
  status = cli_job_apply (&o->job, cat, &price_file);
  if (status != CA_EXIT_OK)
    goto done;
  instance = catalogue_find_instance (cat, o->instance);
  if (instance == NULL)
    {
      status = cli_report_unknown_instance (cat, o->instance);
      goto done;
    }
  region = cli_find_region_for (cat, o->region, instance, &status);
  if (region == NULL)
    goto done;

  price = catalogue_find_price (cat, instance, region);
  if (price == NULL)
    {
      d.status = CA_EXIT_USAGE;
      snprintf (d.text, sizeof d.text,
                "%s is not offered in %s (the data prices it in %zu "
                "regions; see 'carbon-advisor list regions --instance %s')",
                instance->name, region->name,
                catalogue_count_regions (cat, instance), instance->name);
      status = cli_report (&d);
      goto done;
    }
  if (o->job.method_all)
    {
      status = estimate_both (global, o, instance, region, price);
      goto done;
    }
  if (run_evaluate (instance, region, price, &o->job.params, &run, &d) < 0)
    {
      status = cli_report (&d);
      goto done;
    }

  if (o->unc.enabled)
    {
      status = estimate_uncertain (global, o, cat, &run);
      goto done;
    }
  /* Say when --gpu-load could not be used, rather than pretend.  */
  if (load_view_not_split (&run, &o->job.params))
    fprintf (stderr,
             "carbon-advisor: note: %s: no per-card power for its %s in "
             "%s; its GPUs taken at --load %g %%\n",
             instance->name, instance->gpu_model, CATALOGUE_GPUS,
             run.load_pct);
  table = out_table_new (run_columns, run_ncolumns);
  out_table_add_row (table);
  run_fill_row (table, &run);
  status = emit_run (global, table, &run);
  out_table_free (table);

done:
  catalogue_free (cat);
  price_file_free (price_file);
  return status;
}

const struct cmd_entry cmd_estimate_entry = {
  "estimate",
  "footprint and cost of one job on one instance type in one region",
  &estimate_argp,
  sizeof (struct estimate_opts),
  estimate_init,
  cmd_estimate_exec,
};
