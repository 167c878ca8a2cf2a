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

#include "catalogue.h"
#include "uncertainty-draws.h"

/* SplitMix64's increment: 2^64 over the golden ratio, odd.  */
#define GOLDEN UINT64_C (0x9e3779b97f4a7c15)

/* SplitMix64's output function (Steele, Lea and Flood, "Fast splittable
   pseudorandom number generators", 2014): a bijection of 64-bit words
   whose outputs over consecutive states pass BigCrush.  */
static uint64_t
mix64 (uint64_t z)
{
  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

uint64_t
draws_stream (unsigned long seed, enum draw_kind kind, size_t key)
{
  /* Each step mixes in one more part of the name, so that streams of
     different names start at unrelated states.  */
  uint64_t z = mix64 ((uint64_t)seed + GOLDEN);

  z = mix64 (z + GOLDEN * ((uint64_t)kind + 1));
  return mix64 (z + GOLDEN * ((uint64_t)key + 1));
}

/* Sample S is SplitMix64's output S + 1 from the stream's start: any
   sample at once, with no state to carry.  The top 53 bits, centred in
   their interval, give a double strictly inside (0, 1), which the
   normal's inverse needs.  */
double
draws_uniform (uint64_t stream, size_t s)
{
  uint64_t x = mix64 (stream + GOLDEN * ((uint64_t)s + 1));

  return ((double)(x >> 11) + 0.5) * 0x1p-53;
}

/* By inversion, one uniform number per draw, so that a draw stays a
   function of its sample.  */
double
draws_normal (uint64_t stream, size_t s)
{
  return gsl_cdf_ugaussian_Pinv (draws_uniform (stream, s));
}

/* Half the draws uniform on [LOW, POINT], half on [POINT, HIGH], so
   that POINT is the median whatever its place in the range.  */
double
draws_two_piece (double u, double low, double point, double high)
{
  if (u < 0.5)
    return low + 2.0 * u * (point - low);
  return point + (2.0 * u - 1.0) * (high - point);
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

static bool
same_value (double a, double b)
{
  return !(a < b) && !(a > b);
}

/* A measured point exactly, Steffen's curve in between, clamped to the
   segment.  */
double
draws_curve (gsl_interp *interp, const double *w, double load)
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
