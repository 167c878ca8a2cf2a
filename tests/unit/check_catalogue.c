/* Unit tests for loading and querying the data tables, on small
   catalogues written by the tests themselves.  */
#include <config.h>

#include <errno.h>
#include <math.h>
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

static const char groups_csv[]
  = "description,group\n"
    "\"Regions in SE, NO, DK, FI, IS\",nordics\n"
    "Regions in the EU,eu\n"
    "Regions in the US,us\n";

/* Embodied shares: 3000 x 4 / 32 = 375; 1610.4 x 2 / 96 = 33.55;
   1200 x 2 / 64 = 37.5.  */
static const char instances_csv[]
  = "provider,instance_type,family,vcpus,memory_gib,gpus,gpu_model,arch,"
    "cpu_model,host_vcpus,power_idle_w,power_10_w,power_50_w,power_100_w,"
    "embodied_host_kgco2e,embodied_kgco2e,power_origin,power_source,"
    "embodied_source,host_memory_gib,host_gpus\n"
    /* Line 2.  */
    "aws,g1.xlarge,g1,4,61,1,T4,x86_64,Xeon E5-2686 v4,32,50.5,80,150,250,"
    "3000,375,measured,teads,teads,488,8\n"
    /* Line 3.  */
    "aws,m1.large,m1,2,8,0,,x86_64,Xeon Platinum 8175M,96,4.4,7.0,14.1,"
    "19.95,1610.4,33.55,measured,teads,teads,384,0\n"
    /* Line 4.  */
    "aws,m1g.large,m1g,2,8,0,,arm64,Graviton2,64,2.0,3.2,5.5,7.7,1200,37.5,"
    "modelled,teads,teads,256,0\n";

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

static const char pue_alternatives_csv[]
  = "provider,region,source,year,pue\n"
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

static void
file_path (const char *name, char *buf, size_t size)
{
  ck_assert_int_lt (snprintf (buf, size, "%s/%s", dir, name), (int) size);
}

/* Write TEXT to the file NAME of the data directory.  */
static void
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

static void
setup_dir (void)
{
  const char *tmp = getenv ("TMPDIR");
  size_t i;

  if (tmp == NULL || tmp[0] == '\0')
    tmp = "/tmp";
  ck_assert_int_lt (snprintf (dir, sizeof dir, "%s/check_catalogue.XXXXXX",
                              tmp),
                    (int) sizeof dir);
  ck_assert_msg (mkdtemp (dir) != NULL, "mkdtemp: %s", strerror (errno));
  for (i = 0; i < ARRAY_SIZE (fixture_files); i++)
    write_file (fixture_files[i].name, fixture_files[i].text);
}

static void
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
static void
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
static struct catalogue *
load_ok (void)
{
  struct diag d = { 0, "" };
  struct catalogue *cat = catalogue_load (dir, &d);

  ck_assert_msg (cat != NULL, "catalogue_load failed: %s", d.text);
  return cat;
}

/* Check that loading the data directory fails with STATUS and the
   message "DIR" followed by SUFFIX.  */
static void
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
static void
check_defect (const char *name, const char *find, const char *replace,
              const char *suffix)
{
  mutate (name, find, replace);
  check_load_fails (CA_EXIT_DATAERR, suffix);
}

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

  ck_assert_uint_eq (catalogue_count_regions (
                       cat, catalogue_find_instance (cat, "m1.large")),
                     2);
  ck_assert_uint_eq (catalogue_count_regions (
                       cat, catalogue_find_instance (cat, "g1.xlarge")),
                     1);
  ck_assert_uint_eq (catalogue_count_regions (
                       cat, catalogue_find_instance (cat, "m1g.large")),
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

START_TEST (test_free_null)
{
  catalogue_free (NULL);
}
END_TEST

START_TEST (test_find_ccf)
{
  struct catalogue *cat = load_ok ();
  const struct ccf_instance *g1 = catalogue_find_ccf_instance (cat,
                                                               "g1.xlarge");
  const struct ccf_instance *m1 = catalogue_find_ccf_instance (cat,
                                                               "m1.large");
  const struct ccf_region *north = catalogue_find_ccf_region (cat,
                                                              "eu-north-9");
  const struct ccf_region *us = catalogue_find_ccf_region (cat,
                                                           "us-test-1");

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
  ck_assert_double_eq_tol (catalogue_power_error (cat, "modelled", 50.0),
                           0.25, 1e-12);
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
  check_load_fails (CA_EXIT_NOINPUT,
                    "/prices.csv: No such file or directory");
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
                "/instances.csv:3: expected 21 fields, got 20");
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
  check_defect (CATALOGUE_INSTANCES, "4.4,7.0,14.1,19.95",
                "4.4,7.0,6.5,19.95",
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
  check_defect (CATALOGUE_EMBODIED_ALTERNATIVES, "teads,40",
                "teads,1000001",
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
  check_defect (CATALOGUE_GRID_ALTERNATIVES, "grid-y,,20,",
                "grid-x,2024,20,",
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
                    "be empty", fixture_files[i].name);
          check_load_fails (CA_EXIT_DATAERR, suffix);
        }
      write_file (fixture_files[i].name, text);
    }
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

UNIT_MAIN (catalogue_suite)
