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

#include "uncertainty.h"

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

/* The start of the stream of KIND's key KEY under SEED.  */
uint64_t draws_stream (unsigned long seed, enum draw_kind kind, size_t key);

/* Sample S's uniform number of STREAM, in (0, 1): never 0 nor 1.  */
double draws_uniform (uint64_t stream, size_t s);

/* Sample S's standard normal number of STREAM.  */
double draws_normal (uint64_t stream, size_t s);

/* The figure at quantile U (0-1) of the two-piece uniform around POINT
   between LOW and HIGH; POINT exactly when LOW == POINT == HIGH.  */
double draws_two_piece (double u, double low, double point, double high);

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
