/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The table of subcommands, their lookup, and the top-level parse that
   hands the rest of the command line to the command named.  */
#ifndef CA_CMD_H
#define CA_CMD_H

#include <argp.h>
#include <stddef.h>

#include "base/diag.h"

struct cli_global;

/* One subcommand, defined in its own src/cmd/cmd-<name>.c.  The
   command's argp parser receives a struct cli_input (cli/options.h) as
   its input, and must list cli_global_argp among its children so global
   options work after the command name too.  */
struct cmd_entry
{
  const char *name;
  const char *summary; /* One line for --help.  */
  const struct argp *argp;
  size_t opts_size;          /* Size of the command's options struct.  */
  void (*init) (void *opts); /* Set the options' defaults.  */
  /* Run the command; returns an exit status (enum ca_exit).  */
  int (*exec) (const struct cli_global *global, void *opts);
};

/* The commands, sorted by name, ending with NULL.  */
extern const struct cmd_entry *const cmd_table[];

/* Find the command called NAME, or the only one NAME is a prefix of.
   Returns NULL with D set (CA_EXIT_USAGE) when there is none, or more
   than one ("ambiguous command 'l', could be: list, ...").  */
const struct cmd_entry *cmd_find (const char *name, struct diag *d);

/* Parse ARGV: set *GLOBAL and *OPTS (the command's options, to be
   freed) and return the command named.  A bad command line, --help or
   --version ends the process through argp.  cmd_run's first half, on its
   own for the command-line fuzz target.  */
const struct cmd_entry *cmd_parse (int argc, char **argv,
                                   struct cli_global *global, void **opts);

/* Parse ARGV, run the command it names, and return the exit status.  */
int cmd_run (int argc, char **argv);

#endif /* CA_CMD_H */
