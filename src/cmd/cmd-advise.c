/* carbon-advisor advise: every instance type x region that meets the
   job's constraints, ranked by non-dominated sorting on carbon and cost,
   with the front's notable points and the price of carbon along it.  */
#include <config.h>

#include <argp.h>
#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "cmd/cmd-advise.h"
#include "base/numparse.h"
#include "search/pareto.h"
#include "view/report.h"
#include "model/run.h"
#include "model/scaling.h"
#include "search/select.h"
#include "search/uncertainty.h"
#include "view/run-view.h"
#include "view/uncertainty-view.h"
#include "base/xalloc.h"


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
  OPT_DEADLINE,
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
    "--speedup", 2 },
  { "serial-fraction", OPT_SERIAL, "F", 0,
    "Share of the job that does not parallelise, 0-1, for Amdahl's law "
    "(default 0 for vcpu, 0.0151 for gpu: MLPerf's, data/gpu_scaling.csv)",
    2 },
  { "speedup", OPT_SPEEDUP, "FILE", 0,
    "CSV of measured relative speeds: columns instance_type, speed "
    "(implies --scaling table)", 2 },
  { NULL, 0, NULL, 0, "Constraints (with the filters below):", 3 },
  { "exclude-region", OPT_EXCLUDE, "REGION", 0,
    "Leave this region out; repeatable, or a comma list", 3 },
  { "gpu-model", OPT_GPU_MODEL, "MODEL", 0,
    "Only instances with this GPU model (e.g. A100, V100, T4)", 3 },
  { "family", OPT_FAMILY, "FAMILY", 0,
    "Only this instance family (e.g. m5, p4d); repeatable", 3 },
  { "instance-pattern", OPT_PATTERN, "GLOB", 0,
    "Only instance types matching this shell pattern (e.g. 'c5*.2xlarge')",
    3 },
  { "arch", OPT_ARCH, "ARCH", 0, "Only x86_64 or arm64 instances", 3 },
  { "max-cost", OPT_MAX_COST, "USD", 0, "Only runs costing at most USD", 3 },
  { "deadline", OPT_DEADLINE, "DURATION", 0,
    "Only runs that finish within DURATION", 3 },
  { "max-co2e", OPT_MAX_CO2E, "GRAMS", 0,
    "Only runs emitting at most GRAMS gCO2e in total", 3 },
  { NULL, 0, NULL, 0, "Ranking and output:", 4 },
  { "baseline", OPT_BASELINE, "TYPE@REGION", 0,
    "The team's current choice: every candidate's saving against it", 4 },
  { "carbon-price", OPT_CARBON_PRICE, "USD_PER_TONNE", 0,
    "Pick the candidate minimising cost + this price x emissions", 4 },
  { "top", OPT_TOP, "N", 0,
    "Also show the N best candidates off the front", 4 },
  { "all", OPT_ALL, NULL, 0, "Show every candidate", 4 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

void
advise_opts_init (void *opts)
{
  struct advise_opts *o = opts;

  o->max_cost_usd = INFINITY;
  o->deadline_h = INFINITY;
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
      state->child_inputs[2] = &o->unc;
      state->child_inputs[3] = input->global;
      break;
    case OPT_REFERENCE:
      o->reference = arg;
      break;
    case OPT_SCALING:
      if (scaling_mode_parse (arg, &o->scaling) < 0)
        argp_error (state, "unknown --scaling '%s'; choose fixed, vcpu, gpu "
                    "or table", arg);
      o->has_scaling = true;
      break;
    case OPT_SERIAL:
      o->serial_fraction
        = cli_parse_number (state, "serial-fraction", arg, 0.0, 1.0);
      break;
    case OPT_SPEEDUP:
      o->speedup_path = arg;
      break;
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
        argp_error (state, "unknown --arch '%s'; choose x86_64 or arm64",
                    arg);
      o->arch = arg;
      break;
    case OPT_MAX_COST:
      o->max_cost_usd = cli_parse_number (state, "max-cost", arg, 0.0,
                                          INFINITY);
      break;
    case OPT_DEADLINE:
      o->deadline_h = cli_parse_duration (state, "deadline", arg);
      break;
    case OPT_MAX_CO2E:
      o->max_co2e_g = cli_parse_number (state, "max-co2e", arg, 0.0,
                                        INFINITY);
      break;
    case OPT_BASELINE:
      if (strchr (arg, '@') == NULL || arg[0] == '@'
          || strchr (arg, '@')[1] == '\0')
        argp_error (state, "invalid --baseline '%s': expected TYPE@REGION, "
                    "e.g. p4d.24xlarge@us-east-1", arg);
      o->baseline = arg;
      break;
    case OPT_CARBON_PRICE:
      o->carbon_price = cli_parse_number (state, "carbon-price", arg, 0.0,
                                          INFINITY);
      break;
    case OPT_TOP:
      o->top = cli_parse_whole (state, "top", arg, 0, CLI_MAX_COUNT);
      break;
    case OPT_ALL:
      o->all = true;
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    case ARGP_KEY_END:
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
      if (o->has_scaling && o->scaling != SCALING_FIXED
          && o->reference == NULL)
        argp_error (state, "--scaling %s needs --reference",
                    scaling_mode_name (o->scaling));
      if (o->scaling == SCALING_TABLE && o->speedup_path == NULL)
        argp_error (state, "--scaling table needs --speedup FILE");
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child advise_children[] = {
  { &cli_job_argp, 0, "The job:", 1 },
  { &cli_selection_argp, 0, "Filters:", 3 },
  { &cli_uncertainty_argp, 0, "Uncertainty:", 5 },
  { &cli_global_argp, 0, "Global options:", 6 },
  { NULL, 0, NULL, 0 },
};

const struct argp advise_job_argp = {
  advise_options, parse_advise, NULL, NULL, advise_children, NULL, NULL
};

static const struct argp advise_argp = {
  advise_options, parse_advise, NULL,
  "Enumerate every instance type x region that meets the job's "
  "constraints, compute each run's emissions and cost, and rank them by "
  "non-dominated sorting on (total gCO2e, USD): rank 1 is the Pareto front. "
  "Marks the cheapest, the lowest-carbon and the knee of the front, and "
  "gives the range of carbon prices over which each option is the best "
  "choice.",
  advise_children, NULL, NULL
};


static bool
instance_wanted (const struct advise_opts *o, const struct instance *in)
{
  size_t i;
  bool ok;

  if (!selection_instance_ok (&o->selection, in))
    return false;
  if (o->arch != NULL && !STREQ (o->arch, in->arch))
    return false;
  if (o->gpu_models.n > 0)
    {
      for (ok = false, i = 0; i < o->gpu_models.n && !ok; i++)
        ok = STREQ (o->gpu_models.names[i], in->gpu_model);
      if (!ok)
        return false;
    }
  if (o->families.n > 0)
    {
      for (ok = false, i = 0; i < o->families.n && !ok; i++)
        ok = STREQ (o->families.names[i], in->family);
      if (!ok)
        return false;
    }
  if (o->patterns.n > 0)
    {
      for (ok = false, i = 0; i < o->patterns.n && !ok; i++)
        ok = fnmatch (o->patterns.names[i], in->name, 0) == 0;
      if (!ok)
        return false;
    }
  return true;
}

static bool
region_wanted (const struct advise_opts *o, const struct region *g)
{
  size_t i;

  if (!selection_region_ok (&o->selection, g))
    return false;
  for (i = 0; i < o->exclude_regions.n; i++)
    if (STREQ (o->exclude_regions.names[i], g->name))
      return false;
  return true;
}

/* Evaluate the run of PARAMS on the priced pair P with S's runtime.
   Returns 1 when it is a candidate, 0 when a stage left it out (counted
   in F), -1 with D set on an error.  */
static int
evaluate (const struct advise_opts *o, const struct scaling *s,
          const struct price *p, double *power_cache, struct run *run,
          struct advise_funnel *f, struct diag *d)
{
  struct run_params params = o->job.params;
  double *power = &power_cache[p->instance - s->catalogue->instances];
  enum scaling_gap gap;
  double hours = 0.0;

  if (!region_wanted (o, p->region))
    return 0;
  f->kept[ADVISE_STAGE_REGION]++;
  if (!instance_wanted (o, p->instance))
    return 0;
  f->kept[ADVISE_STAGE_INSTANCE]++;
  if (isnan (p->usd_per_h))
    return 0;
  f->kept[ADVISE_STAGE_PRICE]++;
  if (!run_method_covers_instance (&o->job.params, p->instance))
    return 0;
  f->kept[ADVISE_STAGE_METHOD]++;
  gap = scaling_runtime (s, p->instance, o->job.params.runtime_h, &hours);
  if (gap != SCALING_OK)
    {
      f->gaps[gap]++;
      return 0;
    }
  f->kept[ADVISE_STAGE_RUNTIME]++;
  if (!run_has_grid (&o->job.params, p->region))
    return 0;
  f->kept[ADVISE_STAGE_GRID]++;
  params.runtime_h = hours;
  params.power_w = *power;
  if (run_evaluate (p->instance, p->region, p, &params, run, d) < 0)
    return -1;
  /* The load is the same for every candidate: work out each instance
     type's power once.  */
  *power = run->power_w;
  if (run->runtime_h > o->deadline_h)
    return 0;
  f->kept[ADVISE_STAGE_DEADLINE]++;
  if (run->footprint.cost_usd > o->max_cost_usd)
    return 0;
  f->kept[ADVISE_STAGE_COST]++;
  if (run->footprint.total_gco2e > o->max_co2e_g)
    return 0;
  f->kept[ADVISE_STAGE_CO2E]++;
  return 1;
}

/* Names of the stages for "which constraint emptied the set".  */
static const char *const stage_names[ADVISE_STAGE_COUNT] = {
  "priced instance x region pairs",
  "the region filters",
  "the instance filters",
  "the spot prices",
  "the CCF coefficients",
  "the runtime scaling",
  "the grid data",
  "--deadline",
  "--max-cost",
  "--max-co2e",
};

/* The options of stage K that O was given, as ", "-separated text in
   BUF, or "" when none was (the stage then left out nothing on its own
   account, e.g. the grid stage).  */
static void
given_options (const struct advise_opts *o, enum advise_stage k, char *buf,
               size_t size)
{
  const struct selection *sel = &o->selection;
  const char *names[8];
  size_t n = 0, i;

  if (k == ADVISE_STAGE_REGION)
    {
      if (sel->providers.n > 0)
        names[n++] = "--provider";
      if (sel->regions.n > 0)
        names[n++] = "--region";
      if (sel->groups.n > 0)
        names[n++] = "--group";
      if (o->exclude_regions.n > 0)
        names[n++] = "--exclude-region";
    }
  else if (k == ADVISE_STAGE_INSTANCE)
    {
      if (sel->providers.n > 0)
        names[n++] = "--provider";
      if (sel->min_vcpus > 0)
        names[n++] = "--min-vcpus";
      if (sel->min_memory_gib > 0.0)
        names[n++] = "--min-memory";
      if (sel->min_gpus > 0)
        names[n++] = "--gpus";
      if (o->gpu_models.n > 0)
        names[n++] = "--gpu-model";
      if (o->families.n > 0)
        names[n++] = "--family";
      if (o->patterns.n > 0)
        names[n++] = "--instance-pattern";
      if (o->arch != NULL)
        names[n++] = "--arch";
    }
  buf[0] = '\0';
  for (i = 0; i < n; i++)
    {
      if (i > 0)
        strncat (buf, ", ", size - strlen (buf) - 1);
      strncat (buf, names[i], size - strlen (buf) - 1);
    }
}

/* Say which constraint left no candidate, on FP: the count after each
   stage, then the stage that emptied the set and why.  */
void
advise_explain_empty (FILE *fp, const struct advise_funnel *f,
                      const struct advise_opts *o)
{
  char given[160];
  size_t k;

  fprintf (fp, "No candidate meets the constraints: %zu %s", f->kept[0],
           stage_names[0]);
  for (k = 1; k < ADVISE_STAGE_COUNT; k++)
    {
      /* The Teads method covers every type: no stage to speak of.  */
      if ((k == ADVISE_STAGE_METHOD
           && o->job.params.method != RUN_METHOD_CCF)
          || (k == ADVISE_STAGE_PRICE && o->job.pricing != PRICING_SPOT))
        continue;
      fprintf (fp, ", %zu after %s", f->kept[k], stage_names[k]);
      if (f->kept[k] == 0)
        break;
    }
  fprintf (fp, ".\n");
  if (k == ADVISE_STAGE_COUNT)
    return;
  given_options (o, (enum advise_stage) k, given, sizeof given);
  if (given[0] != '\0')
    fprintf (fp, "The set became empty at %s (%s).\n", stage_names[k],
             given);
  else if (k == ADVISE_STAGE_GRID)
    fprintf (fp, "The set became empty at the grid data: no region left "
             "has a %s.\n",
             o->job.params.method == RUN_METHOD_CCF ? "CCF grid factor"
                                                : "grid intensity");
  else if (k == ADVISE_STAGE_METHOD)
    fprintf (fp, "The set became empty at the CCF coefficients: CCF's "
             "published coefficients cover none of the instance types "
             "left.\n");
  else
    fprintf (fp, "The set became empty at %s.\n", stage_names[k]);
  if (k == ADVISE_STAGE_RUNTIME)
    for (k = 0; k < ARRAY_SIZE (f->gaps); k++)
      if (f->gaps[k] > 0)
        fprintf (fp, "Left out by the runtime scaling: %zu (%s).\n",
                 f->gaps[k], scaling_gap_text ((enum scaling_gap) k));
}

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
    OUT_COL_MACHINE },
  { "baseline_saving_pct", "Saving", "%", OUT_NUMBER, 1, OUT_COL_MACHINE },
  { "baseline_saving_usd", "Saving", "USD", OUT_NUMBER, 2, OUT_COL_MACHINE },
};

/* The run columns people see in the advise table; the rest stay in the
   machine formats.  */
static bool
shown_in_table (const char *key)
{
  static const char *const keys[]
    = { "region", "instance_type", "runtime_h", "energy_kwh", "scope2_gco2e",
        "scope3_gco2e", "total_gco2e", "cost_usd", NULL };
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
  UCOL_TOTAL_RANGE,             /* Table format only.  */
  UCOL_COST_RANGE,              /* Table format, uncertain runtime.  */
  UCOL_COUNT
};

static const struct out_column advise_uncertainty_columns[] = {
  { "p_front", "P(front)", NULL, OUT_NUMBER, 2, 0 },
  { "total_gco2e_range", "Total p50 (p5-p95)", "gCO2e", OUT_TEXT, 0, 0 },
  { "cost_usd_range", "Cost p50 (p5-p95)", "USD", OUT_TEXT, 0, 0 },
};

/* Whether O's runtime is uncertain (so that its cost is).  */
static bool
runtime_uncertain (const struct advise_opts *o)
{
  return !isnan (o->unc.runtime.low) || !isnan (o->unc.runtime_spread_pct);
}

/* The columns of advise's output in FORMAT: a new array of *NCOLS.  */
static struct out_column *
advise_columns (const struct advise_opts *o, enum out_format format,
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
  if (o->unc.enabled)
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
          if (runtime_uncertain (o))
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

static void
fill_row (struct out_table *t, const struct advise_ranking *r, size_t i)
{
  const struct pareto *p = r->pareto;
  const struct run *run = &r->cands[i].run;
  size_t base = run_ncolumns;
  char text[160];

  out_table_add_row (t);
  run_fill_row (t, run);
  out_table_set_number (t, base + ACOL_RANK, (double) p->rank[i]);
  marks_of (r, i, text, sizeof text);
  out_table_set_text (t, base + ACOL_MARKS, text[0] ? text : NULL);
  if (p->dominator[i] != PARETO_NONE)
    {
      const struct run *by = &r->cands[p->dominator[i]].run;

      snprintf (text, sizeof text, "%s@%s", by->instance->name,
                by->region->name);
      out_table_set_text (t, base + ACOL_DOMINATED_BY, text);
    }
  if (r->hull_slot[i] != PARETO_NONE)
    {
      size_t k = r->hull_slot[i];

      out_table_set_number (t, base + ACOL_PRICE_LOW, p->hull_price_low[k]);
      out_table_set_number (t, base + ACOL_PRICE_HIGH,
                            p->hull_price_high[k]);
    }
  if (r->front_slot[i] != PARETO_NONE && r->front_slot[i] > 0)
    out_table_set_number (
      t, base + ACOL_ABATEMENT,
      pareto_abatement_cost (r->cost, r->carbon,
                             p->front[r->front_slot[i] - 1], i));
  if (r->has_baseline)
    {
      double saved = r->baseline.footprint.total_gco2e
                     - run->footprint.total_gco2e;

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
  if (r->unc != NULL)
    {
      struct uncertainty_summary sum;
      size_t u = base + ACOL_COUNT;

      uncertainty_summarise (r->unc, i, &sum);
      uncertainty_fill_row (t, u, &sum, r->spec.samples, r->spec.seed);
      out_table_set_number (t, u + UCOL_P_FRONT, r->p_front[i]);
      if (r->ranges_as_text)
        {
          snprintf (text, sizeof text, "%.1f (%.1f-%.1f)",
                    sum.total_gco2e[1], sum.total_gco2e[0],
                    sum.total_gco2e[2]);
          out_table_set_text (t, u + UCOL_TOTAL_RANGE, text);
          if (r->cost_range_as_text)
            {
              snprintf (text, sizeof text, "%.2f (%.2f-%.2f)",
                        sum.cost_usd[1], sum.cost_usd[0], sum.cost_usd[2]);
              out_table_set_text (t, u + UCOL_COST_RANGE, text);
            }
        }
    }
}

/* Output order: by rank, then cost, then the tie-break order.  */
static const struct advise_ranking *sort_context;

static int
compare_output (const void *a, const void *b)
{
  const struct advise_ranking *r = sort_context;
  size_t i = *(const size_t *) a, j = *(const size_t *) b;

  if (r->pareto->rank[i] != r->pareto->rank[j])
    return r->pareto->rank[i] < r->pareto->rank[j] ? -1 : 1;
  if (r->cost[i] < r->cost[j])
    return -1;
  if (r->cost[i] > r->cost[j])
    return 1;
  if (r->carbon[i] < r->carbon[j])
    return -1;
  if (r->carbon[i] > r->carbon[j])
    return 1;
  return (r->order[i] > r->order[j]) - (r->order[i] < r->order[j]);
}

/* The option the summary recommends: the carbon-price pick, else the
   knee, else the lowest carbon.  */
size_t
advise_recommended (const struct advise_ranking *r)
{
  const struct pareto *p = r->pareto;

  return r->carbon_pick != PARETO_NONE ? r->carbon_pick
         : p->knee != PARETO_NONE      ? p->knee
                                       : p->greenest;
}

/* Describe candidate I in a few words for the summary.  */
static void
describe (char *buf, size_t size, const struct advise_ranking *r, size_t i)
{
  const struct run *run = &r->cands[i].run;
  char cost[32], carbon[32];

  snprintf (cost, sizeof cost, "%.2f", run->footprint.cost_usd);
  snprintf (carbon, sizeof carbon, "%.1f", run->footprint.total_gco2e);
  snprintf (buf, size, "%s in %s: %s gCO2e, %s USD, %.2f h",
            run->instance->name, run->region->name, carbon, cost,
            run->runtime_h);
}

/* The summary's lines on --uncertainty.  */
static void
write_uncertainty_summary (FILE *fp, const struct advise_ranking *r)
{
  const struct pareto *p = r->pareto;
  size_t pick = advise_recommended (r);
  const struct run *rec = &r->cands[pick].run;

  fprintf (fp, "Uncertainty: %zu samples, seed %lu; ranges are p50 (p5-p95) "
           "of the total; P(front) is the share of samples in which a "
           "candidate is on the front (%zu of %zu candidates can be).\n",
           r->spec.samples, r->spec.seed, r->front_stats.survivors,
           r->front_stats.competing);
  if (pick != p->cheapest)
    fprintf (fp, "P(%s in %s emits less than the cheapest, %s in %s) = "
             "%.2f\n",
             rec->instance->name, rec->region->name,
             r->cands[p->cheapest].run.instance->name,
             r->cands[p->cheapest].run.region->name, r->p_below_cheapest);
  if (r->has_baseline)
    fprintf (fp, "P(%s in %s emits less than the baseline) = %.2f\n",
             rec->instance->name, rec->region->name, r->p_below_baseline);
  fprintf (fp, "%s\n", r->signal_line);
}

void
advise_price_span (const struct advise_ranking *r, struct price_span *span)
{
  size_t i;

  span->oldest = span->newest = NULL;
  for (i = 0; i < r->pareto->nfront; i++)
    price_span_add (span, r->cands[r->pareto->front[i]].run.price);
  if (r->has_baseline)
    price_span_add (span, r->baseline.price);
}

/* Say which prices R's options carry when they are not the list's
   on-demand prices, and when they are dated far apart.  */
static void
write_price_notes (FILE *fp, const struct advise_ranking *r,
                   const struct advise_opts *o)
{
  struct price_span span;
  char text[256];

  if (o->job.pricing == PRICING_SPOT)
    fprintf (fp, "Prices: spot prices, with their dates.\n");
  if (o->job.price_file != NULL)
    fprintf (fp, "Prices: the team's own prices from %s replace the list "
             "prices of its pairs (source %s).\n",
             o->job.price_file, PRICING_SOURCE_FILE);
  advise_price_span (r, &span);
  report_price_span_text (&span, text, sizeof text);
  if (text[0] != '\0')
    fprintf (fp, "%s\n", text);
}

static void
write_summary (FILE *fp, const struct advise_ranking *r,
               const struct advise_funnel *f,
               const struct advise_opts *o)
{
  const struct pareto *p = r->pareto;
  char text[256];
  size_t k;

  fprintf (fp, "\n%zu priced instance x region pairs, %zu met the "
           "constraints, %zu on the front.\n",
           f->kept[ADVISE_STAGE_PRICED], r->n, p->nfront);
  write_price_notes (fp, r, o);
  if (o->job.params.method == RUN_METHOD_CCF)
    fprintf (fp, "Figures by Cloud Carbon Footprint's method (--method "
             "ccf).\n");
  if (r->scaling_line[0] != '\0')
    fprintf (fp, "Runtime scaling: %s.\n", r->scaling_line);
  for (k = 0; k < ARRAY_SIZE (f->gaps); k++)
    if (f->gaps[k] > 0)
      fprintf (fp, "Left out by the runtime scaling: %zu (%s).\n", f->gaps[k],
               scaling_gap_text ((enum scaling_gap) k));
  if (f->kept[ADVISE_STAGE_INSTANCE] > f->kept[ADVISE_STAGE_PRICE])
    fprintf (fp, "Left out for want of a spot price: %zu.\n",
             f->kept[ADVISE_STAGE_INSTANCE] - f->kept[ADVISE_STAGE_PRICE]);
  if (f->kept[ADVISE_STAGE_PRICE] > f->kept[ADVISE_STAGE_METHOD])
    fprintf (fp, "Left out for want of CCF coefficients: %zu (instance "
             "types CCF's published figures do not cover).\n",
             f->kept[ADVISE_STAGE_PRICE] - f->kept[ADVISE_STAGE_METHOD]);
  if (f->kept[ADVISE_STAGE_RUNTIME] > f->kept[ADVISE_STAGE_GRID])
    {
      if (o->job.params.grid_source != NULL)
        fprintf (fp, "Left out for want of a %s grid intensity: %zu.\n",
                 o->job.params.grid_source,
                 f->kept[ADVISE_STAGE_RUNTIME] - f->kept[ADVISE_STAGE_GRID]);
      else
        fprintf (fp, "Left out for want of a%s: %zu.\n",
                 o->job.params.method == RUN_METHOD_CCF ? " CCF grid factor"
                 : o->job.params.signal == RUN_SIGNAL_AVERAGE
                   ? " grid intensity"
                 : o->job.params.signal == RUN_SIGNAL_MARGINAL
                   ? " marginal grid intensity"
                   : " market-based grid intensity",
                 f->kept[ADVISE_STAGE_RUNTIME] - f->kept[ADVISE_STAGE_GRID]);
    }
  describe (text, sizeof text, r, p->cheapest);
  fprintf (fp, "Cheapest:      %s\n", text);
  describe (text, sizeof text, r, p->greenest);
  fprintf (fp, "Lowest carbon: %s\n", text);
  if (p->knee != PARETO_NONE)
    {
      describe (text, sizeof text, r, p->knee);
      fprintf (fp, "Knee:          %s\n", text);
    }
  if (r->carbon_pick != PARETO_NONE)
    {
      describe (text, sizeof text, r, r->carbon_pick);
      fprintf (fp, "At %g USD/t: %s\n", o->carbon_price, text);
    }
  if (r->has_baseline)
    {
      size_t pick = advise_recommended (r);
      const struct footprint *b = &r->baseline.footprint;
      const struct footprint *c = &r->cands[pick].run.footprint;

      fprintf (fp, "Baseline:      %s in %s: %.1f gCO2e, %.2f USD\n",
               r->baseline.instance->name, r->baseline.region->name,
               b->total_gco2e, b->cost_usd);
      fprintf (fp, "Moving to %s in %s (%s) %s %.1f gCO2e (%.1f %%) and "
               "%s %.2f USD%s.\n",
               r->cands[pick].run.instance->name,
               r->cands[pick].run.region->name,
               pick == r->carbon_pick ? "the carbon-price pick"
               : pick == p->knee      ? "the knee"
                                      : "the lowest carbon",
               b->total_gco2e >= c->total_gco2e ? "saves" : "adds",
               fabs (b->total_gco2e - c->total_gco2e),
               b->total_gco2e > 0.0
                 ? 100.0 * fabs (b->total_gco2e - c->total_gco2e)
                     / b->total_gco2e
                 : 0.0,
               b->cost_usd >= c->cost_usd ? "saves" : "costs",
               fabs (b->cost_usd - c->cost_usd),
               b->cost_usd >= c->cost_usd ? "" : " more");
    }
  if (p->nhull > 1)
    {
      fprintf (fp, "Best choice by carbon price (USD per tonne CO2e):\n");
      for (k = 0; k < p->nhull; k++)
        {
          const struct run *run = &r->cands[p->hull[k]].run;
          char range[64];

          if (isinf (p->hull_price_high[k]))
            snprintf (range, sizeof range, "above %.6g",
                      p->hull_price_low[k]);
          else
            snprintf (range, sizeof range, "%.6g to %.6g",
                      p->hull_price_low[k], p->hull_price_high[k]);
          fprintf (fp, "  %-20s %s in %s\n", range, run->instance->name,
                   run->region->name);
        }
    }  if (r->unc != NULL)
    write_uncertainty_summary (fp, r);
}

/* Resolve --baseline TYPE@REGION into a run with the job's scaling.  */
static int
baseline_run (const struct advise_opts *o, const struct catalogue *cat,
              const struct scaling *s, struct run *out)
{
  char *type = xstrdup (o->baseline);
  char *at = strchr (type, '@');
  const struct instance *in;
  const struct region *g;
  const struct price *p;
  struct run_params params = o->job.params;
  struct diag d;
  double hours = 0.0;
  enum scaling_gap gap;
  int status = CA_EXIT_OK;

  *at = '\0';
  in = catalogue_find_instance (cat, type);
  g = catalogue_find_region (cat, at + 1);
  if (in == NULL || g == NULL)
    {
      status = in == NULL ? cli_report_unknown_instance (cat, type)
                          : cli_report_unknown_region (cat, at + 1);
      free (type);
      return status;
    }
  free (type);
  p = catalogue_find_price (cat, in, g);
  if (p == NULL)
    {
      d.status = CA_EXIT_USAGE;
      snprintf (d.text, sizeof d.text, "--baseline: %s is not offered in %s",
                in->name, g->name);
      return cli_report (&d);
    }
  if (!run_method_covers_instance (&o->job.params, in))
    {
      d.status = CA_EXIT_USAGE;
      snprintf (d.text, sizeof d.text,
                "--baseline: CCF's published coefficients do not cover %s, "
                "so --method ccf cannot estimate it",
                in->name);
      return cli_report (&d);
    }
  if (o->job.params.method == RUN_METHOD_CCF
      && !run_method_covers_region (&o->job.params, g))
    {
      d.status = CA_EXIT_USAGE;
      snprintf (d.text, sizeof d.text,
                "--baseline: %s has no CCF grid factor in the data, so the "
                "emissions of a run there by --method ccf are unknown",
                g->name);
      return cli_report (&d);
    }
  if (!run_has_grid (&o->job.params, g))
    {
      d.status = CA_EXIT_USAGE;
      snprintf (d.text, sizeof d.text,
                "--baseline: %s has no %s grid intensity in the data, so the "
                "emissions of a run there are unknown", g->name,
                o->job.params.grid_source != NULL
                  ? o->job.params.grid_source
                  : run_signal_name (o->job.params.signal));
      return cli_report (&d);
    }
  gap = scaling_runtime (s, in, o->job.params.runtime_h, &hours);
  if (gap != SCALING_OK)
    {
      d.status = CA_EXIT_USAGE;
      snprintf (d.text, sizeof d.text,
                "--baseline: no runtime for %s under --scaling %s (%s)",
                in->name, scaling_mode_name (s->mode),
                scaling_gap_text (gap));
      return cli_report (&d);
    }
  params.runtime_h = hours;
  if (run_evaluate (in, g, p, &params, out, &d) < 0)
    return cli_report (&d);
  return CA_EXIT_OK;
}

static int
rank_and_write (const struct cli_global *global, const struct advise_opts *o,
                struct advise_ranking *r, const struct advise_funnel *f)
{
  struct out_column *cols;
  struct out_table *t;
  struct cli_sink sink;
  size_t *rows;
  size_t i, nrows, extra, ncols;
  int status;
  bool ok = true;

  cols = advise_columns (o, global->format, &ncols);
  r->ranges_as_text = global->format == OUT_FORMAT_TABLE;
  r->cost_range_as_text = r->ranges_as_text && runtime_uncertain (o);

  /* The rows to show: the front (already in output order), then --top
     more, or all.  */
  rows = xcalloc (r->n + 1, sizeof *rows);
  extra = (size_t) o->top;
  nrows = o->all ? r->n
          : r->pareto->nfront + extra < r->n ? r->pareto->nfront + extra
                                              : r->n;
  if (nrows == r->pareto->nfront)
    memcpy (rows, r->pareto->front, nrows * sizeof *rows);
  else
    {
      for (i = 0; i < r->n; i++)
        rows[i] = i;
      sort_context = r;
      qsort (rows, r->n, sizeof *rows, compare_output);
    }

  t = out_table_new (cols, ncols);
  for (i = 0; i < nrows; i++)
    fill_row (t, r, rows[i]);

  status = cli_sink_open (global, &sink);
  if (status == CA_EXIT_OK)
    {
      if (out_write (sink.fp, global->format, OUT_LAYOUT_WIDE, t) < 0)
        ok = false;
      if (ok && global->format == OUT_FORMAT_TABLE)
        {
          write_summary (sink.fp, r, f, o);
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
  out_table_free (t);
  free (rows);
  free (cols);
  return status;
}

/* Enumerate every priced pair that meets O's constraints, in the
   catalogue's order (provider, region, instance: the tie-break order),
   into R, counting in F, and rank them.  Returns 0, or -1 with D set.  */
static int
rank_candidates (const struct advise_opts *o, const struct catalogue *cat,
                 const struct scaling *scaling, struct advise_ranking *r,
                 struct advise_funnel *f, struct diag *d)
{
  double *power_cache;
  size_t i;

  r->cands = xcalloc (cat->nprices + 1, sizeof *r->cands);
  power_cache = xcalloc (cat->ninstances + 1, sizeof *power_cache);
  for (i = 0; i < cat->ninstances; i++)
    power_cache[i] = NAN;
  f->kept[ADVISE_STAGE_PRICED] = cat->nprices;
  for (i = 0; i < cat->nprices; i++)
    {
      int kept = evaluate (o, scaling, &cat->prices[i], power_cache,
                           &r->cands[r->n].run, f, d);

      if (kept < 0)
        {
          free (power_cache);
          return -1;
        }
      r->n += (size_t) kept;
    }
  free (power_cache);

  r->cost = xcalloc (r->n + 1, sizeof *r->cost);
  r->carbon = xcalloc (r->n + 1, sizeof *r->carbon);
  r->order = xcalloc (r->n + 1, sizeof *r->order);
  r->hull_slot = xcalloc (r->n + 1, sizeof *r->hull_slot);
  r->front_slot = xcalloc (r->n + 1, sizeof *r->front_slot);
  for (i = 0; i < r->n; i++)
    {
      r->cost[i] = r->cands[i].run.footprint.cost_usd;
      r->carbon[i] = r->cands[i].run.footprint.total_gco2e;
      r->order[i] = i;
      r->hull_slot[i] = PARETO_NONE;
      r->front_slot[i] = PARETO_NONE;
    }
  r->pareto = pareto_analyse (r->cost, r->carbon, r->order, r->n, d);
  if (r->pareto == NULL)
    return -1;
  for (i = 0; i < r->pareto->nhull; i++)
    r->hull_slot[r->pareto->hull[i]] = i;
  for (i = 0; i < r->pareto->nfront; i++)
    r->front_slot[r->pareto->front[i]] = i;
  r->carbon_pick = isnan (o->carbon_price)
                     ? PARETO_NONE
                     : pareto_pick_at_price (r->cost, r->carbon, r->order,
                                             r->n, o->carbon_price);
  return 0;
}

static void
ranking_free (struct advise_ranking *r)
{
  pareto_free (r->pareto);
  free (r->cands);
  free (r->cost);
  free (r->carbon);
  free (r->order);
  free (r->hull_slot);
  free (r->front_slot);
  uncertainty_free (r->unc);
  free (r->items);
  free (r->gpu_speed);
  free (r->p_front);
}

/* Say in R's signal line whether the recommendation holds under another
   grid signal: marginal, or average when O already asks for marginal or
   market.  */
static void
check_signal (const struct advise_opts *o, const struct catalogue *cat,
              const struct scaling *scaling, struct advise_ranking *r)
{
  struct advise_opts alt = *o;
  struct advise_ranking other;
  struct advise_funnel f;
  struct diag d;
  const struct run *rec = &r->cands[advise_recommended (r)].run;
  const char *name;

  alt.job.params.signal = o->job.params.signal == RUN_SIGNAL_AVERAGE
                        ? RUN_SIGNAL_MARGINAL
                        : RUN_SIGNAL_AVERAGE;
  name = run_signal_name (alt.job.params.signal);
  memset (&other, 0, sizeof other);
  memset (&f, 0, sizeof f);
  if (rank_candidates (&alt, cat, scaling, &other, &f, &d) < 0)
    snprintf (r->signal_line, sizeof r->signal_line,
              "Signal: not checked under --signal %s (%.200s).", name,
              d.text);
  else if (other.n == 0)
    snprintf (r->signal_line, sizeof r->signal_line,
              "Signal: no candidate has a %s grid intensity; the "
              "recommendation cannot be checked against it.", name);
  else
    {
      const struct run *x = &other.cands[advise_recommended (&other)].run;

      if (x->instance == rec->instance && x->region == rec->region)
        snprintf (r->signal_line, sizeof r->signal_line,
                  "Signal: under --signal %s the recommendation stays %s in "
                  "%s.", name, rec->instance->name, rec->region->name);
      else
        snprintf (r->signal_line, sizeof r->signal_line,
                  "Signal: under --signal %s the recommendation changes to "
                  "%s in %s (%zu candidates have that figure).",
                  name, x->instance->name, x->region->name, other.n);
    }
  ranking_free (&other);
}

/* Under gpu scaling, give R's spec the spread of every GPU model's
   measured speed and mark the N items whose runtime scales with it.  */
static void
uncertain_gpus (const struct catalogue *cat, const struct scaling *scaling,
                struct advise_ranking *r, size_t n)
{
  const struct gpu *ref = scaling_gpu (scaling, scaling->reference);
  size_t i;

  if (ref == NULL)
    return;
  r->gpu_speed = xcalloc (cat->ngpus + 1, sizeof *r->gpu_speed);
  for (i = 0; i < cat->ngpus; i++)
    {
      const struct gpu *g = &cat->gpus[i];
      struct uncertainty_range *v = &r->gpu_speed[i];

      /* A model without a speed scales no run; 1 keeps the range valid.  */
      v->low = v->mode = v->high = 1.0;
      if (!isnan (g->training_speed))
        {
          v->low = g->speed_low;
          v->mode = g->training_speed;
          v->high = g->speed_high;
        }
    }
  r->spec.ngpus = cat->ngpus;
  r->spec.gpu_speed = r->gpu_speed;
  r->spec.gpu_reference = (size_t) (ref - cat->gpus);
  for (i = 0; i < n; i++)
    {
      const struct run *run = i < r->n ? &r->cands[i].run : &r->baseline;
      const struct gpu *g = scaling_gpu (scaling, run->instance);

      r->items[i].gpu_scaled = g != NULL;
      r->items[i].gpu = g != NULL ? (size_t) (g - cat->gpus) : 0;
    }
}

/* --uncertainty: sample R's candidates (and its baseline), and find
   each one's share of samples on the front, the recommendation's odds
   against the cheapest and the baseline, and whether it holds under
   another grid signal.  Returns an exit status.  */
static int
rank_uncertain (const struct advise_opts *o, const struct catalogue *cat,
                const struct scaling *scaling, struct advise_ranking *r,
                struct diag *d)
{
  struct uncertainty_keys *keys = uncertainty_keys_new (cat);
  struct cli_progress progress;
  size_t n = r->n + (r->has_baseline ? 1 : 0), i, pick;

  cli_uncertainty_spec (&o->unc, cat, keys, o->job.params.load_pct,
                        o->job.params.runtime_h, o->job.params.lifetime_years,
                        &r->spec);
  r->items = xcalloc (n + 1, sizeof *r->items);
  for (i = 0; i < r->n; i++)
    uncertainty_item_from_run (cat, keys, &r->cands[i].run, &o->job.params,
                               true, &r->items[i]);
  if (r->has_baseline)
    uncertainty_item_from_run (cat, keys, &r->baseline, &o->job.params, false,
                               &r->items[r->n]);
  uncertainty_keys_free (keys);
  uncertain_gpus (cat, scaling, r, n);
  r->unc = uncertainty_new (&r->spec, r->items, n, d);
  if (r->unc == NULL)
    return cli_report (d);
  r->p_front = xcalloc (n + 1, sizeof *r->p_front);
  cli_progress_start (&progress);
  uncertainty_fronts (r->unc, r->p_front, &r->front_stats,
                      cli_progress_report, &progress);
  pick = advise_recommended (r);
  r->p_below_cheapest = uncertainty_p_less (r->unc, pick, r->pareto->cheapest);
  r->p_below_baseline = r->has_baseline
                          ? uncertainty_p_less (r->unc, pick, r->n)
                          : NAN;
  check_signal (o, cat, scaling, r);
  return CA_EXIT_OK;
}

int
advise_compute (const struct cli_global *global, struct advise_opts *o,
                struct advise_result *res)
{
  int status = CA_EXIT_OK;
  struct catalogue *cat;
  struct scaling scaling = { SCALING_FIXED, NULL, 0.0, NULL, NULL };
  struct advise_ranking *rp = &res->ranking;
  struct advise_funnel *fp = &res->funnel;
  struct diag d;
  size_t i;

  memset (res, 0, sizeof *res);
  res->scaling = scaling;
  cat = res->cat = cli_load_catalogue (global, &status);
  if (cat == NULL)
    return status;
  status = cli_job_apply (&o->job, cat, &res->price_file);
  if (status == CA_EXIT_OK)
    status = cli_check_selection (&o->selection, cat);
  for (i = 0; status == CA_EXIT_OK && i < o->exclude_regions.n; i++)
    if (catalogue_find_region (cat, o->exclude_regions.names[i]) == NULL)
      status = cli_report_unknown_region (cat, o->exclude_regions.names[i]);
  for (i = 0; status == CA_EXIT_OK && i < o->gpu_models.n; i++)
    if (catalogue_find_gpu (cat, o->gpu_models.names[i]) == NULL)
      {
        const char **names = xcalloc (cat->ngpus + 1, sizeof *names);
        size_t k;

        for (k = 0; k < cat->ngpus; k++)
          names[k] = cat->gpus[k].model;
        status = cli_report_unknown ("GPU model", o->gpu_models.names[i],
                                     names, cat->ngpus);
        free (names);
      }
  for (i = 0; status == CA_EXIT_OK && i < o->families.n; i++)
    {
      const char **names = xcalloc (cat->ninstances + 1, sizeof *names);
      size_t k, n = 0;
      bool known = false;

      /* Families, each once: instances are sorted by name, so a family's
         types mostly sit together.  */
      for (k = 0; k < cat->ninstances; k++)
        {
          known = known || STREQ (cat->instances[k].family,
                                  o->families.names[i]);
          if (n == 0 || !STREQ (names[n - 1], cat->instances[k].family))
            names[n++] = cat->instances[k].family;
        }
      if (!known)
        status = cli_report_unknown ("instance family", o->families.names[i],
                                     names, n);
      free (names);
    }
  if (status != CA_EXIT_OK)
    goto done;

  /* The runtime scaling.  */
  scaling.catalogue = cat;
  scaling.serial_fraction = !isnan (o->serial_fraction) ? o->serial_fraction
                            : 0.0;
  if (o->reference != NULL)
    {
      scaling.reference = catalogue_find_instance (cat, o->reference);
      if (scaling.reference == NULL)
        {
          status = cli_report_unknown_instance (cat, o->reference);
          goto done;
        }
      scaling.mode = o->has_scaling ? o->scaling
                     : scaling.reference->gpus > 0 ? SCALING_GPU
                                                   : SCALING_VCPU;
      if (scaling.mode == SCALING_GPU && isnan (o->serial_fraction))
        scaling.serial_fraction = SCALING_GPU_SERIAL_FRACTION;
    }
  if (scaling.mode == SCALING_TABLE)
    {
      res->table = speedup_table_read (o->speedup_path, &d);
      if (res->table == NULL)
        {
          status = cli_report (&d);
          goto done;
        }
      scaling.table = res->table;
    }
  if (scaling.reference != NULL && scaling.mode != SCALING_FIXED)
    {
      double h;
      enum scaling_gap gap
        = scaling_runtime (&scaling, scaling.reference, 1.0, &h);

      if (gap != SCALING_OK)
        {
          d.status = CA_EXIT_USAGE;
          snprintf (d.text, sizeof d.text,
                    "--reference %s cannot be scaled with --scaling %s: %s",
                    scaling.reference->name, scaling_mode_name (scaling.mode),
                    scaling_gap_text (gap));
          status = cli_report (&d);
          goto done;
        }
    }
  if (scaling.reference != NULL && scaling.mode != SCALING_FIXED)
    scaling_assumption (&scaling, rp->scaling_line, sizeof rp->scaling_line);
  if (o->baseline != NULL)
    {
      status = baseline_run (o, cat, &scaling, &rp->baseline);
      if (status != CA_EXIT_OK)
        goto done;
      rp->has_baseline = true;
    }
  if (rank_candidates (o, cat, &scaling, rp, fp, &d) < 0)
    {
      status = cli_report (&d);
      goto done;
    }
  if (rp->n > 0 && o->unc.enabled)
    status = rank_uncertain (o, cat, &scaling, rp, &d);

done:
  res->scaling = scaling;
  return status;
}

void
advise_result_free (struct advise_result *res)
{
  ranking_free (&res->ranking);
  speedup_table_free (res->table);
  catalogue_free (res->cat);
  price_file_free (res->price_file);
  memset (res, 0, sizeof *res);
}

static int
cmd_advise_exec (const struct cli_global *global, void *opts)
{
  struct advise_opts *o = opts;
  struct advise_result res;
  struct advise_ranking *rp = &res.ranking;
  int status = advise_compute (global, o, &res);

  if (status != CA_EXIT_OK)
    goto done;
  if (rp->n == 0)
    {
      if (global->format == OUT_FORMAT_TABLE)
        {
          struct cli_sink sink;

          status = cli_sink_open (global, &sink);
          if (status == CA_EXIT_OK)
            {
              advise_explain_empty (sink.fp, &res.funnel, o);
              status = cli_sink_close (&sink, true);
            }
          goto done;
        }
      advise_explain_empty (stderr, &res.funnel, o);
    }
  if (rp->n > 0)
    status = rank_and_write (global, o, rp, &res.funnel);
  else
    {
      /* Machine formats still get a well-formed empty result.  */
      size_t ncols;
      struct out_column *cols = advise_columns (o, global->format, &ncols);
      struct out_table *t = out_table_new (cols, ncols);

      status = cli_emit (global, OUT_LAYOUT_WIDE, t);
      out_table_free (t);
      free (cols);
    }

done:
  advise_result_free (&res);
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
