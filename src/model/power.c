/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* An instance's power draw at any load, from its measured points.  */
#include <config.h>

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>

#include "model/power.h"
#include "base/system.h"

int
power_at_load (const double *loads, const double *watts, size_t n,
               double load_pct, double *out, struct diag *d)
{
  gsl_interp *interp;
  size_t i;
  int status;

  if (n < 2 || !(loads[0] <= 0.0 && loads[0] >= 0.0)
      || !(loads[n - 1] >= 100.0 && loads[n - 1] <= 100.0))
    return diag_set (d, CA_EXIT_DATAERR,
                     "a power curve needs points at 0 %% and 100 %% load");
  for (i = 0; i < n; i++)
    {
      if (!isfinite (watts[i]) || watts[i] < 0.0)
        return diag_set (d, CA_EXIT_DATAERR,
                         "power %g W at %g %% load is not a valid draw",
                         watts[i], loads[i]);
      if (i > 0 && !(loads[i] > loads[i - 1]))
        return diag_set (d, CA_EXIT_DATAERR,
                         "power curve loads must increase");
      if (i > 0 && watts[i] < watts[i - 1])
        return diag_set (d, CA_EXIT_DATAERR,
                         "power %g W at %g %% load is below %g W at %g %%",
                         watts[i], loads[i], watts[i - 1], loads[i - 1]);
    }
  if (!(load_pct >= 0.0 && load_pct <= 100.0))
    return diag_set (d, CA_EXIT_USAGE, "load %g %% is outside 0-100",
                     load_pct);

  interp = power_curve_alloc (n);
  if (interp == NULL)
    return diag_set (d, CA_EXIT_FAILURE, "cannot allocate a power curve");
  status = gsl_interp_init (interp, loads, watts, n);
  if (status == GSL_SUCCESS)
    status = power_curve_eval (interp, loads, watts, n, load_pct, out);
  gsl_interp_free (interp);
  if (status != GSL_SUCCESS)
    return diag_set (d, CA_EXIT_FAILURE, "power curve: %s",
                     gsl_strerror (status));
  return 0;
}

int
power_split_at_loads (const double *loads, const double *inst_w,
                      const double *card_w, size_t n, double gpus,
                      double cpu_load, double gpu_load, double *out,
                      struct diag *d)
{
  double whole, card_cpu, card_gpu;

  if (power_at_load (loads, inst_w, n, cpu_load, &whole, d) < 0)
    return -1;
  /* Equal loads leave the curve as it is, not rounded by a subtraction
     and an addition that cancel.  */
  if (!(gpus > 0.0) || !(gpu_load < cpu_load || gpu_load > cpu_load))
    {
      *out = whole;
      return 0;
    }
  if (power_at_load (loads, card_w, n, cpu_load, &card_cpu, d) < 0
      || power_at_load (loads, card_w, n, gpu_load, &card_gpu, d) < 0)
    return -1;
  *out = fmax (0.0, whole - gpus * card_cpu) + gpus * card_gpu;
  return 0;
}

gsl_interp *
power_curve_alloc (size_t n)
{
  const gsl_interp_type *type
    = n >= gsl_interp_type_min_size (gsl_interp_steffen) ? gsl_interp_steffen
                                                         : gsl_interp_linear;

  return gsl_interp_alloc (type, n);
}
