/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A progress bar for long work, on stderr.  */
#ifndef CA_CLI_PROGRESS_H
#define CA_CLI_PROGRESS_H

#include <stdbool.h>

/* A progress bar on stderr: shown once the work has taken more than a
   second, and only when stderr is a terminal.  */
struct cli_progress
{
  double start; /* Seconds, CLOCK_MONOTONIC.  */
  bool shown;
};

void cli_progress_start (struct cli_progress *p);

/* Report DONE (0 to 1) of the work of ARG, a struct cli_progress *, as
   an uncertainty_progress_fn.  DONE of 1 ends the bar's line.  */
void cli_progress_report (double done, void *arg);

#endif /* CA_CLI_PROGRESS_H */
