/* The table of subcommands and their lookup.  */
#ifndef CA_CMD_H
#define CA_CMD_H

#include <argp.h>
#include <stddef.h>

#include "base/diag.h"

struct cli_global;

/* One subcommand, defined in its own src/cmd-<name>.c.  The command's
   argp parser receives a struct cli_input (cli.h) as its input, and must
   list cli_global_argp among its children so global options work after
   the command name too.  */
struct cmd_entry
{
  const char *name;
  const char *summary;          /* One line for --help.  */
  const struct argp *argp;
  size_t opts_size;             /* Size of the command's options struct.  */
  void (*init) (void *opts);    /* Set the options' defaults.  */
  /* Run the command; returns an exit status (enum ca_exit).  */
  int (*exec) (const struct cli_global *global, void *opts);
};

/* The commands, sorted by name, ending with NULL.  */
extern const struct cmd_entry *const cmd_table[];

/* Find the command called NAME, or the only one NAME is a prefix of.
   Returns NULL with D set (CA_EXIT_USAGE) when there is none, or more
   than one ("ambiguous command 'l', could be: list, ...").  */
const struct cmd_entry *cmd_find (const char *name, struct diag *d);

#endif /* CA_CMD_H */
