/* What track shares with merge.  */
#ifndef CA_CMD_TRACK_H
#define CA_CMD_TRACK_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/cli.h"
#include "search/tally.h"

/* The --report and --title options of both, with these keys.  */
#define CMD_TRACK_REPORT_OPTIONS(report_key, title_key)                   \
  { "report", (report_key), "FILE", 0,                                    \
    "Also write the summary as a self-contained HTML page to FILE", 0 },  \
  { "title", (title_key), "TEXT", 0, "Title of the --report page", 0 }

/* The --title of the --report page by default.  */
#define CMD_TRACK_DEFAULT_TITLE "Footprint of tracked jobs"

/* Write T to GLOBAL's sink: as a partial when PARTIAL, else the summary
   in GLOBAL's format.  Returns an exit status.  */
int cmd_track_write_summary (const struct cli_global *global,
                             const struct tally *t, bool partial);

/* Write T as an HTML page titled TITLE to PATH ("-": standard output),
   atomically as --output does.  Returns an exit status.  */
int cmd_track_report (const char *path, const struct tally *t,
                      const char *title);

/* Print the closing line "N records: A accounted, R rejected" on
   stderr.  */
void cmd_track_count_line (uint64_t records, uint64_t accounted,
                           uint64_t rejected);

#endif /* CA_CMD_TRACK_H */
