/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A run's samples (doc/METHODOLOGY.md, "Uncertainty"): its totals from
   the draws it shares with other runs, kept by the sampler or made on
   demand, and its costs; its quantiles; the odds of one run's total
   being below another's.  */
#include <config.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "search/uncertainty-draws.h"
#include "search/uncertainty-private.h"
#include "base/xalloc.h"

/* Item I's runtime factor from the GPU speeds drawn for samples FROM to
   FROM + COUNT - 1 into GF: speed_ref / speed_item as drawn over the same
   at the point, 1 exactly when the draws sit on the point or the item
   has the reference's GPU model (the same draw on both sides).  */
static void
gpu_factors (const struct uncertainty *u, size_t i, size_t from, size_t count,
             double *gf)
{
  const struct uncertainty_item *it = &u->items[i];
  const struct uncertainty_spec *sp = &u->spec;
  const struct uncertainty_range *rr, *rc;
  uint64_t sr, sc;
  size_t s;

  for (s = 0; s < count; s++)
    gf[s] = 1.0;
  if (!it->gpu_scaled || it->gpu == sp->gpu_reference)
    return;
  rr = &sp->gpu_speed[sp->gpu_reference];
  rc = &sp->gpu_speed[it->gpu];
  sr = draws_stream (sp->seed, DRAW_GPU, sp->gpu_reference);
  sc = draws_stream (sp->seed, DRAW_GPU, it->gpu);
  for (s = 0; s < count; s++)
    {
      double vr = draws_two_piece (draws_uniform (sr, from + s), rr->low,
                                   rr->mode, rr->high);
      double vc = draws_two_piece (draws_uniform (sc, from + s), rc->low,
                                   rc->mode, rc->high);

      gf[s] = (vr * rc->mode) / (vc * rr->mode);
    }
}

/* Whether item IT's runtime, and so its cost, scales with a GPU speed
   of its own draw.  */
static bool
gpu_drawn (const struct uncertainty *u, const struct uncertainty_item *it)
{
  return it->gpu_scaled && it->gpu != u->spec.gpu_reference;
}

void
uncertainty_item_watts (const struct uncertainty *u, size_t i, size_t from,
                        size_t count, double *w)
{
  const struct uncertainty_item *it = &u->items[i];
  size_t s;

  if (u->load_fixed)
    for (s = 0; s < count; s++)
      w[s] = it->power_w;
  else
    for (s = 0; s < count; s++)
      w[s]
        = draws_curve (u->curves[it->curve], it->curve_w, u->load[from + s]);
}

void
uncertainty_item_factors (const struct uncertainty *u, size_t i, size_t from,
                          size_t count, double *f)
{
  const struct uncertainty_item *it = &u->items[i];
  const double *kept = u->factors[it->power_key];
  uint64_t sf = draws_stream (u->spec.seed, DRAW_POWER, it->power_key);
  size_t s;

  if (kept != NULL && it->power_sigma > 0.0)
    {
      memcpy (f, kept + from, count * sizeof *f);
      return;
    }
  for (s = 0; s < count; s++)
    f[s] = it->power_sigma > 0.0
             ? exp (it->power_sigma * draws_normal (sf, from + s))
             : 1.0;
}

/* The figures of one item's samples that its totals read, each an
   array of the samples asked for: kept by the sampler or made into
   SCRATCH.  */
struct item_draws
{
  const double *watts; /* NULL for the point watts of an exact load.  */
  const double *factors;
  const double *pue;
  const double *grid;
  const double *host_u;
  const double *ratio; /* Runtime ratio, GPU speed's included.  */
  double *scratch;
};

/* KEPT from sample FROM on, or STREAM's uniform numbers for COUNT
   samples made into the next COUNT of *SCRATCH; HALF when the input
   does not VARY.  */
static const double *
uniforms (const struct uncertainty *u, bool varies, const double *kept,
          uint64_t stream, size_t from, size_t count, double **scratch)
{
  double *out = *scratch;
  size_t s;

  if (!varies)
    return u->half + from;
  if (kept != NULL)
    return kept + from;
  for (s = 0; s < count; s++)
    out[s] = draws_uniform (stream, from + s);
  *scratch += count;
  return out;
}

/* The figures two-piece around POINT between LOW and HIGH for COUNT
   samples from FROM: KEPT's when they are drawn for the same three
   figures (OF), else drawn from STREAM into the next COUNT of *SCRATCH
   (every one the point when the input does not VARY).  */
static const double *
values (bool varies, const double *kept, const double of[3], uint64_t stream,
        double low, double point, double high, size_t from, size_t count,
        double **scratch)
{
  double out3[3] = { low, point, high };
  double *out = *scratch;
  size_t s;

  if (varies && kept != NULL && memcmp (of, out3, sizeof out3) == 0)
    return kept + from;
  for (s = 0; s < count; s++)
    out[s] = draws_two_piece (varies ? draws_uniform (stream, from + s) : 0.5,
                              low, point, high);
  *scratch += count;
  return out;
}

/* Set *D up for item I's samples FROM to FROM + COUNT - 1, with its
   WATTS and FACTORS if given; free D->scratch when done.  */
static void
item_draws (const struct uncertainty *u, size_t i, size_t from, size_t count,
            const double *watts, const double *factors, struct item_draws *d)
{
  const struct uncertainty_item *it = &u->items[i];
  unsigned long seed = u->spec.seed;
  double *next;
  size_t s;

  next = d->scratch = xmalloc ((6 * count + 1) * sizeof *d->scratch);
  d->watts = watts;
  if (watts == NULL && !u->load_fixed)
    {
      uncertainty_item_watts (u, i, from, count, next);
      d->watts = next;
      next += count;
    }
  d->factors = factors;
  if (factors == NULL && !(it->power_sigma > 0.0))
    d->factors = u->one + from;
  else if (factors == NULL && u->factors[it->power_key] != NULL)
    d->factors = u->factors[it->power_key] + from;
  else if (factors == NULL)
    {
      uncertainty_item_factors (u, i, from, count, next);
      d->factors = next;
      next += count;
    }
  d->pue
    = values (it->pue_low < it->pue_high, u->pue_v[it->region],
              u->pue_of[it->region], draws_stream (seed, DRAW_PUE, it->region),
              it->pue_low, it->pue, it->pue_high, from, count, &next);
  d->grid = values (it->grid_low < it->grid_high, u->grid_v[it->region],
                    u->grid_of[it->region],
                    draws_stream (seed, DRAW_GRID, it->region), it->grid_low,
                    it->grid_gco2e_per_kwh, it->grid_high, from, count, &next);
  d->host_u = uniforms (
    u, it->embodied_low_kgco2e < it->embodied_high_kgco2e, u->host_u[it->host],
    draws_stream (seed, DRAW_HOST, it->host), from, count, &next);
  d->ratio = u->ratio + from;
  if (gpu_drawn (u, it))
    {
      gpu_factors (u, i, from, count, next);
      for (s = 0; s < count; s++)
        next[s] = u->ratio[from + s] * next[s];
      d->ratio = next;
    }
}

/* Item IT's totals for samples FROM to COUNT - 1 from the draws D, with
   the hardware lifetimes LIFE_H, into TOTAL.  */
static void
totals (const struct uncertainty_item *it, const struct item_draws *d,
        const double *life_h, size_t from, size_t count, double *total)
{
  size_t s;

  for (s = from; s < count; s++)
    total[s]
      = uncertainty_item_total (
          it, (d->watts != NULL ? d->watts[s] : it->power_w) * d->factors[s],
          d->pue[s], d->grid[s],
          draws_two_piece (d->host_u[s], it->embodied_low_kgco2e,
                           it->embodied_kgco2e, it->embodied_high_kgco2e),
          life_h[s])
        * d->ratio[s];
}

/* draws_two_piece lane by lane: both pieces' figures, as it works each
   out, and the one of U's piece chosen (a vector instruction works out
   both in the time of one, and the choice has no branch).  */
static inline pair
pair_two_piece (pair u, pair low, pair point, pair below_w, pair above_w)
{
  pair twice = pair_of (2.0) * u;

  return pair_choose ((pair_mask) (u < pair_of (0.5)), low + twice * below_w,
                      point + (twice - pair_of (1.0)) * above_w);
}

/* Item IT's totals for the COUNT samples, two at a time and the last
   alone: uncertainty_item_total's footprint_compute lane by lane, in
   its order of operations (the unit tests hold the two to the bit).  */
static void
totals_by_pairs (const struct uncertainty_item *it, const struct item_draws *d,
                 const double *restrict life_h, size_t count,
                 double *restrict total)
{
  const double *restrict w = d->watts, *restrict f = d->factors;
  const double *restrict pv = d->pue, *restrict gv = d->grid;
  const double *restrict hu = d->host_u, *restrict rt = d->ratio;
  pair n = pair_of (it->count), h = pair_of (it->runtime_h);
  pair point_w = pair_of (it->power_w);
  pair el = pair_of (it->embodied_low_kgco2e);
  pair ep = pair_of (it->embodied_kgco2e);
  pair ebw = ep - el, eaw = pair_of (it->embodied_high_kgco2e) - ep;
  size_t s;

  for (s = 0; s + 2 <= count; s += 2)
    {
      pair watts
        = (w != NULL ? pair_load (w + s) : point_w) * pair_load (f + s);
      pair emb = pair_two_piece (pair_load (hu + s), el, ep, ebw, eaw);
      pair energy = n * watts * h / pair_of (1000.0) * pair_load (pv + s);
      pair scope3 = n * emb * pair_of (1000.0) * h / pair_load (life_h + s);
      pair t = (energy * pair_load (gv + s) + scope3) * pair_load (rt + s);

      memcpy (total + s, &t, sizeof t);
    }
  totals (it, d, life_h, s, count, total);
}

void
uncertainty_item_totals (const struct uncertainty *u, size_t i, size_t from,
                         size_t count, const double *watts,
                         const double *factors, double *total)
{
  struct item_draws d;

  item_draws (u, i, from, count, watts, factors, &d);
  totals_by_pairs (&u->items[i], &d, u->life_h + from, count, total);
  free (d.scratch);
}

void
uncertainty_item_costs (const struct uncertainty *u, size_t i, size_t from,
                        size_t count, double *cost)
{
  size_t s;

  gpu_factors (u, i, from, count, cost);
  for (s = 0; s < count; s++)
    cost[s] = u->items[i].cost_usd * (u->ratio[from + s] * cost[s]);
}

void
uncertainty_item_samples (const struct uncertainty *u, size_t i, double *total,
                          double *cost)
{
  if (total != NULL)
    uncertainty_item_totals (u, i, 0, u->samples, NULL, NULL, total);
  if (cost != NULL)
    uncertainty_item_costs (u, i, 0, u->samples, cost);
}

/* Item I's quantiles into *OUT, with X (2 x samples) and BUCKET
   (samples) as scratch.  */
static void
summarise (const struct uncertainty *u, size_t i, double *x,
           unsigned char *bucket, struct uncertainty_summary *out)
{
  const struct uncertainty_item *it = &u->items[i];
  size_t S = u->samples, k;

  uncertainty_item_totals (u, i, 0, S, NULL, NULL, x);
  uncertainty_quantiles (x, S, bucket, x + S, out->total_gco2e);
  if (isnan (it->cost_usd))
    for (k = 0; k < 3; k++)
      out->cost_usd[k] = NAN;
  /* A cost is its point cost times the runtime ratio, GPU speed's
     aside: its quantiles are the ratio's, scaled.  */
  else if (!gpu_drawn (u, it) && it->cost_usd >= 0.0)
    uncertainty_scaled_quantiles (u->ratio_sorted, S, it->cost_usd, x,
                                  out->cost_usd);
  else
    {
      uncertainty_item_costs (u, i, 0, S, x);
      uncertainty_quantiles (x, S, bucket, x + S, out->cost_usd);
    }
}

void
uncertainty_summarise (const struct uncertainty *u, size_t i,
                       struct uncertainty_summary *out)
{
  size_t S = u->samples;
  double *x;
  unsigned char *bucket;

  if (u->summed != NULL && u->summed[i])
    {
      *out = u->sums[i];
      return;
    }
  x = xmalloc ((2 * S + 1) * sizeof *x);
  bucket = xmalloc (S + 1);
  summarise (u, i, x, bucket, out);
  free (bucket);
  free (x);
}

/* The share of uncertainty_summarise_all's work of one thread: the next
   items are taken from a counter shared by all, a few at a time.  */
struct summary_work
{
  struct uncertainty *u;
  atomic_size_t next;
};

/* Items per take from the counter: enough that the threads seldom meet
   there, few enough that they finish together.  */
#define SUMMARY_CHUNK 64

static void *
summary_worker (void *arg)
{
  struct summary_work *w = arg;
  struct uncertainty *u = w->u;
  size_t S = u->samples, from, i;
  double *x = xmalloc ((2 * S + 1) * sizeof *x);
  unsigned char *bucket = xmalloc (S + 1);

  while ((from = atomic_fetch_add (&w->next, SUMMARY_CHUNK)) < u->n)
    for (i = from; i < u->n && i < from + SUMMARY_CHUNK; i++)
      summarise (u, i, x, bucket, &u->sums[i]);
  free (bucket);
  free (x);
  return NULL;
}

/* The threads to run on: one per processor online, at most
   UNCERTAINTY_MAX_THREADS, and none beyond the first for a few
   items.  */
static size_t
summary_threads (size_t n)
{
  long cpus = sysconf (_SC_NPROCESSORS_ONLN);
  size_t t = cpus > 1 ? (size_t) cpus : 1;

  if (t > UNCERTAINTY_MAX_THREADS)
    t = UNCERTAINTY_MAX_THREADS;
  if (t > n / SUMMARY_CHUNK + 1)
    t = n / SUMMARY_CHUNK + 1;
  return t;
}

void
uncertainty_summarise_all (struct uncertainty *u)
{
  struct summary_work w = { .u = u };
  pthread_t tid[UNCERTAINTY_MAX_THREADS];
  size_t nthreads = summary_threads (u->n), started = 0, t;

  if (u->summed != NULL)
    return;
  u->sums = xcalloc (u->n + 1, sizeof *u->sums);
  atomic_init (&w.next, 0);
  /* This thread works too; a thread that does not start leaves its
     share to the others.  */
  for (t = 1; t < nthreads; t++)
    if (pthread_create (&tid[started], NULL, summary_worker, &w) == 0)
      started++;
  summary_worker (&w);
  for (t = 0; t < started; t++)
    pthread_join (tid[t], NULL);
  u->summed = xcalloc (u->n + 1, sizeof *u->summed);
  for (t = 0; t < u->n; t++)
    u->summed[t] = true;
}

double
uncertainty_p_less (const struct uncertainty *u, size_t a, size_t b)
{
  size_t S = u->samples, s, less = 0;
  double *ta = xcalloc (S + 1, sizeof *ta);
  double *tb = xcalloc (S + 1, sizeof *tb);

  uncertainty_item_totals (u, a, 0, S, NULL, NULL, ta);
  uncertainty_item_totals (u, b, 0, S, NULL, NULL, tb);
  for (s = 0; s < S; s++)
    less += ta[s] < tb[s];
  free (ta);
  free (tb);
  return (double) less / (double) S;
}
