/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for advise's candidate rules (search/advise-rules.h): the
   defaults each rule takes from the reference, and the verdict on a
   type.  The instances are built here, so every figure is in view.  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "search/advise-rules.h"
#include "unit.h"

static struct instance
type (const char *accelerator, long gpus, double memory, long burstable,
      double baseline)
{
  struct instance in;

  memset (&in, 0, sizeof in);
  in.name = "x";
  in.gpu_model = gpus > 0 ? "G" : "";
  in.accelerator = accelerator;
  in.gpus = gpus;
  in.gpu_memory_total_gib = memory;
  in.burstable = burstable;
  in.baseline_pct = baseline;
  return in;
}

static struct advise_rules_ask
ask_defaults (void)
{
  struct advise_rules_ask ask;

  memset (&ask, 0, sizeof ask);
  ask.deadline_h = NAN;
  ask.min_gpu_memory_gib = NAN;
  return ask;
}

/* An NVIDIA reference with 8 x 40 = 320 GiB measured at 24 h: NVIDIA
   only, at least 320 GiB, a deadline of 2 x 24 = 48 h.  */
START_TEST (test_gpu_reference)
{
  struct advise_rules_ask ask = ask_defaults ();
  struct instance ref = type ("nvidia", 8, 320, 0, NAN);
  struct instance small = type ("nvidia", 1, 24, 0, NAN);
  struct instance big = type ("nvidia", 8, 640, 0, NAN);
  struct instance amd = type ("amd", 8, 512, 0, NAN);
  struct instance cpu = type ("none", 0, NAN, 0, NAN);
  struct advise_rules r;

  advise_rules_resolve (&ask, &ref, 24.0, 60.0, ADVISE_GPU_FILTER_NONE, &r);
  ck_assert_double_eq (r.deadline_h, 48.0);
  ck_assert_int_eq (r.deadline_from, ADVISE_RULE_REFERENCE);
  ck_assert_str_eq (r.accelerator, "nvidia");
  ck_assert_double_eq (r.min_gpu_memory_gib, 320.0);
  ck_assert_int_eq (advise_rules_check (&r, &ref), ADVISE_RULE_KEPT);
  ck_assert_int_eq (advise_rules_check (&r, &big), ADVISE_RULE_KEPT);
  ck_assert_int_eq (advise_rules_check (&r, &small), ADVISE_RULE_GPU_MEMORY);
  ck_assert_int_eq (advise_rules_check (&r, &amd), ADVISE_RULE_ACCELERATOR);
  ck_assert_int_eq (advise_rules_check (&r, &cpu), ADVISE_RULE_ACCELERATOR);

  /* Asked: any accelerator, no floor, no deadline.  */
  ask.accelerator = "any";
  ask.min_gpu_memory_gib = 0.0;
  ask.deadline_h = INFINITY;
  advise_rules_resolve (&ask, &ref, 24.0, 60.0, ADVISE_GPU_FILTER_NONE, &r);
  ck_assert (isinf (r.deadline_h));
  ck_assert_int_eq (r.deadline_from, ADVISE_RULE_ASKED);
  ck_assert_int_eq (advise_rules_check (&r, &small), ADVISE_RULE_KEPT);
  ck_assert_int_eq (advise_rules_check (&r, &amd), ADVISE_RULE_KEPT);
  ck_assert_int_eq (advise_rules_check (&r, &cpu), ADVISE_RULE_KEPT);
}
END_TEST

/* Without a reference: no deadline; a CPU job unless the filters ask
   for GPUs (--gpus: NVIDIA; --gpu-model: the model's own).  */
START_TEST (test_no_reference)
{
  struct advise_rules_ask ask = ask_defaults ();
  struct instance gpu = type ("nvidia", 1, 16, 0, NAN);
  struct instance neuron = type ("neuron", 0, NAN, 0, NAN);
  struct advise_rules r;

  advise_rules_resolve (&ask, NULL, 10.0, 50.0, ADVISE_GPU_FILTER_NONE, &r);
  ck_assert (isinf (r.deadline_h));
  ck_assert_str_eq (r.accelerator, "none");
  ck_assert_double_eq (r.min_gpu_memory_gib, 0.0);
  ck_assert_int_eq (advise_rules_check (&r, &gpu), ADVISE_RULE_ACCELERATOR);
  ck_assert_int_eq (advise_rules_check (&r, &neuron), ADVISE_RULE_ACCELERATOR);
  advise_rules_resolve (&ask, NULL, 10.0, 50.0, ADVISE_GPU_FILTER_COUNT, &r);
  ck_assert_str_eq (r.accelerator, "nvidia");
  ck_assert_int_eq (advise_rules_check (&r, &gpu), ADVISE_RULE_KEPT);
  /* A GPU model names its ecosystem: no accelerator rule.  */
  advise_rules_resolve (&ask, NULL, 10.0, 50.0, ADVISE_GPU_FILTER_MODEL, &r);
  ck_assert_str_eq (r.accelerator, "any");
  ck_assert_int_eq (advise_rules_check (&r, &neuron), ADVISE_RULE_KEPT);
}
END_TEST

/* Burstable: kept while the load is at most the baseline; never
   without a published one; always with --allow-burstable.  */
START_TEST (test_burstable)
{
  struct advise_rules_ask ask = ask_defaults ();
  struct instance t3 = type ("none", 0, NAN, 1, 30.0);
  struct instance t1 = type ("none", 0, NAN, 1, NAN);
  struct advise_rules r;

  advise_rules_resolve (&ask, NULL, 10.0, 30.0, ADVISE_GPU_FILTER_NONE, &r);
  ck_assert_int_eq (advise_rules_check (&r, &t3), ADVISE_RULE_KEPT);
  ck_assert_int_eq (advise_rules_check (&r, &t1), ADVISE_RULE_BURSTABLE);
  advise_rules_resolve (&ask, NULL, 10.0, 30.5, ADVISE_GPU_FILTER_NONE, &r);
  ck_assert_int_eq (advise_rules_check (&r, &t3), ADVISE_RULE_BURSTABLE);
  ask.allow_burstable = true;
  advise_rules_resolve (&ask, NULL, 10.0, 90.0, ADVISE_GPU_FILTER_NONE, &r);
  ck_assert_int_eq (advise_rules_check (&r, &t3), ADVISE_RULE_KEPT);
  ck_assert_int_eq (advise_rules_check (&r, &t1), ADVISE_RULE_KEPT);
}
END_TEST

START_TEST (test_accelerator_names)
{
  ck_assert (advise_rules_accelerator_known ("any"));
  ck_assert (advise_rules_accelerator_known ("nvidia"));
  ck_assert (advise_rules_accelerator_known ("neuron"));
  ck_assert (!advise_rules_accelerator_known ("NVIDIA"));
  ck_assert (!advise_rules_accelerator_known ("cuda"));
}
END_TEST

static Suite *
advise_rules_suite (void)
{
  Suite *s = suite_create ("advise_rules");
  TCase *tc = tcase_create ("rules");

  tcase_add_test (tc, test_gpu_reference);
  tcase_add_test (tc, test_no_reference);
  tcase_add_test (tc, test_burstable);
  tcase_add_test (tc, test_accelerator_names);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (advise_rules_suite)
