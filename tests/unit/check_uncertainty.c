/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the Monte Carlo uncertainty of runs: the draws, the
   odds of one run below another and of being on the front, bad specs.
   The quantiles and totals are in check_uncertainty_quantiles.c.  */
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
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (uncertainty_suite)
