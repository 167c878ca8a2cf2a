/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for advise's search on the shipped data: what it returns
   as data (ranking, funnel, names it does not know), and the sentence a
   view makes of an empty funnel.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/advise.h"
#include "view/advise-summary.h"
#include "view/advise-text.h"
#include "unit.h"
#include "shipped.h"

/* 2 h at 50 % on one instance, every candidate, no limit.  */
static struct advise_query
default_query (void)
{
  struct advise_query q;

  memset (&q, 0, sizeof q);
  q.params.runtime_h = 2.0;
  q.params.load_pct = 50.0;
  q.params.count = 1;
  q.params.lifetime_years = 4.0;
  q.params.pue = NAN;
  q.params.grid_gco2e_per_kwh = NAN;
  q.params.power_w = NAN;
  q.params.signal = RUN_SIGNAL_AVERAGE;
  q.params.method = RUN_METHOD_TEADS;
  q.params.embodied_rule = EMBODIED_LARGEST_SHARE;
  q.pricing = PRICING_ON_DEMAND;
  q.max_cost_usd = INFINITY;
  q.rules.deadline_h = NAN;
  q.rules.min_gpu_memory_gib = NAN;
  q.max_co2e_g = INFINITY;
  q.serial_fraction = NAN;
  q.carbon_price = NAN;
  return q;
}

START_TEST (test_ranks_every_priced_pair)
{
  struct advise_query q = default_query ();
  struct advise_result res;
  struct diag d;
  size_t rec, *rows;

  ck_assert_msg (cat != NULL, "%s", cat_diag.text);
  ck_assert_int_eq (advise_search (cat, &q, &res, &d), 0);
  ck_assert_uint_eq (res.funnel.kept[ADVISE_STAGE_PRICED], cat->nprices);
  ck_assert_uint_gt (res.ranking.n, 0);
  ck_assert_uint_eq (res.funnel.kept[ADVISE_STAGE_CO2E], res.ranking.n);
  ck_assert_uint_gt (res.ranking.pareto->nfront, 0);
  ck_assert_int_eq (res.unknown, ADVISE_KNOWN);
  rec = advise_recommended (&res.ranking);
  ck_assert_uint_lt (rec, res.ranking.n);
  ck_assert_uint_eq (res.ranking.carbon_pick, PARETO_NONE);

  /* The front alone, then two more by rank and cost.  */
  rows = calloc (res.ranking.n + 1, sizeof *rows);
  ck_assert_uint_eq (advise_rows (&res.ranking, &q, rows),
                     res.ranking.pareto->nfront);
  q.top = 2;
  ck_assert_uint_eq (advise_rows (&res.ranking, &q, rows),
                     res.ranking.pareto->nfront + 2);
  ck_assert_uint_eq (res.ranking.pareto->rank[rows[0]], 1);
  free (rows);
  advise_result_free (&res);
}
END_TEST

START_TEST (test_carbon_price_and_baseline)
{
  struct advise_query q = default_query ();
  struct advise_result res;
  struct diag d;

  q.carbon_price = 100.0;
  q.baseline = "m5.xlarge@us-east-1";
  ck_assert_int_eq (advise_search (cat, &q, &res, &d), 0);
  ck_assert_uint_ne (res.ranking.carbon_pick, PARETO_NONE);
  ck_assert_uint_eq (advise_recommended (&res.ranking),
                     res.ranking.carbon_pick);
  ck_assert (res.ranking.has_baseline);
  ck_assert_str_eq (res.ranking.baseline.instance->name, "m5.xlarge");
  ck_assert_str_eq (res.ranking.baseline.region->name, "us-east-1");
  advise_result_free (&res);
}
END_TEST

/* A name the catalogue lacks comes back as a value for the caller to
   report with its suggestions.  */
START_TEST (test_unknown_names)
{
  struct advise_query q = default_query ();
  struct advise_result res;
  struct diag d;

  q.reference = "m5.nosuch";
  ck_assert_int_eq (advise_search (cat, &q, &res, &d), -1);
  ck_assert_int_eq (res.unknown, ADVISE_UNKNOWN_INSTANCE);
  ck_assert_str_eq (res.unknown_name, "m5.nosuch");
  advise_result_free (&res);

  q = default_query ();
  q.baseline = "m5.xlarge@mars-1";
  ck_assert_int_eq (advise_search (cat, &q, &res, &d), -1);
  ck_assert_int_eq (res.unknown, ADVISE_UNKNOWN_REGION);
  ck_assert_str_eq (res.unknown_name, "mars-1");
  advise_result_free (&res);
}
END_TEST

/* A baseline the data cannot price is an error with its reason.  */
START_TEST (test_baseline_not_offered)
{
  struct advise_query q = default_query ();
  struct advise_result res;
  struct diag d;

  q.baseline = "m5.xlarge@europe-north1";
  ck_assert_int_eq (advise_search (cat, &q, &res, &d), -1);
  ck_assert_int_eq (res.unknown, ADVISE_KNOWN);
  ck_assert_int_eq (d.status, CA_EXIT_USAGE);
  ck_assert_str_eq (d.text, "--baseline: m5.xlarge is not offered in "
                            "europe-north1");
  advise_result_free (&res);
}
END_TEST

/* What emptied the set is the funnel's first empty stage, and the view
   names it.  */
START_TEST (test_empty_funnel)
{
  struct advise_query q = default_query ();
  struct advise_result res;
  struct diag d;
  char *text = NULL;
  size_t size = 0;
  FILE *fp;

  q.max_co2e_g = 0.0;
  ck_assert_int_eq (advise_search (cat, &q, &res, &d), 0);
  ck_assert_uint_eq (res.ranking.n, 0);
  ck_assert_uint_gt (res.funnel.kept[ADVISE_STAGE_COST], 0);
  ck_assert_uint_eq (res.funnel.kept[ADVISE_STAGE_CO2E], 0);
  fp = open_memstream (&text, &size);
  ck_assert_ptr_nonnull (fp);
  advise_explain_empty (fp, &res.funnel, &q);
  fclose (fp);
  ck_assert_msg (strstr (text, "No candidate meets the constraints: ") == text,
                 "%s", text);
  ck_assert_msg (strstr (text, "The set became empty at --max-co2e.\n")
                   != NULL,
                 "%s", text);
  free (text);
  advise_result_free (&res);
}
END_TEST

/* The search's facts about the other grid signal and the runtime
   scaling, in the words advise's summary and the report print.  */
START_TEST (test_signal_and_scaling_sentences)
{
  struct advise_signal_check c;
  struct scaling s = { SCALING_VCPU, NULL, 0.05, NULL, NULL };
  struct strbuf out;

  memset (&c, 0, sizeof c);
  strbuf_init (&out);
  c.signal = RUN_SIGNAL_MARGINAL;
  c.instance = catalogue_find_instance (cat, "m5.xlarge");
  c.region = catalogue_find_region (cat, "eu-north-1");
  c.candidates = 42;
  c.outcome = ADVISE_SIGNAL_STAYS;
  advise_signal_text (&c, &out);
  ck_assert_str_eq (out.text, "Signal: under --signal marginal the "
                              "recommendation stays m5.xlarge in eu-north-1.");
  strbuf_reset (&out);
  c.outcome = ADVISE_SIGNAL_CHANGES;
  advise_signal_text (&c, &out);
  ck_assert_str_eq (out.text,
                    "Signal: under --signal marginal the "
                    "recommendation changes to m5.xlarge in eu-north-1 (42 "
                    "candidates have that figure).");
  strbuf_reset (&out);
  c.outcome = ADVISE_SIGNAL_NO_FIGURES;
  advise_signal_text (&c, &out);
  ck_assert_str_eq (out.text,
                    "Signal: no candidate has a marginal grid "
                    "intensity; the recommendation cannot be checked "
                    "against it.");
  strbuf_reset (&out);
  c.outcome = ADVISE_SIGNAL_UNCHECKED;
  snprintf (c.why, sizeof c.why, "no memory");
  advise_signal_text (&c, &out);
  ck_assert_str_eq (out.text,
                    "Signal: not checked under --signal marginal (no "
                    "memory).");
  strbuf_reset (&out);
  advise_scaling_text (&s, &out);
  ck_assert_str_eq (out.text, "N vCPUs taken as N x one vCPU under "
                              "Amdahl's law, serial fraction 0.05");
  strbuf_release (&out);
}
END_TEST

static Suite *
advise_suite (void)
{
  Suite *s = suite_create ("advise");
  TCase *tc = tcase_create ("search");

  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_ranks_every_priced_pair);
  tcase_add_test (tc, test_carbon_price_and_baseline);
  tcase_add_test (tc, test_unknown_names);
  tcase_add_test (tc, test_baseline_not_offered);
  tcase_add_test (tc, test_empty_funnel);
  tcase_add_test (tc, test_signal_and_scaling_sentences);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (advise_suite)
