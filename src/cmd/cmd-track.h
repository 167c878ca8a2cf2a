/* What track shares with merge.  */
#ifndef CA_CMD_TRACK_H
#define CA_CMD_TRACK_H

#include "cli/cli.h"
#include "search/tally.h"

/* Write T as an HTML page titled TITLE to PATH ("-": standard output),
   atomically as --output does.  Returns an exit status.  */
int cmd_track_report (const char *path, const struct tally *t,
                      const char *title);

#endif /* CA_CMD_TRACK_H */
