/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The job option group: what estimate, advise, compare and report run,
   and its checks against the catalogue.  */
#ifndef CA_CLI_JOB_H
#define CA_CLI_JOB_H

#include <argp.h>
#include <stdbool.h>

#include "cli/uncertainty-options.h"
#include "data/catalogue.h"
#include "data/pricing.h"
#include "model/run.h"

/* The job a command runs, from --runtime, --load, --count,
   --lifetime-years, --signal and --method: the options estimate, advise,
   compare and report share, parsed once by cli_job_argp.  */
struct cli_job
{
  struct run_params params;
  enum pricing pricing;        /* --pricing.  */
  const char *price_file;      /* --price-file, or NULL.  */
  struct cli_uncertainty *unc; /* Takes MODE:MIN:MAX ranges of --runtime
                                  and --load; NULL where the command has
                                  no --uncertainty (plain values only).  */
  bool allow_method_all;       /* --method all (estimate).  */
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

#endif /* CA_CLI_JOB_H */
