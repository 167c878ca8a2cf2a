/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A run's figures as output tables: its columns in every output
   format, a row of them, and two runs of the same job side by side.  */
#ifndef CA_RUN_VIEW_H
#define CA_RUN_VIEW_H

#include "model/run.h"
#include "view/output.h"

/* The columns of a run in every output format, and how many.  */
extern const struct out_column run_columns[];
extern const size_t run_ncolumns;

/* How RUN's figures were worked out, for a sentence read by people:
   "Teads' measured power curves", "Teads' method with a modelled power
   curve" (no measurement of the instance type: its curve is built from
   its components) or "Cloud Carbon Footprint's coefficients".  advise's
   summary, estimate and the report's Method line all say this.  */
const char *run_method_text (const struct run *run);

/* Fill the last row of TABLE, whose first run_ncolumns columns are
   run_columns, from RUN.  */
void run_fill_row (struct out_table *table, const struct run *run);

/* Fill the last row of TABLE as run_fill_row does with the difference B
   minus A of two runs of the same job by two methods: the job's own
   columns (provider, region, instance, count, runtime, load, location,
   lifetime) as in A, every figure as B's minus A's, the sources blank and
   the method "difference".  */
void run_fill_difference_row (struct out_table *table, const struct run *a,
                              const struct run *b);

/* The table format of two runs of the same job side by side: a new
   table whose rows are the figures (power, PUE, grid, energy, Scope 2,
   Scope 3, total, embodied share, cost) and whose columns are the
   figure's label, A's value, B's, B minus A, the change in per cent and
   the unit, each value with the run column's decimals.  */
struct out_table *run_compare_figures (const struct run *a,
                                       const struct run *b);

/* The same for where the figures come from: a row per source column
   (power curve, sources and years, data rows), A's and B's.  */
struct out_table *run_compare_sources (const struct run *a,
                                       const struct run *b);

/* The job both runs share, for the vertical layout: provider, region,
   instance, count, runtime, load, location.  */
struct out_table *run_job_table (const struct run *run);

#endif /* CA_RUN_VIEW_H */
