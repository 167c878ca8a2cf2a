/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for a run's columns and rows in the output tables.  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/output.h"
#include "view/run-view.h"
#include "base/system.h"
#include "unit.h"
#include "shipped.h"
#include "m5-north.h"

/* The csv that out_write makes of RUN.  The caller frees it.  */
static char *
render_csv (const struct run *run)
{
  struct out_table *t = out_table_new (run_columns, run_ncolumns);
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);

  ck_assert_ptr_nonnull (fp);
  out_table_add_row (t);
  run_fill_row (t, run);
  ck_assert_int_eq (out_write (fp, OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t), 0);
  ck_assert_int_eq (fclose (fp), 0);
  out_table_free (t);
  return buf;
}

/* The header row of the csv format.  */
static const char csv_header[]
  = "provider,region,instance_type,count,runtime_h,load_pct,power_w,pue,"
    "grid_gco2e_per_kwh,energy_kwh,scope2_gco2e,scope3_gco2e,total_gco2e,"
    "price_usd_per_h,cost_usd,location,lifetime_h,"
    "embodied_kgco2e,"
    "power_origin,power_source,embodied_source,embodied_share,pue_source,"
    "pue_year,"
    "grid_source,grid_year,grid_level,grid_signal,method,price_date,"
    "price_source,data_rows,gpu_load_pct\n";

/* The data_rows of m5.xlarge in eu-north-1, with its price when
   PRICED.  */
static const char *
m5_rows (bool priced)
{
  static char buf[128];

  if (priced)
    snprintf (buf, sizeof buf,
              "instances.csv:%zu regions.csv:%zu "
              "prices.csv:%zu",
              m5->line, north->line, m5_north->line);
  else
    snprintf (buf, sizeof buf, "instances.csv:%zu regions.csv:%zu", m5->line,
              north->line);
  return buf;
}

/* run_fill_row.  */

START_TEST (test_columns)
{
  ck_assert_uint_eq (run_ncolumns, 33);
  /* Last, so no column before it moves.  */
  ck_assert_str_eq (run_columns[run_ncolumns - 1].key, "gpu_load_pct");
  ck_assert_str_eq (run_columns[0].key, "provider");
  ck_assert_str_eq (run_columns[14].key, "cost_usd");
  ck_assert_str_eq (run_columns[run_ncolumns - 2].key, "data_rows");
}
END_TEST

START_TEST (test_fill_row_csv)
{
  struct run_params params = default_params ();
  struct run run = evaluate_ok (&params, m5_north);
  char *csv = render_csv (&run);
  char expected[2048];

  /* Numbers with up to 12 significant digits: scope3 68.938356164384 ->
     68.9383561644, total 22.8034224 + 68.938356164384 = 91.741778564384
     -> 91.7417785644.  */
  snprintf (expected, sizeof expected, "%s%s%s,\n", csv_header,
            "aws,eu-north-1,m5.xlarge,1,36,50,28.2,1.1,20.42,1.11672,"
            "22.8034224,68.9383561644,91.7417785644,0.204,7.344,"
            "Europe (Stockholm),35040,67.1,measured,teads-2022,"
            "teads-2022,vcpu,gsf-rtc/aws,2024,electricitymaps-2024,2024,"
            "zone,"
            "average,teads,2025-04-04,ec2shop-2025-04,",
            m5_rows (true));
  ck_assert_str_eq (csv, expected);
  free (csv);
}
END_TEST

START_TEST (test_fill_row_user)
{
  struct run_params params = default_params ();
  struct run run;
  char *csv;
  char expected[2048];

  params.pue = 1.2;
  params.grid_gco2e_per_kwh = 100.0;
  run = evaluate_ok (&params, m5_north);
  csv = render_csv (&run);
  /* energy 1.21824 kWh; scope2 121.824 g; total 121.824 + 68.938356164384
     = 190.762356164384 -> 190.762356164.  The years of user figures are
     unknown (empty), and so is the grid level.  */
  snprintf (expected, sizeof expected, "%s%s%s,\n", csv_header,
            "aws,eu-north-1,m5.xlarge,1,36,50,28.2,1.2,100,1.21824,"
            "121.824,68.9383561644,190.762356164,0.204,7.344,"
            "Europe (Stockholm),35040,67.1,measured,teads-2022,"
            "teads-2022,vcpu,user,,user,,,,teads,2025-04-04,"
            "ec2shop-2025-04,",
            m5_rows (true));
  ck_assert_str_eq (csv, expected);
  free (csv);
}
END_TEST

START_TEST (test_fill_row_no_price)
{
  struct run_params params = default_params ();
  struct run run = evaluate_ok (&params, NULL);
  char *csv = render_csv (&run);
  const char *row = csv + strlen (csv_header);
  char expected_start[1024];

  snprintf (expected_start, sizeof expected_start, "%s%s,\n",
            "aws,eu-north-1,m5.xlarge,1,36,50,28.2,1.1,20.42,1.11672,"
            "22.8034224,68.9383561644,91.7417785644,,,Europe (Stockholm),"
            "35040,67.1,measured,teads-2022,teads-2022,vcpu,gsf-rtc/aws,"
            "2024,electricitymaps-2024,2024,zone,average,teads,,,",
            m5_rows (false));

  /* Price, cost, price date and price source are empty.  */
  ck_assert_int_eq (strncmp (csv, csv_header, strlen (csv_header)), 0);
  ck_assert_msg (strncmp (row, expected_start, strlen (expected_start)) == 0,
                 "row is '%s'", row);
  free (csv);
}

/* The method in words follows the run's method and power curve: a
   modelled curve is said to be modelled, CCF names its coefficients
   whatever the curve.  */
START_TEST (test_method_text)
{
  struct run run;

  memset (&run, 0, sizeof run);
  run.method = RUN_METHOD_TEADS;
  run.power_origin = "measured";
  ck_assert_str_eq (run_method_text (&run), "Teads' measured power curves");
  run.power_origin = "modelled";
  ck_assert_str_eq (run_method_text (&run),
                    "Teads' method with a modelled power curve");
  run.method = RUN_METHOD_CCF;
  run.power_origin = "ccf";
  ck_assert_str_eq (run_method_text (&run),
                    "Cloud Carbon Footprint's coefficients");
}
END_TEST

static Suite *
run_view_suite (void)
{
  Suite *s = suite_create ("run_view");
  TCase *tc;

  tc = tcase_create ("fill_row");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_checked_fixture (tc, find_m5_north, NULL);
  tcase_add_test (tc, test_columns);
  tcase_add_test (tc, test_fill_row_csv);
  tcase_add_test (tc, test_fill_row_user);
  tcase_add_test (tc, test_fill_row_no_price);
  tcase_add_test (tc, test_method_text);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (run_view_suite)
