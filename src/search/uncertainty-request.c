/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* What a user asks of the Monte Carlo, turned into its spec.  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "search/uncertainty-request.h"

/* An exact figure: every draw gives V.  */
static void
exact_range (struct uncertainty_range *r, double v)
{
  r->low = r->mode = r->high = v;
}

void
uncertainty_request_spec (const struct uncertainty_request *req,
                          const struct catalogue *cat,
                          const struct uncertainty_keys *keys,
                          struct uncertainty_spec *spec)
{
  memset (spec, 0, sizeof *spec);
  spec->samples = (size_t) req->samples;
  spec->seed = req->seed;
  exact_range (&spec->load_pct, req->load_pct);
  if (!isnan (req->load.low))
    {
      spec->load_pct = req->load;
      spec->load_pct.mode = req->load_pct;
    }
  exact_range (&spec->runtime_h, req->runtime_h);
  if (!isnan (req->runtime_spread_pct))
    {
      spec->runtime_h.low
        = req->runtime_h * (1.0 - req->runtime_spread_pct / 100.0);
      spec->runtime_h.high
        = req->runtime_h * (1.0 + req->runtime_spread_pct / 100.0);
    }
  else if (!isnan (req->runtime.low))
    {
      spec->runtime_h = req->runtime;
      spec->runtime_h.mode = req->runtime_h;
    }
  spec->runtime_point_h = req->runtime_h;
  spec->lifetime_low_years = spec->lifetime_high_years = req->lifetime_years;
  if (!req->lifetime_given)
    {
      spec->lifetime_low_years = UNCERTAINTY_LIFETIME_LOW_YEARS;
      spec->lifetime_high_years = UNCERTAINTY_LIFETIME_HIGH_YEARS;
    }
  spec->nregions = cat->nregions;
  spec->npower_keys = keys->npower_keys;
  spec->nhosts = keys->nhosts;
  spec->ncurves = cat->ninstances;
  spec->prune = req->prune;
}
