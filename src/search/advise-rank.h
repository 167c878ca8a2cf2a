/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Inside advise's search: the candidates and their ranking
   (advise-rank.c), and their sampling (advise-uncertain.c).  */
#ifndef CA_SEARCH_ADVISE_RANK_H
#define CA_SEARCH_ADVISE_RANK_H

#include "search/advise.h"

/* Enumerate every priced pair of CAT that meets Q's constraints, in
   the catalogue's order (provider, region, instance: the tie-break
   order), with the runtimes of SCALING and the rules of R's RULES
   (set beforehand), into R, counting in F, and rank them.  Returns 0, or -1
   with D set.  */
int advise_rank_candidates (const struct advise_query *q,
                            const struct catalogue *cat,
                            const struct scaling *scaling,
                            struct advise_ranking *r, struct advise_funnel *f,
                            struct diag *d);

void advise_ranking_free (struct advise_ranking *r);

/* Sample R's candidates (and its baseline) with Q's spec, and find each
   one's share of samples on the front, the recommendation's odds
   against the cheapest and the baseline, and whether it holds under
   another grid signal.  Returns 0, or -1 with D set.  */
int advise_rank_uncertain (const struct advise_query *q,
                           const struct catalogue *cat,
                           const struct scaling *scaling,
                           struct advise_ranking *r, struct diag *d);

#endif /* CA_SEARCH_ADVISE_RANK_H */
