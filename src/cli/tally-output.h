/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The outputs of a tally that track and merge share: the summary or
   partial, the HTML page of --report, the closing count line, and the
   options that ask for the page.  */
#ifndef CA_CLI_TALLY_OUTPUT_H
#define CA_CLI_TALLY_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/options.h"
#include "search/tally.h"

/* The --report and --title options of both, with these keys.  */
#define CLI_TALLY_REPORT_OPTIONS(report_key, title_key)                       \
  { "report",                                                                 \
    (report_key),                                                             \
    "FILE",                                                                   \
    0,                                                                        \
    "Also write the summary as a self-contained HTML page to FILE",           \
    0 },                                                                      \
  {                                                                           \
    "title", (title_key), "TEXT", 0, "Title of the --report page", 0          \
  }

/* The --title of the --report page by default.  */
#define CLI_TALLY_DEFAULT_TITLE "Footprint of tracked jobs"

/* Write T to GLOBAL's sink: as a partial when PARTIAL, else the summary
   in GLOBAL's format.  Returns an exit status.  */
int cli_tally_write (const struct cli_global *global, const struct tally *t,
                     bool partial);

/* Write T as an HTML page titled TITLE to PATH ("-": standard output),
   atomically as --output does.  Returns an exit status.  */
int cli_tally_report (const char *path, const struct tally *t,
                      const char *title);

/* Print the closing line "N records: A accounted, R rejected" on
   stderr.  */
void cli_tally_count_line (uint64_t records, uint64_t accounted,
                           uint64_t rejected);

#endif /* CA_CLI_TALLY_OUTPUT_H */
