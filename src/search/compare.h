/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* One job on one instance type across a set of regions: the closest
   equivalent type where another provider runs the region, the best
   region and every region's difference to it and to a baseline, the
   statistics of a group, and whether the best region stays the best
   under other grid figures.  Pure computation: nothing here prints.  */
#ifndef CA_COMPARE_H
#define CA_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "data/catalogue.h"
#include "base/diag.h"
#include "model/run.h"
#include "base/system.h"

/* No such row.  */
#define COMPARE_NONE SIZE_MAX

/* Why a region of the set has no row.  */
enum compare_skip
{
  COMPARE_NOT_OFFERED,   /* The instance's provider does not sell
                            it there.  */
  COMPARE_NO_EQUIVALENT, /* Another provider sells nothing as
                            large (or with the same GPUs) there.  */
  COMPARE_NO_PRICE,      /* Sold there, but without a price of the
                            kind asked for (--pricing spot).  */
  COMPARE_NOT_COVERED,   /* --method ccf: CCF's coefficients do not
                            cover the type used there.  */
  COMPARE_NO_GRID,       /* No grid figure for the signal (or no
                            CCF grid factor).  */
  COMPARE_NSKIPS
};

/* One region's run.  */
struct compare_row
{
  struct run run;             /* RUN.instance is the type used.  */
  bool equivalent;            /* Another provider's type stands in.  */
  double diff_best_gco2e;     /* Total minus the best region's.  */
  double diff_best_pct;       /* That, in % of the best's total.  */
  double diff_baseline_gco2e; /* Total minus the baseline's, or NaN.  */
  double diff_baseline_pct;   /* That, in % of the baseline's total.  */
};

/* A region left out, and why.  */
struct compare_skipped
{
  const struct region *region;
  enum compare_skip why;
};

struct compare
{
  const struct instance *instance; /* The type asked for.  */
  struct compare_row *rows;        /* By total ascending, then cost, then
                                      the order of the set; one more
                                      for a baseline outside them.  */
  size_t nrows;
  struct compare_skipped *skipped; /* In the order of the set.  */
  size_t nskipped;
  size_t nskips[COMPARE_NSKIPS]; /* SKIPPED counted by reason.  */
  size_t baseline;               /* Index in ROWS (NROWS for a baseline
                                    outside the compared rows), or
                                    COMPARE_NONE.  */
};

/* Min, median and max of a group's rows.  */
struct compare_stats
{
  size_t n; /* Rows in the group; the rest are NaN
               when 0.  */
  double total_min, total_median, total_max; /* gCO2e.  */
  double cost_min, cost_median, cost_max;    /* USD.  */
};

/* Whether GPU models A and B are of one family: the same first word
   ("A100" and "A100 80GB" are, "A100" and "H100" are not).  */
bool compare_gpu_family (const char *a, const char *b);

/* Among the N prices OFFERS (the types sold in one region), the one
   whose type stands in best for WANT: the same number of GPUs of WANT's
   GPU family (none when WANT has none), at least its vCPUs and memory,
   and of those one of WANT's architecture if any (x86_64 or arm64), then
   one burstable exactly when WANT is (AWS t*, Azure B series, GCP
   shared-core types), then the fewest extra vCPUs, then the least extra
   memory,
   then the lowest price, then the first name in strcmp order.  Returns
   NULL when none qualifies.  */
const struct price *compare_pick_equivalent (const struct instance *want,
                                             const struct price *offers,
                                             size_t n);

/* The price of the type to run in REGION for WANT: WANT's own when
   REGION is of WANT's provider, else compare_pick_equivalent over
   everything CAT sells in REGION.  Returns NULL with *WHY set
   (COMPARE_NOT_OFFERED or COMPARE_NO_EQUIVALENT) when there is none.  */
const struct price *compare_offer (const struct catalogue *cat,
                                   const struct instance *want,
                                   const struct region *region,
                                   enum compare_skip *why);

/* Run PARAMS's job on INSTANCE (or its equivalent) in each of the
   NREGIONS REGIONS, sort the runs and work out each one's difference to
   the best.  Returns a new comparison (free with compare_free), or NULL
   with D set when a run cannot be worked out (an unusable power curve).
   Regions without a run are listed in SKIPPED; a comparison with no row
   is not an error.  */
struct compare *compare_new (const struct catalogue *cat,
                             const struct instance *instance,
                             const struct region *const *regions,
                             size_t nregions, const struct run_params *params,
                             struct diag *d);

void compare_free (struct compare *c);

/* Make TYPE in REGION C's baseline (C's instance, or its equivalent in
   REGION, when TYPE is NULL) and work out every row's difference to it.
   A baseline among C's rows is that row; one outside them (a region out
   of the set, or another type) is run with PARAMS into ROWS[NROWS], past
   the compared rows.  Returns 0, or -1 with D set (CA_EXIT_USAGE when
   it has no run: the text says why).  */
int compare_set_baseline (struct compare *c, const struct catalogue *cat,
                          const struct instance *type,
                          const struct region *region,
                          const struct run_params *params, struct diag *d);

/* What a skip reason means, for messages ("not offered").  */
const char *compare_skip_text (enum compare_skip why);

/* Min, median and max of the N values X (not changed), into *MIN,
 *MEDIAN and *MAX; NaN when N is 0.  */
void compare_min_median_max (const double *x, size_t n, double *min,
                             double *median, double *max);

/* The statistics of C's rows whose region belongs to GROUP (every row
   when GROUP is NULL) into *OUT.  */
void compare_group_stats (const struct compare *c, const char *group,
                          struct compare_stats *out);

/* The grid sources grid_alternatives.csv has for any region of C's
   rows, in strcmp order: sets *SOURCES to a new array (the caller frees
   the array, not the strings, which belong to CAT) and returns how many
   there are.  */
size_t compare_grid_sources (const struct catalogue *cat,
                             const struct compare *c, const char ***sources);

/* The row of C that is best when each row's grid intensity is the most
   recent figure SOURCE gives for its region (a region SOURCE has no
   figure for keeps its own): least total, then least cost, then C's
   order.  Scope 2 is the row's energy times that figure.  Returns its
   index in C's rows, or COMPARE_NONE when C has no row.  Meant for
   comparisons on the location-based average.  */
size_t compare_winner_under_source (const struct catalogue *cat,
                                    const struct compare *c,
                                    const char *source);

/* Whether C's best region stays best under other grid figures.  */
struct compare_robustness
{
  bool checked;                /* False under --method ccf: CCF has one
                                  grid factor per region.  */
  const struct region *winner; /* C's best region.  */
  bool sources_checked;        /* On the location-based average only:
                                  the grid sources give nothing else.  */
  size_t nsources;             /* Grid sources of C's regions...  */
  const char **sources;        /* ...in strcmp order (CAT's strings)...  */
  const struct region **source_winners; /* ...and the best under each.  */
  size_t holds;                    /* Sources under which WINNER stays.  */
  enum run_signal alt_signal;      /* The other signal: marginal, or average
                                      on marginal or market figures.  */
  bool alt_done;                   /* False when its runs failed.  */
  size_t alt_nrows;                /* Regions with its figure...  */
  size_t alt_of;                   /* ...of those with a run but for it.  */
  const struct region *alt_winner; /* The best under it, or NULL.  */
};

/* Work out *OUT for C, the comparison of PARAMS's job over the NREGIONS
   REGIONS of CAT (C must have a row).  Returns 0, or -1 with D set when
   a run of the other signal cannot be worked out (OUT then holds what
   came before, ALT_DONE false).  Free with compare_robustness_free.  */
int compare_robustness (const struct catalogue *cat, const struct compare *c,
                        const struct run_params *params,
                        const struct region *const *regions, size_t nregions,
                        struct compare_robustness *out, struct diag *d);
void compare_robustness_free (struct compare_robustness *r);

#endif /* CA_COMPARE_H */
