/* carbon-advisor merge: combine partial summaries written by
   'track --partial' into one summary (doc/tracking.md).  */
#include <config.h>

#include <argp.h>
#include <errno.h>
#include <error.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "cmd/cmd-track.h"
#include "search/tally.h"
#include "view/track-view.h"
#include "base/xalloc.h"

struct merge_opts
{
  bool partial;
  const char *report;
  const char *title;
  char **files;
  size_t nfiles;
};

enum
{
  OPT_PARTIAL = 0x400, OPT_REPORT, OPT_TITLE
};

static const struct argp_option merge_options[] = {
  { "partial", OPT_PARTIAL, NULL, 0,
    "Write the merged partial summary instead of the summary", 0 },
  { "report", OPT_REPORT, "FILE", 0,
    "Also write the summary as a self-contained HTML page to FILE", 0 },
  { "title", OPT_TITLE, "TEXT", 0, "Title of the --report page", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static void
merge_init (void *opts)
{
  struct merge_opts *o = opts;

  o->title = "Footprint of tracked jobs";
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
      o->files = xreallocarray (o->files, o->nfiles + 1, sizeof *o->files);
      o->files[o->nfiles++] = arg;
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

static const struct argp merge_argp = {
  merge_options, parse_merge, "[FILE...]",
  "Merge partial summaries written by 'track --partial' (no FILE or '-': "
  "standard input) into one summary, in any --format, or with --partial "
  "into one partial.  Partials of other data tables, --by keys or "
  "--success-states are refused.  The result does not depend on the "
  "order of the files nor on how the jobs were split among them.",
  merge_children, NULL, NULL
};

/* Add the partial at PATH into *T.  Returns an exit status.  */
static int
merge_file (const char *path, struct tally **t)
{
  FILE *fp = STREQ (path, "-") ? stdin : fopen (path, "r");
  struct diag d;
  int r;

  if (fp == NULL)
    {
      error (0, errno, "%s", path);
      return CA_EXIT_NOINPUT;
    }
  r = tally_read_partial (fp, STREQ (path, "-") ? "(stdin)" : path, t, &d);
  if (fp != stdin)
    fclose (fp);
  return r < 0 ? cli_report (&d) : CA_EXIT_OK;
}

/* Write T: the summary as track writes it, or a partial.  */
static int
merge_write (const struct cli_global *global, const struct tally *t,
             bool partial)
{
  struct cli_sink sink;
  int status = cli_sink_open (global, &sink);
  bool ok;

  if (status != CA_EXIT_OK)
    return status;
  ok = (partial ? tally_write_partial (sink.fp, t)
                : track_view_write_summary (sink.fp, global->format, t))
       == 0;
  if (!ok)
    error (0, errno, "%s", sink.path ? sink.path : "write error");
  return cli_sink_close (&sink, ok);
}

static int
cmd_merge_exec (const struct cli_global *global, void *opts)
{
  struct merge_opts *o = opts;
  struct tally *t = NULL;
  int status = CA_EXIT_OK;
  size_t i;
  uint64_t rec, acc, rej;

  for (i = 0; status == CA_EXIT_OK && i < (o->nfiles ? o->nfiles : 1); i++)
    status = merge_file (o->nfiles ? o->files[i] : "-", &t);
  if (status == CA_EXIT_OK && t == NULL)
    {
      error (0, 0, "no partial summary to merge");
      status = CA_EXIT_NOINPUT;
    }
  if (status == CA_EXIT_OK)
    {
      status = merge_write (global, t, o->partial);
      if (status == CA_EXIT_OK && o->report != NULL)
        status = cmd_track_report (o->report, t, o->title);
      tally_counts (t, &rec, &acc, &rej);
      fprintf (stderr, "%" PRIu64 " records: %" PRIu64 " accounted, %" PRIu64
               " rejected\n", rec, acc, rej);
    }
  tally_free (t);
  free (o->files);
  return status;
}

const struct cmd_entry cmd_merge_entry = {
  "merge",
  "combine partial summaries of 'track --partial'",
  &merge_argp,
  sizeof (struct merge_opts),
  merge_init,
  cmd_merge_exec,
};
