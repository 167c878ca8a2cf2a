/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor compile: load and check the data tables, and write the
   compiled image of them that every other command then reads in their
   place while the tables stay as they were (catalogue_compile).  */
#include <config.h>

#include <argp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/xalloc.h"
#include "cmd/cmd.h"

/* compile has no options of its own (--data-dir and --output are
   global): an empty struct is not C.  */
struct compile_opts
{
  char none;
};

static void
compile_init (void *opts)
{
  (void) opts;
}

static error_t
parse_compile (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = input->global;
      break;
    case ARGP_KEY_ARG:
      argp_error (state, "unexpected argument '%s'", arg);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child compile_children[] = {
  { &cli_global_argp, 0, "Global options:", 1 },
  { NULL, 0, NULL, 0 },
};

static const struct argp compile_argp
  = { NULL,
      parse_compile,
      NULL,
      "Load and check the data tables of --data-dir, and write their "
      "compiled image to --output (default: catalogue.image in that "
      "directory), which the other commands then read instead of the "
      "tables, far faster, for as long as the tables are the ones it was "
      "made from.  The tables stay the data: an image they no longer match "
      "is passed over, with a note.",
      compile_children,
      NULL,
      NULL };

/* Refuse --format and --columns: compile writes an image, no table of
   results.  Returns an exit status, having reported the mistake.  */
static int
check_format (const struct cli_global *global)
{
  struct diag d;

  if (global->format != OUT_FORMAT_TABLE || out_columns_selected ())
    {
      diag_set (&d, CA_EXIT_USAGE,
                "compile writes a catalogue image: --format and --columns "
                "do not apply");
      return cli_report (&d);
    }
  return CA_EXIT_OK;
}

static int
cmd_compile_exec (const struct cli_global *global, void *opts)
{
  char *dir = cli_data_dir (global);
  char *path = NULL;
  struct catalogue *cat;
  struct diag d;
  int status = check_format (global);

  (void) opts;
  if (status != CA_EXIT_OK)
    {
      free (dir);
      return status;
    }
  cat = catalogue_open (dir, CATALOGUE_PARTS_ALL | CATALOGUE_TABLES_ONLY, NULL,
                        &d);
  if (cat == NULL)
    status = cli_report (&d);
  else
    {
      if (global->output == NULL)
        path = xpath_join (dir, CATALOGUE_IMAGE);
      if (catalogue_compile (cat, path != NULL ? path : global->output, &d)
          < 0)
        status = cli_report (&d);
    }
  catalogue_free (cat);
  free (path);
  free (dir);
  return status;
}

const struct cmd_entry cmd_compile_entry = {
  "compile",     "check the data tables and write their compiled image",
  &compile_argp, sizeof (struct compile_opts),
  compile_init,  cmd_compile_exec,
};
