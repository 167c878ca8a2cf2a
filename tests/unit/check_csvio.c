/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for reading CSV files with libcsv.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csvio.h"
#include "base/diag.h"
#include "base/system.h"
#include "unit.h"

/* The temporary file of the running test, "" when none.  */
static char tmp_path[4096];

static void
setup_tmp (void)
{
  tmp_path[0] = '\0';
}

static void
teardown_tmp (void)
{
  if (tmp_path[0] != '\0')
    unlink (tmp_path);
  tmp_path[0] = '\0';
}

/* Write the LEN bytes of CONTENT to a new temporary file and return its
   name (owned by this file, removed by the teardown).  */
static const char *
write_temp_n (const char *content, size_t len)
{
  const char *dir = getenv ("TMPDIR");
  int fd;
  FILE *fp;

  if (dir == NULL || dir[0] == '\0')
    dir = "/tmp";
  ck_assert_int_lt (
    snprintf (tmp_path, sizeof tmp_path, "%s/check_csvio.XXXXXX", dir),
    (int) sizeof tmp_path);
  fd = mkstemp (tmp_path);
  ck_assert_msg (fd >= 0, "mkstemp %s: %s", tmp_path, strerror (errno));
  fp = fdopen (fd, "wb");
  ck_assert_ptr_nonnull (fp);
  ck_assert_uint_eq (fwrite (content, 1, len, fp), len);
  ck_assert_int_eq (fclose (fp), 0);
  return tmp_path;
}

static const char *
write_temp (const char *content)
{
  return write_temp_n (content, strlen (content));
}

/* Read CONTENT through a temporary file, checking that it succeeds.  */
static struct csv_table *
read_ok (const char *content)
{
  struct diag d = { 0, "" };
  const char *path = write_temp (content);
  struct csv_table *t = csvio_read (path, &d);

  ck_assert_msg (t != NULL, "csvio_read failed: %s", d.text);
  ck_assert_str_eq (t->path, path);
  return t;
}

/* Check that CONTENT fails to read with STATUS and the message "PATH"
   followed by SUFFIX, PATH being the file's name.  */
static void
check_read_fails (const char *content, int status, const char *suffix)
{
  struct diag d = { 0, "" };
  const char *path = write_temp (content);
  char expected[sizeof d.text + sizeof tmp_path];

  snprintf (expected, sizeof expected, "%s%s", path, suffix);
  ck_assert_ptr_null (csvio_read (path, &d));
  ck_assert_int_eq (d.status, status);
  ck_assert_str_eq (d.text, expected);
}

/* The same for the LEN bytes of CONTENT, which may hold NUL bytes.  */
static void
check_read_fails_n (const char *content, size_t len, int status,
                    const char *suffix)
{
  struct diag d = { 0, "" };
  const char *path = write_temp_n (content, len);
  char expected[sizeof d.text + sizeof tmp_path];

  snprintf (expected, sizeof expected, "%s%s", path, suffix);
  ck_assert_ptr_null (csvio_read (path, &d));
  ck_assert_int_eq (d.status, status);
  ck_assert_str_eq (d.text, expected);
}

/* Assert that row R, column C of T is EXPECTED.  */
#define ASSERT_FIELD(t, r, c, expected)                                       \
  ck_assert_str_eq (csvio_field ((t), (r), (c)), (expected))

/* Reading good files.  */

START_TEST (test_read_rows)
{
  struct csv_table *t = read_ok ("a,b,c\n1,2,3\n4,5,6\n");

  ck_assert_uint_eq (t->ncols, 3);
  ck_assert_uint_eq (t->nrows, 2);
  ck_assert_str_eq (t->header[0], "a");
  ck_assert_str_eq (t->header[1], "b");
  ck_assert_str_eq (t->header[2], "c");
  ASSERT_FIELD (t, 0, 0, "1");
  ASSERT_FIELD (t, 0, 1, "2");
  ASSERT_FIELD (t, 0, 2, "3");
  ASSERT_FIELD (t, 1, 0, "4");
  ASSERT_FIELD (t, 1, 1, "5");
  ASSERT_FIELD (t, 1, 2, "6");
  /* Row-major storage.  */
  ck_assert_str_eq (t->fields[1 * 3 + 2], "6");
  csvio_free (t);
}
END_TEST

START_TEST (test_read_header_only)
{
  struct csv_table *t = read_ok ("provider,region,price\n");

  ck_assert_uint_eq (t->ncols, 3);
  ck_assert_uint_eq (t->nrows, 0);
  ck_assert_str_eq (t->header[2], "price");
  csvio_free (t);
}
END_TEST

START_TEST (test_read_quoted)
{
  struct csv_table *t = read_ok ("name,note,n\n"
                                 "\"m5.xlarge\",\"a, b\",1\n"
                                 "\"say \"\"hi\"\"\",\"\",\"2\"\n"
                                 "\"two\nlines\",x,3\n");

  ck_assert_uint_eq (t->nrows, 3);
  ASSERT_FIELD (t, 0, 0, "m5.xlarge");
  ASSERT_FIELD (t, 0, 1, "a, b");
  ASSERT_FIELD (t, 0, 2, "1");
  ASSERT_FIELD (t, 1, 0, "say \"hi\"");
  ASSERT_FIELD (t, 1, 1, "");
  ASSERT_FIELD (t, 1, 2, "2");
  ASSERT_FIELD (t, 2, 0, "two\nlines");
  ASSERT_FIELD (t, 2, 1, "x");
  csvio_free (t);
}
END_TEST

START_TEST (test_read_empty_fields)
{
  struct csv_table *t = read_ok ("a,b,c\n,,\n1,,3\n");

  ck_assert_uint_eq (t->nrows, 2);
  ASSERT_FIELD (t, 0, 0, "");
  ASSERT_FIELD (t, 0, 1, "");
  ASSERT_FIELD (t, 0, 2, "");
  ASSERT_FIELD (t, 1, 0, "1");
  ASSERT_FIELD (t, 1, 1, "");
  ASSERT_FIELD (t, 1, 2, "3");
  csvio_free (t);
}
END_TEST

/* libcsv trims blanks around unquoted fields; quoted blanks stay (this
   is why the csv writer quotes a field that starts or ends with one).  */
START_TEST (test_read_blanks)
{
  struct csv_table *t = read_ok ("a,b\n x ,\" y \"\n");

  ck_assert_uint_eq (t->nrows, 1);
  ASSERT_FIELD (t, 0, 0, "x");
  ASSERT_FIELD (t, 0, 1, " y ");
  csvio_free (t);
}
END_TEST

START_TEST (test_read_no_final_newline)
{
  struct csv_table *t = read_ok ("a,b\n1,2\n3,4");

  ck_assert_uint_eq (t->nrows, 2);
  ASSERT_FIELD (t, 1, 0, "3");
  ASSERT_FIELD (t, 1, 1, "4");
  csvio_free (t);
}
END_TEST

START_TEST (test_read_no_final_newline_quoted)
{
  struct csv_table *t = read_ok ("a,b\n1,\"x,y\"");

  ck_assert_uint_eq (t->nrows, 1);
  ASSERT_FIELD (t, 0, 1, "x,y");
  csvio_free (t);
}
END_TEST

START_TEST (test_read_crlf)
{
  struct csv_table *t = read_ok ("a,b,c\r\n1,2,3\r\n\"4\",5,\"6\"\r\n");

  ck_assert_uint_eq (t->ncols, 3);
  ck_assert_uint_eq (t->nrows, 2);
  ck_assert_str_eq (t->header[2], "c");
  ASSERT_FIELD (t, 0, 2, "3");
  ASSERT_FIELD (t, 1, 0, "4");
  ASSERT_FIELD (t, 1, 2, "6");
  csvio_free (t);
}
END_TEST

/* Write a file of header "name,filler" and ROWS rows "rowNNNNN,<20
   x's>", 3 + 5 + 1 + 20 + 1 = 30 bytes each, then TAIL.  5000 rows make
   12 + 150,000 bytes: more than two of the reader's 64 KiB chunks
   (131,072 bytes), so some rows straddle a chunk boundary.  */
static void
write_large (size_t rows, const char *tail)
{
  size_t size = 12 + rows * 30 + strlen (tail) + 1;
  char *buf = malloc (size);
  char *p = buf;
  size_t i;

  ck_assert_ptr_nonnull (buf);
  p += snprintf (p, size, "name,filler\n");
  for (i = 0; i < rows; i++)
    p += snprintf (p, size - (size_t) (p - buf),
                   "row%05zu,xxxxxxxxxxxxxxxxxxxx\n", i);
  p += snprintf (p, size - (size_t) (p - buf), "%s", tail);
  ck_assert_uint_eq ((size_t) (p - buf), size - 1);
  write_temp_n (buf, size - 1);
  free (buf);
}

START_TEST (test_read_large)
{
  size_t rows = 5000, i;
  struct diag d = { 0, "" };
  struct csv_table *t;

  write_large (rows, "");
  t = csvio_read (tmp_path, &d);
  ck_assert_msg (t != NULL, "csvio_read failed: %s", d.text);
  ck_assert_uint_eq (t->nrows, rows);
  for (i = 0; i < rows; i++)
    {
      char name[16];

      snprintf (name, sizeof name, "row%05zu", i);
      ck_assert_str_eq (csvio_field (t, i, 0), name);
      ck_assert_str_eq (csvio_field (t, i, 1), "xxxxxxxxxxxxxxxxxxxx");
    }
  csvio_free (t);
}
END_TEST

/* A UTF-8 byte-order mark is skipped: before the fix the first column
   was called "\xEF\xBB\xBFa" and "missing column" followed.  */
START_TEST (test_read_bom)
{
  struct csv_table *t = read_ok ("\xEF\xBB\xBF"
                                 "a,b\n1,2\n");

  ck_assert_str_eq (t->header[0], "a");
  ck_assert_int_eq (csvio_column (t, "a"), 0);
  ASSERT_FIELD (t, 0, 0, "1");
  csvio_free (t);
}
END_TEST

/* Only at the very start: elsewhere the bytes are text.  */
START_TEST (test_read_bom_inside)
{
  struct csv_table *t = read_ok ("a,b\n\xEF\xBB\xBF"
                                 "1,2\n");

  ASSERT_FIELD (t, 0, 0,
                "\xEF\xBB\xBF"
                "1");
  csvio_free (t);
}
END_TEST

/* Errors.  */

/* A NUL byte in a field is an error naming the line and field: before
   the fix "1.1\0 5" was read as "1.1".  */
START_TEST (test_nul_in_field)
{
  static const char text[] = "a,b\n1,2\n3,1.1\0 5\n";

  check_read_fails_n (text, sizeof text - 1, CA_EXIT_DATAERR,
                      ":3: field 2 holds a NUL byte");
}
END_TEST

START_TEST (test_nul_in_header_and_quoted)
{
  static const char header[] = "a\0,b\n1,2\n";
  static const char quoted[] = "a,b\n\"x\0y\",2\n";

  check_read_fails_n (header, sizeof header - 1, CA_EXIT_DATAERR,
                      ":1: field 1 holds a NUL byte");
  teardown_tmp ();
  check_read_fails_n (quoted, sizeof quoted - 1, CA_EXIT_DATAERR,
                      ":2: field 1 holds a NUL byte");
}
END_TEST

START_TEST (test_too_few_fields)
{
  /* Header line 1, rows on lines 2 and 3: the short one is line 3.  */
  check_read_fails ("a,b,c\n1,2,3\n4,5\n", CA_EXIT_DATAERR,
                    ":3: expected 3 fields, got 2");
}
END_TEST

START_TEST (test_too_many_fields)
{
  check_read_fails ("a,b\n1,2,3\n", CA_EXIT_DATAERR,
                    ":2: expected 2 fields, got 3");
}
END_TEST

START_TEST (test_short_last_row)
{
  check_read_fails ("a,b,c\n1,2,3\n4", CA_EXIT_DATAERR,
                    ":3: expected 3 fields, got 1");
}
END_TEST

/* The line of an error in the third chunk: the header is line 1 and
   5000 good rows take lines 2-5001, so the short row is line 5002.  */
START_TEST (test_error_line_large)
{
  struct diag d = { 0, "" };
  char expected[sizeof d.text + sizeof tmp_path];

  write_large (5000, "short\n");
  snprintf (expected, sizeof expected, "%s:5002: expected 2 fields, got 1",
            tmp_path);
  ck_assert_ptr_null (csvio_read (tmp_path, &d));
  ck_assert_int_eq (d.status, CA_EXIT_DATAERR);
  ck_assert_str_eq (d.text, expected);
}
END_TEST

START_TEST (test_unterminated_quote)
{
  check_read_fails ("a,b\n1,\"2\n", CA_EXIT_DATAERR,
                    ":2: error parsing data while strict checking "
                    "enabled");
}
END_TEST

START_TEST (test_stray_quote)
{
  check_read_fails ("a,b\n1,2\n3,4\"x\n", CA_EXIT_DATAERR,
                    ":3: error parsing data while strict checking "
                    "enabled");
}
END_TEST

START_TEST (test_text_after_quote)
{
  check_read_fails ("a,b\n\"1\"x,2\n", CA_EXIT_DATAERR,
                    ":2: error parsing data while strict checking "
                    "enabled");
}
END_TEST

START_TEST (test_empty_file)
{
  check_read_fails ("", CA_EXIT_DATAERR,
                    ":1: empty file, expected a header row");
}
END_TEST

START_TEST (test_duplicate_column)
{
  check_read_fails ("a,b,a\n1,2,3\n", CA_EXIT_DATAERR,
                    ":1: column 'a' appears twice");
}
END_TEST

START_TEST (test_unnamed_column)
{
  check_read_fails ("a,,c\n1,2,3\n", CA_EXIT_DATAERR,
                    ":1: column 2 has no name");
}
END_TEST

START_TEST (test_missing_file)
{
  struct diag d = { 0, "" };
  char expected[sizeof d.text + sizeof tmp_path];

  /* Make a name that certainly does not exist: create it, remove it.  */
  write_temp ("");
  ck_assert_int_eq (unlink (tmp_path), 0);
  snprintf (expected, sizeof expected, "%s: No such file or directory",
            tmp_path);
  ck_assert_ptr_null (csvio_read (tmp_path, &d));
  ck_assert_int_eq (d.status, CA_EXIT_NOINPUT);
  ck_assert_str_eq (d.text, expected);
  tmp_path[0] = '\0';
}
END_TEST

START_TEST (test_directory)
{
  struct diag d = { 0, "" };

  /* fopen succeeds on a directory; the read fails.  */
  ck_assert_ptr_null (csvio_read ("/", &d));
  ck_assert_int_eq (d.status, CA_EXIT_NOINPUT);
  ck_assert_str_eq (d.text, "/: Is a directory");
}
END_TEST

START_TEST (test_null_diag)
{
  /* D may be NULL (diag_set accepts it).  */
  write_temp ("a,b\n1\n");
  ck_assert_ptr_null (csvio_read (tmp_path, NULL));
}
END_TEST

/* Lookups.  */

START_TEST (test_column)
{
  struct csv_table *t = read_ok ("provider,region,price\naws,x,1\n");

  ck_assert_int_eq (csvio_column (t, "provider"), 0);
  ck_assert_int_eq (csvio_column (t, "region"), 1);
  ck_assert_int_eq (csvio_column (t, "price"), 2);
  ck_assert_int_eq (csvio_column (t, "Price"), -1);
  ck_assert_int_eq (csvio_column (t, "pric"), -1);
  ck_assert_int_eq (csvio_column (t, "aws"), -1);
  ck_assert_int_eq (csvio_column (t, ""), -1);
  csvio_free (t);
}
END_TEST

START_TEST (test_line)
{
  /* The header is line 1, so row 0 is line 2.  */
  ck_assert_uint_eq (csvio_line (0), 2);
  ck_assert_uint_eq (csvio_line (1), 3);
  ck_assert_uint_eq (csvio_line (172), 174);
}
END_TEST

START_TEST (test_free_null) { csvio_free (NULL); }
END_TEST

/* Limits (doc/LIMITS.md).  Before them a file that never ended grew
   memory until the allocator failed.  */

START_TEST (test_field_at_limit)
{
  /* A field of exactly CSVIO_MAX_FIELD bytes is read; one more is not.  */
  size_t n = CSVIO_MAX_FIELD;
  char *text = malloc (n + 16);
  struct csv_table *t;

  ck_assert_ptr_nonnull (text);
  memcpy (text, "a\n", 2);
  memset (text + 2, 'x', n);
  memcpy (text + 2 + n, "\n", 2);
  t = read_ok (text);
  ck_assert_uint_eq (strlen (csvio_field (t, 0, 0)), n);
  csvio_free (t);
  memset (text + 2, 'x', n + 1);
  memcpy (text + 3 + n, "\n", 2);
  check_read_fails (text, CA_EXIT_DATAERR,
                    ":2: field 1 is longer than 65536 bytes, the most a CSV "
                    "field may hold");
  /* The same field unfinished at the end of the file, as libcsv holds
     it.  */
  text[3 + n] = '\0';
  check_read_fails (text, CA_EXIT_DATAERR,
                    ":2: field 1 is longer than 65536 bytes, the most a CSV "
                    "field may hold");
  free (text);
}
END_TEST

START_TEST (test_file_limit)
{
  struct diag d = { 0, "" };
  const char *path = write_temp ("a,b\n1,2\n3,4\n");
  char expected[sizeof d.text + sizeof tmp_path];
  struct csv_table *t;

  /* 12 bytes: a limit of 12 reads them, 11 refuses them unread.  */
  t = csvio_read_limited (path, 12, 100, &d);
  ck_assert_msg (t != NULL, "%s", d.text);
  ck_assert_uint_eq (t->nrows, 2);
  csvio_free (t);
  ck_assert_ptr_null (csvio_read_limited (path, 11, 100, &d));
  ck_assert_int_eq (d.status, CA_EXIT_DATAERR);
  snprintf (expected, sizeof expected,
            "%s: larger than 11 bytes, the most a CSV file may hold", path);
  ck_assert_str_eq (d.text, expected);
}
END_TEST

START_TEST (test_dev_zero)
{
  struct diag d = { 0, "" };

  /* A device has no size to read first: its bytes are counted, and the
     reading stops at the limit (here below the field limit, so that the
     count is what stops it).  */
  ck_assert_ptr_null (csvio_read_limited ("/dev/zero", 100000, 1000000, &d));
  ck_assert_int_eq (d.status, CA_EXIT_DATAERR);
  ck_assert_str_eq (d.text, "/dev/zero: larger than 100000 bytes, the most "
                            "a CSV file may hold");
  ck_assert_ptr_null (csvio_read ("/dev/zero", &d));
  ck_assert_str_eq (d.text, "/dev/zero:1: field 1 is longer than 65536 "
                            "bytes, the most a CSV field may hold");
}
END_TEST

START_TEST (test_need_rows)
{
  struct diag d = { 0, "" };
  struct csv_table *t = read_ok ("a,b\n");
  char expected[sizeof d.text + sizeof tmp_path];

  ck_assert_int_eq (csvio_need_rows (t, &d), -1);
  ck_assert_int_eq (d.status, CA_EXIT_DATAERR);
  snprintf (expected, sizeof expected,
            "%s:2: no rows after the header: the table must not be empty",
            tmp_path);
  ck_assert_str_eq (d.text, expected);
  csvio_free (t);
  t = read_ok ("a,b\n1,2\n");
  ck_assert_int_eq (csvio_need_rows (t, &d), 0);
  csvio_free (t);
}
END_TEST

START_TEST (test_unique)
{
  struct diag d = { 0, "" };
  /* Key (a, c): lines 2 and 5 share x,1; line 3 (x,2) and line 4 (y,1)
     differ from them in one column each.  */
  struct csv_table *t = read_ok ("a,b,c\nx,p,1\nx,q,2\ny,r,1\nx,s,1\n");
  const size_t key[] = { 0, 2 }, one[] = { 1 };
  char expected[sizeof d.text + sizeof tmp_path];

  ck_assert_int_eq (csvio_unique (t, key, 2, "row", &d), -1);
  ck_assert_int_eq (d.status, CA_EXIT_DATAERR);
  snprintf (expected, sizeof expected,
            "%s:5: row 'x,1' appears twice (first on line 2)", tmp_path);
  ck_assert_str_eq (d.text, expected);
  ck_assert_int_eq (csvio_unique (t, one, 1, "b", &d), 0);
  csvio_free (t);
}
END_TEST

static Suite *
csvio_suite (void)
{
  Suite *s = suite_create ("csvio");
  TCase *tc;

  tc = tcase_create ("read");
  tcase_add_checked_fixture (tc, setup_tmp, teardown_tmp);
  tcase_add_test (tc, test_read_rows);
  tcase_add_test (tc, test_read_bom);
  tcase_add_test (tc, test_read_bom_inside);
  tcase_add_test (tc, test_nul_in_field);
  tcase_add_test (tc, test_nul_in_header_and_quoted);
  tcase_add_test (tc, test_read_header_only);
  tcase_add_test (tc, test_read_quoted);
  tcase_add_test (tc, test_read_empty_fields);
  tcase_add_test (tc, test_read_blanks);
  tcase_add_test (tc, test_read_no_final_newline);
  tcase_add_test (tc, test_read_no_final_newline_quoted);
  tcase_add_test (tc, test_read_crlf);
  tcase_add_test (tc, test_read_large);
  suite_add_tcase (s, tc);

  tc = tcase_create ("errors");
  tcase_add_checked_fixture (tc, setup_tmp, teardown_tmp);
  tcase_add_test (tc, test_too_few_fields);
  tcase_add_test (tc, test_too_many_fields);
  tcase_add_test (tc, test_short_last_row);
  tcase_add_test (tc, test_error_line_large);
  tcase_add_test (tc, test_unterminated_quote);
  tcase_add_test (tc, test_stray_quote);
  tcase_add_test (tc, test_text_after_quote);
  tcase_add_test (tc, test_empty_file);
  tcase_add_test (tc, test_duplicate_column);
  tcase_add_test (tc, test_unnamed_column);
  tcase_add_test (tc, test_missing_file);
  tcase_add_test (tc, test_directory);
  tcase_add_test (tc, test_null_diag);
  tcase_add_test (tc, test_field_at_limit);
  tcase_add_test (tc, test_file_limit);
  tcase_add_test (tc, test_dev_zero);
  tcase_add_test (tc, test_need_rows);
  tcase_add_test (tc, test_unique);
  suite_add_tcase (s, tc);

  tc = tcase_create ("lookup");
  tcase_add_checked_fixture (tc, setup_tmp, teardown_tmp);
  tcase_add_test (tc, test_column);
  tcase_add_test (tc, test_line);
  tcase_add_test (tc, test_free_null);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (csvio_suite)
