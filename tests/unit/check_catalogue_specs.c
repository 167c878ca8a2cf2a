/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests of the defects of CCF's tables, and of the checks every
   table gets from its spec (ranges, keys, empty tables), on the small
   catalogue of catalogue-fixture.h.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue-fixture.h"

/* Defects in CCF's tables.  */

START_TEST (test_ccf_unknown_instance)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "aws,m1.large,", "aws,m9.large,",
                "/ccf_instances.csv:3: column 'instance_type': 'm9.large' "
                "is not an instance type of provider 'aws' in "
                "instances.csv");
}
END_TEST

START_TEST (test_ccf_other_provider)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "aws,m1.large,", "gcp,m1.large,",
                "/ccf_instances.csv:3: column 'instance_type': 'm1.large' "
                "is not an instance type of provider 'gcp' in "
                "instances.csv");
}
END_TEST

START_TEST (test_ccf_duplicate)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "aws,m1.large,", "aws,g1.xlarge,",
                "/ccf_instances.csv:3: instance type 'g1.xlarge' appears "
                "twice (first on line 2)");
}
END_TEST

START_TEST (test_ccf_out_of_order)
{
  char text[sizeof ccf_instances_csv];
  const char *line2 = strchr (ccf_instances_csv, '\n') + 1;
  const char *line3 = strchr (line2, '\n') + 1;

  /* Header, line 3, line 2.  */
  snprintf (text, sizeof text, "%.*s%s%.*s", (int) (line2 - ccf_instances_csv),
            ccf_instances_csv, line3, (int) (line3 - line2), line2);
  write_file (CATALOGUE_CCF_INSTANCES, text);
  check_load_fails (CA_EXIT_DATAERR,
                    "/ccf_instances.csv:3: row out of order: the table must "
                    "be sorted by its key columns");
}
END_TEST

START_TEST (test_ccf_max_below_min)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "0.65,4.26", "0.65,0.6",
                "/ccf_instances.csv:3: column 'cpu_max_w_per_vcpu': 0.6 is "
                "below the minimum 0.65");
}
END_TEST

START_TEST (test_ccf_watts_blank)
{
  /* Blank is "not available": CCF's method then has nothing to compute
     with, so the row must not be there at all.  */
  check_defect (CATALOGUE_CCF_INSTANCES, "0.65,4.26", "0.65,",
                "/ccf_instances.csv:3: column 'cpu_max_w_per_vcpu': empty: "
                "''");
}
END_TEST

START_TEST (test_ccf_gpu_without_gpus)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "3.388333,,,,", "3.388333,,8,71,",
                "/ccf_instances.csv:3: column 'gpu_min_w': must be blank "
                "without GPUs");
}
END_TEST

START_TEST (test_ccf_gpu_name_without_gpus)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "3.388333,,,,", "3.388333,T4,,,",
                "/ccf_instances.csv:3: column 'ccf_gpu': must be blank "
                "without GPUs");
}
END_TEST

START_TEST (test_ccf_gpus_without_figures)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "Nvidia T4,8,71", ",8,71",
                "/ccf_instances.csv:2: g1.xlarge has 1 GPUs: columns "
                "'ccf_gpu', 'gpu_min_w' and 'gpu_max_w' must be given");
}
END_TEST

START_TEST (test_ccf_gpu_max_below_min)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "Nvidia T4,8,71", "Nvidia T4,8,7",
                "/ccf_instances.csv:2: column 'gpu_max_w': 7 is below the "
                "minimum 8");
}
END_TEST

START_TEST (test_ccf_host_smaller)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "3000,32,", "3000,2,",
                "/ccf_instances.csv:2: column 'host_vcpus': 2 is below the "
                "instance's 4 vCPUs");
}
END_TEST

START_TEST (test_ccf_embodied_zero)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "1610.79,96", "0,96",
                "/ccf_instances.csv:3: column 'embodied_host_kgco2e': must "
                "be above 0");
}
END_TEST

START_TEST (test_ccf_vcpu_factor_zero)
{
  /* A factor of 0 would make every vCPU-hour free: refused.  */
  check_defect (CATALOGUE_CCF_INSTANCES, "96,teads,teads,1",
                "96,teads,teads,0",
                "/ccf_instances.csv:3: column 'vcpu_factor': must be above "
                "0");
}
END_TEST

START_TEST (test_ccf_unknown_source)
{
  check_defect (CATALOGUE_CCF_INSTANCES, "96,teads,teads", "96,ccf,teads",
                "/ccf_instances.csv:3: column 'ccf_source': source 'ccf' is "
                "not in sources.csv");
}
END_TEST

START_TEST (test_ccf_missing_column)
{
  check_defect (CATALOGUE_CCF_INSTANCES, ",memory_allowance_gib,",
                ",memory_gib,",
                "/ccf_instances.csv:1: missing column "
                "'memory_allowance_gib'");
}
END_TEST

START_TEST (test_ccf_region_unknown)
{
  check_defect (CATALOGUE_CCF_REGIONS, "aws,us-test-1,", "aws,us-test-2,",
                "/ccf_regions.csv:3: column 'region': 'us-test-2' is not a "
                "region of provider 'aws' in regions.csv");
}
END_TEST

START_TEST (test_ccf_region_pue)
{
  check_defect (CATALOGUE_CCF_REGIONS, "eu-north-9,1.135", "eu-north-9,0.9",
                "/ccf_regions.csv:2: column 'pue': 0.9 is below 1");
}
END_TEST

START_TEST (test_ccf_region_grid_negative)
{
  check_defect (CATALOGUE_CCF_REGIONS, ",8.8,", ",-8.8,",
                "/ccf_regions.csv:2: column 'grid_gco2e_per_kwh': -8.8 is "
                "below 0");
}
END_TEST

START_TEST (test_ccf_region_duplicate)
{
  check_defect (CATALOGUE_CCF_REGIONS, "aws,us-test-1,", "aws,eu-north-9,",
                "/ccf_regions.csv:3: region 'eu-north-9' appears twice "
                "(first on line 2)");
}
END_TEST

/* Figures out of the ranges of the specs (doc/LIMITS.md).  Before
   them a latitude or a price of 1e308 loaded, and the price failed later
   as "point N: cost and carbon must be finite", naming no file.  */
START_TEST (test_range_latitude)
{
  check_defect (CATALOGUE_REGIONS, "59.3327", "1e308",
                "/regions.csv:2: column 'latitude': 1e308 is out of range "
                "(expected -90 to 90 degrees)");
}
END_TEST

START_TEST (test_range_longitude)
{
  /* (Below -180 the loader's own check speaks first.)  */
  check_defect (CATALOGUE_REGIONS, "-77.49", "180.5",
                "/regions.csv:3: column 'longitude': 180.5 is out of "
                "range (expected -180 to 180 degrees)");
}
END_TEST

START_TEST (test_range_pue)
{
  check_defect (CATALOGUE_REGIONS, ",1.1,grid-x,2024,", ",3.5,grid-x,2024,",
                "/regions.csv:2: column 'pue': 3.5 is out of range "
                "(expected 1 to 3)");
}
END_TEST

START_TEST (test_range_year)
{
  check_defect (CATALOGUE_REGIONS, "grid-x,2023,region", "grid-x,1989,region",
                "/regions.csv:3: column 'grid_year': 1989 is out of range "
                "(expected 1990 to 2100)");
}
END_TEST

START_TEST (test_range_grid)
{
  check_defect (CATALOGUE_REGIONS, ",384.5,", ",2000.5,",
                "/regions.csv:3: column 'grid_gco2e_per_kwh': 2000.5 is out "
                "of range (expected 0 to 2000 gCO2e/kWh)");
}
END_TEST

START_TEST (test_range_price)
{
  check_defect (CATALOGUE_PRICES, "0.102", "1e308",
                "/prices.csv:2: column 'price_usd_per_h': 1e308 is out of "
                "range (expected 0 to 100000 USD/h)");
}
END_TEST

START_TEST (test_range_power)
{
  check_defect (CATALOGUE_INSTANCES, "80,150,250", "80,150,100001",
                "/instances.csv:2: column 'power_100_w': 100001 is out of "
                "range (expected 0 to 100000 W)");
}
END_TEST

START_TEST (test_range_gpu_speed)
{
  check_defect (CATALOGUE_GPUS, "T4,0.142,0.142,0.142", "T4,0.142,0.142,2000",
                "/gpus.csv:2: column 'speed_high': 2000 is out of range "
                "(expected 0 to 1000 x)");
}
END_TEST

START_TEST (test_range_vcpu_factor)
{
  check_defect (CATALOGUE_CCF_INSTANCES, ",teads,teads,1\n",
                ",teads,teads,3\n",
                "/ccf_instances.csv:2: column 'vcpu_factor': 3 is out of "
                "range (expected 0 to 2)");
}
END_TEST

START_TEST (test_range_alternatives)
{
  check_defect (CATALOGUE_GRID_ALTERNATIVES, "grid-x,2024,8.8",
                "grid-x,2200,8.8",
                "/grid_alternatives.csv:2: column 'year': 2200 is out of "
                "range (expected 1990 to 2100)");
  write_file (CATALOGUE_GRID_ALTERNATIVES, grid_alternatives_csv);
  check_defect (CATALOGUE_EMBODIED_ALTERNATIVES, "teads,40", "teads,1000001",
                "/embodied_alternatives.csv:2: column 'embodied_kgco2e': "
                "1000001 is out of range (expected 0 to 1e+06 kgCO2e)");
}
END_TEST

START_TEST (test_range_power_error)
{
  check_defect (CATALOGUE_POWER_ERROR, "modelled,0,0.1,", "modelled,0,11,",
                "/power_error.csv:2: column 'median_abs_rel_error': 11 is "
                "out of range (expected 0 to 10)");
}
END_TEST

/* Duplicate keys, reported with both lines.  Before the fix groups.csv
   and unsupported.csv took a row twice, and the alternatives tables a
   figure twice (counted twice in nothing, but a sign of a bad build).  */
START_TEST (test_duplicate_group)
{
  check_defect (CATALOGUE_GROUPS, "Regions in the EU,eu",
                "Regions in the EU,nordics",
                "/groups.csv:3: group 'nordics' appears twice (first on "
                "line 2)");
}
END_TEST

START_TEST (test_duplicate_unsupported)
{
  check_defect (CATALOGUE_UNSUPPORTED, "aws,trn9.xlarge,no open",
                "aws,trn9.xlarge,again\naws,trn9.xlarge,no open",
                "/unsupported.csv:3: instance type 'trn9.xlarge' appears "
                "twice (first on line 2)");
}
END_TEST

START_TEST (test_duplicate_gpu)
{
  check_defect (CATALOGUE_GPUS, "K80,,,,,", "T4,,,,,",
                "/gpus.csv:3: GPU model 'T4' appears twice (first on line "
                "2)");
}
END_TEST

START_TEST (test_duplicate_alternatives)
{
  check_defect (CATALOGUE_GRID_ALTERNATIVES, "grid-y,,20,", "grid-x,2024,20,",
                "/grid_alternatives.csv:3: row 'aws,eu-north-9,grid-x,2024' "
                "appears twice (first on line 2)");
  write_file (CATALOGUE_GRID_ALTERNATIVES, grid_alternatives_csv);
  check_defect (CATALOGUE_PUE_ALTERNATIVES, "grid-x,2024,1.2\n",
                "grid-x,2024,1.2\naws,eu-north-9,grid-x,2024,1.3\n",
                "/pue_alternatives.csv:3: row 'aws,eu-north-9,grid-x,2024' "
                "appears twice (first on line 2)");
  write_file (CATALOGUE_PUE_ALTERNATIVES, pue_alternatives_csv);
  check_defect (CATALOGUE_EMBODIED_ALTERNATIVES, "teads,40\n",
                "teads,40\naws,m1.large,teads,41\n",
                "/embodied_alternatives.csv:3: row 'aws,m1.large,teads' "
                "appears twice (first on line 2)");
}
END_TEST

/* A table of only its header.  Before the fix an empty prices.csv gave
   "m1.large is not offered in ..." (status 64), blaming the user; every
   table but unsupported.csv must have rows.  */
START_TEST (test_empty_tables)
{
  size_t i;

  for (i = 0; i < ARRAY_SIZE (fixture_files); i++)
    {
      const char *text = fixture_files[i].text;
      char header[1024], suffix[256];
      struct catalogue *cat;

      snprintf (header, sizeof header, "%.*s",
                (int) (strchr (text, '\n') - text + 1), text);
      write_file (fixture_files[i].name, header);
      if (STREQ (fixture_files[i].name, CATALOGUE_UNSUPPORTED))
        {
          cat = load_ok ();
          ck_assert_uint_eq (cat->nunsupported, 0);
          catalogue_free (cat);
        }
      else
        {
          snprintf (suffix, sizeof suffix,
                    "/%s:2: no rows after the header: the table must not "
                    "be empty",
                    fixture_files[i].name);
          check_load_fails (CA_EXIT_DATAERR, suffix);
        }
      write_file (fixture_files[i].name, text);
    }
}
END_TEST

static Suite *
catalogue_specs_suite (void)
{
  Suite *s = suite_create ("catalogue_specs");
  TCase *tc;

  tc = tcase_create ("ccf");
  tcase_add_checked_fixture (tc, setup_dir, teardown_dir);
  tcase_add_test (tc, test_ccf_unknown_instance);
  tcase_add_test (tc, test_ccf_other_provider);
  tcase_add_test (tc, test_ccf_duplicate);
  tcase_add_test (tc, test_ccf_out_of_order);
  tcase_add_test (tc, test_ccf_max_below_min);
  tcase_add_test (tc, test_ccf_watts_blank);
  tcase_add_test (tc, test_ccf_gpu_without_gpus);
  tcase_add_test (tc, test_ccf_gpu_name_without_gpus);
  tcase_add_test (tc, test_ccf_gpus_without_figures);
  tcase_add_test (tc, test_ccf_gpu_max_below_min);
  tcase_add_test (tc, test_ccf_host_smaller);
  tcase_add_test (tc, test_ccf_embodied_zero);
  tcase_add_test (tc, test_ccf_vcpu_factor_zero);
  tcase_add_test (tc, test_ccf_unknown_source);
  tcase_add_test (tc, test_ccf_missing_column);
  tcase_add_test (tc, test_ccf_region_unknown);
  tcase_add_test (tc, test_ccf_region_pue);
  tcase_add_test (tc, test_ccf_region_grid_negative);
  tcase_add_test (tc, test_ccf_region_duplicate);
  suite_add_tcase (s, tc);

  /* Ranges, keys and empty tables: the specs' checks.  */
  tc = tcase_create ("tablecheck");
  tcase_add_checked_fixture (tc, setup_dir, teardown_dir);
  tcase_add_test (tc, test_range_latitude);
  tcase_add_test (tc, test_range_longitude);
  tcase_add_test (tc, test_range_pue);
  tcase_add_test (tc, test_range_year);
  tcase_add_test (tc, test_range_grid);
  tcase_add_test (tc, test_range_price);
  tcase_add_test (tc, test_range_power);
  tcase_add_test (tc, test_range_gpu_speed);
  tcase_add_test (tc, test_range_vcpu_factor);
  tcase_add_test (tc, test_range_alternatives);
  tcase_add_test (tc, test_range_power_error);
  tcase_add_test (tc, test_duplicate_group);
  tcase_add_test (tc, test_duplicate_unsupported);
  tcase_add_test (tc, test_duplicate_gpu);
  tcase_add_test (tc, test_duplicate_alternatives);
  tcase_add_test (tc, test_empty_tables);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (catalogue_specs_suite)
