/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sampler's state, shared by the uncertainty modules: the job's
   draws per sample, and as many of the shared draws as
   UNCERTAINTY_KEPT_BYTES holds; every other draw is made on demand
   (uncertainty-draws.h).  */
#ifndef CA_UNCERTAINTY_PRIVATE_H
#define CA_UNCERTAINTY_PRIVATE_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <gsl/gsl_interp.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "model/footprint.h"
#include "search/uncertainty.h"

/* Whether A and B are the same number: the build forbids == on
   doubles, but here exact equality is what is meant.  */
static inline bool
same_value (double a, double b)
{
  return !(a < b) && !(a > b);
}

/* The most memory the shared draws kept per key take: every key's draws
   of a thousand samples (some 900 keys), so that a run's totals read
   them instead of drawing them again, as many keys as fit for more
   samples, and the rest made on demand as before.  */
#define UNCERTAINTY_KEPT_BYTES ((size_t) 8 << 20)

struct uncertainty
{
  struct uncertainty_spec spec;
  const struct uncertainty_item *items;
  size_t n;
  size_t samples;
  bool load_fixed;
  double *load;        /* Per sample, for an uncertain load; else NULL.  */
  double *ratio;       /* Per sample: drawn runtime / point.  */
  double *life_h;      /* Per sample.  */
  gsl_interp **curves; /* Per curve in use, for an uncertain load; set
                          up by uncertainty_new.  */
  double load_low, load_high;
  double ratio_low, ratio_high;
  double life_low, life_high;
  bool gpu_varies;      /* Some item's GPU speed ratio is drawn, so costs no
                           longer scale alike.  */
  double *ratio_sorted; /* RATIO in rising order.  */
  double *half;         /* Per sample, 0.5: the uniform number of an input
                           without width.  */
  double *one;          /* Per sample, 1: the factor of an exact power.  */
  /* The shared draws kept, per sample, or NULL for a key whose draws
     are made on demand: power error factors per power key, uniform
     numbers of embodied per host, and the PUE and grid intensity drawn
     per region, for the items whose low, point and high figures are
     PUE_OF's and GRID_OF's (those of the first item of the region).  */
  bool kept; /* uncertainty_keep_plan has run.  */
  double **factors;
  double **host_u;
  double **pue_v;
  double **grid_v;
  double (*pue_of)[3];
  double (*grid_of)[3];
  /* Every item's quantiles, made by uncertainty_summarise_all's threads
     or on demand, and the state of that work (uncertainty-summary.c), or
     NULL before uncertainty_summarise_all.  */
  struct uncertainty_summary *sums;
  struct summary_work *work;
};

/* Keep the draws the items share, most costly first: the power error
   factors (an inverse normal and an exponential each), then the uniform
   numbers of hosts and the PUE and grid of regions, each for the keys
   the items use and only those with a spread, within
   UNCERTAINTY_KEPT_BYTES (uncertainty-keep.c).  Once; before it, every
   draw is made on demand, as a few summaries and a front of few
   candidates are best served.  uncertainty_keep_plan settles the keys
   (NULL once done), then every thread calls uncertainty_keep_fill,
   which returns when all the draws are made; U is not to be read
   meanwhile.  */
struct uncertainty_keeping;
struct uncertainty_keeping *uncertainty_keep_plan (struct uncertainty *u);
void uncertainty_keep_fill (struct uncertainty_keeping *k);
void uncertainty_keep_plan_free (struct uncertainty_keeping *k);

/* Wait for the threads of uncertainty_summarise_all, if any, and free
   what they used.  */
void uncertainty_summaries_free (struct uncertainty *u);

/* Item I's watts at the loads of samples FROM to FROM + COUNT - 1 into
   W (its point watts when the load is exact): the same for every item
   of its curve.  */
void uncertainty_item_watts (const struct uncertainty *u, size_t i,
                             size_t from, size_t count, double *w);

/* Item I's power error factors for samples FROM to FROM + COUNT - 1
   into F: the same for every item of its power key.  */
void uncertainty_item_factors (const struct uncertainty *u, size_t i,
                               size_t from, size_t count, double *f);

/* Item IT's total gCO2e, before the runtime ratio, with the figures a
   sample drew for it: one instance's WATTS (its power error included),
   the PUE, the GRID intensity, the EMBODIED share and the hardware
   lifetime LIFE_H in hours.  By the model's formula (footprint_compute),
   so that the point figures give the point total to the last bit.
   Inline: it runs for every item in every sample.  */
static inline double
uncertainty_item_total (const struct uncertainty_item *it, double watts,
                        double pue, double grid, double embodied,
                        double life_h)
{
  struct footprint_job job
    = { .runtime_h = it->runtime_h, .count = it->count, .lifetime_h = life_h };
  /* The cost is not drawn: it scales with the runtime alone
     (uncertainty_item_costs).  */
  struct footprint_site site = { .power_w = watts,
                                 .embodied_kgco2e = embodied,
                                 .pue = pue,
                                 .grid_gco2e_per_kwh = grid,
                                 .price_usd_per_h = NAN };
  struct footprint fp;

  footprint_compute (&job, &site, &fp);
  return fp.total_gco2e;
}

/* Item I's totals for samples FROM to FROM + COUNT - 1 into TOTAL,
   from its WATTS and FACTORS for those samples as the two above give
   them, or NULL to have them made.  */
void uncertainty_item_totals (const struct uncertainty *u, size_t i,
                              size_t from, size_t count, const double *watts,
                              const double *factors, double *total);

/* Item I's costs for samples FROM to FROM + COUNT - 1 into COST.  */
void uncertainty_item_costs (const struct uncertainty *u, size_t i,
                             size_t from, size_t count, double *cost);

/* Two samples at once, in the vector instructions every x86-64 has (GCC's
   and Clang's vector extension; the compiler does not make the loops of
   the totals and the quantiles into vector instructions at -O2 on its
   own).  Each lane is the same IEEE operation as the scalar code's, so
   the figures are the same to the bit; the totals took most of the time
   of a summary, in their two divisions, which a vector instruction
   makes two at a time.  */
typedef double pair __attribute__ ((vector_size (2 * sizeof (double))));
typedef int64_t pair_mask __attribute__ ((vector_size (2 * sizeof (double))));

static inline pair
pair_load (const double *p)
{
  pair v;

  memcpy (&v, p, sizeof v);
  return v;
}

static inline pair
pair_of (double x)
{
  pair v = { x, x };

  return v;
}

/* The lanes of A where M is set, of B elsewhere.  */
static inline pair
pair_choose (pair_mask m, pair a, pair b)
{
  return (pair) (((pair_mask) a & m) | ((pair_mask) b & ~m));
}

/* Each lane of A where it is less than B's (not a NaN), else B's: SSE2's
   minimum is exactly that, in one instruction where the masks take
   four, on the chain of a running least.  */
static inline pair
pair_min (pair a, pair b)
{
#ifdef __SSE2__
  return (pair) _mm_min_pd ((__m128d) a, (__m128d) b);
#else
  return pair_choose ((pair_mask) (a < b), a, b);
#endif
}

/* Each lane of A where it is greater than B's, else B's.  */
static inline pair
pair_max (pair a, pair b)
{
#ifdef __SSE2__
  return (pair) _mm_max_pd ((__m128d) a, (__m128d) b);
#else
  return pair_choose ((pair_mask) (a > b), a, b);
#endif
}

/* The least and greatest of some values, and whether every one is a
   finite number above zero (the quantiles' bucketing takes only
   those).  */
struct value_bounds
{
  double lo;
  double hi;
  bool ok;
};

/* Buckets of the quantiles' values at most, and one more for the
   greatest (uncertainty-quantiles.c, order_stats): an index fits in a
   byte.  */
#define UNCERTAINTY_NBUCKETS 255

/* Some values' buckets, their place above LO times SCALE held to 0 to
   NB, into BUCKET, and the number of each bucket's values of even and
   odd place into COUNT and ODD: made by the totals as they go
   (uncertainty_totals_from_parts), on bounds guessed before them, for
   the quantiles to use where they serve.  The place never falls as the
   value rises, whatever the guess.  */
struct value_buckets
{
  double lo, scale;
  int nb;
  unsigned char *bucket;
  unsigned int count[UNCERTAINTY_NBUCKETS + 1];
  unsigned int odd[UNCERTAINTY_NBUCKETS + 1];
};

/* The two parts of a run's totals that the runs of an instance type
   share (uncertainty-samples.c, energy_parts), as a thread keeps them
   for the last run it summed, with the figures they were made of:
   ENERGY (before the PUE) of ENERGY_OF (count, runtime, point watts),
   the watts of ENERGY_CURVE and the factors of ENERGY_KEY; SCOPE3 of
   SCOPE3_OF (count, runtime) and the embodied figures last given; each
   with room for the samples, and not read while its OK is false.  */
struct uncertainty_parts
{
  double *energy;
  double energy_of[3];
  size_t energy_curve, energy_key;
  double *scope3;
  double scope3_of[2];
  bool energy_ok, scope3_ok;
  double energy_lo, energy_hi; /* ENERGY's least and greatest.  */
  double scope3_lo, scope3_hi;
  double *draws; /* Room for the draws made on demand: 6 x samples + 1.  */
};

/* Item I's totals for every sample into X and their bounds into *B,
   with its WATTS (NULL for an exact load) and EMBODIED figures, from
   the parts in P where they are the item's, else made there, and their
   buckets into *VB on bounds guessed from the parts' and the item's
   ranges.  The caller clears P->scope3_ok when it changes EMBODIED.  */
void uncertainty_totals_from_parts (const struct uncertainty *u, size_t i,
                                    const double *watts, const double *emb,
                                    struct uncertainty_parts *p, double *x,
                                    struct value_bounds *b,
                                    struct value_buckets *vb);

/* Item I's embodied figures for samples FROM to FROM + COUNT - 1 into
   EMB: the same for every item of its host and three figures.  */
void uncertainty_item_embodied (const struct uncertainty *u, size_t i,
                                size_t from, size_t count, double *emb);

/* Whether item I's runtime, and so its cost, scales with a GPU speed of
   its own draw.  */
bool uncertainty_gpu_drawn (const struct uncertainty *u, size_t i);

/* The p5, p50 and p95 of the N values X into OUT, as GSL's
   interpolation gives them of X sorted, but exactly a value itself when
   the two it lies between are equal.  B, if not NULL, holds X's bounds
   (else they are found), and VB, if not NULL, X's buckets in BUCKET.  X
   is reordered; BUCKET and BUF are scratch with room for N
   (uncertainty-quantiles.c).  */
void uncertainty_quantiles (double *x, size_t n, const struct value_bounds *b,
                            struct value_buckets *vb, unsigned char *bucket,
                            double *buf, double out[3]);

/* The same quantiles of C x SORTED[S] for the N values SORTED in rising
   order and C not below zero: multiplying by C keeps their order, so
   the values the quantiles read are C times SORTED's, and no sample is
   ordered again.  X is scratch with room for N.  */
void uncertainty_scaled_quantiles (const double *sorted, size_t n, double c,
                                   double *x, double out[3]);

#endif /* CA_UNCERTAINTY_PRIVATE_H */
