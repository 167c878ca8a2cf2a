/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for out_stream: tables written as their rows come.  */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/output.h"
#include "base/system.h"
#include "unit.h"

static const struct out_column columns[] = {
  { "name", "Name", NULL, OUT_TEXT, 0, 0 },
  { "n", "N", NULL, OUT_INTEGER, 0, 0 },
  { "grams", "Mass", "g", OUT_NUMBER, 1, 0 },
};

/* Add row I of three to T: ("a", 1, 0.5), ("b,c", 22, missing),
   (missing, missing, 1234.25).  */
static void
add_row (struct out_table *t, size_t i)
{
  static const char *const names[] = { "a", "b,c", NULL };
  static const double n[] = { 1, 22, NAN };
  static const double grams[] = { 0.5, NAN, 1234.25 };

  out_table_add_row (t);
  out_table_set_text (t, 0, names[i]);
  out_table_set_number (t, 1, n[i]);
  out_table_set_number (t, 2, grams[i]);
}

/* What the stream writes in FORMAT of the first NROWS of the three rows,
   handed over BATCH rows at a time (0: all at the close).  The caller
   frees it.  */
static char *
stream_text (enum out_format format, size_t nrows, size_t batch)
{
  char *buf = NULL;
  size_t size = 0, i;
  FILE *fp = open_memstream (&buf, &size);
  struct out_stream *s;

  ck_assert_ptr_nonnull (fp);
  s = out_stream_open (fp, format, OUT_LAYOUT_WIDE, columns,
                       ARRAY_SIZE (columns));
  for (i = 0; i < nrows; i++)
    {
      add_row (out_stream_table (s), i);
      if (batch > 0 && (i + 1) % batch == 0)
        out_stream_rows (s);
    }
  ck_assert_int_eq (out_stream_close (s), 0);
  ck_assert_int_eq (fclose (fp), 0);
  return buf;
}

/* Check every way of handing over the first NROWS rows in FORMAT gives
   EXPECTED.  */
static void
check_stream (enum out_format format, size_t nrows, const char *expected)
{
  size_t batch;

  for (batch = 0; batch <= 3; batch++)
    {
      char *text = stream_text (format, nrows, batch);

      ck_assert_msg (STREQ (text, expected), "batch %zu: got\n%s", batch,
                     text);
      free (text);
    }
}

START_TEST (test_csv)
{
  check_stream (OUT_FORMAT_CSV, 3,
                "name,n,grams\n"
                "a,1,0.5\n"
                "\"b,c\",22,\n"
                ",,1234.25\n");
}
END_TEST

START_TEST (test_csv_empty)
{
  check_stream (OUT_FORMAT_CSV, 0, "name,n,grams\n");
}
END_TEST

START_TEST (test_json)
{
  check_stream (OUT_FORMAT_JSON, 3,
                "[\n"
                "  {\n"
                "    \"name\": \"a\",\n"
                "    \"n\": 1,\n"
                "    \"grams\": 0.5\n"
                "  },\n"
                "  {\n"
                "    \"name\": \"b,c\",\n"
                "    \"n\": 22,\n"
                "    \"grams\": null\n"
                "  },\n"
                "  {\n"
                "    \"name\": null,\n"
                "    \"n\": null,\n"
                "    \"grams\": 1234.25\n"
                "  }\n"
                "]\n");
}
END_TEST

START_TEST (test_json_one)
{
  check_stream (OUT_FORMAT_JSON, 1,
                "[\n"
                "  {\n"
                "    \"name\": \"a\",\n"
                "    \"n\": 1,\n"
                "    \"grams\": 0.5\n"
                "  }\n"
                "]\n");
}
END_TEST

START_TEST (test_json_empty) { check_stream (OUT_FORMAT_JSON, 0, "[]\n"); }
END_TEST

/* Markdown and the table format size their columns on every row: the
   stream keeps the rows and writes them at the close, as out_write
   does (1234.25 is "%.1f" of a binary tie: 1234.2).  */
START_TEST (test_markdown)
{
  check_stream (OUT_FORMAT_MARKDOWN, 3,
                "| Name |    N | Mass (g) |\n"
                "| ---- | ---: | -------: |\n"
                "| a    |    1 |      0.5 |\n"
                "| b,c  |   22 |        - |\n"
                "| -    |    - |   1234.2 |\n");
}
END_TEST

START_TEST (test_table)
{
  check_stream (OUT_FORMAT_TABLE, 2,
                "Name   N  Mass\n"
                "           (g)\n"
                "a      1   0.5\n"
                "b,c   22     -\n");
}
END_TEST

/* A failed write shows at the close, with its errno, in every format.  */
START_TEST (test_full)
{
  static const enum out_format formats[]
    = { OUT_FORMAT_TABLE, OUT_FORMAT_CSV, OUT_FORMAT_JSON,
        OUT_FORMAT_MARKDOWN };
  size_t f, i;

  for (f = 0; f < ARRAY_SIZE (formats); f++)
    {
      FILE *fp = fopen ("/dev/full", "w");
      struct out_stream *s;

      ck_assert_ptr_nonnull (fp);
      ck_assert_int_eq (setvbuf (fp, NULL, _IONBF, 0), 0);
      s = out_stream_open (fp, formats[f], OUT_LAYOUT_WIDE, columns,
                           ARRAY_SIZE (columns));
      for (i = 0; i < 3; i++)
        {
          add_row (out_stream_table (s), i);
          out_stream_rows (s);
        }
      errno = 0;
      ck_assert_int_eq (out_stream_close (s), -1);
      ck_assert_int_eq (errno, ENOSPC);
      fclose (fp);
    }
}
END_TEST

START_TEST (test_bad_format)
{
  FILE *fp = fopen ("/dev/null", "w");
  struct out_stream *s;

  ck_assert_ptr_nonnull (fp);
  s = out_stream_open (fp, (enum out_format) 42, OUT_LAYOUT_WIDE, columns,
                       ARRAY_SIZE (columns));
  add_row (out_stream_table (s), 0);
  out_stream_rows (s);
  errno = 0;
  ck_assert_int_eq (out_stream_close (s), -1);
  ck_assert_int_eq (errno, EINVAL);
  fclose (fp);
}
END_TEST

static Suite *
output_stream_suite (void)
{
  Suite *s = suite_create ("output-stream");
  TCase *tc;

  tc = tcase_create ("streamed");
  tcase_add_test (tc, test_csv);
  tcase_add_test (tc, test_csv_empty);
  tcase_add_test (tc, test_json);
  tcase_add_test (tc, test_json_one);
  tcase_add_test (tc, test_json_empty);
  suite_add_tcase (s, tc);

  tc = tcase_create ("kept");
  tcase_add_test (tc, test_markdown);
  tcase_add_test (tc, test_table);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_test (tc, test_full);
  tcase_add_test (tc, test_bad_format);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (output_stream_suite)
