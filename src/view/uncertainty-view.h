/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A run's quantiles as output columns: the p5, p50 and p95 of its
   total and cost, with the samples and seed they come from.  */
#ifndef CA_UNCERTAINTY_VIEW_H
#define CA_UNCERTAINTY_VIEW_H

#include "search/uncertainty.h"
#include "view/output.h"

/* The columns of a run's quantiles in every output format: the p5, p50
   and p95 of the total and of the cost, the samples and the seed.  */
enum
{
  UNCERTAINTY_NCOLUMNS = 8
};
extern const struct out_column uncertainty_columns[UNCERTAINTY_NCOLUMNS];

/* Fill columns FIRST to FIRST + UNCERTAINTY_NCOLUMNS - 1 of the last row
   of TABLE (laid out as uncertainty_columns) from S, SAMPLES and
   SEED.  */
void uncertainty_fill_row (struct out_table *table, size_t first,
                           const struct uncertainty_summary *s, size_t samples,
                           unsigned long seed);

#endif /* CA_UNCERTAINTY_VIEW_H */
