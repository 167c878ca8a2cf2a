/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* What a user asks of the Monte Carlo, in plain values, and the
   uncertainty_spec it comes to: which ranges are drawn around the job's
   point figures, and how many samples with which seed.  */
#ifndef CA_UNCERTAINTY_REQUEST_H
#define CA_UNCERTAINTY_REQUEST_H

#include <stdbool.h>

#include "data/catalogue.h"
#include "search/uncertainty.h"

struct uncertainty_request
{
  long samples; /* 1 to UNCERTAINTY_MAX_SAMPLES.  */
  unsigned long seed;
  bool prune;                       /* Skip candidates that cannot reach the
                                       front.  */
  double load_pct;                  /* The point load: the ranges' mode.  */
  struct uncertainty_range load;    /* Low NaN: the load is exact.  */
  double runtime_h;                 /* The point runtime, on the reference.  */
  struct uncertainty_range runtime; /* Low NaN: none given.  */
  double runtime_spread_pct;        /* Within this per cent of RUNTIME_H
                                       (uniform), or NaN; wins over
                                       RUNTIME.  */
  double lifetime_years;
  bool lifetime_given; /* An exact lifetime; otherwise the
                          default spread of lifetimes.  */
};

/* Fill *SPEC from REQ and the key spaces of CAT and KEYS.  */
void uncertainty_request_spec (const struct uncertainty_request *req,
                               const struct catalogue *cat,
                               const struct uncertainty_keys *keys,
                               struct uncertainty_spec *spec);

#endif /* CA_UNCERTAINTY_REQUEST_H */
