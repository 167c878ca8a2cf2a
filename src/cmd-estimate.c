/* carbon-advisor estimate: the footprint and cost of one run.  */
#include <config.h>

#include <argp.h>
#include <errno.h>
#include <error.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "run.h"
#include "uncertainty.h"
#include "xalloc.h"

struct estimate_opts
{
  const char *instance;
  const char *region;
  struct run_params params;
  bool has_runtime;
  bool has_load;
  bool all_methods;             /* --method all: Teads and CCF side by
                                   side.  */
  struct cli_uncertainty unc;
};

enum
{
  OPT_INSTANCE = 'i',
  OPT_REGION = 'r',
  OPT_RUNTIME = 't',
  OPT_LOAD = 'l',
  OPT_COUNT = 'n',
  OPT_PUE = 0x200,
  OPT_GRID,
  OPT_LIFETIME,
  OPT_SIGNAL,
  OPT_METHOD
};

static const struct argp_option estimate_options[] = {
  { "instance", OPT_INSTANCE, "TYPE", 0,
    "Instance type, e.g. m5.xlarge (required)", 0 },
  { "region", OPT_REGION, "REGION", 0,
    "Region code, e.g. eu-north-1 (required)", 0 },
  { "runtime", OPT_RUNTIME, "DURATION", 0,
    "How long the job runs: 90m, 36h, 1.5d, 2h30m, 5400s; a bare number "
    "is hours; MODE:MIN:MAX for a triangular range (required)", 0 },
  { "load", OPT_LOAD, "PERCENT", 0,
    "Average CPU load of the instances, 0-100; MODE:MIN:MAX (e.g. "
    "60:40:80) for a triangular range (required)", 0 },
  { "count", OPT_COUNT, "N", 0, "Number of instances (default 1)", 0 },
  { "pue", OPT_PUE, "RATIO", 0,
    "Use this data-centre PUE instead of the region's (at least 1)", 0 },
  { "grid-intensity", OPT_GRID, "G", 0,
    "Use this grid intensity, gCO2e/kWh, instead of the region's", 0 },
  { "signal", OPT_SIGNAL, "SIGNAL", 0,
    "Grid intensity to use: average (location-based, default), marginal "
    "or market (the provider's market-based claim)", 0 },
  { "lifetime-years", OPT_LIFETIME, "YEARS", 0,
    "Hardware lifetime over which manufacturing emissions are spread "
    "(default 4, i.e. 35,040 h)", 0 },
  { "method", OPT_METHOD, "METHOD", 0,
    "teads (default: Teads' measured power curves, the region's own PUE "
    "and grid intensity), ccf (Cloud Carbon Footprint's coefficients, PUE "
    "and grid factors) or all (both, and CCF minus Teads)", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static void
estimate_init (void *opts)
{
  struct estimate_opts *o = opts;

  o->params.count = 1;
  o->params.lifetime_years = FOOTPRINT_DEFAULT_LIFETIME_YEARS;
  o->params.pue = NAN;
  o->params.grid_gco2e_per_kwh = NAN;
  o->params.power_w = NAN;
  cli_uncertainty_init (&o->unc);
}

static error_t
parse_estimate (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;
  struct estimate_opts *o = input->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &o->unc;
      state->child_inputs[1] = input->global;
      break;
    case OPT_INSTANCE:
      o->instance = arg;
      break;
    case OPT_REGION:
      o->region = arg;
      break;
    case OPT_RUNTIME:
      o->params.runtime_h = cli_parse_runtime (state, arg, &o->unc);
      o->has_runtime = true;
      break;
    case OPT_LOAD:
      o->params.load_pct = cli_parse_load (state, arg, &o->unc);
      o->has_load = true;
      break;
    case OPT_COUNT:
      o->params.count = cli_parse_whole (state, "count", arg, 1);
      break;
    case OPT_PUE:
      o->params.pue = cli_parse_number (state, "pue", arg, 1.0, 10.0);
      break;
    case OPT_GRID:
      o->params.grid_gco2e_per_kwh
        = cli_parse_number (state, "grid-intensity", arg, 0.0, 5000.0);
      break;
    case OPT_LIFETIME:
      o->params.lifetime_years
        = cli_parse_number (state, "lifetime-years", arg, 0.1, 100.0);
      o->unc.lifetime_given = true;
      break;
    case OPT_SIGNAL:
      if (run_signal_parse (arg, &o->params.signal) < 0)
        argp_error (state, "unknown --signal '%s'; choose average, marginal "
                    "or market", arg);
      break;
    case OPT_METHOD:
      o->all_methods = STREQ (arg, "all");
      if (!o->all_methods && run_method_parse (arg, &o->params.method) < 0)
        argp_error (state, "unknown --method '%s'; choose teads, ccf or all",
                    arg);
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    case ARGP_KEY_END:
      if (o->instance == NULL)
        argp_error (state, "missing --instance");
      if (o->region == NULL)
        argp_error (state, "missing --region");
      if (!o->has_runtime)
        argp_error (state, "missing --runtime");
      if (!o->has_load)
        argp_error (state, "missing --load");
      /* CCF has one grid factor per region, a location-based average:
         a marginal or market-based run would not be CCF's.  */
      if ((o->all_methods || o->params.method == RUN_METHOD_CCF)
          && o->params.signal != RUN_SIGNAL_AVERAGE)
        argp_error (state, "--signal %s goes with --method teads: CCF's "
                    "method has only its location-based grid factors",
                    run_signal_name (o->params.signal));
      if (o->unc.enabled
          && (o->all_methods || o->params.method == RUN_METHOD_CCF))
        argp_error (state, "--uncertainty goes with --method teads: the "
                    "spreads are those of the Teads method's figures");
      cli_uncertainty_check (state, &o->unc, o->params.load_pct,
                             o->params.runtime_h);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child estimate_children[] = {
  { &cli_uncertainty_argp, 0, "Uncertainty:", 1 },
  { &cli_global_argp, 0, "Global options:", 2 },
  { NULL, 0, NULL, 0 },
};

static const struct argp estimate_argp = {
  estimate_options, parse_estimate, NULL,
  "Estimate the energy, Scope 2 and Scope 3 emissions (gCO2e) and cost of "
  "running a job on COUNT instances of one type in one region, with the "
  "source and year of every figure used, by the Teads method, Cloud Carbon "
  "Footprint's, or both side by side.",
  estimate_children, NULL, NULL
};

/* Report an unknown instance type or region with suggestions.  */
static int
report_unknown_instance (const struct catalogue *cat, const char *name)
{
  const char **names = xcalloc (cat->ninstances, sizeof *names);
  size_t i;
  int status;

  for (i = 0; i < cat->ninstances; i++)
    names[i] = cat->instances[i].name;
  status = cli_report_unknown ("instance type", name, names,
                               cat->ninstances);
  free (names);
  return status;
}

static int
report_unknown_region (const struct catalogue *cat, const char *name)
{
  const char **names = xcalloc (cat->nregions, sizeof *names);
  size_t i;
  int status;

  for (i = 0; i < cat->nregions; i++)
    names[i] = cat->regions[i].name;
  status = cli_report_unknown ("region", name, names, cat->nregions);
  free (names);
  return status;
}

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
estimate_both (const struct cli_global *global,
               const struct estimate_opts *o, const struct instance *instance,
               const struct region *region, const struct price *price)
{
  struct run_params params = o->params;
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
  if (write_side_by_side (sink.fp, &runs[0], &runs[1]) < 0)
    {
      /* As cli_emit reports it.  */
      error (0, errno, "%s", sink.path ? sink.path : "write error");
      cli_sink_close (&sink, false);
      return CA_EXIT_FAILURE;
    }
  return cli_sink_close (&sink, true);
}

/* --uncertainty: RUN with the p5, p50 and p95 of its total and cost.
   Returns an exit status.  */
static int
estimate_uncertain (const struct cli_global *global,
                    const struct estimate_opts *o,
                    const struct catalogue *cat, const struct run *run)
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

  cli_uncertainty_spec (&o->unc, cat, keys, o->params.load_pct,
                        o->params.runtime_h, o->params.lifetime_years, &spec);
  uncertainty_item_from_run (cat, keys, run, &o->params, false, &item);
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
  struct run run;
  struct diag d;

  if (cat == NULL)
    return status;
  instance = catalogue_find_instance (cat, o->instance);
  region = catalogue_find_region (cat, o->region);
  if (instance == NULL)
    status = report_unknown_instance (cat, o->instance);
  else if (region == NULL)
    status = report_unknown_region (cat, o->region);
  if (status != CA_EXIT_OK)
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
  if (o->all_methods)
    {
      status = estimate_both (global, o, instance, region, price);
      goto done;
    }
  if (run_evaluate (instance, region, price, &o->params, &run, &d) < 0)
    {
      status = cli_report (&d);
      goto done;
    }

  if (o->unc.enabled)
    {
      status = estimate_uncertain (global, o, cat, &run);
      goto done;
    }
  table = out_table_new (run_columns, run_ncolumns);
  out_table_add_row (table);
  run_fill_row (table, &run);
  status = cli_emit (global, OUT_LAYOUT_VERTICAL, table);
  out_table_free (table);

done:
  catalogue_free (cat);
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
