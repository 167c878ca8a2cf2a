/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* How sure each figure is: Monte Carlo over the spread of the data and
   of the job (doc/METHODOLOGY.md, "Uncertainty").  The job's draws are
   kept per sample; the shared draws of regions, power keys, hosts and
   GPU models are made on demand (uncertainty-draws.c), so that memory
   grows with the samples alone, not with samples x keys.  */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_statistics_double.h>

#include "model/footprint.h"
#include "model/power.h"
#include "search/uncertainty-draws.h"
#include "search/uncertainty-private.h"
#include "base/xalloc.h"

static bool
same_value (double a, double b)
{
  return !(a < b) && !(a > b);
}

static bool
range_ok (const struct uncertainty_range *r)
{
  return isfinite (r->low) && isfinite (r->high) && r->low <= r->mode
         && r->mode <= r->high;
}

/* Set up item IT's curve for an uncertain load, once per curve: the
   runs of a curve share it, and one set up per run and block of samples
   took most of the time of the fronts.  */
static bool
curve_ok (struct uncertainty *u, const struct uncertainty_item *it)
{
  gsl_interp **c = &u->curves[it->curve];

  if (*c == NULL)
    {
      *c = power_curve_alloc (CATALOGUE_POWER_POINTS);
      if (*c == NULL
          || gsl_interp_init (*c, catalogue_power_loads, it->curve_w,
                              CATALOGUE_POWER_POINTS)
               != GSL_SUCCESS)
        return false;
    }
  return true;
}

/* Check item I against the spec: its keys within their spaces, its
   point figures within their ranges, its curve usable.  */
static int
check_item (struct uncertainty *u, size_t i, struct diag *d)
{
  const struct uncertainty_spec *sp = &u->spec;
  const struct uncertainty_item *it = &u->items[i];

  if (it->region >= sp->nregions || it->power_key >= sp->npower_keys
      || it->host >= sp->nhosts || it->curve >= sp->ncurves
      || (it->gpu_scaled
          && (it->gpu >= sp->ngpus || sp->gpu_reference >= sp->ngpus)))
    return diag_set (d, CA_EXIT_FAILURE,
                     "uncertainty: item %zu has a key out of range", i);
  if (!(it->grid_low <= it->grid_gco2e_per_kwh
        && it->grid_gco2e_per_kwh <= it->grid_high && it->pue_low <= it->pue
        && it->pue <= it->pue_high
        && it->embodied_low_kgco2e <= it->embodied_kgco2e
        && it->embodied_kgco2e <= it->embodied_high_kgco2e
        && it->power_sigma >= 0.0))
    return diag_set (d, CA_EXIT_FAILURE,
                     "uncertainty: item %zu: a figure outside its range", i);
  if (!u->load_fixed && !curve_ok (u, it))
    return diag_set (d, CA_EXIT_DATAERR, "uncertainty: unusable power curve");
  u->gpu_varies
    = u->gpu_varies || (it->gpu_scaled && it->gpu != sp->gpu_reference);
  return 0;
}

/* Check the items against the spec: every run of a power key must have
   the same error, as they share its draw.  */
static int
check_items (struct uncertainty *u, struct diag *d)
{
  const struct uncertainty_spec *sp = &u->spec;
  double *sigma = xcalloc (sp->npower_keys + 1, sizeof *sigma);
  int status = 0;
  size_t i;

  if (!u->load_fixed)
    u->curves = xcalloc (sp->ncurves + 1, sizeof *u->curves);
  for (i = 0; i < sp->ngpus && status == 0; i++)
    if (!range_ok (&sp->gpu_speed[i]) || !(sp->gpu_speed[i].low > 0.0))
      status = diag_set (d, CA_EXIT_FAILURE,
                         "uncertainty: GPU model %zu: a bad speed range", i);
  for (i = 0; i < sp->npower_keys; i++)
    sigma[i] = NAN;
  for (i = 0; i < u->n && status == 0; i++)
    {
      const struct uncertainty_item *it = &u->items[i];

      status = check_item (u, i, d);
      if (status == 0 && isnan (sigma[it->power_key]))
        sigma[it->power_key] = it->power_sigma;
      else if (status == 0
               && !same_value (sigma[it->power_key], it->power_sigma))
        status = diag_set (d, CA_EXIT_FAILURE,
                           "uncertainty: items of power key %zu disagree on "
                           "its error",
                           it->power_key);
    }
  free (sigma);
  return status;
}

/* The job's draws for every sample: load, runtime and lifetime, each
   from a stream of its own, and their least and greatest.  */
static void
draw_job (struct uncertainty *u)
{
  const struct uncertainty_spec *sp = &u->spec;
  uint64_t load = draws_stream (sp->seed, DRAW_LOAD, 0);
  uint64_t runtime = draws_stream (sp->seed, DRAW_RUNTIME, 0);
  uint64_t life = draws_stream (sp->seed, DRAW_LIFETIME, 0);
  size_t S = u->samples, s;

  u->ratio = xcalloc (S + 1, sizeof *u->ratio);
  u->life_h = xcalloc (S + 1, sizeof *u->life_h);
  if (!u->load_fixed)
    u->load = xcalloc (S + 1, sizeof *u->load);
  for (s = 0; s < S; s++)
    {
      if (u->load != NULL)
        u->load[s] = draws_range (draws_uniform (load, s), &sp->load_pct);
      u->ratio[s] = draws_range (draws_uniform (runtime, s), &sp->runtime_h)
                    / sp->runtime_point_h;
      /* The point lifetime is the low end: half the draws sit on it.  */
      u->life_h[s]
        = draws_two_piece (draws_uniform (life, s), sp->lifetime_low_years,
                           sp->lifetime_low_years, sp->lifetime_high_years)
          * FOOTPRINT_HOURS_PER_YEAR;
    }
  u->load_low = u->load_high = sp->load_pct.mode;
  if (u->load != NULL)
    u->load_low = u->load_high = u->load[0];
  u->ratio_low = u->ratio_high = u->ratio[0];
  u->life_low = u->life_high = u->life_h[0];
  for (s = 1; s < S; s++)
    {
      if (u->load != NULL)
        {
          u->load_low = fmin (u->load_low, u->load[s]);
          u->load_high = fmax (u->load_high, u->load[s]);
        }
      u->ratio_low = fmin (u->ratio_low, u->ratio[s]);
      u->ratio_high = fmax (u->ratio_high, u->ratio[s]);
      u->life_low = fmin (u->life_low, u->life_h[s]);
      u->life_high = fmax (u->life_high, u->life_h[s]);
    }
}

/* Check SPEC's ranges and sample count.  */
static int
check_spec (const struct uncertainty_spec *spec, struct diag *d)
{
  if (spec->samples < 1 || spec->samples > UNCERTAINTY_MAX_SAMPLES)
    return diag_set (d, CA_EXIT_USAGE,
                     "the number of samples must be from 1 to %d",
                     UNCERTAINTY_MAX_SAMPLES);
  if (!range_ok (&spec->load_pct) || spec->load_pct.low < 0.0
      || spec->load_pct.high > 100.0)
    return diag_set (d, CA_EXIT_USAGE,
                     "the load range must lie within 0-100 %%");
  if (!range_ok (&spec->runtime_h) || !(spec->runtime_h.low > 0.0)
      || !(spec->runtime_point_h > 0.0) || !(spec->lifetime_low_years > 0.0)
      || !(spec->lifetime_low_years <= spec->lifetime_high_years))
    return diag_set (d, CA_EXIT_USAGE,
                     "the runtime and lifetime ranges must be above zero");
  return 0;
}

struct uncertainty *
uncertainty_new (const struct uncertainty_spec *spec,
                 const struct uncertainty_item *items, size_t n,
                 struct diag *d)
{
  struct uncertainty *u;

  if (check_spec (spec, d) < 0)
    return NULL;
  u = xcalloc (1, sizeof *u);
  u->spec = *spec;
  u->items = items;
  u->n = n;
  u->samples = spec->samples;
  u->load_fixed = !(spec->load_pct.high > spec->load_pct.low);
  if (check_items (u, d) < 0)
    {
      uncertainty_free (u);
      return NULL;
    }
  draw_job (u);
  return u;
}

void
uncertainty_free (struct uncertainty *u)
{
  size_t k;

  if (u == NULL)
    return;
  for (k = 0; u->curves != NULL && k < u->spec.ncurves; k++)
    gsl_interp_free (u->curves[k]);
  free (u->curves);
  free (u->load);
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

/* Sample S's uniform number of STREAM, or one half (the point's
   quantile) when the input has no width: the figure is then the point
   whatever the draw, and the draw is not worth making.  */
static double
uniform_if (bool varies, uint64_t stream, size_t s)
{
  return varies ? draws_uniform (stream, s) : 0.5;
}

void
uncertainty_item_watts (const struct uncertainty *u, size_t i, size_t from,
                        size_t count, double *w)
{
  const struct uncertainty_item *it = &u->items[i];
  gsl_interp *interp = u->load_fixed ? NULL : u->curves[it->curve];
  size_t s;

  for (s = 0; s < count; s++)
    w[s] = interp != NULL
             ? draws_curve (interp, it->curve_w, u->load[from + s])
             : it->power_w;
}

void
uncertainty_item_factors (const struct uncertainty *u, size_t i, size_t from,
                          size_t count, double *f)
{
  const struct uncertainty_item *it = &u->items[i];
  uint64_t sf = draws_stream (u->spec.seed, DRAW_POWER, it->power_key);
  size_t s;

  for (s = 0; s < count; s++)
    f[s] = it->power_sigma > 0.0
             ? exp (it->power_sigma * draws_normal (sf, from + s))
             : 1.0;
}

double
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

void
uncertainty_item_totals (const struct uncertainty *u, size_t i, size_t from,
                         size_t count, const double *watts,
                         const double *factors, double *total)
{
  const struct uncertainty_item *it = &u->items[i];
  unsigned long seed = u->spec.seed;
  uint64_t sg = draws_stream (seed, DRAW_GRID, it->region);
  uint64_t sp = draws_stream (seed, DRAW_PUE, it->region);
  uint64_t sh = draws_stream (seed, DRAW_HOST, it->host);
  bool grid_varies = it->grid_low < it->grid_high;
  bool pue_varies = it->pue_low < it->pue_high;
  bool host_varies = it->embodied_low_kgco2e < it->embodied_high_kgco2e;
  double *gf = xcalloc (count + 1, sizeof *gf);
  double *w = NULL, *f = NULL;
  size_t s;

  gpu_factors (u, i, from, count, gf);
  if (watts == NULL)
    {
      watts = w = xcalloc (count + 1, sizeof *w);
      uncertainty_item_watts (u, i, from, count, w);
    }
  if (factors == NULL)
    {
      factors = f = xcalloc (count + 1, sizeof *f);
      uncertainty_item_factors (u, i, from, count, f);
    }
  for (s = 0; s < count; s++)
    {
      size_t k = from + s;
      double pue = draws_two_piece (uniform_if (pue_varies, sp, k),
                                    it->pue_low, it->pue, it->pue_high);
      double grid
        = draws_two_piece (uniform_if (grid_varies, sg, k), it->grid_low,
                           it->grid_gco2e_per_kwh, it->grid_high);
      double embodied = draws_two_piece (
        uniform_if (host_varies, sh, k), it->embodied_low_kgco2e,
        it->embodied_kgco2e, it->embodied_high_kgco2e);

      total[s] = uncertainty_item_total (it, watts[s] * factors[s], pue, grid,
                                         embodied, u->life_h[k])
                 * (u->ratio[k] * gf[s]);
    }
  free (f);
  free (w);
  free (gf);
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

/* The F-quantile of the N sorted values X, by GSL's interpolation, but
   exactly the value itself when the two values it lies between are
   equal (GSL's (1 - d) x a + d x b need not give back a).  */
static double
quantile (const double *x, size_t n, double f)
{
  size_t lhs = (size_t) (f * (double) (n - 1));

  if (lhs + 1 >= n || same_value (x[lhs], x[lhs + 1]))
    return x[lhs < n ? lhs : n - 1];
  return gsl_stats_quantile_from_sorted_data (x, 1, n, f);
}

/* Reorder X[LO] to X[N - 1] so that X[K] holds the value it would in
   order, none greater before it and none less after it (Hoare's FIND,
   as Wirth gives it): the quantiles need two values each, not a sort,
   which took most of the time of a summary.  */
static void
select_kth (double *x, size_t lo, size_t n, size_t k)
{
  ptrdiff_t l = (ptrdiff_t) lo, r = (ptrdiff_t) n - 1, kk = (ptrdiff_t) k;

  while (l < r)
    {
      double pivot = x[kk];
      ptrdiff_t i = l, j = r;

      do
        {
          while (x[i] < pivot)
            i++;
          while (pivot < x[j])
            j--;
          if (i <= j)
            {
              double t = x[i];

              x[i++] = x[j];
              x[j--] = t;
            }
        }
      while (i <= j);
      if (j < kk)
        l = i;
      if (kk < i)
        r = j;
    }
}

static const double quantile_points[3] = { 0.05, 0.5, 0.95 };

/* The p5, p50 and p95 of the N values X (reordered) into OUT, as
   quantile gives them of X sorted: each reads the values at and after
   (N - 1) F only, so those two are put in place, in rising order, each
   selection among the values not below the last.  */
static void
quantiles (double *x, size_t n, double out[3])
{
  size_t lo = 0, k, s;

  for (k = 0; k < 3; k++)
    {
      size_t lhs = (size_t) (quantile_points[k] * (double) (n - 1));

      select_kth (x, lo < lhs ? lo : lhs, n, lhs);
      for (s = lhs + 2; s < n; s++)
        if (x[s] < x[lhs + 1])
          {
            double t = x[s];

            x[s] = x[lhs + 1];
            x[lhs + 1] = t;
          }
      out[k] = quantile (x, n, quantile_points[k]);
      lo = lhs + 1;
    }
}

void
uncertainty_summarise (const struct uncertainty *u, size_t i,
                       struct uncertainty_summary *out)
{
  size_t S = u->samples, k;
  double *total = xcalloc (S + 1, sizeof *total);
  double *cost = xcalloc (S + 1, sizeof *cost);

  uncertainty_item_samples (u, i, total, cost);
  quantiles (total, S, out->total_gco2e);
  if (isnan (u->items[i].cost_usd))
    for (k = 0; k < 3; k++)
      out->cost_usd[k] = NAN;
  else
    quantiles (cost, S, out->cost_usd);
  free (total);
  free (cost);
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
