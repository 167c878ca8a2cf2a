/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The small catalogue the catalogue's unit tests write, and their
   helpers: each check_catalogue*.c includes it once.  Its functions are
   inline so that a test file need not use them all.  */
#ifndef CA_TESTS_CATALOGUE_FIXTURE_H
#define CA_TESTS_CATALOGUE_FIXTURE_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/catalogue.h"
#include "base/diag.h"
#include "base/system.h"
#include "unit.h"

/* A valid minimal catalogue: 3 sources (not sorted by id), 3 groups
   (not sorted, columns in another order than in data/), 3 instances,
   2 regions, 3 prices.  Line numbers, header = line 1, are given where
   tests refer to them.  */

static const char sources_csv[]
  = "id,title,publisher,year,licence,upstream,notes\n"
    "teads,Teads power curves,\"Teads, Engineering\",2022,CC BY 4.0,"
    "valohai/wattson@4d0d2e6,\"per-instance watts; \"\"measured\"\"\"\n"
    "grid-x,Grid intensities,Grid Org,2024,facts,,\n"
    "price-x,Prices,AWS,2025,MIT,,\n";

static const char groups_csv[] = "description,group\n"
                                 "\"Regions in SE, NO, DK, FI, IS\",nordics\n"
                                 "Regions in the EU,eu\n"
                                 "Regions in the US,us\n";

/* Embodied shares: 3000 x 4 / 32 = 375; 1610.4 x 2 / 96 = 33.55;
   1200 x 2 / 64 = 37.5.  */
static const char instances_csv[]
  = "provider,instance_type,family,vcpus,memory_gib,gpus,gpu_model,arch,"
    "cpu_model,host_vcpus,power_idle_w,power_10_w,power_50_w,power_100_w,"
    "embodied_host_kgco2e,embodied_kgco2e,power_origin,power_source,"
    "embodied_source,host_memory_gib,host_gpus,accelerator,"
    "gpu_memory_total_gib,gpu_memory_source,burstable,baseline_pct,"
    "baseline_source\n"
    /* Line 2.  */
    "aws,g1.xlarge,g1,4,61,1,T4,x86_64,Xeon E5-2686 v4,32,50.5,80,150,250,"
    "3000,375,measured,teads,teads,488,8,nvidia,16,teads,0,,\n"
    /* Line 3.  */
    "aws,m1.large,m1,2,8,0,,x86_64,Xeon Platinum 8175M,96,4.4,7.0,14.1,"
    "19.95,1610.4,33.55,measured,teads,teads,384,0,none,,,0,,\n"
    /* Line 4.  */
    "aws,m1g.large,m1g,2,8,0,,arm64,Graviton2,64,2.0,3.2,5.5,7.7,1200,37.5,"
    "modelled,teads,teads,256,0,none,,,1,20,teads\n";

static const char gpus_csv[]
  = "gpu_model,training_speed,speed_low,speed_high,speed_status,"
    "speed_source\n"
    "T4,0.142,0.142,0.142,measured,teads\n"
    "K80,,,,,\n";

static const char unsupported_csv[]
  = "provider,instance_type,reason\n"
    "aws,trn9.xlarge,no open power figure for Trainium\n";

static const char regions_csv[]
  = "provider,region,location,country,latitude,longitude,groups,pue,"
    "pue_source,pue_year,grid_gco2e_per_kwh,grid_source,grid_year,"
    "grid_level,marginal_gco2e_per_kwh,marginal_source,marginal_year,"
    "market_gco2e_per_kwh,market_source,market_year,cfe_pct,cfe_source,"
    "cfe_year\n"
    /* Line 2.  */
    "aws,eu-north-9,\"Europe (Test, North)\",SE,59.3327,18.0656,"
    "eu;europe;nordics,1.1,grid-x,2024,24.71,grid-x,2024,region,791.26,"
    "grid-x,2024,0.0,grid-x,2024,100,grid-x,2022\n"
    /* Line 3.  */
    "aws,us-test-1,US East (Test),US,39.04,-77.49,americas;us,1.135,grid-x,"
    "2022,384.5,grid-x,2023,region,,,,,,,,,\n";

static const char prices_csv[]
  = "provider,region,instance_type,price_usd_per_h,price_date,price_source,"
    "spot_usd_per_h,spot_date,spot_source\n"
    /* Line 2.  */
    "aws,eu-north-9,m1.large,0.102,2025-04-04,price-x,0.0347,2024-08-09,"
    "price-x\n"
    /* Line 3.  */
    "aws,us-test-1,g1.xlarge,0.526,2025-04-04,price-x,,,\n"
    /* Line 4.  */
    "aws,us-test-1,m1.large,0.096,2025-04-04,price-x,0.0312,2024-08-09,"
    "price-x\n";

/* CCF's coefficients for two of the three instances (m1g.large is one
   CCF cannot cover) and both regions (us-test-1 without a grid
   factor).  */
static const char ccf_instances_csv[]
  = "provider,instance_type,cpu_microarchitecture,ccf_architecture,"
    "cpu_min_w_per_vcpu,cpu_max_w_per_vcpu,memory_gb_per_chip,memory_chips,"
    "largest_instance_type,memory_allowance_gib,ccf_gpu,gpu_min_w,gpu_max_w,"
    "embodied_host_kgco2e,host_vcpus,ccf_source,embodied_source,"
    "vcpu_factor\n"
    /* Line 2.  */
    "aws,g1.xlarge,Broadwell,Broadwell,0.71,3.69,69.65,1,g1.xlarge,61,"
    "Nvidia T4,8,71,3000,32,teads,teads,1\n"
    /* Line 3.  */
    "aws,m1.large,Skylake,Skylake,0.65,4.26,81.32,1,m1.large,3.388333,,,,"
    "1610.79,96,teads,teads,1\n";

static const char ccf_regions_csv[]
  = "provider,region,pue,pue_basis,grid_gco2e_per_kwh,grid_note,ccf_source\n"
    /* Line 2.  */
    "aws,eu-north-9,1.135,fleet,8.8,,grid-x\n"
    /* Line 3.  */
    "aws,us-test-1,1.135,fleet,,,grid-x\n";

static const char grid_alternatives_csv[]
  = "provider,region,source,year,gco2e_per_kwh,level\n"
    "aws,eu-north-9,grid-x,2024,8.8,region\n"
    "aws,eu-north-9,grid-y,,20,country\n";

static const char pue_alternatives_csv[] = "provider,region,source,year,pue\n"
                                           "aws,eu-north-9,grid-x,2024,1.2\n";

static const char embodied_alternatives_csv[]
  = "provider,instance_type,source,embodied_kgco2e\n"
    "aws,m1.large,teads,40\n";

static const char power_error_csv[]
  = "power_origin,load_pct,median_abs_rel_error,p95_abs_rel_error,"
    "worst_abs_rel_error,source\n"
    "modelled,0,0.1,0.2,0.3,teads\n"
    "modelled,100,0.2,0.3,0.4,teads\n";

static const struct
{
  const char *name;
  const char *text;
} fixture_files[] = {
  { CATALOGUE_SOURCES, sources_csv },
  { CATALOGUE_GROUPS, groups_csv },
  { CATALOGUE_GPUS, gpus_csv },
  { CATALOGUE_UNSUPPORTED, unsupported_csv },
  { CATALOGUE_INSTANCES, instances_csv },
  { CATALOGUE_REGIONS, regions_csv },
  { CATALOGUE_PRICES, prices_csv },
  { CATALOGUE_CCF_INSTANCES, ccf_instances_csv },
  { CATALOGUE_CCF_REGIONS, ccf_regions_csv },
  { CATALOGUE_GRID_ALTERNATIVES, grid_alternatives_csv },
  { CATALOGUE_PUE_ALTERNATIVES, pue_alternatives_csv },
  { CATALOGUE_EMBODIED_ALTERNATIVES, embodied_alternatives_csv },
  { CATALOGUE_POWER_ERROR, power_error_csv },
};

/* The temporary data directory of the running test.  */
static char dir[4096];

static inline void
file_path (const char *name, char *buf, size_t size)
{
  ck_assert_int_lt (snprintf (buf, size, "%s/%s", dir, name), (int) size);
}

/* Write TEXT to the file NAME of the data directory.  */
static inline void
write_file (const char *name, const char *text)
{
  char path[sizeof dir + 64];
  FILE *fp;

  file_path (name, path, sizeof path);
  fp = fopen (path, "wb");
  ck_assert_msg (fp != NULL, "%s: %s", path, strerror (errno));
  ck_assert_int_eq (fputs (text, fp) >= 0, 1);
  ck_assert_int_eq (fclose (fp), 0);
}

static inline void
setup_dir (void)
{
  const char *tmp = getenv ("TMPDIR");
  size_t i;

  if (tmp == NULL || tmp[0] == '\0')
    tmp = "/tmp";
  ck_assert_int_lt (
    snprintf (dir, sizeof dir, "%s/check_catalogue.XXXXXX", tmp),
    (int) sizeof dir);
  ck_assert_msg (mkdtemp (dir) != NULL, "mkdtemp: %s", strerror (errno));
  for (i = 0; i < ARRAY_SIZE (fixture_files); i++)
    write_file (fixture_files[i].name, fixture_files[i].text);
}

static inline void
teardown_dir (void)
{
  char path[sizeof dir + 64];
  size_t i;

  for (i = 0; i < ARRAY_SIZE (fixture_files); i++)
    {
      snprintf (path, sizeof path, "%s/%s", dir, fixture_files[i].name);
      unlink (path);
    }
  rmdir (dir);
}

/* Rewrite the fixture file NAME with its first FIND replaced by
   REPLACE.  */
static inline void
mutate (const char *name, const char *find, const char *replace)
{
  const char *text = NULL;
  const char *hit;
  char *out;
  size_t i, size;

  for (i = 0; i < ARRAY_SIZE (fixture_files); i++)
    if (STREQ (fixture_files[i].name, name))
      text = fixture_files[i].text;
  ck_assert_ptr_nonnull (text);
  hit = strstr (text, find);
  ck_assert_msg (hit != NULL, "'%s' is not in %s", find, name);
  size = strlen (text) - strlen (find) + strlen (replace) + 1;
  out = malloc (size);
  ck_assert_ptr_nonnull (out);
  snprintf (out, size, "%.*s%s%s", (int) (hit - text), text, replace,
            hit + strlen (find));
  write_file (name, out);
  free (out);
}

/* Load the data directory, which must succeed.  */
static inline struct catalogue *
load_ok (void)
{
  struct diag d = { 0, "" };
  struct catalogue *cat = catalogue_load (dir, &d);

  ck_assert_msg (cat != NULL, "catalogue_load failed: %s", d.text);
  return cat;
}

/* Check that loading the data directory fails with STATUS and the
   message "DIR" followed by SUFFIX.  */
static inline void
check_load_fails (int status, const char *suffix)
{
  struct diag d = { 0, "" };
  char expected[sizeof d.text + sizeof dir];

  snprintf (expected, sizeof expected, "%s%s", dir, suffix);
  ck_assert_ptr_null (catalogue_load (dir, &d));
  ck_assert_int_eq (d.status, status);
  ck_assert_str_eq (d.text, expected);
}

/* Check that the fixture with one defect, FIND replaced by REPLACE in
   the file NAME, fails to load with CA_EXIT_DATAERR and "DIR" followed
   by SUFFIX.  */
static inline void
check_defect (const char *name, const char *find, const char *replace,
              const char *suffix)
{
  mutate (name, find, replace);
  check_load_fails (CA_EXIT_DATAERR, suffix);
}

#endif /* CA_TESTS_CATALOGUE_FIXTURE_H */
