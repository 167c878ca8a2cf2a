/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The FILE... operands of the commands that read files.  */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/files.h"
#include "cli/message.h"
#include "base/system.h"
#include "base/xalloc.h"

void
cli_files_add (struct cli_files *files, char *name)
{
  files->names
    = xreallocarray (files->names, files->n + 1, sizeof *files->names);
  files->names[files->n++] = name;
}

int
cli_files_read (const struct cli_files *files,
                int (*read) (void *arg, const char *name, FILE *fp), void *arg)
{
  size_t i;
  int status = CA_EXIT_OK;

  for (i = 0; status == CA_EXIT_OK && i < (files->n ? files->n : 1); i++)
    {
      const char *path = files->n ? files->names[i] : "-";
      bool is_stdin = STREQ (path, "-");
      FILE *fp = is_stdin ? stdin : fopen (path, "r");

      if (fp == NULL)
        return cli_report_errno (CA_EXIT_NOINPUT, errno, path);
      status = read (arg, is_stdin ? "(stdin)" : path, fp);
      if (!is_stdin)
        fclose (fp);
    }
  return status;
}

void
cli_files_free (struct cli_files *files)
{
  free (files->names);
  files->names = NULL;
  files->n = 0;
}
