/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor merge: combine partial summaries written by
   'track --partial' into one summary (doc/tracking.md).  */
#include <config.h>

#include <argp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "cli/tally-output.h"
#include "search/tally.h"

struct merge_opts
{
  bool partial;
  const char *report;
  const char *title;
  struct cli_files files;
};

enum
{
  OPT_PARTIAL = 0x400,
  OPT_REPORT,
  OPT_TITLE
};

static const struct argp_option merge_options[] = {
  { "partial", OPT_PARTIAL, NULL, 0,
    "Write the merged partial summary instead of the summary", 0 },
  CLI_TALLY_REPORT_OPTIONS (OPT_REPORT, OPT_TITLE),
  { NULL, 0, NULL, 0, NULL, 0 },
};

static void
merge_init (void *opts)
{
  struct merge_opts *o = opts;

  o->title = CLI_TALLY_DEFAULT_TITLE;
}

static error_t
parse_merge (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;
  struct merge_opts *o = input->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = input->global;
      break;
    case OPT_PARTIAL:
      o->partial = true;
      break;
    case OPT_REPORT:
      o->report = arg;
      break;
    case OPT_TITLE:
      o->title = arg;
      break;
    case ARGP_KEY_ARG:
      cli_files_add (&o->files, arg);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child merge_children[] = {
  { &cli_global_argp, 0, "Global options:", 1 },
  { NULL, 0, NULL, 0 },
};

static const struct argp merge_argp
  = { merge_options,
      parse_merge,
      "[FILE...]",
      "Merge partial summaries written by 'track --partial' (no FILE or '-': "
      "standard input) into one summary, in any --format, or with --partial "
      "into one partial.  Partials of other data tables, --by keys or "
      "--success-states are refused.  The result does not depend on the "
      "order of the files nor on how the jobs were split among them.",
      merge_children,
      NULL,
      NULL };

/* Add the partial read from FP, named PATH, into *ARG, a struct
   tally **.  Returns an exit status.  */
static int
merge_file (void *arg, const char *path, FILE *fp)
{
  struct diag d;

  if (tally_read_partial (fp, path, arg, &d) < 0)
    return cli_report (&d);
  return CA_EXIT_OK;
}

static int
cmd_merge_exec (const struct cli_global *global, void *opts)
{
  struct merge_opts *o = opts;
  struct tally *t = NULL;
  struct diag d;
  uint64_t rec, acc, rej;
  int status = cli_files_read (&o->files, merge_file, &t);

  if (status == CA_EXIT_OK && t == NULL)
    {
      diag_set (&d, CA_EXIT_NOINPUT, "no partial summary to merge");
      status = cli_report (&d);
    }
  if (status == CA_EXIT_OK)
    {
      status = cli_tally_write (global, t, o->partial);
      if (status == CA_EXIT_OK && o->report != NULL)
        status = cli_tally_report (o->report, t, o->title);
      tally_counts (t, &rec, &acc, &rej);
      cli_tally_count_line (rec, acc, rej);
    }
  tally_free (t);
  cli_files_free (&o->files);
  return status;
}

const struct cmd_entry cmd_merge_entry = {
  "merge",     "combine partial summaries of 'track --partial'",
  &merge_argp, sizeof (struct merge_opts),
  merge_init,  cmd_merge_exec,
};
