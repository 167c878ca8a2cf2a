/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor compare: one job on one instance type (or its closest
   equivalent at another provider) in every region of a set, with the
   difference to the best region and to a baseline, each group's spread,
   and whether the best region stays best under other grid figures.  */
#include <config.h>

#include <argp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cli/cli.h"
#include "cmd/cmd.h"
#include "model/run.h"
#include "search/compare.h"
#include "search/select.h"
#include "view/compare-view.h"

struct compare_opts
{
  const char *instance;
  struct cli_job job;
  struct selection selection;
  const char *baseline; /* REGION or TYPE@REGION, or NULL.  */
  struct name_list exclude_regions;
  bool wide; /* --wide: every column in the table format.  */
};

enum
{
  OPT_INSTANCE = 'i',
  OPT_BASELINE = 0x600,
  OPT_EXCLUDE_REGION,
  OPT_WIDE,
  OPT_SIZE
};

static const struct argp_option compare_options[] = {
  { NULL, 0, NULL, 0, "The instance:", 1 },
  { "instance", OPT_INSTANCE, "TYPE", 0,
    "Instance type, e.g. m6i.2xlarge (required); in a region of another "
    "provider its closest equivalent stands in",
    1 },
  { NULL, 0, NULL, 0, "Output:", 2 },
  { "baseline", OPT_BASELINE, "[TYPE@]REGION", 0,
    "Also give each region's difference to this run: --instance (or its "
    "equivalent) in REGION, or TYPE in REGION; REGION may be outside the "
    "compared regions",
    2 },
  { "wide", OPT_WIDE, NULL, 0,
    "In the table format, every column (provider, energy, Scope 2 and 3, "
    "grid source and year, differences in gCO2e); by default the table "
    "fits 100 columns",
    2 },
  { "exclude-region", OPT_EXCLUDE_REGION, "REGION", 0,
    "Leave this region (or the regions at this place) out; repeatable, or "
    "a comma list",
    3 },
  /* The size filters of advise and list, refused with a reason rather
     than as unknown options, and left out of the help.  */
  { "min-vcpus", OPT_SIZE, "N", OPTION_HIDDEN, NULL, 2 },
  { "min-memory", OPT_SIZE, "GIB", OPTION_HIDDEN, NULL, 2 },
  { "gpus", OPT_SIZE, "N", OPTION_HIDDEN, NULL, 2 },
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
    case OPT_WIDE:
      o->wide = true;
      break;
    case OPT_BASELINE:
      if (arg[0] == '\0' || arg[0] == '@' || arg[strlen (arg) - 1] == '@'
          || strchr (arg, '@') != strrchr (arg, '@'))
        argp_error (state,
                    "invalid --baseline '%s': expected REGION or "
                    "TYPE@REGION, e.g. us-east-1 or p3.2xlarge@us-east-1",
                    arg);
      o->baseline = arg;
      break;
    case OPT_EXCLUDE_REGION:
      name_list_add (&o->exclude_regions, arg);
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    case ARGP_KEY_END:
      if (o->instance == NULL)
        argp_error (state, "missing --instance");
      break;
    case OPT_SIZE:
      /* The instance is fixed: the size filters would only confuse.  */
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
  { &cli_region_argp, 0, "Regions (default: every region):", 3 },
  { &cli_global_argp, 0, "Global options:", 4 },
  { NULL, 0, NULL, 0 },
};

static const struct argp compare_argp = {
  compare_options,
  parse_compare,
  NULL,
  "Compare one job on one instance type across regions: the energy, Scope "
  "2, Scope 3, total gCO2e and cost in every region of the --region, "
  "--group and --provider set, each region's difference to the best and "
  "to --baseline, the min, median and max of each group, and whether the "
  "best region stays best under every other grid source of the data and "
  "under the marginal signal.  In a region of another provider the closest "
  "equivalent type stands in: the same GPUs, at least the vCPUs and "
  "memory, the least excess, then the lowest price.",
  compare_children,
  NULL,
  NULL
};

/* A failed write to SINK: say so as the stream left it (errno as
   ERR).  Returns the exit status.  */
static int
report_write_error (const struct cli_sink *sink, int err)
{
  struct diag d;
  const char *what = sink->path ? sink->path : "write error";

  if (err != 0)
    diag_set (&d, CA_EXIT_FAILURE, "%s: %s", what, strerror (err));
  else
    diag_set (&d, CA_EXIT_FAILURE, "%s", what);
  return cli_report (&d);
}

/* Write the tables of C, a comparison over the NREGIONS REGIONS of CAT,
   in GLOBAL's format, and in the text formats the notes.  Returns an
   exit status.  */
static int
write_compare (const struct cli_global *global, const struct compare_opts *o,
               const struct catalogue *cat, const struct compare *c,
               const struct region *const *regions, size_t nregions)
{
  struct out_column cols[COMPARE_VIEW_NCOLUMNS];
  struct out_table *t = compare_region_table (c, cols, o->wide);
  struct out_table *g = NULL;
  struct compare_robustness rob;
  struct cli_sink sink;
  struct diag d;
  bool text = out_format_for_people (global->format);
  bool ok = true;
  int status;

  memset (&rob, 0, sizeof rob);
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
      g = compare_group_table (c, &o->selection);
      ok = fputs ("\n", sink.fp) != EOF
           && out_write (sink.fp, global->format, OUT_LAYOUT_WIDE, g) == 0
           && fputs ("\n", sink.fp) != EOF;
    }
  if (ok && text && c->nrows > 0)
    compare_robustness (cat, c, &o->job.params, regions, nregions, &rob, &d);
  if (ok && text
      && compare_write_notes (sink.fp, global->format == OUT_FORMAT_MARKDOWN,
                              &o->job.params, c, nregions, &rob)
           < 0)
    {
      cli_sink_close (&sink, false);
      status = cli_report (&d);
    }
  else
    {
      if (ok)
        ok = fflush (sink.fp) == 0 && !ferror (sink.fp);
      if (!ok)
        {
          status = report_write_error (&sink, errno);
          cli_sink_close (&sink, false);
        }
      else
        status = cli_sink_close (&sink, true);
    }
  compare_robustness_free (&rob);
  out_table_free (t);
  out_table_free (g);
  return status;
}

/* O's baseline, "[TYPE@]REGION", checked in CAT, into *TYPE (NULL
   without one) and *REGION, which may be a place with one region that
   offers TYPE (or INSTANCE).  Reports an error and returns its exit
   status.  */
static int
resolve_baseline (const char *baseline, const struct catalogue *cat,
                  const struct instance *instance,
                  const struct instance **type, const struct region **region)
{
  const char *at = strchr (baseline, '@');
  int status = CA_EXIT_OK;

  *type = NULL;
  if (at != NULL)
    {
      char *name = xstrdup (baseline);

      name[at - baseline] = '\0';

      *type = catalogue_find_instance (cat, name);
      if (*type == NULL)
        status = cli_report_unknown_instance (cat, name);
      free (name);
      if (status != CA_EXIT_OK)
        return status;
    }
  *region = cli_find_region_for (cat, at != NULL ? at + 1 : baseline,
                                 *type != NULL ? *type : instance, &status);
  return status;
}

/* The instance and baseline O names, checked in CAT, into *INSTANCE,
   *BASE_TYPE (NULL for --instance's) and *BASELINE (NULL without one).
   Reports an error and returns its exit status.  */
static int
resolve_names (const struct compare_opts *o, const struct catalogue *cat,
               const struct instance **instance,
               const struct instance **base_type,
               const struct region **baseline)
{
  int status;
  struct diag d;

  *base_type = NULL;
  *baseline = NULL;
  *instance = catalogue_find_instance (cat, o->instance);
  if (*instance == NULL)
    return cli_report_unknown_instance (cat, o->instance);
  status = cli_check_selection (&o->selection, cat);
  if (status == CA_EXIT_OK)
    status
      = cli_check_regions (cat, &o->exclude_regions, &o->selection.providers);
  if (status == CA_EXIT_OK && o->baseline != NULL)
    status
      = resolve_baseline (o->baseline, cat, *instance, base_type, baseline);
  if (status != CA_EXIT_OK)
    return status;
  if (!run_method_covers_instance (&o->job.params, *instance))
    {
      diag_set (&d, CA_EXIT_USAGE,
                "CCF's published coefficients do not "
                "cover %s, so --method ccf cannot estimate it",
                (*instance)->name);
      return cli_report (&d);
    }
  return CA_EXIT_OK;
}

static int
cmd_compare_exec (const struct cli_global *global, void *opts)
{
  struct compare_opts *o = opts;
  int status = CA_EXIT_OK;
  struct catalogue *cat = cli_load_catalogue (global, &status);
  const struct instance *instance = NULL;
  const struct instance *base_type = NULL;
  const struct region *baseline = NULL;
  const struct region **regions = NULL;
  struct compare *c = NULL;
  struct price_file *price_file = NULL;
  size_t i, n = 0;
  struct diag d;

  if (cat == NULL)
    goto done;
  status = cli_job_apply (&o->job, cat, &price_file);
  if (status == CA_EXIT_OK)
    status = resolve_names (o, cat, &instance, &base_type, &baseline);
  if (status != CA_EXIT_OK)
    goto done;
  regions = xcalloc (cat->nregions + 1, sizeof *regions);
  for (i = 0; i < cat->nregions; i++)
    if (selection_region_ok (&o->selection, &cat->regions[i])
        && !selection_names_region (&o->exclude_regions, &cat->regions[i]))
      regions[n++] = &cat->regions[i];
  c = compare_new (cat, instance, regions, n, &o->job.params, &d);
  if (c == NULL)
    {
      status = cli_report (&d);
      goto done;
    }
  if (baseline != NULL
      && compare_set_baseline (c, cat, base_type, baseline, &o->job.params, &d)
           < 0)
    {
      struct diag b;

      diag_set (&b, d.status, "--baseline: %s", d.text);
      status = cli_report (&b);
      goto done;
    }
  status = write_compare (global, o, cat, c, regions, n);

done:
  compare_free (c);
  free (regions);
  catalogue_free (cat);
  price_file_free (price_file);
  selection_free (&o->selection);
  name_list_free (&o->exclude_regions);
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
