/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Error details that modules hand back to the command layer.  */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/diag.h"

/* Write TEXT into D's text with its control characters escaped (\n, \r,
   \t, \xNN): a message quotes fields and names from files, and must
   stay one line whatever they hold.  */
static void
set_escaped (struct diag *d, const char *text)
{
  size_t used = 0, size = sizeof d->text;
  const unsigned char *p;

  for (p = (const unsigned char *) text; *p != '\0'; p++)
    {
      char esc[8];
      size_t n;

      if (*p >= 0x20 && *p != 0x7f)
        {
          esc[0] = (char) *p;
          esc[1] = '\0';
        }
      else if (*p == '\n' || *p == '\r' || *p == '\t')
        snprintf (esc, sizeof esc, "\\%c",
                  *p == '\n'   ? 'n'
                  : *p == '\r' ? 'r'
                               : 't');
      else
        snprintf (esc, sizeof esc, "\\x%02x", *p);
      n = strlen (esc);
      if (used + n >= size)
        break;
      memcpy (d->text + used, esc, n);
      used += n;
    }
  d->text[used] = '\0';
}

int
diag_set (struct diag *d, int status, const char *fmt, ...)
{
  char text[sizeof d->text];
  va_list ap;

  if (d == NULL)
    return -1;
  d->status = status;
  va_start (ap, fmt);
  vsnprintf (text, sizeof text, fmt, ap);
  va_end (ap);
  set_escaped (d, text);
  return -1;
}
