/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A run's quantiles as output columns (doc/METHODOLOGY.md,
   "Uncertainty").  */
#include <config.h>

#include "view/uncertainty-view.h"

const struct out_column uncertainty_columns[UNCERTAINTY_NCOLUMNS] = {
  { "total_gco2e_p05", "Total p5", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "total_gco2e_p50", "Total p50", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "total_gco2e_p95", "Total p95", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "cost_usd_p05", "Cost p5", "USD", OUT_NUMBER, 2, 0 },
  { "cost_usd_p50", "Cost p50", "USD", OUT_NUMBER, 2, 0 },
  { "cost_usd_p95", "Cost p95", "USD", OUT_NUMBER, 2, 0 },
  { "samples", "Samples", NULL, OUT_INTEGER, 0, 0 },
  { "seed", "Seed", NULL, OUT_INTEGER, 0, 0 },
};

void
uncertainty_fill_row (struct out_table *table, size_t first,
                      const struct uncertainty_summary *s, size_t samples,
                      unsigned long seed)
{
  size_t k;

  for (k = 0; k < 3; k++)
    {
      out_table_set_number (table, first + k, s->total_gco2e[k]);
      out_table_set_number (table, first + 3 + k, s->cost_usd[k]);
    }
  out_table_set_number (table, first + 6, (double) samples);
  out_table_set_number (table, first + 7, (double) seed);
}
