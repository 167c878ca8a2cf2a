/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Invariants of the shipped data tables (data/README.md), checked on
   the tables as carbon-advisor loads them.  The counts and sources below
   are those of the Teads rows (AWS, power_origin "measured") and the AWS
   regions; the GCP, Azure and modelled AWS rows added later keep to the
   general rules (sorted, monotone curves, known sources).  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/catalogue.h"
#include "base/csvio.h"
#include "base/diag.h"
#include "base/system.h"
#include "unit.h"
#include "shipped.h"

static void
assert_catalogue (void)
{
  ASSERT_CATALOGUE ();
}

/* Counting by provider.  */

#define MAX_PROVIDERS 8

struct tally
{
  const char *provider[MAX_PROVIDERS];
  size_t n[MAX_PROVIDERS];
  size_t nproviders;
};

static void
tally_add (struct tally *t, const char *provider)
{
  size_t i;

  for (i = 0; i < t->nproviders; i++)
    if (STREQ (t->provider[i], provider))
      {
        t->n[i]++;
        return;
      }
  if (t->nproviders < MAX_PROVIDERS)
    {
      t->provider[t->nproviders] = provider;
      t->n[t->nproviders++] = 1;
    }
}

static size_t
tally_get (const struct tally *t, const char *provider)
{
  size_t i;

  for (i = 0; i < t->nproviders; i++)
    if (STREQ (t->provider[i], provider))
      return t->n[i];
  return 0;
}

static void
print_tally (const char *table, const struct tally *t, size_t total)
{
  size_t i;

  printf ("# %s: %zu\n", table, total);
  for (i = 0; i < t->nproviders; i++)
    printf ("# %s %s: %zu\n", table, t->provider[i], t->n[i]);
}

/* Print the rows per table and per provider as TAP comments.  Called
   from the suite builder, in the parent, before any test is forked.  */
static void
print_counts (void)
{
  struct diag d = { 0, "" };
  struct catalogue *c = catalogue_load (data_dir (), &d);
  struct tally instances = { { NULL }, { 0 }, 0 };
  struct tally regions = { { NULL }, { 0 }, 0 };
  struct tally prices = { { NULL }, { 0 }, 0 };
  size_t i;

  if (c == NULL)
    {
      printf ("# cannot load the data tables from '%s': %s\n", data_dir (),
              d.text);
      fflush (stdout);
      return;
    }
  for (i = 0; i < c->ninstances; i++)
    tally_add (&instances, c->instances[i].provider);
  for (i = 0; i < c->nregions; i++)
    tally_add (&regions, c->regions[i].provider);
  for (i = 0; i < c->nprices; i++)
    tally_add (&prices, c->prices[i].instance->provider);
  printf ("# data: %s\n", c->dir);
  print_tally ("instances", &instances, c->ninstances);
  print_tally ("regions", &regions, c->nregions);
  print_tally ("prices", &prices, c->nprices);
  printf ("# groups: %zu\n", c->ngroups);
  printf ("# sources: %zu\n", c->nsources);
  printf ("# gpu models: %zu\n", c->ngpus);
  /* Flush now: a forked test would otherwise inherit the buffer and
     print it again.  */
  fflush (stdout);
  catalogue_free (c);
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

/* Counts (data/README.md).  */

START_TEST (test_counts)
{
  struct tally instances = { { NULL }, { 0 }, 0 };
  struct tally regions = { { NULL }, { 0 }, 0 };
  struct tally prices = { { NULL }, { 0 }, 0 };
  size_t i;

  assert_catalogue ();
  for (i = 0; i < cat->ninstances; i++)
    if (teads_row (&cat->instances[i]))
      tally_add (&instances, cat->instances[i].provider);
  for (i = 0; i < cat->nregions; i++)
    tally_add (&regions, cat->regions[i].provider);
  for (i = 0; i < cat->nprices; i++)
    if (teads_row (cat->prices[i].instance))
      tally_add (&prices, cat->prices[i].instance->provider);
  /* All 408 EC2 rows of the Teads sheet.  */
  ck_assert_uint_eq (tally_get (&instances, "aws"), 408);
  /* The 34 regions with an on-demand price in ec2shop-2025-04.  */
  ck_assert_uint_eq (tally_get (&regions, "aws"), 34);
  /* The (region, type) pairs with a price and a Teads row: 8,193 in
     ec2shop-2025-04, plus p4d.24xlarge in eu-north-1 and eu-west-2 that
     only vantage-gpu-2026-01 prices.  */
  ck_assert_uint_eq (tally_get (&prices, "aws"), 8195);
  ck_assert_uint_eq (cat->ngroups, 9);
  /* At least the sources and the GPU models of the Teads rows (A100,
     K520, K80, M60, Radeon Pro V520, T4, V100).  */
  ck_assert_uint_ge (cat->nsources, 10);
  ck_assert_uint_ge (cat->ngpus, 7);
}
END_TEST

/* --method ccf covers what CCF covers (data/README.md, "Rows left out"):
   every AWS type but p5, g6, gr6, g6e (19: H100, L4, L40S), inf1 (4)
   and f1 (3); every GCP type; the 433 Azure VMs CCF's tables know.  */
START_TEST (test_ccf_counts)
{
  struct tally ccf = { { NULL }, { 0 }, 0 };
  struct tally all = { { NULL }, { 0 }, 0 };
  size_t i;

  assert_catalogue ();
  for (i = 0; i < cat->ninstances; i++)
    {
      tally_add (&all, cat->instances[i].provider);
      if (cat->instances[i].ccf != NULL)
        tally_add (&ccf, cat->instances[i].provider);
    }
  ck_assert_uint_eq (cat->nccf_instances, 1782);
  ck_assert_uint_eq (tally_get (&ccf, "aws"),
                     tally_get (&all, "aws") - 19 - 4 - 3);
  ck_assert_uint_eq (tally_get (&ccf, "gcp"), tally_get (&all, "gcp"));
  ck_assert_uint_eq (tally_get (&ccf, "azure"), 433);
}
END_TEST

/* The whole catalogue, per provider, as the build log of
   data/build/build-tables.py reports it: AWS 408 Teads rows + 456
   modelled types of the 2025-04 price list; GCP 511 of 523 priced
   machine types, Azure 1,403 of 1,432 priced sizes; the rest in
   unsupported.csv with their reason.  A change in these counts means the
   data changed: update them with data/README.md.  */
START_TEST (test_counts_all)
{
  static const struct
  {
    const char *provider;
    size_t instances, regions, prices, unsupported;
  } expected[] = {
    /* 15,197 pairs of ec2shop-2025-04 + 160 that only the newer tables
       price (131 GovCloud from karpenter-aws-2026-07, 29 GPU pairs from
       vantage-gpu-2026-01).  */
    { "aws", 864, 34, 15357, 24 },
    { "azure", 1403, 58, 56190, 29 },
    { "gcp", 511, 43, 17319, 12 },
  };
  size_t k, i;

  assert_catalogue ();
  for (k = 0; k < ARRAY_SIZE (expected); k++)
    {
      size_t ni = 0, nr = 0, np = 0, nu = 0;
      const char *p = expected[k].provider;

      for (i = 0; i < cat->ninstances; i++)
        ni += STREQ (cat->instances[i].provider, p);
      for (i = 0; i < cat->nregions; i++)
        nr += STREQ (cat->regions[i].provider, p);
      for (i = 0; i < cat->nprices; i++)
        np += STREQ (cat->prices[i].instance->provider, p);
      for (i = 0; i < cat->nunsupported; i++)
        nu += STREQ (cat->unsupported[i].provider, p);
      ck_assert_msg (ni == expected[k].instances, "%s: %zu instances", p, ni);
      ck_assert_msg (nr == expected[k].regions, "%s: %zu regions", p, nr);
      ck_assert_msg (np == expected[k].prices, "%s: %zu prices", p, np);
      ck_assert_msg (nu == expected[k].unsupported, "%s: %zu unsupported", p,
                     nu);
    }
  /* The GPU models any row uses, the Teads seven and A100 80GB, A10G,
     H100, L4, L40S.  */
  ck_assert_uint_eq (cat->ngpus, 12);
}
END_TEST

START_TEST (test_priced_types)
{
  static const char *const unpriced[]
    = { "mac1.metal",    "u-12tb1.metal", "u-18tb1.metal",
        "u-24tb1.metal", "u-6tb1.metal",  "u-9tb1.metal" };
  size_t i, priced = 0, j;

  assert_catalogue ();
  /* 402 Teads types have a price somewhere; the 6 others have none.  */
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];
      bool listed = false;

      if (!teads_row (in))
        continue;
      for (j = 0; j < ARRAY_SIZE (unpriced); j++)
        if (STREQ (in->name, unpriced[j]))
          listed = true;
      if (catalogue_count_regions (cat, in) > 0)
        {
          priced++;
          ck_assert_msg (!listed, "%s has a price", in->name);
        }
      else
        ck_assert_msg (listed, "%s has no price", in->name);
    }
  ck_assert_uint_eq (priced, 402);
}
END_TEST

START_TEST (test_prices_per_region)
{
  static const struct
  {
    const char *region;
    size_t n;
  } expected[] = {
    { "eu-north-1", 212 }, /* + p4d.24xlarge, vantage-gpu-2026-01 */
    { "us-east-1", 400 },     { "us-west-2", 400 },     { "eu-west-1", 400 },
    { "ap-southeast-5", 75 }, { "ap-southeast-7", 75 }, { "mx-central-1", 75 },
  };
  size_t i, k;

  assert_catalogue ();
  for (k = 0; k < ARRAY_SIZE (expected); k++)
    {
      const struct region *r = catalogue_find_region (cat, expected[k].region);
      size_t n = 0;

      ck_assert_ptr_nonnull (r);
      for (i = 0; i < cat->nprices; i++)
        if (cat->prices[i].region == r && teads_row (cat->prices[i].instance))
          n++;
      ck_assert_msg (n == expected[k].n, "%s: %zu prices, expected %zu",
                     expected[k].region, n, expected[k].n);
    }
  /* No AWS region has fewer than 75 Teads prices or more than 400.  */
  for (k = 0; k < cat->nregions; k++)
    {
      size_t n = 0;

      if (!STREQ (cat->regions[k].provider, "aws"))
        continue;
      for (i = 0; i < cat->nprices; i++)
        if (cat->prices[i].region == &cat->regions[k]
            && teads_row (cat->prices[i].instance))
          n++;
      ck_assert_msg (n >= 75 && n <= 400, "%s: %zu prices",
                     cat->regions[k].name, n);
    }
}
END_TEST

/* Instances.  */

START_TEST (test_curves)
{
  size_t i, k;

  assert_catalogue ();
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];

      ck_assert_msg (in->power_w[0] > 0.0, "%s: idle power %g W", in->name,
                     in->power_w[0]);
      for (k = 1; k < CATALOGUE_POWER_POINTS; k++)
        ck_assert_msg (in->power_w[k] >= in->power_w[k - 1],
                       "%s: %g W at %g %% after %g W at %g %%", in->name,
                       in->power_w[k], catalogue_power_loads[k],
                       in->power_w[k - 1], catalogue_power_loads[k - 1]);
      if (!teads_row (in))
        {
          ck_assert_str_eq (in->power_origin, "modelled");
          continue;
        }
      ck_assert_str_eq (in->power_source, "teads-2022");
      ck_assert_str_eq (in->embodied_source, "teads-2022");
    }
}
END_TEST

START_TEST (test_embodied_positive)
{
  size_t i;

  assert_catalogue ();
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];

      ck_assert_msg (in->embodied_kgco2e > 0.0, "%s: %g kg", in->name,
                     in->embodied_kgco2e);
      ck_assert_msg (in->embodied_host_kgco2e >= in->embodied_kgco2e,
                     "%s: share %g kg above the host's %g kg", in->name,
                     in->embodied_kgco2e, in->embodied_host_kgco2e);
      ck_assert_msg (in->vcpus >= 1 && in->host_vcpus >= in->vcpus,
                     "%s: %ld of %ld vCPUs", in->name, in->vcpus,
                     in->host_vcpus);
    }
}
END_TEST

/* embodied = host x vcpus / host_vcpus, written with 6 decimals, except
   the four u-*tb1.metal rows that take the memory share (data/README.md,
   "How embodied_kgco2e is computed").  */
START_TEST (test_embodied_share)
{
  /* 35,762.3 kg x memory / 24,576 GiB:
       u-6tb1   6144 / 24576 = 1/4 -> 8940.575
       u-9tb1   9216 / 24576 = 3/8 -> 13410.8625
       u-12tb1 12288 / 24576 = 1/2 -> 17881.15
       u-18tb1 18432 / 24576 = 3/4 -> 26821.725  */
  static const struct
  {
    const char *name;
    double memory_gib;
    double kg;
  } memory_share[] = {
    { "u-6tb1.metal", 6144.0, 8940.575 },
    { "u-9tb1.metal", 9216.0, 13410.8625 },
    { "u-12tb1.metal", 12288.0, 17881.15 },
    { "u-18tb1.metal", 18432.0, 26821.725 },
  };
  size_t i, k, exceptions = 0;

  assert_catalogue ();
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];
      double expected = in->embodied_host_kgco2e * (double) in->vcpus
                        / (double) in->host_vcpus;

      for (k = 0; k < ARRAY_SIZE (memory_share); k++)
        if (STREQ (in->name, memory_share[k].name))
          break;
      if (k < ARRAY_SIZE (memory_share))
        {
          exceptions++;
          ck_assert_double_eq (in->embodied_host_kgco2e, 35762.3);
          ck_assert_double_eq (in->memory_gib, memory_share[k].memory_gib);
          ck_assert_int_eq (in->vcpus, in->host_vcpus);
          ck_assert_double_eq (in->embodied_kgco2e, memory_share[k].kg);
          ck_assert_double_eq_tol (in->embodied_kgco2e,
                                   35762.3 * memory_share[k].memory_gib
                                     / 24576.0,
                                   1e-6 * memory_share[k].kg);
          continue;
        }
      ck_assert_msg (fabs (in->embodied_kgco2e - expected) <= 1e-6 * expected,
                     "%s: embodied %.17g kg, %g x %ld / %ld = %.17g", in->name,
                     in->embodied_kgco2e, in->embodied_host_kgco2e, in->vcpus,
                     in->host_vcpus, expected);
    }
  ck_assert_uint_eq (exceptions, 4);
  /* u-24tb1.metal has the whole host under either rule.  */
  ck_assert_double_eq (
    catalogue_find_instance (cat, "u-24tb1.metal")->embodied_kgco2e, 35762.3);
  /* The worked examples of data/README.md.  */
  ck_assert_double_eq (
    catalogue_find_instance (cat, "m5.xlarge")->embodied_kgco2e, 67.1);
}
END_TEST

START_TEST (test_instance_kinds)
{
  static const char *const accelerators[]
    = { "inf1.xlarge", "inf1.2xlarge", "inf1.6xlarge", "inf1.24xlarge",
        "f1.2xlarge",  "f1.4xlarge",   "f1.16xlarge" };
  size_t i, arm = 0;

  assert_catalogue ();
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];

      if (i > 0)
        ck_assert_msg (
          compare_keys (cat->instances[i - 1].provider,
                        cat->instances[i - 1].name, in->provider, in->name)
            < 0,
          "%s after %s: not sorted", in->name, cat->instances[i - 1].name);
      if (!teads_row (in))
        continue;
      if (STREQ (in->arch, "arm64"))
        arm++;
      /* family is the part of the name before the first '.'.  */
      ck_assert_msg (strncmp (in->name, in->family, strlen (in->family)) == 0
                       && in->name[strlen (in->family)] == '.',
                     "%s: family '%s'", in->name, in->family);
    }
  ck_assert_uint_eq (arm, 84);
  /* The inf1 and f1 rows list no accelerator (README caveat).  */
  for (i = 0; i < ARRAY_SIZE (accelerators); i++)
    {
      const struct instance *in
        = catalogue_find_instance (cat, accelerators[i]);

      ck_assert_msg (in != NULL, "%s is missing", accelerators[i]);
      ck_assert_int_eq (in->gpus, 0);
      ck_assert_str_eq (in->gpu_model, "");
      ck_assert_str_eq (in->accelerator, i < 4 ? "neuron" : "fpga");
    }
}
END_TEST

/* Accelerators and burstable types, counted independently in
   data/instances.csv (awk on the gpus, accelerator and burstable
   columns): 97 types with GPUs (AWS 54, Azure 21, GCP 22), 92 of them
   NVIDIA and the 5 g4ad AMD; 73 burstable (AWS t1.micro, t2/t3/t3a/t4g 29,
   Azure B 41, GCP e2-medium, f1-micro, g1-small).  GPU memory: per GPU as the
   vendors publish it (data/build/gpu-memory.csv) times the count.  */
START_TEST (test_accelerators)
{
  static const struct
  {
    const char *name;
    double gib;
  } memory[] = { { "p3.2xlarge", 16 },
                 { "p3dn.24xlarge", 256 },
                 { "p4d.24xlarge", 320 },
                 { "Standard_NC40ads_H100_v5", 94 },
                 { "a2-ultragpu-8g", 640 } };
  static const struct
  {
    const char *name;
    double pct;
  } baseline[] = { { "t3.large", 30 },        { "t2.xlarge", 22.5 },
                   { "Standard_B2s", 20 },    { "Standard_B8ms", 16.875 },
                   { "Standard_B2s_v2", 40 }, { "e2-medium", 50 } };
  size_t i, gpus = 0, nvidia = 0, amd = 0, burst[3] = { 0, 0, 0 };
  static const char *const providers[] = { "aws", "azure", "gcp" };

  assert_catalogue ();
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];
      size_t p;

      gpus += in->gpus > 0;
      nvidia += STREQ (in->accelerator, "nvidia");
      amd += STREQ (in->accelerator, "amd");
      for (p = 0; p < ARRAY_SIZE (providers); p++)
        if (in->burstable && STREQ (in->provider, providers[p]))
          burst[p]++;
    }
  ck_assert_uint_eq (gpus, 97);
  ck_assert_uint_eq (nvidia, 92);
  ck_assert_uint_eq (amd, 5);
  ck_assert_uint_eq (burst[0], 29);
  ck_assert_uint_eq (burst[1], 41);
  ck_assert_uint_eq (burst[2], 3);
  for (i = 0; i < ARRAY_SIZE (memory); i++)
    ck_assert_double_eq_tol (
      catalogue_find_instance (cat, memory[i].name)->gpu_memory_total_gib,
      memory[i].gib, 1e-9);
  for (i = 0; i < ARRAY_SIZE (baseline); i++)
    ck_assert_double_eq_tol (
      catalogue_find_instance (cat, baseline[i].name)->baseline_pct,
      baseline[i].pct, 1e-9);
}
END_TEST

static Suite *
data_suite (void)
{
  Suite *s = suite_create ("data");
  TCase *tc;

  print_counts ();

  tc = tcase_create ("counts");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_counts);
  tcase_add_test (tc, test_counts_all);
  tcase_add_test (tc, test_ccf_counts);
  tcase_add_test (tc, test_priced_types);
  tcase_add_test (tc, test_prices_per_region);
  suite_add_tcase (s, tc);

  tc = tcase_create ("instances");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_curves);
  tcase_add_test (tc, test_embodied_positive);
  tcase_add_test (tc, test_embodied_share);
  tcase_add_test (tc, test_instance_kinds);
  tcase_add_test (tc, test_accelerators);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (data_suite)
