/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Ranking candidates on two objectives, cost and carbon, both minimised.  */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search/pareto.h"
#include "base/system.h"
#include "base/xalloc.h"

/* One point with its keys, as the sort orders it and the rank sweep
   reads it.  */
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

/* Give every point of P its rank, in one sweep over ITEMS (in P's
   sorted order), and count P's fronts and the points of rank 1.
   LAST[k] is the item most recently put in front k + 1 (a copy: the
   search below reads nothing else).  Within a front, points in sorted
   order have carbon that never rises, so LAST[k] has the least carbon of
   its front so far: an item is dominated by some member of front k + 1
   if and only if it is dominated by LAST[k].  Everything that dominates
   an item sorts before it, and a member of front k + 1 is dominated by a
   member of front k that sorts before it, so "dominated by front k + 1"
   implies "dominated by front k": the fronts that dominate an item form
   a prefix, and a binary search finds its rank.  */
static void
assign_ranks (const struct pareto_item *items, struct pareto *p)
{
  struct pareto_item *last = xreallocarray (NULL, p->n, sizeof *last);
  size_t nfronts = 0;
  size_t nfirst = 0;
  size_t i;

  for (i = 0; i < p->n; i++)
    {
      const struct pareto_item *it = &items[i];
      size_t lo = 0;
      size_t hi = nfronts;

      while (lo < hi)
        {
          size_t mid = lo + (hi - lo) / 2;
          const struct pareto_item *q = &last[mid];

          /* Whether Q dominates IT: no worse on both objectives and
             better on one (identical points do not dominate each
             other), knowing that Q, sorted before IT, costs no more.  */
          if (q->carbon < it->carbon
              || (q->carbon <= it->carbon && q->cost < it->cost))
            lo = mid + 1;
          else
            hi = mid;
        }
      last[lo] = *it;
      if (lo == nfronts)
        nfronts++;
      p->rank[it->index] = lo + 1;
      if (lo == 0)
        nfirst++;
    }
  free (last);
  p->nfront = nfirst;
  p->nranks = nfronts;
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

/* An unsigned integer that orders like X (finite), for the radix sort
   below.  A non-negative double orders like its bits; a negative one,
   with the sign bit set, in reverse, so its bits are flipped.  -0.0 and
   +0.0 tie under <, and so they get the same key, the one +0.0 has: the
   sort's runs of equal keys are then exactly the runs of equal cost.  */
static uint64_t
double_key (double x)
{
  const uint64_t sign = UINT64_C (1) << 63;
  uint64_t bits;

  if (same_value (x, 0.0))
    return sign;
  memcpy (&bits, &x, sizeof bits);
  return (bits & sign) != 0 ? ~bits : bits | sign;
}

/* Radix digits of the cost key: 11 bits, so six of them cover it.  */
enum
{
  DIGIT_BITS = 11,
  DIGIT_VALUES = 1 << DIGIT_BITS,
  KEY_DIGITS = (64 + DIGIT_BITS - 1) / DIGIT_BITS
};

/* Whether A comes before B: by cost, then carbon, then ORDER.  The index
   comes last only so that the order stays total (and the result
   independent of the sort) even if a caller's ORDER is not a
   permutation.  */
static bool
item_before (const struct pareto_item *a, const struct pareto_item *b)
{
  if (a->cost < b->cost)
    return true;
  if (a->cost > b->cost)
    return false;
  if (a->carbon < b->carbon)
    return true;
  if (a->carbon > b->carbon)
    return false;
  if (a->order != b->order)
    return a->order < b->order;
  return a->index < b->index;
}

/* Sort the M ITEMS by item_before, with SCRATCH room for M more: an
   insertion sort of short blocks (most runs of equal cost are short),
   then merges, so that a long run costs O(m log m).  */
static void
sort_run (struct pareto_item *items, size_t m, struct pareto_item *scratch)
{
  enum
  {
    BLOCK = 16
  };
  struct pareto_item *src = items, *dst = scratch, *swap;
  size_t lo, i, j, width;

  for (lo = 0; lo < m; lo += BLOCK)
    for (i = lo + 1; i < m && i < lo + BLOCK; i++)
      {
        struct pareto_item x = items[i];

        for (j = i; j > lo && item_before (&x, &items[j - 1]); j--)
          items[j] = items[j - 1];
        items[j] = x;
      }
  for (width = BLOCK; width < m; width *= 2)
    {
      for (lo = 0; lo < m; lo += 2 * width)
        {
          size_t mid = m - lo > width ? lo + width : m;
          size_t hi = m - mid > width ? mid + width : m;
          size_t a = lo, b = mid, k = lo;

          while (a < mid && b < hi)
            dst[k++] = item_before (&src[b], &src[a]) ? src[b++] : src[a++];
          while (a < mid)
            dst[k++] = src[a++];
          while (b < hi)
            dst[k++] = src[b++];
        }
      swap = src;
      src = dst;
      dst = swap;
    }
  if (src != items)
    memcpy (items, src, m * sizeof *items);
}

/* The indices of the N points by cost: a new array.  A
   least-significant-digit radix sort of the cost keys, with no
   comparison at all; a digit that all points share is skipped.  */
static size_t *
indices_by_cost (const double *cost, size_t n)
{
  uint64_t *keys = xreallocarray (NULL, n, sizeof *keys);
  size_t *count = xcalloc ((size_t) KEY_DIGITS * DIGIT_VALUES, sizeof *count);
  size_t *from = xreallocarray (NULL, n, sizeof *from);
  size_t *to = xreallocarray (NULL, n, sizeof *to);
  size_t *swap;
  size_t i, sum;
  unsigned d, v;

  /* Every digit's histogram in one sweep.  */
  for (i = 0; i < n; i++)
    {
      uint64_t key = double_key (cost[i]);

      keys[i] = key;
      for (d = 0; d < KEY_DIGITS; d++)
        count[d * DIGIT_VALUES
              + ((key >> (d * DIGIT_BITS)) & (DIGIT_VALUES - 1))]++;
      from[i] = i;
    }
  for (d = 0; d < KEY_DIGITS; d++)
    {
      size_t *c = &count[d * DIGIT_VALUES];
      unsigned shift = d * DIGIT_BITS;

      if (n == 0 || c[(keys[0] >> shift) & (DIGIT_VALUES - 1)] == n)
        continue;
      for (sum = 0, v = 0; v < DIGIT_VALUES; v++)
        {
          size_t here = c[v];

          c[v] = sum;
          sum += here;
        }
      for (i = 0; i < n; i++)
        {
          size_t k = from[i];

          to[c[(keys[k] >> shift) & (DIGIT_VALUES - 1)]++] = k;
        }
      swap = from;
      from = to;
      to = swap;
    }
  free (to);
  free (count);
  free (keys);
  return from;
}

/* The N points sorted by item_before: a new array.  The radix sort puts
   them in cost order, then each run of equal cost is sorted by the full
   key.  Since that key is a total order, the result depends on neither
   sort's choices.  */
static struct pareto_item *
sorted_items (const double *cost, const double *carbon, const size_t *order,
              size_t n)
{
  struct pareto_item *items = xreallocarray (NULL, n, sizeof *items);
  struct pareto_item *scratch = NULL;
  size_t *by_cost = indices_by_cost (cost, n);
  size_t i, j, room = 0;

  for (i = 0; i < n; i++)
    {
      size_t k = by_cost[i];

      items[i].cost = cost[k];
      items[i].carbon = carbon[k];
      items[i].order = order[k];
      items[i].index = k;
    }
  free (by_cost);
  for (i = 0; i < n; i = j)
    {
      for (j = i + 1; j < n && same_value (items[j].cost, items[i].cost); j++)
        continue;
      if (j - i < 2)
        continue;
      /* Room for the longest run so far, not for all N points.  */
      if (j - i > room)
        {
          room = j - i;
          scratch = xreallocarray (scratch, room, sizeof *scratch);
        }
      sort_run (items + i, j - i, scratch);
    }
  free (scratch);
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

  p = xmalloc (sizeof *p);
  items = sorted_items (cost, carbon, order, n);
  p->sorted = xreallocarray (NULL, n, sizeof *p->sorted);
  for (i = 0; i < n; i++)
    p->sorted[i] = items[i].index;
  p->n = n;
  p->rank = xreallocarray (NULL, n, sizeof *p->rank);
  p->dominator = xreallocarray (NULL, n, sizeof *p->dominator);
  assign_ranks (items, p);
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
  free (p->sorted);
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
