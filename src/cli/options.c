/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The option groups every command shares (the global options and the
   selection filters) and the helpers that parse option values.  */
#include <config.h>

#include <argp.h>
#include <error.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "cli/sink.h"
#include "base/numparse.h"
#include "base/system.h"
#include "base/xalloc.h"

enum
{
  OPT_DATA_DIR = 0x100,
  OPT_ARGP_HIDDEN,
  OPT_COLUMNS,
  OPT_FORMAT = 'f',
  OPT_OUTPUT = 'o'
};

static const struct argp_option global_options[] = {
  { "data-dir", OPT_DATA_DIR, "DIR", 0,
    "Read the data tables from DIR (default: $CARBON_ADVISOR_DATA, else "
    "the installed tables)",
    0 },
  { "format", OPT_FORMAT, "FORMAT", 0,
    "Write results as table (default), csv, json or markdown", 0 },
  { "columns", OPT_COLUMNS, "LIST", 0,
    "With csv or json, write only these columns (keys of the csv header, "
    "comma separated), in this order",
    0 },
  { "output", OPT_OUTPUT, "FILE", 0,
    "Write results to FILE instead of standard output; FILE is replaced "
    "only when the whole result was written",
    0 },
  /* argp adds hidden options of its own to every parser: --HANG, which
     waits for a debugger to attach, and --program-name.  getopt takes
     the first option of a name, and ours come before argp's, so these
     shadow them and reject them as any unknown option is.  */
  { "HANG", OPT_ARGP_HIDDEN, NULL, OPTION_HIDDEN, NULL, 0 },
  { "program-name", OPT_ARGP_HIDDEN, NULL, OPTION_HIDDEN, NULL, 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

/* Select the columns of ARG, --columns' comma-separated keys, for
   out_write; fail through argp_error on an empty name or a name given
   twice.  */
static void
parse_columns (struct argp_state *state, const char *arg)
{
  char *copy = xstrdup (arg);
  const char **names = xcalloc (strlen (arg) / 2 + 2, sizeof *names);
  size_t n = 0;
  char *p = copy, *comma;

  for (;;)
    {
      comma = strchr (p, ',');
      if (comma != NULL)
        *comma = '\0';
      if (*p == '\0')
        argp_error (state, "invalid --columns '%s': empty column name", arg);
      for (size_t i = 0; i < n; i++)
        if (STREQ (names[i], p))
          argp_error (state, "invalid --columns '%s': column '%s' named twice",
                      arg, p);
      names[n++] = p;
      if (comma == NULL)
        break;
      p = comma + 1;
    }
  out_columns_select (names, n, cli_columns_reject);
  free (names);
  free (copy);
}

static error_t
parse_global (int key, char *arg, struct argp_state *state)
{
  struct cli_global *g = state->input;

  switch (key)
    {
    case OPT_DATA_DIR:
      if (arg[0] == '\0')
        argp_error (state, "--data-dir needs a directory name");
      g->data_dir = arg;
      break;
    case OPT_FORMAT:
      if (out_format_parse (arg, &g->format) < 0)
        argp_error (state, "unknown format '%s'; valid formats: %s", arg,
                    out_format_list ());
      break;
    case OPT_COLUMNS:
      parse_columns (state, arg);
      break;
    case OPT_OUTPUT:
      if (arg[0] == '\0')
        argp_error (state, "--output needs a file name");
      g->output = arg;
      break;
    case OPT_ARGP_HIDDEN:
      /* Word for word what getopt says of an unknown option.  */
      fprintf (state->err_stream, "%s: unrecognized option '%s'\n",
               state->argv[0], state->argv[state->next - 1]);
      argp_state_help (state, state->err_stream, ARGP_HELP_STD_ERR);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp cli_global_argp
  = { global_options, parse_global, NULL, NULL, NULL, NULL, NULL };

enum
{
  OPT_PROVIDER = 0x300,
  OPT_SEL_REGION,
  OPT_GROUP,
  OPT_MIN_VCPUS,
  OPT_MIN_MEMORY,
  OPT_GPUS
};

static const struct argp_option region_options[] = {
  { "provider", OPT_PROVIDER, "NAME", 0,
    "Only this provider (aws, azure or gcp); repeatable, or a comma list", 0 },
  { "region", OPT_SEL_REGION, "REGION", 0,
    "Only this region, or the regions at this place (Stockholm, Sweden, "
    "SE; any case); repeatable, or a comma list",
    0 },
  { "group", OPT_GROUP, "GROUP", 0,
    "Only regions of this group (nordics, eu, europe, us, ...; see 'list "
    "groups'); repeatable, or a comma list",
    0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

/* The sizes, apart: compare runs one given type and takes only the
   places (cli_region_argp).  */
static const struct argp_option size_options[] = {
  { "min-vcpus", OPT_MIN_VCPUS, "N", 0, "Only instances with at least N vCPUs",
    0 },
  { "min-memory", OPT_MIN_MEMORY, "GIB", 0,
    "Only instances with at least GIB GiB of memory", 0 },
  { "gpus", OPT_GPUS, "N", 0, "Only instances with at least N GPUs", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static error_t
parse_selection (int key, char *arg, struct argp_state *state)
{
  struct selection *sel = state->input;

  switch (key)
    {
    case OPT_PROVIDER:
      name_list_add (&sel->providers, arg);
      break;
    case OPT_SEL_REGION:
      name_list_add (&sel->regions, arg);
      break;
    case OPT_GROUP:
      name_list_add (&sel->groups, arg);
      break;
    case OPT_MIN_VCPUS:
      sel->min_vcpus
        = cli_parse_whole (state, "min-vcpus", arg, 0, CLI_MAX_COUNT);
      break;
    case OPT_MIN_MEMORY:
      sel->min_memory_gib
        = cli_parse_number (state, "min-memory", arg, 0.0, 1e9);
      break;
    case OPT_GPUS:
      sel->min_gpus = cli_parse_whole (state, "gpus", arg, 0, CLI_MAX_COUNT);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp cli_region_argp
  = { region_options, parse_selection, NULL, NULL, NULL, NULL, NULL };

/* The sizes and, merged into the same help group, the places.  */
static error_t
parse_selection_sizes (int key, char *arg, struct argp_state *state)
{
  if (key == ARGP_KEY_INIT)
    state->child_inputs[0] = state->input;
  return parse_selection (key, arg, state);
}

static const struct argp_child selection_children[] = {
  { &cli_region_argp, 0, NULL, 0 },
  { NULL, 0, NULL, 0 },
};

const struct argp cli_selection_argp
  = { size_options, parse_selection_sizes, NULL,
      NULL,         selection_children,    NULL,
      NULL };

/* cli_parse_number of TEXT, the number in ARG, which errors name.  */
static double
parse_number_in (struct argp_state *state, const char *name, const char *arg,
                 const char *text, double min, double max)
{
  double v = 0.0;
  enum numparse_status st = numparse_double (text, &v);

  if (st != NUMPARSE_OK)
    argp_error (state, "invalid --%s '%s': %s", name, arg,
                numparse_strerror (st));
  else if (v < min || v > max)
    {
      if (isinf (max))
        argp_error (state, "invalid --%s '%s': must be at least %g", name, arg,
                    min);
      else
        argp_error (state, "invalid --%s '%s': must be from %g to %g", name,
                    arg, min, max);
    }
  return v;
}

double
cli_parse_number (struct argp_state *state, const char *name, const char *arg,
                  double min, double max)
{
  return parse_number_in (state, name, arg, arg, min, max);
}

long
cli_parse_whole (struct argp_state *state, const char *name, const char *arg,
                 long min, long max)
{
  long v = 0;
  enum numparse_status st = numparse_long (arg, &v);

  if (st != NUMPARSE_OK)
    argp_error (state, "invalid --%s '%s': %s", name, arg,
                st == NUMPARSE_SYNTAX ? "not a whole number"
                                      : numparse_strerror (st));
  else if (v < min)
    argp_error (state, "invalid --%s '%s': must be at least %ld", name, arg,
                min);
  else if (v > max)
    argp_error (state, "invalid --%s '%s': must be at most %ld", name, arg,
                max);
  return v;
}

double
cli_parse_duration (struct argp_state *state, const char *name,
                    const char *arg)
{
  double h = 0.0;
  enum numparse_status st = numparse_duration (arg, &h);

  if (st == NUMPARSE_RANGE)
    argp_error (state, "invalid --%s '%s': out of range", name, arg);
  else if (st != NUMPARSE_OK)
    argp_error (state,
                "invalid --%s '%s': expected a duration such as 90m, 36h, "
                "1.5d, 2h30m or 5400s (a bare number is hours)",
                name, arg);
  else if (!(h > 0.0))
    argp_error (state, "invalid --%s '%s': must be longer than zero", name,
                arg);
  else if (h > CLI_MAX_DURATION_H)
    argp_error (state,
                "invalid --%s '%s': must be at most %d years "
                "(%gh)",
                name, arg, CLI_MAX_DURATION_YEARS, CLI_MAX_DURATION_H);
  return h;
}

double
cli_parse_percent_part (struct argp_state *state, const char *name,
                        const char *whole, const char *arg, double max,
                        bool *warned)
{
  size_t len = strlen (arg);
  bool sign = len > 0 && arg[len - 1] == '%';
  char *number = xstrdup (arg);
  double v;

  /* Without its sign, "%" alone is an empty number: numparse says so.  */
  if (sign)
    number[len - 1] = '\0';
  v = parse_number_in (state, name, arg, number, 0.0, max);
  free (number);
  if (!sign && v > 0.0 && v < 1.0 && !*warned)
    {
      /* WHOLE is named when the number is one part of it.  */
      if (STREQ (whole, arg))
        error (0, 0,
               "warning: --%s %s means %g %%, not %g %%; write --%s %g "
               "for %g %%",
               name, arg, v, v * 100.0, name, v * 100.0, v * 100.0);
      else
        error (0, 0,
               "warning: --%s %s: %s means %g %%, not %g %%; write %g "
               "for %g %%",
               name, whole, arg, v, v * 100.0, v * 100.0, v * 100.0);
      *warned = true;
    }
  return v;
}

double
cli_parse_percent (struct argp_state *state, const char *name, const char *arg,
                   double max)
{
  bool warned = false;

  return cli_parse_percent_part (state, name, arg, arg, max, &warned);
}
