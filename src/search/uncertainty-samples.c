/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A run's samples (doc/METHODOLOGY.md, "Uncertainty"): its totals from
   the draws it shares with other runs, kept by the sampler or made on
   demand, and from the parts of them that the runs of an instance type
   share; its costs; the odds of one run's total being below another's.
   Their quantiles are uncertainty-summary.c's.  */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Item I's watts and power error factors for COUNT samples from FROM
   into D, where not given, in the next of *SCRATCH when made.  */
static void
power_draws (const struct uncertainty *u, size_t i, size_t from, size_t count,
             struct item_draws *d, double **scratch)
{
  const struct uncertainty_item *it = &u->items[i];

  if (d->watts == NULL && !u->load_fixed)
    {
      uncertainty_item_watts (u, i, from, count, *scratch);
      d->watts = *scratch;
      *scratch += count;
    }
  if (d->factors == NULL && !(it->power_sigma > 0.0))
    d->factors = u->one + from;
  else if (d->factors == NULL && u->factors[it->power_key] != NULL)
    d->factors = u->factors[it->power_key] + from;
  else if (d->factors == NULL)
    {
      uncertainty_item_factors (u, i, from, count, *scratch);
      d->factors = *scratch;
      *scratch += count;
    }
}

/* Set *D up for item I's samples FROM to FROM + COUNT - 1, with its
   WATTS, FACTORS and EMBODIED figures if given, and without its watts
   and factors at all (both NULL) unless it NEEDS_POWER; the draws made
   into ROOM, 6 x COUNT + 1, if not NULL, else into D->scratch, to free
   when done.  */
static void
item_draws (const struct uncertainty *u, size_t i, size_t from, size_t count,
            const double *watts, const double *factors, const double *emb,
            bool needs_power, double *room, struct item_draws *d)
{
  const struct uncertainty_item *it = &u->items[i];
  unsigned long seed = u->spec.seed;
  double *next;
  size_t s;

  d->scratch = NULL;
  next = room != NULL
           ? room
           : (d->scratch = xmalloc ((6 * count + 1) * sizeof *d->scratch));
  d->watts = watts;
  d->factors = factors;
  if (!needs_power)
    d->watts = d->factors = NULL;
  else
    power_draws (u, i, from, count, d, &next);
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

/* A run's total is its energy before the PUE, COUNT x WATTS x RUNTIME
   / 1000, times the PUE and the grid, plus its Scope 3, COUNT x EMBODIED
   x 1000 x RUNTIME / LIFETIME, all times the runtime ratio: the two
   parts, each with one of the total's two divisions (which took most of
   the time of the totals), are the same for every region of an instance
   type, so summarise makes them once for its runs.  Each is
   footprint_compute's in its order of operations, two samples at a
   time and the last alone (the unit tests hold them to the bit).  */

/* Item IT's energy before the PUE for the COUNT samples of D into
   ENERGY.  */
static void
energy_parts (const struct uncertainty_item *it, const struct item_draws *d,
              size_t count, double *restrict energy)
{
  const double *restrict w = d->watts, *restrict f = d->factors;
  pair n = pair_of (it->count), h = pair_of (it->runtime_h);
  pair point_w = pair_of (it->power_w);
  size_t s;

  for (s = 0; s + 2 <= count; s += 2)
    {
      pair watts
        = (w != NULL ? pair_load (w + s) : point_w) * pair_load (f + s);
      pair e = n * watts * h / pair_of (1000.0);

      memcpy (energy + s, &e, sizeof e);
    }
  for (; s < count; s++)
    energy[s] = it->count * ((w != NULL ? w[s] : it->power_w) * f[s])
                * it->runtime_h / 1000.0;
}

/* Item IT's Scope 3 for the COUNT samples of D, with the hardware
   lifetimes LIFE_H, into SCOPE3.  */
static void
scope3_parts (const struct uncertainty_item *it, const struct item_draws *d,
              const double *restrict life_h, size_t count,
              double *restrict scope3)
{
  const double *restrict ev = d->emb;
  pair n = pair_of (it->count), h = pair_of (it->runtime_h);
  size_t s;

  for (s = 0; s + 2 <= count; s += 2)
    {
      pair c = n * pair_load (ev + s) * pair_of (1000.0) * h
               / pair_load (life_h + s);

      memcpy (scope3 + s, &c, sizeof c);
    }
  for (; s < count; s++)
    scope3[s] = it->count * ev[s] * 1000.0 * it->runtime_h / life_h[s];
}

/* The totals of the COUNT samples of D from their parts ENERGY and
   SCOPE3 into TOTAL, and their bounds into *B, as the quantiles' own
   pass finds them (uncertainty-quantiles.c).  */
/* The figures a run's totals are made of, per sample: its two parts
   and the draws of D.  */
struct parts_in
{
  const double *restrict energy, *restrict scope3;
  const double *restrict pue, *restrict grid, *restrict ratio;
};

/* The running least, greatest and sum of some totals (a NaN, which no
   bound keeps, makes the sum a NaN).  */
struct pair_bounds
{
  pair l, h, sum;
};

/* The buckets of the two totals T of samples S and S + 1 into BUCKET,
   and their counts, even and ODD, into COUNT: their place above LO
   times SCALE, held to 0 to TOP (a NaN's to TOP), never falls as a
   total rises.  */
static inline void
pair_bucket (pair t, size_t s, pair lo, pair scale, pair top,
             unsigned char *restrict bucket, unsigned int *restrict count,
             unsigned int *restrict odd)
{
  pair q = pair_max (pair_min ((t - lo) * scale, top), pair_of (0.0));
  unsigned char b0 = (unsigned char) (int) q[0];
  unsigned char b1 = (unsigned char) (int) q[1];

  bucket[s] = b0;
  bucket[s + 1] = b1;
  count[b0]++;
  odd[b1]++;
}

/* Total T's bucket in VB, as pair_bucket finds it.  */
static unsigned char
bucket_of (double t, const struct value_buckets *vb)
{
  return (unsigned char) (int) fmax (
    fmin ((t - vb->lo) * vb->scale, (double) vb->nb), 0.0);
}

/* The total of the two samples from S of P into TOTAL, taken into the
   bounds B.  */
static inline pair
pair_total (const struct parts_in *p, size_t s, double *restrict total,
            struct pair_bounds *b)
{
  pair t = (pair_load (p->energy + s) * pair_load (p->pue + s)
              * pair_load (p->grid + s)
            + pair_load (p->scope3 + s))
           * pair_load (p->ratio + s);

  memcpy (total + s, &t, sizeof t);
  b->l = pair_min (t, b->l);
  b->h = pair_max (t, b->h);
  b->sum += t;
  return t;
}

/* The totals of the pairs of samples from S of P, to COUNT, into
   TOTAL, four at a time, and taken into B0 and B1 (no pair waits on
   the last one's bounds), and their buckets into VB if not NULL; the
   first sample not done.  */
static size_t
pairs_total (const struct parts_in *p, size_t count, double *restrict total,
             struct pair_bounds *b0, struct pair_bounds *b1,
             struct value_buckets *vb)
{
  unsigned char *restrict bucket = vb != NULL ? vb->bucket : NULL;
  unsigned int *restrict even = vb != NULL ? vb->count : NULL;
  unsigned int *restrict odd = vb != NULL ? vb->odd : NULL;
  pair lo = pair_of (vb != NULL ? vb->lo : 0.0);
  pair scale = pair_of (vb != NULL ? vb->scale : 0.0);
  pair top = pair_of (vb != NULL ? (double) vb->nb : 0.0);
  size_t s;

  for (s = 0; s + 4 <= count; s += 4)
    {
      pair t0 = pair_total (p, s, total, b0);
      pair t1 = pair_total (p, s + 2, total, b1);

      if (vb != NULL)
        {
          pair_bucket (t0, s, lo, scale, top, bucket, even, odd);
          pair_bucket (t1, s + 2, lo, scale, top, bucket, even, odd);
        }
    }
  if (s + 2 <= count)
    {
      pair t0 = pair_total (p, s, total, b0);

      if (vb != NULL)
        pair_bucket (t0, s, lo, scale, top, bucket, even, odd);
      s += 2;
    }
  return s;
}

/* The totals of the COUNT samples of D from their parts ENERGY and
   SCOPE3 into TOTAL, their bounds into *B, as the quantiles' own pass
   finds them (uncertainty-quantiles.c), and their buckets into *VB if
   not NULL (set up but for the counts).  */
static void
totals_of_parts (const struct item_draws *d, const double *energy,
                 const double *scope3, size_t count, double *restrict total,
                 struct value_bounds *b, struct value_buckets *vb)
{
  const struct parts_in p = { energy, scope3, d->pue, d->grid, d->ratio };
  struct pair_bounds b0
    = { pair_of (INFINITY), pair_of (-INFINITY), pair_of (0.0) };
  struct pair_bounds b1 = b0;
  size_t s;

  if (vb != NULL)
    {
      memset (vb->count, 0, (size_t) (vb->nb + 1) * sizeof *vb->count);
      memset (vb->odd, 0, (size_t) (vb->nb + 1) * sizeof *vb->odd);
    }
  s = pairs_total (&p, count, total, &b0, &b1, vb);
  b0.l = pair_min (b1.l, b0.l);
  b0.h = pair_max (b1.h, b0.h);
  b0.sum += b1.sum;
  b->lo = fmin (b0.l[0], b0.l[1]);
  b->hi = fmax (b0.h[0], b0.h[1]);
  b->ok = !isnan (b0.sum[0] + b0.sum[1]);
  for (; s < count; s++)
    {
      total[s] = (energy[s] * p.pue[s] * p.grid[s] + scope3[s]) * p.ratio[s];
      b->lo = fmin (b->lo, total[s]);
      b->hi = fmax (b->hi, total[s]);
      b->ok = b->ok && !isnan (total[s]);
      if (vb != NULL)
        vb->count[vb->bucket[s] = bucket_of (total[s], vb)]++;
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
  double *parts = xmalloc ((2 * count + 1) * sizeof *parts);

  item_draws (u, i, from, count, watts, factors, emb, true, NULL, &d);
  energy_parts (&u->items[i], &d, count, parts);
  scope3_parts (&u->items[i], &d, u->life_h + from, count, parts + count);
  totals_of_parts (&d, parts, parts + count, count, total, b, NULL);
  free (parts);
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

/* The least and greatest of the N values X into *LO and *HI.  */
static void
range_of (const double *x, size_t n, double *lo, double *hi)
{
  size_t s;

  *lo = INFINITY;
  *hi = -INFINITY;
  for (s = 0; s < n; s++)
    {
      *lo = fmin (*lo, x[s]);
      *hi = fmax (*hi, x[s]);
    }
}

/* VB's bounds for item IT's totals, guessed from the ranges of its
   parts in P, of its PUE and grid and of the runtime ratio (GPU speed's
   aside): a total rises with each, so that they hold every total but
   for rounding, but need not, as a total out of them is held to the
   first or last bucket; a bucket per four samples or so.  */
static void
guess_buckets (const struct uncertainty *u, const struct uncertainty_item *it,
               const struct uncertainty_parts *p, struct value_buckets *vb)
{
  double lo = (p->energy_lo * it->pue_low * it->grid_low + p->scope3_lo)
              * u->ratio_low;
  double hi = (p->energy_hi * it->pue_high * it->grid_high + p->scope3_hi)
              * u->ratio_high;

  vb->nb = u->samples / 4 < UNCERTAINTY_NBUCKETS ? (int) (u->samples / 4)
                                                 : UNCERTAINTY_NBUCKETS;
  vb->lo = lo;
  vb->scale = (double) vb->nb / (hi - lo);
  /* Every total in the first bucket, for the quantiles to count again,
     when the guess is no range.  */
  if (!(vb->scale > 0.0 && vb->scale < INFINITY && isfinite (lo)))
    vb->lo = vb->scale = 0.0;
}

void
uncertainty_totals_from_parts (const struct uncertainty *u, size_t i,
                               const double *watts, const double *emb,
                               struct uncertainty_parts *p, double *x,
                               struct value_bounds *b,
                               struct value_buckets *vb)
{
  const struct uncertainty_item *it = &u->items[i];
  double energy_of[3] = { it->count, it->runtime_h, it->power_w };
  double scope3_of[2] = { it->count, it->runtime_h };
  bool energy_same
    = p->energy_ok && p->energy_curve == it->curve
      && p->energy_key == it->power_key
      && memcmp (p->energy_of, energy_of, sizeof energy_of) == 0;
  bool scope3_same
    = p->scope3_ok && memcmp (p->scope3_of, scope3_of, sizeof scope3_of) == 0;
  size_t S = u->samples;
  struct item_draws d;

  item_draws (u, i, 0, S, watts, NULL, emb, !energy_same, p->draws, &d);
  if (!energy_same)
    {
      energy_parts (it, &d, S, p->energy);
      range_of (p->energy, S, &p->energy_lo, &p->energy_hi);
      memcpy (p->energy_of, energy_of, sizeof energy_of);
      p->energy_curve = it->curve;
      p->energy_key = it->power_key;
      p->energy_ok = true;
    }
  if (!scope3_same)
    {
      scope3_parts (it, &d, u->life_h, S, p->scope3);
      range_of (p->scope3, S, &p->scope3_lo, &p->scope3_hi);
      memcpy (p->scope3_of, scope3_of, sizeof scope3_of);
      p->scope3_ok = true;
    }
  guess_buckets (u, it, p, vb);
  totals_of_parts (&d, p->energy, p->scope3, S, x, b, vb);
  free (d.scratch);
}

void
uncertainty_item_embodied (const struct uncertainty *u, size_t i, size_t from,
                           size_t count, double *emb)
{
  embodied (u, &u->items[i], from, count, &emb);
}

bool
uncertainty_gpu_drawn (const struct uncertainty *u, size_t i)
{
  return gpu_drawn (u, &u->items[i]);
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
