/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The share of samples in which each candidate is on the Pareto front
   of (cost, total), with the candidates that cannot reach it in any
   sample pruned by the bounds of their totals (doc/METHODOLOGY.md,
   "Uncertainty").  */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_interp.h>

#include "search/uncertainty-draws.h"
#include "search/uncertainty-private.h"
#include "base/xalloc.h"

/* Samples per block of the per-sample fronts: the totals of every
   surviving candidate for a block are kept at once.  */
#define BLOCK 32

/* Relative margin on the bounds of a total, far above the rounding of
   the dozen operations that compute one, so that a bound that prunes
   holds in every sample to the last bit.  */
#define BOUND_MARGIN 1e-9

/* What item_bounds needs beyond the sampler: per power key, the least
   and greatest uniform number drawn for its error (NaN until
   needed).  */
struct bounds
{
  double *u_low;
  double *u_high;
};

/* The least and greatest factor of item I's power error over the
   samples, into *LOW and *HIGH: exp (sigma x z) rises with the uniform
   number z is drawn from, so the factors at the least and greatest of
   those numbers bound it, and those take one pass over the samples of
   each power key instead of a normal draw each.  */
static void
factor_bounds (const struct uncertainty *u, struct bounds *b, size_t i,
               double *low, double *high)
{
  const struct uncertainty_item *it = &u->items[i];
  size_t key = it->power_key, s;

  *low = *high = 1.0;
  if (!(it->power_sigma > 0.0))
    return;
  if (isnan (b->u_low[key]))
    {
      uint64_t stream = draws_stream (u->spec.seed, DRAW_POWER, key);

      b->u_low[key] = b->u_high[key] = draws_uniform (stream, 0);
      for (s = 1; s < u->samples; s++)
        {
          double x = draws_uniform (stream, s);

          b->u_low[key] = fmin (b->u_low[key], x);
          b->u_high[key] = fmax (b->u_high[key], x);
        }
    }
  *low = exp (it->power_sigma * gsl_cdf_ugaussian_Pinv (b->u_low[key]));
  *high = exp (it->power_sigma * gsl_cdf_ugaussian_Pinv (b->u_high[key]));
}

/* The least and greatest total item I can have in any sample, before
   the runtime ratio (which scales every run of a sample alike), with a
   margin for rounding: every draw at its most and least favourable.
   Each factor of the total only rises with its draw, but the
   lifetime.  */
static void
item_bounds (const struct uncertainty *u, struct bounds *b, size_t i,
             double *low, double *high)
{
  const struct uncertainty_item *it = &u->items[i];
  double p_low = it->power_w, p_high = it->power_w;
  double f_low, f_high;

  factor_bounds (u, b, i, &f_low, &f_high);
  if (!u->load_fixed)
    draws_curve_bounds (u->curves[it->curve], it->curve_w, u->load_low,
                        u->load_high, &p_low, &p_high);
  *low = uncertainty_item_total (it, p_low * f_low, it->pue_low, it->grid_low,
                                 it->embodied_low_kgco2e, u->life_high)
         * (1.0 - BOUND_MARGIN);
  *high
    = uncertainty_item_total (it, p_high * f_high, it->pue_high, it->grid_high,
                              it->embodied_high_kgco2e, u->life_low)
      * (1.0 + BOUND_MARGIN);
}

/* Items in the order of the fronts' sweep: by point cost (every sample
   scales all costs by the same ratio, so the order holds in every
   sample), then by the least possible total.  */
struct sweep_item
{
  double cost;
  double low;
  double high;
  size_t index;
};

static int
compare_sweep (const void *pa, const void *pb)
{
  const struct sweep_item *a = pa;
  const struct sweep_item *b = pb;

  if (a->cost < b->cost)
    return -1;
  if (a->cost > b->cost)
    return 1;
  if (a->low < b->low)
    return -1;
  if (a->low > b->low)
    return 1;
  return (a->index > b->index) - (a->index < b->index);
}

/* Drop from the M items of V (in sweep order) those that some other item
   dominates in every sample: one at no greater cost whose greatest total
   is below their least.  Returns how many are left, moved to the front
   of V in order.  */
static size_t
prune (struct sweep_item *v, size_t m)
{
  double best = INFINITY; /* Least greatest total so far.  */
  size_t i = 0, j, k, kept = 0;

  while (i < m)
    {
      double group = INFINITY;

      for (j = i; j < m && same_value (v[j].cost, v[i].cost); j++)
        group = fmin (group, v[j].high);
      for (k = i; k < j; k++)
        if (!(fmin (best, group) < v[k].low))
          v[kept++] = v[k];
      best = fmin (best, group);
      i = j;
    }
  return kept;
}

/* In sample B, with the M items in ORDER by cost (index K into BLOCK's
   totals), count in ON_FRONT those that no other dominates: an item is
   dominated when a cheaper one emits no more, or one of the same cost
   emits less.  */
static void
sweep_sample (const struct sweep_item *order, size_t m, const double *block,
              size_t b, size_t *on_front)
{
  double best = INFINITY;
  size_t i, j, k;

  for (i = 0; i < m; i = j)
    {
      double group = INFINITY;

      for (j = i; j < m && same_value (order[j].cost, order[i].cost); j++)
        group = fmin (group, block[order[j].index * BLOCK + b]);
      for (k = i; k < j; k++)
        {
          double t = block[order[k].index * BLOCK + b];

          if (!(best <= t) && !(group < t))
            on_front[order[k].index]++;
        }
      best = fmin (best, group);
    }
}

/* The draws that items share, for one block of samples: the watts per
   curve and the power error factors per power key, each made once per
   block (the N-th block's when its AT is N + 1), not once per item:
   there are many more items than curves or keys.  */
struct block_draws
{
  double *watts; /* [curve x BLOCK + sample in block].  */
  size_t *watts_at;
  double *factors; /* [power key x BLOCK + sample in block].  */
  size_t *factors_at;
};

static void
block_draws_init (struct block_draws *bd, const struct uncertainty_spec *sp)
{
  bd->watts = xcalloc (sp->ncurves * BLOCK + 1, sizeof *bd->watts);
  bd->watts_at = xcalloc (sp->ncurves + 1, sizeof *bd->watts_at);
  bd->factors = xcalloc (sp->npower_keys * BLOCK + 1, sizeof *bd->factors);
  bd->factors_at = xcalloc (sp->npower_keys + 1, sizeof *bd->factors_at);
}

static void
block_draws_free (struct block_draws *bd)
{
  free (bd->watts);
  free (bd->watts_at);
  free (bd->factors);
  free (bd->factors_at);
}

/* The totals and costs of the M items of V for samples FROM to FROM +
   COUNT - 1 into BLOCK and CBLOCK, item K at K x BLOCK.  */
static void
block_totals (const struct uncertainty *u, const struct sweep_item *v,
              size_t m, size_t from, size_t count, struct block_draws *bd,
              double *block, double *cblock)
{
  size_t k, at = from / BLOCK + 1;

  for (k = 0; k < m; k++)
    {
      const struct uncertainty_item *it = &u->items[v[k].index];
      double *w = &bd->watts[it->curve * BLOCK];
      double *f = &bd->factors[it->power_key * BLOCK];

      if (bd->watts_at[it->curve] != at)
        {
          uncertainty_item_watts (u, v[k].index, from, count, w);
          bd->watts_at[it->curve] = at;
        }
      if (bd->factors_at[it->power_key] != at)
        {
          uncertainty_item_factors (u, v[k].index, from, count, f);
          bd->factors_at[it->power_key] = at;
        }
      uncertainty_item_totals (u, v[k].index, from, count, w, f,
                               &block[k * BLOCK]);
      uncertainty_item_costs (u, v[k].index, from, count, &cblock[k * BLOCK]);
    }
}

void
uncertainty_fronts (const struct uncertainty *u, double *p_front,
                    struct uncertainty_front_stats *stats,
                    uncertainty_progress_fn *progress, void *arg)
{
  size_t S = u->samples, i, m = 0, from, b, k;
  struct sweep_item *v = xcalloc (u->n + 1, sizeof *v);
  size_t *on_front;
  double *block, *cblock;
  struct sweep_item *order;
  struct bounds bd;
  struct block_draws draws;

  bd.u_low = xcalloc (u->spec.npower_keys + 1, sizeof *bd.u_low);
  bd.u_high = xcalloc (u->spec.npower_keys + 1, sizeof *bd.u_high);
  for (i = 0; i < u->spec.npower_keys; i++)
    bd.u_low[i] = bd.u_high[i] = NAN;
  for (i = 0; i < u->n; i++)
    {
      p_front[i] = NAN;
      if (!u->items[i].competes || isnan (u->items[i].cost_usd))
        continue;
      p_front[i] = 0.0;
      v[m].cost = u->items[i].cost_usd;
      v[m].index = i;
      item_bounds (u, &bd, i, &v[m].low, &v[m].high);
      m++;
    }
  free (bd.u_low);
  free (bd.u_high);
  stats->competing = m;
  qsort (v, m, sizeof *v, compare_sweep);
  /* The bounds leave out the GPU speed draws: no pruning with them.  */
  if (u->spec.prune && !u->gpu_varies)
    m = prune (v, m);
  stats->survivors = m;

  on_front = xcalloc (m + 1, sizeof *on_front);
  block = xcalloc (m * BLOCK + 1, sizeof *block);
  cblock = xcalloc (m * BLOCK + 1, sizeof *cblock);
  order = xcalloc (m + 1, sizeof *order);
  block_draws_init (&draws, &u->spec);
  for (from = 0; from < S; from += BLOCK)
    {
      size_t count = S - from < BLOCK ? S - from : BLOCK;

      block_totals (u, v, m, from, count, &draws, block, cblock);
      for (b = 0; b < count; b++)
        {
          for (k = 0; k < m; k++)
            {
              order[k].cost = cblock[k * BLOCK + b];
              order[k].index = k;
            }
          /* Every cost scales alike unless GPU speeds are drawn: then
             the sweep's order is sample B's own.  */
          if (u->gpu_varies)
            qsort (order, m, sizeof *order, compare_sweep);
          sweep_sample (order, m, block, b, on_front);
        }
      if (progress != NULL)
        progress ((double) (from + count) / (double) S, arg);
    }
  for (k = 0; k < m; k++)
    p_front[v[k].index] = (double) on_front[k] / (double) S;
  block_draws_free (&draws);
  free (order);
  free (cblock);
  free (block);
  free (on_front);
  free (v);
}
