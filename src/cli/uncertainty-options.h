/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The --uncertainty option group and the MODE:MIN:MAX ranges of
   --load and --runtime.  */
#ifndef CA_CLI_UNCERTAINTY_OPTIONS_H
#define CA_CLI_UNCERTAINTY_OPTIONS_H

#include <argp.h>
#include <stdbool.h>

#include "data/catalogue.h"
#include "search/uncertainty.h"

/* What --uncertainty and its companions ask for (estimate and advise).
   The job's ranges come from --load MODE:MIN:MAX, --load-range MIN:MAX,
   --runtime MODE:MIN:MAX and --runtime-range MIN:MAX or PERCENT%.  */
struct cli_uncertainty
{
  bool enabled;                     /* --uncertainty.  */
  long samples;                     /* --samples.  */
  unsigned long seed;               /* --seed.  */
  bool no_prune;                    /* --no-prune (hidden; for benchmarks).  */
  bool lifetime_given;              /* --lifetime-years: an exact lifetime.  */
  struct uncertainty_range load;    /* low NaN when not given.  */
  struct uncertainty_range runtime; /* low NaN when not given.  */
  double runtime_spread_pct;        /* --runtime-range P%, or NaN.  */
  bool load_from_range;             /* Which option gave them.  */
  bool runtime_from_range;
  bool load_both; /* Both forms given: an error.  */
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

#endif /* CA_CLI_UNCERTAINTY_OPTIONS_H */
