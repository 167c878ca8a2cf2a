/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The option groups every command shares, and the helpers that parse
   option values.  */
#ifndef CA_CLI_OPTIONS_H
#define CA_CLI_OPTIONS_H

#include <argp.h>
#include <stdbool.h>

#include "search/select.h"
#include "view/output.h"

/* Options every command accepts, before or after its name.  */
struct cli_global
{
  const char *data_dir;   /* --data-dir, or NULL.  */
  enum out_format format; /* --format, default table.  */
  const char *output;     /* --output, or NULL for stdout.  */
};

/* The input a command's argp parser receives.  */
struct cli_input
{
  struct cli_global *global;
  void *opts; /* The command's own options struct.  */
};

/* The parser of the global options, to be listed as a child of each
   command's parser (its input is a struct cli_global *).  */
extern const struct argp cli_global_argp;

/* The parser of the filters --provider, --region, --group, --min-vcpus,
   --min-memory and --gpus, for commands that choose among instances and
   regions (its input is a struct selection *).  */
extern const struct argp cli_selection_argp;
/* Only --provider, --region and --group, into a struct selection.  */
extern const struct argp cli_region_argp;

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

/* Parse ARG as the value of option NAME, a percentage from 0 to MAX:
   a number with or without a '%' after it ("60", "60%", "60 %").  A
   bare number above 0 and below 1 ("0.6") is taken as written, 0.6 %,
   with a one-line warning on stderr, since it is most often meant as
   a fraction (60 %).  Every option that takes a percentage parses it
   here.  */
double cli_parse_percent (struct argp_state *state, const char *name,
                          const char *arg, double max);

/* The same for ARG, one part of WHOLE (the argument of a range option
   such as --load 60:40:80): *WARNED says whether WHOLE was warned about
   already, so that it gets one warning at most.  */
double cli_parse_percent_part (struct argp_state *state, const char *name,
                               const char *whole, const char *arg, double max,
                               bool *warned);

#endif /* CA_CLI_OPTIONS_H */
