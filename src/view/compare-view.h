/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* compare's findings as tables and the notes under them, written to a
   table or a stream they are given.  */
#ifndef CA_VIEW_COMPARE_VIEW_H
#define CA_VIEW_COMPARE_VIEW_H

#include <stdbool.h>
#include <stdio.h>

#include "model/run.h"
#include "search/compare.h"
#include "search/select.h"
#include "view/output.h"

/* The most columns of compare's region table.  */
enum
{
  COMPARE_VIEW_NCOLUMNS = 26
};

/* The table of C's regions (with the baseline's columns when C has
   one): its columns into COLS (COMPARE_VIEW_NCOLUMNS slots, which must
   outlive the table) and a new table with a row per region.  Unless
   WIDE, the table format leaves out the columns a reader can do without
   (provider, energy, Scope 2 and 3, grid source and year, the
   differences in gCO2e, and with a baseline the share over the best) so that a
   line fits 100 columns; the other formats keep them all.  */
struct out_table *compare_region_table (const struct compare *c,
                                        struct out_column *cols, bool wide);

/* The table of C's groups: a row per group of SEL, then "all" unless
   SEL is exactly one group.  A new table.  */
struct out_table *compare_group_table (const struct compare *c,
                                       const struct selection *sel);

/* The notes under the tables, for C (with a row or not), PARAMS's job
   over NREGIONS regions, and R, its robustness (read only when C has a
   row): counts, equivalents, best, baseline, robustness and price
   dates.  MARKDOWN puts a blank line after each, making each a
   paragraph.  Returns 0, or -1 when R's runs of the other signal failed
   (the notes then stop within the robustness line).  */
int compare_write_notes (FILE *fp, bool markdown,
                         const struct run_params *params,
                         const struct compare *c, size_t nregions,
                         const struct compare_robustness *r);

#endif /* CA_VIEW_COMPARE_VIEW_H */
