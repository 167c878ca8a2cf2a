/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Ranking candidates on two objectives, cost and carbon, both minimised.  */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include <gsl/gsl_heapsort.h>
#include <gsl/gsl_sort.h>

#include "search/pareto.h"
#include "base/system.h"
#include "base/xalloc.h"

/* One point as the sort sees it: the comparator needs all three keys,
   and carrying them in the element keeps it free of file-static state,
   so that analyses may run in several threads at once.  */
struct pareto_item
{
  double cost;
  double carbon;
  size_t order;
  size_t index;
};

/* The build forbids == on doubles, and rightly so elsewhere; here exact
   equality is what ties mean, so spell it out once.  */
static bool
same_value (double a, double b)
{
  return !(a < b) && !(a > b);
}

static bool
same_point (const double *cost, const double *carbon, size_t a, size_t b)
{
  return same_value (cost[a], cost[b]) && same_value (carbon[a], carbon[b]);
}

/* Whether (CA, GA) dominates (CB, GB): no worse on both objectives and
   better on one, so that identical points do not dominate each other.  */
static bool
dominates (double ca, double ga, double cb, double gb)
{
  return ca <= cb && ga <= gb && (ca < cb || ga < gb);
}

/* Cost ascending, then carbon ascending, then ORDER.  The index comes
   last only so that the order stays total (and the result independent
   of the heapsort) even if a caller's ORDER is not a permutation.  */
static int
item_compare (const void *pa, const void *pb)
{
  const struct pareto_item *a = pa;
  const struct pareto_item *b = pb;

  if (a->cost < b->cost)
    return -1;
  if (a->cost > b->cost)
    return 1;
  if (a->carbon < b->carbon)
    return -1;
  if (a->carbon > b->carbon)
    return 1;
  if (a->order != b->order)
    return a->order < b->order ? -1 : 1;
  if (a->index != b->index)
    return a->index < b->index ? -1 : 1;
  return 0;
}

/* The carbon price, in USD per tonne, at which points A and B cost the
   same once carbon is priced.  Shared by the hull and by
   pareto_abatement_cost so that the two agree to the last bit.  */
static double
break_even_price (const double *cost, const double *carbon, size_t a, size_t b)
{
  double saved = carbon[a] - carbon[b];

  if (!(saved > 0))
    return NAN;
  return (cost[b] - cost[a]) / saved * PARETO_GRAMS_PER_TONNE;
}

/* The first position J in FRONT (NFRONT points whose carbon never rises)
   with CARBON[FRONT[J]] <= G, or NFRONT if there is none.  */
static size_t
front_first_at_most (const double *carbon, const size_t *front, size_t nfront,
                     double g)
{
  size_t lo = 0;
  size_t hi = nfront;

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;

      if (carbon[front[mid]] <= g)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* Give every point its rank, in one sweep over ITEMS (sorted by
   item_compare).  LAST[k] is the item most recently put in front k + 1.
   Within a front, points in sorted order have carbon that never rises,
   so LAST[k] has the least carbon of its front so far: an item is
   dominated by some member of front k + 1 if and only if it is dominated
   by LAST[k].  Everything that dominates an item sorts before it, and a
   member of front k + 1 is dominated by a member of front k that sorts
   before it, so "dominated by front k + 1" implies "dominated by front
   k": the fronts that dominate an item form a prefix, and a binary
   search finds its rank.  Returns the number of points of rank 1.  */
static size_t
assign_ranks (const struct pareto_item *items, size_t n, size_t *rank)
{
  size_t *last = xreallocarray (NULL, n, sizeof *last);
  size_t nfronts = 0;
  size_t nfirst = 0;
  size_t i;

  for (i = 0; i < n; i++)
    {
      const struct pareto_item *p = &items[i];
      size_t lo = 0;
      size_t hi = nfronts;

      while (lo < hi)
        {
          size_t mid = lo + (hi - lo) / 2;
          const struct pareto_item *q = &items[last[mid]];

          if (dominates (q->cost, q->carbon, p->cost, p->carbon))
            lo = mid + 1;
          else
            hi = mid;
        }
      last[lo] = i;
      if (lo == nfronts)
        nfronts++;
      rank[p->index] = lo + 1;
      if (lo == 0)
        nfirst++;
    }
  free (last);
  return nfirst;
}

/* The knee of P's front, as pareto.h defines it.  With at least three
   distinct points the cheapest and the greenest differ in both cost and
   carbon, so WIDTH and HEIGHT below are positive.  Scaled to [0, 1], a
   point is (x, y) = ((c - cmin) / WIDTH, (g - gmin) / HEIGHT) and lies
   (1 - x - y) / sqrt (2) below the line x + y = 1.  Multiplied by the
   positive constant WIDTH x HEIGHT x sqrt (2), that is
   (cmax - c) x HEIGHT - (g - gmin) x WIDTH, which orders the points the
   same way and has the same sign, but involves no division: when the
   differences and products are exact (moderate integers, say) a point on
   the line gives exactly 0 and equally distant points tie exactly, so
   that ORDER, and not rounding, decides.  */
static size_t
find_knee (const double *cost, const double *carbon, const size_t *order,
           const struct pareto *p, size_t ndistinct)
{
  double cmax, gmin, width, height, best_s = 0;
  size_t best = PARETO_NONE;
  size_t j;

  if (ndistinct < 3)
    return PARETO_NONE;
  cmax = cost[p->greenest];
  gmin = carbon[p->greenest];
  width = cmax - cost[p->cheapest];
  height = carbon[p->cheapest] - gmin;
  for (j = 0; j < p->nfront; j++)
    {
      size_t i = p->front[j];
      double s = (cmax - cost[i]) * height - (carbon[i] - gmin) * width;

      if (!(s > 0))
        continue;
      if (best == PARETO_NONE || s > best_s
          || (same_value (s, best_s) && order[i] < order[best]))
        {
          best = i;
          best_s = s;
        }
    }
  return best;
}

/* Build P's hull: Andrew's monotone chain over the distinct front points
   in cost order.  The middle of three hull candidates O, A, B stays only
   if the price at which A takes over from O is below the price at which
   B takes over from A.  Comparing the very prices that are stored (not
   an equivalent cross product) makes the stored ranges strictly
   increasing by construction, so every hull point is the best choice
   over a range of positive width.  A point exactly on the segment
   between two others has equal prices on both sides: it is best only at
   that one price, tied with its neighbours, and is left off.  Only the
   first of identical points (in ORDER, as FRONT lists them) is
   considered.  */
static void
build_hull (const double *cost, const double *carbon, struct pareto *p)
{
  size_t *hull = xreallocarray (NULL, p->nfront, sizeof *hull);
  size_t nhull = 0;
  size_t j, k;

  for (j = 0; j < p->nfront; j++)
    {
      size_t b = p->front[j];

      if (j > 0 && same_point (cost, carbon, p->front[j - 1], b))
        continue;
      while (nhull >= 2)
        {
          size_t o = hull[nhull - 2];
          size_t a = hull[nhull - 1];

          if (break_even_price (cost, carbon, o, a)
              < break_even_price (cost, carbon, a, b))
            break;
          nhull--;
        }
      hull[nhull++] = b;
    }

  p->hull = hull;
  p->nhull = nhull;
  p->hull_price_low = xreallocarray (NULL, nhull, sizeof *p->hull_price_low);
  p->hull_price_high = xreallocarray (NULL, nhull, sizeof *p->hull_price_high);
  for (k = 0; k < nhull; k++)
    {
      p->hull_price_low[k] = k == 0 ? 0.0 : p->hull_price_high[k - 1];
      p->hull_price_high[k]
        = k + 1 == nhull
            ? INFINITY
            : break_even_price (cost, carbon, hull[k], hull[k + 1]);
    }
}

/* The N points sorted by (cost, carbon, ORDER): a new array.  */
static struct pareto_item *
sorted_items (const double *cost, const double *carbon, const size_t *order,
              size_t n)
{
  struct pareto_item *items = xreallocarray (NULL, n, sizeof *items);
  size_t i, j;

  /* Sort by cost with GSL's sort of a plain double array, several times
     faster than a heapsort through a comparison callback, then put each
     run of equal costs in the full order (cost, carbon, ORDER).  The
     comparator is a total order, so heapsort's instability cannot show
     and the result does not depend on the sort.  */
  if (n > 0)
    {
      size_t *by_cost = xreallocarray (NULL, n, sizeof *by_cost);

      gsl_sort_index (by_cost, cost, 1, n);
      for (i = 0; i < n; i++)
        {
          size_t k = by_cost[i];

          items[i].cost = cost[k];
          items[i].carbon = carbon[k];
          items[i].order = order[k];
          items[i].index = k;
        }
      free (by_cost);
    }
  for (i = 0; i < n; i = j)
    {
      for (j = i + 1; j < n && same_value (items[j].cost, items[i].cost); j++)
        continue;
      if (j - i > 1)
        gsl_heapsort (items + i, j - i, sizeof *items, item_compare);
    }
  return items;
}

/* List P's front (its points of rank 1) from the N sorted ITEMS.
   Returns how many distinct points it has.  */
static size_t
list_front (const double *cost, const double *carbon,
            const struct pareto_item *items, size_t n, struct pareto *p)
{
  size_t i, j = 0, ndistinct = 0;

  /* The front in sorted order is by cost ascending and so carbon
     descending; front points of equal cost are identical, so the sort
     has already put them in ORDER.  */
  p->front = xreallocarray (NULL, p->nfront, sizeof *p->front);
  for (i = 0; i < n; i++)
    {
      size_t k = items[i].index;

      if (p->rank[k] != 1)
        continue;
      if (j == 0 || !same_point (cost, carbon, p->front[j - 1], k))
        ndistinct++;
      p->front[j++] = k;
    }
  return ndistinct;
}

/* Find what dominates each point of P off its front, and P's cheapest
   and greenest points.  */
static void
find_dominators (const double *carbon, struct pareto *p)
{
  size_t i;

  /* The front dominates every point off it.  Along the front carbon
     never rises, so the front points with carbon at most point I's form
     a tail of the list, and the first of them is the cheapest; it
     cannot be identical to I, or I would be on the front too.  */
  for (i = 0; i < p->n; i++)
    if (p->rank[i] == 1)
      p->dominator[i] = PARETO_NONE;
    else
      p->dominator[i] = p->front[front_first_at_most (carbon, p->front,
                                                      p->nfront, carbon[i])];

  if (p->n == 0)
    {
      p->cheapest = PARETO_NONE;
      p->greenest = PARETO_NONE;
    }
  else
    {
      /* The first of the sorted points; the greenest is the first front
         point with the least carbon, since the front points sharing it
         are identical and listed in ORDER.  */
      p->cheapest = p->front[0];
      p->greenest = p->front[front_first_at_most (
        carbon, p->front, p->nfront, carbon[p->front[p->nfront - 1]])];
    }
}

/* Analyse the N points COST[i], CARBON[i] with ties broken by ORDER, as
   pareto.h describes.  Returns a new analysis that the caller frees with
   pareto_free, or NULL with D set to CA_EXIT_FAILURE and a message
   naming the first point whose cost or carbon is not finite.  */
struct pareto *
pareto_analyse (const double *cost, const double *carbon, const size_t *order,
                size_t n, struct diag *d)
{
  struct pareto *p;
  struct pareto_item *items;
  size_t ndistinct;
  size_t i;

  for (i = 0; i < n; i++)
    if (!isfinite (cost[i]) || !isfinite (carbon[i]))
      {
        diag_set (d, CA_EXIT_FAILURE,
                  "point %zu: cost and carbon must be finite", i);
        return NULL;
      }

  items = sorted_items (cost, carbon, order, n);
  p = xmalloc (sizeof *p);
  p->n = n;
  p->rank = xreallocarray (NULL, n, sizeof *p->rank);
  p->dominator = xreallocarray (NULL, n, sizeof *p->dominator);
  p->nfront = assign_ranks (items, n, p->rank);
  ndistinct = list_front (cost, carbon, items, n, p);
  free (items);
  find_dominators (carbon, p);
  p->knee = find_knee (cost, carbon, order, p, ndistinct);
  build_hull (cost, carbon, p);
  return p;
}

/* Free P and all it owns; P may be NULL.  */
void
pareto_free (struct pareto *p)
{
  if (p == NULL)
    return;
  free (p->rank);
  free (p->dominator);
  free (p->front);
  free (p->hull);
  free (p->hull_price_low);
  free (p->hull_price_high);
  free (p);
}

/* The price, in USD per tonne, of moving from point A to point B: the
   extra cost over the carbon saved, or NaN unless B saves carbon.  */
double
pareto_abatement_cost (const double *cost, const double *carbon, size_t a,
                       size_t b)
{
  return break_even_price (cost, carbon, a, b);
}

/* The index of the point with the least COST + USD_PER_TONNE x CARBON /
   1e6 among the N points, or PARETO_NONE when N is 0.  Of points with
   exactly equal values the one with less carbon wins (at a price of 0
   the cheapest, greenest option, not merely the cheapest), then ORDER.  */
size_t
pareto_pick_at_price (const double *cost, const double *carbon,
                      const size_t *order, size_t n, double usd_per_tonne)
{
  size_t best = PARETO_NONE;
  double best_v = 0;
  size_t i;

  for (i = 0; i < n; i++)
    {
      double v = cost[i] + usd_per_tonne * carbon[i] / PARETO_GRAMS_PER_TONNE;

      if (best == PARETO_NONE || v < best_v
          || (same_value (v, best_v)
              && (carbon[i] < carbon[best]
                  || (same_value (carbon[i], carbon[best])
                      && order[i] < order[best]))))
        {
          best = i;
          best_v = v;
        }
    }
  return best;
}
