/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Where the data tables are, and loading the catalogue from there.  */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/datadir.h"
#include "cli/message.h"
#include "base/xalloc.h"

/* Whether DIR holds the instance table.  */
static bool
has_tables (const char *dir)
{
  char *path = xpath_join (dir, CATALOGUE_INSTANCES);
  bool ok = access (path, R_OK) == 0;

  free (path);
  return ok;
}

char *
cli_data_dir (const struct cli_global *global)
{
  const char *env = getenv ("CARBON_ADVISOR_DATA");
  char exe[PATH_MAX];
  ssize_t n;

  if (global->data_dir != NULL)
    return xstrdup (global->data_dir);
  if (env != NULL && env[0] != '\0')
    return xstrdup (env);

  /* Run from a build tree: src/carbon-advisor finds ../data.  */
  n = readlink ("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0)
    {
      char *slash;
      char *dir;
      size_t len;

      exe[n] = '\0';
      slash = strrchr (exe, '/');
      if (slash != NULL)
        {
          *slash = '\0';
          len = strlen (exe) + sizeof "/../data";
          dir = xmalloc (len);
          snprintf (dir, len, "%s/../data", exe);
          if (has_tables (dir))
            return dir;
          free (dir);
        }
    }
  return xstrdup (PKGDATADIR);
}

struct catalogue *
cli_load_catalogue (const struct cli_global *global, int *status)
{
  return cli_load_catalogue_parts (global, CATALOGUE_PARTS_ALL, status);
}

struct catalogue *
cli_load_catalogue_parts (const struct cli_global *global, unsigned parts,
                          int *status)
{
  char *dir = cli_data_dir (global);
  struct diag d, note;
  struct catalogue *cat = catalogue_open (dir, parts, &note, &d);

  free (dir);
  /* Why the image was passed over, once, before any error.  */
  if (note.text[0] != '\0')
    cli_note (&note);
  if (cat == NULL)
    *status = cli_report (&d);
  return cat;
}
