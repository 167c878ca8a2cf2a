/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the carbon and cost of one run.  */
#include <config.h>

#include <math.h>

#include "model/footprint.h"
#include "unit.h"

/* Assert that X is Y within 1e-9 relative (Y must not be 0).  */
#define ASSERT_REL(x, y) ck_assert_double_eq_tol ((x), (y), 1e-9 * fabs (y))

START_TEST (test_lifetime_constants)
{
  /* 4 years x 365 d x 24 h = 35,040 h, the CCF and SCI figure.  */
  ck_assert_double_eq (FOOTPRINT_HOURS_PER_YEAR, 8760.0);
  ck_assert_double_eq (FOOTPRINT_DEFAULT_LIFETIME_YEARS, 4.0);
  ck_assert_double_eq (
    FOOTPRINT_HOURS_PER_YEAR * FOOTPRINT_DEFAULT_LIFETIME_YEARS, 35040.0);
}
END_TEST

/* Round numbers, every term easy to follow.  */
START_TEST (test_round_numbers)
{
  const struct footprint_job job = { 10.0, 2.0, 8760.0 };
  const struct footprint_site site = { 100.0, 876.0, 1.5, 400.0, 0.5 };
  struct footprint fp;

  footprint_compute (&job, &site, &fp);
  /* energy = 2 x 100 W x 10 h / 1000 x 1.5 = 3 kWh.  */
  ASSERT_REL (fp.energy_kwh, 3.0);
  /* scope2 = 3 kWh x 400 g/kWh = 1200 g.  */
  ASSERT_REL (fp.scope2_gco2e, 1200.0);
  /* scope3 = 2 x 876 kg x 1000 x 10 h / 8760 h = 2000 g.  */
  ASSERT_REL (fp.scope3_gco2e, 2000.0);
  /* total = 1200 + 2000 = 3200 g.  */
  ASSERT_REL (fp.total_gco2e, 3200.0);
  /* cost = 2 x 0.5 USD/h x 10 h = 10 USD.  */
  ASSERT_REL (fp.cost_usd, 10.0);
}
END_TEST

/* The Teads m5.xlarge at 50 % in eu-north-1 (data/instances.csv line 175,
   data/regions.csv line 19, data/prices.csv line 3887): 28.2 W, embodied
   share 67.1 kg, PUE 1.1, 24.71 g/kWh, 0.204 USD/h; 36 h on one
   instance over the default 35,040 h lifetime.  */
START_TEST (test_teads_m5_xlarge)
{
  const struct footprint_job job = { 36.0, 1.0, 35040.0 };
  const struct footprint_site site = { 28.2, 67.1, 1.1, 24.71, 0.204 };
  struct footprint fp;

  footprint_compute (&job, &site, &fp);
  /* energy = 28.2 x 36 / 1000 x 1.1 = 1.0152 x 1.1 = 1.11672 kWh.  */
  ASSERT_REL (fp.energy_kwh, 1.11672);
  /* scope2 = 1.11672 x 24.71 = 26.80128 + 0.7928712 = 27.5941512 g.  */
  ASSERT_REL (fp.scope2_gco2e, 27.5941512);
  /* scope3 = 67.1 x 1000 x 36 / 35040 = 2,415,600 / 35,040
            = 10065 / 146 = 68.938356164... g.  */
  ASSERT_REL (fp.scope3_gco2e, 10065.0 / 146.0);
  /* total = 27.5941512 + 68.9383561644 = 96.5325073644 g.  */
  ASSERT_REL (fp.total_gco2e, 27.5941512 + 10065.0 / 146.0);
  ASSERT_REL (fp.total_gco2e, 96.5325073644);
  /* cost = 0.204 x 36 = 7.344 USD.  */
  ASSERT_REL (fp.cost_usd, 7.344);
}
END_TEST

/* Teads' own 4 x 360 x 24 = 34,560 h lifetime changes Scope 3 only.  */
START_TEST (test_teads_lifetime)
{
  const struct footprint_job job = { 36.0, 1.0, 34560.0 };
  const struct footprint_site site = { 28.2, 67.1, 1.1, 24.71, 0.204 };
  struct footprint fp;

  footprint_compute (&job, &site, &fp);
  ASSERT_REL (fp.energy_kwh, 1.11672);
  ASSERT_REL (fp.scope2_gco2e, 27.5941512);
  /* 2,415,600 / 34,560 = 69.8958333... g.  */
  ASSERT_REL (fp.scope3_gco2e, 2415600.0 / 34560.0);
  ASSERT_REL (fp.scope3_gco2e, 69.89583333333333);
}
END_TEST

/* Every figure is for all COUNT instances together: 4 instances, 4
   times each figure of test_teads_m5_xlarge.  */
START_TEST (test_count_scales)
{
  const struct footprint_job job = { 36.0, 4.0, 35040.0 };
  const struct footprint_site site = { 28.2, 67.1, 1.1, 24.71, 0.204 };
  struct footprint fp;

  footprint_compute (&job, &site, &fp);
  /* 4 x 1.11672 = 4.46688 kWh.  */
  ASSERT_REL (fp.energy_kwh, 4.46688);
  /* 4 x 27.5941512 = 110.3766048 g.  */
  ASSERT_REL (fp.scope2_gco2e, 110.3766048);
  /* 4 x 10065 / 146 = 40260 / 146 = 275.753424657... g.  */
  ASSERT_REL (fp.scope3_gco2e, 40260.0 / 146.0);
  ASSERT_REL (fp.total_gco2e, 110.3766048 + 40260.0 / 146.0);
  /* 4 x 7.344 = 29.376 USD.  */
  ASSERT_REL (fp.cost_usd, 29.376);
}
END_TEST

START_TEST (test_unknown_price)
{
  const struct footprint_job job = { 36.0, 1.0, 35040.0 };
  const struct footprint_site site = { 28.2, 67.1, 1.1, 24.71, NAN };
  struct footprint fp;

  footprint_compute (&job, &site, &fp);
  ck_assert_double_nan (fp.cost_usd);
  /* The carbon figures do not depend on the price.  */
  ASSERT_REL (fp.energy_kwh, 1.11672);
  ASSERT_REL (fp.scope2_gco2e, 27.5941512);
  ASSERT_REL (fp.scope3_gco2e, 10065.0 / 146.0);
  ASSERT_REL (fp.total_gco2e, 27.5941512 + 10065.0 / 146.0);
}
END_TEST

START_TEST (test_zero_runtime)
{
  const struct footprint_job job = { 0.0, 3.0, 35040.0 };
  const struct footprint_site site = { 28.2, 67.1, 1.1, 24.71, 0.204 };
  struct footprint fp;

  footprint_compute (&job, &site, &fp);
  ck_assert_double_eq (fp.energy_kwh, 0.0);
  ck_assert_double_eq (fp.scope2_gco2e, 0.0);
  ck_assert_double_eq (fp.scope3_gco2e, 0.0);
  ck_assert_double_eq (fp.total_gco2e, 0.0);
  ck_assert_double_eq (fp.cost_usd, 0.0);
}
END_TEST

/* A zero grid intensity (a real zero) gives zero Scope 2 but leaves the
   energy and Scope 3 alone.  */
START_TEST (test_zero_grid)
{
  const struct footprint_job job = { 10.0, 2.0, 8760.0 };
  const struct footprint_site site = { 100.0, 876.0, 1.5, 0.0, 0.5 };
  struct footprint fp;

  footprint_compute (&job, &site, &fp);
  ASSERT_REL (fp.energy_kwh, 3.0);
  ck_assert_double_eq (fp.scope2_gco2e, 0.0);
  ASSERT_REL (fp.scope3_gco2e, 2000.0);
  ASSERT_REL (fp.total_gco2e, 2000.0);
}
END_TEST

static Suite *
footprint_suite (void)
{
  Suite *s = suite_create ("footprint");
  TCase *tc;

  tc = tcase_create ("constants");
  tcase_add_test (tc, test_lifetime_constants);
  suite_add_tcase (s, tc);

  tc = tcase_create ("compute");
  tcase_add_test (tc, test_round_numbers);
  tcase_add_test (tc, test_teads_m5_xlarge);
  tcase_add_test (tc, test_teads_lifetime);
  tcase_add_test (tc, test_count_scales);
  tcase_add_test (tc, test_unknown_price);
  tcase_add_test (tc, test_zero_runtime);
  tcase_add_test (tc, test_zero_grid);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (footprint_suite)
