/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A progress bar for long work, on stderr.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli/progress.h"

static double
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

void
cli_progress_start (struct cli_progress *p)
{
  p->start = now_seconds ();
  p->shown = false;
}

void
cli_progress_report (double done, void *arg)
{
  struct cli_progress *p = arg;
  enum
  {
    WIDTH = 40
  };
  char bar[WIDTH + 1];
  int filled, i;

  if (!p->shown && (now_seconds () - p->start <= 1.0 || !isatty (2)))
    return;
  p->shown = true;
  filled = (int) (done * WIDTH);
  for (i = 0; i < WIDTH; i++)
    bar[i] = i < filled ? '#' : '.';
  bar[WIDTH] = '\0';
  fprintf (stderr, "\r[%s] %3.0f %%", bar, 100.0 * done);
  if (done >= 1.0)
    fputc ('\n', stderr);
  fflush (stderr);
}
