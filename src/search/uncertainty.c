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

#include "model/footprint.h"
#include "model/power.h"
#include "search/uncertainty-draws.h"
#include "search/uncertainty-private.h"
#include "base/xalloc.h"

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

static int
compare_doubles (const void *pa, const void *pb)
{
  double a = *(const double *) pa, b = *(const double *) pb;

  return (a > b) - (a < b);
}

/* The constant inputs of every sample, the runtime ratios in order, for
   uncertainty_summarise's costs, and the tables of the draws kept, empty
   yet.  */
static void
keep_job (struct uncertainty *u)
{
  size_t S = u->samples, s;

  const struct uncertainty_spec *sp = &u->spec;

  /* No draw is kept until uncertainty_keep_plan.  */
  u->factors = xcalloc (sp->npower_keys + 1, sizeof *u->factors);
  u->host_u = xcalloc (sp->nhosts + 1, sizeof *u->host_u);
  u->pue_v = xcalloc (sp->nregions + 1, sizeof *u->pue_v);
  u->grid_v = xcalloc (sp->nregions + 1, sizeof *u->grid_v);
  u->pue_of = xcalloc (sp->nregions + 1, sizeof *u->pue_of);
  u->grid_of = xcalloc (sp->nregions + 1, sizeof *u->grid_of);
  u->half = xcalloc (S + 1, sizeof *u->half);
  u->one = xcalloc (S + 1, sizeof *u->one);
  u->ratio_sorted = xcalloc (S + 1, sizeof *u->ratio_sorted);
  for (s = 0; s < S; s++)
    {
      u->half[s] = 0.5;
      u->one[s] = 1.0;
      u->ratio_sorted[s] = u->ratio[s];
    }
  qsort (u->ratio_sorted, S, sizeof *u->ratio_sorted, compare_doubles);
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
  keep_job (u);
  return u;
}

static void
free_kept (double **kept, size_t n)
{
  size_t k;

  for (k = 0; kept != NULL && k < n; k++)
    free (kept[k]);
  free (kept);
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
  free (u->ratio_sorted);
  uncertainty_summaries_free (u);
  free (u->sums);
  free (u->half);
  free (u->one);
  free_kept (u->factors, u->spec.npower_keys);
  free_kept (u->host_u, u->spec.nhosts);
  free_kept (u->pue_v, u->spec.nregions);
  free_kept (u->grid_v, u->spec.nregions);
  free (u->pue_of);
  free (u->grid_of);
  free (u);
}

size_t
uncertainty_samples (const struct uncertainty *u)
{
  return u->samples;
}
