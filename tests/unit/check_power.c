/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for an instance's power at any load.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "data/catalogue.h"
#include "base/diag.h"
#include "model/power.h"
#include "base/system.h"
#include "unit.h"
#include "shipped.h"

/* Assert that X is Y within 1e-9 relative (Y must not be 0).  */
#define ASSERT_REL(x, y) ck_assert_double_eq_tol ((x), (y), 1e-9 * fabs (y))

/* The Teads points of m5.xlarge (data/instances.csv, line 175: "Instance
   @ Idle/10%/50%/100%").  */
static const double loads[4] = { 0.0, 10.0, 50.0, 100.0 };
static const double m5_xlarge[4] = { 8.8, 14.0, 28.2, 39.9 };

/* The power of m5.xlarge at LOAD, which must succeed.  */
static double
m5_at (double load)
{
  struct diag d = { 0, "" };
  double w = -1.0;

  /* Check is called only on failure (see test_data_monotone).  */
  if (power_at_load (loads, m5_xlarge, 4, load, &w, &d) != 0)
    ck_abort_msg ("power_at_load (%g) failed: %s", load, d.text);
  return w;
}

/* Check that the curve WATTS over LOADS (N points) at LOAD fails with
   STATUS and the message TEXT, leaving the output alone.  */
static void
check_fails (const double *x, const double *watts, size_t n, double load,
             int status, const char *text)
{
  struct diag d = { 0, "" };
  double w = -1.0;

  ck_assert_int_eq (power_at_load (x, watts, n, load, &w, &d), -1);
  ck_assert_int_eq (d.status, status);
  ck_assert_str_eq (d.text, text);
  ck_assert_double_eq (w, -1.0);
}

/* The measured points.  */

START_TEST (test_points_exact)
{
  /* The figures come back to the last bit, not through the cubic.  */
  ck_assert_double_eq (m5_at (0.0), 8.8);
  ck_assert_double_eq (m5_at (10.0), 14.0);
  ck_assert_double_eq (m5_at (50.0), 28.2);
  ck_assert_double_eq (m5_at (100.0), 39.9);
}
END_TEST

/* Between the points: GSL's Steffen curve, worked by hand.

   Secant slopes: s0 = (14.0 - 8.8) / 10 = 0.52,
   s1 = (28.2 - 14.0) / 40 = 0.355, s2 = (39.9 - 28.2) / 50 = 0.234.
   End slopes (GSL's "simplest possibility"): y'0 = s0 = 0.52,
   y'3 = s2 = 0.234.  Inner slopes y'i = 2 min (s(i-1), si, pi / 2) with
   pi = (s(i-1) h(i) + s(i) h(i-1)) / (h(i-1) + h(i)):
     p1 = (0.52 x 40 + 0.355 x 10) / 50 = 24.35 / 50 = 0.487,
       y'1 = 2 min (0.52, 0.355, 0.2435) = 0.487;
     p2 = (0.355 x 50 + 0.234 x 40) / 90 = 27.11 / 90 = 0.30122...,
       y'2 = 2 min (0.355, 0.234, 0.15061) = 27.11 / 90.
   At the middle of a segment [a, b] of width h the Hermite cubic is
     (ya + yb) / 2 + h (y'a - y'b) / 8.  */
START_TEST (test_between_points)
{
  /* 5 %: (8.8 + 14.0) / 2 + 10 (0.52 - 0.487) / 8
          = 11.4 + 0.04125 = 11.44125.  */
  ASSERT_REL (m5_at (5.0), 11.44125);
  /* 30 %: (14.0 + 28.2) / 2 + 40 (0.487 - 27.11 / 90) / 8
           = 21.1 + 5 x 16.72 / 90 = 21.1 + 83.6 / 90 = 1982.6 / 90
           = 22.02888...  */
  ASSERT_REL (m5_at (30.0), 1982.6 / 90.0);
  /* 75 %: (28.2 + 39.9) / 2 + 50 (27.11 / 90 - 0.234) / 8
           = 34.05 + 6.25 x 6.05 / 90 = 34.05 + 37.8125 / 90
           = 3102.3125 / 90 = 34.470138...  */
  ASSERT_REL (m5_at (75.0), 3102.3125 / 90.0);
}
END_TEST

START_TEST (test_between_neighbours)
{
  static const double probe[] = { 0.01, 1.0,   5.0,   9.99, 10.01, 25.0,
                                  30.0, 49.99, 50.01, 60.0, 75.0,  99.99 };
  size_t i, k;

  for (i = 0; i < ARRAY_SIZE (probe); i++)
    {
      double w = m5_at (probe[i]);

      for (k = 1; k < 4 && probe[i] > loads[k]; k++)
        ;
      ck_assert_msg (w > m5_xlarge[k - 1] && w < m5_xlarge[k],
                     "%g W at %g %% is not strictly between %g and %g", w,
                     probe[i], m5_xlarge[k - 1], m5_xlarge[k]);
    }
}
END_TEST

START_TEST (test_monotone_m5)
{
  double prev = m5_at (0.0);
  int j;

  for (j = 1; j <= 10000; j++)
    {
      double w = m5_at (j / 100.0);

      if (!(w >= prev))
        ck_abort_msg ("%.17g W at %g %% is below %.17g W", w, j / 100.0, prev);
      prev = w;
    }
  ck_assert_double_eq (prev, 39.9);
}
END_TEST

START_TEST (test_two_points_linear)
{
  static const double x[2] = { 0.0, 100.0 };
  static const double y[2] = { 10.0, 20.0 };
  struct diag d = { 0, "" };
  double w;

  /* 10 + (20 - 10) x 25 / 100 = 12.5.  */
  ck_assert_int_eq (power_at_load (x, y, 2, 25.0, &w, &d), 0);
  ck_assert_double_eq_tol (w, 12.5, 1e-12);
  /* 10 + 10 x 0.8 = 18.  */
  ck_assert_int_eq (power_at_load (x, y, 2, 80.0, &w, &d), 0);
  ck_assert_double_eq_tol (w, 18.0, 1e-12);
  ck_assert_int_eq (power_at_load (x, y, 2, 0.0, &w, &d), 0);
  ck_assert_double_eq (w, 10.0);
  ck_assert_int_eq (power_at_load (x, y, 2, 100.0, &w, &d), 0);
  ck_assert_double_eq (w, 20.0);
}
END_TEST

START_TEST (test_flat_segment)
{
  static const double x[3] = { 0.0, 50.0, 100.0 };
  static const double y[3] = { 10.0, 10.0, 20.0 };
  struct diag d = { 0, "" };
  double w;

  /* The first secant slope is 0, so y'0 = 0 and y'1 = 2 min (0, ...) = 0:
     the curve stays at 10 W on [0, 50].  */
  ck_assert_int_eq (power_at_load (x, y, 3, 25.0, &w, &d), 0);
  ck_assert_double_eq_tol (w, 10.0, 1e-12);
  /* On [50, 100]: y'1 = 0, y'2 = s1 = 0.2; at 75:
     (10 + 20) / 2 + 50 (0 - 0.2) / 8 = 15 - 1.25 = 13.75.  */
  ck_assert_int_eq (power_at_load (x, y, 3, 75.0, &w, &d), 0);
  ck_assert_double_eq_tol (w, 13.75, 1e-12);
}
END_TEST

/* Errors.  */

START_TEST (test_decreasing)
{
  static const double y[4] = { 8.8, 14.0, 13.0, 39.9 };

  check_fails (loads, y, 4, 30.0, CA_EXIT_DATAERR,
               "power 13 W at 50 % load is below 14 W at 10 %");
  /* A bad curve is reported before a bad load.  */
  check_fails (loads, y, 4, 101.0, CA_EXIT_DATAERR,
               "power 13 W at 50 % load is below 14 W at 10 %");
}
END_TEST

START_TEST (test_bad_load)
{
  check_fails (loads, m5_xlarge, 4, 101.0, CA_EXIT_USAGE,
               "load 101 % is outside 0-100");
  check_fails (loads, m5_xlarge, 4, -1.0, CA_EXIT_USAGE,
               "load -1 % is outside 0-100");
  check_fails (loads, m5_xlarge, 4, NAN, CA_EXIT_USAGE,
               "load nan % is outside 0-100");
  check_fails (loads, m5_xlarge, 4, INFINITY, CA_EXIT_USAGE,
               "load inf % is outside 0-100");
  check_fails (loads, m5_xlarge, 4, -0.5, CA_EXIT_USAGE,
               "load -0.5 % is outside 0-100");
}
END_TEST

START_TEST (test_bad_points)
{
  static const double from5[2] = { 5.0, 100.0 };
  static const double to90[2] = { 0.0, 90.0 };
  static const double repeated[4] = { 0.0, 50.0, 50.0, 100.0 };
  static const double two[2] = { 1.0, 2.0 };
  static const double negative[4] = { -1.0, 14.0, 28.2, 39.9 };
  static const double nan_w[4] = { 8.8, NAN, 28.2, 39.9 };
  static const double inf_w[4] = { 8.8, 14.0, 28.2, INFINITY };

  check_fails (loads, m5_xlarge, 1, 0.0, CA_EXIT_DATAERR,
               "a power curve needs points at 0 % and 100 % load");
  check_fails (from5, two, 2, 50.0, CA_EXIT_DATAERR,
               "a power curve needs points at 0 % and 100 % load");
  check_fails (to90, two, 2, 50.0, CA_EXIT_DATAERR,
               "a power curve needs points at 0 % and 100 % load");
  check_fails (repeated, m5_xlarge, 4, 25.0, CA_EXIT_DATAERR,
               "power curve loads must increase");
  check_fails (loads, negative, 4, 25.0, CA_EXIT_DATAERR,
               "power -1 W at 0 % load is not a valid draw");
  check_fails (loads, nan_w, 4, 25.0, CA_EXIT_DATAERR,
               "power nan W at 10 % load is not a valid draw");
  check_fails (loads, inf_w, 4, 25.0, CA_EXIT_DATAERR,
               "power inf W at 100 % load is not a valid draw");
}
END_TEST

START_TEST (test_null_diag)
{
  double w = -1.0;

  ck_assert_int_eq (power_at_load (loads, m5_xlarge, 4, 200.0, &w, NULL), -1);
  ck_assert_double_eq (w, -1.0);
}
END_TEST

/* The GPUs at their own load.  p3.2xlarge (data/instances.csv, measured,
   the Teads sheet): 57.4 / 131.3 / 279.3 / 379.8 W at 0 / 10 / 50 /
   100 %, one V100; one V100 (data/gpus.csv, the sheet's per-card
   median): 34.84 / 95.48 / 225.68 / 305.57 W.  At measured points the
   split is plain arithmetic:
     CPU 50, GPU 100: 279.3 - 225.68 + 305.57  = 359.19 W
     CPU 10, GPU 100: 131.3 - 95.48 + 305.57   = 341.39 W
     CPU 100, GPU 0:  379.8 - 305.57 + 34.84   = 109.07 W
   p4d.24xlarge (measured): 744.8 / 1687.5 / 3781.8 / 5245.0 W, eight
   A100 of 46.45 / 127.3 / 300.9 / 407.41 W:
     CPU 10, GPU 50:  1687.5 - 8 x 127.3 + 8 x 300.9 = 3076.3 W  */
static const double p3_2xlarge[4] = { 57.4, 131.3, 279.3, 379.8 };
static const double v100[4] = { 34.84, 95.48, 225.68, 305.57 };
static const double p4d_24xlarge[4] = { 744.8, 1687.5, 3781.8, 5245.0 };
static const double a100[4] = { 46.45, 127.3, 300.9, 407.41 };

/* The split power, which must succeed.  */
static double
split_at (const double *inst, const double *card, double gpus, double cpu,
          double gpu)
{
  struct diag d = { 0, "" };
  double w = -1.0;

  if (power_split_at_loads (loads, inst, card, 4, gpus, cpu, gpu, &w, &d) != 0)
    ck_abort_msg ("power_split_at_loads (%g, %g) failed: %s", cpu, gpu,
                  d.text);
  return w;
}

START_TEST (test_split_points)
{
  ASSERT_REL (split_at (p3_2xlarge, v100, 1, 50, 100), 359.19);
  ASSERT_REL (split_at (p3_2xlarge, v100, 1, 10, 100), 341.39);
  ASSERT_REL (split_at (p3_2xlarge, v100, 1, 100, 0), 109.07);
  ASSERT_REL (split_at (p4d_24xlarge, a100, 8, 10, 50), 3076.3);
}
END_TEST

/* One load for both, or no GPUs: power_at_load's figure to the bit, at a
   point and between points.  */
START_TEST (test_split_same_load)
{
  static const double probe[] = { 0.0, 10.0, 30.0, 60.0, 100.0 };
  size_t i;

  for (i = 0; i < ARRAY_SIZE (probe); i++)
    {
      struct diag d = { 0, "" };
      double whole = -1.0;

      ck_assert_int_eq (
        power_at_load (loads, p3_2xlarge, 4, probe[i], &whole, &d), 0);
      ck_assert_double_eq (split_at (p3_2xlarge, v100, 1, probe[i], probe[i]),
                           whole);
      ck_assert_double_eq (split_at (p3_2xlarge, v100, 0, probe[i], 90.0),
                           whole);
    }
}
END_TEST

/* Between points the GPUs' share moves with their own curve: more GPU
   load, more power, and the CPU's part stays below its 100 % figure
   (p3.2xlarge at CPU 30 %: 379.8 - 305.57 = 74.23 W at most, plus one
   card's 305.57 W at GPU 100 %).  */
START_TEST (test_split_between)
{
  double w30 = split_at (p3_2xlarge, v100, 1, 30, 30);
  double w90 = split_at (p3_2xlarge, v100, 1, 30, 90);
  double w100 = split_at (p3_2xlarge, v100, 1, 30, 100);

  ck_assert_double_lt (w30, w90);
  ck_assert_double_lt (w90, w100);
  ck_assert_double_le (w100, 74.23 + 305.57 + 1e-9);
}
END_TEST

/* A card curve above the instance's cannot take the rest below 0 W:
   max (0, 10 - 20) + 40 = 40 W.  */
START_TEST (test_split_rest_kept)
{
  static const double inst[4] = { 10.0, 20.0, 30.0, 40.0 };
  static const double card[4] = { 20.0, 20.0, 30.0, 40.0 };

  ck_assert_double_eq (split_at (inst, card, 1, 0, 100), 40.0);
}
END_TEST

START_TEST (test_split_bad)
{
  struct diag d = { 0, "" };
  double w = -1.0;

  ck_assert_int_eq (
    power_split_at_loads (loads, p3_2xlarge, v100, 4, 1, 30, 101, &w, &d), -1);
  ck_assert_int_eq (d.status, CA_EXIT_USAGE);
  ck_assert_str_eq (d.text, "load 101 % is outside 0-100");
  ck_assert_double_eq (w, -1.0);
}
END_TEST

/* Every curve of the shipped data.  */

START_TEST (test_data_m5_xlarge)
{
  const struct instance *in;
  size_t i;

  ASSERT_CATALOGUE ();
  in = catalogue_find_instance (cat, "m5.xlarge");
  ck_assert_ptr_nonnull (in);
  for (i = 0; i < 4; i++)
    {
      ck_assert_double_eq (catalogue_power_loads[i], loads[i]);
      ck_assert_double_eq (in->power_w[i], m5_xlarge[i]);
    }
}
END_TEST

START_TEST (test_data_points_exact)
{
  size_t i, k;

  ASSERT_CATALOGUE ();
  ck_assert_uint_gt (cat->ninstances, 0);
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];

      for (k = 0; k < CATALOGUE_POWER_POINTS; k++)
        {
          struct diag d = { 0, "" };
          double w;

          ck_assert_msg (power_at_load (catalogue_power_loads, in->power_w,
                                        CATALOGUE_POWER_POINTS,
                                        catalogue_power_loads[k], &w, &d)
                           == 0,
                         "%s: %s", in->name, d.text);
          ck_assert_msg (!(w < in->power_w[k] || w > in->power_w[k]),
                         "%s at %g %%: %.17g W, the data says %.17g W",
                         in->name, catalogue_power_loads[k], w,
                         in->power_w[k]);
        }
    }
}
END_TEST

START_TEST (test_data_monotone)
{
  size_t i;

  ASSERT_CATALOGUE ();
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];
      double prev = -1.0;
      int j;

      /* 0 to 100 % in steps of 0.01 %: 10,001 loads.  The checks only
         call Check when they fail: each passing ck_assert records its
         place through the parent's pipe, which would dominate.  */
      for (j = 0; j <= 10000; j++)
        {
          struct diag d = { 0, "" };
          double load = j / 100.0;
          double w;

          if (power_at_load (catalogue_power_loads, in->power_w,
                             CATALOGUE_POWER_POINTS, load, &w, &d)
              != 0)
            ck_abort_msg ("%s: %s", in->name, d.text);
          if (!(w >= prev && w >= in->power_w[0]
                && w <= in->power_w[CATALOGUE_POWER_POINTS - 1]))
            ck_abort_msg ("%s at %g %%: %.17g W after %.17g W (curve %g, "
                          "%g, %g, %g)",
                          in->name, load, w, prev, in->power_w[0],
                          in->power_w[1], in->power_w[2], in->power_w[3]);
          prev = w;
        }
    }
}
END_TEST

/* A curve set up once (as the Monte Carlo keeps one per instance) gives
   power_at_load's watts to the last bit, at the points and between.  */
START_TEST (test_curve_kept)
{
  static const double probe[]
    = { 0.0, 0.01, 5.0, 10.0, 30.0, 50.0, 75.0, 99.99, 100.0 };
  gsl_interp *interp = power_curve_alloc (4);
  size_t i;

  ck_assert_ptr_nonnull (interp);
  ck_assert_int_eq (gsl_interp_init (interp, loads, m5_xlarge, 4),
                    GSL_SUCCESS);
  for (i = 0; i < ARRAY_SIZE (probe); i++)
    {
      double w = -1.0;

      ck_assert_int_eq (
        power_curve_eval (interp, loads, m5_xlarge, 4, probe[i], &w),
        GSL_SUCCESS);
      ck_assert_double_eq (w, m5_at (probe[i]));
    }
  gsl_interp_free (interp);
}
END_TEST

/* gpus.csv's per-card curve reaches the instance: p3.2xlarge's V100
   at the four loads (data/gpus.csv, the figures above), and every GPU
   type of the catalogue has a card curve the split can use.  */
START_TEST (test_data_gpu_card)
{
  const struct instance *in;
  size_t i, k;

  ASSERT_CATALOGUE ();
  in = catalogue_find_instance (cat, "p3.2xlarge");
  ck_assert_ptr_nonnull (in);
  ck_assert_ptr_nonnull (in->gpu);
  for (k = 0; k < 4; k++)
    ck_assert_double_eq (in->gpu->power_w[k], v100[k]);
  for (i = 0; i < cat->ninstances; i++)
    {
      in = &cat->instances[i];
      if (in->gpus > 0 && isnan (in->gpu->power_w[0]))
        ck_abort_msg ("%s: no per-card power for %s", in->name, in->gpu_model);
      if (in->gpus == 0 && in->gpu != NULL)
        ck_abort_msg ("%s: a GPU row without GPUs", in->name);
    }
}
END_TEST

static Suite *
power_suite (void)
{
  Suite *s = suite_create ("power");
  TCase *tc;

  tc = tcase_create ("curve");
  tcase_add_test (tc, test_points_exact);
  tcase_add_test (tc, test_between_points);
  tcase_add_test (tc, test_between_neighbours);
  tcase_add_test (tc, test_monotone_m5);
  tcase_add_test (tc, test_two_points_linear);
  tcase_add_test (tc, test_flat_segment);
  tcase_add_test (tc, test_curve_kept);
  tcase_add_test (tc, test_split_points);
  tcase_add_test (tc, test_split_same_load);
  tcase_add_test (tc, test_split_between);
  tcase_add_test (tc, test_split_rest_kept);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_test (tc, test_decreasing);
  tcase_add_test (tc, test_bad_load);
  tcase_add_test (tc, test_bad_points);
  tcase_add_test (tc, test_null_diag);
  tcase_add_test (tc, test_split_bad);
  suite_add_tcase (s, tc);

  tc = tcase_create ("data");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  /* 408 curves x 10,001 loads take about 0.5 s here; leave room for
     slow machines and sanitizer builds beyond Check's default 4 s.  */
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_data_m5_xlarge);
  tcase_add_test (tc, test_data_points_exact);
  tcase_add_test (tc, test_data_monotone);
  tcase_add_test (tc, test_data_gpu_card);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (power_suite)
