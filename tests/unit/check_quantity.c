/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for masses of CO2e written for people.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/strbuf.h"
#include "view/output.h"
#include "view/quantity.h"
#include "unit.h"
#include "output-fixture.h"

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

/* Assert that quantity_fixed writes VALUE with DECIMALS as EXPECTED.  */
static void
check_fixed (double value, int decimals, const char *expected)
{
  struct strbuf b;
  strbuf_init (&b);
  quantity_fixed (&b, value, decimals);
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

START_TEST (test_unit_written)
{
  /* 999.96 g is "1000" with three significant digits in g, so it is
     written in kg; 999.4 g stays "999 g".  */
  ck_assert_str_eq (mass_unit_written (999.96).symbol, "kg");
  ck_assert_str_eq (mass_unit_written (999.4).symbol, "g");
  ck_assert_str_eq (mass_unit_written (999960.0).symbol, "t");
  ck_assert_str_eq (mass_unit_written (0.0).symbol, "g");
}
END_TEST

START_TEST (test_decimals)
{
  /* The digits after the point in quantity_sig3's text above.  */
  ck_assert_int_eq (quantity_sig3_decimals (1.0776), 2);
  ck_assert_int_eq (quantity_sig3_decimals (12.345), 1);
  ck_assert_int_eq (quantity_sig3_decimals (228.4872), 0);
  ck_assert_int_eq (quantity_sig3_decimals (9.996), 1);
  ck_assert_int_eq (quantity_sig3_decimals (0.012345), 4);
  ck_assert_int_eq (quantity_sig3_decimals (0.0), 0);
  check_fixed (12345.64, 1, "12,345.6");
  check_fixed (-0.004, 2, "0.00");
  check_fixed (-1234.0, 0, "-1,234");
}
END_TEST

/* Assert the sentence quantity_saving writes.  */
static void
check_saving (double bg, double ag, double busd, double ausd,
              const char *expected)
{
  struct strbuf b;
  strbuf_init (&b);
  quantity_saving (&b, bg, ag, busd, ausd);
  ck_assert_str_eq (b.text, expected);
  strbuf_release (&b);
}

START_TEST (test_saving)
{
  /* 3,900 g -> 250 g saves 3,650 g = 3.65 kg, 3650 / 3900 = 93.6 % ->
     "94 %"; 40.00 -> 14.48 USD saves 25.52 USD.  */
  check_saving (3900.0, 250.0, 40.0, 14.48,
                "saves 3.65 kgCO2e (94 %) and 25.52 USD");
  /* 140 -> 60 g saves 80 g (57.1 % -> "57 %"); 2.00 -> 3.10 USD costs
     1.10 more.  */
  check_saving (140.0, 60.0, 2.0, 3.1,
                "saves 80.0 gCO2e (57 %) but costs 1.10 USD more");
  /* 100 -> 105 g adds 5 g, 5 % (one decimal below 10 %).  */
  check_saving (100.0, 105.0, 2.0, 1.0,
                "adds 5.00 gCO2e (5.0 %) and saves 1.00 USD");
  check_saving (100.0, 105.0, 1000.0, 2234.5,
                "adds 5.00 gCO2e (5.0 %) and costs 1,234.50 USD more");
  /* No share of nothing.  */
  check_saving (0.0, 0.0, 1.0, 1.0, "saves 0 gCO2e and 0.00 USD");
}
END_TEST

START_TEST (test_price)
{
  struct strbuf b;
  strbuf_init (&b);
  quantity_price (&b, 320000.0);
  strbuf_append (&b, " ");
  quantity_price (&b, 8626.89);
  strbuf_append (&b, " ");
  quantity_price (&b, 12.5);
  strbuf_append (&b, " ");
  quantity_price (&b, 50.0);
  ck_assert_str_eq (b.text, "320,000 8,627 12.50 50");
  strbuf_release (&b);
}
END_TEST

/* A column of carbon figures for people takes the unit and decimals of
   its largest: 12,345 g is 12.3 kg (one decimal), so 1,077.6 g is
   1.0776 kg -> "1.1" and 999.96 g -> "1.0"; csv keeps grams.  The
   vertical layout gives each figure its own unit.  */
static const struct out_column carbon_columns[] = {
  { "job", "Job", NULL, OUT_TEXT, 0, 0 },
  { "total_gco2e", "Total", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "embodied_kgco2e", "Embodied", "kgCO2e", OUT_NUMBER, 2, OUT_COL_CARBON },
};

/* Grouping by hand: a whole part of four digits is grouped unless five
   are asked for; the sign and the fraction pass through.  */
START_TEST (test_grouped)
{
  static const struct
  {
    const char *text;
    size_t min_digits;
    const char *want;
  } cases[] = { { "1234", 0, "1,234" },    { "1234", 5, "1234" },
                { "12345", 5, "12,345" },  { "-1234567.5", 0, "-1,234,567.5" },
                { "999.96", 0, "999.96" }, { "0", 0, "0" } };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      struct strbuf b;
      strbuf_init (&b);
      quantity_grouped (&b, cases[i].text, cases[i].min_digits);
      ck_assert_str_eq (b.text, cases[i].want);
      strbuf_release (&b);
    }
}
END_TEST

/* A column's unit and decimals from its smallest and largest figures,
   worked out by hand: 130 g is written in g with no decimal; 30.2 kg in
   kg with one; 5 g with 5 t would need 5,000,000 g, seven digits, so
   kg, and 0.005 kg is below one: two decimals; a column of zeros and
   1,077.6 g takes the largest's unit, kg with two decimals.  */
START_TEST (test_column_span)
{
  struct mass_column col = mass_column_span (130.0, 2898.0);
  ck_assert_str_eq (col.unit.symbol, "g");
  ck_assert_int_eq (col.decimals, 0);
  col = mass_column_span (30200.0, 228487.2);
  ck_assert_str_eq (col.unit.symbol, "kg");
  ck_assert_int_eq (col.decimals, 1);
  col = mass_column_span (5.0, 5e6);
  ck_assert_str_eq (col.unit.symbol, "kg");
  ck_assert_int_eq (col.decimals, 2);
  col = mass_column_span (0.0, 1077.6);
  ck_assert_str_eq (col.unit.symbol, "kg");
  ck_assert_int_eq (col.decimals, 2);
}
END_TEST

START_TEST (test_carbon_column)
{
  struct out_table *t = out_table_new (carbon_columns, 3);
  static const double grams[] = { 1077.6, 12340.0, 999.96 };
  /* The column's unit is its smallest figure's, with that figure's
     three significant digits.  Total: 999.96 g rounds into kg, so kg,
     and 1.00 has two decimals: 1.08, 12.34, 1.00.  Embodied in kg:
     35.04 kg and 2,500 kg (missing aside): kg, 35.0 has one decimal:
     35.0, 2,500.0.  */
  static const double kg[] = { 35.04, 2500.0, NAN };
  static const char *const jobs[] = { "a", "b", "c" };
  for (size_t i = 0; i < 3; i++)
    {
      out_table_add_row (t);
      out_table_set_text (t, 0, jobs[i]);
      out_table_set_number (t, 1, grams[i]);
      out_table_set_number (t, 2, kg[i]);
    }
  char *text = render (OUT_FORMAT_TABLE, OUT_LAYOUT_WIDE, t);
  ck_assert_str_eq (text, "Job     Total  Embodied\n"
                          "     (kgCO2e)  (kgCO2e)\n"
                          "a        1.08      35.0\n"
                          "b       12.34   2,500.0\n"
                          "c        1.00         -\n");
  free (text);
  text = render (OUT_FORMAT_MARKDOWN, OUT_LAYOUT_WIDE, t);
  ck_assert_str_eq (text, "| Job | Total (kgCO2e) | Embodied (kgCO2e) |\n"
                          "| --- | -------------: | ----------------: |\n"
                          "| a   |           1.08 |              35.0 |\n"
                          "| b   |          12.34 |           2,500.0 |\n"
                          "| c   |           1.00 |                 - |\n");
  free (text);
  text = render (OUT_FORMAT_TABLE, OUT_LAYOUT_VERTICAL, t);
  /* Own units: 1.0776 kg -> "1.08 kg", 35.04 kg -> "35.0 kg"; 12.345 kg
     -> "12.3 kg", 2.5 t -> "2.50 t"; 999.96 g rounds into kg.  */
  ck_assert_str_eq (text, "Job       a\n"
                          "Total     1.08 kgCO2e\n"
                          "Embodied  35.0 kgCO2e\n"
                          "\n"
                          "Job       b\n"
                          "Total     12.3 kgCO2e\n"
                          "Embodied  2.50 tCO2e\n"
                          "\n"
                          "Job       c\n"
                          "Total     1.00 kgCO2e\n"
                          "Embodied  -\n");
  free (text);
  text = render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t);
  ck_assert_str_eq (text, "job,total_gco2e,embodied_kgco2e\n"
                          "a,1077.6,35.04\n"
                          "b,12340,2500\n"
                          "c,999.96,\n");
  free (text);
  out_table_free (t);
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
  tcase_add_test (tc, test_unit_written);
  tcase_add_test (tc, test_decimals);
  tcase_add_test (tc, test_grouped);
  tcase_add_test (tc, test_column_span);
  tcase_add_test (tc, test_carbon_column);
  tcase_add_test (tc, test_saving);
  tcase_add_test (tc, test_price);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (quantity_suite)
