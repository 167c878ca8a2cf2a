/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The job's load in words: one load, or the CPUs' and the GPUs'.  */
#include <config.h>

#include <stdio.h>

#include "view/load-view.h"

bool
load_view_two_loads (const struct run_params *params)
{
  double gpu = run_gpu_load (params);

  return gpu < params->load_pct || gpu > params->load_pct;
}

void
load_view_line (char *buf, size_t size, const struct run_params *params,
                size_t not_split)
{
  int n;

  if (!load_view_two_loads (params))
    n = snprintf (buf, size, "Load: %g %%.", params->load_pct);
  else
    n = snprintf (buf, size, "Load: CPU %g %%, GPU %g %%.", params->load_pct,
                  run_gpu_load (params));
  if (not_split > 0 && n >= 0 && (size_t) n < size)
    snprintf (buf + n, size - (size_t) n,
              " For %zu candidates with GPUs the data has no per-card "
              "power: their GPUs are taken at the CPU load.",
              not_split);
}

bool
load_view_not_split (const struct run *run, const struct run_params *params)
{
  return run->instance->gpus > 0 && !run->gpu_load_split
         && load_view_two_loads (params);
}
