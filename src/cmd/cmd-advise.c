/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor advise: every instance type x region that meets the
   job's constraints, ranked by non-dominated sorting on carbon and cost,
   with the front's notable points and the price of carbon along it.  */
#include <config.h>

#include <argp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/rules-options.h"
#include "cmd/cmd.h"
#include "cmd/cmd-advise.h"
#include "search/advise.h"
#include "view/advise-summary.h"
#include "view/advise-table.h"

enum
{
  OPT_REFERENCE = 0x400,
  OPT_SCALING,
  OPT_SERIAL,
  OPT_SPEEDUP,
  OPT_EXCLUDE,
  OPT_GPU_MODEL,
  OPT_FAMILY,
  OPT_PATTERN,
  OPT_ARCH,
  OPT_MAX_COST,
  OPT_MAX_CO2E,
  OPT_BASELINE,
  OPT_CARBON_PRICE,
  OPT_TOP,
  OPT_ALL
};

static const struct argp_option advise_options[] = {
  { NULL, 0, NULL, 0, "Runtime on other instances:", 2 },
  { "reference", OPT_REFERENCE, "TYPE", 0,
    "The instance type the runtime was measured on", 2 },
  { "scaling", OPT_SCALING, "MODE", 0,
    "fixed: same runtime everywhere (default without --reference); vcpu: "
    "by vCPUs (default with a CPU reference); gpu: by GPUs x one GPU's "
    "measured training speed (default with a GPU reference); table: by "
    "--speedup",
    2 },
  { "serial-fraction", OPT_SERIAL, "F", 0,
    "Share of the job that does not parallelise, 0-1, for Amdahl's law "
    "(default 0 for vcpu, 0.0151 for gpu: MLPerf's, data/gpu_scaling.csv)",
    2 },
  { "speedup", OPT_SPEEDUP, "FILE", 0,
    "CSV of measured relative speeds: columns instance_type, speed "
    "(implies --scaling table)",
    2 },
  { NULL, 0, NULL, 0, "Constraints (with the filters below):", 3 },
  { "exclude-region", OPT_EXCLUDE, "REGION", 0,
    "Leave this region (or the regions at this place) out; repeatable, "
    "or a comma list",
    3 },
  { "gpu-model", OPT_GPU_MODEL, "MODEL", 0,
    "Only instances with this GPU model (e.g. A100, V100, T4)", 3 },
  { "family", OPT_FAMILY, "FAMILY", 0,
    "Only this instance family (e.g. m5, p4d); repeatable", 3 },
  { "instance-pattern", OPT_PATTERN, "GLOB", 0,
    "Only instance types matching this shell pattern (e.g. 'c5*.2xlarge')",
    3 },
  { "arch", OPT_ARCH, "ARCH", 0, "Only x86_64 or arm64 instances", 3 },
  { "max-cost", OPT_MAX_COST, "USD", 0, "Only runs costing at most USD", 3 },
  { "max-co2e", OPT_MAX_CO2E, "GRAMS", 0,
    "Only runs emitting at most GRAMS gCO2e in total", 3 },
  { NULL, 0, NULL, 0, "Ranking and output:", 4 },
  { "baseline", OPT_BASELINE, "TYPE@REGION", 0,
    "The team's current choice: every candidate's saving against it", 4 },
  { "carbon-price", OPT_CARBON_PRICE, "USD_PER_TONNE", 0,
    "Pick the candidate minimising cost + this price x emissions", 4 },
  { "top", OPT_TOP, "N", 0, "Also show the N best candidates off the front",
    4 },
  { "all", OPT_ALL, NULL, 0, "Show every candidate", 4 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

void
advise_opts_init (void *opts)
{
  struct advise_opts *o = opts;

  o->max_cost_usd = INFINITY;
  cli_rules_init (&o->rules);
  o->max_co2e_g = INFINITY;
  o->carbon_price = NAN;
  o->serial_fraction = NAN;
  cli_uncertainty_init (&o->unc);
  cli_job_init (&o->job, &o->unc, false);
}

void
advise_opts_free (struct advise_opts *o)
{
  selection_free (&o->selection);
  name_list_free (&o->exclude_regions);
  name_list_free (&o->gpu_models);
  name_list_free (&o->families);
  name_list_free (&o->patterns);
}

/* The options of the group "Runtime on other instances".  Returns 0,
   or ARGP_ERR_UNKNOWN when KEY is not one of them.  */
static error_t
parse_scaling_key (int key, char *arg, struct argp_state *state,
                   struct advise_opts *o)
{
  switch (key)
    {
    case OPT_REFERENCE:
      o->reference = arg;
      break;
    case OPT_SCALING:
      if (scaling_mode_parse (arg, &o->scaling) < 0)
        argp_error (state,
                    "unknown --scaling '%s'; choose fixed, vcpu, gpu "
                    "or table",
                    arg);
      o->has_scaling = true;
      break;
    case OPT_SERIAL:
      o->serial_fraction
        = cli_parse_number (state, "serial-fraction", arg, 0.0, 1.0);
      break;
    case OPT_SPEEDUP:
      o->speedup_path = arg;
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

/* The options of the group "Constraints", as parse_scaling_key.  */
static error_t
parse_constraint_key (int key, char *arg, struct argp_state *state,
                      struct advise_opts *o)
{
  switch (key)
    {
    case OPT_EXCLUDE:
      name_list_add (&o->exclude_regions, arg);
      break;
    case OPT_GPU_MODEL:
      name_list_add (&o->gpu_models, arg);
      break;
    case OPT_FAMILY:
      name_list_add (&o->families, arg);
      break;
    case OPT_PATTERN:
      name_list_add (&o->patterns, arg);
      break;
    case OPT_ARCH:
      if (!STREQ (arg, "x86_64") && !STREQ (arg, "arm64"))
        argp_error (state, "unknown --arch '%s'; choose x86_64 or arm64", arg);
      o->arch = arg;
      break;
    case OPT_MAX_COST:
      o->max_cost_usd
        = cli_parse_number (state, "max-cost", arg, 0.0, INFINITY);
      break;
    case OPT_MAX_CO2E:
      o->max_co2e_g = cli_parse_number (state, "max-co2e", arg, 0.0, INFINITY);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

/* The options of the group "Ranking and output", as
   parse_scaling_key.  */
static error_t
parse_ranking_key (int key, char *arg, struct argp_state *state,
                   struct advise_opts *o)
{
  switch (key)
    {
    case OPT_BASELINE:
      if (strchr (arg, '@') == NULL || arg[0] == '@'
          || strchr (arg, '@')[1] == '\0')
        argp_error (state,
                    "invalid --baseline '%s': expected TYPE@REGION, "
                    "e.g. p4d.24xlarge@us-east-1",
                    arg);
      o->baseline = arg;
      break;
    case OPT_CARBON_PRICE:
      o->carbon_price
        = cli_parse_number (state, "carbon-price", arg, 0.0, INFINITY);
      break;
    case OPT_TOP:
      o->top = cli_parse_whole (state, "top", arg, 0, CLI_MAX_COUNT);
      break;
    case OPT_ALL:
      o->all = true;
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

/* At the end of parsing: how the runtime scaling's options go
   together.  */
static void
check_scaling_options (struct argp_state *state, struct advise_opts *o)
{
  if (o->speedup_path != NULL)
    {
      if (o->has_scaling && o->scaling != SCALING_TABLE)
        argp_error (state, "--speedup goes with --scaling table");
      o->scaling = SCALING_TABLE;
      o->has_scaling = true;
    }
  if (o->speedup_path != NULL && o->reference == NULL)
    argp_error (state, "--speedup needs --reference, the instance type "
                       "the runtime was measured on");
  if (o->has_scaling && o->scaling != SCALING_FIXED && o->reference == NULL)
    argp_error (state, "--scaling %s needs --reference",
                scaling_mode_name (o->scaling));
  if (o->scaling == SCALING_TABLE && o->speedup_path == NULL)
    argp_error (state, "--scaling table needs --speedup FILE");
}

static error_t
parse_advise (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;
  struct advise_opts *o = input->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &o->job;
      state->child_inputs[1] = &o->selection;
      state->child_inputs[2] = &o->rules;
      state->child_inputs[3] = &o->unc;
      state->child_inputs[4] = input->global;
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    case ARGP_KEY_END:
      check_scaling_options (state, o);
      break;
    default:
      if (parse_scaling_key (key, arg, state, o) == 0
          || parse_constraint_key (key, arg, state, o) == 0
          || parse_ranking_key (key, arg, state, o) == 0)
        break;
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child advise_children[] = {
  { &cli_job_argp, 0, "The job:", 1 },
  { &cli_selection_argp, 0, "Filters:", 3 },
  { &cli_rules_argp, 0,
    "Sensible candidates (the reference's deadline, accelerator and GPU "
    "memory; no burstable type above its baseline):",
    3 },
  { &cli_uncertainty_argp, 0, "Uncertainty:", 5 },
  { &cli_global_argp, 0, "Global options:", 6 },
  { NULL, 0, NULL, 0 },
};

const struct argp advise_job_argp
  = { advise_options, parse_advise, NULL, NULL, advise_children, NULL, NULL };

static const struct argp advise_argp = {
  advise_options,
  parse_advise,
  NULL,
  "Enumerate every instance type x region that meets the job's "
  "constraints, compute each run's emissions and cost, and rank them by "
  "non-dominated sorting on (total gCO2e, USD): rank 1 is the Pareto front. "
  "Marks the cheapest, the lowest-carbon and the knee of the front, and "
  "gives the range of carbon prices over which each option is the best "
  "choice.",
  advise_children,
  NULL,
  NULL
};

/* Report the first GPU model of O that CAT does not know.  Returns an
   exit status.  */
static int
check_gpu_models (const struct advise_opts *o, const struct catalogue *cat)
{
  int status = CA_EXIT_OK;
  size_t i, k;

  for (i = 0; status == CA_EXIT_OK && i < o->gpu_models.n; i++)
    if (catalogue_find_gpu (cat, o->gpu_models.names[i]) == NULL)
      {
        const char **names = xcalloc (cat->ngpus + 1, sizeof *names);

        for (k = 0; k < cat->ngpus; k++)
          names[k] = cat->gpus[k].model;
        status = cli_report_unknown ("GPU model", o->gpu_models.names[i],
                                     names, cat->ngpus);
        free (names);
      }
  return status;
}

/* Report the first instance family of O that CAT does not know.
   Returns an exit status.  */
static int
check_families (const struct advise_opts *o, const struct catalogue *cat)
{
  int status = CA_EXIT_OK;
  size_t i;

  for (i = 0; status == CA_EXIT_OK && i < o->families.n; i++)
    {
      const char **names = xcalloc (cat->ninstances + 1, sizeof *names);
      size_t k, n = 0;
      bool known = false;

      /* Families, each once: instances are sorted by name, so a family's
         types mostly sit together.  */
      for (k = 0; k < cat->ninstances; k++)
        {
          known
            = known || STREQ (cat->instances[k].family, o->families.names[i]);
          if (n == 0 || !STREQ (names[n - 1], cat->instances[k].family))
            names[n++] = cat->instances[k].family;
        }
      if (!known)
        status = cli_report_unknown ("instance family", o->families.names[i],
                                     names, n);
      free (names);
    }
  return status;
}

/* Report the first name of O's filters that CAT does not know.  Returns
   an exit status.  */
static int
check_names (const struct advise_opts *o, const struct catalogue *cat)
{
  int status = cli_check_selection (&o->selection, cat);

  if (status == CA_EXIT_OK)
    status
      = cli_check_regions (cat, &o->exclude_regions, &o->selection.providers);
  if (status == CA_EXIT_OK)
    status = check_gpu_models (o, cat);
  if (status == CA_EXIT_OK)
    status = check_families (o, cat);
  return status;
}

/* The query of O for the search in CAT, with S's progress bar.  */
static void
build_query (const struct advise_opts *o, const struct catalogue *cat,
             struct advise_session *s)
{
  struct advise_query *q = &s->query;

  memset (q, 0, sizeof *q);
  q->params = o->job.params;
  q->pricing = o->job.pricing;
  q->price_file = o->job.price_file;
  q->selection = o->selection;
  q->exclude_regions = o->exclude_regions;
  q->gpu_models = o->gpu_models;
  q->families = o->families;
  q->patterns = o->patterns;
  q->arch = o->arch;
  q->max_cost_usd = o->max_cost_usd;
  q->rules = o->rules;
  q->max_co2e_g = o->max_co2e_g;
  q->reference = o->reference;
  q->scaling = o->scaling;
  q->has_scaling = o->has_scaling;
  q->serial_fraction = o->serial_fraction;
  q->speedup_path = o->speedup_path;
  q->baseline = o->baseline;
  q->carbon_price = o->carbon_price;
  q->top = o->top;
  q->all = o->all;
  q->uncertain = o->unc.enabled;
  q->load_ranged = !isnan (o->unc.load.low);
  q->runtime_ranged
    = !isnan (o->unc.runtime.low) || !isnan (o->unc.runtime_spread_pct);
  if (q->uncertain)
    {
      struct uncertainty_keys *keys = uncertainty_keys_new (cat);

      cli_uncertainty_spec (&o->unc, cat, keys, o->job.params.load_pct,
                            o->job.params.runtime_h,
                            o->job.params.lifetime_years, &q->spec);
      uncertainty_keys_free (keys);
    }
  q->progress = cli_progress_report;
  q->progress_arg = &s->progress;
}

/* The tables a search with O needs beyond the ones always read: CCF's
   for its method, the alternatives and power errors for --uncertainty,
   the grid alternatives for --grid-source.  */
static unsigned
advise_parts (const struct advise_opts *o)
{
  unsigned parts = 0;

  if (o->unc.enabled)
    parts |= CATALOGUE_PARTS_ALL;
  if (o->job.params.method != RUN_METHOD_TEADS)
    parts |= CATALOGUE_PART_CCF;
  if (o->job.params.grid_source != NULL)
    parts |= CATALOGUE_PART_ALTERNATIVES;
  return parts;
}

int
advise_session_run (const struct cli_global *global,
                    const struct advise_opts *o, struct advise_session *s)
{
  int status = CA_EXIT_OK;
  struct diag d;

  memset (s, 0, sizeof *s);
  s->cat = cli_load_catalogue_parts (global, advise_parts (o), &status);
  if (s->cat == NULL)
    return status;
  status = cli_job_apply (&o->job, s->cat, &s->price_file);
  if (status == CA_EXIT_OK)
    status = check_names (o, s->cat);
  if (status != CA_EXIT_OK)
    return status;
  build_query (o, s->cat, s);
  cli_progress_start (&s->progress);
  if (advise_search (s->cat, &s->query, &s->res, &d) == 0)
    return CA_EXIT_OK;
  if (s->res.unknown == ADVISE_UNKNOWN_INSTANCE)
    return cli_report_unknown_instance (s->cat, s->res.unknown_name);
  if (s->res.unknown == ADVISE_UNKNOWN_REGION)
    return cli_report_unknown_region (s->cat, s->res.unknown_name);
  return cli_report (&d);
}

void
advise_session_free (struct advise_session *s)
{
  advise_result_free (&s->res);
  catalogue_free (s->cat);
  price_file_free (s->price_file);
  memset (s, 0, sizeof *s);
}

/* Write the NROWS candidates ROWS of R for Q to FP as they come, with
   the columns COLS.  Returns 0, or -1 with errno set.  */
static int
stream_rows (FILE *fp, const struct cli_global *global,
             const struct advise_query *q, const struct advise_ranking *r,
             const size_t *rows, size_t nrows)
{
  struct out_column *cols;
  struct out_stream *s;
  size_t ncols, i;
  int rc;

  cols = advise_columns (q, global->format, &ncols);
  s = out_stream_open (fp, global->format, OUT_LAYOUT_WIDE, cols, ncols);
  for (i = 0; i < nrows; i++)
    {
      advise_rows_prefetch (r, rows, nrows, i);
      advise_table_add (out_stream_table (s), r, q, global->format, rows[i]);
      out_stream_rows (s);
    }
  rc = out_stream_close (s);
  free (cols);
  return rc;
}

/* Write R's rows for Q, and in the table format the summary of what F
   counted, to GLOBAL's output.  Returns an exit status.  */
static int
write_ranking (const struct cli_global *global, const struct advise_query *q,
               const struct advise_ranking *r, const struct advise_funnel *f)
{
  struct cli_sink sink;
  size_t *rows;
  size_t nrows;
  int status;
  bool ok = true;

  rows = xcalloc (r->n + 1, sizeof *rows);
  nrows = advise_rows (r, q, rows);

  status = cli_sink_open (global, &sink);
  if (status == CA_EXIT_OK)
    {
      if (stream_rows (sink.fp, global, q, r, rows, nrows) < 0)
        ok = false;
      if (ok && global->format == OUT_FORMAT_TABLE)
        {
          advise_write_summary (sink.fp, r, f, q);
          ok = fflush (sink.fp) == 0 && !ferror (sink.fp);
        }
      if (!ok)
        {
          cli_sink_close (&sink, false);
          status = CA_EXIT_FAILURE;
        }
      else
        status = cli_sink_close (&sink, true);
    }
  free (rows);
  return status;
}

/* No candidate left: say why (in the table format on the output, else
   on stderr) and give the machine formats a well-formed empty result.
   Returns an exit status.  */
static int
write_empty (const struct cli_global *global, const struct advise_query *q,
             const struct advise_funnel *f)
{
  struct out_column *cols;
  struct out_table *t;
  size_t ncols;
  int status;

  if (global->format == OUT_FORMAT_TABLE)
    {
      struct cli_sink sink;

      status = cli_sink_open (global, &sink);
      if (status == CA_EXIT_OK)
        {
          advise_explain_empty (sink.fp, f, q);
          status = cli_sink_close (&sink, true);
        }
      return status;
    }
  advise_explain_empty (stderr, f, q);
  cols = advise_columns (q, global->format, &ncols);
  t = out_table_new (cols, ncols);
  status = cli_emit (global, OUT_LAYOUT_WIDE, t);
  out_table_free (t);
  free (cols);
  return status;
}

static int
cmd_advise_exec (const struct cli_global *global, void *opts)
{
  struct advise_opts *o = opts;
  struct advise_session s;
  int status = advise_session_run (global, o, &s);

  if (status == CA_EXIT_OK)
    status
      = s.res.ranking.n > 0
          ? write_ranking (global, &s.query, &s.res.ranking, &s.res.funnel)
          : write_empty (global, &s.query, &s.res.funnel);
  advise_session_free (&s);
  advise_opts_free (o);
  return status;
}

const struct cmd_entry cmd_advise_entry = {
  "advise",
  "rank every instance type x region on carbon and cost (Pareto front)",
  &advise_argp,
  sizeof (struct advise_opts),
  advise_opts_init,
  cmd_advise_exec,
};
