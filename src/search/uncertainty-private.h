/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sampler's state, shared by the uncertainty modules: the job's
   draws per sample; every other draw is made on demand
   (uncertainty-draws.h).  */
#ifndef CA_UNCERTAINTY_PRIVATE_H
#define CA_UNCERTAINTY_PRIVATE_H

#include <gsl/gsl_interp.h>

#include "search/uncertainty.h"

struct uncertainty
{
  struct uncertainty_spec spec;
  const struct uncertainty_item *items;
  size_t n;
  size_t samples;
  bool load_fixed;
  double *load;        /* Per sample, for an uncertain load; else NULL.  */
  double *ratio;       /* Per sample: drawn runtime / point.  */
  double *life_h;      /* Per sample.  */
  gsl_interp **curves; /* Per curve in use, for an uncertain load; set
                          up by uncertainty_new.  */
  double load_low, load_high;
  double ratio_low, ratio_high;
  double life_low, life_high;
  bool gpu_varies; /* Some item's GPU speed ratio is drawn, so costs no
                      longer scale alike.  */
};

/* Item I's watts at the loads of samples FROM to FROM + COUNT - 1 into
   W (its point watts when the load is exact): the same for every item
   of its curve.  */
void uncertainty_item_watts (const struct uncertainty *u, size_t i,
                             size_t from, size_t count, double *w);

/* Item I's power error factors for samples FROM to FROM + COUNT - 1
   into F: the same for every item of its power key.  */
void uncertainty_item_factors (const struct uncertainty *u, size_t i,
                               size_t from, size_t count, double *f);

/* Item IT's total gCO2e, before the runtime ratio, with the figures a
   sample drew for it: one instance's WATTS (its power error included),
   the PUE, the GRID intensity, the EMBODIED share and the hardware
   lifetime LIFE_H in hours.  By the model's formula (footprint_compute),
   so that the point figures give the point total to the last bit.  */
double uncertainty_item_total (const struct uncertainty_item *it, double watts,
                               double pue, double grid, double embodied,
                               double life_h);

/* Item I's totals for samples FROM to FROM + COUNT - 1 into TOTAL,
   from its WATTS and FACTORS for those samples as the two above give
   them, or NULL to have them made.  */
void uncertainty_item_totals (const struct uncertainty *u, size_t i,
                              size_t from, size_t count, const double *watts,
                              const double *factors, double *total);

/* Item I's costs for samples FROM to FROM + COUNT - 1 into COST.  */
void uncertainty_item_costs (const struct uncertainty *u, size_t i,
                             size_t from, size_t count, double *cost);

#endif /* CA_UNCERTAINTY_PRIVATE_H */
