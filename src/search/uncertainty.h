/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* How sure each figure is: Monte Carlo over the spread of the data and
   of the job, with draws shared where the physics is shared, quantiles
   per run, and the share of samples in which a candidate is on the
   Pareto front (doc/METHODOLOGY.md, "Uncertainty").  Pure computation:
   never prints, never exits.  */
#ifndef CA_UNCERTAINTY_H
#define CA_UNCERTAINTY_H

#include <stddef.h>

#include "data/catalogue.h"
#include "base/diag.h"
#include "model/run.h"
#include "base/system.h"

/* The defaults of --samples and --seed.  */
#define UNCERTAINTY_DEFAULT_SAMPLES 1000
#define UNCERTAINTY_DEFAULT_SEED 1
/* --samples at most: the time grows with it, as does the memory (the
   job's draws and one run's samples, a few doubles per sample; for the
   summaries of advise --all, as many keys' shared draws as 8 MiB holds
   are kept, the rest made on demand).  */
#define UNCERTAINTY_MAX_SAMPLES 100000

/* The hardware lifetime range when the user does not give one.  */
#define UNCERTAINTY_LIFETIME_LOW_YEARS 4.0
#define UNCERTAINTY_LIFETIME_HIGH_YEARS 6.0

/* The 95th percentile of |N(0, 1)|: a power error whose 95th percentile
   is E has sigma E / 1.96.  The power model's errors are heavy-tailed
   (median 1-3 %, but 5 % of the sheet's rows off by more than 24 %, and
   most modelled rows use the architecture fallback, ~30 % off on the
   sheet), so sigma comes from the 95th percentile, not the median.  */
#define UNCERTAINTY_P95_NORMAL 1.96

/* One input the user gives as a range: uniform on [LOW, HIGH], or
   triangular with its peak at MODE.  LOW == MODE == HIGH is an exact
   figure.  */
struct uncertainty_range
{
  double low;
  double mode;
  double high;
  bool triangular;
};

/* What is drawn once per sample for the whole job, and the sizes of the
   spaces of shared draws (a draw is a function of the seed, its kind,
   its key within its space and the sample: uncertainty-draws.h).  */
struct uncertainty_spec
{
  size_t samples; /* 1 to UNCERTAINTY_MAX_SAMPLES.  */
  unsigned long seed;
  struct uncertainty_range load_pct;  /* Within 0-100.  */
  struct uncertainty_range runtime_h; /* Of the reference run.  */
  double runtime_point_h;    /* The point estimate's reference runtime:
                                a sample scales every run's runtime by
                                the drawn one over this.  */
  double lifetime_low_years; /* Uniform; equal for an exact one.  */
  double lifetime_high_years;
  size_t nregions;    /* Grid and PUE draws.  */
  size_t npower_keys; /* Power-model error draws.  */
  size_t nhosts;      /* Embodied draws.  */
  size_t ncurves;     /* Power curves (for an uncertain load).  */
  size_t ngpus;       /* GPU speed draws: GPU models.  */
  const struct uncertainty_range *gpu_speed; /* Per GPU model: the
                         spread (low, high) around the point speed
                         (mode), drawn two-piece uniform; not
                         copied.  */
  size_t gpu_reference; /* The reference's GPU model, for items
                           scaled by GPU speed.  */
  bool prune;           /* Skip candidates that cannot reach the
                           front in any sample (see
                           uncertainty_fronts).  */
};

/* One run as the sampler sees it: its point figures, the ranges around
   them, and the keys of the draws it shares with other runs.  */
struct uncertainty_item
{
  double count;
  double runtime_h;      /* Its own runtime at the point estimate.  */
  double power_w;        /* At the point load.  */
  const double *curve_w; /* Watts at catalogue_power_loads, for an
                            uncertain load; not copied.  */
  size_t curve;          /* Below spec ncurves; runs with the same
                            curve share it.  */
  double power_sigma;    /* Of the lognormal power factor; every
                            run of a power key must have the same.  */
  size_t power_key;
  double embodied_kgco2e;
  double embodied_low_kgco2e;
  double embodied_high_kgco2e;
  size_t host;
  double pue;
  double pue_low;
  double pue_high;
  double grid_gco2e_per_kwh;
  double grid_low;
  double grid_high;
  size_t region;
  double cost_usd; /* Of the point estimate; NaN if unknown.  */
  bool gpu_scaled; /* Its runtime scales with GPU speed: sample S's
                      runtime is the point one x (ref speed / its speed
                      as drawn in S) / (the same at the point).  */
  size_t gpu;      /* Its GPU model, below spec ngpus.  */
  bool competes;   /* Takes part in uncertainty_fronts.  */
};

/* p5, p50 and p95 of a run's total and cost.  */
struct uncertainty_summary
{
  double total_gco2e[3];
  double cost_usd[3];
};

/* What uncertainty_fronts found.  */
struct uncertainty_front_stats
{
  size_t competing; /* Items that compete.  */
  size_t survivors; /* Of those, left after pruning.  */
};

/* Called now and then with the share of the work done, 0 to 1.  */
typedef void uncertainty_progress_fn (double done, void *arg);

struct uncertainty;

/* The shared keys of a catalogue's instance types: per instance, its
   power key ((provider, family) for a modelled curve, (provider, host
   CPU) for a measured one) and its host key ((provider, family)).  */
struct uncertainty_keys
{
  size_t *power_key; /* Per instance, in catalogue order.  */
  size_t *host;
  size_t npower_keys;
  size_t nhosts;
};

/* Build the keys of CAT's instances.  Free with uncertainty_keys_free.  */
struct uncertainty_keys *uncertainty_keys_new (const struct catalogue *cat);
void uncertainty_keys_free (struct uncertainty_keys *keys);

/* Fill *OUT from RUN, a Teads run of PARAMS in CAT, with the catalogue's
   ranges: the region's grid (location-based figures only: a marginal or
   market-based run, or one with --grid-intensity, has an exact grid) and
   PUE (exact with --pue), the instance's embodied share, and the power
   error of its curve's origin at PARAMS' load.  COMPETES as given.  */
void uncertainty_item_from_run (const struct catalogue *cat,
                                const struct uncertainty_keys *keys,
                                const struct run *run,
                                const struct run_params *params, bool competes,
                                struct uncertainty_item *out);

/* Draw every shared figure for SPEC's samples, for the N ITEMS (not
   copied: they must outlive the result).  Returns a new sampler, or
   NULL with D set (CA_EXIT_USAGE for a bad range or sample count,
   CA_EXIT_FAILURE for items that disagree on a shared key's spread or
   a key out of its space).  Free with uncertainty_free.  */
struct uncertainty *uncertainty_new (const struct uncertainty_spec *spec,
                                     const struct uncertainty_item *items,
                                     size_t n, struct diag *d);
void uncertainty_free (struct uncertainty *u);

/* The number of samples of U.  */
size_t uncertainty_samples (const struct uncertainty *u);

/* Item I's total gCO2e and cost in every sample, into TOTAL and COST
   (each of uncertainty_samples elements; either may be NULL).  With
   every range of zero width each sample is the point estimate, to the
   last bit.  */
void uncertainty_item_samples (const struct uncertainty *u, size_t i,
                               double *total, double *cost);

/* Item I's p5, p50 and p95 into *OUT.  After uncertainty_summarise_all,
   not to be called on two threads at once.  */
void uncertainty_summarise (const struct uncertainty *u, size_t i,
                            struct uncertainty_summary *out);

/* The most threads uncertainty_summarise_all runs on.  */
#define UNCERTAINTY_MAX_THREADS 16

/* Work to do while the threads of uncertainty_summarise_all start.  */
typedef void uncertainty_meanwhile_fn (void *arg);

/* Every item's p5, p50 and p95, for the uncertainty_summarise calls to
   come, worked out on a thread per processor (each item's on its own
   and kept in its own place, so that the figures are the same whatever
   the threads and their order), with the draws the items share kept
   (at most 8 MiB) for them and for uncertainty_fronts.  MEANWHILE, if
   not NULL, is called with ARG on this thread while the others start,
   which then joins them: it may read U (uncertainty_fronts,
   uncertainty_p_less) but not summarise.  It returns with the last
   items still being summarised by the others, so that the rows can be
   written meanwhile: uncertainty_summarise waits for none, it makes an
   item not done yet itself; uncertainty_free joins the threads.  */
void uncertainty_summarise_all (struct uncertainty *u,
                                uncertainty_meanwhile_fn *meanwhile,
                                void *arg);

/* The share of samples in which item A's total is below item B's.  */
double uncertainty_p_less (const struct uncertainty *u, size_t a, size_t b);

/* For every competing item, the share of samples in which no other
   competing item dominates it on (cost, total), into P_FRONT (per item;
   NaN for those that do not compete).  With SPEC's prune, an item whose
   least possible total (every draw at its most favourable) is above
   another's greatest possible total at no greater cost is dominated in
   every sample and gets 0 without being sampled.  PROGRESS, if not NULL,
   is called with ARG as the work proceeds.  Fills *STATS.  */
void uncertainty_fronts (const struct uncertainty *u, double *p_front,
                         struct uncertainty_front_stats *stats,
                         uncertainty_progress_fn *progress, void *arg);

#endif /* CA_UNCERTAINTY_H */
