/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Where a command writes its result: standard output or --output.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/sink.h"
#include "cli/message.h"
#include "base/system.h"

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
  return CA_EXIT_OK;
}

int
cli_sink_close (struct cli_sink *sink, bool ok)
{
  struct diag d;

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
