/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Where a command writes its result: standard output or --output.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/sink.h"
#include "cli/lookup.h"
#include "cli/message.h"
#include "base/system.h"

/* The sinks open now, so that a --columns mistake found when the
   result is written (cli_columns_reject) leaves no temporary file
   behind.  A command opens two at most (track: its output and the
   rejected records).  */
static struct cli_sink *open_sinks[4];

static void
remember_sink (struct cli_sink *sink, bool open)
{
  for (size_t i = 0; i < ARRAY_SIZE (open_sinks); i++)
    if (open ? open_sinks[i] == NULL : open_sinks[i] == sink)
      {
        open_sinks[i] = open ? sink : NULL;
        return;
      }
}

void
cli_columns_reject (const char *name, const char *const *keys, size_t nkeys)
{
  struct diag d;
  int status;

  for (size_t i = 0; i < ARRAY_SIZE (open_sinks); i++)
    if (open_sinks[i] != NULL)
      cli_sink_close (open_sinks[i], false);
  if (name != NULL)
    status = cli_report_unknown ("column", name, keys, nkeys);
  else
    {
      diag_set (&d, CA_EXIT_USAGE,
                "--columns goes with --format csv or json, not %s",
                "table or markdown");
      status = cli_report (&d);
    }
  exit (status);
}

int
cli_sink_open (const struct cli_global *global, struct cli_sink *sink)
{
  struct diag d;

  sink->path = global->output;
  memset (&sink->file, 0, sizeof sink->file);
  if (global->output == NULL || STREQ (global->output, "-"))
    {
      sink->fp = stdout;
      return CA_EXIT_OK;
    }
  if (outfile_open (global->output, &sink->file, &d) < 0)
    return cli_report (&d);
  sink->fp = sink->file.fp;
  remember_sink (sink, true);
  return CA_EXIT_OK;
}

int
cli_sink_close (struct cli_sink *sink, bool ok)
{
  struct diag d;

  remember_sink (sink, false);
  if (sink->file.fp == NULL)
    {
      if (fflush (stdout) != 0 || ferror (stdout))
        return cli_report_errno (CA_EXIT_FAILURE, errno, "write error");
      return CA_EXIT_OK;
    }
  if (outfile_close (&sink->file, sink->path, ok, &d) < 0)
    return cli_report (&d);
  return CA_EXIT_OK;
}

void
cli_sink_report_error (const struct cli_sink *sink)
{
  cli_report_errno (CA_EXIT_FAILURE, errno,
                    sink->path ? sink->path : "write error");
}

int
cli_sink_finish (struct cli_sink *sink, bool written)
{
  if (written)
    return cli_sink_close (sink, true);
  cli_sink_report_error (sink);
  cli_sink_close (sink, false);
  return CA_EXIT_FAILURE;
}

int
cli_emit (const struct cli_global *global, enum out_layout layout,
          const struct out_table *table)
{
  struct cli_sink sink;
  int status = cli_sink_open (global, &sink);

  if (status != CA_EXIT_OK)
    return status;
  return cli_sink_finish (
    &sink, out_write (sink.fp, global->format, layout, table) == 0);
}

int
cli_copy_held (FILE *from, FILE *to)
{
  char buf[65536];
  size_t n;

  rewind (from);
  while ((n = fread (buf, 1, sizeof buf, from)) > 0)
    if (fwrite (buf, 1, n, to) != n)
      break;
  if (ferror (from) || ferror (to))
    return cli_report_errno (CA_EXIT_FAILURE, errno, "write error");
  return CA_EXIT_OK;
}
