/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for non-dominated sorting and the cost-carbon front.  */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "search/pareto.h"
#include "base/system.h"
#include "unit.h"
#include "base/xalloc.h"

#define NONE PARETO_NONE

/* Check's assertions record their location even when they pass, a write
   each; the property checks make millions, so they assert only on
   failure.  */
#define REQUIRE(cond, ...)                                                    \
  do                                                                          \
    {                                                                         \
      if (!(cond))                                                            \
        ck_abort_msg (__VA_ARGS__);                                           \
    }                                                                         \
  while (0)

/* Require two indices (size_t) to be equal.  */
#define REQUIRE_EQ(x, y)                                                      \
  do                                                                          \
    {                                                                         \
      size_t x_ = (x), y_ = (y);                                              \
      REQUIRE (x_ == y_, "%s == %zu, %s == %zu", #x, x_, #y, y_);             \
    }                                                                         \
  while (0)

/* Assert that X is Y to 1e-9, absolute, as the hand-worked values are
   small.  */
#define ASSERT_NEAR(x, y) ck_assert_double_eq_tol ((x), (y), 1e-9)

/* A set of points and the caller's tie-breaking order.  EXACT says the
   coordinates are integers small enough that sums and products of
   differences are exact, so that the references below may use integer
   arithmetic and demand exact ties.  */
struct pset
{
  size_t n;
  double *cost;
  double *carbon;
  size_t *order;
  bool exact;
};

static void
pset_alloc (struct pset *s, size_t n)
{
  s->n = n;
  s->cost = xcalloc (n, sizeof *s->cost);
  s->carbon = xcalloc (n, sizeof *s->carbon);
  s->order = xcalloc (n, sizeof *s->order);
  s->exact = false;
}

static void
pset_free (struct pset *s)
{
  free (s->cost);
  free (s->carbon);
  free (s->order);
}

/* A random permutation of 0..N-1 in P.  */
static void
random_permutation (gsl_rng *r, size_t *p, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    p[i] = i;
  /* gsl_ran_shuffle counts down from N - 1, so N must not be 0.  */
  if (n > 1)
    gsl_ran_shuffle (r, p, n, sizeof *p);
}

/* The kinds of random set.  The integer kinds draw from small ranges so
   that equal costs, equal carbon, identical points and collinear points
   are common.  */
enum pset_kind
{
  KIND_UNIFORM,    /* Continuous, independent.  */
  KIND_TINY_GRID,  /* Integers 0..5 on both axes: mostly ties.  */
  KIND_GRID,       /* Integer costs, carbon in steps of 100.  */
  KIND_TRADE_OFF,  /* Integers along a falling line, plus noise.  */
  KIND_CORRELATED, /* Integers, dearer is dirtier: many fronts.  */
  KIND_CONVEX,     /* Continuous, along a convex trade-off.  */
  KIND_COUNT
};

static void
pset_random (struct pset *s, gsl_rng *r, int kind, size_t n)
{
  size_t i;

  pset_alloc (s, n);
  s->exact = kind != KIND_UNIFORM && kind != KIND_CONVEX;
  for (i = 0; i < n; i++)
    {
      double t;

      switch (kind)
        {
        case KIND_UNIFORM:
          s->cost[i] = 1 + 99 * gsl_rng_uniform (r);
          s->carbon[i] = 100 + 9900 * gsl_rng_uniform (r);
          break;
        case KIND_TINY_GRID:
          s->cost[i] = gsl_rng_uniform_int (r, 6);
          s->carbon[i] = gsl_rng_uniform_int (r, 6);
          break;
        case KIND_GRID:
          s->cost[i] = 5 + gsl_rng_uniform_int (r, 30);
          s->carbon[i] = 100 * gsl_rng_uniform_int (r, 20);
          break;
        case KIND_TRADE_OFF:
          t = gsl_rng_uniform_int (r, 50);
          s->cost[i] = t;
          s->carbon[i] = 1000 - 15 * t + 25 * gsl_rng_uniform_int (r, 4);
          break;
        case KIND_CORRELATED:
          t = gsl_rng_uniform_int (r, 100);
          s->cost[i] = t + gsl_rng_uniform_int (r, 5);
          s->carbon[i] = 10 * t + 10 * gsl_rng_uniform_int (r, 3);
          break;
        default:
          t = 100 * gsl_rng_uniform (r);
          s->cost[i] = t;
          s->carbon[i] = 1e4 / (1 + t) * (1 + 0.3 * gsl_rng_uniform (r));
          break;
        }
    }
  random_permutation (r, s->order, n);
}

static bool
same_value (double a, double b)
{
  return !(a < b) && !(a > b);
}

static bool
same_point (const struct pset *s, size_t a, size_t b)
{
  return same_value (s->cost[a], s->cost[b])
         && same_value (s->carbon[a], s->carbon[b]);
}

/* The definition, written independently of the module's.  */
static bool
ref_dominates (const struct pset *s, size_t a, size_t b)
{
  return (s->cost[a] < s->cost[b] && s->carbon[a] <= s->carbon[b])
         || (s->cost[a] <= s->cost[b] && s->carbon[a] < s->carbon[b]);
}

/* Ranks by peeling fronts: rank R is the set of the points still
   unranked that no other unranked point dominates.  O(n^2) per front.  */
static void
ref_ranks (const struct pset *s, size_t *rank)
{
  bool *now = xcalloc (s->n, sizeof *now);
  size_t left = s->n;
  size_t r, i, j;

  for (i = 0; i < s->n; i++)
    rank[i] = 0;
  for (r = 1; left > 0; r++)
    {
      /* Decide the whole front before ranking any of it, so that a
         point just ranked still counts as a dominator.  */
      for (i = 0; i < s->n; i++)
        {
          now[i] = rank[i] == 0;
          for (j = 0; j < s->n && now[i]; j++)
            if (rank[j] == 0 && ref_dominates (s, j, i))
              now[i] = false;
        }
      for (i = 0; i < s->n; i++)
        if (now[i])
          {
            rank[i] = r;
            left--;
          }
    }
  free (now);
}

/* Whether point A comes before point B by the keys K1, K2, then ORDER.  */
static bool
before (const struct pset *s, const double *k1, const double *k2, size_t a,
        size_t b)
{
  if (k1[a] < k1[b])
    return true;
  if (k1[a] > k1[b])
    return false;
  if (k2[a] < k2[b])
    return true;
  if (k2[a] > k2[b])
    return false;
  return s->order[a] < s->order[b];
}

static double
objective (const struct pset *s, size_t i, double price)
{
  return s->cost[i] + price * s->carbon[i] / PARETO_GRAMS_PER_TONNE;
}

/* Ranks against the reference, and the properties that define them.  */
static void
check_ranks (const struct pset *s, const struct pareto *p)
{
  size_t *ref = xcalloc (s->n, sizeof *ref);
  size_t i, j;

  ref_ranks (s, ref);
  for (i = 0; i < s->n; i++)
    REQUIRE (p->rank[i] == ref[i],
             "point %zu (%g, %g): rank %zu, reference %zu", i, s->cost[i],
             s->carbon[i], p->rank[i], ref[i]);
  free (ref);

  for (i = 0; i < s->n; i++)
    {
      bool by_previous = false;

      for (j = 0; j < s->n; j++)
        {
          if (!ref_dominates (s, j, i))
            continue;
          REQUIRE (p->rank[j] < p->rank[i],
                   "point %zu of rank %zu dominated by point %zu "
                   "of rank %zu",
                   i, p->rank[i], j, p->rank[j]);
          if (p->rank[j] + 1 == p->rank[i])
            by_previous = true;
        }
      REQUIRE (p->rank[i] == 1 || by_previous,
               "point %zu of rank %zu not dominated by rank %zu", i,
               p->rank[i], p->rank[i] - 1);
    }
}

static void
check_dominators (const struct pset *s, const struct pareto *p)
{
  size_t i, j;

  for (i = 0; i < s->n; i++)
    {
      size_t d = p->dominator[i];

      if (p->rank[i] == 1)
        {
          REQUIRE (d == NONE, "front point %zu has dominator %zu", i, d);
          continue;
        }
      REQUIRE (d < s->n, "point %zu has no dominator", i);
      REQUIRE (p->rank[d] == 1 && ref_dominates (s, d, i),
               "dominator %zu of point %zu is not a dominating "
               "front point",
               d, i);
      for (j = 0; j < s->n; j++)
        if (p->rank[j] == 1 && ref_dominates (s, j, i))
          REQUIRE (j == d || s->cost[d] < s->cost[j]
                     || (same_value (s->cost[d], s->cost[j])
                         && s->order[d] < s->order[j]),
                   "point %zu: front point %zu dominates it and "
                   "comes before dominator %zu",
                   i, j, d);
    }
}

static void
check_front (const struct pset *s, const struct pareto *p)
{
  bool *seen = xcalloc (s->n, sizeof *seen);
  size_t nfirst = 0;
  size_t i, j;

  for (i = 0; i < s->n; i++)
    if (p->rank[i] == 1)
      nfirst++;
  REQUIRE_EQ (p->nfront, nfirst);
  for (j = 0; j < p->nfront; j++)
    {
      size_t b = p->front[j];

      REQUIRE (b < s->n, "front point %zu out of range", b);
      REQUIRE_EQ (p->rank[b], 1);
      REQUIRE (!seen[b], "point %zu twice on the front", b);
      seen[b] = true;
      if (j > 0)
        {
          size_t a = p->front[j - 1];

          REQUIRE (s->cost[a] < s->cost[b]
                     || (same_value (s->cost[a], s->cost[b])
                         && s->order[a] < s->order[b]),
                   "front[%zu] = %zu before front[%zu] = %zu", j - 1, a, j, b);
          REQUIRE (s->carbon[a] >= s->carbon[b], "front carbon rises at %zu",
                   j);
        }
    }
  free (seen);
}

static void
check_extremes (const struct pset *s, const struct pareto *p)
{
  size_t cheapest = NONE;
  size_t greenest = NONE;
  size_t i;

  for (i = 0; i < s->n; i++)
    {
      if (cheapest == NONE || before (s, s->cost, s->carbon, i, cheapest))
        cheapest = i;
      if (greenest == NONE || before (s, s->carbon, s->cost, i, greenest))
        greenest = i;
    }
  REQUIRE_EQ (p->cheapest, cheapest);
  REQUIRE_EQ (p->greenest, greenest);
}

/* The number of distinct points on P's front.  */
static size_t
distinct_front (const struct pset *s, const struct pareto *p)
{
  size_t count = 0;
  size_t j;

  for (j = 0; j < p->nfront; j++)
    if (j == 0 || !same_point (s, p->front[j - 1], p->front[j]))
      count++;
  return count;
}

/* The knee.  On exact sets, by the definition in integer arithmetic:
   a point's distance below the line, in the scaled axes, times the
   positive constant WIDTH x HEIGHT x sqrt (2) is the integer
   (cmax - c) x HEIGHT - (g - gmin) x WIDTH, so the knee is the rank-1
   point with the greatest positive value, ties in ORDER.  On other sets,
   by the scaled distance in floating point, to a tolerance.  */
static void
check_knee (const struct pset *s, const struct pareto *p)
{
  size_t i, best = NONE;

  if (s->n == 0 || distinct_front (s, p) < 3)
    {
      REQUIRE_EQ (p->knee, NONE);
      return;
    }
  if (s->exact)
    {
      long long cmin = (long long) s->cost[p->cheapest];
      long long cmax = (long long) s->cost[p->greenest];
      long long gmin = (long long) s->carbon[p->greenest];
      long long gmax = (long long) s->carbon[p->cheapest];
      long long best_v = 0;

      for (i = 0; i < s->n; i++)
        {
          long long v = (cmax - (long long) s->cost[i]) * (gmax - gmin)
                        - ((long long) s->carbon[i] - gmin) * (cmax - cmin);

          if (p->rank[i] != 1 || v <= 0)
            continue;
          if (best == NONE || v > best_v
              || (v == best_v && s->order[i] < s->order[best]))
            {
              best = i;
              best_v = v;
            }
        }
      REQUIRE (p->knee == best, "knee %zu, reference %zu", p->knee, best);
    }
  else
    {
      double cmin = s->cost[p->cheapest];
      double cmax = s->cost[p->greenest];
      double gmin = s->carbon[p->greenest];
      double gmax = s->carbon[p->cheapest];
      double best_d = 0, d_knee;

      for (i = 0; i < s->n; i++)
        {
          double x = (s->cost[i] - cmin) / (cmax - cmin);
          double y = (s->carbon[i] - gmin) / (gmax - gmin);
          double d = (1 - x - y) / sqrt (2);

          if (p->rank[i] == 1 && d > best_d)
            best_d = d;
        }
      if (p->knee == NONE)
        {
          REQUIRE (best_d < 1e-12, "no knee, yet a point is %g below", best_d);
          return;
        }
      REQUIRE_EQ (p->rank[p->knee], 1);
      d_knee = (1 - (s->cost[p->knee] - cmin) / (cmax - cmin)
                - (s->carbon[p->knee] - gmin) / (gmax - gmin))
               / sqrt (2);
      REQUIRE (d_knee > 0 && d_knee > best_d - 1e-12,
               "knee %zu is %g below the line, the best %g", p->knee, d_knee,
               best_d);
    }
}

/* The hull against Andrew's monotone chain with integer cross products
   (exact sets only): the middle of O, A, B stays only on a strict left
   turn.  */
static void
check_hull_exact (const struct pset *s, const struct pareto *p)
{
  size_t *h = xcalloc (p->nfront, sizeof *h);
  size_t nh = 0;
  size_t j, k;

  for (j = 0; j < p->nfront; j++)
    {
      size_t b = p->front[j];

      if (j > 0 && same_point (s, p->front[j - 1], b))
        continue;
      while (nh >= 2)
        {
          size_t o = h[nh - 2], a = h[nh - 1];
          long long ax = (long long) (s->cost[a] - s->cost[o]);
          long long ay = (long long) (s->carbon[a] - s->carbon[o]);
          long long bx = (long long) (s->cost[b] - s->cost[o]);
          long long by = (long long) (s->carbon[b] - s->carbon[o]);

          if (ax * by - ay * bx > 0)
            break;
          nh--;
        }
      h[nh++] = b;
    }
  REQUIRE_EQ (p->nhull, nh);
  for (k = 0; k < nh; k++)
    REQUIRE (p->hull[k] == h[k], "hull[%zu] = %zu, reference %zu", k,
             p->hull[k], h[k]);
  free (h);
}

/* Check that the point chosen at PRICE is as good as the hull point
   whose range contains PRICE, and no better than the hull allows.  */
static void
check_price (const struct pset *s, const struct pareto *p, double price)
{
  size_t pick
    = pareto_pick_at_price (s->cost, s->carbon, s->order, s->n, price);
  size_t k, i;
  double vh, vp;

  for (k = 0; k < p->nhull; k++)
    if (p->hull_price_low[k] <= price && price <= p->hull_price_high[k])
      break;
  REQUIRE (k < p->nhull, "price %g in no hull range", price);
  REQUIRE (pick < s->n, "pick %zu out of range", pick);
  vh = objective (s, p->hull[k], price);
  vp = objective (s, pick, price);
  REQUIRE (fabs (vh - vp) <= 1e-9 * (1 + fabs (vh)),
           "at %g USD/t: hull point %zu gives %.17g, pick %zu gives "
           "%.17g",
           price, p->hull[k], vh, pick, vp);
  for (i = 0; i < s->n; i++)
    REQUIRE (objective (s, i, price) >= vh - 1e-9 * (1 + fabs (vh)),
             "at %g USD/t point %zu beats hull point %zu", price, i,
             p->hull[k]);
}

static void
check_hull (const struct pset *s, const struct pareto *p, gsl_rng *r)
{
  size_t k, t;
  double top;

  if (s->n == 0)
    {
      REQUIRE_EQ (p->nhull, 0);
      REQUIRE_EQ (
        pareto_pick_at_price (s->cost, s->carbon, s->order, 0, 100.0), NONE);
      return;
    }
  ck_assert_uint_ge (p->nhull, 1);
  REQUIRE_EQ (p->hull[0], p->cheapest);
  REQUIRE_EQ (p->hull[p->nhull - 1], p->greenest);
  ck_assert_double_eq (p->hull_price_low[0], 0.0);
  ck_assert_double_infinite (p->hull_price_high[p->nhull - 1]);
  for (k = 0; k < p->nhull; k++)
    {
      REQUIRE_EQ (p->rank[p->hull[k]], 1);
      ck_assert_double_lt (p->hull_price_low[k], p->hull_price_high[k]);
      if (k + 1 < p->nhull)
        {
          ck_assert_double_lt (s->cost[p->hull[k]], s->cost[p->hull[k + 1]]);
          ck_assert_double_eq (p->hull_price_low[k + 1],
                               p->hull_price_high[k]);
          ck_assert_double_eq (p->hull_price_high[k],
                               pareto_abatement_cost (s->cost, s->carbon,
                                                      p->hull[k],
                                                      p->hull[k + 1]));
        }
    }
  if (s->exact)
    check_hull_exact (s, p);

  /* A price inside each range, then prices anywhere.  */
  for (k = 0; k < p->nhull; k++)
    {
      double lo = p->hull_price_low[k], hi = p->hull_price_high[k];
      double u = 0.05 + 0.9 * gsl_rng_uniform (r);

      check_price (s, p,
                   isinf (hi) ? lo + u * (lo + 1e6) : lo + u * (hi - lo));
    }
  top = 2 * p->hull_price_low[p->nhull - 1] + 1e4;
  for (t = 0; t < 20; t++)
    check_price (s, p, top * gsl_rng_uniform (r));
}

static size_t
mapped (const size_t *perm, size_t i)
{
  return i == NONE ? NONE : perm[i];
}

/* Analyse the points of S again in another order, point J of the copy
   being point PERM[J] of S with the same ORDER value, and check that
   every result is P's, mapped through PERM.  */
static void
check_permuted (const struct pset *s, const struct pareto *p, gsl_rng *r)
{
  struct pset t;
  struct pareto *q;
  size_t *perm = xcalloc (s->n, sizeof *perm);
  size_t j;
  struct diag d;

  pset_alloc (&t, s->n);
  random_permutation (r, perm, s->n);
  for (j = 0; j < s->n; j++)
    {
      t.cost[j] = s->cost[perm[j]];
      t.carbon[j] = s->carbon[perm[j]];
      t.order[j] = s->order[perm[j]];
    }
  q = pareto_analyse (t.cost, t.carbon, t.order, t.n, &d);
  ck_assert_ptr_nonnull (q);
  for (j = 0; j < s->n; j++)
    {
      REQUIRE_EQ (q->rank[j], p->rank[perm[j]]);
      REQUIRE_EQ (mapped (perm, q->dominator[j]), p->dominator[perm[j]]);
    }
  REQUIRE_EQ (q->nfront, p->nfront);
  for (j = 0; j < p->nfront; j++)
    REQUIRE_EQ (perm[q->front[j]], p->front[j]);
  REQUIRE_EQ (mapped (perm, q->cheapest), p->cheapest);
  REQUIRE_EQ (mapped (perm, q->greenest), p->greenest);
  REQUIRE_EQ (mapped (perm, q->knee), p->knee);
  REQUIRE_EQ (q->nhull, p->nhull);
  for (j = 0; j < p->nhull; j++)
    {
      REQUIRE_EQ (perm[q->hull[j]], p->hull[j]);
      ck_assert_double_eq (q->hull_price_low[j], p->hull_price_low[j]);
      ck_assert_double_eq (q->hull_price_high[j], p->hull_price_high[j]);
    }
  for (j = 0; j < 5; j++)
    {
      double price = 2e5 * gsl_rng_uniform (r);

      REQUIRE_EQ (
        mapped (perm,
                pareto_pick_at_price (t.cost, t.carbon, t.order, t.n, price)),
        pareto_pick_at_price (s->cost, s->carbon, s->order, s->n, price));
    }
  pareto_free (q);
  pset_free (&t);
  free (perm);
}

/* P's sorted list: every point once, each before the next by cost,
   carbon and ORDER (the random sets' ORDER is a permutation, so no two
   tie); and the highest rank.  */
static void
check_sorted (const struct pset *s, const struct pareto *p)
{
  bool *seen = xcalloc (s->n + 1, sizeof *seen);
  size_t i, top = 0;

  for (i = 0; i < s->n; i++)
    {
      REQUIRE (p->sorted[i] < s->n && !seen[p->sorted[i]],
               "sorted[%zu] = %zu is out of range or repeated", i,
               p->sorted[i]);
      seen[p->sorted[i]] = true;
      if (i > 0)
        REQUIRE (
          before (s, s->cost, s->carbon, p->sorted[i - 1], p->sorted[i]),
          "sorted[%zu] = %zu does not come before sorted[%zu] = %zu", i - 1,
          p->sorted[i - 1], i, p->sorted[i]);
      if (p->rank[i] > top)
        top = p->rank[i];
    }
  REQUIRE_EQ (p->nranks, top);
  free (seen);
}

static void
check_all (const struct pset *s, gsl_rng *r)
{
  struct diag d;
  struct pareto *p = pareto_analyse (s->cost, s->carbon, s->order, s->n, &d);

  ck_assert_ptr_nonnull (p);
  REQUIRE_EQ (p->n, s->n);
  check_sorted (s, p);
  check_ranks (s, p);
  check_dominators (s, p);
  check_front (s, p);
  check_extremes (s, p);
  check_knee (s, p);
  check_hull (s, p, r);
  check_permuted (s, p, r);
  pareto_free (p);
}

/* Random sets.  */

/* Sets per kind, of sizes 0..300; the first few sizes are 0, 1, 2, 3.  */
enum
{
  RANDOM_SETS = 150,
  RANDOM_MAX_N = 300
};

START_TEST (test_random)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  size_t t;

  /* A fixed seed per kind, so that a failure is reproducible.  */
  gsl_rng_set (r, 20240601 + (unsigned long) _i);
  for (t = 0; t < RANDOM_SETS; t++)
    {
      struct pset s;
      size_t n = t < 4 ? t : gsl_rng_uniform_int (r, RANDOM_MAX_N + 1);

      pset_random (&s, r, _i, n);
      check_all (&s, r);
      pset_free (&s);
    }
  gsl_rng_free (r);
}
END_TEST

/* A hand-worked fixture, (cost USD, carbon gCO2e) and ORDER:

     i   cost  carbon  order
     0    10    900      1
     1    12    500      5
     2    15    300      2
     3    20    280      3
     4    30    100      4
     5    11    950      6    dominated by 0 (and 9)
     6    12    500      0    identical to 1, first in ORDER
     7    25    400      7    dominated by 2 and 3
     8    26    450      8    dominated by 2, 3 and 7
     9    11    700      9    on the segment from 0 to 6

   Ranks.  For each of 0, 9, 1, 6, 2, 3 and 4, every other point that
   costs no more has more carbon or is identical (1 and 6), so those
   seven are rank 1.  Of the rest, 5 (11, 950) and 7 (25, 400)
   do not dominate each other: rank 2; 8 (26, 450) is dominated by 7:
   rank 3.  Ranks: 1 1 1 1 1 2 1 2 3 1.

   Dominators: the cheapest front point with no more cost and carbon.
   5 (11, 950): 0 (10, 900).  7 (25, 400): 2 (15, 300), as 6 has 500 g.
   8 (26, 450): 2 as well.

   Front by cost, identical 6 and 1 in ORDER (0 < 5): 0 9 6 1 2 3 4.
   Cheapest 0 (10 USD); greenest 4 (100 g).

   Knee.  Over the front cost spans 10..30 (20) and carbon 100..900
   (800); scaled, x = (c - 10) / 20, y = (g - 100) / 800, and the line
   from the cheapest (0, 1) to the greenest (1, 0) is x + y = 1, a point
   lying (1 - x - y) / sqrt 2 below it:
     9 (11, 700):  x = 0.05, y = 0.75,  1 - x - y = 0.2,   0.1414
     6 (12, 500):  x = 0.1,  y = 0.5,   1 - x - y = 0.4,   0.2828
     2 (15, 300):  x = 0.25, y = 0.25,  1 - x - y = 0.5,   0.3536
     3 (20, 280):  x = 0.5,  y = 0.225, 1 - x - y = 0.275, 0.1945
   so the knee is 2.

   Hull, by the price at which the next point takes over,
   (cost difference) / (carbon difference) x 1e6 USD per tonne:
     0 -> 9:   1 / 200 x 1e6 =   5000
     9 -> 6:   1 / 200 x 1e6 =   5000, equal: 9 is on the segment from
               0 to 6, best only at 5000 itself, so off the hull
     0 -> 6:   2 / 400 x 1e6 =   5000
     6 -> 2:   3 / 200 x 1e6 =  15000
     2 -> 3:   5 /  20 x 1e6 = 250000
     3 -> 4:  10 / 180 x 1e6 =  55555.6, less than 250000: 3 is above
               the hull and goes
     2 -> 4:  15 / 200 x 1e6 =  75000, more than 15000: 2 stays.
   Hull 0 6 2 4 with ranges [0, 5000], [5000, 15000], [15000, 75000],
   [75000, inf).  Check at 50000 USD/t, cost + 0.05 USD/g x carbon:
   0: 55, 9: 46, 6: 37, 2: 30, 3: 34, 4: 35, so 2, as its range says.
   At exactly 5000 USD/t, 0, 9 and 6 (and 1) all come to 14.5 USD;
   ORDER picks 6.  */

static const double fx_cost[] = { 10, 12, 15, 20, 30, 11, 12, 25, 26, 11 };
static const double fx_carbon[]
  = { 900, 500, 300, 280, 100, 950, 500, 400, 450, 700 };
static const size_t fx_order[] = { 1, 5, 2, 3, 4, 6, 0, 7, 8, 9 };

START_TEST (test_fixture)
{
  static const size_t rank[] = { 1, 1, 1, 1, 1, 2, 1, 2, 3, 1 };
  static const size_t dominator[]
    = { NONE, NONE, NONE, NONE, NONE, 0, NONE, 2, 2, NONE };
  static const size_t front[] = { 0, 9, 6, 1, 2, 3, 4 };
  static const size_t hull[] = { 0, 6, 2, 4 };
  static const double low[] = { 0, 5000, 15000, 75000 };
  static const double high[] = { 5000, 15000, 75000 };
  struct diag d;
  struct pareto *p;
  size_t i;

  p = pareto_analyse (fx_cost, fx_carbon, fx_order, ARRAY_SIZE (fx_cost), &d);
  ck_assert_ptr_nonnull (p);
  ck_assert_uint_eq (p->n, 10);
  for (i = 0; i < ARRAY_SIZE (rank); i++)
    {
      ck_assert_uint_eq (p->rank[i], rank[i]);
      ck_assert_uint_eq (p->dominator[i], dominator[i]);
    }
  ck_assert_uint_eq (p->nfront, ARRAY_SIZE (front));
  for (i = 0; i < ARRAY_SIZE (front); i++)
    ck_assert_uint_eq (p->front[i], front[i]);
  ck_assert_uint_eq (p->cheapest, 0);
  ck_assert_uint_eq (p->greenest, 4);
  ck_assert_uint_eq (p->knee, 2);
  ck_assert_uint_eq (p->nhull, ARRAY_SIZE (hull));
  for (i = 0; i < ARRAY_SIZE (hull); i++)
    {
      ck_assert_uint_eq (p->hull[i], hull[i]);
      ASSERT_NEAR (p->hull_price_low[i], low[i]);
      if (i < ARRAY_SIZE (high))
        ASSERT_NEAR (p->hull_price_high[i], high[i]);
    }
  ck_assert_double_infinite (p->hull_price_high[3]);
  ck_assert_double_gt (p->hull_price_high[3], 0);
  pareto_free (p);
}
END_TEST

/* The fixture's choice at PRICE USD per tonne.  */
static size_t
fx_pick (double price)
{
  return pareto_pick_at_price (fx_cost, fx_carbon, fx_order,
                               ARRAY_SIZE (fx_cost), price);
}

START_TEST (test_fixture_prices)
{
  ASSERT_NEAR (pareto_abatement_cost (fx_cost, fx_carbon, 0, 6), 5000);
  ASSERT_NEAR (pareto_abatement_cost (fx_cost, fx_carbon, 6, 2), 15000);
  ASSERT_NEAR (pareto_abatement_cost (fx_cost, fx_carbon, 2, 3), 250000);
  ASSERT_NEAR (pareto_abatement_cost (fx_cost, fx_carbon, 3, 4),
               10.0 / 180 * 1e6);
  ASSERT_NEAR (pareto_abatement_cost (fx_cost, fx_carbon, 2, 4), 75000);
  /* Backwards (more carbon) and between identical points: no saving.  */
  ck_assert_double_nan (pareto_abatement_cost (fx_cost, fx_carbon, 6, 0));
  ck_assert_double_nan (pareto_abatement_cost (fx_cost, fx_carbon, 1, 6));

  ck_assert_uint_eq (fx_pick (0), 0);
  ck_assert_uint_eq (fx_pick (1000), 0);
  /* The three-way tie at the boundary goes to ORDER.  */
  ck_assert_uint_eq (fx_pick (5000), 6);
  ck_assert_uint_eq (fx_pick (10000), 6);
  ck_assert_uint_eq (fx_pick (50000), 2);
  ck_assert_uint_eq (fx_pick (100000), 4);
  ck_assert_uint_eq (fx_pick (1e12), 4);
}
END_TEST

/* Edge cases.  */

/* Analyse the N points, which must succeed.  */
static struct pareto *
analyse (const double *cost, const double *carbon, const size_t *order,
         size_t n)
{
  struct diag d;
  struct pareto *p = pareto_analyse (cost, carbon, order, n, &d);

  ck_assert_ptr_nonnull (p);
  ck_assert_uint_eq (p->n, n);
  return p;
}

START_TEST (test_empty)
{
  static const double v[] = { 1 };
  static const size_t o[] = { 0 };
  struct pareto *p = analyse (v, v, o, 0);

  ck_assert_uint_eq (p->nfront, 0);
  ck_assert_uint_eq (p->nhull, 0);
  ck_assert_uint_eq (p->cheapest, NONE);
  ck_assert_uint_eq (p->greenest, NONE);
  ck_assert_uint_eq (p->knee, NONE);
  ck_assert_uint_eq (pareto_pick_at_price (v, v, o, 0, 100), NONE);
  pareto_free (p);
  pareto_free (NULL);
}
END_TEST

START_TEST (test_one)
{
  static const double cost[] = { 4.5 };
  static const double carbon[] = { 1200 };
  static const size_t o[] = { 0 };
  struct pareto *p = analyse (cost, carbon, o, 1);

  ck_assert_uint_eq (p->rank[0], 1);
  ck_assert_uint_eq (p->dominator[0], NONE);
  ck_assert_uint_eq (p->nfront, 1);
  ck_assert_uint_eq (p->front[0], 0);
  ck_assert_uint_eq (p->cheapest, 0);
  ck_assert_uint_eq (p->greenest, 0);
  ck_assert_uint_eq (p->knee, NONE);
  ck_assert_uint_eq (p->nhull, 1);
  ck_assert_uint_eq (p->hull[0], 0);
  ck_assert_double_eq (p->hull_price_low[0], 0);
  ck_assert_double_infinite (p->hull_price_high[0]);
  ck_assert_uint_eq (pareto_pick_at_price (cost, carbon, o, 1, 0), 0);
  pareto_free (p);
}
END_TEST

/* Five identical points: all rank 1, listed in ORDER, and the first in
   ORDER (point 3) stands for them all.  */
START_TEST (test_identical)
{
  static const double cost[] = { 7, 7, 7, 7, 7 };
  static const double carbon[] = { 300, 300, 300, 300, 300 };
  static const size_t o[] = { 2, 4, 1, 0, 3 };
  static const size_t front[] = { 3, 2, 0, 4, 1 };
  struct pareto *p = analyse (cost, carbon, o, 5);
  size_t i;

  ck_assert_uint_eq (p->nfront, 5);
  for (i = 0; i < 5; i++)
    {
      ck_assert_uint_eq (p->rank[i], 1);
      ck_assert_uint_eq (p->dominator[i], NONE);
      ck_assert_uint_eq (p->front[i], front[i]);
    }
  ck_assert_uint_eq (p->cheapest, 3);
  ck_assert_uint_eq (p->greenest, 3);
  ck_assert_uint_eq (p->knee, NONE);
  ck_assert_uint_eq (p->nhull, 1);
  ck_assert_uint_eq (p->hull[0], 3);
  ck_assert_uint_eq (pareto_pick_at_price (cost, carbon, o, 5, 250), 3);
  pareto_free (p);
}
END_TEST

START_TEST (test_two)
{
  /* A trade-off: both on the front, and on the hull.  */
  static const double cost[] = { 12, 10 };
  static const double carbon[] = { 500, 900 };
  /* One dominates the other.  */
  static const double cost2[] = { 12, 10 };
  static const double carbon2[] = { 900, 500 };
  static const size_t o[] = { 0, 1 };
  struct pareto *p = analyse (cost, carbon, o, 2);

  ck_assert_uint_eq (p->rank[0], 1);
  ck_assert_uint_eq (p->rank[1], 1);
  ck_assert_uint_eq (p->nfront, 2);
  ck_assert_uint_eq (p->front[0], 1);
  ck_assert_uint_eq (p->front[1], 0);
  ck_assert_uint_eq (p->cheapest, 1);
  ck_assert_uint_eq (p->greenest, 0);
  ck_assert_uint_eq (p->knee, NONE);
  ck_assert_uint_eq (p->nhull, 2);
  ck_assert_uint_eq (p->hull[0], 1);
  ck_assert_uint_eq (p->hull[1], 0);
  ASSERT_NEAR (p->hull_price_high[0], 5000);
  ASSERT_NEAR (p->hull_price_low[1], 5000);
  pareto_free (p);

  p = analyse (cost2, carbon2, o, 2);
  ck_assert_uint_eq (p->rank[0], 2);
  ck_assert_uint_eq (p->rank[1], 1);
  ck_assert_uint_eq (p->dominator[0], 1);
  ck_assert_uint_eq (p->dominator[1], NONE);
  ck_assert_uint_eq (p->cheapest, 1);
  ck_assert_uint_eq (p->greenest, 1);
  ck_assert_uint_eq (p->nhull, 1);
  pareto_free (p);
}
END_TEST

/* Same cost, different carbon: only the least carbon is rank 1, and
   each of the others is one rank below the next greener.  */
START_TEST (test_same_cost)
{
  static const double cost[] = { 10, 10, 10, 10 };
  static const double carbon[] = { 300, 100, 200, 100 };
  static const size_t o[] = { 0, 2, 3, 1 };
  static const size_t rank[] = { 3, 1, 2, 1 };
  struct pareto *p = analyse (cost, carbon, o, 4);
  size_t i;

  for (i = 0; i < 4; i++)
    ck_assert_uint_eq (p->rank[i], rank[i]);
  ck_assert_uint_eq (p->nfront, 2);
  ck_assert_uint_eq (p->front[0], 3);
  ck_assert_uint_eq (p->front[1], 1);
  ck_assert_uint_eq (p->dominator[0], 3);
  ck_assert_uint_eq (p->dominator[2], 3);
  ck_assert_uint_eq (p->cheapest, 3);
  ck_assert_uint_eq (p->greenest, 3);
  ck_assert_uint_eq (p->nhull, 1);
  /* At a price of 0 all four tie; the least carbon (points 1 and 3, 100
     g) wins, then ORDER (3 before 1).  */
  ck_assert_uint_eq (pareto_pick_at_price (cost, carbon, o, 4, 0), 3);
  ck_assert_uint_eq (pareto_pick_at_price (cost, carbon, o, 4, 1), 3);
  pareto_free (p);
}
END_TEST

/* Same carbon, different cost: only the cheapest is rank 1.  */
START_TEST (test_same_carbon)
{
  static const double cost[] = { 5, 7, 6 };
  static const double carbon[] = { 100, 100, 100 };
  static const size_t o[] = { 2, 1, 0 };
  struct pareto *p = analyse (cost, carbon, o, 3);

  ck_assert_uint_eq (p->rank[0], 1);
  ck_assert_uint_eq (p->rank[1], 3);
  ck_assert_uint_eq (p->rank[2], 2);
  ck_assert_uint_eq (p->dominator[1], 0);
  ck_assert_uint_eq (p->dominator[2], 0);
  ck_assert_uint_eq (p->nfront, 1);
  ck_assert_uint_eq (p->cheapest, 0);
  ck_assert_uint_eq (p->greenest, 0);
  ck_assert_uint_eq (p->knee, NONE);
  ck_assert_uint_eq (p->nhull, 1);
  pareto_free (p);
}
END_TEST

/* Three distinct front points on a straight line: no knee, and the
   middle one is off the hull.  Bent the other way (above the line): no
   knee, middle off the hull.  Bent below: knee and hull.  */
START_TEST (test_knee_and_line)
{
  static const double cost[] = { 0, 5, 10 };
  static const double straight[] = { 10, 5, 0 };
  static const double above[] = { 10, 8, 0 };
  static const double below[] = { 10, 2, 0 };
  static const size_t o[] = { 0, 1, 2 };
  struct pareto *p;

  p = analyse (cost, straight, o, 3);
  ck_assert_uint_eq (p->nfront, 3);
  ck_assert_uint_eq (p->knee, NONE);
  ck_assert_uint_eq (p->nhull, 2);
  ck_assert_uint_eq (p->hull[0], 0);
  ck_assert_uint_eq (p->hull[1], 2);
  ASSERT_NEAR (p->hull_price_high[0], 1e6);
  pareto_free (p);

  p = analyse (cost, above, o, 3);
  ck_assert_uint_eq (p->knee, NONE);
  ck_assert_uint_eq (p->nhull, 2);
  pareto_free (p);

  p = analyse (cost, below, o, 3);
  ck_assert_uint_eq (p->knee, 1);
  ck_assert_uint_eq (p->nhull, 3);
  ASSERT_NEAR (p->hull_price_high[0], 5.0 / 8 * 1e6);
  ASSERT_NEAR (p->hull_price_high[1], 5.0 / 2 * 1e6);
  pareto_free (p);
}
END_TEST

/* Two distinct front points, one of them twice: fewer than three
   distinct points, so no knee.  Two knee candidates equally far below:
   ORDER decides.  */
START_TEST (test_knee_ties)
{
  static const double cost[] = { 0, 10, 10 };
  static const double carbon[] = { 10, 0, 0 };
  static const size_t o[] = { 0, 1, 2 };
  /* Both axes span 0..10, so (2, 2) and (2.5, 1.5) scale to (0.2, 0.2)
     and (0.25, 0.15), both 1 - x - y = 0.6 below the line.  */
  static const double cost2[] = { 0, 2, 2.5, 10 };
  static const double carbon2[] = { 10, 2, 1.5, 0 };
  static const size_t o2a[] = { 0, 1, 2, 3 };
  static const size_t o2b[] = { 0, 2, 1, 3 };
  struct pareto *p;

  p = analyse (cost, carbon, o, 3);
  ck_assert_uint_eq (p->nfront, 3);
  ck_assert_uint_eq (p->knee, NONE);
  ck_assert_uint_eq (p->greenest, 1);
  pareto_free (p);

  p = analyse (cost2, carbon2, o2a, 4);
  ck_assert_uint_eq (p->knee, 1);
  pareto_free (p);
  p = analyse (cost2, carbon2, o2b, 4);
  ck_assert_uint_eq (p->knee, 2);
  pareto_free (p);
}
END_TEST

/* Errors.  */

START_TEST (test_non_finite)
{
  double cost[] = { 10, 12, 15, 20, 30 };
  double carbon[] = { 900, 500, 300, 280, 100 };
  static const size_t o[] = { 0, 1, 2, 3, 4 };
  struct diag d;

  cost[2] = NAN;
  d.status = CA_EXIT_OK;
  d.text[0] = '\0';
  ck_assert_ptr_null (pareto_analyse (cost, carbon, o, 5, &d));
  ck_assert_int_eq (d.status, CA_EXIT_FAILURE);
  ck_assert_str_eq (d.text, "point 2: cost and carbon must be finite");

  /* The first bad point is the one named.  */
  carbon[1] = INFINITY;
  ck_assert_ptr_null (pareto_analyse (cost, carbon, o, 5, &d));
  ck_assert_str_eq (d.text, "point 1: cost and carbon must be finite");

  cost[2] = 15;
  carbon[1] = 500;
  cost[4] = -INFINITY;
  d.status = CA_EXIT_OK;
  ck_assert_ptr_null (pareto_analyse (cost, carbon, o, 5, &d));
  ck_assert_int_eq (d.status, CA_EXIT_FAILURE);
  ck_assert_str_eq (d.text, "point 4: cost and carbon must be finite");

  /* Without a diag, still NULL.  */
  ck_assert_ptr_null (pareto_analyse (cost, carbon, o, 5, NULL));
}
END_TEST

static Suite *
pareto_suite (void)
{
  Suite *s = suite_create ("pareto");
  TCase *tc;

  tc = tcase_create ("fixture");
  tcase_add_test (tc, test_fixture);
  tcase_add_test (tc, test_fixture_prices);
  suite_add_tcase (s, tc);

  tc = tcase_create ("edge");
  tcase_add_test (tc, test_empty);
  tcase_add_test (tc, test_one);
  tcase_add_test (tc, test_identical);
  tcase_add_test (tc, test_two);
  tcase_add_test (tc, test_same_cost);
  tcase_add_test (tc, test_same_carbon);
  tcase_add_test (tc, test_knee_and_line);
  tcase_add_test (tc, test_knee_ties);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_test (tc, test_non_finite);
  suite_add_tcase (s, tc);

  /* The brute-force references are quadratic or worse; under valgrind
     (CK_FORK=no) no timeout applies anyway.  */
  tc = tcase_create ("random");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_random, 0, KIND_COUNT);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (pareto_suite)
