/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Helpers shared by the libFuzzer targets of tests/fuzz/.  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "fuzz.h"
#include "base/system.h"

static char dir[4096];

static void
remove_dir (void)
{
  char cmd[sizeof dir + 16];

  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    fprintf (stderr, "fuzz: cannot remove %s\n", dir);
}

const char *
fuzz_dir (void)
{
  const char *tmp = getenv ("TMPDIR");

  if (dir[0] != '\0')
    return dir;
  snprintf (dir, sizeof dir, "%s/ca-fuzz.XXXXXX",
            tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
  if (mkdtemp (dir) == NULL)
    {
      perror ("fuzz: mkdtemp");
      abort ();
    }
  atexit (remove_dir);
  return dir;
}

void
fuzz_write (const char *path, const uint8_t *data, size_t size)
{
  FILE *fp;

  unlink (path);
  fp = fopen (path, "wb");
  if (fp == NULL || (size > 0 && fwrite (data, 1, size, fp) != size)
      || fclose (fp) != 0)
    {
      perror (path);
      abort ();
    }
}

char *
fuzz_string (const uint8_t *data, size_t size)
{
  char *s = malloc (size + 1);

  if (s == NULL)
    abort ();
  if (size > 0)
    memcpy (s, data, size);
  s[size] = '\0';
  return s;
}

void
fuzz_check_diag (const struct diag *d)
{
  if (d->text[0] == '\0' || memchr (d->text, '\n', strlen (d->text)))
    abort ();
  if (d->status != CA_EXIT_FAILURE && d->status != CA_EXIT_USAGE
      && d->status != CA_EXIT_DATAERR && d->status != CA_EXIT_NOINPUT)
    abort ();
}
