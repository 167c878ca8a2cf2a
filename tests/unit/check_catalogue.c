/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for loading and querying the data tables, on small
   catalogues written by the tests themselves (catalogue-fixture.h).  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue-fixture.h"

/* A good catalogue.  */

START_TEST (test_load_counts)
{
  struct catalogue *cat = load_ok ();

  ck_assert_str_eq (cat->dir, dir);
  ck_assert_uint_eq (cat->ninstances, 3);
  ck_assert_uint_eq (cat->nregions, 2);
  ck_assert_uint_eq (cat->nprices, 3);
  ck_assert_uint_eq (cat->ngroups, 3);
  ck_assert_uint_eq (cat->nsources, 3);
  ck_assert_uint_eq (cat->ngpus, 2);
  ck_assert_uint_eq (cat->nunsupported, 1);
  ck_assert_str_eq (cat->unsupported[0].name, "trn9.xlarge");
  ck_assert_str_eq (cat->unsupported[0].reason,
                    "no open power figure for Trainium");
  ck_assert_uint_eq (cat->nccf_instances, 2);
  ck_assert_uint_eq (cat->nccf_regions, 2);
  catalogue_free (cat);
}
END_TEST

START_TEST (test_load_order)
{
  struct catalogue *cat = load_ok ();

  /* Instances, regions and prices in file order (the files are
     sorted)...  */
  ck_assert_str_eq (cat->instances[0].name, "g1.xlarge");
  ck_assert_str_eq (cat->instances[1].name, "m1.large");
  ck_assert_str_eq (cat->instances[2].name, "m1g.large");
  ck_assert_str_eq (cat->regions[0].name, "eu-north-9");
  ck_assert_str_eq (cat->regions[1].name, "us-test-1");
  ck_assert_uint_eq (cat->prices[0].line, 2);
  ck_assert_uint_eq (cat->prices[2].line, 4);
  /* ...groups and sources sorted by name, whatever the file's order.  */
  ck_assert_str_eq (cat->groups[0].name, "eu");
  ck_assert_str_eq (cat->groups[1].name, "nordics");
  ck_assert_str_eq (cat->groups[2].name, "us");
  ck_assert_str_eq (cat->sources[0].id, "grid-x");
  ck_assert_str_eq (cat->sources[1].id, "price-x");
  ck_assert_str_eq (cat->sources[2].id, "teads");
  catalogue_free (cat);
}
END_TEST

START_TEST (test_find_instance)
{
  struct catalogue *cat = load_ok ();
  const struct instance *in = catalogue_find_instance (cat, "m1.large");

  ck_assert_ptr_eq (in, &cat->instances[1]);
  ck_assert_str_eq (in->provider, "aws");
  ck_assert_str_eq (in->name, "m1.large");
  ck_assert_str_eq (in->family, "m1");
  ck_assert_int_eq (in->vcpus, 2);
  ck_assert_double_eq (in->memory_gib, 8.0);
  ck_assert_int_eq (in->gpus, 0);
  ck_assert_str_eq (in->gpu_model, "");
  ck_assert_str_eq (in->arch, "x86_64");
  ck_assert_str_eq (in->cpu_model, "Xeon Platinum 8175M");
  ck_assert_int_eq (in->host_vcpus, 96);
  ck_assert_double_eq (in->power_w[0], 4.4);
  ck_assert_double_eq (in->power_w[1], 7.0);
  ck_assert_double_eq (in->power_w[2], 14.1);
  ck_assert_double_eq (in->power_w[3], 19.95);
  ck_assert_double_eq (in->embodied_host_kgco2e, 1610.4);
  ck_assert_double_eq (in->embodied_kgco2e, 33.55);
  ck_assert_str_eq (in->power_origin, "measured");
  ck_assert_str_eq (in->power_source, "teads");
  ck_assert_str_eq (in->embodied_source, "teads");
  ck_assert_uint_eq (in->line, 3);

  in = catalogue_find_instance (cat, "g1.xlarge");
  ck_assert_ptr_eq (in, &cat->instances[0]);
  ck_assert_int_eq (in->gpus, 1);
  ck_assert_str_eq (in->gpu_model, "T4");
  ck_assert_uint_eq (in->line, 2);
  in = catalogue_find_instance (cat, "m1g.large");
  ck_assert_ptr_eq (in, &cat->instances[2]);
  ck_assert_str_eq (in->arch, "arm64");
  ck_assert_str_eq (in->power_origin, "modelled");

  ck_assert_ptr_null (catalogue_find_instance (cat, "m1.larg"));
  ck_assert_ptr_null (catalogue_find_instance (cat, "M1.LARGE"));
  ck_assert_ptr_null (catalogue_find_instance (cat, "m1.large "));
  ck_assert_ptr_null (catalogue_find_instance (cat, ""));
  catalogue_free (cat);
}
END_TEST

START_TEST (test_find_region)
{
  struct catalogue *cat = load_ok ();
  const struct region *r = catalogue_find_region (cat, "eu-north-9");

  ck_assert_ptr_eq (r, &cat->regions[0]);
  ck_assert_str_eq (r->provider, "aws");
  ck_assert_str_eq (r->location, "Europe (Test, North)");
  ck_assert_str_eq (r->country, "SE");
  ck_assert_double_eq (r->latitude, 59.3327);
  ck_assert_double_eq (r->longitude, 18.0656);
  ck_assert_str_eq (r->groups, "eu;europe;nordics");
  ck_assert_double_eq (r->pue, 1.1);
  ck_assert_str_eq (r->pue_source, "grid-x");
  ck_assert_int_eq (r->pue_year, 2024);
  ck_assert_double_eq (r->grid.gco2e_per_kwh, 24.71);
  ck_assert_str_eq (r->grid.source, "grid-x");
  ck_assert_int_eq (r->grid.year, 2024);
  ck_assert_str_eq (r->grid_level, "region");
  ck_assert_double_eq (r->marginal.gco2e_per_kwh, 791.26);
  ck_assert_int_eq (r->marginal.year, 2024);
  /* 0.0 is a real zero (full renewable matching), not "not
     available".  */
  ck_assert_double_eq (r->market.gco2e_per_kwh, 0.0);
  ck_assert_str_eq (r->market.source, "grid-x");
  ck_assert_double_eq (r->cfe_pct, 100.0);
  ck_assert_str_eq (r->cfe_source, "grid-x");
  ck_assert_int_eq (r->cfe_year, 2022);
  ck_assert_uint_eq (r->line, 2);

  /* Blank figures: NaN, "" and 0.  */
  r = catalogue_find_region (cat, "us-test-1");
  ck_assert_ptr_eq (r, &cat->regions[1]);
  ck_assert_double_eq (r->longitude, -77.49);
  ck_assert_double_eq (r->grid.gco2e_per_kwh, 384.5);
  ck_assert_int_eq (r->grid.year, 2023);
  ck_assert_double_nan (r->marginal.gco2e_per_kwh);
  ck_assert_str_eq (r->marginal.source, "");
  ck_assert_int_eq (r->marginal.year, 0);
  ck_assert_double_nan (r->market.gco2e_per_kwh);
  ck_assert_str_eq (r->market.source, "");
  ck_assert_int_eq (r->market.year, 0);
  ck_assert_double_nan (r->cfe_pct);
  ck_assert_str_eq (r->cfe_source, "");
  ck_assert_int_eq (r->cfe_year, 0);
  ck_assert_uint_eq (r->line, 3);

  ck_assert_ptr_null (catalogue_find_region (cat, "eu-north-1"));
  ck_assert_ptr_null (catalogue_find_region (cat, "EU-NORTH-9"));
  ck_assert_ptr_null (catalogue_find_region (cat, ""));
  catalogue_free (cat);
}
END_TEST

START_TEST (test_find_group_source)
{
  struct catalogue *cat = load_ok ();
  const struct group *g = catalogue_find_group (cat, "nordics");
  const struct source *s = catalogue_find_source (cat, "teads");

  ck_assert_ptr_nonnull (g);
  ck_assert_str_eq (g->name, "nordics");
  ck_assert_str_eq (g->description, "Regions in SE, NO, DK, FI, IS");
  ck_assert_ptr_nonnull (catalogue_find_group (cat, "eu"));
  ck_assert_ptr_nonnull (catalogue_find_group (cat, "us"));
  /* Named in regions.csv but not in groups.csv.  */
  ck_assert_ptr_null (catalogue_find_group (cat, "europe"));
  ck_assert_ptr_null (catalogue_find_group (cat, "nordic"));

  ck_assert_ptr_nonnull (s);
  ck_assert_str_eq (s->id, "teads");
  ck_assert_str_eq (s->title, "Teads power curves");
  ck_assert_str_eq (s->publisher, "Teads, Engineering");
  ck_assert_str_eq (s->year, "2022");
  ck_assert_str_eq (s->licence, "CC BY 4.0");
  ck_assert_str_eq (s->upstream, "valohai/wattson@4d0d2e6");
  ck_assert_str_eq (s->notes, "per-instance watts; \"measured\"");
  s = catalogue_find_source (cat, "grid-x");
  ck_assert_ptr_nonnull (s);
  ck_assert_str_eq (s->upstream, "");
  ck_assert_ptr_nonnull (catalogue_find_source (cat, "price-x"));
  ck_assert_ptr_null (catalogue_find_source (cat, "teads-2022"));
  ck_assert_ptr_null (catalogue_find_source (cat, ""));
  catalogue_free (cat);
}
END_TEST

START_TEST (test_find_price)
{
  struct catalogue *cat = load_ok ();
  const struct instance *m1 = catalogue_find_instance (cat, "m1.large");
  const struct instance *g1 = catalogue_find_instance (cat, "g1.xlarge");
  const struct instance *m1g = catalogue_find_instance (cat, "m1g.large");
  const struct region *eu = catalogue_find_region (cat, "eu-north-9");
  const struct region *us = catalogue_find_region (cat, "us-test-1");
  const struct price *p;

  p = catalogue_find_price (cat, m1, eu);
  ck_assert_ptr_eq (p, &cat->prices[0]);
  ck_assert_ptr_eq (p->instance, m1);
  ck_assert_ptr_eq (p->region, eu);
  ck_assert_double_eq (p->usd_per_h, 0.102);
  ck_assert_str_eq (p->date, "2025-04-04");
  ck_assert_str_eq (p->source, "price-x");
  ck_assert_double_eq (p->spot_usd_per_h, 0.0347);
  ck_assert_str_eq (p->spot_date, "2024-08-09");
  ck_assert_uint_eq (p->line, 2);

  p = catalogue_find_price (cat, m1, us);
  ck_assert_ptr_eq (p, &cat->prices[2]);
  ck_assert_double_eq (p->usd_per_h, 0.096);
  ck_assert_uint_eq (p->line, 4);

  p = catalogue_find_price (cat, g1, us);
  ck_assert_ptr_eq (p, &cat->prices[1]);
  ck_assert_double_eq (p->usd_per_h, 0.526);
  ck_assert_double_nan (p->spot_usd_per_h);
  ck_assert_str_eq (p->spot_date, "");

  ck_assert_ptr_null (catalogue_find_price (cat, g1, eu));
  ck_assert_ptr_null (catalogue_find_price (cat, m1g, eu));
  ck_assert_ptr_null (catalogue_find_price (cat, m1g, us));
  catalogue_free (cat);
}
END_TEST

START_TEST (test_region_in_group)
{
  struct catalogue *cat = load_ok ();
  const struct region *eu = catalogue_find_region (cat, "eu-north-9");
  const struct region *us = catalogue_find_region (cat, "us-test-1");
  struct region none;

  /* "eu;europe;nordics": first, middle and last item.  */
  ck_assert (catalogue_region_in_group (eu, "eu"));
  ck_assert (catalogue_region_in_group (eu, "europe"));
  ck_assert (catalogue_region_in_group (eu, "nordics"));
  /* Whole items only: no prefixes, suffixes or lists.  */
  ck_assert (!catalogue_region_in_group (eu, "e"));
  ck_assert (!catalogue_region_in_group (eu, "eur"));
  ck_assert (!catalogue_region_in_group (eu, "nordic"));
  ck_assert (!catalogue_region_in_group (eu, "ordics"));
  ck_assert (!catalogue_region_in_group (eu, "eu;europe"));
  ck_assert (!catalogue_region_in_group (eu, "EU"));
  ck_assert (!catalogue_region_in_group (eu, "us"));
  ck_assert (!catalogue_region_in_group (eu, ""));
  ck_assert (catalogue_region_in_group (us, "americas"));
  ck_assert (catalogue_region_in_group (us, "us"));
  ck_assert (!catalogue_region_in_group (us, "eu"));

  /* A region in no group, and one in a single group.  */
  memset (&none, 0, sizeof none);
  none.groups = "";
  ck_assert (!catalogue_region_in_group (&none, "eu"));
  ck_assert (!catalogue_region_in_group (&none, ""));
  none.groups = "apac";
  ck_assert (catalogue_region_in_group (&none, "apac"));
  ck_assert (!catalogue_region_in_group (&none, "apa"));
  catalogue_free (cat);
}
END_TEST

START_TEST (test_count_regions)
{
  struct catalogue *cat = load_ok ();

  ck_assert_uint_eq (
    catalogue_count_regions (cat, catalogue_find_instance (cat, "m1.large")),
    2);
  ck_assert_uint_eq (
    catalogue_count_regions (cat, catalogue_find_instance (cat, "g1.xlarge")),
    1);
  ck_assert_uint_eq (
    catalogue_count_regions (cat, catalogue_find_instance (cat, "m1g.large")),
    0);
  catalogue_free (cat);
}
END_TEST

/* Columns are found by name: an extra column is ignored, and the order
   does not matter.  */
START_TEST (test_extra_column)
{
  struct catalogue *cat;

  write_file (CATALOGUE_PRICES,
              "comment,price_usd_per_h,provider,region,instance_type,"
              "price_date,price_source,spot_usd_per_h,spot_date,"
              "spot_source\n"
              "\"a, b\",0.102,aws,eu-north-9,m1.large,2025-04-04,price-x,,,"
              "\n");
  cat = load_ok ();
  ck_assert_uint_eq (cat->nprices, 1);
  ck_assert_double_eq (cat->prices[0].usd_per_h, 0.102);
  ck_assert_str_eq (cat->prices[0].region->name, "eu-north-9");
  catalogue_free (cat);
}
END_TEST

/* The optional last column: the zone of a region's grid figure; without
   it, it reads as "".  (A spot price's source is required: every spot
   price names its source.)  */
START_TEST (test_optional_columns)
{
  struct catalogue *cat = load_ok ();

  ck_assert_str_eq (cat->regions[0].grid_zone, "");
  catalogue_free (cat);
  write_file (CATALOGUE_REGIONS,
              "provider,region,location,country,latitude,longitude,groups,"
              "pue,pue_source,pue_year,grid_gco2e_per_kwh,grid_source,"
              "grid_year,grid_level,marginal_gco2e_per_kwh,marginal_source,"
              "marginal_year,market_gco2e_per_kwh,market_source,"
              "market_year,cfe_pct,cfe_source,cfe_year,grid_zone\n"
              "aws,eu-north-9,Europe,SE,59.3,18.1,eu,1.1,grid-x,2024,20.42,"
              "grid-x,2024,zone,,,,,,,,,,SE-SE3\n"
              "aws,us-test-1,US East,US,39.0,-77.5,us,1.135,grid-x,2022,"
              "384.5,grid-x,2023,region,,,,,,,,,,\n");
  cat = load_ok ();
  ck_assert_str_eq (cat->regions[0].grid_zone, "SE-SE3");
  ck_assert_str_eq (cat->regions[1].grid_zone, "");
  catalogue_free (cat);
}
END_TEST

START_TEST (test_free_null) { catalogue_free (NULL); }
END_TEST

START_TEST (test_find_ccf)
{
  struct catalogue *cat = load_ok ();
  const struct ccf_instance *g1
    = catalogue_find_ccf_instance (cat, "g1.xlarge");
  const struct ccf_instance *m1
    = catalogue_find_ccf_instance (cat, "m1.large");
  const struct ccf_region *north
    = catalogue_find_ccf_region (cat, "eu-north-9");
  const struct ccf_region *us = catalogue_find_ccf_region (cat, "us-test-1");

  ck_assert_ptr_nonnull (g1);
  ck_assert_ptr_eq (g1->instance, &cat->instances[0]);
  ck_assert_ptr_eq (cat->instances[0].ccf, g1);
  ck_assert_str_eq (g1->architecture, "Broadwell");
  ck_assert_str_eq (g1->gpu, "Nvidia T4");
  ck_assert_double_eq_tol (g1->gpu_min_w, 8.0, 1e-12);
  ck_assert_double_eq_tol (g1->gpu_max_w, 71.0, 1e-12);
  ck_assert_int_eq (g1->host_vcpus, 32);
  ck_assert_uint_eq (g1->line, 2);
  ck_assert_ptr_nonnull (m1);
  ck_assert_str_eq (m1->microarchitecture, "Skylake");
  ck_assert_double_eq_tol (m1->cpu_min_w, 0.65, 1e-12);
  ck_assert_double_eq_tol (m1->cpu_max_w, 4.26, 1e-12);
  ck_assert_double_eq_tol (m1->memory_allowance_gib, 3.388333, 1e-12);
  ck_assert_double_eq_tol (m1->embodied_host_kgco2e, 1610.79, 1e-9);
  ck_assert (isnan (m1->gpu_min_w));
  ck_assert_str_eq (m1->gpu, "");
  ck_assert_str_eq (m1->source, "teads");
  /* No row: CCF's method cannot cover m1g.large.  */
  ck_assert_ptr_null (catalogue_find_ccf_instance (cat, "m1g.large"));
  ck_assert_ptr_null (cat->instances[2].ccf);
  ck_assert_ptr_null (catalogue_find_ccf_instance (cat, "nope.large"));
  ck_assert_ptr_nonnull (north);
  ck_assert_ptr_eq (north->region, &cat->regions[0]);
  ck_assert_double_eq_tol (north->pue, 1.135, 1e-12);
  ck_assert_double_eq_tol (north->grid_gco2e_per_kwh, 8.8, 1e-12);
  ck_assert_str_eq (north->pue_basis, "fleet");
  /* Blank is "CCF has none", never 0.  */
  ck_assert_ptr_nonnull (us);
  ck_assert (isnan (us->grid_gco2e_per_kwh));
  ck_assert_uint_eq (us->line, 3);
  ck_assert_ptr_null (catalogue_find_ccf_region (cat, "mars-1"));
  catalogue_free (cat);
}
END_TEST

/* The alternatives tables widen each figure's range; the point figure
   is always in it.  */
START_TEST (test_alternatives)
{
  struct catalogue *cat = load_ok ();
  const struct region *north = catalogue_find_region (cat, "eu-north-9");
  const struct instance *m1 = catalogue_find_instance (cat, "m1.large");

  /* Its own figure, 24.71, is the highest of the three.  */
  ck_assert_double_eq (north->grid_low, 8.8);
  ck_assert_double_eq (north->grid_high, north->grid.gco2e_per_kwh);
  ck_assert_double_eq (north->pue_high, 1.2);
  ck_assert_double_eq (m1->embodied_high_kgco2e, 40.0);
  ck_assert_double_eq (m1->embodied_low_kgco2e, m1->embodied_kgco2e);
  /* The 95th percentile, halfway between 0.2 at 0 % and 0.3 at 100 %.  */
  ck_assert_double_eq_tol (catalogue_power_error (cat, "modelled", 50.0), 0.25,
                           1e-12);
  ck_assert_double_eq (catalogue_power_error (cat, "measured", 50.0), 0.0);
  catalogue_free (cat);
}
END_TEST

/* Missing files.  */

START_TEST (test_missing_prices)
{
  char path[sizeof dir + 64];

  file_path (CATALOGUE_PRICES, path, sizeof path);
  ck_assert_int_eq (unlink (path), 0);
  check_load_fails (CA_EXIT_NOINPUT, "/prices.csv: No such file or directory");
}
END_TEST

START_TEST (test_missing_sources)
{
  char path[sizeof dir + 64];

  file_path (CATALOGUE_SOURCES, path, sizeof path);
  ck_assert_int_eq (unlink (path), 0);
  check_load_fails (CA_EXIT_NOINPUT,
                    "/sources.csv: No such file or directory");
}
END_TEST

START_TEST (test_missing_ccf)
{
  char path[sizeof dir + 64];

  file_path (CATALOGUE_CCF_REGIONS, path, sizeof path);
  ck_assert_int_eq (unlink (path), 0);
  check_load_fails (CA_EXIT_NOINPUT,
                    "/ccf_regions.csv: No such file or directory");
}
END_TEST

START_TEST (test_missing_dir)
{
  struct diag d = { 0, "" };
  char missing[sizeof dir + 16], expected[sizeof d.text + sizeof missing];

  snprintf (missing, sizeof missing, "%s/nowhere", dir);
  snprintf (expected, sizeof expected,
            "%s/sources.csv: No such file or directory", missing);
  ck_assert_ptr_null (catalogue_load (missing, &d));
  ck_assert_int_eq (d.status, CA_EXIT_NOINPUT);
  ck_assert_str_eq (d.text, expected);
}
END_TEST

static Suite *
catalogue_suite (void)
{
  Suite *s = suite_create ("catalogue");
  TCase *tc;

  tc = tcase_create ("load");
  tcase_add_checked_fixture (tc, setup_dir, teardown_dir);
  tcase_add_test (tc, test_load_counts);
  tcase_add_test (tc, test_load_order);
  tcase_add_test (tc, test_extra_column);
  tcase_add_test (tc, test_optional_columns);
  tcase_add_test (tc, test_free_null);
  suite_add_tcase (s, tc);

  tc = tcase_create ("lookup");
  tcase_add_checked_fixture (tc, setup_dir, teardown_dir);
  tcase_add_test (tc, test_find_instance);
  tcase_add_test (tc, test_find_region);
  tcase_add_test (tc, test_find_group_source);
  tcase_add_test (tc, test_find_price);
  tcase_add_test (tc, test_region_in_group);
  tcase_add_test (tc, test_count_regions);
  tcase_add_test (tc, test_find_ccf);
  suite_add_tcase (s, tc);

  tc = tcase_create ("missing");
  tcase_add_checked_fixture (tc, setup_dir, teardown_dir);
  tcase_add_test (tc, test_missing_prices);
  tcase_add_test (tc, test_missing_sources);
  tcase_add_test (tc, test_missing_ccf);
  tcase_add_test (tc, test_alternatives);
  tcase_add_test (tc, test_missing_dir);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (catalogue_suite)
