/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The spec and item the uncertainty unit tests start from: each
   check_uncertainty*.c includes it once.  Its functions are inline so
   that a test file need not use them all.  */
#ifndef CA_TESTS_UNCERTAINTY_FIXTURE_H
#define CA_TESTS_UNCERTAINTY_FIXTURE_H

#include <string.h>

#include "search/uncertainty.h"

static const double curve[CATALOGUE_POWER_POINTS] = { 10, 20, 30, 40 };
static const double other_curve[CATALOGUE_POWER_POINTS] = { 12, 25, 31, 52 };

/* A spec of exact job figures over two regions, power keys, hosts and
   curves.  */
static inline void
exact_spec (struct uncertainty_spec *spec, size_t samples)
{
  memset (spec, 0, sizeof *spec);
  spec->samples = samples;
  spec->seed = UNCERTAINTY_DEFAULT_SEED;
  spec->load_pct.low = spec->load_pct.mode = spec->load_pct.high = 50.0;
  spec->runtime_h.low = spec->runtime_h.mode = spec->runtime_h.high = 10.0;
  spec->runtime_point_h = 10.0;
  spec->lifetime_low_years = spec->lifetime_high_years = 4.0;
  spec->nregions = spec->npower_keys = spec->nhosts = spec->ncurves = 2;
  spec->prune = true;
}

/* An item with every range of zero width: 3 instances of 123.4 W for
   7.5 h, PUE 1.17, grid 321.5, embodied 97.3 kg, 0.37 USD/h.  */
static inline void
exact_item (struct uncertainty_item *it, size_t region)
{
  memset (it, 0, sizeof *it);
  it->count = 3.0;
  it->runtime_h = 7.5;
  it->power_w = 123.4;
  it->curve_w = curve;
  it->embodied_kgco2e = it->embodied_low_kgco2e = it->embodied_high_kgco2e
    = 97.3;
  it->pue = it->pue_low = it->pue_high = 1.17;
  it->grid_gco2e_per_kwh = it->grid_low = it->grid_high = 321.5;
  it->region = region;
  it->cost_usd = 3.0 * 0.37 * 7.5;
  it->competes = true;
}

#endif /* CA_TESTS_UNCERTAINTY_FIXTURE_H */
