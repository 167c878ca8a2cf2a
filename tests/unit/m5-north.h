/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The m5.xlarge in eu-north-1, evaluated on the shipped data: the
   fixture of check_run and check_run_view.  Include after unit.h and
   shipped.h.  */
#ifndef CA_TESTS_M5_NORTH_H
#define CA_TESTS_M5_NORTH_H

#include <math.h>
#include <string.h>

#include "model/run.h"

/* The data: loaded once per test case, in the parent.  */

/* The m5.xlarge in eu-north-1 and its price:
     data/instances.csv: 8.8, 14.0, 28.2, 39.9 W; 67.1 kg
     data/regions.csv: PUE 1.1 (gsf-rtc/aws, 2024), 20.42 g/kWh
       (electricitymaps-2024, 2024, zone SE-SE3: the zone's row of
       electricitymaps-yearly-2024/ci_yearly_2024_by_location.csv)
     data/prices.csv: 0.204 USD/h (2025-04-04, ec2shop-2025-04)
   (data_rows names their lines, which move as rows are added: the tests
   take them from the catalogue.)
   Found by the checked fixture, which fails the test if the data cannot
   be loaded.  */
static const struct instance *m5;
static const struct region *north;
static const struct price *m5_north;

static void
find_m5_north (void)
{
  ck_assert_msg (cat != NULL,
                 "cannot load the data tables from '%s' (set "
                 "CARBON_ADVISOR_DATA to the data/ folder): %s",
                 cat_dir, cat_diag.text);
  m5 = catalogue_find_instance (cat, "m5.xlarge");
  north = catalogue_find_region (cat, "eu-north-1");
  ck_assert_ptr_nonnull (m5);
  ck_assert_ptr_nonnull (north);
  m5_north = catalogue_find_price (cat, m5, north);
  ck_assert_ptr_nonnull (m5_north);
}

/* 36 h at 50 % on one instance over 4 years, figures from the data.  */
static struct run_params
default_params (void)
{
  struct run_params p = { .runtime_h = 36.0,
                          .load_pct = 50.0,
                          .count = 1,
                          .lifetime_years = 4.0,
                          .pue = NAN,
                          .grid_gco2e_per_kwh = NAN,
                          .signal = RUN_SIGNAL_AVERAGE,
                          .power_w = NAN };

  return p;
}

/* Evaluate PARAMS for m5.xlarge in eu-north-1, which must succeed.  */
static struct run
evaluate_ok (const struct run_params *params, const struct price *price)
{
  struct diag d = { 0, "" };
  struct run run;

  memset (&run, 0, sizeof run);
  ck_assert_msg (run_evaluate (m5, north, price, params, &run, &d) == 0,
                 "run_evaluate failed: %s", d.text);
  return run;
}

#endif /* CA_TESTS_M5_NORTH_H */
