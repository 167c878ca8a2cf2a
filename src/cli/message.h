/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Turning a diagnostic into a message on stderr and an exit status.  */
#ifndef CA_CLI_MESSAGE_H
#define CA_CLI_MESSAGE_H

#include "base/diag.h"

/* Report D as "carbon-advisor: TEXT" on stderr and return its status.  */
int cli_report (const struct diag *d);

/* Print D as "carbon-advisor: note: TEXT" on stderr: something the
   user may want to put right that changes no result.  */
void cli_note (const struct diag *d);

/* Report WHAT as error (0, ERRNUM, "%s", WHAT) would: "carbon-advisor:
   WHAT: the text of ERRNUM" (no text when ERRNUM is 0).  Returns
   STATUS.  */
int cli_report_errno (int status, int errnum, const char *what);

#endif /* CA_CLI_MESSAGE_H */
