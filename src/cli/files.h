/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The FILE... operands of the commands that read files (track, merge):
   none, or '-', is standard input.  */
#ifndef CA_CLI_FILES_H
#define CA_CLI_FILES_H

#include <stddef.h>
#include <stdio.h>

struct cli_files
{
  char **names; /* As given: the strings are argv's.  */
  size_t n;
};

/* Add the operand NAME to FILES (an argp parser's ARGP_KEY_ARG).  */
void cli_files_add (struct cli_files *files, char *name);

/* Call READ (ARG, NAME, FP) on each of FILES in turn, or on standard
   input when there is none; NAME is "(stdin)" for '-'.  Stops at the
   first status READ returns other than CA_EXIT_OK, and returns it; a
   file that cannot be opened is reported (CA_EXIT_NOINPUT).  */
int cli_files_read (const struct cli_files *files,
                    int (*read) (void *arg, const char *name, FILE *fp),
                    void *arg);

/* Free the list (not the names).  */
void cli_files_free (struct cli_files *files);

#endif /* CA_CLI_FILES_H */
