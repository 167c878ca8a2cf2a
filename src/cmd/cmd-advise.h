/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise's options and its search as a command runs it: for advise,
   and for report, which takes the same job and constraints.  The
   search itself lives in search/advise.h; this only parses, loads,
   checks names and reports errors.  */
#ifndef CA_CMD_ADVISE_H
#define CA_CMD_ADVISE_H

#include <argp.h>

#include "cli/cli.h"
#include "model/scaling.h"
#include "search/advise.h"
#include "search/select.h"

/* The job and constraints of advise (and of report, which embeds them
   as its first member).  */
struct advise_opts
{
  struct cli_job job; /* --runtime, --load, --count, ...  */
  struct selection selection;
  struct name_list exclude_regions;
  struct name_list gpu_models;
  struct name_list families;
  struct name_list patterns;
  const char *arch;
  double max_cost_usd;           /* +inf when not given.  */
  struct advise_rules_ask rules; /* --deadline, --accelerator, ...  */
  double max_co2e_g;
  const char *reference;
  enum scaling_mode scaling;
  bool has_scaling;
  double serial_fraction;
  const char *speedup_path;
  const char *baseline; /* TYPE@REGION.  */
  double carbon_price;  /* USD per tonne, NaN when not given.  */
  long top;
  bool all;
  struct cli_uncertainty unc;
};

/* advise's options, parser and children without its description: a
   child parser for commands that take the same job and constraints.
   Its input is the command's struct cli_input, whose OPTS must start
   with a struct advise_opts.  */
extern const struct argp advise_job_argp;

/* Set the defaults of the struct advise_opts OPTS; free what parsing
   added to O.  */
void advise_opts_init (void *opts);
void advise_opts_free (struct advise_opts *o);

/* One search of advise's, with the data it points into.  */
struct advise_session
{
  struct catalogue *cat;
  struct price_file *price_file; /* --price-file's, or NULL.  */
  struct cli_progress progress;
  struct advise_query query;
  struct advise_result res;
};

/* Load the data for GLOBAL, check O's names, and search as O asks into
   *S (free with advise_session_free whatever the outcome).  Reports an
   error on stderr and returns its exit status; S's ranking may hold no
   candidate on success.  */
int advise_session_run (const struct cli_global *global,
                        const struct advise_opts *o, struct advise_session *s);
void advise_session_free (struct advise_session *s);

#endif /* CA_CMD_ADVISE_H */
