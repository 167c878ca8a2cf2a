/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for evaluating one run on the shipped data.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/catalogue.h"
#include "base/diag.h"
#include "model/run.h"
#include "base/system.h"
#include "unit.h"
#include "shipped.h"
#include "m5-north.h"

/* Assert that X is Y within 1e-9 relative (Y must not be 0).  */
#define ASSERT_REL(x, y) ck_assert_double_eq_tol ((x), (y), 1e-9 * fabs (y))

/* run_evaluate.  */

START_TEST (test_m5_north)
{
  struct run_params params = default_params ();
  struct run run = evaluate_ok (&params, m5_north);

  ck_assert_ptr_eq (run.instance, m5);
  ck_assert_ptr_eq (run.region, north);
  ck_assert_ptr_eq (run.price, m5_north);
  ck_assert_double_eq (run.runtime_h, 36.0);
  ck_assert_double_eq (run.load_pct, 50.0);
  ck_assert_int_eq (run.count, 1);
  /* 4 x 8760 = 35,040 h.  */
  ck_assert_double_eq (run.lifetime_h, 35040.0);
  /* The measured point at 50 %, exactly.  */
  ck_assert_double_eq (run.power_w, 28.2);
  ck_assert_double_eq (run.pue, 1.1);
  ck_assert_str_eq (run.pue_source, "gsf-rtc/aws");
  ck_assert_int_eq (run.pue_year, 2024);
  ck_assert_double_eq (run.grid_gco2e_per_kwh, 20.42);
  ck_assert_str_eq (run.grid_source, "electricitymaps-2024");
  ck_assert_int_eq (run.grid_year, 2024);
  ck_assert_str_eq (run.grid_level, "zone");
  /* energy = 28.2 x 36 / 1000 x 1.1 = 1.11672 kWh.  */
  ASSERT_REL (run.footprint.energy_kwh, 1.11672);
  /* scope2 = 1.11672 x 20.42 = 22.3344 + 0.4690224 = 22.8034224 g.  */
  ASSERT_REL (run.footprint.scope2_gco2e, 22.8034224);
  /* scope3 = 67.1 x 1000 x 36 / 35040 = 10065 / 146 = 68.9383561644 g.  */
  ASSERT_REL (run.footprint.scope3_gco2e, 10065.0 / 146.0);
  ASSERT_REL (run.footprint.total_gco2e, 22.8034224 + 10065.0 / 146.0);
  /* cost = 0.204 x 36 = 7.344 USD.  */
  ASSERT_REL (run.footprint.cost_usd, 7.344);
}
END_TEST

/* A power the caller worked out already (advise does, once per type) is
   used as given: 30 W x 36 h / 1000 x 1.1 = 1.188 kWh.  */
START_TEST (test_given_power)
{
  struct run_params params = default_params ();
  struct run run;

  params.power_w = 30.0;
  run = evaluate_ok (&params, m5_north);
  ck_assert_double_eq (run.power_w, 30.0);
  ASSERT_REL (run.footprint.energy_kwh, 1.188);
}
END_TEST

START_TEST (test_count_lifetime)
{
  struct run_params params = default_params ();
  struct run run;

  params.count = 4;
  params.lifetime_years = 3.0;
  run = evaluate_ok (&params, m5_north);
  ck_assert_int_eq (run.count, 4);
  /* 3 x 8760 = 26,280 h.  */
  ck_assert_double_eq (run.lifetime_h, 26280.0);
  /* 4 x 1.11672 = 4.46688 kWh; 4 x 22.8034224 = 91.2136896 g.  */
  ASSERT_REL (run.footprint.energy_kwh, 4.46688);
  ASSERT_REL (run.footprint.scope2_gco2e, 91.2136896);
  /* 4 x 67.1 x 1000 x 36 / 26280 = 9,662,400 / 26,280 = 367.6712... g.  */
  ASSERT_REL (run.footprint.scope3_gco2e, 9662400.0 / 26280.0);
  /* 4 x 7.344 = 29.376 USD.  */
  ASSERT_REL (run.footprint.cost_usd, 29.376);
}
END_TEST

START_TEST (test_between_points)
{
  struct run_params params = default_params ();
  struct run run;

  /* At 30 % the Steffen curve gives 1982.6 / 90 = 22.0288... W (worked
     out in check_power.c).  */
  params.load_pct = 30.0;
  run = evaluate_ok (&params, m5_north);
  ASSERT_REL (run.power_w, 1982.6 / 90.0);
  /* energy = 22.0288... x 36 / 1000 x 1.1 = 1982.6 x 0.0396 / 90
            = 78.51096 / 90 = 0.872344 kWh.  */
  ASSERT_REL (run.footprint.energy_kwh, 0.872344);
}
END_TEST

START_TEST (test_user_pue)
{
  struct run_params params = default_params ();
  struct run run;

  params.pue = 1.2;
  run = evaluate_ok (&params, m5_north);
  ck_assert_double_eq (run.pue, 1.2);
  ck_assert_str_eq (run.pue_source, RUN_SOURCE_USER);
  ck_assert_str_eq (run.pue_source, "user");
  ck_assert_int_eq (run.pue_year, 0);
  /* The grid figure is still the region's.  */
  ck_assert_str_eq (run.grid_source, "electricitymaps-2024");
  ck_assert_int_eq (run.grid_year, 2024);
  /* energy = 28.2 x 36 / 1000 x 1.2 = 1.21824 kWh;
     scope2 = 1.21824 x 20.42 = 24.3648 + 0.5116608 = 24.8764608 g.  */
  ASSERT_REL (run.footprint.energy_kwh, 1.21824);
  ASSERT_REL (run.footprint.scope2_gco2e, 24.8764608);
  ASSERT_REL (run.footprint.scope3_gco2e, 10065.0 / 146.0);
}
END_TEST

START_TEST (test_user_grid)
{
  struct run_params params = default_params ();
  struct run run;

  params.grid_gco2e_per_kwh = 100.0;
  run = evaluate_ok (&params, m5_north);
  ck_assert_double_eq (run.grid_gco2e_per_kwh, 100.0);
  ck_assert_str_eq (run.grid_source, "user");
  ck_assert_int_eq (run.grid_year, 0);
  ck_assert_str_eq (run.grid_level, "");
  /* The PUE is still the region's.  */
  ck_assert_double_eq (run.pue, 1.1);
  ck_assert_str_eq (run.pue_source, "gsf-rtc/aws");
  ck_assert_int_eq (run.pue_year, 2024);
  /* scope2 = 1.11672 x 100 = 111.672 g.  */
  ASSERT_REL (run.footprint.scope2_gco2e, 111.672);
  /* A user's zero is a real zero.  */
  params.grid_gco2e_per_kwh = 0.0;
  run = evaluate_ok (&params, m5_north);
  ck_assert_double_eq (run.footprint.scope2_gco2e, 0.0);
  ck_assert_str_eq (run.grid_source, "user");
}
END_TEST

START_TEST (test_no_price)
{
  struct run_params params = default_params ();
  struct run run = evaluate_ok (&params, NULL);

  ck_assert_ptr_null (run.price);
  ck_assert_double_nan (run.footprint.cost_usd);
  ASSERT_REL (run.footprint.total_gco2e, 22.8034224 + 10065.0 / 146.0);
}
END_TEST

/* A region whose grid intensity the data lacks, built by hand.  */
static struct region
region_without_grid (void)
{
  struct region r;

  memset (&r, 0, sizeof r);
  r.provider = "aws";
  r.name = "xx-test-1";
  r.location = "Nowhere (Test)";
  r.country = "XX";
  r.groups = "";
  r.pue = 1.2;
  r.pue_source = "ccf-2022";
  r.pue_year = 2022;
  r.grid.gco2e_per_kwh = NAN;
  r.grid.source = "";
  r.grid_level = "";
  r.marginal.gco2e_per_kwh = NAN;
  r.marginal.source = "";
  r.market.gco2e_per_kwh = NAN;
  r.market.source = "";
  r.cfe_pct = NAN;
  r.cfe_source = "";
  r.line = 99;
  return r;
}

START_TEST (test_region_without_grid)
{
  struct run_params params = default_params ();
  struct region r = region_without_grid ();
  struct diag d = { 0, "" };
  struct run run;

  ck_assert_int_eq (run_evaluate (m5, &r, NULL, &params, &run, &d), -1);
  ck_assert_int_eq (d.status, CA_EXIT_DATAERR);
  ck_assert_str_eq (d.text, "region 'xx-test-1' has no average grid "
                            "intensity in "
                            "the data; give one with --grid-intensity");

  /* --grid-intensity makes it usable.  */
  params.grid_gco2e_per_kwh = 50.0;
  memset (&d, 0, sizeof d);
  ck_assert_int_eq (run_evaluate (m5, &r, NULL, &params, &run, &d), 0);
  ck_assert_str_eq (run.grid_source, "user");
  ck_assert_str_eq (run.pue_source, "ccf-2022");
  /* energy = 28.2 x 36 / 1000 x 1.2 = 1.21824 kWh; x 50 = 60.912 g.  */
  ASSERT_REL (run.footprint.scope2_gco2e, 60.912);
}
END_TEST

START_TEST (test_bad_load)
{
  struct run_params params = default_params ();
  struct diag d = { 0, "" };
  struct run run;

  params.load_pct = 101.0;
  ck_assert_int_eq (run_evaluate (m5, north, m5_north, &params, &run, &d), -1);
  ck_assert_int_eq (d.status, CA_EXIT_USAGE);
  ck_assert_str_eq (d.text, "m5.xlarge: load 101 % is outside 0-100");
}
END_TEST

START_TEST (test_bad_curve)
{
  struct run_params params = default_params ();
  struct diag d = { 0, "" };
  struct instance broken;
  struct run run;

  broken = *m5;
  broken.name = "broken.large";
  broken.power_w[2] = 10.0;
  ck_assert_int_eq (run_evaluate (&broken, north, NULL, &params, &run, &d),
                    -1);
  ck_assert_int_eq (d.status, CA_EXIT_DATAERR);
  ck_assert_str_eq (d.text, "broken.large: power 10 W at 50 % load is "
                            "below 14 W at 10 %");
}
END_TEST

/* --gpu-load on the shipped p3.2xlarge (see check_power.c: 279.3 W at
   50 %, its V100 225.68 W at 50 % and 305.57 W at 100 %):
   279.3 - 225.68 + 305.57 = 359.19 W; m5.xlarge has no GPUs, so the
   same job keeps its 28.2 W and has no GPU load.  Without a per-card
   curve the whole curve stays at the CPU load, and the run says so.  */
START_TEST (test_gpu_load)
{
  struct run_params params = default_params ();
  const struct instance *p3 = catalogue_find_instance (cat, "p3.2xlarge");
  struct instance bare;
  struct gpu no_card;
  struct diag d = { 0, "" };
  struct run run;

  params.gpu_load_pct = 100.0;
  params.gpu_load_own = true;
  ck_assert_ptr_nonnull (p3);
  ck_assert_int_eq (run_evaluate (p3, north, NULL, &params, &run, &d), 0);
  ASSERT_REL (run.power_w, 359.19);
  ck_assert_double_eq (run.gpu_load_pct, 100.0);
  ck_assert (run.gpu_load_split);

  run = evaluate_ok (&params, m5_north);
  ck_assert_double_eq (run.power_w, 28.2);
  ck_assert (isnan (run.gpu_load_pct));
  ck_assert (!run.gpu_load_split);

  bare = *p3;
  no_card = *p3->gpu;
  no_card.power_w[0] = no_card.power_w[1] = NAN;
  no_card.power_w[2] = no_card.power_w[3] = NAN;
  bare.gpu = &no_card;
  ck_assert_int_eq (run_evaluate (&bare, north, NULL, &params, &run, &d), 0);
  ck_assert_double_eq (run.power_w, 279.3);
  ck_assert_double_eq (run.gpu_load_pct, 50.0);
  ck_assert (!run.gpu_load_split);
}
END_TEST

static Suite *
run_suite (void)
{
  Suite *s = suite_create ("run");
  TCase *tc;

  tc = tcase_create ("evaluate");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_checked_fixture (tc, find_m5_north, NULL);
  tcase_add_test (tc, test_m5_north);
  tcase_add_test (tc, test_given_power);
  tcase_add_test (tc, test_count_lifetime);
  tcase_add_test (tc, test_between_points);
  tcase_add_test (tc, test_user_pue);
  tcase_add_test (tc, test_user_grid);
  tcase_add_test (tc, test_no_price);
  tcase_add_test (tc, test_region_without_grid);
  tcase_add_test (tc, test_bad_load);
  tcase_add_test (tc, test_bad_curve);
  tcase_add_test (tc, test_gpu_load);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (run_suite)
