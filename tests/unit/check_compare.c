/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for comparing one job across regions: the equivalent
   instance type at another provider and the group statistics.  */
#include <config.h>

#include <math.h>

#include "search/compare.h"
#include "unit.h"
#include "shipped.h"

/* A type of another provider; only what the choice looks at.  */
static struct instance
type (const char *name, long vcpus, double memory_gib, long gpus,
      const char *gpu_model)
{
  struct instance in;

  memset (&in, 0, sizeof in);
  in.provider = "other";
  in.name = name;
  in.arch = "x86_64";
  in.vcpus = vcpus;
  in.memory_gib = memory_gib;
  in.gpus = gpus;
  in.gpu_model = gpu_model;
  return in;
}

static struct price
offer (const struct instance *in, double usd_per_h)
{
  struct price p;

  memset (&p, 0, sizeof p);
  p.instance = in;
  p.usd_per_h = usd_per_h;
  return p;
}

START_TEST (test_gpu_family)
{
  ck_assert (compare_gpu_family ("A100", "A100 80GB"));
  ck_assert (compare_gpu_family ("A100 80GB", "A100"));
  ck_assert (compare_gpu_family ("T4", "T4"));
  ck_assert (!compare_gpu_family ("A100", "H100"));
  ck_assert (!compare_gpu_family ("A10G", "A100"));
}
END_TEST

/* WANT has 8 vCPUs and 32 GiB.  Too small on either count never
   qualifies; among the rest the fewest extra vCPUs win, then the least
   extra memory, then the price, then the name.  */
START_TEST (test_equivalent_cpu)
{
  struct instance want = type ("want", 8, 32.0, 0, "");
  struct instance small_cpu = type ("a-small-cpu", 4, 64.0, 0, "");
  struct instance small_mem = type ("b-small-mem", 8, 16.0, 0, "");
  struct instance more_cpu = type ("c-more-cpu", 16, 32.0, 0, "");
  struct instance more_mem = type ("d-more-mem", 8, 64.0, 0, "");
  struct instance exact_dear = type ("e-exact-dear", 8, 32.0, 0, "");
  struct instance exact_z = type ("z-exact", 8, 32.0, 0, "");
  struct instance exact_y = type ("y-exact", 8, 32.0, 0, "");
  struct instance gpu = type ("f-gpu", 8, 32.0, 1, "T4");
  struct price offers[8];

  offers[0] = offer (&small_cpu, 0.01);
  offers[1] = offer (&small_mem, 0.01);
  offers[2] = offer (&more_cpu, 0.02);
  offers[3] = offer (&more_mem, 0.03);
  offers[4] = offer (&gpu, 0.01);
  /* Neither too small, nor a GPU: extra vCPUs 8 against 0, so
     d-more-mem (0 extra vCPU, 32 GiB extra) beats c-more-cpu.  */
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 5), &offers[3]);
  /* An exact fit beats the extra memory, even at a higher price.  */
  offers[5] = offer (&exact_dear, 0.50);
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 6), &offers[5]);
  /* Two exact fits: the cheaper; at the same price, the first name.  */
  offers[6] = offer (&exact_z, 0.40);
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 7), &offers[6]);
  offers[7] = offer (&exact_y, 0.40);
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 8), &offers[7]);
  /* Nothing large enough.  */
  ck_assert_ptr_null (compare_pick_equivalent (&want, offers, 2));
}
END_TEST

/* An equivalent of the job's architecture comes before a closer fit of
   another: an x86 job stays on x86 where the region offers it.  */
START_TEST (test_equivalent_arch)
{
  struct instance want = type ("want", 8, 32.0, 0, "");
  struct instance arm = type ("a-arm-exact", 8, 32.0, 0, "");
  struct instance x86 = type ("b-x86-bigger", 16, 64.0, 0, "");
  struct price offers[2];

  arm.arch = "arm64";
  offers[0] = offer (&arm, 0.10);
  offers[1] = offer (&x86, 0.40);
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 2), &offers[1]);
  /* Only the other architecture on offer: it stands in.  */
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 1), &offers[0]);
}
END_TEST

/* A burstable type cannot sustain a steady job: an Azure B size loses to
   a D size of the same architecture, even a dearer one.  */
START_TEST (test_equivalent_not_burstable)
{
  struct instance want = type ("m6i.2xlarge", 8, 32.0, 0, "");
  struct instance b = type ("Standard_B8as_v2", 8, 32.0, 0, "");
  struct instance d = type ("Standard_D8as_v5", 8, 32.0, 0, "");
  struct price offers[2];

  want.provider = "aws";
  b.provider = d.provider = "azure";
  offers[0] = offer (&b, 0.30);
  offers[1] = offer (&d, 0.40);
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 2), &offers[1]);
  ck_assert_ptr_null (compare_pick_equivalent (&want, offers, 0));
}
END_TEST

/* WANT has 2 x A100: only two GPUs of the A100 family qualify.  */
START_TEST (test_equivalent_gpu)
{
  struct instance want = type ("want", 24, 192.0, 2, "A100");
  struct instance cpu = type ("cpu", 32, 256.0, 0, "");
  struct instance one = type ("one-a100", 24, 192.0, 1, "A100");
  struct instance four = type ("four-a100", 48, 384.0, 4, "A100");
  struct instance h100 = type ("two-h100", 24, 192.0, 2, "H100");
  struct instance big = type ("two-a100-80", 24, 340.0, 2, "A100 80GB");
  struct instance small = type ("two-a100-small", 12, 340.0, 2, "A100");
  struct price offers[6];

  offers[0] = offer (&cpu, 1.0);
  offers[1] = offer (&one, 1.0);
  offers[2] = offer (&four, 1.0);
  offers[3] = offer (&h100, 1.0);
  offers[4] = offer (&small, 1.0);
  ck_assert_ptr_null (compare_pick_equivalent (&want, offers, 5));
  offers[5] = offer (&big, 9.0);
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 6), &offers[5]);

  /* A type without GPUs never gets a GPU type as its equivalent.  */
  want = type ("cpu-want", 24, 192.0, 0, "");
  ck_assert_ptr_eq (compare_pick_equivalent (&want, offers, 6), &offers[0]);
}
END_TEST

START_TEST (test_min_median_max)
{
  const double odd[] = { 110.0, 20.0, 70.0, 110.0, 30.0 };
  const double even[] = { 1.4, 0.8, 1.5, 1.0 };
  const double one[] = { 5.0 };
  double lo, mid, hi;

  /* Sorted 20, 30, 70, 110, 110: the middle one is 70.  */
  compare_min_median_max (odd, 5, &lo, &mid, &hi);
  ck_assert_double_eq (lo, 20.0);
  ck_assert_double_eq (mid, 70.0);
  ck_assert_double_eq (hi, 110.0);
  /* The input is not reordered.  */
  ck_assert_double_eq (odd[0], 110.0);
  /* Sorted 0.8, 1.0, 1.4, 1.5: the mean of 1.0 and 1.4.  */
  compare_min_median_max (even, 4, &lo, &mid, &hi);
  ck_assert_double_eq (lo, 0.8);
  ck_assert_double_eq_tol (mid, 1.2, 1e-12);
  ck_assert_double_eq (hi, 1.5);
  compare_min_median_max (one, 1, &lo, &mid, &hi);
  ck_assert_double_eq (lo, 5.0);
  ck_assert_double_eq (mid, 5.0);
  ck_assert_double_eq (hi, 5.0);
  compare_min_median_max (one, 0, &lo, &mid, &hi);
  ck_assert (isnan (lo) && isnan (mid) && isnan (hi));
}
END_TEST

/* Group statistics over a comparison's rows, by the regions' groups.  */
START_TEST (test_group_stats)
{
  struct region north, west, east;
  struct compare_row rows[3];
  struct compare c;
  struct compare_stats s;

  memset (&north, 0, sizeof north);
  memset (&west, 0, sizeof west);
  memset (&east, 0, sizeof east);
  memset (rows, 0, sizeof rows);
  memset (&c, 0, sizeof c);
  north.groups = "europe;nordics";
  west.groups = "europe";
  east.groups = "americas";
  rows[0].run.region = &north;
  rows[0].run.footprint.total_gco2e = 20.0;
  rows[0].run.footprint.cost_usd = 1.4;
  rows[1].run.region = &west;
  rows[1].run.footprint.total_gco2e = 70.0;
  rows[1].run.footprint.cost_usd = 1.0;
  rows[2].run.region = &east;
  rows[2].run.footprint.total_gco2e = 110.0;
  rows[2].run.footprint.cost_usd = 0.8;
  c.rows = rows;
  c.nrows = 3;
  c.baseline = COMPARE_NONE;

  /* europe: 20 and 70 (median 45); costs 1.0 and 1.4 (median 1.2).  */
  compare_group_stats (&c, "europe", &s);
  ck_assert_uint_eq (s.n, 2);
  ck_assert_double_eq (s.total_min, 20.0);
  ck_assert_double_eq (s.total_median, 45.0);
  ck_assert_double_eq (s.total_max, 70.0);
  ck_assert_double_eq (s.cost_min, 1.0);
  ck_assert_double_eq_tol (s.cost_median, 1.2, 1e-12);
  ck_assert_double_eq (s.cost_max, 1.4);
  /* Every row: 20, 70, 110 and 0.8, 1.0, 1.4.  */
  compare_group_stats (&c, NULL, &s);
  ck_assert_uint_eq (s.n, 3);
  ck_assert_double_eq (s.total_median, 70.0);
  ck_assert_double_eq (s.cost_median, 1.0);
  /* A group with no row: all NaN.  */
  compare_group_stats (&c, "apac", &s);
  ck_assert_uint_eq (s.n, 0);
  ck_assert (isnan (s.total_min) && isnan (s.cost_max));
}
END_TEST

/* m5.xlarge (or its equivalent) for 2 h at 50 % in every region of
   the shipped data, into a new comparison over *REGIONS (freed by the
   caller) with PARAMS.  */
static struct compare *
compare_everywhere (struct run_params *params, const struct region ***regions)
{
  const struct instance *m5 = catalogue_find_instance (cat, "m5.xlarge");
  struct compare *c;
  struct diag d;
  size_t i;

  ck_assert_msg (cat != NULL, "%s", cat_diag.text);
  memset (params, 0, sizeof *params);
  params->runtime_h = 2.0;
  params->load_pct = 50.0;
  params->count = 1;
  params->lifetime_years = 4.0;
  params->pue = NAN;
  params->grid_gco2e_per_kwh = NAN;
  params->power_w = NAN;
  params->signal = RUN_SIGNAL_AVERAGE;
  *regions = calloc (cat->nregions + 1, sizeof **regions);
  for (i = 0; i < cat->nregions; i++)
    (*regions)[i] = &cat->regions[i];
  c = compare_new (cat, m5, *regions, cat->nregions, params, &d);
  ck_assert_msg (c != NULL, "%s", d.text);
  ck_assert_uint_gt (c->nrows, 0);
  return c;
}

/* The robustness figures: the winner under each grid source (counted
   in HOLDS when it stays) and under the marginal signal.  */
START_TEST (test_robustness)
{
  struct run_params params;
  const struct region **regions;
  struct compare *c = compare_everywhere (&params, &regions);
  struct compare_robustness r;
  struct diag d;
  size_t i, holds = 0;

  ck_assert_int_eq (
    compare_robustness (cat, c, &params, regions, cat->nregions, &r, &d), 0);
  ck_assert (r.checked && r.sources_checked && r.alt_done);
  ck_assert_ptr_eq (r.winner, c->rows[0].run.region);
  ck_assert_uint_gt (r.nsources, 0);
  for (i = 0; i < r.nsources; i++)
    {
      ck_assert_ptr_nonnull (r.source_winners[i]);
      holds += r.source_winners[i] == r.winner;
      ck_assert (i == 0 || strcmp (r.sources[i - 1], r.sources[i]) < 0);
    }
  ck_assert_uint_eq (r.holds, holds);
  ck_assert_int_eq (r.alt_signal, RUN_SIGNAL_MARGINAL);
  ck_assert_uint_le (r.alt_nrows, r.alt_of);
  ck_assert (r.alt_nrows == 0 || r.alt_winner != NULL);
  compare_robustness_free (&r);

  /* CCF's method has one grid factor per region: nothing to check.  */
  params.method = RUN_METHOD_CCF;
  ck_assert_int_eq (
    compare_robustness (cat, c, &params, regions, cat->nregions, &r, &d), 0);
  ck_assert (!r.checked);
  ck_assert_ptr_eq (r.winner, c->rows[0].run.region);
  compare_robustness_free (&r);
  compare_free (c);
  free (regions);
}
END_TEST

static Suite *
compare_suite (void)
{
  Suite *s = suite_create ("compare");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_gpu_family);
  tcase_add_test (tc, test_equivalent_cpu);
  tcase_add_test (tc, test_equivalent_arch);
  tcase_add_test (tc, test_equivalent_not_burstable);
  tcase_add_test (tc, test_equivalent_gpu);
  tcase_add_test (tc, test_min_median_max);
  tcase_add_test (tc, test_group_stats);
  suite_add_tcase (s, tc);

  tc = tcase_create ("robustness");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_robustness);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (compare_suite)
