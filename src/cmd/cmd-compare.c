/* carbon-advisor compare: one job on one instance type (or its closest
   equivalent at another provider) in every region of a set, with the
   difference to the best region and to a baseline, each group's spread,
   and whether the best region stays best under other grid figures.  */
#include <config.h>

#include <argp.h>
#include <errno.h>
#include <error.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "search/compare.h"
#include "view/report.h"
#include "model/run.h"
#include "search/select.h"
#include "base/xalloc.h"

struct compare_opts
{
  const char *instance;
  struct cli_job job;
  struct selection selection;
  const char *baseline;         /* A region, or NULL.  */
};

enum
{
  OPT_INSTANCE = 'i',
  OPT_BASELINE = 0x600
};

static const struct argp_option compare_options[] = {
  { NULL, 0, NULL, 0, "The job:", 1 },
  { "instance", OPT_INSTANCE, "TYPE", 0,
    "Instance type, e.g. m6i.2xlarge (required); in a region of another "
    "provider its closest equivalent stands in", 1 },
  { NULL, 0, NULL, 0, "Output:", 2 },
  { "baseline", OPT_BASELINE, "REGION", 0,
    "Also give each region's difference to this one, which must be among "
    "the compared regions", 2 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static void
compare_init (void *opts)
{
  struct compare_opts *o = opts;

  cli_job_init (&o->job, NULL, false);
}

static error_t
parse_compare (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;
  struct compare_opts *o = input->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &o->job;
      state->child_inputs[1] = &o->selection;
      state->child_inputs[2] = input->global;
      break;
    case OPT_INSTANCE:
      o->instance = arg;
      break;
    case OPT_BASELINE:
      if (arg[0] == '\0' || strchr (arg, '@') != NULL)
        argp_error (state, "invalid --baseline '%s': expected a region, "
                    "e.g. us-east-1 (the instance is --instance's)", arg);
      o->baseline = arg;
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    case ARGP_KEY_END:
      if (o->instance == NULL)
        argp_error (state, "missing --instance");
      /* The instance is fixed: the size filters would only confuse.  */
      if (o->selection.min_vcpus > 0 || o->selection.min_memory_gib > 0.0
          || o->selection.min_gpus > 0)
        argp_error (state, "--min-vcpus, --min-memory and --gpus go with "
                    "advise and list; compare runs --instance's size");
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child compare_children[] = {
  { &cli_job_argp, 0, "The job:", 1 },
  { &cli_selection_argp, 0, "Regions (default: every region):", 3 },
  { &cli_global_argp, 0, "Global options:", 4 },
  { NULL, 0, NULL, 0 },
};

static const struct argp compare_argp = {
  compare_options, parse_compare, NULL,
  "Compare one job on one instance type across regions: the energy, Scope "
  "2, Scope 3, total gCO2e and cost in every region of the --region, "
  "--group and --provider set, each region's difference to the best and "
  "to --baseline, the min, median and max of each group, and whether the "
  "best region stays best under every other grid source of the data and "
  "under the marginal signal.  In a region of another provider the closest "
  "equivalent type stands in: the same GPUs, at least the vCPUs and "
  "memory, the least excess, then the lowest price.",
  compare_children, NULL, NULL
};

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

static const struct out_column compare_columns[COL_NCOLUMNS] = {
  { "region", "Region", NULL, OUT_TEXT, 0, 0 },
  { "provider", "Provider", NULL, OUT_TEXT, 0, 0 },
  { "instance_type", "Instance", NULL, OUT_TEXT, 0, 0 },
  { "energy_kwh", "Energy", "kWh", OUT_NUMBER, 3, 0 },
  { "scope2_gco2e", "Scope 2", "gCO2e", OUT_NUMBER, 1, 0 },
  { "scope3_gco2e", "Scope 3", "gCO2e", OUT_NUMBER, 1, 0 },
  { "total_gco2e", "Total", "gCO2e", OUT_NUMBER, 1, 0 },
  { "cost_usd", "Cost", "USD", OUT_NUMBER, 2, 0 },
  { "grid_gco2e_per_kwh", "Grid", "gCO2e/kWh", OUT_NUMBER, 2, 0 },
  { "grid_source", "Grid source", NULL, OUT_TEXT, 0, 0 },
  { "grid_year", "Year", NULL, OUT_INTEGER, 0, 0 },
  { "vs_best_gco2e", "vs best", "gCO2e", OUT_NUMBER, 1, 0 },
  { "vs_best_pct", "vs best", "%", OUT_NUMBER, 1, 0 },
  { "vs_baseline_gco2e", "vs baseline", "gCO2e", OUT_NUMBER, 1, 0 },
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

/* The region table's columns: COLS (COL_NCOLUMNS slots) gets the ones
   shown, MAP[k] the place of column K among them (COL_NCOLUMNS when left
   out).  Returns how many are shown.  */
static size_t
region_columns (bool baseline, struct out_column *cols, size_t *map)
{
  size_t k, n = 0;

  for (k = 0; k < COL_NCOLUMNS; k++)
    {
      map[k] = COL_NCOLUMNS;
      if (!baseline && (k == COL_VS_BASELINE || k == COL_VS_BASELINE_PCT))
        continue;
      map[k] = n;
      cols[n++] = compare_columns[k];
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
      out_table_set_number (t, map[COL_VS_BASELINE],
                            row->diff_baseline_gco2e);
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
  out_table_set_text (t, map[COL_GRID_SIGNAL],
                      run->method == RUN_METHOD_CCF
                        ? "ccf"
                        : run_signal_name (run->signal));
  out_table_set_text (t, map[COL_METHOD], run_method_name (run->method));
  out_table_set_text (t, map[COL_GROUPS], run->region->groups);
}

static const struct out_column group_columns[] = {
  { "group", "Group", NULL, OUT_TEXT, 0, 0 },
  { "regions", "Regions", NULL, OUT_INTEGER, 0, 0 },
  { "total_min_gco2e", "Total min", "gCO2e", OUT_NUMBER, 1, 0 },
  { "total_median_gco2e", "median", "gCO2e", OUT_NUMBER, 1, 0 },
  { "total_max_gco2e", "max", "gCO2e", OUT_NUMBER, 1, 0 },
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

/* A row per --group, then "all" unless the set is exactly one group.  */
static struct out_table *
group_table (const struct compare_opts *o, const struct compare *c)
{
  struct out_table *t
    = out_table_new (group_columns, ARRAY_SIZE (group_columns));
  const struct name_list *groups = &o->selection.groups;
  size_t i;

  for (i = 0; i < groups->n; i++)
    fill_group_row (t, c, groups->names[i]);
  if (groups->n != 1 || o->selection.regions.n > 0)
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
write_counts (FILE *fp, const struct compare_opts *o, const struct compare *c,
              size_t nregions)
{
  const struct instance *in = c->instance;
  size_t k, i;

  fprintf (fp, "Compared %s (%ld vCPU, %g GiB", in->name, in->vcpus,
           in->memory_gib);
  if (in->gpus > 0)
    fprintf (fp, ", %ld x %s", in->gpus, in->gpu_model);
  fprintf (fp, "), %.2f h at %.1f %% on %ld instance%s, in %zu region%s: "
           "%zu run%s",
           o->job.params.runtime_h, o->job.params.load_pct,
           o->job.params.count,
           o->job.params.count == 1 ? "" : "s",
           nregions, nregions == 1 ? "" : "s", c->nrows,
           c->nrows == 1 ? "" : "s");
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
   source of the data, and under another signal (marginal, or average
   when the comparison is on marginal or market figures)?  Returns 0, or
   -1 with D set when a run of the other signal cannot be worked out.  */
static int
write_robustness (FILE *fp, const struct compare_opts *o,
                  const struct catalogue *cat, const struct compare *c,
                  const struct region *const *regions, size_t nregions,
                  struct diag *d)
{
  const struct region *winner = c->rows[0].run.region;
  struct run_params alt = o->job.params;
  struct compare *other;
  const char **sources = NULL;
  char *buf = NULL;
  size_t size = 0, i, nsources, holds = 0, of;
  char part[512];

  if (o->job.params.method == RUN_METHOD_CCF)
    {
      fprintf (fp, "Robustness: not checked under --method ccf (CCF has one "
               "grid factor per region).\n");
      return 0;
    }
  fprintf (fp, "Robustness: the best region %s", winner->name);
  if (o->job.params.signal == RUN_SIGNAL_AVERAGE)
    {
      nsources = compare_grid_sources (cat, c, &sources);
      for (i = 0; i < nsources; i++)
        {
          size_t w = compare_winner_under_source (cat, c, sources[i]);
          const struct region *g = c->rows[w].run.region;

          if (g == winner)
            {
              holds++;
              continue;
            }
          snprintf (part, sizeof part, "%s%s: %s", buf == NULL ? "" : ", ",
                    sources[i], g->name);
          append (&buf, &size, part);
        }
      free (sources);
      if (nsources == 0)
        fputs (" (no grid source in the data to check against)", fp);
      else if (holds == nsources)
        fprintf (fp, " holds under all %zu grid sources", nsources);
      else
        fprintf (fp, " holds under %zu of %zu grid sources (not under %s)",
                 holds, nsources, buf);
      free (buf);
    }
  else
    fputs (" (grid sources not checked: they give location-based "
           "averages)", fp);

  alt.signal = o->job.params.signal == RUN_SIGNAL_AVERAGE ? RUN_SIGNAL_MARGINAL
                                                      : RUN_SIGNAL_AVERAGE;
  other = compare_new (cat, c->instance, regions, nregions, &alt, d);
  if (other == NULL)
    return -1;
  /* Out of the regions that have a run but for the grid figure.  */
  of = other->nrows + other->nskips[COMPARE_NO_GRID];
  if (other->nrows == 0)
    fprintf (fp, "; under --signal %s: not checked, no compared region has "
             "that figure.\n", run_signal_name (alt.signal));
  else if (other->rows[0].run.region == winner)
    fprintf (fp, "; under --signal %s it stays best (%zu of %zu regions "
             "have that figure).\n", run_signal_name (alt.signal),
             other->nrows, of);
  else
    fprintf (fp, "; under --signal %s the best is %s (%zu of %zu regions "
             "have that figure).\n", run_signal_name (alt.signal),
             other->rows[0].run.region->name, other->nrows, of);
  compare_free (other);
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

/* The notes under the tables: counts, equivalents, best, baseline,
   robustness.  MARKDOWN puts a blank line after each, making each a
   paragraph.  Returns 0, or -1 with D set.  */
static int
write_notes (FILE *fp, bool markdown, const struct compare_opts *o,
             const struct catalogue *cat, const struct compare *c,
             const struct region *const *regions, size_t nregions,
             struct diag *d)
{
  const char *gap = markdown ? "\n" : "";
  const struct compare_row *best = c->nrows > 0 ? &c->rows[0] : NULL;

  write_counts (fp, o, c, nregions);
  fputs (gap, fp);
  if (best == NULL)
    return 0;
  write_equivalents (fp, c);
  fputs (gap, fp);
  fprintf (fp, "Best: %s in %s: %.1f gCO2e, %.2f USD.\n",
           best->run.instance->name, best->run.region->name,
           best->run.footprint.total_gco2e, best->run.footprint.cost_usd);
  fputs (gap, fp);
  if (c->baseline != COMPARE_NONE)
    {
      const struct compare_row *b = &c->rows[c->baseline];

      fprintf (fp, "Baseline: %s in %s: %.1f gCO2e, %.2f USD; the best "
               "saves %.1f gCO2e (%.1f %%).\n",
               b->run.instance->name, b->run.region->name,
               b->run.footprint.total_gco2e, b->run.footprint.cost_usd,
               -best->diff_baseline_gco2e, -best->diff_baseline_pct);
      fputs (gap, fp);
    }
  if (write_robustness (fp, o, cat, c, regions, nregions, d) < 0)
    return -1;
  fputs (gap, fp);
  write_price_dates (fp, gap, c);
  return 0;
}

/* Write C in GLOBAL's format.  Returns an exit status.  */
static int
write_compare (const struct cli_global *global, const struct compare_opts *o,
               const struct catalogue *cat, const struct compare *c,
               const struct region *const *regions, size_t nregions)
{
  struct out_column cols[COL_NCOLUMNS];
  size_t map[COL_NCOLUMNS];
  size_t ncols = region_columns (c->baseline != COMPARE_NONE, cols, map);
  struct out_table *t = out_table_new (cols, ncols);
  struct out_table *g = NULL;
  struct cli_sink sink;
  struct diag d;
  bool text = global->format == OUT_FORMAT_TABLE
              || global->format == OUT_FORMAT_MARKDOWN;
  bool ok = true;
  int status;
  size_t i;

  for (i = 0; i < c->nrows; i++)
    fill_region_row (t, map, c, &c->rows[i]);
  status = cli_sink_open (global, &sink);
  if (status != CA_EXIT_OK)
    {
      out_table_free (t);
      return status;
    }
  d.text[0] = '\0';
  /* Csv and json hold the regions' rows only: one rectangular table.
     The group statistics follow from them.  */
  if ((c->nrows > 0 || !text)
      && out_write (sink.fp, global->format, OUT_LAYOUT_WIDE, t) < 0)
    ok = false;
  if (ok && text && c->nrows > 0)
    {
      g = group_table (o, c);
      ok = fputs ("\n", sink.fp) != EOF
           && out_write (sink.fp, global->format, OUT_LAYOUT_WIDE, g) == 0
           && fputs ("\n", sink.fp) != EOF;
    }
  if (ok && text
      && write_notes (sink.fp, global->format == OUT_FORMAT_MARKDOWN, o, cat,
                      c, regions, nregions, &d)
           < 0)
    {
      cli_sink_close (&sink, false);
      out_table_free (t);
      out_table_free (g);
      return cli_report (&d);
    }
  if (ok)
    ok = fflush (sink.fp) == 0 && !ferror (sink.fp);
  if (!ok)
    {
      error (0, errno, "%s", sink.path ? sink.path : "write error");
      cli_sink_close (&sink, false);
      status = CA_EXIT_FAILURE;
    }
  else
    status = cli_sink_close (&sink, true);
  out_table_free (t);
  out_table_free (g);
  return status;
}

static int
cmd_compare_exec (const struct cli_global *global, void *opts)
{
  struct compare_opts *o = opts;
  int status = CA_EXIT_OK;
  struct catalogue *cat = cli_load_catalogue (global, &status);
  const struct instance *instance = NULL;
  const struct region *baseline = NULL;
  const struct region **regions = NULL;
  struct compare *c = NULL;
  struct price_file *price_file = NULL;
  size_t i, n = 0;
  struct diag d;

  if (cat == NULL)
    goto done;
  status = cli_job_apply (&o->job, cat, &price_file);
  if (status != CA_EXIT_OK)
    goto done;
  instance = catalogue_find_instance (cat, o->instance);
  if (instance == NULL)
    {
      status = cli_report_unknown_instance (cat, o->instance);
      goto done;
    }
  status = cli_check_selection (&o->selection, cat);
  if (status != CA_EXIT_OK)
    goto done;
  if (o->baseline != NULL)
    {
      baseline = catalogue_find_region (cat, o->baseline);
      if (baseline == NULL)
        {
          status = cli_report_unknown_region (cat, o->baseline);
          goto done;
        }
    }
  if (!run_method_covers_instance (&o->job.params, instance))
    {
      d.status = CA_EXIT_USAGE;
      snprintf (d.text, sizeof d.text,
                "CCF's published coefficients do not cover %s, so --method "
                "ccf cannot estimate it", instance->name);
      status = cli_report (&d);
      goto done;
    }

  regions = xcalloc (cat->nregions + 1, sizeof *regions);
  for (i = 0; i < cat->nregions; i++)
    if (selection_region_ok (&o->selection, &cat->regions[i]))
      regions[n++] = &cat->regions[i];
  c = compare_new (cat, instance, regions, n, &o->job.params, &d);
  if (c == NULL)
    {
      status = cli_report (&d);
      goto done;
    }
  if (baseline != NULL && compare_set_baseline (c, baseline, &d) < 0)
    {
      error (0, 0, "--baseline: %s", d.text);
      status = d.status;
      goto done;
    }
  status = write_compare (global, o, cat, c, regions, n);

done:
  compare_free (c);
  free (regions);
  catalogue_free (cat);
  price_file_free (price_file);
  selection_free (&o->selection);
  return status;
}

const struct cmd_entry cmd_compare_entry = {
  "compare",
  "one job on one instance type (or its equivalent) across regions",
  &compare_argp,
  sizeof (struct compare_opts),
  compare_init,
  cmd_compare_exec,
};
