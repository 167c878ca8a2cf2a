/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Allocation that cannot fail: out of memory ends the program.  */
#include <config.h>

#include <errno.h>
#include <error.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/system.h"
#include "base/xalloc.h"

void
xalloc_die (void)
{
  error (CA_EXIT_FAILURE, ENOMEM, "memory exhausted");
  abort ();
}

void *
xmalloc (size_t size)
{
  void *p = malloc (size == 0 ? 1 : size);

  if (p == NULL)
    xalloc_die ();
  return p;
}

void *
xcalloc (size_t count, size_t size)
{
  void *p = calloc (count == 0 ? 1 : count, size == 0 ? 1 : size);

  if (p == NULL)
    xalloc_die ();
  return p;
}

void *
xreallocarray (void *ptr, size_t count, size_t size)
{
  void *p;

  if (size != 0 && count > SIZE_MAX / size)
    xalloc_die ();
  p = realloc (ptr, count * size == 0 ? 1 : count * size);
  if (p == NULL)
    xalloc_die ();
  return p;
}

char *
xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;

  return memcpy (xmalloc (n), s, n);
}

char *
xpath_join (const char *dir, const char *file)
{
  size_t n = strlen (dir) + strlen (file) + 2;
  char *p = xmalloc (n);

  snprintf (p, n, "%s/%s", dir, file);
  return p;
}
