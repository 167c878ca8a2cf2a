/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Ranking candidates on two objectives, cost and carbon, both minimised:
   non-dominated sorting, the front's notable points, and the price of
   carbon along it.  */
#ifndef CA_PARETO_H
#define CA_PARETO_H

#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"

/* No such point (e.g. no knee on a front of fewer than three points).  */
#define PARETO_NONE SIZE_MAX

/* Grams in a tonne: carbon prices are in USD per tonne CO2e, carbon in
   gCO2e.  */
#define PARETO_GRAMS_PER_TONNE 1e6

/* The analysis of N points (COST[i] in USD, CARBON[i] in gCO2e).  Point
   A dominates B when A is no worse on both objectives and better on one;
   two identical points do not dominate each other.  */
struct pareto
{
  size_t n;
  size_t *sorted;    /* All N points by cost ascending, then carbon
                        ascending, then ORDER (then index, should ORDER
                        repeat a value).  */
  size_t nranks;     /* The highest rank, 0 when N is 0.  */
  size_t *rank;      /* Per point: 1 for the front, 2 for the front of
                        the rest, and so on.  */
  size_t *dominator; /* Per point: a rank-1 point that dominates it
                        (the cheapest such), or PARETO_NONE on the
                        front.  */
  size_t *front;     /* The rank-1 points by cost ascending (carbon
                        descending), ties in ORDER.  */
  size_t nfront;
  size_t cheapest; /* Least cost; ties: least carbon, then ORDER;
                      PARETO_NONE when N is 0.  */
  size_t greenest; /* Least carbon; ties: least cost, then ORDER;
                      PARETO_NONE when N is 0.  */
  size_t knee;     /* The front point farthest below the line from
                      the cheapest to the greenest, both axes scaled
                      to [0, 1] over the front; ties in ORDER;
                      PARETO_NONE with fewer than three distinct
                      front points or when no point lies strictly
                      below the line.  */
  /* The points that minimise cost + price x carbon for some carbon
     price (the lower convex hull of the front), by cost ascending, and
     the range of prices, in USD per tonne, over which each is the best
     choice: [hull_price_low[k], hull_price_high[k]].  The first starts at
     0, the last ends at +infinity, and in between hull_price_high[k] ==
     hull_price_low[k + 1] == pareto_abatement_cost (COST, CARBON,
     hull[k], hull[k + 1]), strictly increasing; at such a boundary both
     points are equally good.  Of several identical points only the
     first in ORDER is on the hull.  A front point exactly on the segment
     between two hull points is left off: it is the best choice only at
     that segment's single price, where its neighbours tie with it.  */
  size_t *hull;
  double *hull_price_low;
  double *hull_price_high;
  size_t nhull;
};

/* Analyse the N points.  ORDER[i] is point i's position in the caller's
   tie-breaking order (a permutation of 0..N-1, e.g. by provider, region,
   instance name): every tie in the results is broken by it, so the
   result never depends on the sort algorithm.  Costs and carbon must be
   finite.  Returns a new analysis (free with pareto_free), or NULL with D
   set (CA_EXIT_FAILURE on a non-finite value).  O(n log n) for the whole
   ranking.  N may be 0: the arrays are then empty and cheapest,
   greenest and knee are PARETO_NONE.  */
struct pareto *pareto_analyse (const double *cost, const double *carbon,
                               const size_t *order, size_t n, struct diag *d);

/* Free P and everything it holds; P may be NULL.  */
void pareto_free (struct pareto *p);

/* The marginal abatement cost, in USD per tonne CO2e saved, of moving
   from front point A to front point B (B greener and dearer): the extra
   cost over the tonnes of carbon saved.  NaN when B saves no carbon.  */
double pareto_abatement_cost (const double *cost, const double *carbon,
                              size_t a, size_t b);

/* The point that minimises COST + USD_PER_TONNE x CARBON / 1e6 among
   all N points; PARETO_NONE when N is 0.  USD_PER_TONNE must be finite.
   Of points with exactly equal values the one with less carbon wins, so
   at a price of 0 the pick is the cheapest point that is on the front;
   then ORDER.  */
size_t pareto_pick_at_price (const double *cost, const double *carbon,
                             const size_t *order, size_t n,
                             double usd_per_tonne);

#endif /* CA_PARETO_H */
