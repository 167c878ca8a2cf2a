/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The draws of the Monte Carlo (doc/METHODOLOGY.md, "Uncertainty"):
   every figure a sample draws is a pure function of the seed, the kind
   of input, its key (region, power key, host, GPU model, curve) and the
   sample's index, so that no draw is stored and a run gets the same
   draws in estimate and in any advise that includes it.  Private to the
   uncertainty modules.  */
#ifndef CA_UNCERTAINTY_DRAWS_H
#define CA_UNCERTAINTY_DRAWS_H

#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_interp.h>

#include "search/uncertainty.h"

/* The kinds of input, each with streams of its own.  */
enum draw_kind
{
  DRAW_LOAD,
  DRAW_RUNTIME,
  DRAW_LIFETIME,
  DRAW_GRID,
  DRAW_PUE,
  DRAW_POWER,
  DRAW_HOST,
  DRAW_GPU
};

/* SplitMix64's increment: 2^64 over the golden ratio, odd.  */
#define DRAWS_GOLDEN UINT64_C (0x9e3779b97f4a7c15)

/* The functions defined here are inline: they run for every item in
   every sample.  */

/* SplitMix64's output function (Steele, Lea and Flood, "Fast splittable
   pseudorandom number generators", 2014): a bijection of 64-bit words
   whose outputs over consecutive states pass BigCrush.  */
static inline uint64_t
draws_mix64 (uint64_t z)
{
  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Sample S's uniform number of STREAM, in (0, 1): never 0 nor 1.
   Sample S is SplitMix64's output S + 1 from the stream's start: any
   sample at once, with no state to carry.  The top 53 bits, centred in
   their interval, give a double strictly inside (0, 1), which the
   normal's inverse needs.  */
static inline double
draws_uniform (uint64_t stream, size_t s)
{
  uint64_t x = draws_mix64 (stream + DRAWS_GOLDEN * ((uint64_t) s + 1));

  return ((double) (x >> 11) + 0.5) * 0x1p-53;
}

/* The figure at quantile U (0-1) of the two-piece uniform around POINT
   between LOW and HIGH: half the draws uniform on [LOW, POINT], half on
   [POINT, HIGH], so that POINT is the median whatever its place in the
   range; POINT exactly when LOW == POINT == HIGH.  */
static inline double
draws_two_piece (double u, double low, double point, double high)
{
  if (u < 0.5)
    return low + 2.0 * u * (point - low);
  return point + (2.0 * u - 1.0) * (high - point);
}

/* The start of the stream of KIND's key KEY under SEED.  */
uint64_t draws_stream (unsigned long seed, enum draw_kind kind, size_t key);

/* Sample S's standard normal number of STREAM.  */
double draws_normal (uint64_t stream, size_t s);

/* The figure at quantile U of R: uniform on [LOW, HIGH], or
   triangular; R's mode when R has no width.  */
double draws_range (double u, const struct uncertainty_range *r);

/* Watts of the curve W (at catalogue_power_loads) at LOAD, as
   power_at_load gives them, with INTERP set up for W.  */
double draws_curve (gsl_interp *interp, const double *w, double load);

/* The least and greatest watts of the curve W at any load from LOW to
   HIGH, into *MIN and *MAX.  */
void draws_curve_bounds (gsl_interp *interp, const double *w, double low,
                         double high, double *min, double *max);

#endif /* CA_UNCERTAINTY_DRAWS_H */
