/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The table of subcommands, their lookup, and the top-level parse.  */
#include <config.h>

#include <argp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cli/options.h"
#include "base/system.h"
#include "base/xalloc.h"

extern const struct cmd_entry cmd_advise_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_compile_entry;
extern const struct cmd_entry cmd_estimate_entry;
extern const struct cmd_entry cmd_factors_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_merge_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_track_entry;

const struct cmd_entry *const cmd_table[] = {
  &cmd_advise_entry,  &cmd_compare_entry,
  &cmd_compile_entry, &cmd_estimate_entry,
  &cmd_factors_entry, &cmd_list_entry,
  &cmd_merge_entry,   &cmd_report_entry,
  &cmd_track_entry,   NULL,
};

const struct cmd_entry *
cmd_find (const char *name, struct diag *d)
{
  const struct cmd_entry *const *e;
  const struct cmd_entry *found = NULL;
  size_t n = strlen (name);
  size_t matches = 0;
  char list[256] = "";

  for (e = cmd_table; *e != NULL; e++)
    if (STREQ ((*e)->name, name))
      return *e;
  for (e = cmd_table; *e != NULL && n > 0; e++)
    if (strncmp ((*e)->name, name, n) == 0)
      {
        size_t used = strlen (list);

        snprintf (list + used, sizeof list - used, "%s%s",
                  matches > 0 ? ", " : "", (*e)->name);
        found = *e;
        matches++;
      }
  if (matches == 1)
    return found;
  if (matches > 1)
    {
      diag_set (d, CA_EXIT_USAGE, "ambiguous command '%s', could be: %s", name,
                list);
      return NULL;
    }
  for (e = cmd_table; *e != NULL; e++)
    {
      size_t used = strlen (list);

      snprintf (list + used, sizeof list - used, "%s%s",
                e != cmd_table ? ", " : "", (*e)->name);
    }
  diag_set (d, CA_EXIT_USAGE, "unknown command '%s'; commands: %s", name,
            list);
  return NULL;
}

/* What the top-level parse finds.  */
struct root
{
  struct cli_global global;
  const struct cmd_entry *cmd;
  void *opts;
};

static error_t
parse_root (int key, char *arg, struct argp_state *state)
{
  struct root *root = state->input;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &root->global;
      break;

    case ARGP_KEY_ARG:
      {
        struct diag d;
        struct cli_input input;
        char **sub_argv;
        char *name;
        size_t len;
        int sub_argc = state->argc - state->next + 1;

        root->cmd = cmd_find (arg, &d);
        if (root->cmd == NULL)
          argp_error (state, "%s", d.text);

        /* Parse the rest with the command's own parser, named
           "carbon-advisor COMMAND" in its help and errors.  */
        len = strlen (state->name) + strlen (root->cmd->name) + 2;
        name = xmalloc (len);
        snprintf (name, len, "%s %s", state->name, root->cmd->name);
        sub_argv = xcalloc ((size_t) sub_argc + 1, sizeof *sub_argv);
        sub_argv[0] = name;
        memcpy (sub_argv + 1, state->argv + state->next,
                (size_t) (sub_argc - 1) * sizeof *sub_argv);
        root->opts = xcalloc (1, root->cmd->opts_size);
        if (root->cmd->init != NULL)
          root->cmd->init (root->opts);
        input.global = &root->global;
        input.opts = root->opts;
        argp_parse (root->cmd->argp, sub_argc, sub_argv, 0, NULL, &input);
        free (sub_argv);
        free (name);
        state->next = state->argc;
      }
      break;

    case ARGP_KEY_END:
      if (root->cmd == NULL)
        argp_error (state, "missing command");
      break;

    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

/* Append SUMMARY to BUF (SIZE bytes, USED used) at column 13, wrapped
   before column 80 with the same indent, because argp would wrap a
   long summary to column 0.  Returns the new USED.  */
static size_t
append_summary (char *buf, size_t size, size_t used, const char *summary)
{
  const char *p = summary;
  int col = 13;

  while (*p != '\0' && used < size)
    {
      int len = (int) strcspn (p, " ");

      if (p != summary && col + 1 + len > 79)
        {
          used += (size_t) snprintf (buf + used, size - used, "\n%13s", "");
          col = 13;
        }
      else if (p != summary)
        {
          used += (size_t) snprintf (buf + used, size - used, " ");
          col++;
        }
      if (used < size)
        used += (size_t) snprintf (buf + used, size - used, "%.*s", len, p);
      col += len;
      p += len;
      p += strspn (p, " ");
    }
  return used;
}

/* Append the command list and exit statuses to the top-level help.  */
static char *
root_help (int key, const char *text, void *input)
{
  const struct cmd_entry *const *e;
  char *buf;
  size_t size = 4096, used = 0;

  (void) input;
  if (key != ARGP_KEY_HELP_POST_DOC)
    return (char *) text;
  buf = xmalloc (size);
  used += (size_t) snprintf (buf + used, size - used, "Commands:\n");
  for (e = cmd_table; *e != NULL && used < size; e++)
    {
      used
        += (size_t) snprintf (buf + used, size - used, "  %-10s ", (*e)->name);
      used = append_summary (buf, size, used, (*e)->summary);
      if (used < size)
        used += (size_t) snprintf (buf + used, size - used, "\n");
    }
  if (used < size)
    snprintf (buf + used, size - used,
              "\nRun 'carbon-advisor COMMAND --help' for a command's "
              "options.\n\n"
              "Exit status: 0 on success (also when no candidate matches), "
              "1 on a write or system error, 64 on a bad command line, 65 on "
              "a malformed data table, 66 when a data file is missing.");
  return buf;
}

static const struct argp_child root_children[] = {
  { &cli_global_argp, 0, NULL, 0 },
  { NULL, 0, NULL, 0 },
};

static const struct argp root_argp
  = { NULL,
      parse_root,
      "COMMAND [OPTION...]",
      "Choose where to run a compute job: estimate the carbon footprint "
      "(Scope 2 and Scope 3, gCO2e) and the price of a run on every cloud "
      "instance type and region, from public data.\v",
      root_children,
      root_help,
      NULL };

const struct cmd_entry *
cmd_parse (int argc, char **argv, struct cli_global *global, void **opts)
{
  struct root root;

  memset (&root, 0, sizeof root);
  root.global.format = OUT_FORMAT_TABLE;
  argp_parse (&root_argp, argc, argv, ARGP_IN_ORDER, NULL, &root);
  *global = root.global;
  *opts = root.opts;
  return root.cmd;
}

int
cmd_run (int argc, char **argv)
{
  struct cli_global global;
  void *opts;
  const struct cmd_entry *cmd = cmd_parse (argc, argv, &global, &opts);
  int status = cmd->exec (&global, opts);

  free (opts);
  return status;
}
