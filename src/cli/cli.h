/* Command-line plumbing shared by the commands: global options, the
   data directory, the output file, error reports.  */
#ifndef CA_CLI_H
#define CA_CLI_H

#include <argp.h>
#include <stdio.h>

#include "data/catalogue.h"
#include "base/diag.h"
#include "base/outfile.h"
#include "view/output.h"
#include "data/pricing.h"
#include "model/run.h"
#include "search/select.h"
#include "base/system.h"
#include "search/uncertainty.h"

/* Options every command accepts, before or after its name.  */
struct cli_global
{
  const char *data_dir;         /* --data-dir, or NULL.  */
  enum out_format format;       /* --format, default table.  */
  const char *output;           /* --output, or NULL for stdout.  */
};

/* The input a command's argp parser receives.  */
struct cli_input
{
  struct cli_global *global;
  void *opts;                   /* The command's own options struct.  */
};

/* The parser of the global options, to be listed as a child of each
   command's parser (its input is a struct cli_global *).  */
extern const struct argp cli_global_argp;

/* The parser of the filters --provider, --region, --group, --min-vcpus,
   --min-memory and --gpus, for commands that choose among instances and
   regions (its input is a struct selection *).  */
extern const struct argp cli_selection_argp;

/* What --uncertainty and its companions ask for (estimate and advise).
   The job's ranges come from --load MODE:MIN:MAX, --load-range MIN:MAX,
   --runtime MODE:MIN:MAX and --runtime-range MIN:MAX or PERCENT%.  */
struct cli_uncertainty
{
  bool enabled;                 /* --uncertainty.  */
  long samples;                 /* --samples.  */
  unsigned long seed;           /* --seed.  */
  bool no_prune;                /* --no-prune (hidden; for benchmarks).  */
  bool lifetime_given;          /* --lifetime-years: an exact lifetime.  */
  struct uncertainty_range load;     /* low NaN when not given.  */
  struct uncertainty_range runtime;  /* low NaN when not given.  */
  double runtime_spread_pct;    /* --runtime-range P%, or NaN.  */
  bool load_from_range;         /* Which option gave them.  */
  bool runtime_from_range;
  bool load_both;               /* Both forms given: an error.  */
  bool runtime_both;
};

/* The parser of --uncertainty, --samples, --seed, --load-range and
   --runtime-range (its input is a struct cli_uncertainty *, set up with
   cli_uncertainty_init).  */
extern const struct argp cli_uncertainty_argp;

void cli_uncertainty_init (struct cli_uncertainty *u);

/* Parse --load ARG, a percentage or MODE:MIN:MAX (a triangular range
   recorded in U), and return the point load (the mode).  */
double cli_parse_load (struct argp_state *state, const char *arg,
                       struct cli_uncertainty *u);

/* The same for --runtime: a duration or MODE:MIN:MAX of durations.  */
double cli_parse_runtime (struct argp_state *state, const char *arg,
                          struct cli_uncertainty *u);

/* The job a command runs, from --runtime, --load, --count,
   --lifetime-years, --signal and --method: the options estimate, advise,
   compare and report share, parsed once by cli_job_argp.  */
struct cli_job
{
  struct run_params params;
  enum pricing pricing;         /* --pricing.  */
  const char *price_file;       /* --price-file, or NULL.  */
  struct cli_uncertainty *unc;  /* Takes MODE:MIN:MAX ranges of --runtime
                                   and --load; NULL where the command has
                                   no --uncertainty (plain values only).  */
  bool allow_method_all;        /* --method all (estimate).  */
  bool method_all;
  bool has_runtime;
  bool has_load;
};

/* Set JOB's defaults: one instance, a 4-year lifetime, the Teads method,
   the average signal, no overrides.  UNC and ALLOW_METHOD_ALL as above.  */
void cli_job_init (struct cli_job *job, struct cli_uncertainty *unc,
                   bool allow_method_all);

/* After loading CAT, check and apply what JOB says of it: --grid-source
   names a source of grid_alternatives.csv, --pricing spot and
   --price-file replace CAT's prices (*FILE then owns the text of the
   file's, to free with price_file_free after CAT's last use; NULL
   without --price-file).  Prints the error and returns its exit status,
   or CA_EXIT_OK.  */
int cli_job_apply (const struct cli_job *job, struct catalogue *cat,
                   struct price_file **file);

/* The parser of the job options (its input is a struct cli_job *).  At
   the end it checks what every command needs: --runtime and --load given,
   no marginal or market signal with CCF's method (it has only its
   location-based factors), no --uncertainty with it, and the ranges.  */
extern const struct argp cli_job_argp;

/* At the end of parsing: check U's ranges against the point LOAD_PCT
   and RUNTIME_H, failing through argp_error.  */
void cli_uncertainty_check (struct argp_state *state,
                            const struct cli_uncertainty *u, double load_pct,
                            double runtime_h);

/* Fill *SPEC from U for a job at LOAD_PCT for RUNTIME_H hours (on the
   reference) with LIFETIME_YEARS, and the key spaces of CAT and KEYS.  */
void cli_uncertainty_spec (const struct cli_uncertainty *u,
                           const struct catalogue *cat,
                           const struct uncertainty_keys *keys,
                           double load_pct, double runtime_h,
                           double lifetime_years,
                           struct uncertainty_spec *spec);

/* A progress bar on stderr: shown once the work has taken more than a
   second, and only when stderr is a terminal.  */
struct cli_progress
{
  double start;                 /* Seconds, CLOCK_MONOTONIC.  */
  bool shown;
};

void cli_progress_start (struct cli_progress *p);

/* Report DONE (0 to 1) of the work of ARG, a struct cli_progress *, as
   an uncertainty_progress_fn.  DONE of 1 ends the bar's line.  */
void cli_progress_report (double done, void *arg);

/* Parse ARGV, run the command it names, and return the exit status.  */
int cli_run (int argc, char **argv);

struct cmd_entry;

/* Parse ARGV: set *GLOBAL and *OPTS (the command's options, to be
   freed) and return the command named.  A bad command line, --help or
   --version ends the process through argp.  cli_run's first half, on its
   own for the command-line fuzz target.  */
const struct cmd_entry *cli_parse (int argc, char **argv,
                                   struct cli_global *global, void **opts);

/* The data directory: --data-dir, else $CARBON_ADVISOR_DATA, else
   ../data beside the running program when it holds the tables (a build
   tree), else the installed PKGDATADIR.  Returns a new string.  */
char *cli_data_dir (const struct cli_global *global);

/* Load the catalogue from the data directory, or report why not and set
   *STATUS to the exit status.  */
struct catalogue *cli_load_catalogue (const struct cli_global *global,
                                      int *status);

/* Report D as "carbon-advisor: TEXT" on stderr and return its status.  */
int cli_report (const struct diag *d);

/* Where a command writes its result.  With --output a regular file gets
   the text through a temporary file beside it, renamed over it only when
   the whole result was written: an error never leaves a partial file.
   A device, FIFO or /dev/stdout is written in place (see outfile.h).  */
struct cli_sink
{
  FILE *fp;
  struct outfile file;          /* Its fp is NULL when writing to
                                   stdout.  */
  const char *path;
};

/* Open the sink for GLOBAL's --output.  Returns 0, or reports the error
   and returns its exit status.  */
int cli_sink_open (const struct cli_global *global, struct cli_sink *sink);

/* Finish the sink: when OK, flush it and move the file into place;
   otherwise throw the temporary file away.  Returns CA_EXIT_OK, or
   reports a write error and returns CA_EXIT_FAILURE.  */
int cli_sink_close (struct cli_sink *sink, bool ok);

/* Write TABLE to a sink opened for GLOBAL and close it.  Returns an exit
   status.  */
int cli_emit (const struct cli_global *global, enum out_layout layout,
              const struct out_table *table);

/* The largest counts (--count, --top, --min-vcpus, --gpus) and
   durations (--runtime, --runtime-range, --deadline) the program takes:
   a million instances and ten years of 365.25 days are far beyond any
   real job, and beyond them figures would only look precise (a count
   near LONG_MAX is not even exact as a double).  */
#define CLI_MAX_COUNT 1000000L
#define CLI_MAX_DURATION_YEARS 10
#define CLI_MAX_DURATION_H (CLI_MAX_DURATION_YEARS * 8766.0)

/* Helpers for command parsers: parse ARG as the value of option NAME
   and fail through argp_error with a clear message.  A whole number
   lies from MIN to MAX; a duration from above zero to
   CLI_MAX_DURATION_H.  */
double cli_parse_number (struct argp_state *state, const char *name,
                         const char *arg, double min, double max);
long cli_parse_whole (struct argp_state *state, const char *name,
                      const char *arg, long min, long max);
double cli_parse_duration (struct argp_state *state, const char *name,
                           const char *arg);

/* Report that NAME is not a known WHAT ("instance type", "region"...),
   suggesting the closest of the N strings KNOWN, and return
   CA_EXIT_USAGE.  */
int cli_report_unknown (const char *what, const char *name,
                        const char *const *known, size_t n);

/* The same for an instance type or a region of CAT.  */
int cli_report_unknown_instance (const struct catalogue *cat,
                                 const char *name);
int cli_report_unknown_region (const struct catalogue *cat,
                               const char *name);

/* Check that the providers, regions and groups SEL names exist in CAT;
   report the first unknown one with suggestions.  Returns an exit
   status.  */
int cli_check_selection (const struct selection *sel,
                         const struct catalogue *cat);

#endif /* CA_CLI_H */
