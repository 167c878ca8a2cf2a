/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor report: advise's findings as one self-contained HTML
   page (or Markdown) for a team: what to do, what it saves, how sure we
   are.  */
#include <config.h>

#include <argp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "cmd/cmd-advise.h"
#include "search/advise.h"
#include "search/compare.h"
#include "view/advise-summary.h"
#include "data/equivalents.h"
#include "view/report.h"
#include "view/svg.h"
#include "base/xalloc.h"

struct report_opts
{
  struct advise_opts advise; /* First: advise's parser fills it.  */
  const char *title;
};

enum
{
  OPT_TITLE = 0x500
};

static const struct argp_option report_options[] = {
  { NULL, 0, NULL, 0, "The report:", 7 },
  { "title", OPT_TITLE, "TEXT", 0,
    "The report's title (default \"Where to run the job\")", 7 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static void
report_init (void *opts)
{
  struct report_opts *o = opts;

  advise_opts_init (&o->advise);
  o->title = "Where to run the job";
}

static error_t
parse_report (int key, char *arg, struct argp_state *state)
{
  struct report_opts *o = ((struct cli_input *) state->input)->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      /* advise's parser reads the same input: its options struct is the
         first member of ours.  */
      state->child_inputs[0] = state->input;
      break;
    case OPT_TITLE:
      if (arg[0] == '\0')
        argp_error (state, "--title must not be empty");
      o->title = arg;
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child report_children[] = {
  { &advise_job_argp, 0, NULL, 0 },
  { NULL, 0, NULL, 0 },
};

static const struct argp report_argp = {
  report_options,
  parse_report,
  NULL,
  "Rank the candidates as advise does (same job, constraints, --baseline, "
  "--carbon-price, --group and --uncertainty) and write a report for the "
  "team: the recommendation and its saving against the baseline, the chart "
  "of carbon against cost with the front, a chart of the regions of each "
  "--group, the front with its ranges, why not the cheapest or the "
  "greenest, the carbon-price ranges, the assumptions and the data "
  "attribution.  The report is one self-contained HTML page (inline CSS "
  "and SVG, no network resources) by default, or Markdown with --format "
  "markdown.  It goes to --output FILE, written to a temporary file and "
  "renamed, so an error leaves no partial report; without --output (or "
  "with '-') to standard output.",
  report_children,
  NULL,
  NULL
};

/* Whether REGION belongs to GROUP.  */
static bool
in_group (const struct region *region, const char *group)
{
  const char *p = region->groups;
  size_t n = strlen (group);

  while (p != NULL && *p != '\0')
    {
      size_t len = strcspn (p, ";");

      if (len == n && strncmp (p, group, n) == 0)
        return true;
      p += len;
      if (*p == ';')
        p++;
    }
  return false;
}

/* The comparisons of the recommended instance type over the regions of
   each --group, or of the regions the candidates are in without one,
   into *GROUPS.  Returns how many, or (size_t) -1 with D set.  */
static size_t
compare_groups (const struct report_opts *o, const struct advise_result *res,
                size_t rec, struct report_group **groups, struct diag *d)
{
  const struct catalogue *cat = res->cat;
  const struct advise_ranking *rk = &res->ranking;
  const struct advise_candidate *c = &rk->cands[rec];
  const struct name_list *names = &o->advise.selection.groups;
  size_t ng = names->n > 0 ? names->n : 1, g, i, k;
  const struct region **regions = xcalloc (cat->nregions + 1, sizeof *regions);
  struct run_params params = o->advise.job.params;

  params.runtime_h = c->runtime_h;
  *groups = xcalloc (ng, sizeof **groups);
  for (g = 0; g < ng; g++)
    {
      size_t n = 0;

      for (i = 0; i < cat->nregions; i++)
        {
          const struct region *reg = &cat->regions[i];
          bool want = false;

          if (names->n > 0)
            want = in_group (reg, names->names[g]);
          else
            for (k = 0; k < rk->n && !want; k++)
              want = rk->cands[k].price->region == reg;
          if (want)
            regions[n++] = reg;
        }
      (*groups)[g].name = names->n > 0 ? names->names[g] : "considered";
      (*groups)[g].cmp
        = compare_new (cat, c->price->instance, regions, n, &params, d);
      if ((*groups)[g].cmp == NULL)
        {
          free (regions);
          return (size_t) -1;
        }
    }
  free (regions);
  return ng;
}

/* Write the report REP as HTML or Markdown to the sink: the whole page
   is built first, so the sink only sees finished text.  */
static int
write_page (const struct cli_global *global, const struct report *rep)
{
  struct strbuf text;
  struct cli_sink sink;
  struct diag d;
  int status;

  strbuf_init (&text);
  if (global->format == OUT_FORMAT_MARKDOWN)
    report_markdown (&text, rep);
  else
    report_html (&text, rep);
  status = cli_sink_open (global, &sink);
  if (status == CA_EXIT_OK)
    {
      if (fwrite (text.text, 1, text.len, sink.fp) == text.len)
        status = cli_sink_close (&sink, true);
      else
        {
          cli_sink_close (&sink, false);
          diag_set (&d, CA_EXIT_FAILURE, "%s: write error",
                    global->output != NULL ? global->output : "stdout");
          status = cli_report (&d);
        }
    }
  strbuf_release (&text);
  return status;
}

/* Refuse a --format or --columns report cannot write: it writes HTML
   or markdown.  Returns an exit status, having reported the mistake.  */
static int
check_format (const struct cli_global *global)
{
  struct diag d;

  if (global->format != OUT_FORMAT_TABLE
      && global->format != OUT_FORMAT_MARKDOWN)
    {
      diag_set (&d, CA_EXIT_USAGE,
                "report writes HTML (the default) or "
                "--format markdown");
      return cli_report (&d);
    }
  if (out_columns_selected ())
    {
      diag_set (&d, CA_EXIT_USAGE,
                "--columns goes with --format csv or json; report writes "
                "HTML or markdown");
      return cli_report (&d);
    }
  return CA_EXIT_OK;
}

static int
cmd_report_exec (const struct cli_global *global, void *opts)
{
  struct report_opts *o = opts;
  struct advise_session session;
  const struct advise_result *res = &session.res;
  struct report_group *groups = NULL;
  struct report rep;
  struct run *runs = NULL;
  struct diag d;
  struct equivalents *equiv = NULL;
  size_t ngroups = 0, g;
  char *dir;
  int status;

  status = check_format (global);
  if (status != CA_EXIT_OK)
    {
      advise_opts_free (&o->advise);
      return status;
    }
  status = advise_session_run (global, &o->advise, &session);
  if (status == CA_EXIT_OK && res->ranking.n == 0)
    {
      advise_explain_empty (stderr, &res->funnel, &session.query);
      diag_set (&d, CA_EXIT_FAILURE,
                "no report: no candidate meets the "
                "constraints");
      status = cli_report (&d);
    }
  if (status != CA_EXIT_OK)
    goto done;

  memset (&rep, 0, sizeof rep);
  rep.title = o->title;
  rep.query = &session.query;
  rep.res = res;
  rep.rec = advise_recommended (&res->ranking);
  runs = advise_candidate_runs (&res->ranking);
  rep.runs = runs;
  ngroups = compare_groups (o, res, rep.rec, &groups, &d);
  if (ngroups == (size_t) -1)
    {
      ngroups = 0;
      status = cli_report (&d);
      goto done;
    }
  rep.groups = groups;
  rep.ngroups = ngroups;
  dir = cli_data_dir (global);
  equiv = equivalents_load (dir, res->cat, &d);
  free (dir);
  if (equiv == NULL)
    {
      status = cli_report (&d);
      goto done;
    }
  rep.equiv = equiv;

  status = write_page (global, &rep);

done:
  for (g = 0; g < ngroups; g++)
    compare_free (groups[g].cmp);
  free (groups);
  free (runs);
  equivalents_free (equiv);
  advise_session_free (&session);
  advise_opts_free (&o->advise);
  return status;
}

const struct cmd_entry cmd_report_entry = {
  "report",
  "write advise's findings as one HTML page (or Markdown) for the team",
  &report_argp,
  sizeof (struct report_opts),
  report_init,
  cmd_report_exec,
};
