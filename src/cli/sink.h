/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Where a command writes its result: standard output or --output.  */
#ifndef CA_CLI_SINK_H
#define CA_CLI_SINK_H

#include <stdbool.h>
#include <stdio.h>

#include "cli/options.h"
#include "base/outfile.h"
#include "view/output.h"

/* Where a command writes its result.  With --output a regular file gets
   the text through a temporary file beside it, renamed over it only when
   the whole result was written: an error never leaves a partial file.
   A device, FIFO or /dev/stdout is written in place (see outfile.h).  */
struct cli_sink
{
  FILE *fp;
  struct outfile file; /* Its fp is NULL when writing to
                          stdout.  */
  const char *path;
};

/* Open the sink for GLOBAL's --output.  Returns 0, or reports the error
   and returns its exit status.  */
int cli_sink_open (const struct cli_global *global, struct cli_sink *sink);

/* Finish the sink: when OK, flush it and move the file into place;
   otherwise throw the temporary file away.  Returns CA_EXIT_OK, or
   reports a write error and returns CA_EXIT_FAILURE.  */
int cli_sink_close (struct cli_sink *sink, bool ok);

/* Report the failed write to SINK from errno: "PATH: TEXT", or "write
   error: TEXT" on standard output.  */
void cli_sink_report_error (const struct cli_sink *sink);

/* Finish SINK after writing to it: when WRITTEN, as cli_sink_close
   (SINK, true); otherwise report the write error from errno, throw the
   file away and return CA_EXIT_FAILURE, whatever closing says.  */
int cli_sink_finish (struct cli_sink *sink, bool written);

/* Write TABLE to a sink opened for GLOBAL and close it.  Returns an exit
   status.  */
int cli_emit (const struct cli_global *global, enum out_layout layout,
              const struct out_table *table);

/* The hook out_write calls when --columns does not fit the result (see
   out_columns_reject_fn): throws away the open sinks' temporary files,
   reports "unknown column 'x'; did you mean 'y'?" (or that --columns goes
   with csv and json only) and exits with CA_EXIT_USAGE.  */
void cli_columns_reject (const char *name, const char *const *keys,
                         size_t nkeys);

/* Copy what a temporary file FROM held back (under --strict, the rows
   wait until no record is rejected) to TO.  Returns an exit status,
   having reported a write error.  */
int cli_copy_held (FILE *from, FILE *to);

#endif /* CA_CLI_SINK_H */
