/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the units of job logs (durations, times, memory, GPU
   names), the splitter of native csv records, and the readers of each
   format on small logs written here.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/joblog.h"
#include "data/jobrec.h"
#include "base/system.h"
#include "unit.h"

#define ASSERT_HOURS(s, h)                                                    \
  do                                                                          \
    {                                                                         \
      double v_ = -1;                                                         \
      ck_assert_msg (jobrec_duration ((s), &v_) == 0, "'%s' refused", (s));   \
      ck_assert_double_eq_tol (v_, (h), 1e-12);                               \
    }                                                                         \
  while (0)

#define ASSERT_BAD_DURATION(s)                                                \
  do                                                                          \
    {                                                                         \
      double v_;                                                              \
      ck_assert_msg (jobrec_duration ((s), &v_) < 0, "'%s' taken", (s));      \
    }                                                                         \
  while (0)

START_TEST (test_durations)
{
  ASSERT_HOURS ("02:30:10", 2.0 + 30 / 60.0 + 10 / 3600.0);
  ASSERT_HOURS ("1-00:00:00", 24);
  ASSERT_HOURS ("2-03:00:00", 51);
  ASSERT_HOURS ("1-02:30", 26.5); /* D-HH:MM.  */
  ASSERT_HOURS ("45:00", 0.75);   /* MM:SS.  */
  ASSERT_HOURS ("00:01.500", 1.5 / 3600);
  ASSERT_HOURS ("5400", 1.5); /* Bare numbers are seconds.  */
  ASSERT_HOURS ("90m", 1.5);
  ASSERT_HOURS ("36h", 36);
  ASSERT_HOURS (" 1d2h ", 26);
  ASSERT_BAD_DURATION ("99:99:99");
  ASSERT_BAD_DURATION ("garbage");
  ASSERT_BAD_DURATION ("");
  ASSERT_BAD_DURATION ("-5");
  ASSERT_BAD_DURATION ("1:2:3:4");
  ASSERT_BAD_DURATION ("INVALID");
  ASSERT_BAD_DURATION ("1 2");
}
END_TEST

START_TEST (test_times)
{
  double t;

  /* 2024-03-01 is 19783 days after 1970-01-01.  */
  ck_assert_int_eq (jobrec_time ("2024-03-01T10:00:00", &t), 0);
  ck_assert_double_eq (t, 19783 * 86400.0 + 36000);
  ck_assert_int_eq (jobrec_time ("2024-03-01 10:00:00Z", &t), 0);
  ck_assert_double_eq (t, 19783 * 86400.0 + 36000);
  ck_assert_int_eq (jobrec_time ("2024-03-01T12:00:00+02:00", &t), 0);
  ck_assert_double_eq (t, 19783 * 86400.0 + 36000);
  ck_assert_int_eq (jobrec_time ("2024-03-01T05:30:00-0430", &t), 0);
  ck_assert_double_eq (t, 19783 * 86400.0 + 36000);
  ck_assert_int_eq (jobrec_time ("2024-03-01T10:00:00.250", &t), 0);
  ck_assert_double_eq (t, 19783 * 86400.0 + 36000.25);
  ck_assert_int_eq (jobrec_time ("2024-03-01", &t), 0);
  ck_assert_double_eq (t, 19783 * 86400.0);
  ck_assert_int_eq (jobrec_time ("1714000000", &t), 0);
  ck_assert_double_eq (t, 1714000000.0);
  ck_assert_int_lt (jobrec_time ("Unknown", &t), 0);
  ck_assert_int_lt (jobrec_time ("2024-13-01T00:00:00", &t), 0);
  ck_assert_int_lt (jobrec_time ("2024-03-01T25:00:00", &t), 0);
  ck_assert_int_lt (jobrec_time ("2024-03-01T10:00:00+2", &t), 0);
  ck_assert_int_lt (jobrec_time ("1.5", &t), 0);
}
END_TEST

START_TEST (test_memory)
{
  double g;

  ck_assert_int_eq (jobrec_memory ("40G", &g), 0);
  ck_assert_double_eq (g, 40);
  ck_assert_int_eq (jobrec_memory ("240000M", &g), 0);
  ck_assert_double_eq_tol (g, 240000 / 1024.0, 1e-12);
  ck_assert_int_eq (jobrec_memory ("2.50T", &g), 0);
  ck_assert_double_eq (g, 2560);
  ck_assert_int_eq (jobrec_memory ("4000Mc", &g), 0);
  ck_assert_double_eq_tol (g, 4000 / 1024.0, 1e-12);
  ck_assert_int_eq (jobrec_memory ("1024", &g), 0); /* MiB.  */
  ck_assert_double_eq (g, 1);
  ck_assert_int_lt (jobrec_memory ("lots", &g), 0);
}
END_TEST

START_TEST (test_gpu_aliases)
{
  ck_assert_str_eq (jobrec_gpu_alias ("a100"), "A100");
  ck_assert_str_eq (jobrec_gpu_alias ("A100"), "A100");
  ck_assert_str_eq (jobrec_gpu_alias ("nvidia_a100-sxm4-80gb"), "A100 80GB");
  ck_assert_str_eq (jobrec_gpu_alias ("A100 80GB"), "A100 80GB");
  ck_assert_str_eq (jobrec_gpu_alias ("1 x NVIDIA A100-SXM4-80GB"),
                    "A100 80GB");
  ck_assert_str_eq (jobrec_gpu_alias ("4 x Tesla V100-SXM2-16GB"), "V100");
  ck_assert_str_eq (jobrec_gpu_alias ("v100"), "V100");
  ck_assert_str_eq (jobrec_gpu_alias ("h100"), "H100");
  ck_assert_str_eq (jobrec_gpu_alias ("NVIDIA L40S"), "L40S");
  ck_assert_str_eq (jobrec_gpu_alias ("Radeon Pro V520"), "Radeon Pro V520");
  ck_assert_ptr_null (jobrec_gpu_alias ("a10"));
  ck_assert_ptr_null (jobrec_gpu_alias ("mi250x"));
  ck_assert_ptr_null (jobrec_gpu_alias (""));
}
END_TEST

START_TEST (test_split)
{
  char line[] = "a,\"b,c\",\"say \"\"hi\"\"\",,e";
  char bad[] = "a,b\"c";
  char *f[8];

  ck_assert_int_eq (joblog_split (line, strlen (line), ',', true, f, 8), 5);
  ck_assert_str_eq (f[0], "a");
  ck_assert_str_eq (f[1], "b,c");
  ck_assert_str_eq (f[2], "say \"hi\"");
  ck_assert_str_eq (f[3], "");
  ck_assert_str_eq (f[4], "e");
  ck_assert_int_eq (joblog_split (bad, strlen (bad), ',', true, f, 8), -1);
}
END_TEST

/* Read every record of TEXT; return how many rows they stand for, and
   the rejects in *REJECTED.  */
static size_t
read_all (const char *text, size_t *records, size_t *rejected,
          enum joblog_format *format)
{
  FILE *fp = fmemopen ((void *) text, strlen (text), "r");
  struct diag d;
  struct joblog *log = joblog_open (fp, "t", JOBLOG_AUTO, &d);
  struct joblog_record rec;
  char reason[256];
  size_t rows = 0;
  int r;

  ck_assert_ptr_nonnull (log);
  *records = *rejected = 0;
  while ((r = joblog_next (log, &rec, reason, sizeof reason, &d)) != 0)
    {
      ck_assert_int_ne (r, -2);
      rows += rec.rows;
      if (r < 0)
        *rejected += rec.rows;
      else
        (*records)++;
    }
  *format = joblog_get_format (log);
  joblog_close (log);
  fclose (fp);
  return rows;
}

START_TEST (test_formats)
{
  size_t records, rejected;
  enum joblog_format f;

  /* sacct: 1.batch and 1.extern are 1's; 2_3 is an array task.  */
  ck_assert_uint_eq (read_all ("JobID|State\n1|COMPLETED\n1.batch|COMPLETED\n"
                               "1.extern|COMPLETED\n2_3|FAILED\nx|y|z\n",
                               &records, &rejected, &f),
                     5);
  ck_assert_int_eq (f, JOBLOG_SACCT);
  ck_assert_uint_eq (records, 2);
  ck_assert_uint_eq (rejected, 1);
  /* CodeCarbon: r1's three flushes are one run.  */
  ck_assert_uint_eq (read_all ("run_id,emissions,duration\nr1,1,10\nr2,1,5\n"
                               "r1,2,20\nr1,3,30\n",
                               &records, &rejected, &f),
                     4);
  ck_assert_int_eq (f, JOBLOG_CODECARBON);
  ck_assert_uint_eq (records, 2);
  /* JSON Lines, a blank line skipped, one bad line.  */
  ck_assert_uint_eq (read_all ("{\"a\":1}\n\n{\"a\":[1]}\n{\"a\":2}\n",
                               &records, &rejected, &f),
                     3);
  ck_assert_int_eq (f, JOBLOG_JSONL);
  ck_assert_uint_eq (records, 2);
  ck_assert_uint_eq (rejected, 1);
  /* CSV with a BOM, CRLF and a quoted field over two lines.  */
  ck_assert_uint_eq (read_all ("\357\273\277a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n"
                               "4\r\n",
                               &records, &rejected, &f),
                     3);
  ck_assert_int_eq (f, JOBLOG_CSV);
  ck_assert_uint_eq (records, 2);
  ck_assert_uint_eq (rejected, 1);
}
END_TEST

static Suite *
jobrec_suite (void)
{
  Suite *s = suite_create ("jobrec");
  TCase *tc = tcase_create ("units");

  tcase_add_test (tc, test_durations);
  tcase_add_test (tc, test_times);
  tcase_add_test (tc, test_memory);
  tcase_add_test (tc, test_gpu_aliases);
  suite_add_tcase (s, tc);
  tc = tcase_create ("joblog");
  tcase_add_test (tc, test_split);
  tcase_add_test (tc, test_formats);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (jobrec_suite)
