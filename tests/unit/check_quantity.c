/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for masses of CO2e written for people.  */
#include <config.h>

#include <stdlib.h>

#include "base/strbuf.h"
#include "view/quantity.h"
#include "unit.h"

/* Assert that writing GRAMS with FN gives EXPECTED.  */
static void
check_written (void (*fn) (struct strbuf *, double), double grams,
               const char *expected)
{
  struct strbuf b;
  strbuf_init (&b);
  fn (&b, grams);
  ck_assert_str_eq (b.text, expected);
  strbuf_release (&b);
}

START_TEST (test_sig3)
{
  check_written (quantity_sig3, 0.0, "0");
  check_written (quantity_sig3, 0.012345, "0.0123");
  check_written (quantity_sig3, 1.0776, "1.08");
  check_written (quantity_sig3, 12.345, "12.3");
  check_written (quantity_sig3, 228.4872, "228");
  /* 99.96 rounds to 100: three digits, no decimals.  */
  check_written (quantity_sig3, 99.96, "100");
  /* 9.996 rounds to 10.0.  */
  check_written (quantity_sig3, 9.996, "10.0");
  check_written (quantity_sig3, 12345.0, "12,300");
  check_written (quantity_sig3, 1234567.0, "1,230,000");
  check_written (quantity_sig3, -3653.2, "-3,650");
  check_written (quantity_sig3, -0.0001, "-0.000100");
}
END_TEST

START_TEST (test_carbon)
{
  /* The README's figures: 780.6 g, 1077.6 g, 228487.2 g, 3.9 t.  */
  check_written (quantity_carbon, 780.6, "781 gCO2e");
  check_written (quantity_carbon, 1077.6, "1.08 kgCO2e");
  check_written (quantity_carbon, 228487.2, "228 kgCO2e");
  check_written (quantity_carbon, 3907100.0, "3.91 tCO2e");
  check_written (quantity_carbon, 0.0, "0 gCO2e");
  /* 999.96 g would read "1000 g": it is 1.00 kg.  */
  check_written (quantity_carbon, 999.96, "1.00 kgCO2e");
  check_written (quantity_carbon, 999.4, "999 gCO2e");
  check_written (quantity_carbon, 12345678.0, "12.3 tCO2e");
  check_written (quantity_carbon, 4.5e9, "4,500 tCO2e");
  check_written (quantity_carbon, -3653.2, "-3.65 kgCO2e");
  check_written (quantity_mass, 1077.6, "1.08 kg");
}
END_TEST

START_TEST (test_unit_for)
{
  ck_assert_str_eq (mass_unit_for (999.0).symbol, "g");
  ck_assert_str_eq (mass_unit_for (1000.0).symbol, "kg");
  ck_assert_str_eq (mass_unit_for (-2500.0).symbol, "kg");
  ck_assert_double_eq_tol (mass_unit_for (2e6).grams, 1e6, 1e-9);
}
END_TEST

static Suite *
quantity_suite (void)
{
  Suite *s = suite_create ("quantity");
  TCase *tc = tcase_create ("mass");
  tcase_add_test (tc, test_sig3);
  tcase_add_test (tc, test_carbon);
  tcase_add_test (tc, test_unit_for);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (quantity_suite)
