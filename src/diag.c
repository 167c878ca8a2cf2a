/* Error details that modules hand back to the command layer.  */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

int
diag_set (struct diag *d, int status, const char *fmt, ...)
{
  va_list ap;

  if (d == NULL)
    return -1;
  d->status = status;
  va_start (ap, fmt);
  vsnprintf (d->text, sizeof d->text, fmt, ap);
  va_end (ap);
  return -1;
}
