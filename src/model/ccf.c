/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Cloud Carbon Footprint's method: an instance's power at a load and its
   embodied share from CCF's published coefficients.  */
#include <config.h>

#include <math.h>

#include "model/ccf.h"
#include "base/system.h"

int
ccf_power_at_loads (const struct instance *instance,
                    const struct ccf_instance *row, double load_pct,
                    double gpu_load_pct, struct ccf_power *out, struct diag *d)
{
  double u, g, extra_gib;

  if (!(load_pct >= 0.0 && load_pct <= 100.0))
    return diag_set (d, CA_EXIT_USAGE, "load %g %% is outside 0-100",
                     load_pct);
  if (!(gpu_load_pct >= 0.0 && gpu_load_pct <= 100.0))
    return diag_set (d, CA_EXIT_USAGE, "GPU load %g %% is outside 0-100",
                     gpu_load_pct);
  u = load_pct / 100.0;
  g = gpu_load_pct / 100.0;
  /* CCF counts a burstable type's vCPU-hours at its baseline share.  */
  out->cpu_w = (double) instance->vcpus * row->vcpu_factor
               * (row->cpu_min_w + u * (row->cpu_max_w - row->cpu_min_w));
  /* The loader has checked that a row has GPU figures exactly when its
     instance has GPUs.  */
  out->gpu_w = instance->gpus > 0
                 ? (double) instance->gpus
                     * (row->gpu_min_w + g * (row->gpu_max_w - row->gpu_min_w))
                 : 0.0;
  /* CCF charges only the memory above what the SPECpower servers of the
     micro-architecture carry per chip, scaled to the instance; the
     allowance says how much of the instance's memory that leaves out.  */
  extra_gib = instance->memory_gib - row->memory_allowance_gib;
  out->memory_w = extra_gib > 0.0 ? extra_gib * CCF_MEMORY_W_PER_GB : 0.0;
  out->total_w = out->cpu_w + out->gpu_w + out->memory_w;
  return 0;
}

double
ccf_embodied_share (const struct instance *instance,
                    const struct ccf_instance *row)
{
  return row->embodied_host_kgco2e * (double) instance->vcpus
         / (double) row->host_vcpus;
}
