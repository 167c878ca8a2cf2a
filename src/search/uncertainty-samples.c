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
  const double *emb;
  const double *ratio; /* Runtime ratio, GPU speed's included.  */
  double *scratch;
};

/* The figures two-piece around POINT between LOW and HIGH for COUNT
   samples from FROM: KEPT's when they are drawn for the same three
   figures (OF), else drawn from the uniform numbers KEPT_U (or STREAM's
   when NULL) into the next COUNT of *SCRATCH (every one the point when
   the input does not VARY).  */
static const double *
values (bool varies, const double *kept, const double of[3],
        const double *kept_u, uint64_t stream, double low, double point,
        double high, size_t from, size_t count, double **scratch)
{
  double out3[3] = { low, point, high };
  double *out = *scratch;
  size_t s;

  if (varies && kept != NULL && memcmp (of, out3, sizeof out3) == 0)
    return kept + from;
  for (s = 0; s < count; s++)
    out[s]
      = draws_two_piece (!varies          ? 0.5
                         : kept_u != NULL ? kept_u[from + s]
                                          : draws_uniform (stream, from + s),
                         low, point, high);
  *scratch += count;
  return out;
}

/* Item IT's embodied figures for COUNT samples from FROM into the next
   COUNT of *SCRATCH.  */
static const double *
embodied (const struct uncertainty *u, const struct uncertainty_item *it,
          size_t from, size_t count, double **scratch)
{
  return values (it->embodied_low_kgco2e < it->embodied_high_kgco2e, NULL,
                 NULL, u->host_u[it->host],
                 draws_stream (u->spec.seed, DRAW_HOST, it->host),
                 it->embodied_low_kgco2e, it->embodied_kgco2e,
                 it->embodied_high_kgco2e, from, count, scratch);
}

/* Set *D up for item I's samples FROM to FROM + COUNT - 1, with its
   WATTS, FACTORS and EMBODIED figures if given; free D->scratch when
   done.  */
static void
item_draws (const struct uncertainty *u, size_t i, size_t from, size_t count,
            const double *watts, const double *factors, const double *emb,
            struct item_draws *d)
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
  d->pue = values (it->pue_low < it->pue_high, u->pue_v[it->region],
                   u->pue_of[it->region], NULL,
                   draws_stream (seed, DRAW_PUE, it->region), it->pue_low,
                   it->pue, it->pue_high, from, count, &next);
  d->grid = values (it->grid_low < it->grid_high, u->grid_v[it->region],
                    u->grid_of[it->region], NULL,
                    draws_stream (seed, DRAW_GRID, it->region), it->grid_low,
                    it->grid_gco2e_per_kwh, it->grid_high, from, count, &next);
  d->emb = emb != NULL ? emb : embodied (u, it, from, count, &next);
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
          d->pue[s], d->grid[s], d->emb[s], life_h[s])
        * d->ratio[s];
}

/* Item IT's totals for the COUNT samples, two at a time and the last
   alone: uncertainty_item_total's footprint_compute lane by lane, in
   its order of operations (the unit tests hold the two to the bit).  */
static void
totals_by_pairs (const struct uncertainty_item *it, const struct item_draws *d,
                 const double *restrict life_h, size_t count,
                 double *restrict total, struct value_bounds *b)
{
  const double *restrict w = d->watts, *restrict f = d->factors;
  const double *restrict pv = d->pue, *restrict gv = d->grid;
  const double *restrict ev = d->emb, *restrict rt = d->ratio;
  pair n = pair_of (it->count), h = pair_of (it->runtime_h);
  pair point_w = pair_of (it->power_w);
  /* The bounds of the totals, as the quantiles' own pass finds them
     (uncertainty-quantiles.c), here where the loop waits on its
     divisions anyway.  */
  pair l = pair_of (INFINITY), hi = pair_of (-INFINITY), sum = pair_of (0.0);
  size_t s;

  for (s = 0; s + 2 <= count; s += 2)
    {
      pair watts
        = (w != NULL ? pair_load (w + s) : point_w) * pair_load (f + s);
      pair energy = n * watts * h / pair_of (1000.0) * pair_load (pv + s);
      pair scope3 = n * pair_load (ev + s) * pair_of (1000.0) * h
                    / pair_load (life_h + s);
      pair t = (energy * pair_load (gv + s) + scope3) * pair_load (rt + s);

      memcpy (total + s, &t, sizeof t);
      l = pair_choose ((pair_mask) (t < l), t, l);
      hi = pair_choose ((pair_mask) (t > hi), t, hi);
      sum += t;
    }
  totals (it, d, life_h, s, count, total);
  b->lo = fmin (l[0], l[1]);
  b->hi = fmax (hi[0], hi[1]);
  b->ok = !isnan (sum[0] + sum[1]);
  for (; s < count; s++)
    {
      b->lo = fmin (b->lo, total[s]);
      b->hi = fmax (b->hi, total[s]);
      b->ok = b->ok && !isnan (total[s]);
    }
  b->ok = b->ok && b->lo > 0.0 && b->hi < INFINITY;
}

/* uncertainty_item_totals, with item I's EMBODIED figures if given, and
   the totals' bounds into *B.  */
static void
item_totals (const struct uncertainty *u, size_t i, size_t from, size_t count,
             const double *watts, const double *factors, const double *emb,
             double *total, struct value_bounds *b)
{
  struct item_draws d;

  item_draws (u, i, from, count, watts, factors, emb, &d);
  totals_by_pairs (&u->items[i], &d, u->life_h + from, count, total, b);
  free (d.scratch);
}

void
uncertainty_item_totals (const struct uncertainty *u, size_t i, size_t from,
                         size_t count, const double *watts,
                         const double *factors, double *total)
{
  struct value_bounds b;

  item_totals (u, i, from, count, watts, factors, NULL, total, &b);
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

/* One thread's scratch for summarise: the values and buckets of the
   quantiles, and the watts and embodied figures of the last instance
   type summarised (every run of a type has the same), so that a thread
   given the runs of a type in a row draws them once.  */
struct summary_scratch
{
  double *x;             /* 2 x samples.  */
  unsigned char *bucket; /* Samples.  */
  double *watts;         /* Samples, of curve CURVE, for an uncertain
                            load.  */
  size_t curve;          /* SIZE_MAX before the first.  */
  double *emb;           /* Samples, drawn for host HOST and the three
                            figures EMB_OF.  */
  size_t host;
  double emb_of[3];
};

static void
scratch_init (struct summary_scratch *sc, size_t S)
{
  sc->x = xmalloc ((2 * S + 1) * sizeof *sc->x);
  sc->bucket = xmalloc (S + 1);
  sc->watts = xmalloc ((S + 1) * sizeof *sc->watts);
  sc->emb = xmalloc ((S + 1) * sizeof *sc->emb);
  sc->curve = sc->host = SIZE_MAX;
}

static void
scratch_free (struct summary_scratch *sc)
{
  free (sc->x);
  free (sc->bucket);
  free (sc->watts);
  free (sc->emb);
}

/* Item I's quantiles into *OUT, with SC's scratch and draws.  */
static void
summarise (const struct uncertainty *u, size_t i, struct summary_scratch *sc,
           struct uncertainty_summary *out)
{
  const struct uncertainty_item *it = &u->items[i];
  double of[3] = { it->embodied_low_kgco2e, it->embodied_kgco2e,
                   it->embodied_high_kgco2e };
  size_t S = u->samples, k;
  double *x = sc->x, *next = sc->emb;
  struct value_bounds b;

  if (!u->load_fixed && sc->curve != it->curve)
    {
      uncertainty_item_watts (u, i, 0, S, sc->watts);
      sc->curve = it->curve;
    }
  if (sc->host != it->host || memcmp (sc->emb_of, of, sizeof of) != 0)
    {
      embodied (u, it, 0, S, &next);
      sc->host = it->host;
      memcpy (sc->emb_of, of, sizeof of);
    }
  item_totals (u, i, 0, S, u->load_fixed ? NULL : sc->watts, NULL, sc->emb, x,
               &b);
  uncertainty_quantiles (x, S, &b, sc->bucket, x + S, out->total_gco2e);
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
      uncertainty_quantiles (x, S, NULL, sc->bucket, x + S, out->cost_usd);
    }
}

void
uncertainty_summarise (const struct uncertainty *u, size_t i,
                       struct uncertainty_summary *out)
{
  struct summary_scratch sc;

  if (u->summed != NULL && u->summed[i])
    {
      *out = u->sums[i];
      return;
    }
  scratch_init (&sc, u->samples);
  summarise (u, i, &sc, out);
  scratch_free (&sc);
}

/* The share of uncertainty_summarise_all's work of one thread: the next
   items of ORDER (by instance type) are taken from a counter shared by
   all, a few at a time.  */
struct summary_work
{
  struct uncertainty *u;
  const size_t *order;
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
  struct summary_scratch sc;
  size_t from, k;

  scratch_init (&sc, u->samples);
  while ((from = atomic_fetch_add (&w->next, SUMMARY_CHUNK)) < u->n)
    for (k = from; k < u->n && k < from + SUMMARY_CHUNK; k++)
      summarise (u, w->order[k], &sc, &u->sums[w->order[k]]);
  scratch_free (&sc);
  return NULL;
}

/* The N items of U by curve (their instance type), in order within
   each: a counting sort.  */
static size_t *
order_by_curve (const struct uncertainty *u)
{
  size_t nc = u->spec.ncurves, i;
  size_t *at = xcalloc (nc + 1, sizeof *at);
  size_t *order = xcalloc (u->n + 1, sizeof *order);

  for (i = 0; i < u->n; i++)
    at[u->items[i].curve + 1]++;
  for (i = 1; i < nc; i++)
    at[i] += at[i - 1];
  for (i = 0; i < u->n; i++)
    order[at[u->items[i].curve]++] = i;
  free (at);
  return order;
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
uncertainty_summarise_all (struct uncertainty *u,
                           uncertainty_meanwhile_fn *meanwhile, void *arg)
{
  struct summary_work w = { .u = u };
  pthread_t tid[UNCERTAINTY_MAX_THREADS];
  size_t nthreads = summary_threads (u->n), started = 0, t;
  size_t *order;

  if (u->summed != NULL)
    return;
  uncertainty_keep_shared (u);
  w.order = order = order_by_curve (u);
  u->sums = xcalloc (u->n + 1, sizeof *u->sums);
  atomic_init (&w.next, 0);
  /* This thread works too, once MEANWHILE is done; a thread that does
     not start leaves its share to the others.  */
  for (t = 1; t < nthreads; t++)
    if (pthread_create (&tid[started], NULL, summary_worker, &w) == 0)
      started++;
  if (meanwhile != NULL)
    meanwhile (arg);
  summary_worker (&w);
  for (t = 0; t < started; t++)
    pthread_join (tid[t], NULL);
  free (order);
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
