/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Error details that modules hand back to the command layer.  */
#ifndef CA_DIAG_H
#define CA_DIAG_H

#include <limits.h>

/* Room for a message that names two paths of the longest length the
   system opens (PATH_MAX) and the words around them: a message must name
   the whole file, however deep it lies.  */
#define DIAG_TEXT_SIZE (2 * PATH_MAX + 1024)

/* Modules never print and never exit: they fill a struct diag and return
   -1, and the command layer prints TEXT and exits with STATUS.  */
struct diag
{
  int status;                /* One of enum ca_exit.  */
  char text[DIAG_TEXT_SIZE]; /* One line, without the program name or
                               newline.  */
};

/* Record STATUS and a printf-style message in D (which may be NULL).
   Always returns -1, so callers can write "return diag_set (...);".  */
int diag_set (struct diag *d, int status, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

#endif /* CA_DIAG_H */
