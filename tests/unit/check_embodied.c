/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for embodied: an instance's share of its host's
   manufacturing emissions, on the shipped tables (instances.csv rows
   quoted in each test).  */
#include <config.h>

#include <math.h>

#include "unit.h"
#include "shipped.h"

#include "model/embodied.h"
#include "model/run.h"

static const struct instance *
instance (const char *name)
{
  const struct instance *in;

  ASSERT_CATALOGUE ();
  in = catalogue_find_instance (cat, name);
  ck_assert_msg (in != NULL, "no instance type %s in the data", name);
  return in;
}

/* FACTOR and BASIS of NAME under the largest-share rule, and the
   embodied kgCO2e they give.  */
static void
check_largest (const char *name, double factor, const char *basis,
               double kgco2e)
{
  const struct instance *in = instance (name);
  const char *got_basis = NULL;
  double got = embodied_share_factor (in, EMBODIED_LARGEST_SHARE, &got_basis);

  ck_assert_double_eq_tol (got, factor, 1e-9);
  ck_assert_str_eq (got_basis, basis);
  ck_assert_double_eq_tol (in->embodied_kgco2e * got, kgco2e, 1e-4);
  ck_assert_double_eq (
    embodied_share_factor (in, EMBODIED_VCPU_SHARE, &got_basis), 1.0);
  ck_assert_str_eq (got_basis, "vcpu");
}

/* g5.xlarge: 4 of its host's 192 vCPUs, 16 of 768 GiB, 1 of 8 A10G GPUs;
   host 3542.9 kgCO2e.  The vCPU share gives 3542.9 x 4 / 192 =
   73.810417 kg (the table's figure); the GPU share 3542.9 / 8 =
   442.8625 kg, six times as much.  */
START_TEST (test_g5_xlarge)
{
  check_largest ("g5.xlarge", 6.0, "gpu", 442.8625);
  ck_assert_double_eq_tol (instance ("g5.xlarge")->embodied_kgco2e, 73.810417,
                           1e-6);
}
END_TEST

/* g4dn.xlarge, a measured Teads row: 4 of 96 vCPUs, 1 of 8 T4 GPUs,
   host 3010.4 kg: the sheet gives 3010.4 x 4 / 96 = 125.433333 kg, the
   GPU share 3010.4 / 8 = 376.3 kg, 3 times as much.  */
START_TEST (test_g4dn_xlarge)
{
  check_largest ("g4dn.xlarge", 3.0, "gpu", 376.3);
}
END_TEST

/* hpc7a.12xlarge: 24 of 192 vCPUs but all 768 GiB of its host (the
   smaller hpc7a sizes switch cores off): the memory share, 1, is 8
   times the vCPU share; the whole host's 2142.9 kg.  */
START_TEST (test_hpc7a_memory)
{
  check_largest ("hpc7a.12xlarge", 8.0, "memory", 2142.9);
}
END_TEST

/* Whole hosts and CPU-only instances whose shares agree keep the
   table's figure: p4d.24xlarge (96 of 96 vCPUs, 8 of 8 GPUs) 4675.5 kg,
   m5.xlarge (4 of 96 vCPUs, 16 of 384 GiB) 67.1 kg.  */
START_TEST (test_unchanged)
{
  check_largest ("p4d.24xlarge", 1.0, "vcpu", 4675.5);
  check_largest ("m5.xlarge", 1.0, "vcpu", 67.1);
}
END_TEST

/* The run carries the rule's figure: g5.xlarge for 24 h over 4 years
   (35,040 h) has Scope 3 73.810417 x 6 x 1000 x 24 / 35040 =
   303.330481 g by the largest share and 73.810417 x 1000 x 24 / 35040
   = 50.555080 g by the vCPU share.  */
START_TEST (test_run_scope3)
{
  const struct instance *in = instance ("g5.xlarge");
  const struct region *g = catalogue_find_region (cat, "us-east-1");
  struct run_params p = { .runtime_h = 24.0,
                          .load_pct = 50.0,
                          .count = 1,
                          .lifetime_years = 4.0,
                          .pue = NAN,
                          .grid_gco2e_per_kwh = NAN,
                          .signal = RUN_SIGNAL_AVERAGE,
                          .power_w = NAN };
  struct diag d;
  struct run run;

  ck_assert_ptr_nonnull (g);
  ck_assert_int_eq (run_evaluate (in, g, NULL, &p, &run, &d), 0);
  ck_assert_double_eq_tol (run.footprint.scope3_gco2e, 303.330481, 1e-6);
  ck_assert_str_eq (run.embodied_basis, "gpu");
  p.embodied_rule = EMBODIED_VCPU_SHARE;
  ck_assert_int_eq (run_evaluate (in, g, NULL, &p, &run, &d), 0);
  ck_assert_double_eq_tol (run.footprint.scope3_gco2e, 50.555080, 1e-6);
  ck_assert_str_eq (run.embodied_basis, "vcpu");
}
END_TEST

START_TEST (test_rule_names)
{
  enum embodied_rule r;

  ck_assert_int_eq (embodied_rule_parse ("largest", &r), 0);
  ck_assert_int_eq (r, EMBODIED_LARGEST_SHARE);
  ck_assert_int_eq (embodied_rule_parse ("vcpu", &r), 0);
  ck_assert_int_eq (r, EMBODIED_VCPU_SHARE);
  ck_assert_str_eq (embodied_rule_name (r), "vcpu");
  ck_assert_int_eq (embodied_rule_parse ("gpu", &r), -1);
}
END_TEST

static Suite *
embodied_suite (void)
{
  Suite *s = suite_create ("embodied");
  TCase *tc = tcase_create ("share");

  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_g5_xlarge);
  tcase_add_test (tc, test_g4dn_xlarge);
  tcase_add_test (tc, test_hpc7a_memory);
  tcase_add_test (tc, test_unchanged);
  tcase_add_test (tc, test_run_scope3);
  tcase_add_test (tc, test_rule_names);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (embodied_suite)
