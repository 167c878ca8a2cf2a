/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Turning a diagnostic into a message on stderr and an exit status.  */
#include <config.h>

#include <error.h>
#include <string.h>

#include "cli/message.h"

int
cli_report (const struct diag *d)
{
  error (0, 0, "%s", d->text);
  return d->status;
}

void
cli_note (const struct diag *d)
{
  error (0, 0, "note: %s", d->text);
}

int
cli_report_errno (int status, int errnum, const char *what)
{
  struct diag d;

  /* As error (0, ERRNUM, "%s", WHAT) words it: no suffix for 0.  */
  if (errnum != 0)
    diag_set (&d, status, "%s: %s", what, strerror (errnum));
  else
    diag_set (&d, status, "%s", what);
  return cli_report (&d);
}
