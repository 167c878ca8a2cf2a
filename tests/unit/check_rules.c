/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the plain rules the command line once held: which
   options a run's method cannot honour, and the Monte Carlo spec that a
   request of plain values comes to.  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "model/run-rules.h"
#include "search/uncertainty-request.h"
#include "unit.h"

static struct run_params
params (enum run_signal signal, const char *grid_source)
{
  struct run_params p;

  memset (&p, 0, sizeof p);
  p.signal = signal;
  p.grid_source = grid_source;
  return p;
}

START_TEST (test_conflict_none)
{
  struct run_params p = params (RUN_SIGNAL_AVERAGE, NULL);

  ck_assert_int_eq (run_params_conflict (&p, false), RUN_CONFLICT_NONE);
  ck_assert_int_eq (run_params_conflict (&p, true), RUN_CONFLICT_NONE);
  p = params (RUN_SIGNAL_MARGINAL, NULL);
  ck_assert_int_eq (run_params_conflict (&p, false), RUN_CONFLICT_NONE);
  p = params (RUN_SIGNAL_AVERAGE, "google-region-carbon");
  ck_assert_int_eq (run_params_conflict (&p, false), RUN_CONFLICT_NONE);
}
END_TEST

START_TEST (test_conflict_order)
{
  struct run_params p = params (RUN_SIGNAL_MARKET, "src");

  /* The signal is named first, as the command line always did.  */
  ck_assert_int_eq (run_params_conflict (&p, true), RUN_CONFLICT_CCF_SIGNAL);
  ck_assert_int_eq (run_params_conflict (&p, false),
                    RUN_CONFLICT_GRID_SOURCE_SIGNAL);
  p = params (RUN_SIGNAL_AVERAGE, "src");
  ck_assert_int_eq (run_params_conflict (&p, true),
                    RUN_CONFLICT_CCF_GRID_SOURCE);
}
END_TEST

/* A request for a job at 50 % for 10 h over 4 years, nothing spread.  */
static struct uncertainty_request
request (void)
{
  struct uncertainty_request r;

  memset (&r, 0, sizeof r);
  r.samples = 200;
  r.seed = 7;
  r.prune = true;
  r.load_pct = 50.0;
  r.load.low = r.load.mode = r.load.high = NAN;
  r.runtime_h = 10.0;
  r.runtime.low = r.runtime.mode = r.runtime.high = NAN;
  r.runtime_spread_pct = NAN;
  r.lifetime_years = 4.0;
  r.lifetime_given = true;
  return r;
}

static void
spec_of (const struct uncertainty_request *r, struct uncertainty_spec *spec)
{
  struct catalogue cat;
  struct uncertainty_keys keys;

  memset (&cat, 0, sizeof cat);
  memset (&keys, 0, sizeof keys);
  cat.nregions = 3;
  cat.ninstances = 5;
  keys.npower_keys = 2;
  keys.nhosts = 4;
  uncertainty_request_spec (r, &cat, &keys, spec);
}

START_TEST (test_request_exact)
{
  struct uncertainty_request r = request ();
  struct uncertainty_spec spec;

  spec_of (&r, &spec);
  ck_assert_uint_eq (spec.samples, 200);
  ck_assert_uint_eq (spec.seed, 7);
  ck_assert (spec.prune);
  ck_assert_double_eq (spec.load_pct.low, 50.0);
  ck_assert_double_eq (spec.load_pct.high, 50.0);
  ck_assert_double_eq (spec.runtime_h.low, 10.0);
  ck_assert_double_eq (spec.runtime_h.high, 10.0);
  ck_assert_double_eq (spec.runtime_point_h, 10.0);
  ck_assert_double_eq (spec.lifetime_low_years, 4.0);
  ck_assert_double_eq (spec.lifetime_high_years, 4.0);
  ck_assert_uint_eq (spec.nregions, 3);
  ck_assert_uint_eq (spec.ncurves, 5);
  ck_assert_uint_eq (spec.npower_keys, 2);
  ck_assert_uint_eq (spec.nhosts, 4);
}
END_TEST

START_TEST (test_request_ranges)
{
  struct uncertainty_request r = request ();
  struct uncertainty_spec spec;

  r.load.low = 40.0;
  r.load.high = 70.0;
  r.load.triangular = true;
  r.runtime.low = 8.0;
  r.runtime.high = 12.0;
  r.runtime_spread_pct = 20.0; /* Wins over the runtime range.  */
  r.lifetime_given = false;
  r.prune = false;
  spec_of (&r, &spec);
  ck_assert_double_eq (spec.load_pct.low, 40.0);
  ck_assert_double_eq (spec.load_pct.mode, 50.0);
  ck_assert_double_eq (spec.load_pct.high, 70.0);
  ck_assert (spec.load_pct.triangular);
  ck_assert_double_eq_tol (spec.runtime_h.low, 8.0, 1e-12);
  ck_assert_double_eq_tol (spec.runtime_h.high, 12.0, 1e-12);
  ck_assert_double_eq (spec.lifetime_low_years,
                       UNCERTAINTY_LIFETIME_LOW_YEARS);
  ck_assert_double_eq (spec.lifetime_high_years,
                       UNCERTAINTY_LIFETIME_HIGH_YEARS);
  ck_assert (!spec.prune);
  r.runtime_spread_pct = NAN;
  r.runtime.low = 6.0;
  spec_of (&r, &spec);
  ck_assert_double_eq (spec.runtime_h.low, 6.0);
  ck_assert_double_eq (spec.runtime_h.mode, 10.0);
  ck_assert_double_eq (spec.runtime_h.high, 12.0);
}
END_TEST

static Suite *
rules_suite (void)
{
  Suite *s = suite_create ("rules");
  TCase *tc;

  tc = tcase_create ("run");
  tcase_add_test (tc, test_conflict_none);
  tcase_add_test (tc, test_conflict_order);
  suite_add_tcase (s, tc);

  tc = tcase_create ("uncertainty_request");
  tcase_add_test (tc, test_request_exact);
  tcase_add_test (tc, test_request_ranges);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (rules_suite)
