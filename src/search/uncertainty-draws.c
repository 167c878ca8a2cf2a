/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The draws of the Monte Carlo, made on demand from a counter-based
   generator (doc/METHODOLOGY.md, "Uncertainty").  A table of the shared
   draws (keys x samples) grew to hundreds of megabytes at 100,000
   samples; a draw that is a function of its (seed, kind, key, sample)
   needs none, and its stream does not depend on which other keys are
   drawn.  */
#include <config.h>

#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "data/catalogue.h"
#include "model/power.h"
#include "search/uncertainty-draws.h"

uint64_t
draws_stream (unsigned long seed, enum draw_kind kind, size_t key)
{
  /* Each step mixes in one more part of the name, so that streams of
     different names start at unrelated states.  */
  uint64_t z = draws_mix64 ((uint64_t) seed + DRAWS_GOLDEN);

  z = draws_mix64 (z + DRAWS_GOLDEN * ((uint64_t) kind + 1));
  return draws_mix64 (z + DRAWS_GOLDEN * ((uint64_t) key + 1));
}

/* By inversion, one uniform number per draw, so that a draw stays a
   function of its sample.  */
double
draws_normal (uint64_t stream, size_t s)
{
  return gsl_cdf_ugaussian_Pinv (draws_uniform (stream, s));
}

double
draws_range (double u, const struct uncertainty_range *r)
{
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

/* The model's curve (model/power.c) at LOAD, NaN should GSL fail.  */
double
draws_curve (gsl_interp *interp, const double *w, double load)
{
  double v;

  if (power_curve_eval (interp, catalogue_power_loads, w,
                        CATALOGUE_POWER_POINTS, load, &v)
      != GSL_SUCCESS)
    return NAN;
  return v;
}

/* Steffen's curve is monotone between two points and draws_curve clamps
   it to their watts, so on [LOW, HIGH] it lies between the least and
   greatest of its ends and of the points inside.  */
void
draws_curve_bounds (gsl_interp *interp, const double *w, double low,
                    double high, double *min, double *max)
{
  double a = draws_curve (interp, w, low);
  double b = draws_curve (interp, w, high);
  size_t i;

  *min = fmin (a, b);
  *max = fmax (a, b);
  for (i = 0; i < CATALOGUE_POWER_POINTS; i++)
    if (low < catalogue_power_loads[i] && catalogue_power_loads[i] < high)
      {
        *min = fmin (*min, w[i]);
        *max = fmax (*max, w[i]);
      }
}
