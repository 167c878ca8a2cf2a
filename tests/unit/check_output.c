/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the result tables and their four writers.  */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "view/output.h"
#include "base/system.h"
#include "unit.h"
#include "output-fixture.h"

/* The columns of most tests: text, integer, two numbers with different
   decimals, and a machine-only text column.  */
enum
{
  COL_INSTANCE,
  COL_VCPUS,
  COL_POWER,
  COL_CARBON,
  COL_SOURCE
};

static const struct out_column columns[] = {
  { "instance", "Instance", NULL, OUT_TEXT, 0, 0 },
  { "vcpus", "vCPUs", NULL, OUT_INTEGER, 0, 0 },
  { "power_w", "Power", "W", OUT_NUMBER, 1, 0 },
  { "carbon_g_h", "Carbon", "g/h", OUT_NUMBER, 2, 0 },
  { "source", "Source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
};

static struct out_table *table;

/* Three rows: quoting, a '|', -0, float noise, missing cells in every
   column kind, and a tiny negative value that rounds to -0.0.  */
static void
setup_table (void)
{
  table = out_table_new (columns, ARRAY_SIZE (columns));

  out_table_add_row (table);
  out_table_set_text (table, COL_INSTANCE, "m5.large");
  out_table_set_number (table, COL_VCPUS, 2);
  out_table_set_number (table, COL_POWER, 28.2);
  out_table_set_number (table, COL_CARBON, 0.1 + 0.2);
  out_table_set_text (table, COL_SOURCE, "EM, 2023");

  out_table_add_row (table);
  out_table_set_text (table, COL_INSTANCE, "say \"hi\" | x");
  out_table_set_number (table, COL_VCPUS, 16);
  out_table_set_number (table, COL_POWER, 1234.5);
  out_table_set_number (table, COL_CARBON, -0.0);

  out_table_add_row (table);
  out_table_set_text (table, COL_INSTANCE, "c7g");
  out_table_set_number (table, COL_POWER, -0.001);
  out_table_set_number (table, COL_CARBON, NAN);
  out_table_set_text (table, COL_SOURCE, "a/b");
}

static void
teardown_table (void)
{
  out_table_free (table);
  table = NULL;
}

/* Check that T in FORMAT and LAYOUT is exactly EXPECTED.  */
static void
check_render (enum out_format format, enum out_layout layout,
              const struct out_table *t, const char *expected)
{
  char *text = render (format, layout, t);

  ck_assert_str_eq (text, expected);
  free (text);
}

/* Format names.  */

START_TEST (test_parse_names)
{
  enum out_format format = OUT_FORMAT_JSON;

  ck_assert_int_eq (out_format_parse ("table", &format), 0);
  ck_assert_int_eq (format, OUT_FORMAT_TABLE);
  ck_assert_int_eq (out_format_parse ("csv", &format), 0);
  ck_assert_int_eq (format, OUT_FORMAT_CSV);
  ck_assert_int_eq (out_format_parse ("json", &format), 0);
  ck_assert_int_eq (format, OUT_FORMAT_JSON);
  ck_assert_int_eq (out_format_parse ("markdown", &format), 0);
  ck_assert_int_eq (format, OUT_FORMAT_MARKDOWN);
}
END_TEST

START_TEST (test_parse_rejects)
{
  static const char *const bad[]
    = { "xml", "", "CSV", "Table", "json ", "mark", "md", "tables" };
  enum out_format format = OUT_FORMAT_CSV;
  size_t i;

  for (i = 0; i < ARRAY_SIZE (bad); i++)
    {
      ck_assert_msg (out_format_parse (bad[i], &format) == -1, "accepted '%s'",
                     bad[i]);
      ck_assert_int_eq (format, OUT_FORMAT_CSV);
    }
  ck_assert_int_eq (out_format_parse (NULL, &format), -1);
}
END_TEST

START_TEST (test_format_list)
{
  ck_assert_str_eq (out_format_list (), "table, csv, json, markdown");
}
END_TEST

/* The list of names and the table of writers agree: every listed name
   is a format, each a different one.  */
START_TEST (test_format_list_parses)
{
  char list[64];
  char *name, *save = NULL;
  bool seen[4] = { false, false, false, false };
  size_t n = 0;

  snprintf (list, sizeof list, "%s", out_format_list ());
  for (name = strtok_r (list, ", ", &save); name != NULL;
       name = strtok_r (NULL, ", ", &save))
    {
      enum out_format format;

      ck_assert_int_eq (out_format_parse (name, &format), 0);
      ck_assert_uint_lt ((size_t) format, ARRAY_SIZE (seen));
      ck_assert (!seen[format]);
      seen[format] = true;
      n++;
    }
  ck_assert_uint_eq (n, ARRAY_SIZE (seen));
}
END_TEST

/* Table and markdown are for people, csv and json for programs, as
   the writer table says; an unknown format is neither.  */
START_TEST (test_format_for_people)
{
  ck_assert (out_format_for_people (OUT_FORMAT_TABLE));
  ck_assert (out_format_for_people (OUT_FORMAT_MARKDOWN));
  ck_assert (!out_format_for_people (OUT_FORMAT_CSV));
  ck_assert (!out_format_for_people (OUT_FORMAT_JSON));
  ck_assert (!out_format_for_people ((enum out_format) 99));
}
END_TEST

/* Number formatting.  */

START_TEST (test_number_format)
{
  char buf[64];

  out_format_number (buf, sizeof buf, 28.2);
  ck_assert_str_eq (buf, "28.2");
  out_format_number (buf, sizeof buf, 0.1 + 0.2);
  ck_assert_str_eq (buf, "0.3");
  out_format_number (buf, sizeof buf, -0.0);
  ck_assert_str_eq (buf, "0");
  out_format_number (buf, sizeof buf, 3.0);
  ck_assert_str_eq (buf, "3");
  out_format_number (buf, sizeof buf, 1.0 / 3.0);
  ck_assert_str_eq (buf, "0.333333333333");
  out_format_number (buf, sizeof buf, -1234.5);
  ck_assert_str_eq (buf, "-1234.5");
  out_format_number (buf, sizeof buf, 1e15);
  ck_assert_str_eq (buf, "1e+15");
  out_format_number (buf, sizeof buf, 2.5e-7);
  ck_assert_str_eq (buf, "2.5e-07");
}
END_TEST

/* out_format_number avoids printf for speed in the common range; its
   text must be printf's "%.12g" to the byte, ties (x.5 at the twelfth
   digit, rounded to even) and near-ties included.  */
START_TEST (test_number_matches_printf)
{
  static const double special[] = { 1e-4,
                                    0.0001,
                                    9.99999999999e-5,
                                    999999999999.5,
                                    999999999999.4,
                                    1,
                                    10,
                                    100,
                                    0.1,
                                    28.2,
                                    99.99999999999999,
                                    9.9999999999995,
                                    1e11,
                                    123456789012.5,
                                    696689557770.5,
                                    -1522107036.4749999,
                                    64696935812.25,
                                    35040,
                                    0.000123456789012345 };
  char fast[64], slow[64];
  unsigned long long x = 88172645463325252ULL;
  size_t i;

  for (i = 0; i < sizeof special / sizeof *special; i++)
    {
      out_format_number (fast, sizeof fast, special[i]);
      snprintf (slow, sizeof slow, "%.12g", special[i]);
      ck_assert_str_eq (fast, slow);
    }
  /* Values spread over 1e-6 .. 1e14 from a xorshift generator, some cut
     to a few decimals as prices and watts are, some whole, some halfway
     between two twelve-digit numbers or an ulp either side, some just
     below a power of ten (9.99999999999e...).  */
  for (i = 0; i < 1200000; i++)
    {
      double u, v, scale;
      int e;

      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      u = (double) (x >> 11) / 9007199254740992.0;
      v = pow (10.0, u * 20.0 - 6.0);
      e = (int) floor (log10 (v));
      scale = pow (10.0, 11 - e);
      switch (i % 6)
        {
        case 0:
          v = round (v * 1000.0) / 1000.0;
          break;
        case 1:
          v = round (v);
          break;
        case 2:
          v = (floor (v * scale) + 0.5) / scale;
          break;
        case 3:
          v = nextafter ((floor (v * scale) + 0.5) / scale,
                         x % 2 == 0 ? 0.0 : 1e300);
          break;
        case 4:
          v = nextafter ((1.0 - 5e-13 * (double) (x % 3)) * pow (10.0, e),
                         x % 4 < 2 ? 0.0 : 1e300);
          break;
        default:
          break;
        }
      if (i % 2 == 0)
        v = -v;
      out_format_number (fast, sizeof fast, v);
      snprintf (slow, sizeof slow, "%.12g", v);
      if (STREQ (slow, "-0"))
        snprintf (slow, sizeof slow, "0");
      if (!STREQ (fast, slow))
        ck_abort_msg ("%.17g: '%s', printf '%s'", v, fast, slow);
    }
}
END_TEST

/* base/numfmt's whole numbers, as "%lld" writes them.  */
START_TEST (test_numfmt_int)
{
  char buf[NUMFMT_SIZE];

  ck_assert_uint_eq (numfmt_int (buf, 0), 1);
  ck_assert_str_eq (buf, "0");
  ck_assert_uint_eq (numfmt_int (buf, -7), 2);
  ck_assert_str_eq (buf, "-7");
  numfmt_int (buf, 35040);
  ck_assert_str_eq (buf, "35040");
  numfmt_int (buf, 1000000);
  ck_assert_str_eq (buf, "1000000");
  ck_assert_uint_eq (numfmt_int (buf, LLONG_MAX), 19);
  ck_assert_str_eq (buf, "9223372036854775807");
  ck_assert_uint_eq (numfmt_int (buf, LLONG_MIN), 20);
  ck_assert_str_eq (buf, "-9223372036854775808");
}
END_TEST

START_TEST (test_number_truncates)
{
  char buf[4];

  out_format_number (buf, sizeof buf, 1234.5);
  ck_assert_str_eq (buf, "123");
}
END_TEST

/* Table building.  */

START_TEST (test_table_rows)
{
  ck_assert_uint_eq (out_table_rows (table), 3);
  out_table_add_row (table);
  ck_assert_uint_eq (out_table_rows (table), 4);
}
END_TEST

START_TEST (test_set_replaces)
{
  static const struct out_column cols[] = {
    { "name", "Name", NULL, OUT_TEXT, 0, 0 },
    { "n", "N", NULL, OUT_INTEGER, 0, 0 },
    { "x", "X", NULL, OUT_NUMBER, 3, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  ck_assert_uint_eq (out_table_rows (t), 0);
  out_table_add_row (t);
  out_table_set_text (t, 0, "first");
  out_table_set_text (t, 0, "second");
  out_table_set_number (t, 1, 2.6);
  out_table_set_number (t, 2, 1.5);
  out_table_set_number (t, 2, INFINITY);
  out_table_add_row (t);
  out_table_set_text (t, 0, "third");
  out_table_set_text (t, 0, NULL);
  out_table_set_number (t, 1, -0.4);
  out_table_set_number (t, 2, -HUGE_VAL);
  ck_assert_uint_eq (out_table_rows (t), 2);
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t,
                "name,n,x\n"
                "second,3,\n"
                ",0,\n");
  out_table_free (t);
}
END_TEST

/* csv.  */

START_TEST (test_csv_document)
{
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, table,
                "instance,vcpus,power_w,carbon_g_h,source\n"
                "m5.large,2,28.2,0.3,\"EM, 2023\"\n"
                "\"say \"\"hi\"\" | x\",16,1234.5,0,\n"
                "c7g,,-0.001,,a/b\n");
}
END_TEST

START_TEST (test_csv_quoting)
{
  static const struct out_column cols[] = {
    { "a", "A", NULL, OUT_TEXT, 0, 0 },
    { "b", "B", NULL, OUT_TEXT, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  out_table_add_row (t);
  out_table_set_text (t, 0, "two\nlines");
  out_table_set_text (t, 1, "cr\r");
  out_table_add_row (t);
  out_table_set_text (t, 0, " padded");
  out_table_set_text (t, 1, "tab\t");
  out_table_add_row (t);
  out_table_set_text (t, 0, "");
  out_table_set_text (t, 1, "in side");
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t,
                "a,b\n"
                "\"two\nlines\",\"cr\r\"\n"
                "\" padded\",\"tab\t\"\n"
                ",in side\n");
  out_table_free (t);
}
END_TEST

START_TEST (test_csv_one_column)
{
  static const struct out_column cols[] = {
    { "a", "A", NULL, OUT_NUMBER, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  out_table_add_row (t);
  out_table_set_number (t, 0, 1);
  out_table_add_row (t);
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t, "a\n1\n\"\"\n");
  out_table_free (t);
}
END_TEST

/* The csv writer keeps the texts of the numbers it wrote last: values
   that come back, and others in between that take their slots, are
   still written as "%.12g" writes them.  */
START_TEST (test_csv_repeated_numbers)
{
  static const struct out_column cols[] = {
    { "x", "X", NULL, OUT_NUMBER, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));
  struct strbuf want;
  char num[64];
  size_t i;

  strbuf_init (&want);
  strbuf_append (&want, "x\n");
  for (i = 0; i < 40000; i++)
    {
      double v = i % 2 == 0 ? 1.0 / (double) (i % 97 + 3)
                            : 0.001 * (double) i + 1.0 / 3.0;

      out_table_add_row (t);
      out_table_set_number (t, 0, v);
      snprintf (num, sizeof num, "%.12g\n", v);
      strbuf_append (&want, num);
    }
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t, want.text);
  strbuf_release (&want);
  out_table_free (t);
}
END_TEST

/* Texts longer than a number's room, plain and quoted, between
   numbers: each field whole, in order.  */
START_TEST (test_csv_long_texts)
{
  static const struct out_column cols[] = {
    { "a", "A", NULL, OUT_TEXT, 0, 0 },
    { "x", "X", NULL, OUT_NUMBER, 0, 0 },
    { "b", "B", NULL, OUT_TEXT, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));
  struct strbuf want;
  char *plain = xcalloc (3001, 1), *quoted = xcalloc (3001, 1);
  size_t i;

  memset (plain, 'p', 3000);
  for (i = 0; i < 3000; i++)
    quoted[i] = i % 3 == 0 ? '"' : 'q';
  strbuf_init (&want);
  strbuf_append (&want, "a,x,b\n");
  for (i = 0; i < 50; i++)
    {
      out_table_add_row (t);
      out_table_set_text (t, 0, i % 2 == 0 ? plain : quoted);
      out_table_set_number (t, 1, 0.25);
      out_table_set_text (t, 2, i % 2 == 0 ? quoted : plain);
      if (i % 2 == 0)
        strbuf_append (&want, plain);
      strbuf_append (&want, i % 2 == 0 ? ",0.25,\"" : "\"");
      for (size_t j = 0; j < 3000; j++)
        strbuf_append (&want, quoted[j] == '"' ? "\"\"" : "q");
      strbuf_append (&want, i % 2 == 0 ? "\"\n" : "\",0.25,");
      if (i % 2 != 0)
        {
          strbuf_append (&want, plain);
          strbuf_append (&want, "\n");
        }
    }
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t, want.text);
  strbuf_release (&want);
  free (plain);
  free (quoted);
  out_table_free (t);
}
END_TEST

START_TEST (test_csv_integers)
{
  static const struct out_column cols[] = {
    { "n", "N", NULL, OUT_INTEGER, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  out_table_add_row (t);
  out_table_set_number (t, 0, 1e15);
  out_table_add_row (t);
  out_table_set_number (t, 0, -7);
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t,
                "n\n1000000000000000\n-7\n");
  check_render (OUT_FORMAT_JSON, OUT_LAYOUT_WIDE, t,
                "[\n"
                "  {\n"
                "    \"n\": 1000000000000000\n"
                "  },\n"
                "  {\n"
                "    \"n\": -7\n"
                "  }\n"
                "]\n");
  out_table_free (t);
}
END_TEST

/* Whole numbers either side of 10^12, where the writers stop taking
   them through the texts they keep of "%.12g", and a year that comes
   back in a number column and a whole-number one: the same digits.  */
START_TEST (test_csv_integers_memo)
{
  static const struct out_column cols[] = {
    { "n", "N", NULL, OUT_INTEGER, 0, 0 },
    { "x", "X", NULL, OUT_NUMBER, 0, 0 },
  };
  static const double values[]
    = { 2024,  999999999999, 1e12, -999999999999,
        -1e12, 2024,         0,    9007199254740993.0 };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));
  size_t i;

  for (i = 0; i < ARRAY_SIZE (values); i++)
    {
      out_table_add_row (t);
      out_table_set_number (t, 0, values[i]);
      out_table_set_number (t, 1, values[i]);
    }
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t,
                "n,x\n"
                "2024,2024\n"
                "999999999999,999999999999\n"
                "1000000000000,1e+12\n"
                "-999999999999,-999999999999\n"
                "-1000000000000,-1e+12\n"
                "2024,2024\n"
                "0,0\n"
                "9007199254740992,9.00719925474e+15\n");
  out_table_free (t);
}
END_TEST

/* An OUT_INTEGER cell rounds halves away from zero, leaves whole
   numbers (beyond 2^52 too) as they are, and drops the sign of -0.  */
START_TEST (test_integer_rounding)
{
  static const struct out_column cols[] = {
    { "n", "N", NULL, OUT_INTEGER, 0, 0 },
  };
  static const double values[]
    = { 2.5, -2.5, 0.49999999999999994, -0.4, 7, 4503599627370497.0, 1e17 };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));
  size_t i;

  for (i = 0; i < ARRAY_SIZE (values); i++)
    {
      out_table_add_row (t);
      out_table_set_number (t, 0, values[i]);
    }
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t,
                "n\n3\n-3\n0\n0\n7\n4503599627370497\n"
                "100000000000000000\n");
  out_table_free (t);
}
END_TEST

/* A text set as plain and one kept, not copied, are written as any
   other text: csv bare or quoted as its bytes call for, json escaped.  */
START_TEST (test_plain_and_kept)
{
  static const struct out_column cols[] = {
    { "a", "A", NULL, OUT_TEXT, 0, 0 },
    { "b", "B", NULL, OUT_TEXT, 0, 0 },
  };
  static const char kept[] = "say \"hi\", x";
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));
  size_t i;

  for (i = 0; i < 2; i++)
    {
      out_table_add_row (t);
      out_table_set_plain (t, 0, "rows.csv:12 more", 11);
      out_table_set_kept (t, 1, i == 0 ? kept : "plain");
    }
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t,
                "a,b\n"
                "rows.csv:12,\"say \"\"hi\"\", x\"\n"
                "rows.csv:12,plain\n");
  check_render (OUT_FORMAT_JSON, OUT_LAYOUT_WIDE, t,
                "[\n"
                "  {\n"
                "    \"a\": \"rows.csv:12\",\n"
                "    \"b\": \"say \\\"hi\\\", x\"\n"
                "  },\n"
                "  {\n"
                "    \"a\": \"rows.csv:12\",\n"
                "    \"b\": \"plain\"\n"
                "  }\n"
                "]\n");
  out_table_free (t);
}
END_TEST

START_TEST (test_csv_empty)
{
  struct out_table *t = out_table_new (columns, ARRAY_SIZE (columns));

  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, t,
                "instance,vcpus,power_w,carbon_g_h,source\n");
  out_table_free (t);
}
END_TEST

/* json.  */

START_TEST (test_json_document)
{
  check_render (OUT_FORMAT_JSON, OUT_LAYOUT_WIDE, table,
                "[\n"
                "  {\n"
                "    \"instance\": \"m5.large\",\n"
                "    \"vcpus\": 2,\n"
                "    \"power_w\": 28.2,\n"
                "    \"carbon_g_h\": 0.3,\n"
                "    \"source\": \"EM, 2023\"\n"
                "  },\n"
                "  {\n"
                "    \"instance\": \"say \\\"hi\\\" | x\",\n"
                "    \"vcpus\": 16,\n"
                "    \"power_w\": 1234.5,\n"
                "    \"carbon_g_h\": 0,\n"
                "    \"source\": null\n"
                "  },\n"
                "  {\n"
                "    \"instance\": \"c7g\",\n"
                "    \"vcpus\": null,\n"
                "    \"power_w\": -0.001,\n"
                "    \"carbon_g_h\": null,\n"
                "    \"source\": \"a/b\"\n"
                "  }\n"
                "]\n");
}
END_TEST

START_TEST (test_json_escapes)
{
  static const struct out_column cols[] = {
    { "s", "S", NULL, OUT_TEXT, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  out_table_add_row (t);
  out_table_set_text (t, 0, "back\\slash\ttab\nnl\x01 caf\xc3\xa9");
  check_render (OUT_FORMAT_JSON, OUT_LAYOUT_WIDE, t,
                "[\n"
                "  {\n"
                "    \"s\": \"back\\\\slash\\ttab\\nnl\\u0001 caf\xc3\xa9\"\n"
                "  }\n"
                "]\n");
  out_table_free (t);
}
END_TEST

START_TEST (test_json_empty)
{
  struct out_table *t = out_table_new (columns, ARRAY_SIZE (columns));

  check_render (OUT_FORMAT_JSON, OUT_LAYOUT_WIDE, t, "[]\n");
  out_table_free (t);
}
END_TEST

/* json-c keeps one object member a key, the first's place with the
   last value: a table with a repeated key is written as json-c writes
   it, not by the direct writer.  */
START_TEST (test_json_repeated_key)
{
  static const struct out_column cols[] = {
    { "a", "A", NULL, OUT_INTEGER, 0, 0 },
    { "b", "B", NULL, OUT_TEXT, 0, 0 },
    { "a", "A2", NULL, OUT_NUMBER, 2, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  out_table_add_row (t);
  out_table_set_number (t, 0, 7);
  out_table_set_text (t, 1, "x");
  out_table_set_number (t, 2, 0.25);
  check_render (OUT_FORMAT_JSON, OUT_LAYOUT_WIDE, t,
                "[\n"
                "  {\n"
                "    \"a\": 0.25,\n"
                "    \"b\": \"x\"\n"
                "  }\n"
                "]\n");
  out_table_free (t);
}
END_TEST

/* --columns: out_columns_select.  */

static const char *rejected_name;
static size_t rejected_calls, rejected_nkeys;

static void
record_reject (const char *name, const char *const *keys, size_t nkeys)
{
  rejected_calls++;
  rejected_name = name;
  rejected_nkeys = nkeys;
  ck_assert_str_eq (keys[0], "instance");
}

START_TEST (test_select_csv_json)
{
  static const char *const names[] = { "power_w", "instance" };

  out_columns_select (names, ARRAY_SIZE (names), record_reject);
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, table,
                "power_w,instance\n"
                "28.2,m5.large\n"
                "1234.5,\"say \"\"hi\"\" | x\"\n"
                "-0.001,c7g\n");
  check_render (OUT_FORMAT_JSON, OUT_LAYOUT_WIDE, table,
                "[\n"
                "  {\n"
                "    \"power_w\": 28.2,\n"
                "    \"instance\": \"m5.large\"\n"
                "  },\n"
                "  {\n"
                "    \"power_w\": 1234.5,\n"
                "    \"instance\": \"say \\\"hi\\\" | x\"\n"
                "  },\n"
                "  {\n"
                "    \"power_w\": -0.001,\n"
                "    \"instance\": \"c7g\"\n"
                "  }\n"
                "]\n");
  out_columns_select (NULL, 0, NULL);
  ck_assert_uint_eq (rejected_calls, 0);
}
END_TEST

/* A column alone keeps csv's "" for an empty field.  */
START_TEST (test_select_alone)
{
  static const char *const names[] = { "source" };

  out_columns_select (names, 1, record_reject);
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, table,
                "source\n\"EM, 2023\"\n\"\"\na/b\n");
  out_columns_select (NULL, 0, NULL);
}
END_TEST

/* A name the table lacks, or a format for people: the hook is told,
   nothing is written, EINVAL.  */
START_TEST (test_select_rejects)
{
  static const char *const names[] = { "instance", "power" };
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);

  rejected_calls = 0;
  out_columns_select (names, ARRAY_SIZE (names), record_reject);
  errno = 0;
  ck_assert_int_eq (out_write (fp, OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, table),
                    -1);
  ck_assert_int_eq (errno, EINVAL);
  ck_assert_uint_eq (rejected_calls, 1);
  ck_assert_str_eq (rejected_name, "power");
  ck_assert_uint_eq (rejected_nkeys, ARRAY_SIZE (columns));
  ck_assert_int_eq (out_write (fp, OUT_FORMAT_TABLE, OUT_LAYOUT_WIDE, table),
                    -1);
  ck_assert_uint_eq (rejected_calls, 2);
  ck_assert_ptr_null (rejected_name);
  ck_assert_int_eq (fclose (fp), 0);
  ck_assert_uint_eq (size, 0);
  free (buf);
  out_columns_select (NULL, 0, NULL);
  check_render (OUT_FORMAT_CSV, OUT_LAYOUT_WIDE, table,
                "instance,vcpus,power_w,carbon_g_h,source\n"
                "m5.large,2,28.2,0.3,\"EM, 2023\"\n"
                "\"say \"\"hi\"\" | x\",16,1234.5,0,\n"
                "c7g,,-0.001,,a/b\n");
}
END_TEST

/* markdown.  */

static const char markdown_document[]
  = "| Instance      | vCPUs | Power (W) | Carbon (g/h) | Source   |\n"
    "| ------------- | ----: | --------: | -----------: | -------- |\n"
    "| m5.large      |     2 |      28.2 |         0.30 | EM, 2023 |\n"
    "| say \"hi\" \\| x |    16 |    1234.5 |         0.00 | -        |\n"
    "| c7g           |     - |       0.0 |            - | a/b      |\n";

static const char markdown_empty[]
  = "| Instance | vCPUs | Power (W) | Carbon (g/h) | Source |\n"
    "| -------- | ----: | --------: | -----------: | ------ |\n";

START_TEST (test_markdown_document)
{
  check_render (OUT_FORMAT_MARKDOWN, OUT_LAYOUT_WIDE, table,
                markdown_document);
}
END_TEST

START_TEST (test_markdown_narrow)
{
  static const struct out_column cols[] = {
    { "a", "A", NULL, OUT_TEXT, 0, 0 },
    { "b", "B|C", NULL, OUT_NUMBER, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  out_table_add_row (t);
  out_table_set_text (t, 0, "|");
  out_table_set_number (t, 1, 7);
  check_render (OUT_FORMAT_MARKDOWN, OUT_LAYOUT_WIDE, t,
                "| A   | B\\|C |\n"
                "| --- | ---: |\n"
                "| \\|  |    7 |\n");
  out_table_free (t);
}
END_TEST

/* table, wide and vertical.  */

START_TEST (test_table_wide)
{
  check_render (OUT_FORMAT_TABLE, OUT_LAYOUT_WIDE, table,
                "Instance      vCPUs   Power  Carbon\n"
                "                        (W)   (g/h)\n"
                "m5.large          2    28.2    0.30\n"
                "say \"hi\" | x     16  1234.5    0.00\n"
                "c7g               -     0.0       -\n");
}
END_TEST

START_TEST (test_table_no_units)
{
  static const struct out_column cols[] = {
    { "n", "N", NULL, OUT_INTEGER, 0, 0 },
    { "name", "Name", NULL, OUT_TEXT, 0, 0 },
    { "note", "Note", NULL, OUT_TEXT, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  out_table_add_row (t);
  out_table_set_number (t, 0, 1);
  out_table_set_text (t, 1, "x");
  out_table_set_text (t, 2, "two\nlines ");
  out_table_add_row (t);
  out_table_set_number (t, 0, 10);
  out_table_set_text (t, 1, "a longer name");
  check_render (OUT_FORMAT_TABLE, OUT_LAYOUT_WIDE, t,
                " N  Name           Note\n"
                " 1  x              two lines\n"
                "10  a longer name  -\n");
  out_table_free (t);
}
END_TEST

START_TEST (test_table_utf8)
{
  static const struct out_column cols[] = {
    { "region", "Région", NULL, OUT_TEXT, 0, 0 },
    { "ci", "Intensity", "gCO₂e/kWh", OUT_NUMBER, 0, 0 },
  };
  struct out_table *t = out_table_new (cols, ARRAY_SIZE (cols));

  out_table_add_row (t);
  out_table_set_text (t, 0, "Île-de-France");
  out_table_set_number (t, 1, 56.4);
  out_table_add_row (t);
  out_table_set_text (t, 0, "PL");
  out_table_set_number (t, 1, 662.4);
  check_render (OUT_FORMAT_TABLE, OUT_LAYOUT_WIDE, t,
                "Région           Intensity\n"
                "               (gCO₂e/kWh)\n"
                "Île-de-France           56\n"
                "PL                     662\n");
  out_table_free (t);
}
END_TEST

START_TEST (test_table_vertical)
{
  check_render (OUT_FORMAT_TABLE, OUT_LAYOUT_VERTICAL, table,
                "Instance  m5.large\n"
                "vCPUs     2\n"
                "Power     28.2 W\n"
                "Carbon    0.30 g/h\n"
                "Source    EM, 2023\n"
                "\n"
                "Instance  say \"hi\" | x\n"
                "vCPUs     16\n"
                "Power     1234.5 W\n"
                "Carbon    0.00 g/h\n"
                "Source    -\n"
                "\n"
                "Instance  c7g\n"
                "vCPUs     -\n"
                "Power     0.0 W\n"
                "Carbon    -\n"
                "Source    a/b\n");
}
END_TEST

START_TEST (test_table_empty)
{
  struct out_table *t = out_table_new (columns, ARRAY_SIZE (columns));

  check_render (OUT_FORMAT_TABLE, OUT_LAYOUT_WIDE, t,
                "Instance  vCPUs  Power  Carbon\n"
                "                   (W)   (g/h)\n");
  check_render (OUT_FORMAT_TABLE, OUT_LAYOUT_VERTICAL, t, "");
  check_render (OUT_FORMAT_MARKDOWN, OUT_LAYOUT_WIDE, t, markdown_empty);
  out_table_free (t);
}
END_TEST

/* Write errors.  */

/* Check that writing the fixture in each format and layout to /dev/full
   fails with ENOSPC, through an unbuffered stream if UNBUFFERED.  */
static void
check_full (bool unbuffered)
{
  static const struct
  {
    enum out_format format;
    enum out_layout layout;
  } cases[] = {
    { OUT_FORMAT_TABLE, OUT_LAYOUT_WIDE },
    { OUT_FORMAT_TABLE, OUT_LAYOUT_VERTICAL },
    { OUT_FORMAT_CSV, OUT_LAYOUT_WIDE },
    { OUT_FORMAT_JSON, OUT_LAYOUT_WIDE },
    { OUT_FORMAT_MARKDOWN, OUT_LAYOUT_WIDE },
  };
  size_t i;

  for (i = 0; i < ARRAY_SIZE (cases); i++)
    {
      FILE *fp = fopen ("/dev/full", "w");

      ck_assert_ptr_nonnull (fp);
      if (unbuffered)
        ck_assert_int_eq (setvbuf (fp, NULL, _IONBF, 0), 0);
      errno = 0;
      ck_assert_int_eq (
        out_write (fp, cases[i].format, cases[i].layout, table), -1);
      ck_assert_int_eq (errno, ENOSPC);
      fclose (fp);
    }
}

START_TEST (test_full)
{
  check_full (false);
  check_full (true);
}
END_TEST

START_TEST (test_bad_format)
{
  FILE *fp = fopen ("/dev/null", "w");

  ck_assert_ptr_nonnull (fp);
  errno = 0;
  ck_assert_int_eq (
    out_write (fp, (enum out_format) 42, OUT_LAYOUT_WIDE, table), -1);
  ck_assert_int_eq (errno, EINVAL);
  fclose (fp);
}
END_TEST

/* A TCase called NAME with the fixture table around each test.  */
static TCase *
tcase_with_table (const char *name)
{
  TCase *tc = tcase_create (name);

  tcase_add_checked_fixture (tc, setup_table, teardown_table);
  return tc;
}

static Suite *
output_suite (void)
{
  Suite *s = suite_create ("output");
  TCase *tc;

  tc = tcase_create ("format-names");
  tcase_add_test (tc, test_parse_names);
  tcase_add_test (tc, test_parse_rejects);
  tcase_add_test (tc, test_format_list);
  tcase_add_test (tc, test_format_list_parses);
  tcase_add_test (tc, test_format_for_people);
  suite_add_tcase (s, tc);

  tc = tcase_create ("numbers");
  tcase_add_test (tc, test_number_format);
  tcase_add_test (tc, test_number_matches_printf);
  tcase_add_test (tc, test_number_truncates);
  tcase_add_test (tc, test_numfmt_int);
  suite_add_tcase (s, tc);

  tc = tcase_with_table ("table-building");
  tcase_add_test (tc, test_table_rows);
  tcase_add_test (tc, test_set_replaces);
  suite_add_tcase (s, tc);

  tc = tcase_with_table ("csv");
  tcase_add_test (tc, test_csv_document);
  tcase_add_test (tc, test_csv_quoting);
  tcase_add_test (tc, test_csv_one_column);
  tcase_add_test (tc, test_csv_repeated_numbers);
  tcase_add_test (tc, test_csv_long_texts);
  tcase_add_test (tc, test_csv_integers);
  tcase_add_test (tc, test_csv_integers_memo);
  tcase_add_test (tc, test_integer_rounding);
  tcase_add_test (tc, test_plain_and_kept);
  tcase_add_test (tc, test_csv_empty);
  suite_add_tcase (s, tc);

  tc = tcase_with_table ("json");
  tcase_add_test (tc, test_json_document);
  tcase_add_test (tc, test_json_escapes);
  tcase_add_test (tc, test_json_empty);
  tcase_add_test (tc, test_json_repeated_key);
  suite_add_tcase (s, tc);

  tc = tcase_with_table ("columns");
  tcase_add_test (tc, test_select_csv_json);
  tcase_add_test (tc, test_select_alone);
  tcase_add_test (tc, test_select_rejects);
  suite_add_tcase (s, tc);

  tc = tcase_with_table ("markdown");
  tcase_add_test (tc, test_markdown_document);
  tcase_add_test (tc, test_markdown_narrow);
  suite_add_tcase (s, tc);

  tc = tcase_with_table ("table");
  tcase_add_test (tc, test_table_wide);
  tcase_add_test (tc, test_table_no_units);
  tcase_add_test (tc, test_table_utf8);
  tcase_add_test (tc, test_table_vertical);
  tcase_add_test (tc, test_table_empty);
  suite_add_tcase (s, tc);

  tc = tcase_with_table ("write-errors");
  tcase_add_test (tc, test_full);
  tcase_add_test (tc, test_bad_format);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (output_suite)
