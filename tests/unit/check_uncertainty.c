/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the Monte Carlo uncertainty of runs.  */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/footprint.h"
#include "search/uncertainty-draws.h"
#include "search/uncertainty-private.h"
#include "search/uncertainty.h"
#include "unit.h"

#include <gsl/gsl_statistics_double.h>

static const double curve[CATALOGUE_POWER_POINTS] = { 10, 20, 30, 40 };
static const double other_curve[CATALOGUE_POWER_POINTS] = { 12, 25, 31, 52 };

/* A spec of exact job figures over two regions, power keys, hosts and
   curves.  */
static void
exact_spec (struct uncertainty_spec *spec, size_t samples)
{
  memset (spec, 0, sizeof *spec);
  spec->samples = samples;
  spec->seed = UNCERTAINTY_DEFAULT_SEED;
  spec->load_pct.low = spec->load_pct.mode = spec->load_pct.high = 50.0;
  spec->runtime_h.low = spec->runtime_h.mode = spec->runtime_h.high = 10.0;
  spec->runtime_point_h = 10.0;
  spec->lifetime_low_years = spec->lifetime_high_years = 4.0;
  spec->nregions = spec->npower_keys = spec->nhosts = spec->ncurves = 2;
  spec->prune = true;
}

/* An item with every range of zero width: 3 instances of 123.4 W for
   7.5 h, PUE 1.17, grid 321.5, embodied 97.3 kg, 0.37 USD/h.  */
static void
exact_item (struct uncertainty_item *it, size_t region)
{
  memset (it, 0, sizeof *it);
  it->count = 3.0;
  it->runtime_h = 7.5;
  it->power_w = 123.4;
  it->curve_w = curve;
  it->embodied_kgco2e = it->embodied_low_kgco2e = it->embodied_high_kgco2e
    = 97.3;
  it->pue = it->pue_low = it->pue_high = 1.17;
  it->grid_gco2e_per_kwh = it->grid_low = it->grid_high = 321.5;
  it->region = region;
  it->cost_usd = 3.0 * 0.37 * 7.5;
  it->competes = true;
}

/* Zero-width distributions: every percentile is the point estimate,
   exactly as footprint_compute gives it.  */
START_TEST (test_zero_width_exact)
{
  struct uncertainty_spec spec;
  struct uncertainty_item it;
  struct uncertainty_summary sum;
  struct footprint_job job = { 7.5, 3.0, 4.0 * FOOTPRINT_HOURS_PER_YEAR };
  struct footprint_site site = { 123.4, 97.3, 1.17, 321.5, 0.37 };
  struct footprint fp;
  struct uncertainty *u;
  struct diag d;
  size_t k;

  exact_spec (&spec, 1000);
  exact_item (&it, 0);
  footprint_compute (&job, &site, &fp);
  u = uncertainty_new (&spec, &it, 1, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  uncertainty_summarise (u, 0, &sum);
  for (k = 0; k < 3; k++)
    {
      ck_assert_double_eq (sum.total_gco2e[k], fp.total_gco2e);
      ck_assert_double_eq (sum.cost_usd[k], it.cost_usd);
    }
  uncertainty_free (u);
}
END_TEST

/* A uniform grid range from 100 to 300 g/kWh, all else exact: the total
   is Scope 3 + energy x grid, so its quantiles are those of the grid.  */
START_TEST (test_uniform_grid_quantiles)
{
  struct uncertainty_spec spec;
  struct uncertainty_item it;
  struct uncertainty_summary sum;
  struct uncertainty *u;
  struct diag d;
  double energy, scope3, q[3] = { 0.05, 0.5, 0.95 };
  size_t k;

  exact_spec (&spec, 20000);
  exact_item (&it, 1);
  it.grid_low = 100.0;
  it.grid_gco2e_per_kwh = 200.0;
  it.grid_high = 300.0;
  energy = 3.0 * 123.4 * 7.5 / 1000.0 * 1.17;
  scope3 = 3.0 * 97.3 * 1000.0 * 7.5 / (4.0 * FOOTPRINT_HOURS_PER_YEAR);
  u = uncertainty_new (&spec, &it, 1, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  uncertainty_summarise (u, 0, &sum);
  for (k = 0; k < 3; k++)
    {
      double want = scope3 + energy * (100.0 + 200.0 * q[k]);

      /* The standard error of a quantile of 20,000 uniform draws is
         below 0.4 % of the range; allow 1 %.  */
      ck_assert_double_eq_tol (sum.total_gco2e[k], want, 0.01 * energy * 200);
    }
  uncertainty_free (u);
}
END_TEST

/* The point is the median of every input's distribution: a grid range
   100-300 g/kWh around a point of 120 is drawn half uniform on 100-120,
   half on 120-300, so the total's quantiles are Scope 3 + energy x
     p5:  100 + 0.10 x 20  = 102,
     p50: 120 (the point),
     p95: 120 + 0.90 x 180 = 282
   (a plain uniform on 100-300 had the point at its 10th percentile).  */
START_TEST (test_two_piece_grid)
{
  struct uncertainty_spec spec;
  struct uncertainty_item it;
  struct uncertainty_summary sum;
  struct uncertainty *u;
  struct diag d;
  double energy, scope3, want[3] = { 102.0, 120.0, 282.0 };
  double tol[3] = { 0.25, 5.1, 2.2 };
  size_t k;

  exact_spec (&spec, 20000);
  exact_item (&it, 1);
  it.grid_low = 100.0;
  it.grid_gco2e_per_kwh = 120.0;
  it.grid_high = 300.0;
  energy = 3.0 * 123.4 * 7.5 / 1000.0 * 1.17;
  scope3 = 3.0 * 97.3 * 1000.0 * 7.5 / (4.0 * FOOTPRINT_HOURS_PER_YEAR);
  u = uncertainty_new (&spec, &it, 1, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  uncertainty_summarise (u, 0, &sum);
  /* The standard error of the F-quantile of 20,000 draws is
     sqrt (F (1 - F) / 20000) in probability: 0.0015 at p5 and p95,
     0.0035 at p50, times the grid's slope at the quantile, 2 x 20
     g/kWh below the point and 2 x 180 above it (the median falls on
     either side): 0.06, 1.27 and 0.55 g/kWh.  Allow four standard
     errors.  */
  for (k = 0; k < 3; k++)
    ck_assert_double_eq_tol (sum.total_gco2e[k], scope3 + energy * want[k],
                             tol[k] * energy);
  uncertainty_free (u);
}
END_TEST

/* The lifetime 4-6 years around a point of 4: half the draws sit on 4
   years exactly, so with nothing else uncertain the total's p95 is the
   point (Scope 3 only falls as the lifetime grows), p50 at or just
   below it (within 4.1 years' worth), and p5 at
   the 10th percentile of the upper half: 4 + 0.9 x 2 = 5.8 years.  */
START_TEST (test_two_piece_lifetime)
{
  struct uncertainty_spec spec;
  struct uncertainty_item it;
  struct uncertainty_summary sum;
  struct uncertainty *u;
  struct diag d;
  double energy, scope3_h;

  exact_spec (&spec, 20000);
  spec.lifetime_high_years = 6.0;
  exact_item (&it, 0);
  energy = 3.0 * 123.4 * 7.5 / 1000.0 * 1.17 * 321.5;
  scope3_h = 3.0 * 97.3 * 1000.0 * 7.5 / FOOTPRINT_HOURS_PER_YEAR;
  u = uncertainty_new (&spec, &it, 1, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  uncertainty_summarise (u, 0, &sum);
  /* About half the samples sit on the point: p50 is at or just below
     it, p95 on it.  */
  ck_assert_double_le (sum.total_gco2e[1], sum.total_gco2e[2]);
  ck_assert_double_ge (sum.total_gco2e[1], energy + scope3_h / 4.1);
  ck_assert_double_eq_tol (sum.total_gco2e[2], energy + scope3_h / 4.0,
                           1e-9 * energy);
  ck_assert_double_eq_tol (sum.total_gco2e[0], energy + scope3_h / 5.8,
                           0.01 * scope3_h);
  uncertainty_free (u);
}
END_TEST

/* GPU speed: one draw per GPU model per sample, shared by the
   reference.  Reference model 0 (speed 1, spread 0.8-1.5), model 1
   (0.6, 0.5-0.9).  Item A has the reference's model: its ratio
   speed_ref / speed_A is 1 in every sample, so every sample is its
   point total to the last bit.  Items B and C both have model 1: the
   same draw, so their totals over their points are equal sample by
   sample, and each spans both sides of its point.  */
START_TEST (test_gpu_shared_draw)
{
  static const struct uncertainty_range speeds[2]
    = { { 0.8, 1.0, 1.5, false }, { 0.5, 0.6, 0.9, false } };
  struct uncertainty_spec spec;
  struct uncertainty_item it[3];
  struct uncertainty *u;
  struct diag d;
  double ta[500], tb[500], tc[500];
  size_t s, below = 0, above = 0;

  exact_spec (&spec, 500);
  spec.ngpus = 2;
  spec.gpu_speed = speeds;
  spec.gpu_reference = 0;
  for (s = 0; s < 3; s++)
    {
      exact_item (&it[s], s == 2);
      it[s].gpu_scaled = true;
      it[s].gpu = s == 0 ? 0 : 1;
    }
  it[2].runtime_h = 12.5;
  u = uncertainty_new (&spec, it, 3, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  uncertainty_item_samples (u, 0, ta, NULL);
  uncertainty_item_samples (u, 1, tb, NULL);
  uncertainty_item_samples (u, 2, tc, NULL);
  uncertainty_free (u);
  for (s = 0; s < 500; s++)
    {
      ck_assert_double_eq (ta[s], ta[0]);
      ck_assert_double_eq_tol (tb[s] / ta[0], tc[s] / (ta[0] * 12.5 / 7.5),
                               1e-12);
      below += tb[s] < ta[0];
      above += tb[s] > ta[0];
    }
  ck_assert_uint_gt (below, 50);
  ck_assert_uint_gt (above, 50);
}
END_TEST

/* Two runs in different regions, 1 kWh each and no Scope 3: A's total is
   uniform on 100-200 g, B's on 150-250 g, independent.  P(A < B) =
   1 - P(U1 - U2 > 0.5) = 1 - 1/8 = 0.875.  */
START_TEST (test_p_less)
{
  struct uncertainty_spec spec;
  struct uncertainty_item it[2];
  struct uncertainty *u;
  struct diag d;
  size_t k;

  exact_spec (&spec, 20000);
  for (k = 0; k < 2; k++)
    {
      exact_item (&it[k], k);
      it[k].count = 1.0;
      it[k].runtime_h = 1.0;
      it[k].power_w = 1000.0;
      it[k].pue = it[k].pue_low = it[k].pue_high = 1.0;
      it[k].embodied_kgco2e = it[k].embodied_low_kgco2e = 0.0;
      it[k].embodied_high_kgco2e = 0.0;
      it[k].grid_low = k == 0 ? 100.0 : 150.0;
      it[k].grid_high = it[k].grid_low + 100.0;
      /* The point in the middle: the two-piece uniform is uniform.  */
      it[k].grid_gco2e_per_kwh = it[k].grid_low + 50.0;
    }
  u = uncertainty_new (&spec, it, 2, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  /* Standard error sqrt (0.875 x 0.125 / 20000) = 0.0023.  */
  ck_assert_double_eq_tol (uncertainty_p_less (u, 0, 1), 0.875, 0.01);
  ck_assert_double_eq_tol (uncertainty_p_less (u, 1, 0), 0.125, 0.01);
  uncertainty_free (u);
}
END_TEST

/* Every spread at once, with the job's load and runtime as ranges.  */
static struct uncertainty *
spread (unsigned long seed, struct uncertainty_item *it)
{
  struct uncertainty_spec spec;
  struct diag d;
  struct uncertainty *u;

  exact_spec (&spec, 500);
  spec.seed = seed;
  spec.load_pct.low = 30.0;
  spec.load_pct.high = 80.0;
  spec.load_pct.triangular = true;
  spec.runtime_h.low = 8.0;
  spec.runtime_h.high = 14.0;
  spec.lifetime_low_years = 4.0;
  spec.lifetime_high_years = 6.0;
  exact_item (it, 0);
  it->grid_low = 250.0;
  it->grid_high = 400.0;
  it->pue_low = 1.1;
  it->pue_high = 1.3;
  it->embodied_low_kgco2e = 80.0;
  it->embodied_high_kgco2e = 120.0;
  it->power_sigma = 0.1;
  u = uncertainty_new (&spec, it, 1, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  return u;
}

START_TEST (test_seed)
{
  struct uncertainty_item it[3];
  struct uncertainty *a = spread (7, &it[0]);
  struct uncertainty *b = spread (7, &it[1]);
  struct uncertainty *c = spread (8, &it[2]);
  double ta[500], tb[500], tc[500], ca[500], cb[500];

  uncertainty_item_samples (a, 0, ta, ca);
  uncertainty_item_samples (b, 0, tb, cb);
  uncertainty_item_samples (c, 0, tc, NULL);
  ck_assert (memcmp (ta, tb, sizeof ta) == 0);
  ck_assert (memcmp (ca, cb, sizeof ca) == 0);
  ck_assert (memcmp (ta, tc, sizeof ta) != 0);
  uncertainty_free (a);
  uncertainty_free (b);
  uncertainty_free (c);
}
END_TEST

/* A cheap, clean run dominates two others in every sample: it is on the
   front in all of them, and pruning finds that the others never are.  */
START_TEST (test_p_front_dominant)
{
  struct uncertainty_spec spec;
  struct uncertainty_item it[3];
  struct uncertainty_front_stats stats;
  double p[3], q[3];
  struct uncertainty *u;
  struct diag d;
  size_t k;

  exact_spec (&spec, 1000);
  for (k = 0; k < 3; k++)
    {
      exact_item (&it[k], k == 0 ? 0 : 1);
      it[k].grid_low = 50.0 + 300.0 * (double) k;
      it[k].grid_gco2e_per_kwh = it[k].grid_low + 50.0;
      it[k].grid_high = it[k].grid_low + 100.0;
      it[k].cost_usd = 1.0 + (double) k;
    }
  /* The two dearer runs overlap each other, but never the first.  */
  it[2].grid_low = 300.0;
  u = uncertainty_new (&spec, it, 3, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  uncertainty_fronts (u, p, &stats, NULL, NULL);
  ck_assert_double_eq (p[0], 1.0);
  ck_assert_double_eq (p[1], 0.0);
  ck_assert_double_eq (p[2], 0.0);
  ck_assert_uint_eq (stats.competing, 3);
  ck_assert_uint_eq (stats.survivors, 1);
  uncertainty_free (u);

  /* Without pruning the same shares, from sampling every run.  */
  spec.prune = false;
  u = uncertainty_new (&spec, it, 3, &d);
  uncertainty_fronts (u, q, &stats, NULL, NULL);
  ck_assert_uint_eq (stats.survivors, 3);
  for (k = 0; k < 3; k++)
    ck_assert_double_eq (p[k], q[k]);
  uncertainty_free (u);
}
END_TEST

/* Two runs of the same cost whose totals overlap: each is on the front
   exactly when it emits less, and pruning keeps both.  */
START_TEST (test_p_front_overlap)
{
  struct uncertainty_spec spec;
  struct uncertainty_item it[2];
  struct uncertainty_front_stats stats;
  double p[2];
  struct uncertainty *u;
  struct diag d;
  size_t k;

  exact_spec (&spec, 20000);
  for (k = 0; k < 2; k++)
    {
      exact_item (&it[k], k);
      it[k].grid_low = 100.0 + 50.0 * (double) k;
      /* The point in the middle: the two-piece uniform is uniform.  */
      it[k].grid_gco2e_per_kwh = it[k].grid_low + 50.0;
      it[k].grid_high = it[k].grid_low + 100.0;
    }
  u = uncertainty_new (&spec, it, 2, &d);
  ck_assert_msg (u != NULL, "%s", d.text);
  uncertainty_fronts (u, p, &stats, NULL, NULL);
  ck_assert_uint_eq (stats.survivors, 2);
  ck_assert_double_eq_tol (p[0], 0.875, 0.01);
  ck_assert_double_eq_tol (p[1], 0.125, 0.01);
  ck_assert_double_eq_tol (p[0], uncertainty_p_less (u, 0, 1), 1e-12);
  uncertainty_free (u);
}
END_TEST

/* Bad input is refused with a message, never drawn from.  */
START_TEST (test_bad_spec)
{
  struct uncertainty_spec spec;
  struct uncertainty_item it;
  struct diag d;

  exact_spec (&spec, 0);
  exact_item (&it, 0);
  ck_assert_ptr_null (uncertainty_new (&spec, &it, 1, &d));
  ck_assert_int_eq (d.status, CA_EXIT_USAGE);
  exact_spec (&spec, 10);
  it.region = 5;
  ck_assert_ptr_null (uncertainty_new (&spec, &it, 1, &d));
  ck_assert_int_eq (d.status, CA_EXIT_FAILURE);
}
END_TEST

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
        uncertainty_quantiles (x, n, NULL, bucket, x + n, got);
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
        uncertainty_keep_shared (u);
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
uncertainty_suite (void)
{
  Suite *s = suite_create ("uncertainty");
  TCase *tc = tcase_create ("sampling");

  tcase_add_test (tc, test_zero_width_exact);
  tcase_add_test (tc, test_uniform_grid_quantiles);
  tcase_add_test (tc, test_two_piece_grid);
  tcase_add_test (tc, test_two_piece_lifetime);
  tcase_add_test (tc, test_gpu_shared_draw);
  tcase_add_test (tc, test_p_less);
  tcase_add_test (tc, test_seed);
  tcase_add_test (tc, test_p_front_dominant);
  tcase_add_test (tc, test_p_front_overlap);
  tcase_add_test (tc, test_bad_spec);
  tcase_add_test (tc, test_quantiles_as_sorted);
  tcase_add_test (tc, test_scaled_quantiles);
  tcase_add_test (tc, test_summarise_all_as_one);
  tcase_add_test (tc, test_totals_as_drawn);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (uncertainty_suite)
