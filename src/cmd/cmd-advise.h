/* What advise computes, for the commands that present it: advise's
   table and summary, and report's HTML and Markdown pages.  The
   functions live in cmd-advise.c (they report errors on stderr, as the
   command layer does).  */
#ifndef CA_CMD_ADVISE_H
#define CA_CMD_ADVISE_H

#include <argp.h>
#include <stdio.h>

#include "cli/cli.h"
#include "search/pareto.h"
#include "model/run.h"
#include "model/scaling.h"
#include "search/select.h"
#include "search/uncertainty.h"

/* The job and constraints of advise (and of report, which embeds them
   as its first member).  */
struct advise_opts
{
  struct cli_job job;           /* --runtime, --load, --count, ...  */
  struct selection selection;
  struct name_list exclude_regions;
  struct name_list gpu_models;
  struct name_list families;
  struct name_list patterns;
  const char *arch;
  double max_cost_usd;          /* +inf when not given.  */
  double deadline_h;
  double max_co2e_g;
  const char *reference;
  enum scaling_mode scaling;
  bool has_scaling;
  double serial_fraction;
  const char *speedup_path;
  const char *baseline;         /* TYPE@REGION.  */
  double carbon_price;          /* USD per tonne, NaN when not given.  */
  long top;
  bool all;
  struct cli_uncertainty unc;
};

/* One candidate: a run and what the ranking says of it.  */
struct advise_candidate
{
  struct run run;
};

/* Why candidates were left out, in the order the filters apply.  */
enum advise_stage
{
  ADVISE_STAGE_PRICED,
  ADVISE_STAGE_REGION,
  ADVISE_STAGE_INSTANCE,
  ADVISE_STAGE_PRICE,           /* --pricing spot: a spot price.  */
  ADVISE_STAGE_METHOD,          /* CCF's coefficients cover the type.  */
  ADVISE_STAGE_RUNTIME,
  ADVISE_STAGE_GRID,
  ADVISE_STAGE_DEADLINE,
  ADVISE_STAGE_COST,
  ADVISE_STAGE_CO2E,
  ADVISE_STAGE_COUNT
};

struct advise_funnel
{
  size_t kept[ADVISE_STAGE_COUNT];  /* Candidates left after each
                                       stage.  */
  size_t gaps[4];               /* By enum scaling_gap.  */
};

/* Everything the ranking found, indexed by candidate.  */
struct advise_ranking
{
  struct advise_candidate *cands;
  size_t n;
  double *cost;
  double *carbon;
  size_t *order;
  struct pareto *pareto;
  size_t carbon_pick;           /* PARETO_NONE without --carbon-price.  */
  size_t *hull_slot;            /* Per candidate: its place on the hull, or
                                   PARETO_NONE.  */
  size_t *front_slot;           /* Per candidate: its place on the front, or
                                   PARETO_NONE.  */
  bool has_baseline;
  struct run baseline;
  /* --uncertainty: the sampler over the candidates (and the baseline,
     last), and what it found.  */
  struct uncertainty *unc;
  struct uncertainty_item *items;
  struct uncertainty_spec spec;
  struct uncertainty_range *gpu_speed; /* Per GPU model, for spec.  */
  double *p_front;
  struct uncertainty_front_stats front_stats;
  double p_below_cheapest;
  double p_below_baseline;
  char signal_line[768];
  char scaling_line[256];       /* The runtime scaling's assumption, or
                                   "" without a reference.  */
  bool ranges_as_text;          /* The table format: p50 (p5-p95).  */
  bool cost_range_as_text;      /* ... for the cost too.  */
};

/* Everything advise_compute found, with what it points into.  */
struct advise_result
{
  struct catalogue *cat;
  struct price_file *price_file;  /* --price-file's, or NULL.  */
  struct speedup_table *table;
  struct scaling scaling;
  struct advise_ranking ranking;
  struct advise_funnel funnel;
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

/* Load the data for GLOBAL, check O's names, resolve the runtime
   scaling and the baseline, enumerate and rank the candidates, and with
   --uncertainty sample them, into *RES (free with advise_result_free
   whatever the outcome).  Reports an error on stderr and returns its
   exit status; RES->ranking.n may be 0 on success.  */
int advise_compute (const struct cli_global *global, struct advise_opts *o,
                    struct advise_result *res);
void advise_result_free (struct advise_result *res);

/* The dates of the prices R compares: its front's and its baseline's.  */
void advise_price_span (const struct advise_ranking *r,
                        struct price_span *span);

/* The option advise recommends: the carbon-price pick, else the knee,
   else the lowest carbon.  R must have a candidate.  */
size_t advise_recommended (const struct advise_ranking *r);

/* Say on FP which of O's constraints left no candidate, from F.  */
void advise_explain_empty (FILE *fp, const struct advise_funnel *f,
                           const struct advise_opts *o);

#endif /* CA_CMD_ADVISE_H */
