/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The job option group: what estimate, advise, compare and report
   run, and its checks against the catalogue.  */
#include <config.h>

#include <argp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/job.h"
#include "cli/lookup.h"
#include "cli/message.h"
#include "cli/options.h"
#include "model/run-rules.h"
#include "base/system.h"
#include "base/xalloc.h"

enum
{
  OPT_JOB_RUNTIME = 't',
  OPT_JOB_LOAD = 'l',
  OPT_JOB_COUNT = 'n',
  OPT_JOB_LIFETIME = 0x700,
  OPT_JOB_SIGNAL,
  OPT_JOB_METHOD,
  OPT_JOB_EMBODIED_SHARE,
  OPT_JOB_GRID_SOURCE,
  OPT_JOB_PRICING,
  OPT_JOB_PRICE_FILE,
  OPT_JOB_GPU_LOAD
};

static const struct argp_option job_options[] = {
  { "runtime", OPT_JOB_RUNTIME, "DURATION", 0,
    "How long the job runs (on advise's --reference instance, if given): "
    "90m, 36h, 1.5d, 2h30m, 5400s; a bare number is hours; MODE:MIN:MAX "
    "for a triangular range with --uncertainty (required)",
    0 },
  { "load", OPT_JOB_LOAD, "PERCENT", 0,
    "Average load of the instances in per cent, 0-100 (60 or 60%); "
    "MODE:MIN:MAX (e.g. 60:40:80) "
    "for a triangular range with --uncertainty (required)",
    0 },
  { "gpu-load", OPT_JOB_GPU_LOAD, "PERCENT", 0,
    "Average load of the GPUs, 0-100 (default: --load), for the GPUs' "
    "part of the power where the data separates it",
    0 },
  { "count", OPT_JOB_COUNT, "N", 0,
    "Number of instances (default 1, at most 1000000)", 0 },
  { "lifetime-years", OPT_JOB_LIFETIME, "YEARS", 0,
    "Hardware lifetime over which manufacturing emissions are spread "
    "(default 4, i.e. 35,040 h)",
    0 },
  { "signal", OPT_JOB_SIGNAL, "SIGNAL", 0,
    "Grid intensity to use: average (location-based, default), marginal "
    "or market (the provider's market-based claim); advise and compare "
    "leave out, and count, a region without that figure",
    0 },
  { "method", OPT_JOB_METHOD, "METHOD", 0,
    "teads (default: the Teads curves, the region's own PUE and grid "
    "intensity) or ccf (Cloud Carbon Footprint's coefficients, PUE and "
    "grid factors); estimate also takes all (both, and CCF minus Teads)",
    0 },
  { "embodied-share", OPT_JOB_EMBODIED_SHARE, "RULE", 0,
    "The instance's share of its host's manufacturing emissions: largest "
    "(default: the largest of its shares of the host's vCPUs, memory and "
    "GPUs) or vcpu (its share of the vCPUs, as the Teads sheet)",
    0 },
  { "grid-source", OPT_JOB_GRID_SOURCE, "SOURCE", 0,
    "Take each region's location-based grid intensity from SOURCE, a "
    "source id of grid_alternatives.csv (e.g. google-region-carbon), "
    "instead of the default basis; regions it has no figure for are left "
    "out and counted",
    0 },
  { "pricing", OPT_JOB_PRICING, "KIND", 0,
    "on-demand (default) or spot: spot prices with their dates; pairs "
    "without one are left out and counted",
    0 },
  { "price-file", OPT_JOB_PRICE_FILE, "FILE", 0,
    "A CSV of the team's own prices (provider,region,instance_type,"
    "price_usd_per_h, optional price_date) that replace the list price of "
    "those pairs",
    0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

void
cli_job_init (struct cli_job *job, struct cli_uncertainty *unc,
              bool allow_method_all)
{
  memset (job, 0, sizeof *job);
  job->params.count = 1;
  job->params.lifetime_years = FOOTPRINT_DEFAULT_LIFETIME_YEARS;
  job->params.pue = NAN;
  job->params.grid_gco2e_per_kwh = NAN;
  job->params.power_w = NAN;
  job->params.signal = RUN_SIGNAL_AVERAGE;
  job->params.method = RUN_METHOD_TEADS;
  job->params.embodied_rule = EMBODIED_LARGEST_SHARE;
  job->pricing = PRICING_ON_DEMAND;
  job->unc = unc;
  job->allow_method_all = allow_method_all;
}

/* --method ARG: teads, ccf, or all where JOB allows it.  */
static void
parse_method (struct argp_state *state, struct cli_job *job, const char *arg)
{
  job->method_all = job->allow_method_all && STREQ (arg, "all");
  if (!job->method_all && run_method_parse (arg, &job->params.method) < 0)
    {
      if (job->allow_method_all)
        argp_error (state,
                    "unknown --method '%s'; choose teads, ccf or "
                    "all",
                    arg);
      else
        argp_error (state,
                    "unknown --method '%s'; choose teads or ccf "
                    "(all is for estimate)",
                    arg);
    }
}

/* --gpu-load ARG: a percentage, as --load's plain form (60, 60%).  */
static void
parse_gpu_load (struct argp_state *state, struct run_params *p,
                const char *arg)
{
  p->gpu_load_pct = cli_parse_percent (state, "gpu-load", arg, 100.0);
  p->gpu_load_own = true;
}

/* At the end of parsing: what every command needs of JOB.  */
static void
check_job (struct argp_state *state, const struct cli_job *job)
{
  const struct run_params *p = &job->params;
  bool ccf = job->method_all || p->method == RUN_METHOD_CCF;

  if (!job->has_runtime)
    argp_error (state, "missing --runtime");
  if (!job->has_load)
    argp_error (state, "missing --load");
  switch (run_params_conflict (p, ccf))
    {
    case RUN_CONFLICT_CCF_SIGNAL:
      argp_error (state,
                  "--signal %s goes with --method teads: CCF's "
                  "method has only its location-based grid factors",
                  run_signal_name (p->signal));
      break;
    case RUN_CONFLICT_CCF_GRID_SOURCE:
      argp_error (state, "--grid-source goes with --method teads: CCF's "
                         "method has its own grid factors");
      break;
    case RUN_CONFLICT_GRID_SOURCE_SIGNAL:
      argp_error (state,
                  "--grid-source names a location-based average; "
                  "it does not go with --signal %s",
                  run_signal_name (p->signal));
      break;
    case RUN_CONFLICT_NONE:
      break;
    }
  if (job->unc != NULL)
    {
      /* The Monte Carlo draws one load for the whole curve.  */
      if (job->unc->enabled && p->gpu_load_own)
        argp_error (state, "--gpu-load goes without --uncertainty: the "
                           "simulation draws one load for the whole "
                           "power curve");
      /* The spreads of the data are known for the Teads figures only.  */
      if (job->unc->enabled && ccf)
        argp_error (state, "--uncertainty goes with --method teads: the "
                           "spreads are those of the Teads method's figures");
      cli_uncertainty_check (state, job->unc, p->load_pct, p->runtime_h);
    }
}

static error_t
parse_job (int key, char *arg, struct argp_state *state)
{
  struct cli_job *job = state->input;
  struct run_params *p = &job->params;

  switch (key)
    {
    case OPT_JOB_RUNTIME:
      p->runtime_h = job->unc != NULL
                       ? cli_parse_runtime (state, arg, job->unc)
                       : cli_parse_duration (state, "runtime", arg);
      job->has_runtime = true;
      break;
    case OPT_JOB_LOAD:
      p->load_pct = job->unc != NULL
                      ? cli_parse_load (state, arg, job->unc)
                      : cli_parse_percent (state, "load", arg, 100.0);
      job->has_load = true;
      break;
    case OPT_JOB_COUNT:
      p->count = cli_parse_whole (state, "count", arg, 1, CLI_MAX_COUNT);
      break;
    case OPT_JOB_LIFETIME:
      p->lifetime_years
        = cli_parse_number (state, "lifetime-years", arg, 0.1, 100.0);
      if (job->unc != NULL)
        job->unc->lifetime_given = true;
      break;
    case OPT_JOB_SIGNAL:
      if (run_signal_parse (arg, &p->signal) < 0)
        argp_error (state,
                    "unknown --signal '%s'; choose average, marginal "
                    "or market",
                    arg);
      break;
    case OPT_JOB_METHOD:
      parse_method (state, job, arg);
      break;
    case OPT_JOB_EMBODIED_SHARE:
      if (embodied_rule_parse (arg, &p->embodied_rule) < 0)
        argp_error (state,
                    "unknown --embodied-share '%s'; choose largest "
                    "or vcpu",
                    arg);
      break;
    case OPT_JOB_GRID_SOURCE:
      p->grid_source = arg;
      break;
    case OPT_JOB_PRICING:
      if (pricing_parse (arg, &job->pricing) < 0)
        argp_error (state,
                    "unknown --pricing '%s'; choose on-demand or "
                    "spot",
                    arg);
      break;
    case OPT_JOB_PRICE_FILE:
      job->price_file = arg;
      break;
    case OPT_JOB_GPU_LOAD:
      parse_gpu_load (state, p, arg);
      break;
    case ARGP_KEY_END:
      check_job (state, job);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

/* The source ids of CAT's grid alternatives, each once, in a new
   NULL-terminated array; *N is how many.  */
static const char **
grid_source_ids (const struct catalogue *cat, size_t *n)
{
  const char **ids = xcalloc (cat->ngrid_alternatives + 1, sizeof *ids);
  size_t i, k;

  *n = 0;
  for (i = 0; i < cat->ngrid_alternatives; i++)
    {
      const char *id = cat->grid_alternatives[i].source;

      for (k = 0; k < *n && !STREQ (ids[k], id); k++)
        ;
      if (k == *n)
        ids[(*n)++] = id;
    }
  return ids;
}

int
cli_job_apply (const struct cli_job *job, struct catalogue *cat,
               struct price_file **file)
{
  struct diag d;
  size_t n;

  *file = NULL;
  if (job->params.grid_source != NULL)
    {
      const char **ids = grid_source_ids (cat, &n);
      size_t k;
      int status = CA_EXIT_OK;

      for (k = 0; k < n && !STREQ (ids[k], job->params.grid_source); k++)
        ;
      if (k == n)
        status = cli_report_unknown ("grid source", job->params.grid_source,
                                     ids, n);
      free (ids);
      if (status != CA_EXIT_OK)
        return status;
    }
  if (job->pricing == PRICING_SPOT)
    pricing_use_spot (cat);
  if (job->price_file != NULL)
    {
      *file = price_file_apply (cat, job->price_file, &n, &d);
      if (*file == NULL)
        return cli_report (&d);
    }
  return CA_EXIT_OK;
}

const struct argp cli_job_argp
  = { job_options, parse_job, NULL, NULL, NULL, NULL, NULL };
