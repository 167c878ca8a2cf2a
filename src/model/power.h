/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* An instance's power draw at any load, from its measured points.  */
#ifndef CA_POWER_H
#define CA_POWER_H

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>

#include "base/diag.h"

/* The power, in watts, at LOAD_PCT (0-100) of an instance whose draw is
   WATTS[i] at LOADS[i], for N points with LOADS strictly increasing from
   0 to 100 and WATTS never decreasing.

   Between points the curve is GSL's Steffen interpolant: monotone, so it
   never overshoots or dips between two measured points, and it passes
   through every point.  At a point the measured value is returned as it
   is, so the data's figures come back to the last digit.  With two
   points (Steffen needs three) the curve is linear.

   Stores the watts in *OUT and returns 0, or returns -1 with D set
   (CA_EXIT_DATAERR for bad points, CA_EXIT_USAGE for a load outside
   0-100, CA_EXIT_FAILURE if GSL fails).  */
int power_at_load (const double *loads, const double *watts, size_t n,
                   double load_pct, double *out, struct diag *d);

/* The power at CPU_LOAD of an instance whose curve INST_W includes GPUS
   cards drawing CARD_W each (both at LOADS, N points, checked as
   power_at_load checks them), with the cards at GPU_LOAD instead
   (--gpu-load; doc/METHODOLOGY.md, "CPU and GPU load"):

     P = inst(CPU_LOAD) - GPUS x card(CPU_LOAD) + GPUS x card(GPU_LOAD)

   The first two terms, the CPU, memory and rest of the server, are kept
   at 0 W or more.  With GPU_LOAD equal to CPU_LOAD, or no GPUs, it is
   power_at_load's figure to the last digit.  Stores the watts in *OUT
   and returns 0, or returns -1 with D set as power_at_load does.  */
int power_split_at_loads (const double *loads, const double *inst_w,
                          const double *card_w, size_t n, double gpus,
                          double cpu_load, double gpu_load, double *out,
                          struct diag *d);

/* A new interpolant for a curve of N points, as power_at_load draws it:
   Steffen's, or linear below the three points Steffen needs; NULL when
   GSL cannot allocate it.  Set it up for the points with
   gsl_interp_init; free it with gsl_interp_free.  The Monte Carlo keeps
   one per curve to read it at many loads.  */
gsl_interp *power_curve_alloc (size_t n);

/* The watts at LOAD_PCT of the curve of N points WATTS at LOADS (checked
   as power_at_load checks them), with INTERP from power_curve_alloc set
   up for those points: a measured point exactly, else INTERP's value
   kept within the two measured values around it.  Stores them in *OUT
   and returns GSL_SUCCESS, or returns GSL's status.  Inline: the Monte
   Carlo reads a curve for every run in every sample.  */
static inline int
power_curve_eval (const gsl_interp *interp, const double *loads,
                  const double *watts, size_t n, double load_pct, double *out)
{
  size_t i;
  int status;
  double w;

  /* A measured point is returned exactly, not through the polynomial,
     whose evaluation at the right end of a segment can differ in the last
     bit.  */
  for (i = 0; i < n; i++)
    if (!(load_pct < loads[i] || load_pct > loads[i]))
      {
        *out = watts[i];
        return GSL_SUCCESS;
      }
  status = gsl_interp_eval_e (interp, loads, watts, load_pct, NULL, &w);
  if (status != GSL_SUCCESS)
    return status;

  /* Steffen's curve is monotone in exact arithmetic; keep rounding from
     stepping outside the segment's two measured values.  */
  for (i = 1; i < n; i++)
    if (load_pct < loads[i])
      {
        w = fmax (watts[i - 1], fmin (watts[i], w));
        break;
      }
  *out = w;
  return GSL_SUCCESS;
}

#endif /* CA_POWER_H */
