/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests of the data tables' defects the loader refuses: each test
   breaks one field of the small catalogue of catalogue-fixture.h and
   checks the exact message.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue-fixture.h"

START_TEST (test_unknown_spot_source)
{
  write_file (CATALOGUE_PRICES,
              "provider,region,instance_type,price_usd_per_h,price_date,"
              "price_source,spot_usd_per_h,spot_date,spot_source\n"
              "aws,eu-north-9,m1.large,0.102,2025-04-04,price-x,0.0347,"
              "2024-08-09,spot-y\n");
  check_load_fails (CA_EXIT_DATAERR,
                    "/prices.csv:2: column 'spot_source': source 'spot-y' "
                    "is not in sources.csv");
}
END_TEST

/* One defect each.  */

START_TEST (test_missing_column)
{
  check_defect (CATALOGUE_INSTANCES, "power_50_w,", "power_50,",
                "/instances.csv:1: missing column 'power_50_w'");
}
END_TEST

START_TEST (test_missing_column_regions)
{
  check_defect (CATALOGUE_REGIONS, ",cfe_year\n", ",cfe_yr\n",
                "/regions.csv:1: missing column 'cfe_year'");
}
END_TEST

START_TEST (test_malformed_csv)
{
  check_defect (CATALOGUE_INSTANCES, "19.95,1610.4,33.55", "19.95,1610.4",
                "/instances.csv:3: expected 27 fields, got 26");
}
END_TEST

START_TEST (test_power_not_number)
{
  check_defect (CATALOGUE_INSTANCES, "4.4,7.0,14.1", "4.4,7.0W,14.1",
                "/instances.csv:3: column 'power_10_w': not a number: "
                "'7.0W'");
}
END_TEST

START_TEST (test_power_comma)
{
  check_defect (CATALOGUE_INSTANCES, "4.4,7.0,14.1", "4.4,\"7,0\",14.1",
                "/instances.csv:3: column 'power_10_w': not a number: "
                "'7,0'");
}
END_TEST

START_TEST (test_power_blank)
{
  check_defect (CATALOGUE_INSTANCES, "4.4,7.0,14.1", "4.4,,14.1",
                "/instances.csv:3: column 'power_10_w': empty: ''");
}
END_TEST

START_TEST (test_power_negative)
{
  check_defect (CATALOGUE_INSTANCES, "64,2.0,3.2", "64,-2.0,3.2",
                "/instances.csv:4: column 'power_idle_w': -2.0 is below 0");
}
END_TEST

START_TEST (test_power_decreasing)
{
  check_defect (CATALOGUE_INSTANCES, "4.4,7.0,14.1,19.95", "4.4,7.0,6.5,19.95",
                "/instances.csv:3: column 'power_50_w': power 6.5 W is "
                "below 7.0 W at the lower load");
}
END_TEST

START_TEST (test_embodied_zero)
{
  check_defect (CATALOGUE_INSTANCES, "1610.4,33.55", "1610.4,0",
                "/instances.csv:3: column 'embodied_kgco2e': must be "
                "above 0");
}
END_TEST

START_TEST (test_gpu_model_without_gpus)
{
  check_defect (CATALOGUE_INSTANCES, "4,61,1,T4,", "4,61,1,,",
                "/instances.csv:2: column 'gpu_model': must be given "
                "exactly when gpus is above 0");
}
END_TEST

START_TEST (test_bad_arch)
{
  check_defect (CATALOGUE_INSTANCES, ",arm64,", ",aarch64,",
                "/instances.csv:4: column 'arch': 'aarch64' is neither "
                "x86_64 nor arm64");
}
END_TEST

START_TEST (test_bad_power_origin)
{
  check_defect (CATALOGUE_INSTANCES, "modelled,", "guessed,",
                "/instances.csv:4: column 'power_origin': 'guessed' is "
                "neither measured nor modelled");
}
END_TEST

START_TEST (test_vcpus_not_whole)
{
  check_defect (CATALOGUE_INSTANCES, "m1,2,8", "m1,2.5,8",
                "/instances.csv:3: column 'vcpus': not a whole number: "
                "'2.5'");
}
END_TEST

START_TEST (test_host_smaller)
{
  check_defect (CATALOGUE_INSTANCES, "8175M,96,", "8175M,1,",
                "/instances.csv:3: column 'host_vcpus': 1 is below 2");
}
END_TEST

START_TEST (test_unknown_source)
{
  check_defect (CATALOGUE_INSTANCES, "modelled,teads,teads",
                "modelled,teads,teadz",
                "/instances.csv:4: column 'embodied_source': source "
                "'teadz' is not in sources.csv");
}
END_TEST

START_TEST (test_unknown_region_source)
{
  check_defect (CATALOGUE_REGIONS, "1.1,grid-x,2024", "1.1,grid-y,2024",
                "/regions.csv:2: column 'pue_source': source 'grid-y' is "
                "not in sources.csv");
}
END_TEST

START_TEST (test_unknown_price_source)
{
  check_defect (CATALOGUE_PRICES, "0.526,2025-04-04,price-x",
                "0.526,2025-04-04,prices",
                "/prices.csv:3: column 'price_source': source 'prices' is "
                "not in sources.csv");
}
END_TEST

START_TEST (test_duplicate_instance)
{
  /* m1g.large (line 4) renamed m1.large (line 3): the second is the
     duplicate.  */
  check_defect (CATALOGUE_INSTANCES, "aws,m1g.large,", "aws,m1.large,",
                "/instances.csv:4: instance type 'm1.large' appears twice "
                "(first on line 3)");
}
END_TEST

START_TEST (test_duplicate_region)
{
  check_defect (CATALOGUE_REGIONS, "aws,us-test-1,", "aws,eu-north-9,",
                "/regions.csv:3: region 'eu-north-9' appears twice (first "
                "on line 2)");
}
END_TEST

START_TEST (test_duplicate_source)
{
  check_defect (CATALOGUE_SOURCES, "grid-x,Grid", "price-x,Grid",
                "/sources.csv:4: source 'price-x' appears twice (first on "
                "line 3)");
}
END_TEST

START_TEST (test_duplicate_price)
{
  char text[sizeof prices_csv + 128];

  snprintf (text, sizeof text, "%s%s", prices_csv,
            "aws,us-test-1,m1.large,0.097,2025-04-04,price-x,,,\n");
  write_file (CATALOGUE_PRICES, text);
  check_load_fails (CA_EXIT_DATAERR,
                    "/prices.csv:5: a second price for m1.large in "
                    "us-test-1 (first on line 4)");
}
END_TEST

START_TEST (test_figure_without_source)
{
  check_defect (CATALOGUE_REGIONS, "24.71,grid-x,2024,", "24.71,,2024,",
                "/regions.csv:2: column 'grid_gco2e_per_kwh': a figure "
                "needs its source and year, and a source and year need a "
                "figure");
}
END_TEST

START_TEST (test_figure_without_year)
{
  check_defect (CATALOGUE_REGIONS, "24.71,grid-x,2024,", "24.71,grid-x,,",
                "/regions.csv:2: column 'grid_gco2e_per_kwh': a figure "
                "needs its source and year, and a source and year need a "
                "figure");
}
END_TEST

START_TEST (test_source_without_figure)
{
  check_defect (CATALOGUE_REGIONS, "region,,,,,,,,,",
                "region,,grid-x,2023,,,,,,",
                "/regions.csv:3: column 'marginal_gco2e_per_kwh': a figure "
                "needs its source and year, and a source and year need a "
                "figure");
}
END_TEST

START_TEST (test_pue_below_one)
{
  check_defect (CATALOGUE_REGIONS, "1.1,grid-x,2024", "0.9,grid-x,2024",
                "/regions.csv:2: column 'pue': 0.9 is below 1");
}
END_TEST

START_TEST (test_cfe_above_100)
{
  check_defect (CATALOGUE_REGIONS, ",100,grid-x,2022", ",100.5,grid-x,2022",
                "/regions.csv:2: column 'cfe_pct': 100.5 is above 100");
}
END_TEST

START_TEST (test_empty_location)
{
  check_defect (CATALOGUE_REGIONS, "\"Europe (Test, North)\"", "\"\"",
                "/regions.csv:2: column 'location': empty");
}
END_TEST

/* A type both estimated and left out is a contradiction.  */
START_TEST (test_unsupported_also_instance)
{
  check_defect (CATALOGUE_UNSUPPORTED, "aws,trn9.xlarge,", "aws,m1.large,",
                "/unsupported.csv:2: column 'instance_type': 'm1.large' is "
                "also in instances.csv");
}
END_TEST

START_TEST (test_price_unknown_instance)
{
  check_defect (CATALOGUE_PRICES, "us-test-1,g1.xlarge", "us-test-1,g9.xlarge",
                "/prices.csv:3: column 'instance_type': 'g9.xlarge' is not "
                "an instance type of provider 'aws' in instances.csv");
}
END_TEST

START_TEST (test_price_unknown_region)
{
  check_defect (CATALOGUE_PRICES, "aws,eu-north-9,", "aws,eu-north-7,",
                "/prices.csv:2: column 'region': 'eu-north-7' is not a region "
                "of provider 'aws' in regions.csv");
}
END_TEST

START_TEST (test_price_other_provider)
{
  check_defect (CATALOGUE_PRICES, "aws,eu-north-9,", "gcp,eu-north-9,",
                "/prices.csv:2: column 'instance_type': 'm1.large' is not "
                "an instance type of provider 'gcp' in instances.csv");
}
END_TEST

START_TEST (test_price_zero)
{
  check_defect (CATALOGUE_PRICES, "m1.large,0.102,", "m1.large,0,",
                "/prices.csv:2: column 'price_usd_per_h': must be above 0");
}
END_TEST

START_TEST (test_price_negative)
{
  check_defect (CATALOGUE_PRICES, "m1.large,0.102,", "m1.large,-0.102,",
                "/prices.csv:2: column 'price_usd_per_h': -0.102 is below "
                "0");
}
END_TEST

static Suite *
catalogue_rows_suite (void)
{
  Suite *s = suite_create ("catalogue_rows");
  TCase *tc;

  tc = tcase_create ("defects");
  tcase_add_checked_fixture (tc, setup_dir, teardown_dir);
  tcase_add_test (tc, test_missing_column);
  tcase_add_test (tc, test_missing_column_regions);
  tcase_add_test (tc, test_malformed_csv);
  tcase_add_test (tc, test_power_not_number);
  tcase_add_test (tc, test_power_comma);
  tcase_add_test (tc, test_power_blank);
  tcase_add_test (tc, test_power_negative);
  tcase_add_test (tc, test_power_decreasing);
  tcase_add_test (tc, test_embodied_zero);
  tcase_add_test (tc, test_gpu_model_without_gpus);
  tcase_add_test (tc, test_bad_arch);
  tcase_add_test (tc, test_bad_power_origin);
  tcase_add_test (tc, test_vcpus_not_whole);
  tcase_add_test (tc, test_host_smaller);
  tcase_add_test (tc, test_unknown_source);
  tcase_add_test (tc, test_unknown_region_source);
  tcase_add_test (tc, test_unknown_price_source);
  tcase_add_test (tc, test_unknown_spot_source);
  tcase_add_test (tc, test_duplicate_instance);
  tcase_add_test (tc, test_duplicate_region);
  tcase_add_test (tc, test_duplicate_source);
  tcase_add_test (tc, test_duplicate_price);
  tcase_add_test (tc, test_figure_without_source);
  tcase_add_test (tc, test_figure_without_year);
  tcase_add_test (tc, test_source_without_figure);
  tcase_add_test (tc, test_pue_below_one);
  tcase_add_test (tc, test_cfe_above_100);
  tcase_add_test (tc, test_empty_location);
  tcase_add_test (tc, test_price_unknown_instance);
  tcase_add_test (tc, test_unsupported_also_instance);
  tcase_add_test (tc, test_price_unknown_region);
  tcase_add_test (tc, test_price_other_provider);
  tcase_add_test (tc, test_price_zero);
  tcase_add_test (tc, test_price_negative);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (catalogue_rows_suite)
