/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the Monte Carlo uncertainty of runs: the quantiles
   against a sort, to the bit, the totals against the model's formula,
   and every summary made at once on threads against each on its own.  */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/footprint.h"
#include "search/uncertainty-draws.h"
#include "search/uncertainty-private.h"
#include "search/uncertainty.h"
#include "uncertainty-fixture.h"
#include "unit.h"

#include <gsl/gsl_statistics_double.h>

static int
compare_doubles (const void *pa, const void *pb)
{
  double a = *(const double *) pa, b = *(const double *) pb;

  return (a > b) - (a < b);
}

/* The quantiles worked out the plain way: sort, then GSL's
   interpolation, or the value itself between two equal ones.  */
static void
sorted_quantiles (const double *x, size_t n, double out[3])
{
  static const double f[3] = { 0.05, 0.5, 0.95 };
  double *y = calloc (n + 1, sizeof *y);
  size_t k;

  memcpy (y, x, n * sizeof *y);
  qsort (y, n, sizeof *y, compare_doubles);
  for (k = 0; k < 3; k++)
    {
      size_t lhs = (size_t) (f[k] * (double) (n - 1));

      out[k] = lhs + 1 >= n || !(y[lhs] < y[lhs + 1])
                 ? y[lhs]
                 : gsl_stats_quantile_from_sorted_data (y, 1, n, f[k]);
    }
  free (y);
}

/* A small generator of its own (xorshift64*), so that the data do not
   depend on the C library's.  */
static double
test_uniform (uint64_t *state)
{
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;
  return (double) ((*state * UINT64_C (0x2545f4914f6cdd1d)) >> 11) * 0x1p-53;
}

/* Data of kind KIND: spread, skewed, with many ties, all equal, with an
   outlier that crowds the rest into one bucket, with zeros and negative
   values, nearly equal, or too close to be bucketed.  */
static double
test_value (int kind, uint64_t *state, size_t s)
{
  double v = test_uniform (state);

  switch (kind)
    {
    case 0:
      return 100.0 + 50.0 * v;
    case 1:
      return exp (3.0 * (v - 0.5));
    case 2:
      return 1.0 + floor (v * 7.0);
    case 3:
      return 42.5;
    case 4:
      return s == 3 ? 1e12 : 1.0 + v;
    case 5:
      return floor (v * 5.0) - 2.0;
    case 6:
      return 1.0 + (v < 0.5 ? 0x1p-52 : 0.0);
    default:
      return 1e-310 * (1.0 + floor (v * 3.0));
    }
}

/* The bucketed selection gives the quantiles of a sort, to the bit,
   whatever the number of values and their ties.  */
START_TEST (test_quantiles_as_sorted)
{
  static const size_t sizes[]
    = { 1, 2, 3, 20, 63, 64, 65, 100, 999, 1000, 1001, 4096 };
  uint64_t state = UINT64_C (0x9e3779b97f4a7c15);
  size_t z, s;
  int kind;

  for (kind = 0; kind < 8; kind++)
    for (z = 0; z < sizeof sizes / sizeof *sizes; z++)
      {
        size_t n = sizes[z];
        double *x = calloc (2 * n + 1, sizeof *x);
        unsigned char *bucket = calloc (n + 1, 1);
        double got[3], want[3];

        for (s = 0; s < n; s++)
          x[s] = test_value (kind, &state, s);
        sorted_quantiles (x, n, want);
        uncertainty_quantiles (x, n, NULL, NULL, bucket, x + n, got);
        ck_assert_mem_eq (got, want, sizeof got);
        free (bucket);
        free (x);
      }
}
END_TEST

/* The buckets of the N values X on the bounds LO to HI into VB, each
   value's place held to the first and last bucket, as the totals make
   them.  */
static void
guessed_buckets (const double *x, size_t n, double lo, double hi,
                 struct value_buckets *vb)
{
  size_t s;

  vb->nb = n / 4 < UNCERTAINTY_NBUCKETS ? (int) (n / 4) : UNCERTAINTY_NBUCKETS;
  vb->lo = lo;
  vb->scale = hi > lo ? (double) vb->nb / (hi - lo) : 0.0;
  memset (vb->count, 0, sizeof vb->count);
  memset (vb->odd, 0, sizeof vb->odd);
  for (s = 0; s < n; s++)
    {
      double q = fmax (fmin ((x[s] - lo) * vb->scale, vb->nb), 0.0);

      vb->bucket[s] = (unsigned char) (int) q;
      if (s % 2 == 0)
        vb->count[vb->bucket[s]]++;
      else
        vb->odd[vb->bucket[s]]++;
    }
}

/* Buckets guessed before the values, on bounds that hold them, that
   hold a few of them only (crowding the rest into the end buckets,
   which the quantiles then count again), or that are no range at all:
   the quantiles of a sort, to the bit, whatever the guess.  */
START_TEST (test_quantiles_guessed_buckets)
{
  static const double guess[][2] = {
    { 0.0, 300.0 }, { 90.0, 160.0 }, { 120.0, 130.0 }, { 140.0, 1e6 },
    { 0.0, 0.0 },   { 1e9, 2e9 },    { 0.5, 1.5 },
  };
  static const size_t sizes[] = { 64, 65, 257, 1000, 1001 };
  uint64_t state = UINT64_C (0x853c49e6748fea9b);
  struct value_buckets vb;
  size_t z, g, s;
  int kind;

  for (kind = 0; kind < 8; kind++)
    for (z = 0; z < sizeof sizes / sizeof *sizes; z++)
      for (g = 0; g < sizeof guess / sizeof *guess; g++)
        {
          size_t n = sizes[z];
          double *x = calloc (2 * n + 1, sizeof *x);
          unsigned char *bucket = calloc (n + 1, 1);
          double got[3], want[3];

          for (s = 0; s < n; s++)
            x[s] = test_value (kind, &state, s);
          sorted_quantiles (x, n, want);
          vb.bucket = bucket;
          guessed_buckets (x, n, guess[g][0], guess[g][1], &vb);
          uncertainty_quantiles (x, n, NULL, &vb, bucket, x + n, got);
          ck_assert_mem_eq (got, want, sizeof got);
          free (bucket);
          free (x);
        }
}
END_TEST

/* Quantiles of values scaled by C from their sorted values: those of
   the scaled values, to the bit.  */
START_TEST (test_scaled_quantiles)
{
  static const double scales[] = { 0.0, 0.37, 1.0, 3.0 * 0.37 * 7.5, 1e300 };
  static const size_t sizes[] = { 1, 2, 5, 100, 1000 };
  uint64_t state = UINT64_C (0x2545f4914f6cdd1d);
  size_t z, c, s;

  for (z = 0; z < sizeof sizes / sizeof *sizes; z++)
    for (c = 0; c < sizeof scales / sizeof *scales; c++)
      {
        size_t n = sizes[z];
        double *r = calloc (n + 1, sizeof *r);
        double *x = calloc (n + 1, sizeof *x);
        double got[3], want[3];

        for (s = 0; s < n; s++)
          {
            r[s] = 0.8 + 0.4 * test_uniform (&state);
            x[s] = scales[c] * r[s];
          }
        sorted_quantiles (x, n, want);
        qsort (r, n, sizeof *r, compare_doubles);
        uncertainty_scaled_quantiles (r, n, scales[c], x, got);
        ck_assert_mem_eq (got, want, sizeof got);
        free (x);
        free (r);
      }
}
END_TEST

/* The quantiles of every item made at once, on threads, are those of
   each item made on its own, to the bit: 500 items over two regions,
   power keys, hosts and curves, with spreads of grid, PUE, embodied and
   power, and ranges of runtime and load.  */
START_TEST (test_summarise_all_as_one)
{
  enum
  {
    N = 500
  };
  struct uncertainty_spec spec;
  struct uncertainty_item *it = calloc (N, sizeof *it);
  struct uncertainty_summary one, all;
  struct uncertainty *u, *v;
  struct diag d;
  size_t i;

  exact_spec (&spec, 700);
  spec.runtime_h.low = 8.0;
  spec.runtime_h.high = 14.0;
  spec.load_pct.low = 30.0;
  spec.load_pct.high = 90.0;
  for (i = 0; i < N; i++)
    {
      exact_item (&it[i], i % 2);
      it[i].curve = (i / 3) % 2;
      it[i].curve_w = it[i].curve == 0 ? curve : other_curve;
      it[i].power_key = (i / 2) % 2;
      it[i].power_sigma = it[i].power_key == 0 ? 0.1 : 0.0;
      it[i].host = (i / 4) % 2;
      it[i].power_w = 50.0 + (double) i;
      it[i].grid_low = 100.0;
      it[i].grid_gco2e_per_kwh = 200.0;
      it[i].grid_high = 300.0 + (double) (i % 2);
      it[i].pue_low = 1.1;
      it[i].pue_high = 1.4 + 0.1 * (double) (i % 2);
      it[i].embodied_low_kgco2e = 80.0 + (double) (i % 4 / 2);
      it[i].embodied_high_kgco2e = 120.0;
      it[i].cost_usd = i % 7 == 0 ? NAN : 0.01 * (double) i;
    }
  u = uncertainty_new (&spec, it, N, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  v = uncertainty_new (&spec, it, N, &d);
  ck_assert_msg (v != NULL, "%s", d.text);
  uncertainty_summarise_all (v, NULL, NULL);
  for (i = 0; i < N; i++)
    {
      uncertainty_summarise (u, i, &one);
      uncertainty_summarise (v, i, &all);
      ck_assert_mem_eq (&one, &all, sizeof one);
    }
  uncertainty_free (v);
  uncertainty_free (u);
  free (it);
}
END_TEST

/* Every sample's total is the model's formula on the draws, to the bit,
   in the samples taken two at a time and in the last one alone: a
   direct draw of every input, over an odd number of samples with a
   spread on each, for two items of a region, the second with a grid
   range of its own (so not the region's kept draws), with the draws
   made on demand and with them kept.  */
START_TEST (test_totals_as_drawn)
{
  static const double grid_high[2] = { 300.0, 350.0 };
  struct uncertainty_spec spec;
  struct uncertainty_item it[2];
  struct uncertainty_summary sum;
  double q[3];
  struct uncertainty *u;
  struct diag d;
  size_t S = 257, s, i;
  double *total = calloc (S, sizeof *total);
  double *f = calloc (S, sizeof *f);

  exact_spec (&spec, S);
  spec.runtime_h.low = 8.0;
  spec.runtime_h.high = 14.0;
  spec.lifetime_high_years = 6.0;
  for (i = 0; i < 2; i++)
    {
      exact_item (&it[i], 1);
      it[i].power_key = it[i].host = 1;
      it[i].power_sigma = 0.2;
      it[i].grid_low = 100.0;
      it[i].grid_gco2e_per_kwh = 200.0;
      it[i].grid_high = grid_high[i];
      it[i].pue_low = 1.1;
      it[i].pue_high = 1.5;
      it[i].embodied_low_kgco2e = 60.0;
      it[i].embodied_high_kgco2e = 150.0;
    }
  u = uncertainty_new (&spec, it, 2, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  /* Drawn on demand, then from the draws kept.  */
  for (i = 0; i < 4; i++)
    {
      if (i == 2)
        {
          struct uncertainty_keeping *k = uncertainty_keep_plan (u);

          uncertainty_keep_fill (k);
          uncertainty_keep_plan_free (k);
        }
      uncertainty_item_samples (u, i % 2, total, NULL);
      uncertainty_item_factors (u, i % 2, 0, S, f);
      for (s = 0; s < S; s++)
        {
          uint64_t seed = spec.seed;
          double pue = draws_two_piece (
            draws_uniform (draws_stream (seed, DRAW_PUE, 1), s), 1.1, 1.17,
            1.5);
          double grid = draws_two_piece (
            draws_uniform (draws_stream (seed, DRAW_GRID, 1), s), 100, 200,
            grid_high[i % 2]);
          double emb = draws_two_piece (
            draws_uniform (draws_stream (seed, DRAW_HOST, 1), s), 60, 97.3,
            150);
          double want = uncertainty_item_total (&it[i % 2], 123.4 * f[s], pue,
                                                grid, emb, u->life_h[s])
                        * u->ratio[s];

          ck_assert_mem_eq (&total[s], &want, sizeof want);
        }
      /* Its quantiles are those of a sort of those totals.  */
      uncertainty_summarise (u, i % 2, &sum);
      sorted_quantiles (total, S, q);
      ck_assert_mem_eq (sum.total_gco2e, q, sizeof q);
    }
  uncertainty_free (u);
  free (f);
  free (total);
}
END_TEST

static Suite *
uncertainty_quantiles_suite (void)
{
  Suite *s = suite_create ("uncertainty_quantiles");
  TCase *tc = tcase_create ("quantiles");

  tcase_add_test (tc, test_quantiles_as_sorted);
  tcase_add_test (tc, test_quantiles_guessed_buckets);
  tcase_add_test (tc, test_scaled_quantiles);
  tcase_add_test (tc, test_summarise_all_as_one);
  tcase_add_test (tc, test_totals_as_drawn);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (uncertainty_quantiles_suite)
