/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Invariants of the shipped prices and regions tables (data/README.md),
   and the ranges every shipped numeric column has in its spec, checked on
   the tables as carbon-advisor loads them.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/catalogue.h"
#include "base/csvio.h"
#include "base/diag.h"
#include "base/system.h"
#include "data/equivalents.h"
#include "data/tables.h"
#include "unit.h"
#include "shipped.h"

static void
assert_catalogue (void)
{
  ASSERT_CATALOGUE ();
}

/* A row of the Teads sheet.  */
static bool
teads_row (const struct instance *in)
{
  return STREQ (in->provider, "aws") && STREQ (in->power_origin, "measured");
}

/* Provider, then name: the order of every table.  */
static int
compare_keys (const char *provider_a, const char *name_a,
              const char *provider_b, const char *name_b)
{
  int c = strcmp (provider_a, provider_b);

  return c != 0 ? c : strcmp (name_a, name_b);
}

/* Prices.  */

START_TEST (test_prices_known)
{
  size_t i;

  assert_catalogue ();
  for (i = 0; i < cat->nprices; i++)
    {
      const struct price *p = &cat->prices[i];

      ck_assert_msg (p->instance != NULL && p->region != NULL,
                     "prices.csv:%zu: unknown instance or region", p->line);
      ck_assert_str_eq (p->instance->provider, p->region->provider);
      ck_assert_msg (p->usd_per_h > 0.0, "prices.csv:%zu: %g USD/h", p->line,
                     p->usd_per_h);
      ck_assert_ptr_nonnull (catalogue_find_source (cat, p->source));
      if (!STREQ (p->instance->provider, "aws"))
        continue;
      /* The newest of the three AWS tables that prices the pair.  */
      if (STREQ (p->source, "karpenter-aws-2026-07"))
        ck_assert_str_eq (p->date, "2026-07-20");
      else if (STREQ (p->source, "vantage-gpu-2026-01"))
        ck_assert_str_eq (p->date, "2026-01-21");
      else
        {
          ck_assert_str_eq (p->source, "ec2shop-2025-04");
          ck_assert_str_eq (p->date, "2025-04-04");
        }
      ck_assert_ptr_eq (catalogue_find_price (cat, p->instance, p->region), p);
    }
}
END_TEST

/* The June 2025 GPU price cuts, from the newest table of each pair.  */
START_TEST (test_prices_newest)
{
  static const struct
  {
    const char *type, *region;
    double usd_per_h;
    const char *date, *source;
  } newest[] = {
    /* aws-ec2-prices-karpenter: us-east-1 p5.48xlarge 55.04 (98.32 in
       ec2shop-2025-04), p4d.24xlarge 21.957642 (32.7726).  */
    { "p5.48xlarge", "us-east-1", 55.04, "2026-07-20",
      "karpenter-aws-2026-07" },
    { "p4d.24xlarge", "us-east-1", 21.957642, "2026-07-20",
      "karpenter-aws-2026-07" },
    /* aws_ec2_gpu_ondemand_prices_2026-01.csv: eu-west-1 p4d.24xlarge
       23.71569, eu-north-1 p5.48xlarge 58.8928.  */
    { "p4d.24xlarge", "eu-west-1", 23.71569, "2026-01-21",
      "vantage-gpu-2026-01" },
    { "p5.48xlarge", "eu-north-1", 58.8928, "2026-01-21",
      "vantage-gpu-2026-01" },
    /* No newer table has m5.xlarge in eu-north-1: ec2shop 0.204.  */
    { "m5.xlarge", "eu-north-1", 0.204, "2025-04-04", "ec2shop-2025-04" },
    /* azure_vm_prices_karpenter.csv: eastus Standard_D4s_v5 0.192, the
       anycloud Linux price too.  */
    { "Standard_D4s_v5", "eastus", 0.192, "2026-06-18",
      "karpenter-azure-2026-06" },
    /* canadacentral Standard_D2ads_v5: Karpenter 0.207 carries the
       Windows surcharge (2 x 0.046): anycloud's Linux 0.115 kept.  */
    { "Standard_D2ads_v5", "canadacentral", 0.115, "2026-05-20",
      "anycloud-2026-05" },
  };
  size_t i;

  assert_catalogue ();
  for (i = 0; i < ARRAY_SIZE (newest); i++)
    {
      const struct price *p = catalogue_find_price (
        cat, catalogue_find_instance (cat, newest[i].type),
        catalogue_find_region (cat, newest[i].region));

      ck_assert_msg (p != NULL, "%s %s: no price", newest[i].type,
                     newest[i].region);
      ck_assert_double_eq (p->usd_per_h, newest[i].usd_per_h);
      ck_assert_str_eq (p->date, newest[i].date);
      ck_assert_str_eq (p->source, newest[i].source);
    }
}
END_TEST

START_TEST (test_spot_prices)
{
  size_t i, spot = 0;

  assert_catalogue ();
  for (i = 0; i < cat->nprices; i++)
    {
      const struct price *p = &cat->prices[i];

      if (isnan (p->spot_usd_per_h))
        {
          ck_assert_str_eq (p->spot_date, "");
          ck_assert_str_eq (p->spot_source, "");
          continue;
        }
      ck_assert_ptr_nonnull (catalogue_find_source (cat, p->spot_source));
      ck_assert_msg (p->spot_usd_per_h <= p->usd_per_h,
                     "prices.csv:%zu: spot %g above on-demand %g", p->line,
                     p->spot_usd_per_h, p->usd_per_h);
      if (!STREQ (p->instance->provider, "aws"))
        continue;
      ck_assert_str_eq (p->spot_date, "2024-08-09");
      ck_assert_str_eq (p->spot_source, "coroot-spot-2024-08");
      spot += teads_row (p->instance);
    }
  /* 7,184 Teads pairs with a coroot spot price, less eu-west-1
     p4d.24xlarge: its 2024 spot 24.4826 is above the 2026 on-demand
     23.71569 and is left blank (data/README.md).  */
  ck_assert_uint_eq (spot, 7183);
}
END_TEST

/* Regions.  */

START_TEST (test_regions_grid_pue)
{
  size_t i;

  assert_catalogue ();
  for (i = 0; i < cat->nregions; i++)
    {
      const struct region *r = &cat->regions[i];

      ck_assert_msg (isfinite (r->grid.gco2e_per_kwh)
                       && r->grid.gco2e_per_kwh > 0.0,
                     "%s: grid %g", r->name, r->grid.gco2e_per_kwh);
      ck_assert_msg (r->grid.source[0] != '\0', "%s: no grid source", r->name);
      ck_assert_ptr_nonnull (catalogue_find_source (cat, r->grid.source));
      ck_assert_msg (r->grid.year > 2000, "%s: grid year %ld", r->name,
                     r->grid.year);
      ck_assert_msg (r->pue >= 1.0, "%s: PUE %g", r->name, r->pue);
      ck_assert_ptr_nonnull (catalogue_find_source (cat, r->pue_source));
      ck_assert_msg (r->pue_year > 2000, "%s: PUE year %ld", r->name,
                     r->pue_year);
      if (i > 0)
        ck_assert_msg (
          compare_keys (cat->regions[i - 1].provider, cat->regions[i - 1].name,
                        r->provider, r->name)
            < 0,
          "%s after %s: not sorted", r->name, cat->regions[i - 1].name);
    }
}
END_TEST

START_TEST (test_regions_sources)
{
  size_t i, k, gsf_pue = 0, ccf_pue = 0, em2024 = 0;
  size_t no_marginal = 0, no_market = 0, no_cfe = 0;

  assert_catalogue ();
  for (i = 0; i < cat->nregions; i++)
    {
      const struct region *r = &cat->regions[i];

      /* One basis for every region of every provider: Electricity Maps
         2024, life cycle, of the region's zone (data/README.md).  */
      ck_assert_msg (STREQ (r->grid.source, "electricitymaps-2024"),
                     "%s: grid source %s", r->name, r->grid.source);
      ck_assert_int_eq (r->grid.year, 2024);
      ck_assert_str_eq (r->grid_level, "zone");
      ck_assert_msg (r->grid_zone[0] != '\0', "%s: no grid zone", r->name);
      em2024++;
      /* The same zone, the same figure, whoever runs the region.  */
      for (k = 0; k < i; k++)
        if (STREQ (cat->regions[k].grid_zone, r->grid_zone))
          ck_assert_msg (!islessgreater (cat->regions[k].grid.gco2e_per_kwh,
                                         r->grid.gco2e_per_kwh),
                         "%s and %s: zone %s, %g and %g", r->name,
                         cat->regions[k].name, r->grid_zone,
                         r->grid.gco2e_per_kwh,
                         cat->regions[k].grid.gco2e_per_kwh);
      if (!STREQ (r->provider, "aws"))
        continue;
      if (STREQ (r->pue_source, "gsf-rtc/aws"))
        {
          gsf_pue++;
          ck_assert_int_eq (r->pue_year, 2024);
        }
      else
        {
          ck_assert_str_eq (r->pue_source, "ccf-2022");
          ck_assert_double_eq (r->pue, 1.135);
          ck_assert_int_eq (r->pue_year, 2022);
          ccf_pue++;
        }
      no_marginal += isnan (r->marginal.gco2e_per_kwh);
      no_market += isnan (r->market.gco2e_per_kwh);
      no_cfe += isnan (r->cfe_pct);
    }
  /* data/README.md, "Defaults and fallbacks": 34 AWS + 43 GCP + 58
     Azure regions, all of them on the one basis.  */
  ck_assert_uint_eq (em2024, 135);
  ck_assert_uint_eq (gsf_pue, 21);
  ck_assert_uint_eq (ccf_pue, 13);
  ck_assert_uint_eq (no_marginal, 4);
  ck_assert_uint_eq (no_market, 15);
  ck_assert_uint_eq (no_cfe, 17);
}
END_TEST

START_TEST (test_regions_grid_basis)
{
  /* Figures from the zone rows of electricitymaps-yearly-2024/
     ci_yearly_2024_by_location.csv, column "Carbon intensity gCO2eq/kWh
     (Life cycle)"; zones from cloud_region_grid_intensity_em2024.csv.  */
  static const struct
  {
    const char *region;
    const char *zone;
    double grid;
  } basis[] = {
    /* line 191, SE-SE3: the three Stockholm regions.  */
    { "eu-north-1", "SE-SE3", 20.42 },
    { "europe-north2", "SE-SE3", 20.42 },
    { "swedencentral", "SE-SE3", 20.42 },
    /* line 3, CA-QC (Montreal; Google's own figure was 5.48).  */
    { "northamerica-northeast1", "CA-QC", 35.04 },
    /* line 273, FI (Hamina).  */
    { "europe-north1", "FI", 75.71 },
    /* line 144, US-MIDA-PJM (N. Virginia).  */
    { "us-east-1", "US-MIDA-PJM", 400.21 },
    /* line 121, CA-AB (Calgary: Alberta, not Canada).  */
    { "ca-west-1", "CA-AB", 402.01 },
    /* lines 151, 12 and 96: the former country-level fallbacks.  */
    { "ap-southeast-5", "MY-WM", 644.72 },
    { "ap-southeast-7", "TH", 500.06 },
    { "mx-central-1", "MX", 391.68 },
  };
  const struct region *north;
  size_t i;

  assert_catalogue ();
  for (i = 0; i < ARRAY_SIZE (basis); i++)
    {
      const struct region *r = catalogue_find_region (cat, basis[i].region);

      ck_assert_ptr_nonnull (r);
      ck_assert_str_eq (r->grid_zone, basis[i].zone);
      ck_assert_double_eq (r->grid.gco2e_per_kwh, basis[i].grid);
      ck_assert_int_eq (r->grid.year, 2024);
      ck_assert_str_eq (r->grid.source, "electricitymaps-2024");
    }
  /* Stockholm, the README's example: the other columns keep their
     sources (gsf-rtc/aws PUE, WattTime marginal, AWS market-based).  */
  north = catalogue_find_region (cat, "eu-north-1");
  ck_assert_ptr_nonnull (north);
  ck_assert_double_eq (north->pue, 1.1);
  ck_assert_double_eq (north->marginal.gco2e_per_kwh, 791.26);
  ck_assert_double_eq (north->market.gco2e_per_kwh, 0.0);
  /* Its alternatives (grid_alternatives.csv, aws eu-north-1): from the
     direct figure of the same zone row, 2.44, to mlco2-impact-regions'
     47; the old default em-via-gsf 2024 24.71 among them.  */
  ck_assert_double_eq (north->grid_low, 2.44);
  ck_assert_double_eq (north->grid_high, 47.0);
  for (i = 0; i < cat->nregions; i++)
    {
      const struct region *r = &cat->regions[i];

      ck_assert_msg (r->grid_low <= r->grid.gco2e_per_kwh
                       && r->grid.gco2e_per_kwh <= r->grid_high,
                     "%s: default %g outside [%g, %g]", r->name,
                     r->grid.gco2e_per_kwh, r->grid_low, r->grid_high);
    }
}
END_TEST

START_TEST (test_regions_groups)
{
  static const char *const continents[]
    = { "europe", "americas", "apac", "middle-east", "africa" };
  size_t i, k;

  assert_catalogue ();
  for (i = 0; i < cat->nregions; i++)
    {
      const struct region *r = &cat->regions[i];
      const char *p = r->groups;
      size_t in_continents = 0;

      /* Exactly one continent.  */
      for (k = 0; k < ARRAY_SIZE (continents); k++)
        in_continents += catalogue_region_in_group (r, continents[k]);
      ck_assert_msg (in_continents == 1, "%s (%s) is in %zu continents",
                     r->name, r->groups, in_continents);
      /* Every group it names is in groups.csv.  */
      while (*p != '\0')
        {
          char name[64];
          size_t len = strcspn (p, ";");

          ck_assert_uint_lt (len, sizeof name);
          memcpy (name, p, len);
          name[len] = '\0';
          ck_assert_msg (catalogue_find_group (cat, name) != NULL,
                         "%s: group '%s' is not in groups.csv", r->name, name);
          p += len;
          if (*p == ';')
            p++;
        }
      /* GovCloud by code prefix; US by country.  */
      ck_assert_int_eq (catalogue_region_in_group (r, "govcloud"),
                        strncmp (r->name, "us-gov-", 7) == 0);
      ck_assert_int_eq (catalogue_region_in_group (r, "us"),
                        STREQ (r->country, "US"));
    }
  ck_assert (catalogue_region_in_group (
    catalogue_find_region (cat, "eu-north-1"), "nordics"));
  ck_assert (!catalogue_region_in_group (
    catalogue_find_region (cat, "eu-west-2"), "eu"));
}
END_TEST

/* Every column of the shipped tables that holds numbers has a range in
   its table's spec (src/data/catalogue-*.c, src/data/zones.c), so a new
   column cannot come in unchecked.
   gpu_scaling.csv is left out: the program does not read it (its figures
   are quoted in --help and doc/METHODOLOGY.md).  */
START_TEST (test_every_number_has_a_range)
{
  static const char *const files[] = { CATALOGUE_SOURCES,
                                       CATALOGUE_GROUPS,
                                       CATALOGUE_GPUS,
                                       CATALOGUE_INSTANCES,
                                       CATALOGUE_UNSUPPORTED,
                                       CATALOGUE_REGIONS,
                                       CATALOGUE_PRICES,
                                       CATALOGUE_CCF_INSTANCES,
                                       CATALOGUE_CCF_REGIONS,
                                       CATALOGUE_GRID_ALTERNATIVES,
                                       CATALOGUE_PUE_ALTERNATIVES,
                                       CATALOGUE_EMBODIED_ALTERNATIVES,
                                       CATALOGUE_POWER_ERROR,
                                       "zones.csv",
                                       "site_defaults.csv",
                                       "equivalents.csv" };
  size_t f, col, row, numeric = 0;

  for (f = 0; f < ARRAY_SIZE (files); f++)
    {
      char path[4096];
      struct diag d = { 0, "" };
      struct csv_table *t;

      const struct table_spec *spec = tables_find (files[f]);

      ck_assert_msg (spec != NULL, "%s: no spec", files[f]);
      snprintf (path, sizeof path, "%s/%s", cat_dir, files[f]);
      t = csvio_read (path, &d);
      ck_assert_msg (t != NULL, "%s", d.text);
      for (col = 0; col < t->ncols; col++)
        {
          size_t filled = 0, numbers = 0;

          for (row = 0; row < t->nrows; row++)
            {
              const char *x = csvio_field (t, row, col);
              char *end;

              if (x[0] == '\0')
                continue;
              filled++;
              strtod (x, &end);
              numbers += *end == '\0';
            }
          if (filled > 0 && numbers == filled)
            {
              const struct table_column *c
                = table_column (spec, t->header[col]);

              numeric++;
              ck_assert_msg (c != NULL && c->range.unit != NULL,
                             "%s: column '%s' holds numbers and has no range",
                             files[f], t->header[col]);
            }
        }
      csvio_free (t);
    }
  /* Counted in the tables' headers: gpus 9, instances 16 (13 + the GPU
     memory, burstable and baseline columns), regions 12,
     prices 2, ccf_instances 10, ccf_regions 2, grid_alternatives 2,
     pue_alternatives 2, embodied_alternatives 1, power_error 4, zones 2,
     site_defaults 2, equivalents 2.  */
  ck_assert_uint_eq (numeric, 66);
}
END_TEST

/* The shipped everyday equivalents, worked out from the EPA fact sheet
   EPA-420-F-23-014 (June 2023): 400 g of CO2 a mile / 1.609344 km a
   mile = 248.548 g a km, written 248.5; 4.6 t a year = 4,600,000 g.
   Both name a source of sources.csv (the loader checks it).  */
START_TEST (test_equivalents_shipped)
{
  struct diag d = { 0, "" };
  struct equivalents *e = equivalents_load (cat_dir, cat, &d);

  ck_assert_msg (e != NULL, "%s", d.text);
  ck_assert_uint_eq (e->n, 2);
  ck_assert_str_eq (e->rows[0].name, "car_km");
  ck_assert_double_eq_tol (e->rows[0].gco2e_per_unit, 248.5, 1e-9);
  ck_assert_str_eq (e->rows[0].source, "epa-vehicle-2023");
  ck_assert_int_eq (e->rows[0].year, 2023);
  ck_assert_str_eq (e->rows[1].name, "car_year");
  ck_assert_double_eq_tol (e->rows[1].gco2e_per_unit, 4600000.0, 1e-9);
  ck_assert (catalogue_find_source (cat, "epa-vehicle-2023") != NULL);
  equivalents_free (e);
}
END_TEST

static Suite *
data_regions_suite (void)
{
  Suite *s = suite_create ("data_regions");
  TCase *tc;

  tc = tcase_create ("prices");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_prices_known);
  tcase_add_test (tc, test_spot_prices);
  tcase_add_test (tc, test_prices_newest);
  suite_add_tcase (s, tc);

  tc = tcase_create ("regions");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_regions_grid_pue);
  tcase_add_test (tc, test_regions_sources);
  tcase_add_test (tc, test_regions_grid_basis);
  tcase_add_test (tc, test_regions_groups);
  tcase_add_test (tc, test_every_number_has_a_range);
  tcase_add_test (tc, test_equivalents_shipped);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (data_regions_suite)
