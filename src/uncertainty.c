/* How sure each figure is: Monte Carlo over the spread of the data and
   of the job (doc/METHODOLOGY.md, "Uncertainty").  */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "footprint.h"
#include "uncertainty.h"
#include "xalloc.h"

/* Added to the seed for the stream of GPU speed draws.  */
#define GPU_STREAM 0x9e3779b9UL

/* Not a slot: a key no item uses gets no stored draws.  */
#define NO_SLOT ((size_t)-1)

/* Samples per block of the per-sample fronts: the totals of every
   surviving candidate for a block are kept at once.  */
#define BLOCK 32

/* Relative margin on the bounds of a total, far above the rounding of
   the dozen operations that compute one, so that a bound that prunes
   holds in every sample to the last bit.  */
#define BOUND_MARGIN 1e-9

/* The draws of one space of shared keys (regions, power keys, hosts):
   per key in use a slot, per slot one value per sample.  */
struct draws
{
  size_t *slot; /* Per key: its slot or NO_SLOT.  */
  size_t nslots;
  double *value; /* [slot x samples + sample].  */
  double *low;   /* Per slot, over the samples.  */
  double *high;
};

struct uncertainty
{
  struct uncertainty_spec spec;
  const struct uncertainty_item *items;
  size_t n;
  size_t samples;
  bool load_fixed;
  double *ratio;  /* Per sample: drawn runtime / point.  */
  double *life_h; /* Per sample.  */
  double ratio_low, ratio_high;
  double life_low, life_high;
  struct draws grid;   /* Uniform 0-1 per region.  */
  struct draws pue;    /* Uniform 0-1 per region.  */
  struct draws factor; /* exp (sigma x N (0, 1)) per power key.  */
  double *sigma;       /* Per power slot.  */
  struct draws host;   /* Uniform 0-1 per host.  */
  struct draws power;  /* Watts per curve, for an uncertain
                          load.  */
  struct draws gpu;    /* Speed per GPU model.  */
  bool gpu_varies;     /* Some item's GPU speed ratio is drawn, so
                          costs no longer scale alike.  */
};

static bool
same_value (double a, double b)
{
  return !(a < b) && !(a > b);
}

static void
draws_init (struct draws *d, size_t nkeys)
{
  size_t i;

  d->slot = xcalloc (nkeys + 1, sizeof *d->slot);
  for (i = 0; i < nkeys; i++)
    d->slot[i] = NO_SLOT;
  d->nslots = 0;
  d->value = NULL;
  d->low = d->high = NULL;
}

static void
draws_use (struct draws *d, size_t key)
{
  if (d->slot[key] == NO_SLOT)
    d->slot[key] = d->nslots++;
}

static void
draws_alloc (struct draws *d, size_t samples)
{
  d->value = xcalloc (d->nslots * samples + 1, sizeof *d->value);
  d->low = xcalloc (d->nslots + 1, sizeof *d->low);
  d->high = xcalloc (d->nslots + 1, sizeof *d->high);
}

static void
draws_bounds (struct draws *d, size_t samples)
{
  size_t k, s;

  for (k = 0; k < d->nslots; k++)
    {
      const double *v = &d->value[k * samples];

      d->low[k] = d->high[k] = v[0];
      for (s = 1; s < samples; s++)
        {
          d->low[k] = fmin (d->low[k], v[s]);
          d->high[k] = fmax (d->high[k], v[s]);
        }
    }
}

static void
draws_free (struct draws *d)
{
  free (d->slot);
  free (d->value);
  free (d->low);
  free (d->high);
}

/* Store V as key KEY's draw for sample S, if an item uses KEY.  */
static void
draws_put (struct draws *d, size_t key, size_t samples, size_t s, double v)
{
  if (d->slot[key] != NO_SLOT)
    d->value[d->slot[key] * samples + s] = v;
}

/* The figure at quantile U (0-1) of the two-piece uniform around POINT:
   half the draws uniform on [LOW, POINT], half on [POINT, HIGH], so
   that POINT is the median whatever its place in the range.  With
   LOW == POINT == HIGH it is POINT exactly.  */
static double
two_piece (double u, double low, double point, double high)
{
  if (u < 0.5)
    return low + 2.0 * u * (point - low);
  return point + (2.0 * u - 1.0) * (high - point);
}

/* A draw from R: uniform on [LOW, HIGH] or triangular.  An exact range
   still takes its uniform number, so that the draws of everything else
   do not depend on which ranges are exact.  */
static double
draw_range (gsl_rng *rng, const struct uncertainty_range *r)
{
  double u = gsl_rng_uniform (rng);
  double width = r->high - r->low;
  double f;

  if (!(width > 0.0))
    return r->mode;
  if (!r->triangular)
    return r->low + u * width;
  /* The inverse of the triangular distribution's CDF.  */
  f = (r->mode - r->low) / width;
  if (u < f)
    return r->low + sqrt (u * width * (r->mode - r->low));
  return r->high - sqrt ((1.0 - u) * width * (r->high - r->mode));
}

static bool
range_ok (const struct uncertainty_range *r)
{
  return isfinite (r->low) && isfinite (r->high) && r->low <= r->mode
         && r->mode <= r->high;
}

/* A power curve built once and evaluated at every sampled load as
   power_at_load does: a measured point exactly, Steffen's curve in
   between, clamped to the segment.  */
static double
curve_eval (gsl_interp *interp, const double *w, double load)
{
  size_t i;
  double v = w[0];

  for (i = 0; i < CATALOGUE_POWER_POINTS; i++)
    if (same_value (load, catalogue_power_loads[i]))
      return w[i];
  if (gsl_interp_eval_e (interp, catalogue_power_loads, w, load, NULL, &v)
      != GSL_SUCCESS)
    return NAN;
  for (i = 1; i < CATALOGUE_POWER_POINTS; i++)
    if (load < catalogue_power_loads[i])
      return fmax (w[i - 1], fmin (w[i], v));
  return v;
}

/* Check the items against the spec and mark the keys they use.  */
static int
use_keys (struct uncertainty *u, struct diag *d)
{
  const struct uncertainty_spec *sp = &u->spec;
  size_t i;

  draws_init (&u->grid, sp->nregions);
  draws_init (&u->pue, sp->nregions);
  draws_init (&u->factor, sp->npower_keys);
  draws_init (&u->host, sp->nhosts);
  draws_init (&u->power, sp->ncurves);
  draws_init (&u->gpu, sp->ngpus);
  for (i = 0; i < sp->ngpus; i++)
    if (!range_ok (&sp->gpu_speed[i]) || !(sp->gpu_speed[i].low > 0.0))
      return diag_set (d, CA_EXIT_FAILURE,
                       "uncertainty: GPU model %zu: a bad speed range", i);
  for (i = 0; i < u->n; i++)
    {
      const struct uncertainty_item *it = &u->items[i];

      if (it->region >= sp->nregions || it->power_key >= sp->npower_keys
          || it->host >= sp->nhosts || it->curve >= sp->ncurves
          || (it->gpu_scaled
              && (it->gpu >= sp->ngpus || sp->gpu_reference >= sp->ngpus)))
        return diag_set (d, CA_EXIT_FAILURE,
                         "uncertainty: item %zu has a key out of range", i);
      if (!(it->grid_low <= it->grid_gco2e_per_kwh
            && it->grid_gco2e_per_kwh <= it->grid_high
            && it->pue_low <= it->pue && it->pue <= it->pue_high
            && it->embodied_low_kgco2e <= it->embodied_kgco2e
            && it->embodied_kgco2e <= it->embodied_high_kgco2e
            && it->power_sigma >= 0.0))
        return diag_set (d, CA_EXIT_FAILURE,
                         "uncertainty: item %zu: a figure outside its range",
                         i);
      draws_use (&u->grid, it->region);
      draws_use (&u->pue, it->region);
      draws_use (&u->factor, it->power_key);
      draws_use (&u->host, it->host);
      if (!u->load_fixed)
        draws_use (&u->power, it->curve);
      if (it->gpu_scaled)
        {
          draws_use (&u->gpu, it->gpu);
          draws_use (&u->gpu, sp->gpu_reference);
          u->gpu_varies = u->gpu_varies || it->gpu != sp->gpu_reference;
        }
    }
  u->sigma = xcalloc (u->factor.nslots + 1, sizeof *u->sigma);
  for (i = 0; i < u->factor.nslots; i++)
    u->sigma[i] = NAN;
  for (i = 0; i < u->n; i++)
    {
      const struct uncertainty_item *it = &u->items[i];
      double *sigma = &u->sigma[u->factor.slot[it->power_key]];

      if (isnan (*sigma))
        *sigma = it->power_sigma;
      else if (!same_value (*sigma, it->power_sigma))
        return diag_set (d, CA_EXIT_FAILURE,
                         "uncertainty: items of power key %zu disagree on "
                         "its error",
                         it->power_key);
    }
  return 0;
}

/* Draw everything, sample by sample in a fixed order: the job (load,
   runtime, lifetime), then per region its grid and PUE, per power key
   its error, per host its embodied figure.  Every key is drawn whether
   an item uses it or not, so that a run gets the same draws in estimate
   and in any advise that includes it.  */
static int
draw_all (struct uncertainty *u, struct diag *d)
{
  const struct uncertainty_spec *sp = &u->spec;
  size_t S = u->samples, s, k;
  double *load = xcalloc (S + 1, sizeof *load);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  int status = 0;

  if (rng == NULL)
    {
      free (load);
      return diag_set (d, CA_EXIT_FAILURE, "cannot allocate the generator");
    }
  gsl_rng_set (rng, sp->seed);
  u->ratio = xcalloc (S + 1, sizeof *u->ratio);
  u->life_h = xcalloc (S + 1, sizeof *u->life_h);
  draws_alloc (&u->grid, S);
  draws_alloc (&u->pue, S);
  draws_alloc (&u->factor, S);
  draws_alloc (&u->host, S);
  draws_alloc (&u->power, S);
  draws_alloc (&u->gpu, S);
  for (s = 0; s < S; s++)
    {
      load[s] = draw_range (rng, &sp->load_pct);
      u->ratio[s] = draw_range (rng, &sp->runtime_h) / sp->runtime_point_h;
      /* The point lifetime is the low end: half the draws sit on it.  */
      u->life_h[s] = two_piece (gsl_rng_uniform (rng),
                                sp->lifetime_low_years,
                                sp->lifetime_low_years,
                                sp->lifetime_high_years)
                     * FOOTPRINT_HOURS_PER_YEAR;
      for (k = 0; k < sp->nregions; k++)
        {
          double g = gsl_rng_uniform (rng);
          double p = gsl_rng_uniform (rng);

          draws_put (&u->grid, k, S, s, g);
          draws_put (&u->pue, k, S, s, p);
        }
      for (k = 0; k < sp->npower_keys; k++)
        {
          double z = gsl_ran_gaussian_ziggurat (rng, 1.0);
          size_t slot = u->factor.slot[k];

          if (slot != NO_SLOT)
            u->factor.value[slot * S + s] = exp (u->sigma[slot] * z);
        }
      for (k = 0; k < sp->nhosts; k++)
        draws_put (&u->host, k, S, s, gsl_rng_uniform (rng));
    }
  /* GPU speeds from a stream of their own, so that a run without GPU
     scaling (estimate, a CPU job) gets the same draws as before and as
     in an advise with it.  */
  gsl_rng_set (rng, sp->seed + GPU_STREAM);
  for (s = 0; s < S; s++)
    for (k = 0; k < sp->ngpus; k++)
      {
        const struct uncertainty_range *g = &sp->gpu_speed[k];

        draws_put (&u->gpu, k, S, s,
                   two_piece (gsl_rng_uniform (rng), g->low, g->mode,
                              g->high));
      }
  gsl_rng_free (rng);

  /* The power of each curve in use at each sampled load.  */
  if (!u->load_fixed)
    {
      bool *done = xcalloc (u->power.nslots + 1, sizeof *done);
      gsl_interp *interp
          = gsl_interp_alloc (gsl_interp_steffen, CATALOGUE_POWER_POINTS);

      for (k = 0; k < u->n && status == 0; k++)
        {
          const struct uncertainty_item *it = &u->items[k];
          size_t slot = u->power.slot[it->curve];

          if (done[slot])
            continue;
          done[slot] = true;
          if (interp == NULL
              || gsl_interp_init (interp, catalogue_power_loads, it->curve_w,
                                  CATALOGUE_POWER_POINTS)
                     != GSL_SUCCESS)
            {
              status = diag_set (d, CA_EXIT_DATAERR,
                                 "uncertainty: unusable power curve");
              break;
            }
          for (s = 0; s < S; s++)
            u->power.value[slot * S + s]
                = curve_eval (interp, it->curve_w, load[s]);
        }
      gsl_interp_free (interp);
      free (done);
    }
  free (load);

  draws_bounds (&u->factor, S);
  draws_bounds (&u->power, S);
  u->ratio_low = u->ratio_high = u->ratio[0];
  u->life_low = u->life_high = u->life_h[0];
  for (s = 1; s < S; s++)
    {
      u->ratio_low = fmin (u->ratio_low, u->ratio[s]);
      u->ratio_high = fmax (u->ratio_high, u->ratio[s]);
      u->life_low = fmin (u->life_low, u->life_h[s]);
      u->life_high = fmax (u->life_high, u->life_h[s]);
    }
  return status;
}

struct uncertainty *
uncertainty_new (const struct uncertainty_spec *spec,
                 const struct uncertainty_item *items, size_t n,
                 struct diag *d)
{
  struct uncertainty *u;

  if (spec->samples < 1 || spec->samples > UNCERTAINTY_MAX_SAMPLES)
    {
      diag_set (d, CA_EXIT_USAGE, "the number of samples must be from 1 to %d",
                UNCERTAINTY_MAX_SAMPLES);
      return NULL;
    }
  if (!range_ok (&spec->load_pct) || spec->load_pct.low < 0.0
      || spec->load_pct.high > 100.0)
    {
      diag_set (d, CA_EXIT_USAGE, "the load range must lie within 0-100 %%");
      return NULL;
    }
  if (!range_ok (&spec->runtime_h) || !(spec->runtime_h.low > 0.0)
      || !(spec->runtime_point_h > 0.0) || !(spec->lifetime_low_years > 0.0)
      || !(spec->lifetime_low_years <= spec->lifetime_high_years))
    {
      diag_set (d, CA_EXIT_USAGE,
                "the runtime and lifetime ranges must be above zero");
      return NULL;
    }
  u = xcalloc (1, sizeof *u);
  u->spec = *spec;
  u->items = items;
  u->n = n;
  u->samples = spec->samples;
  u->load_fixed = !(spec->load_pct.high > spec->load_pct.low);
  if (use_keys (u, d) < 0 || draw_all (u, d) < 0)
    {
      uncertainty_free (u);
      return NULL;
    }
  return u;
}

void
uncertainty_free (struct uncertainty *u)
{
  if (u == NULL)
    return;
  draws_free (&u->grid);
  draws_free (&u->pue);
  draws_free (&u->factor);
  draws_free (&u->host);
  draws_free (&u->power);
  draws_free (&u->gpu);
  free (u->sigma);
  free (u->ratio);
  free (u->life_h);
  free (u);
}

size_t
uncertainty_samples (const struct uncertainty *u)
{
  return u->samples;
}

/* Item I's runtime factor from the GPU speeds drawn for samples FROM to
   FROM + COUNT - 1 into GF: speed_ref / speed_item as drawn over the same
   at the point, 1 exactly when the draws sit on the point or the item
   has the reference's GPU model (the same draw on both sides).  */
static void
gpu_factors (const struct uncertainty *u, size_t i, size_t from,
             size_t count, double *gf)
{
  const struct uncertainty_item *it = &u->items[i];
  const struct uncertainty_spec *sp = &u->spec;
  const double *vr, *vc;
  double pr, pc;
  size_t s;

  for (s = 0; s < count; s++)
    gf[s] = 1.0;
  if (!it->gpu_scaled || it->gpu == sp->gpu_reference)
    return;
  vr = &u->gpu.value[u->gpu.slot[sp->gpu_reference] * u->samples + from];
  vc = &u->gpu.value[u->gpu.slot[it->gpu] * u->samples + from];
  pr = sp->gpu_speed[sp->gpu_reference].mode;
  pc = sp->gpu_speed[it->gpu].mode;
  for (s = 0; s < count; s++)
    gf[s] = (vr[s] * pc) / (vc[s] * pr);
}

/* Item I's totals for samples FROM to FROM + COUNT - 1 into TOTAL, in
   the order of footprint_compute's operations, so that a sample whose
   every draw sits on the point figure gives the point total exactly.  */
static void
item_totals (const struct uncertainty *u, size_t i, size_t from, size_t count,
             double *total)
{
  const struct uncertainty_item *it = &u->items[i];
  size_t S = u->samples;
  const double *g = &u->grid.value[u->grid.slot[it->region] * S + from];
  const double *p = &u->pue.value[u->pue.slot[it->region] * S + from];
  const double *f = &u->factor.value[u->factor.slot[it->power_key] * S + from];
  const double *h = &u->host.value[u->host.slot[it->host] * S + from];
  const double *w = u->load_fixed
                        ? NULL
                        : &u->power.value[u->power.slot[it->curve] * S + from];
  const double *ratio = &u->ratio[from];
  const double *life = &u->life_h[from];
  double *gf = xcalloc (count + 1, sizeof *gf);
  size_t s;

  gpu_factors (u, i, from, count, gf);
  for (s = 0; s < count; s++)
    {
      double power = w != NULL ? w[s] : it->power_w;
      double pue = two_piece (p[s], it->pue_low, it->pue, it->pue_high);
      double grid = two_piece (g[s], it->grid_low, it->grid_gco2e_per_kwh,
                               it->grid_high);
      double embodied
          = two_piece (h[s], it->embodied_low_kgco2e, it->embodied_kgco2e,
                       it->embodied_high_kgco2e);
      double energy
          = it->count * (power * f[s]) * it->runtime_h / 1000.0 * pue;
      double scope3 = it->count * embodied * 1000.0 * it->runtime_h / life[s];

      total[s] = (energy * grid + scope3) * (ratio[s] * gf[s]);
    }
  free (gf);
}

/* Item I's costs for samples FROM to FROM + COUNT - 1 into COST.  */
static void
item_costs (const struct uncertainty *u, size_t i, size_t from,
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
    item_totals (u, i, 0, u->samples, total);
  if (cost != NULL)
    item_costs (u, i, 0, u->samples, cost);
}

/* The F-quantile of the N sorted values X, by GSL's interpolation, but
   exactly the value itself when the two values it lies between are
   equal (GSL's (1 - d) x a + d x b need not give back a).  */
static double
quantile (const double *x, size_t n, double f)
{
  size_t lhs = (size_t)(f * (double)(n - 1));

  if (lhs + 1 >= n || same_value (x[lhs], x[lhs + 1]))
    return x[lhs < n ? lhs : n - 1];
  return gsl_stats_quantile_from_sorted_data (x, 1, n, f);
}

static const double quantile_points[3] = { 0.05, 0.5, 0.95 };

void
uncertainty_summarise (const struct uncertainty *u, size_t i,
                       struct uncertainty_summary *out)
{
  size_t S = u->samples, k;
  double *total = xcalloc (S + 1, sizeof *total);
  double *cost = xcalloc (S + 1, sizeof *cost);

  uncertainty_item_samples (u, i, total, cost);
  gsl_sort (total, 1, S);
  for (k = 0; k < 3; k++)
    out->total_gco2e[k] = quantile (total, S, quantile_points[k]);
  if (isnan (u->items[i].cost_usd))
    for (k = 0; k < 3; k++)
      out->cost_usd[k] = NAN;
  else
    {
      gsl_sort (cost, 1, S);
      for (k = 0; k < 3; k++)
        out->cost_usd[k] = quantile (cost, S, quantile_points[k]);
    }
  free (total);
  free (cost);
}

double
uncertainty_p_less (const struct uncertainty *u, size_t a, size_t b)
{
  size_t S = u->samples, s, less = 0;
  double *ta = xcalloc (S + 1, sizeof *ta);
  double *tb = xcalloc (S + 1, sizeof *tb);

  item_totals (u, a, 0, S, ta);
  item_totals (u, b, 0, S, tb);
  for (s = 0; s < S; s++)
    less += ta[s] < tb[s];
  free (ta);
  free (tb);
  return (double)less / (double)S;
}

/* The least and greatest total item I can have in any sample, before
   the runtime ratio (which scales every run of a sample alike), with a
   margin for rounding: every draw at its most and least favourable.
   Each factor of the total only rises with its draw, but the
   lifetime.  */
static void
item_bounds (const struct uncertainty *u, size_t i, double *low, double *high)
{
  const struct uncertainty_item *it = &u->items[i];
  size_t fs = u->factor.slot[it->power_key];
  double p_low = it->power_w, p_high = it->power_w;
  double e;

  if (!u->load_fixed)
    {
      p_low = u->power.low[u->power.slot[it->curve]];
      p_high = u->power.high[u->power.slot[it->curve]];
    }
  e = it->count * (p_low * u->factor.low[fs]) * it->runtime_h / 1000.0
      * it->pue_low;
  *low = (e * it->grid_low
          + it->count * it->embodied_low_kgco2e * 1000.0 * it->runtime_h
                / u->life_high)
         * (1.0 - BOUND_MARGIN);
  e = it->count * (p_high * u->factor.high[fs]) * it->runtime_h / 1000.0
      * it->pue_high;
  *high = (e * it->grid_high
           + it->count * it->embodied_high_kgco2e * 1000.0 * it->runtime_h
                 / u->life_low)
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

  for (i = 0; i < u->n; i++)
    {
      p_front[i] = NAN;
      if (!u->items[i].competes || isnan (u->items[i].cost_usd))
        continue;
      p_front[i] = 0.0;
      v[m].cost = u->items[i].cost_usd;
      v[m].index = i;
      item_bounds (u, i, &v[m].low, &v[m].high);
      m++;
    }
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
  for (from = 0; from < S; from += BLOCK)
    {
      size_t count = S - from < BLOCK ? S - from : BLOCK;

      for (k = 0; k < m; k++)
        {
          item_totals (u, v[k].index, from, count, &block[k * BLOCK]);
          item_costs (u, v[k].index, from, count, &cblock[k * BLOCK]);
        }
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
        progress ((double)(from + count) / (double)S, arg);
    }
  for (k = 0; k < m; k++)
    p_front[v[k].index] = (double)on_front[k] / (double)S;
  free (order);
  free (cblock);
  free (block);
  free (on_front);
  free (v);
}

/* One key of uncertainty_keys_new: up to three strings and the instance
   it belongs to.  */
struct key_entry
{
  const char *kind;
  const char *provider;
  const char *name;
  size_t instance;
};

static int
compare_keys (const void *pa, const void *pb)
{
  const struct key_entry *a = pa;
  const struct key_entry *b = pb;
  int c = strcmp (a->kind, b->kind);

  if (c == 0)
    c = strcmp (a->provider, b->provider);
  if (c == 0)
    c = strcmp (a->name, b->name);
  if (c == 0)
    c = (a->instance > b->instance) - (a->instance < b->instance);
  return c;
}

/* Number the distinct keys of the N entries E into IDS (per instance);
   returns how many there are.  */
static size_t
number_keys (struct key_entry *e, size_t n, size_t *ids)
{
  size_t i, next = 0;

  qsort (e, n, sizeof *e, compare_keys);
  for (i = 0; i < n; i++)
    {
      if (i > 0
          && (!STREQ (e[i].kind, e[i - 1].kind)
              || !STREQ (e[i].provider, e[i - 1].provider)
              || !STREQ (e[i].name, e[i - 1].name)))
        next++;
      ids[e[i].instance] = next;
    }
  return n > 0 ? next + 1 : 0;
}

struct uncertainty_keys *
uncertainty_keys_new (const struct catalogue *cat)
{
  struct uncertainty_keys *k = xcalloc (1, sizeof *k);
  struct key_entry *e = xcalloc (cat->ninstances + 1, sizeof *e);
  size_t i;

  k->power_key = xcalloc (cat->ninstances + 1, sizeof *k->power_key);
  k->host = xcalloc (cat->ninstances + 1, sizeof *k->host);
  /* A model's error is the same for a whole family; a measured curve's
     for every instance on the same host CPU.  */
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];
      bool measured
          = STREQ (in->power_origin, "measured") && in->cpu_model[0] != '\0';

      e[i].kind = measured ? "cpu" : "family";
      e[i].provider = in->provider;
      e[i].name = measured ? in->cpu_model : in->family;
      e[i].instance = i;
    }
  k->npower_keys = number_keys (e, cat->ninstances, k->power_key);
  for (i = 0; i < cat->ninstances; i++)
    {
      e[i].kind = "host";
      e[i].provider = cat->instances[i].provider;
      e[i].name = cat->instances[i].family;
      e[i].instance = i;
    }
  k->nhosts = number_keys (e, cat->ninstances, k->host);
  free (e);
  return k;
}

void
uncertainty_keys_free (struct uncertainty_keys *keys)
{
  if (keys == NULL)
    return;
  free (keys->power_key);
  free (keys->host);
  free (keys);
}

void
uncertainty_item_from_run (const struct catalogue *cat,
                           const struct uncertainty_keys *keys,
                           const struct run *run,
                           const struct run_params *params, bool competes,
                           struct uncertainty_item *out)
{
  const struct instance *in = run->instance;
  const struct region *g = run->region;
  size_t ii = (size_t)(in - cat->instances);
  bool user_grid
      = run->grid_source != NULL && STREQ (run->grid_source, RUN_SOURCE_USER);
  bool user_pue
      = run->pue_source != NULL && STREQ (run->pue_source, RUN_SOURCE_USER);

  memset (out, 0, sizeof *out);
  out->count = (double)run->count;
  out->runtime_h = run->runtime_h;
  out->power_w = run->power_w;
  out->curve_w = in->power_w;
  out->curve = ii;
  out->power_sigma
      = catalogue_power_error (cat, in->power_origin, params->load_pct)
        / UNCERTAINTY_P95_NORMAL;
  out->power_key = keys->power_key[ii];
  out->embodied_kgco2e = run->embodied_kgco2e;
  /* The alternatives are host figures shared by the table's rule: the
     run's rule scales them as it scales the table's figure.  */
  out->embodied_low_kgco2e
    = in->embodied_low_kgco2e
      * embodied_share_factor (in, params->embodied_rule, NULL);
  out->embodied_high_kgco2e
    = in->embodied_high_kgco2e
      * embodied_share_factor (in, params->embodied_rule, NULL);
  out->host = keys->host[ii];
  out->pue = run->pue;
  out->pue_low = user_pue ? run->pue : g->pue_low;
  out->pue_high = user_pue ? run->pue : g->pue_high;
  out->grid_gco2e_per_kwh = run->grid_gco2e_per_kwh;
  /* The alternatives are location-based annual figures: a marginal or
     market-based figure has no spread in the data.  */
  if (user_grid || run->signal != RUN_SIGNAL_AVERAGE || isnan (g->grid_low))
    out->grid_low = out->grid_high = run->grid_gco2e_per_kwh;
  else
    {
      out->grid_low = g->grid_low;
      out->grid_high = g->grid_high;
    }
  out->region = (size_t)(g - cat->regions);
  out->cost_usd = run->footprint.cost_usd;
  out->competes = competes;
}

const struct out_column uncertainty_columns[UNCERTAINTY_NCOLUMNS] = {
  { "total_gco2e_p05", "Total p5", "gCO2e", OUT_NUMBER, 1, 0 },
  { "total_gco2e_p50", "Total p50", "gCO2e", OUT_NUMBER, 1, 0 },
  { "total_gco2e_p95", "Total p95", "gCO2e", OUT_NUMBER, 1, 0 },
  { "cost_usd_p05", "Cost p5", "USD", OUT_NUMBER, 2, 0 },
  { "cost_usd_p50", "Cost p50", "USD", OUT_NUMBER, 2, 0 },
  { "cost_usd_p95", "Cost p95", "USD", OUT_NUMBER, 2, 0 },
  { "samples", "Samples", NULL, OUT_INTEGER, 0, 0 },
  { "seed", "Seed", NULL, OUT_INTEGER, 0, 0 },
};

void
uncertainty_fill_row (struct out_table *table, size_t first,
                      const struct uncertainty_summary *s, size_t samples,
                      unsigned long seed)
{
  size_t k;

  for (k = 0; k < 3; k++)
    {
      out_table_set_number (table, first + k, s->total_gco2e[k]);
      out_table_set_number (table, first + 3 + k, s->cost_usd[k]);
    }
  out_table_set_number (table, first + 6, (double)samples);
  out_table_set_number (table, first + 7, (double)seed);
}
