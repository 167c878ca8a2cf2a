/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise's findings as a table: its columns and rows.  */
#ifndef CA_VIEW_ADVISE_TABLE_H
#define CA_VIEW_ADVISE_TABLE_H

#include <stddef.h>

#include "search/advise.h"
#include "view/output.h"

/* The columns of advise's output for Q in FORMAT: a new array of
 *NCOLS (the table borrows it: free it after the table).  */
struct out_column *advise_columns (const struct advise_query *q,
                                   enum out_format format, size_t *ncols);

/* Add candidate I of R as a row of T, made with advise_columns for Q
   and FORMAT (the table format shows the quantiles as ranges).  */
void advise_table_add (struct out_table *t, const struct advise_ranking *r,
                       const struct advise_query *q, enum out_format format,
                       size_t i);

#endif /* CA_VIEW_ADVISE_TABLE_H */
