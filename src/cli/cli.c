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
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "base/numparse.h"
#include "base/outfile.h"
#include "base/suggest.h"
#include "base/xalloc.h"

enum
{
  OPT_DATA_DIR = 0x100,
  OPT_ARGP_HIDDEN,
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
  /* argp adds hidden options of its own to every parser: --HANG, which
     waits for a debugger to attach, and --program-name.  getopt takes
     the first option of a name, and ours come before argp's, so these
     shadow them and reject them as any unknown option is.  */
  { "HANG", OPT_ARGP_HIDDEN, NULL, OPTION_HIDDEN, NULL, 0 },
  { "program-name", OPT_ARGP_HIDDEN, NULL, OPTION_HIDDEN, NULL, 0 },
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

const struct cmd_entry *
cli_parse (int argc, char **argv, struct cli_global *global, void **opts)
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
cli_run (int argc, char **argv)
{
  struct cli_global global;
  void *opts;
  const struct cmd_entry *cmd = cli_parse (argc, argv, &global, &opts);
  int status = cmd->exec (&global, opts);

  free (opts);
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
  struct diag d;

  sink->path = global->output;
  memset (&sink->file, 0, sizeof sink->file);
  if (global->output == NULL || STREQ (global->output, "-"))
    {
      sink->fp = stdout;
      return CA_EXIT_OK;
    }
  if (outfile_open (global->output, &sink->file, &d) < 0)
    return cli_report (&d);
  sink->fp = sink->file.fp;
  return CA_EXIT_OK;
}

int
cli_sink_close (struct cli_sink *sink, bool ok)
{
  struct diag d;

  if (sink->file.fp == NULL)
    {
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          error (0, errno, "write error");
          return CA_EXIT_FAILURE;
        }
      return CA_EXIT_OK;
    }
  if (outfile_close (&sink->file, sink->path, ok, &d) < 0)
    return cli_report (&d);
  return CA_EXIT_OK;
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
    argp_error (state, "invalid --%s '%s': must be at most %d years "
                "(%gh)", name, arg, CLI_MAX_DURATION_YEARS,
                CLI_MAX_DURATION_H);
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
cli_report_unknown_instance (const struct catalogue *cat, const char *name)
{
  const char **names = xcalloc (cat->ninstances + 1, sizeof *names);
  size_t i;
  int status;

  for (i = 0; i < cat->ninstances; i++)
    names[i] = cat->instances[i].name;
  status = cli_report_unknown ("instance type", name, names,
                               cat->ninstances);
  free (names);
  return status;
}

int
cli_report_unknown_region (const struct catalogue *cat, const char *name)
{
  const char **names = xcalloc (cat->nregions + 1, sizeof *names);
  size_t i;
  int status;

  for (i = 0; i < cat->nregions; i++)
    names[i] = cat->regions[i].name;
  status = cli_report_unknown ("region", name, names, cat->nregions);
  free (names);
  return status;
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
      sel->min_vcpus = cli_parse_whole (state, "min-vcpus", arg, 0,
                                        CLI_MAX_COUNT);
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

const struct argp cli_selection_argp
  = { selection_options, parse_selection, NULL, NULL, NULL, NULL, NULL };

enum
{
  OPT_UNCERTAINTY = 0x500,
  OPT_SAMPLES,
  OPT_SEED,
  OPT_LOAD_RANGE,
  OPT_RUNTIME_RANGE,
  OPT_NO_PRUNE
};

static const struct argp_option uncertainty_options[] = {
  { "uncertainty", OPT_UNCERTAINTY, NULL, 0,
    "Also give the p5, p50 and p95 of each total and cost from a Monte "
    "Carlo over the spread of the data and of the job (see the manual's "
    "UNCERTAINTY section)", 0 },
  { "samples", OPT_SAMPLES, "N", 0,
    "Monte Carlo samples for --uncertainty (default 1000, at most "
    "100000)", 0 },
  { "seed", OPT_SEED, "S", 0,
    "Seed of the random numbers for --uncertainty (default 1): the same "
    "seed and input give the same output", 0 },
  { "load-range", OPT_LOAD_RANGE, "MIN:MAX", 0,
    "The load lies anywhere from MIN to MAX per cent (uniform), around "
    "--load", 0 },
  { "runtime-range", OPT_RUNTIME_RANGE, "MIN:MAX|P%", 0,
    "The runtime lies anywhere from MIN to MAX (durations), or within P "
    "per cent of --runtime (uniform)", 0 },
  { "no-prune", OPT_NO_PRUNE, NULL, OPTION_HIDDEN,
    "Sample every candidate, even those that cannot reach the front", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

void
cli_uncertainty_init (struct cli_uncertainty *u)
{
  memset (u, 0, sizeof *u);
  u->samples = UNCERTAINTY_DEFAULT_SAMPLES;
  u->seed = UNCERTAINTY_DEFAULT_SEED;
  u->load.low = u->load.mode = u->load.high = NAN;
  u->runtime.low = u->runtime.mode = u->runtime.high = NAN;
  u->runtime_spread_pct = NAN;
}

/* Split ARG at its colons into at most N parts (copies in PARTS, freed
   by the caller); returns how many there are, or N + 1 when there are
   more.  */
static size_t
split_colons (const char *arg, char **parts, size_t n)
{
  size_t k = 0;
  const char *p = arg;

  while (k <= n)
    {
      size_t len = strcspn (p, ":");

      if (k == n)
        return n + 1;
      parts[k] = xmalloc (len + 1);
      memcpy (parts[k], p, len);
      parts[k][len] = '\0';
      k++;
      if (p[len] == '\0')
        break;
      p += len + 1;
    }
  return k;
}

static void
free_parts (char **parts, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    free (parts[i]);
}

double
cli_parse_load (struct argp_state *state, const char *arg,
                struct cli_uncertainty *u)
{
  char *parts[3];
  size_t n = split_colons (arg, parts, 3);
  double v[3];
  size_t i;

  if (n == 1)
    {
      v[0] = cli_parse_number (state, "load", parts[0], 0.0, 100.0);
      free_parts (parts, 1);
      return v[0];
    }
  if (n != 3)
    {
      free_parts (parts, n > 3 ? 3 : n);
      argp_error (state, "invalid --load '%s': expected PERCENT or "
                  "MODE:MIN:MAX, e.g. 60:40:80", arg);
      return 0.0;
    }
  for (i = 0; i < 3; i++)
    v[i] = cli_parse_number (state, "load", parts[i], 0.0, 100.0);
  free_parts (parts, 3);
  if (!(v[1] <= v[0] && v[0] <= v[2]))
    argp_error (state, "invalid --load '%s': expected MODE:MIN:MAX with "
                "MIN <= MODE <= MAX", arg);
  u->load_both = u->load_both || u->load_from_range;
  u->load.low = v[1];
  u->load.mode = v[0];
  u->load.high = v[2];
  u->load.triangular = true;
  u->load_from_range = false;
  return v[0];
}

double
cli_parse_runtime (struct argp_state *state, const char *arg,
                   struct cli_uncertainty *u)
{
  char *parts[3];
  size_t n = split_colons (arg, parts, 3);
  double v[3];
  size_t i;

  if (n == 1)
    {
      v[0] = cli_parse_duration (state, "runtime", parts[0]);
      free_parts (parts, 1);
      return v[0];
    }
  if (n != 3)
    {
      free_parts (parts, n > 3 ? 3 : n);
      argp_error (state, "invalid --runtime '%s': expected a duration or "
                  "MODE:MIN:MAX, e.g. 24h:20h:30h", arg);
      return 0.0;
    }
  for (i = 0; i < 3; i++)
    v[i] = cli_parse_duration (state, "runtime", parts[i]);
  free_parts (parts, 3);
  if (!(v[1] <= v[0] && v[0] <= v[2]))
    argp_error (state, "invalid --runtime '%s': expected MODE:MIN:MAX with "
                "MIN <= MODE <= MAX", arg);
  u->runtime_both = u->runtime_both || u->runtime_from_range;
  u->runtime.low = v[1];
  u->runtime.mode = v[0];
  u->runtime.high = v[2];
  u->runtime.triangular = true;
  u->runtime_from_range = false;
  return v[0];
}

static error_t
parse_uncertainty (int key, char *arg, struct argp_state *state)
{
  struct cli_uncertainty *u = state->input;
  char *parts[2];
  size_t n;

  switch (key)
    {
    case OPT_UNCERTAINTY:
      u->enabled = true;
      break;
    case OPT_SAMPLES:
      u->samples = cli_parse_whole (state, "samples", arg, 1, LONG_MAX);
      if (u->samples > UNCERTAINTY_MAX_SAMPLES)
        argp_error (state, "invalid --samples '%s': must be at most %d", arg,
                    UNCERTAINTY_MAX_SAMPLES);
      break;
    case OPT_SEED:
      u->seed = (unsigned long) cli_parse_whole (state, "seed", arg, 0,
                                                  LONG_MAX);
      break;
    case OPT_NO_PRUNE:
      u->no_prune = true;
      break;
    case OPT_LOAD_RANGE:
      u->load_both = u->load_both || u->load.triangular;
      n = split_colons (arg, parts, 2);
      if (n != 2)
        {
          free_parts (parts, n > 2 ? 2 : n);
          argp_error (state, "invalid --load-range '%s': expected MIN:MAX",
                      arg);
          break;
        }
      u->load.low = cli_parse_number (state, "load-range", parts[0], 0.0,
                                      100.0);
      u->load.high = cli_parse_number (state, "load-range", parts[1], 0.0,
                                       100.0);
      free_parts (parts, 2);
      if (!(u->load.low <= u->load.high))
        argp_error (state, "invalid --load-range '%s': MIN is above MAX",
                    arg);
      u->load.triangular = false;
      u->load_from_range = true;
      break;
    case OPT_RUNTIME_RANGE:
      u->runtime_both = u->runtime_both || u->runtime.triangular;
      n = strlen (arg);
      if (n > 1 && arg[n - 1] == '%')
        {
          char *pct = xstrdup (arg);

          pct[n - 1] = '\0';
          u->runtime_spread_pct
            = cli_parse_number (state, "runtime-range", pct, 0.0, 99.0);
          free (pct);
          u->runtime_from_range = true;
          break;
        }
      n = split_colons (arg, parts, 2);
      if (n != 2)
        {
          free_parts (parts, n > 2 ? 2 : n);
          argp_error (state, "invalid --runtime-range '%s': expected MIN:MAX "
                      "or PERCENT%%", arg);
          break;
        }
      u->runtime.low = cli_parse_duration (state, "runtime-range", parts[0]);
      u->runtime.high = cli_parse_duration (state, "runtime-range",
                                            parts[1]);
      free_parts (parts, 2);
      if (!(u->runtime.low <= u->runtime.high))
        argp_error (state, "invalid --runtime-range '%s': MIN is above MAX",
                    arg);
      u->runtime.triangular = false;
      u->runtime_from_range = true;
      u->runtime_spread_pct = NAN;
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp cli_uncertainty_argp
  = { uncertainty_options, parse_uncertainty, NULL, NULL, NULL, NULL, NULL };

void
cli_uncertainty_check (struct argp_state *state,
                       const struct cli_uncertainty *u, double load_pct,
                       double runtime_h)
{
  if (u->load_both)
    argp_error (state, "give either --load MODE:MIN:MAX or --load-range");
  if (u->runtime_both)
    argp_error (state,
                "give either --runtime MODE:MIN:MAX or --runtime-range");
  if (u->load_from_range
      && !(u->load.low <= load_pct && load_pct <= u->load.high))
    argp_error (state, "--load %g is outside --load-range %g:%g", load_pct,
                u->load.low, u->load.high);
  if (u->runtime_from_range && !isnan (u->runtime.low)
      && !(u->runtime.low <= runtime_h && runtime_h <= u->runtime.high))
    argp_error (state, "--runtime %g h is outside --runtime-range", runtime_h);
}

void
cli_uncertainty_spec (const struct cli_uncertainty *u,
                      const struct catalogue *cat,
                      const struct uncertainty_keys *keys, double load_pct,
                      double runtime_h, double lifetime_years,
                      struct uncertainty_spec *spec)
{
  memset (spec, 0, sizeof *spec);
  spec->samples = (size_t) u->samples;
  spec->seed = u->seed;
  spec->load_pct.low = spec->load_pct.mode = spec->load_pct.high = load_pct;
  if (!isnan (u->load.low))
    {
      spec->load_pct = u->load;
      spec->load_pct.mode = load_pct;
    }
  spec->runtime_h.low = spec->runtime_h.mode = spec->runtime_h.high
    = runtime_h;
  if (!isnan (u->runtime_spread_pct))
    {
      spec->runtime_h.low = runtime_h * (1.0 - u->runtime_spread_pct / 100.0);
      spec->runtime_h.high
        = runtime_h * (1.0 + u->runtime_spread_pct / 100.0);
    }
  else if (!isnan (u->runtime.low))
    {
      spec->runtime_h = u->runtime;
      spec->runtime_h.mode = runtime_h;
    }
  spec->runtime_point_h = runtime_h;
  spec->lifetime_low_years = spec->lifetime_high_years = lifetime_years;
  if (!u->lifetime_given)
    {
      spec->lifetime_low_years = UNCERTAINTY_LIFETIME_LOW_YEARS;
      spec->lifetime_high_years = UNCERTAINTY_LIFETIME_HIGH_YEARS;
    }
  spec->nregions = cat->nregions;
  spec->npower_keys = keys->npower_keys;
  spec->nhosts = keys->nhosts;
  spec->ncurves = cat->ninstances;
  spec->prune = !u->no_prune;
}

static double
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

void
cli_progress_start (struct cli_progress *p)
{
  p->start = now_seconds ();
  p->shown = false;
}

void
cli_progress_report (double done, void *arg)
{
  struct cli_progress *p = arg;
  enum
  {
    WIDTH = 40
  };
  char bar[WIDTH + 1];
  int filled, i;

  if (!p->shown && (now_seconds () - p->start <= 1.0 || !isatty (2)))
    return;
  p->shown = true;
  filled = (int) (done * WIDTH);
  for (i = 0; i < WIDTH; i++)
    bar[i] = i < filled ? '#' : '.';
  bar[WIDTH] = '\0';
  fprintf (stderr, "\r[%s] %3.0f %%", bar, 100.0 * done);
  if (done >= 1.0)
    fputc ('\n', stderr);
  fflush (stderr);
}

enum
{
  OPT_JOB_RUNTIME = 't',
  OPT_JOB_LOAD = 'l',
  OPT_JOB_COUNT = 'n',
  OPT_JOB_LIFETIME = 0x700,
  OPT_JOB_SIGNAL,
  OPT_JOB_METHOD,
  OPT_JOB_EMBODIED_SHARE,
  OPT_JOB_GRID_SOURCE,
  OPT_JOB_PRICING,
  OPT_JOB_PRICE_FILE
};

static const struct argp_option job_options[] = {
  { "runtime", OPT_JOB_RUNTIME, "DURATION", 0,
    "How long the job runs (on advise's --reference instance, if given): "
    "90m, 36h, 1.5d, 2h30m, 5400s; a bare number is hours; MODE:MIN:MAX "
    "for a triangular range with --uncertainty (required)", 0 },
  { "load", OPT_JOB_LOAD, "PERCENT", 0,
    "Average load of the instances, 0-100; MODE:MIN:MAX (e.g. 60:40:80) "
    "for a triangular range with --uncertainty (required)", 0 },
  { "count", OPT_JOB_COUNT, "N", 0,
    "Number of instances (default 1, at most 1000000)", 0 },
  { "lifetime-years", OPT_JOB_LIFETIME, "YEARS", 0,
    "Hardware lifetime over which manufacturing emissions are spread "
    "(default 4, i.e. 35,040 h)", 0 },
  { "signal", OPT_JOB_SIGNAL, "SIGNAL", 0,
    "Grid intensity to use: average (location-based, default), marginal "
    "or market (the provider's market-based claim); advise and compare "
    "leave out, and count, a region without that figure", 0 },
  { "method", OPT_JOB_METHOD, "METHOD", 0,
    "teads (default: the Teads curves, the region's own PUE and grid "
    "intensity) or ccf (Cloud Carbon Footprint's coefficients, PUE and "
    "grid factors); estimate also takes all (both, and CCF minus Teads)",
    0 },
  { "embodied-share", OPT_JOB_EMBODIED_SHARE, "RULE", 0,
    "The instance's share of its host's manufacturing emissions: largest "
    "(default: the largest of its shares of the host's vCPUs, memory and "
    "GPUs) or vcpu (its share of the vCPUs, as the Teads sheet)", 0 },
  { "grid-source", OPT_JOB_GRID_SOURCE, "SOURCE", 0,
    "Take each region's location-based grid intensity from SOURCE, a "
    "source id of grid_alternatives.csv (e.g. google-region-carbon), "
    "instead of the default basis; regions it has no figure for are left "
    "out and counted", 0 },
  { "pricing", OPT_JOB_PRICING, "KIND", 0,
    "on-demand (default) or spot: spot prices with their dates; pairs "
    "without one are left out and counted", 0 },
  { "price-file", OPT_JOB_PRICE_FILE, "FILE", 0,
    "A CSV of the team's own prices (provider,region,instance_type,"
    "price_usd_per_h, optional price_date) that replace the list price of "
    "those pairs", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

void
cli_job_init (struct cli_job *job, struct cli_uncertainty *unc,
              bool allow_method_all)
{
  memset (job, 0, sizeof *job);
  job->params.count = 1;
  job->params.lifetime_years = FOOTPRINT_DEFAULT_LIFETIME_YEARS;
  job->params.pue = NAN;
  job->params.grid_gco2e_per_kwh = NAN;
  job->params.power_w = NAN;
  job->params.signal = RUN_SIGNAL_AVERAGE;
  job->params.method = RUN_METHOD_TEADS;
  job->params.embodied_rule = EMBODIED_LARGEST_SHARE;
  job->pricing = PRICING_ON_DEMAND;
  job->unc = unc;
  job->allow_method_all = allow_method_all;
}

static error_t
parse_job (int key, char *arg, struct argp_state *state)
{
  struct cli_job *job = state->input;
  struct run_params *p = &job->params;
  bool ccf;

  switch (key)
    {
    case OPT_JOB_RUNTIME:
      p->runtime_h = job->unc != NULL
                       ? cli_parse_runtime (state, arg, job->unc)
                       : cli_parse_duration (state, "runtime", arg);
      job->has_runtime = true;
      break;
    case OPT_JOB_LOAD:
      p->load_pct = job->unc != NULL
                      ? cli_parse_load (state, arg, job->unc)
                      : cli_parse_number (state, "load", arg, 0.0, 100.0);
      job->has_load = true;
      break;
    case OPT_JOB_COUNT:
      p->count = cli_parse_whole (state, "count", arg, 1, CLI_MAX_COUNT);
      break;
    case OPT_JOB_LIFETIME:
      p->lifetime_years
        = cli_parse_number (state, "lifetime-years", arg, 0.1, 100.0);
      if (job->unc != NULL)
        job->unc->lifetime_given = true;
      break;
    case OPT_JOB_SIGNAL:
      if (run_signal_parse (arg, &p->signal) < 0)
        argp_error (state, "unknown --signal '%s'; choose average, marginal "
                    "or market", arg);
      break;
    case OPT_JOB_METHOD:
      job->method_all = job->allow_method_all && STREQ (arg, "all");
      if (!job->method_all && run_method_parse (arg, &p->method) < 0)
        {
          if (job->allow_method_all)
            argp_error (state, "unknown --method '%s'; choose teads, ccf or "
                        "all", arg);
          else
            argp_error (state, "unknown --method '%s'; choose teads or ccf "
                        "(all is for estimate)", arg);
        }
      break;
    case OPT_JOB_EMBODIED_SHARE:
      if (embodied_rule_parse (arg, &p->embodied_rule) < 0)
        argp_error (state, "unknown --embodied-share '%s'; choose largest "
                    "or vcpu", arg);
      break;
    case OPT_JOB_GRID_SOURCE:
      p->grid_source = arg;
      break;
    case OPT_JOB_PRICING:
      if (pricing_parse (arg, &job->pricing) < 0)
        argp_error (state, "unknown --pricing '%s'; choose on-demand or "
                    "spot", arg);
      break;
    case OPT_JOB_PRICE_FILE:
      job->price_file = arg;
      break;
    case ARGP_KEY_END:
      if (!job->has_runtime)
        argp_error (state, "missing --runtime");
      if (!job->has_load)
        argp_error (state, "missing --load");
      ccf = job->method_all || p->method == RUN_METHOD_CCF;
      /* CCF has one grid factor per region, a location-based average:
         a marginal or market-based run would not be CCF's.  */
      if (ccf && p->signal != RUN_SIGNAL_AVERAGE)
        argp_error (state, "--signal %s goes with --method teads: CCF's "
                    "method has only its location-based grid factors",
                    run_signal_name (p->signal));
      if (ccf && p->grid_source != NULL)
        argp_error (state, "--grid-source goes with --method teads: CCF's "
                    "method has its own grid factors");
      if (p->grid_source != NULL && p->signal != RUN_SIGNAL_AVERAGE)
        argp_error (state, "--grid-source names a location-based average; "
                    "it does not go with --signal %s",
                    run_signal_name (p->signal));
      if (job->unc != NULL)
        {
          if (job->unc->enabled && ccf)
            argp_error (state, "--uncertainty goes with --method teads: the "
                        "spreads are those of the Teads method's figures");
          cli_uncertainty_check (state, job->unc, p->load_pct, p->runtime_h);
        }
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

/* The source ids of CAT's grid alternatives, each once, in a new
   NULL-terminated array; *N is how many.  */
static const char **
grid_source_ids (const struct catalogue *cat, size_t *n)
{
  const char **ids = xcalloc (cat->ngrid_alternatives + 1, sizeof *ids);
  size_t i, k;

  *n = 0;
  for (i = 0; i < cat->ngrid_alternatives; i++)
    {
      const char *id = cat->grid_alternatives[i].source;

      for (k = 0; k < *n && !STREQ (ids[k], id); k++)
        ;
      if (k == *n)
        ids[(*n)++] = id;
    }
  return ids;
}

int
cli_job_apply (const struct cli_job *job, struct catalogue *cat,
               struct price_file **file)
{
  struct diag d;
  size_t n;

  *file = NULL;
  if (job->params.grid_source != NULL)
    {
      const char **ids = grid_source_ids (cat, &n);
      size_t k;
      int status = CA_EXIT_OK;

      for (k = 0; k < n && !STREQ (ids[k], job->params.grid_source); k++)
        ;
      if (k == n)
        status = cli_report_unknown ("grid source", job->params.grid_source,
                                     ids, n);
      free (ids);
      if (status != CA_EXIT_OK)
        return status;
    }
  if (job->pricing == PRICING_SPOT)
    pricing_use_spot (cat);
  if (job->price_file != NULL)
    {
      *file = price_file_apply (cat, job->price_file, &n, &d);
      if (*file == NULL)
        return cli_report (&d);
    }
  return CA_EXIT_OK;
}

const struct argp cli_job_argp
  = { job_options, parse_job, NULL, NULL, NULL, NULL, NULL };
