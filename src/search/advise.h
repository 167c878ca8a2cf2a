/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise's search: every instance type x region that meets a job's
   constraints, ranked by non-dominated sorting on carbon and cost, with
   what emptied the set when nothing is left.  It takes the catalogue
   and a plain query, and returns its findings as data: nothing here
   prints.  */
#ifndef CA_SEARCH_ADVISE_H
#define CA_SEARCH_ADVISE_H

#include <stddef.h>

#include "base/diag.h"
#include "data/catalogue.h"
#include "data/pricing.h"
#include "model/run.h"
#include "model/scaling.h"
#include "search/advise-rules.h"
#include "search/pareto.h"
#include "search/select.h"
#include "search/uncertainty.h"

/* What advise is asked: the job, the candidates it may consider, how
   to scale the runtime and how to rank.  Every name is borrowed (the
   lists are shallow copies of the caller's).  */
struct advise_query
{
  struct run_params params; /* The job on the reference.  */
  enum pricing pricing;     /* The pricing basis.  */
  const char *price_file;   /* The team's prices, or NULL (their
                               prices are already in the catalogue:
                               named for the notes only).  */
  struct selection selection;
  struct name_list exclude_regions;
  struct name_list gpu_models;
  struct name_list families;
  struct name_list patterns;     /* Shell patterns of type names.  */
  const char *arch;              /* NULL for any.  */
  double max_cost_usd;           /* +inf for no limit.  */
  struct advise_rules_ask rules; /* Deadline, accelerator, burstable.  */
  double max_co2e_g;
  const char *reference; /* Instance type name, or NULL.  */
  enum scaling_mode scaling;
  bool has_scaling;         /* Else the reference's default.  */
  double serial_fraction;   /* NaN for the mode's default.  */
  const char *speedup_path; /* --scaling table's file.  */
  const char *baseline;     /* "TYPE@REGION", or NULL.  */
  double carbon_price;      /* USD per tonne, NaN when not given.  */
  long top;                 /* Rows shown off the front.  */
  bool all;                 /* Every row.  */
  /* Uncertainty: SPEC filled for the job (its GPU speeds are the
     search's to set).  */
  bool uncertain;
  struct uncertainty_spec spec;
  bool load_ranged;                  /* The load came with a range.  */
  bool runtime_ranged;               /* So did the runtime: the cost is
                                        uncertain too.  */
  uncertainty_progress_fn *progress; /* May be NULL.  */
  void *progress_arg;
};

/* One candidate, as small as the ranking can keep it: what its run was
   worked out from (advise_candidate_run works it out again), since every
   priced pair of the catalogue may be one.  */
struct advise_candidate
{
  const struct price *price; /* The instance type and region it prices.  */
  double runtime_h;          /* The runtime scaled to the instance type.  */
  double power_w;            /* The power the run was given (the type's,
                                worked out by an earlier candidate), or
                                NaN.  */
};

/* Why candidates were left out, in the order the filters apply.  */
enum advise_stage
{
  ADVISE_STAGE_PRICED,
  ADVISE_STAGE_REGION,
  ADVISE_STAGE_INSTANCE,
  ADVISE_STAGE_ACCELERATOR, /* advise-rules.h's, in its order.  */
  ADVISE_STAGE_GPU_MEMORY,
  ADVISE_STAGE_BURSTABLE,
  ADVISE_STAGE_PRICE,  /* --pricing spot: a spot price.  */
  ADVISE_STAGE_METHOD, /* CCF's coefficients cover the type.  */
  ADVISE_STAGE_RUNTIME,
  ADVISE_STAGE_GRID,
  ADVISE_STAGE_DEADLINE,
  ADVISE_STAGE_COST,
  ADVISE_STAGE_CO2E,
  ADVISE_STAGE_COUNT
};

struct advise_funnel
{
  size_t kept[ADVISE_STAGE_COUNT]; /* Candidates left after each
                                      stage.  */
  size_t gaps[4];                  /* By enum scaling_gap.  */
};

/* Whether the recommendation holds under the other grid signal
   (marginal, or average when the query asks for another): what
   --uncertainty checks besides the odds.  */
enum advise_signal_outcome
{
  ADVISE_SIGNAL_UNCHECKED,  /* The other ranking failed: WHY.  */
  ADVISE_SIGNAL_NO_FIGURES, /* No candidate has the other figure.  */
  ADVISE_SIGNAL_STAYS,      /* The same pick.  */
  ADVISE_SIGNAL_CHANGES     /* INSTANCE in REGION instead.  */
};

struct advise_signal_check
{
  enum advise_signal_outcome outcome;
  enum run_signal signal;          /* The other signal.  */
  const struct instance *instance; /* Its pick (STAYS, CHANGES).  */
  const struct region *region;
  size_t candidates;        /* How many have its figure.  */
  char why[DIAG_TEXT_SIZE]; /* UNCHECKED: the other ranking's
                               error.  */
};

/* What advise-rank.c keeps of each instance type: the part of its
   candidates' runs that depends on the type alone.  */
struct advise_type;
struct advise_type_runs;

/* Everything the ranking found, indexed by candidate.  */
struct advise_ranking
{
  struct advise_candidate *cands;
  size_t n;
  const struct instance *instances; /* The catalogue's, which TYPES
                                       follow.  */
  struct advise_type *types;
  struct advise_type_runs *type_runs; /* The runs TYPES point into, of
                                         NTYPE_RUNS types.  */
  size_t ntype_runs;
  struct run_params params; /* The job the candidates' runs are of.  */
  size_t gpu_unsplit;       /* Candidates with GPUs the data cannot take
                               out of the instance's curve (their run's
                               gpu_load_split is false).  */
  double *cost;
  double *carbon;
  size_t *order;
  struct pareto *pareto;
  size_t carbon_pick; /* PARETO_NONE without --carbon-price.  */
  size_t *hull_slot;  /* Per candidate: its place on the hull, or
                         PARETO_NONE.  */
  size_t *front_slot; /* Per candidate: its place on the front, or
                         PARETO_NONE.  */
  bool has_baseline;
  struct run baseline;
  /* With uncertainty: the sampler over the candidates (and the
     baseline, last), and what it found.  */
  struct uncertainty *unc;
  struct uncertainty_item *items;
  struct uncertainty_spec spec;
  struct uncertainty_range *gpu_speed; /* Per GPU model, for spec.  */
  double *p_front;
  struct uncertainty_front_stats front_stats;
  double p_below_cheapest;
  double p_below_baseline;
  struct advise_signal_check signal_check;
  const struct scaling *scaling; /* The runtime scaling, or NULL when
                                    every type runs the same hours.  */
  struct advise_rules rules;     /* The rules the candidates met.  */
};

/* A name of the query the catalogue does not know: the caller says so
   with its suggestions.  */
enum advise_unknown
{
  ADVISE_KNOWN,
  ADVISE_UNKNOWN_INSTANCE,
  ADVISE_UNKNOWN_REGION
};

/* Everything advise_search found, with what it points into.  */
struct advise_result
{
  const struct catalogue *cat; /* The search's, borrowed.  */
  struct speedup_table *table;
  struct scaling scaling;
  struct advise_ranking ranking;
  struct advise_funnel funnel;
  enum advise_unknown unknown; /* When the search failed on a name.  */
  char *unknown_name;
};

/* Resolve Q's runtime scaling and baseline in CAT, enumerate and rank
   the candidates, and with Q's uncertainty sample them, into *RES (free
   with advise_result_free whatever the outcome).  Returns 0 (RES's
   ranking may hold no candidate: its funnel says why), or -1 with D set
   (and RES's unknown set when the error is a name CAT lacks).  */
int advise_search (const struct catalogue *cat, const struct advise_query *q,
                   struct advise_result *res, struct diag *d);
void advise_result_free (struct advise_result *res);

/* The dates of the prices R compares: its front's and its baseline's.  */
void advise_price_span (const struct advise_ranking *r,
                        struct price_span *span);

/* The run of candidate I of R into *RUN: worked out again as the
   search did, so every figure is the same to the bit.  */
void advise_candidate_run (const struct advise_ranking *r, size_t i,
                           struct run *run);

/* The runs of all candidates of R, as advise_candidate_run works each
   out: a new array of R's N (free it).  */
struct run *advise_candidate_runs (const struct advise_ranking *r);

/* For a caller that works out the runs of the NROWS candidates ROWS of
   R in turn, about to do ROWS[K]: ask for what the rows a few ahead
   will read to be loaded into the cache, since they are all over the
   memory (rank order is neither the candidates' nor the catalogue's),
   a third of the time of advise --all.  */
void advise_rows_prefetch (const struct advise_ranking *r, const size_t *rows,
                           size_t nrows, size_t k);

/* The option advise recommends: the carbon-price pick, else the knee,
   else the lowest carbon.  R must have a candidate.  */
size_t advise_recommended (const struct advise_ranking *r);

/* The candidates of R to show for Q, in output order, into ROWS (room
   for R's N): the front, then Q's top more or all, by rank, cost,
   carbon and catalogue order.  Returns how many.  */
size_t advise_rows (const struct advise_ranking *r,
                    const struct advise_query *q, size_t *rows);

#endif /* CA_SEARCH_ADVISE_H */
