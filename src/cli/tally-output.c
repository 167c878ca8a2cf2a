/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The outputs of a tally that track and merge share.  */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>

#include "cli/sink.h"
#include "cli/tally-output.h"
#include "view/track-view.h"

int
cli_tally_write (const struct cli_global *global, const struct tally *t,
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
  return cli_sink_finish (&sink, ok);
}

int
cli_tally_report (const char *path, const struct tally *t, const char *title)
{
  struct cli_global g = { NULL, OUT_FORMAT_TABLE, path };
  struct cli_sink sink;
  int status = cli_sink_open (&g, &sink);
  bool ok;

  if (status != CA_EXIT_OK)
    return status;
  ok = track_view_html (sink.fp, t, title) == 0;
  return cli_sink_finish (&sink, ok);
}

void
cli_tally_count_line (uint64_t records, uint64_t accounted, uint64_t rejected)
{
  fprintf (stderr,
           "%" PRIu64 " records: %" PRIu64 " accounted, %" PRIu64
           " rejected\n",
           records, accounted, rejected);
}
