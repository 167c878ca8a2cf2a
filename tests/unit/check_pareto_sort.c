/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the order pareto_analyse sorts its points in (its
   SORTED list) and the ranks it finds from it, against quadratic
   references: ties in cost, in carbon, identical points, ORDER that is
   not the identity or not a permutation, signed zeros and negative
   values, and sets large enough for long runs of equal cost.  */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>

#include "search/pareto.h"
#include "base/system.h"
#include "unit.h"
#include "base/xalloc.h"

/* Check's assertions record their location even when they pass; the
   references make millions of checks, so they assert only on
   failure.  */
#define REQUIRE(cond, ...)                                                    \
  do                                                                          \
    {                                                                         \
      if (!(cond))                                                            \
        ck_abort_msg (__VA_ARGS__);                                           \
    }                                                                         \
  while (0)

/* Whether point A comes before point B: cost, carbon, ORDER, then the
   index, with the comparisons of the definition (so -0.0 ties 0.0).  */
static bool
ref_before (const double *cost, const double *carbon, const size_t *order,
            size_t a, size_t b)
{
  if (cost[a] < cost[b])
    return true;
  if (cost[a] > cost[b])
    return false;
  if (carbon[a] < carbon[b])
    return true;
  if (carbon[a] > carbon[b])
    return false;
  if (order[a] != order[b])
    return order[a] < order[b];
  return a < b;
}

static bool
ref_dominates (const double *cost, const double *carbon, size_t a, size_t b)
{
  return (cost[a] < cost[b] && carbon[a] <= carbon[b])
         || (cost[a] <= cost[b] && carbon[a] < carbon[b]);
}

/* Check P's sorted list, ranks and highest rank against quadratic
   references: each point's place is the number of points before it,
   and its rank one more than the highest rank of the points that
   dominate it (all of which come before it).  */
static void
check_against_reference (const double *cost, const double *carbon,
                         const size_t *order, size_t n)
{
  struct diag d;
  struct pareto *p = pareto_analyse (cost, carbon, order, n, &d);
  size_t *place = xcalloc (n + 1, sizeof *place);
  size_t *at = xcalloc (n + 1, sizeof *at);
  size_t *rank = xcalloc (n + 1, sizeof *rank);
  size_t i, j, top = 0;

  ck_assert_ptr_nonnull (p);
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++)
      if (j != i && ref_before (cost, carbon, order, j, i))
        place[i]++;
  for (i = 0; i < n; i++)
    at[place[i]] = i;
  for (i = 0; i < n; i++)
    REQUIRE (p->sorted[i] == at[i], "sorted[%zu] is %zu, reference %zu", i,
             p->sorted[i], at[i]);
  for (i = 0; i < n; i++)
    {
      size_t a = at[i];

      rank[a] = 1;
      for (j = 0; j < i; j++)
        if (ref_dominates (cost, carbon, at[j], a) && rank[at[j]] >= rank[a])
          rank[a] = rank[at[j]] + 1;
      REQUIRE (p->rank[a] == rank[a], "point %zu: rank %zu, reference %zu", a,
               p->rank[a], rank[a]);
      if (rank[a] > top)
        top = rank[a];
    }
  ck_assert_uint_eq (p->nranks, top);
  pareto_free (p);
  free (place);
  free (at);
  free (rank);
}

START_TEST (test_empty_and_one)
{
  static const double v[] = { 3.5 };
  static const size_t o[] = { 0 };
  struct pareto *p = pareto_analyse (v, v, o, 0, NULL);

  ck_assert_ptr_nonnull (p);
  ck_assert_uint_eq (p->nranks, 0);
  pareto_free (p);
  p = pareto_analyse (v, v, o, 1, NULL);
  ck_assert_ptr_nonnull (p);
  ck_assert_uint_eq (p->sorted[0], 0);
  ck_assert_uint_eq (p->nranks, 1);
  pareto_free (p);
}
END_TEST

/* Cost -1 < -1e-300 < -0.0 = 0.0 < 1e-300 < 2, equal carbon: the two
   zeros tie, so ORDER puts 4 (order 0) before 1 (order 4); each point
   dominates every dearer one, and the zeros, identical, share rank 3.
   Sorted: 0 3 4 1 2 5; ranks 1 3 4 2 3 5.  */
START_TEST (test_signed_zero)
{
  static const double cost[] = { -1, -0.0, 1e-300, -1e-300, 0.0, 2 };
  static const double carbon[] = { 5, 5, 5, 5, 5, 5 };
  static const size_t order[] = { 1, 4, 2, 3, 0, 5 };
  static const size_t sorted[] = { 0, 3, 4, 1, 2, 5 };
  static const size_t rank[] = { 1, 3, 4, 2, 3, 5 };
  struct pareto *p = pareto_analyse (cost, carbon, order, 6, NULL);
  size_t i;

  ck_assert_ptr_nonnull (p);
  for (i = 0; i < 6; i++)
    {
      ck_assert_uint_eq (p->sorted[i], sorted[i]);
      ck_assert_uint_eq (p->rank[i], rank[i]);
    }
  ck_assert_uint_eq (p->nranks, 5);
  pareto_free (p);
  check_against_reference (cost, carbon, order, 6);
}
END_TEST

/* The same with zeros in carbon: (1, -0.0) and (1, 0.0) are identical,
   both rank 1 with (0.5, 3); ORDER lists 2 before 0.  Sorted: 1 2 0.  */
START_TEST (test_signed_zero_carbon)
{
  static const double cost[] = { 1, 0.5, 1 };
  static const double carbon[] = { -0.0, 3, 0.0 };
  static const size_t order[] = { 2, 0, 1 };
  struct pareto *p = pareto_analyse (cost, carbon, order, 3, NULL);

  ck_assert_ptr_nonnull (p);
  ck_assert_uint_eq (p->sorted[0], 1);
  ck_assert_uint_eq (p->sorted[1], 2);
  ck_assert_uint_eq (p->sorted[2], 0);
  ck_assert_uint_eq (p->nfront, 3);
  ck_assert_uint_eq (p->nranks, 1);
  pareto_free (p);
}
END_TEST

/* ORDER with repeats, which pareto.h does not promise to handle but the
   sort keeps total: identical points by ORDER, then index.  Sorted:
   2 (order 0), 0 and 1 (order 2, by index), 3 (order 5).  */
START_TEST (test_order_repeats)
{
  static const double cost[] = { 4, 4, 4, 4 };
  static const double carbon[] = { 9, 9, 9, 9 };
  static const size_t order[] = { 2, 2, 0, 5 };
  static const size_t sorted[] = { 2, 0, 1, 3 };
  struct pareto *p = pareto_analyse (cost, carbon, order, 4, NULL);
  size_t i;

  ck_assert_ptr_nonnull (p);
  for (i = 0; i < 4; i++)
    ck_assert_uint_eq (p->sorted[i], sorted[i]);
  pareto_free (p);
}
END_TEST

/* The kinds of large set.  */
enum
{
  BIG_UNIFORM,     /* Continuous: hardly a tie.  */
  BIG_FEW_COSTS,   /* Five costs: runs of equal cost of about n / 5.  */
  BIG_TINY_GRID,   /* Integers 0..3 on both axes: mostly identical.  */
  BIG_SAME_CARBON, /* One carbon, integer costs: ties in carbon.  */
  BIG_REPEATS,     /* Small grid, ORDER with repeats.  */
  BIG_KINDS
};

enum
{
  BIG_N = 2500
};

START_TEST (test_large)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  double *cost = xcalloc (BIG_N, sizeof *cost);
  double *carbon = xcalloc (BIG_N, sizeof *carbon);
  size_t *order = xcalloc (BIG_N, sizeof *order);
  size_t i;

  gsl_rng_set (r, 20261206 + (unsigned long) _i);
  for (i = 0; i < BIG_N; i++)
    {
      /* ORDER the reverse of the index, so that it and not the index
         breaks ties.  */
      order[i] = BIG_N - 1 - i;
      switch (_i)
        {
        case BIG_UNIFORM:
          cost[i] = 1e3 * gsl_rng_uniform (r) - 10;
          carbon[i] = 1e6 * gsl_rng_uniform (r);
          break;
        case BIG_FEW_COSTS:
          cost[i] = 0.25 * (double) gsl_rng_uniform_int (r, 5);
          carbon[i] = (double) gsl_rng_uniform_int (r, 400);
          break;
        case BIG_TINY_GRID:
          cost[i] = (double) gsl_rng_uniform_int (r, 4);
          carbon[i] = (double) gsl_rng_uniform_int (r, 4);
          break;
        case BIG_SAME_CARBON:
          cost[i] = (double) gsl_rng_uniform_int (r, 300);
          carbon[i] = 42;
          break;
        default:
          cost[i] = (double) gsl_rng_uniform_int (r, 10);
          carbon[i] = (double) gsl_rng_uniform_int (r, 10);
          order[i] = gsl_rng_uniform_int (r, 50);
          break;
        }
    }
  check_against_reference (cost, carbon, order, BIG_N);
  free (cost);
  free (carbon);
  free (order);
  gsl_rng_free (r);
}
END_TEST

static Suite *
pareto_sort_suite (void)
{
  Suite *s = suite_create ("pareto_sort");
  TCase *tc;

  tc = tcase_create ("edge");
  tcase_add_test (tc, test_empty_and_one);
  tcase_add_test (tc, test_signed_zero);
  tcase_add_test (tc, test_signed_zero_carbon);
  tcase_add_test (tc, test_order_repeats);
  suite_add_tcase (s, tc);

  /* The references are quadratic; under valgrind (CK_FORK=no) no
     timeout applies anyway.  */
  tc = tcase_create ("large");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_large, 0, BIG_KINDS);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (pareto_sort_suite)
