/* Command-line plumbing shared by the commands: global options, the
   data directory, the output file, error reports.  */
#include <config.h>

#include <argp.h>
#include <errno.h>
#include <error.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "numparse.h"
#include "suggest.h"
#include "xalloc.h"

enum
{
  OPT_DATA_DIR = 0x100,
  OPT_FORMAT = 'f',
  OPT_OUTPUT = 'o'
};

static const struct argp_option global_options[] = {
  { "data-dir", OPT_DATA_DIR, "DIR", 0,
    "Read the data tables from DIR (default: $CARBON_ADVISOR_DATA, else "
    "the installed tables)", 0 },
  { "format", OPT_FORMAT, "FORMAT", 0,
    "Write results as table (default), csv, json or markdown", 0 },
  { "output", OPT_OUTPUT, "FILE", 0,
    "Write results to FILE instead of standard output; FILE is replaced "
    "only when the whole result was written", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

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
    case OPT_OUTPUT:
      if (arg[0] == '\0')
        argp_error (state, "--output needs a file name");
      g->output = arg;
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp cli_global_argp
  = { global_options, parse_global, NULL, NULL, NULL, NULL, NULL };

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
    used += (size_t) snprintf (buf + used, size - used, "  %-10s %s\n",
                               (*e)->name, (*e)->summary);
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

static const struct argp root_argp = {
  NULL, parse_root, "COMMAND [OPTION...]",
  "Choose where to run a compute job: estimate the carbon footprint "
  "(Scope 2 and Scope 3, gCO2e) and the price of a run on every cloud "
  "instance type and region, from public data.\v",
  root_children, root_help, NULL
};

int
cli_run (int argc, char **argv)
{
  struct root root;
  int status;

  memset (&root, 0, sizeof root);
  root.global.format = OUT_FORMAT_TABLE;
  argp_parse (&root_argp, argc, argv, ARGP_IN_ORDER, NULL, &root);
  status = root.cmd->exec (&root.global, root.opts);
  free (root.opts);
  return status;
}

/* Whether DIR holds the instance table.  */
static bool
has_tables (const char *dir)
{
  size_t n = strlen (dir) + sizeof "/" CATALOGUE_INSTANCES;
  char *path = xmalloc (n);
  bool ok;

  snprintf (path, n, "%s/%s", dir, CATALOGUE_INSTANCES);
  ok = access (path, R_OK) == 0;
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

int
cli_report (const struct diag *d)
{
  error (0, 0, "%s", d->text);
  return d->status;
}

struct catalogue *
cli_load_catalogue (const struct cli_global *global, int *status)
{
  char *dir = cli_data_dir (global);
  struct diag d;
  struct catalogue *cat = catalogue_load (dir, &d);

  free (dir);
  if (cat == NULL)
    *status = cli_report (&d);
  return cat;
}

int
cli_sink_open (const struct cli_global *global, struct cli_sink *sink)
{
  size_t n;
  int fd;
  mode_t mask;

  sink->path = global->output;
  sink->tmp_path = NULL;
  if (global->output == NULL || STREQ (global->output, "-"))
    {
      sink->fp = stdout;
      return CA_EXIT_OK;
    }
  n = strlen (global->output) + sizeof ".XXXXXX";
  sink->tmp_path = xmalloc (n);
  snprintf (sink->tmp_path, n, "%s.XXXXXX", global->output);
  fd = mkstemp (sink->tmp_path);
  if (fd < 0)
    {
      error (0, errno, "%s", global->output);
      free (sink->tmp_path);
      sink->tmp_path = NULL;
      return CA_EXIT_FAILURE;
    }
  /* mkstemp makes the file private; give it the mode a plain create
     would.  */
  mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  sink->fp = fdopen (fd, "w");
  if (sink->fp == NULL)
    {
      error (0, errno, "%s", global->output);
      close (fd);
      unlink (sink->tmp_path);
      free (sink->tmp_path);
      sink->tmp_path = NULL;
      return CA_EXIT_FAILURE;
    }
  return CA_EXIT_OK;
}

int
cli_sink_close (struct cli_sink *sink, bool ok)
{
  int status = CA_EXIT_OK;

  if (sink->tmp_path == NULL)
    {
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          error (0, errno, "write error");
          return CA_EXIT_FAILURE;
        }
      return CA_EXIT_OK;
    }
  if (ok && (fflush (sink->fp) != 0 || ferror (sink->fp)))
    {
      error (0, errno, "%s: write error", sink->path);
      ok = false;
      status = CA_EXIT_FAILURE;
    }
  if (fclose (sink->fp) != 0 && ok)
    {
      error (0, errno, "%s: write error", sink->path);
      ok = false;
      status = CA_EXIT_FAILURE;
    }
  if (ok && rename (sink->tmp_path, sink->path) != 0)
    {
      error (0, errno, "%s", sink->path);
      ok = false;
      status = CA_EXIT_FAILURE;
    }
  if (!ok)
    unlink (sink->tmp_path);
  free (sink->tmp_path);
  sink->tmp_path = NULL;
  return status;
}

int
cli_emit (const struct cli_global *global, enum out_layout layout,
          const struct out_table *table)
{
  struct cli_sink sink;
  int status = cli_sink_open (global, &sink);

  if (status != CA_EXIT_OK)
    return status;
  if (out_write (sink.fp, global->format, layout, table) < 0)
    {
      error (0, errno, "%s", sink.path ? sink.path : "write error");
      cli_sink_close (&sink, false);
      return CA_EXIT_FAILURE;
    }
  return cli_sink_close (&sink, true);
}

double
cli_parse_number (struct argp_state *state, const char *name,
                  const char *arg, double min, double max)
{
  double v = 0.0;
  enum numparse_status st = numparse_double (arg, &v);

  if (st != NUMPARSE_OK)
    argp_error (state, "invalid --%s '%s': %s", name, arg,
                numparse_strerror (st));
  else if (v < min || v > max)
    {
      if (isinf (max))
        argp_error (state, "invalid --%s '%s': must be at least %g", name,
                    arg, min);
      else
        argp_error (state, "invalid --%s '%s': must be from %g to %g", name,
                    arg, min, max);
    }
  return v;
}

long
cli_parse_whole (struct argp_state *state, const char *name, const char *arg,
                 long min)
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
  return h;
}

int
cli_report_unknown (const char *what, const char *name,
                    const char *const *known, size_t n)
{
  const char *best[3];
  size_t found = suggest_closest (name, known, n, best, ARRAY_SIZE (best));

  switch (found)
    {
    case 0:
      error (0, 0, "unknown %s '%s'", what, name);
      break;
    case 1:
      error (0, 0, "unknown %s '%s'; did you mean '%s'?", what, name,
             best[0]);
      break;
    case 2:
      error (0, 0, "unknown %s '%s'; did you mean '%s' or '%s'?", what,
             name, best[0], best[1]);
      break;
    default:
      error (0, 0, "unknown %s '%s'; did you mean '%s', '%s' or '%s'?", what,
             name, best[0], best[1], best[2]);
      break;
    }
  return CA_EXIT_USAGE;
}

int
cli_check_selection (const struct selection *sel, const struct catalogue *cat)
{
  struct selection_problem p;
  const char **names;
  size_t i, n = 0;
  int status;

  if (selection_check (sel, cat, &p) == 0)
    return CA_EXIT_OK;
  names = xcalloc (cat->nregions + cat->ngroups + 1, sizeof *names);
  if (STREQ (p.what, "group"))
    for (i = 0; i < cat->ngroups; i++)
      names[n++] = cat->groups[i].name;
  else
    for (i = 0; i < cat->nregions; i++)
      {
        const char *name = STREQ (p.what, "region")
                             ? cat->regions[i].name
                             : cat->regions[i].provider;

        /* Providers repeat, one per region; list each once.  */
        if (n == 0 || !STREQ (names[n - 1], name))
          names[n++] = name;
      }
  status = cli_report_unknown (p.what, p.name, names, n);
  free (names);
  return status;
}

enum
{
  OPT_PROVIDER = 0x300,
  OPT_SEL_REGION,
  OPT_GROUP,
  OPT_MIN_VCPUS,
  OPT_MIN_MEMORY,
  OPT_GPUS
};

static const struct argp_option selection_options[] = {
  { "provider", OPT_PROVIDER, "NAME", 0,
    "Only this provider (aws); repeatable, or a comma list", 0 },
  { "region", OPT_SEL_REGION, "REGION", 0,
    "Only this region; repeatable, or a comma list", 0 },
  { "group", OPT_GROUP, "GROUP", 0,
    "Only regions of this group (nordics, eu, europe, us, ...; see 'list "
    "groups'); repeatable, or a comma list", 0 },
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
      sel->min_vcpus = cli_parse_whole (state, "min-vcpus", arg, 0);
      break;
    case OPT_MIN_MEMORY:
      sel->min_memory_gib
        = cli_parse_number (state, "min-memory", arg, 0.0, 1e9);
      break;
    case OPT_GPUS:
      sel->min_gpus = cli_parse_whole (state, "gpus", arg, 0);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp cli_selection_argp
  = { selection_options, parse_selection, NULL, NULL, NULL, NULL, NULL };
