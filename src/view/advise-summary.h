/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sentences of advise's findings, written to a stream it is
   given.  */
#ifndef CA_VIEW_ADVISE_SUMMARY_H
#define CA_VIEW_ADVISE_SUMMARY_H

#include <stdio.h>

#include "search/advise.h"

/* The summary under advise's table of R, with what F counted, for Q:
   the counts, the prices, what was left out and why, the notable
   candidates, the baseline, the carbon-price ranges and the
   uncertainty.  */
void advise_write_summary (FILE *fp, const struct advise_ranking *r,
                           const struct advise_funnel *f,
                           const struct advise_query *q);

/* Say on FP which of Q's constraints left no candidate, from F: the
   count after each stage, then the stage that emptied the set and
   why.  */
void advise_explain_empty (FILE *fp, const struct advise_funnel *f,
                           const struct advise_query *q);

#endif /* CA_VIEW_ADVISE_SUMMARY_H */
