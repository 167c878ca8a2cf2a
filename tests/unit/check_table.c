/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests of the table loader (src/data/table.c): a new table is a
   spec, with no loader of its own.  The spec below describes a table of
   wind farms that no part of the program reads; its checks (blank
   fields, types, keys, order, ranges, empty tables) all come from the
   loader.  */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csvio.h"
#include "base/diag.h"
#include "base/system.h"
#include "data/table.h"
#include "unit.h"

/* What a row becomes.  */
struct farm
{
  const char *name;
  const char *kind;
  long turbines;
  double capacity_mw;
  double latitude;
};

enum
{
  FARM_NAME,
  FARM_KIND,
  FARM_TURBINES,
  FARM_CAPACITY,
  FARM_LATITUDE
};

static int
order_farms (const void *a, const void *b)
{
  return strcmp (((const struct farm *) a)->name,
                 ((const struct farm *) b)->name);
}

/* The whole of the new table: its columns and the table's rules.  */
static const struct table_column farm_columns[] = {
  [FARM_NAME] = { "name",
                  TABLE_TEXT,
                  0,
                  { 0.0, 0.0, NULL },
                  offsetof (struct farm, name),
                  { NULL, NULL },
                  NULL },
  [FARM_KIND] = { "kind",
                  TABLE_ENUM,
                  0,
                  { 0.0, 0.0, NULL },
                  offsetof (struct farm, kind),
                  { "onshore", "offshore" },
                  NULL },
  [FARM_TURBINES] = { "turbines",
                      TABLE_WHOLE,
                      0,
                      { 1.0, 1000.0, "" },
                      offsetof (struct farm, turbines),
                      { NULL, NULL },
                      NULL },
  [FARM_CAPACITY] = { "capacity_mw",
                      TABLE_NUMBER,
                      0,
                      { 0.0, 5000.0, "MW" },
                      offsetof (struct farm, capacity_mw),
                      { NULL, NULL },
                      NULL },
  [FARM_LATITUDE] = { "latitude",
                      TABLE_NUMBER,
                      TABLE_BLANK_OK,
                      { -90.0, 90.0, "degrees" },
                      offsetof (struct farm, latitude),
                      { NULL, NULL },
                      NULL },
};

static const struct table_spec farm_spec = {
  .file = "farms.csv",
  TABLE_COLUMNS (farm_columns),
  .missing = "missing",
  .key_what = "farm",
  .keys = { "name", NULL },
  .row_size = sizeof (struct farm),
  .order = order_farms,
};

static char path[4096];
static struct csv_table *loaded; /* What load handed rows of.  */

static void
setup (void)
{
  const char *tmp = getenv ("TMPDIR");

  snprintf (path, sizeof path, "%s/check_table.%ld.csv",
            tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp", (long) getpid ());
}

static void
teardown (void)
{
  csvio_free (loaded);
  loaded = NULL;
  unlink (path);
}

static void
write_table (const char *text)
{
  FILE *f = fopen (path, "w");

  ck_assert_msg (f != NULL, "%s: %s", path, strerror (errno));
  fputs (text, f);
  ck_assert_int_eq (fclose (f), 0);
}

/* Load TEXT by the spec, then check its ranges; the diag's text, or ""
   when both pass.  Frees what it loaded unless ROWS is given (the table
   then lives until the teardown).  */
static const char *
load (const char *text, struct farm **rows, size_t *n)
{
  static struct diag d;
  struct csv_table *t;
  struct farm *farms = NULL;
  size_t count;

  memset (&d, 0, sizeof d);
  write_table (text);
  t = csvio_read (path, &d);
  ck_assert_msg (t != NULL, "%s", d.text);
  if (table_load (&farm_spec, t, NULL, (void **) &farms, &count, &d) == 0)
    table_check_ranges (&farm_spec, t, &d);
  if (rows != NULL && d.text[0] == '\0')
    {
      *rows = farms;
      *n = count;
      loaded = t;
      return d.text;
    }
  free (farms);
  csvio_free (t);
  return d.text;
}

/* Check that TEXT is refused with PATH followed by SUFFIX.  */
static void
check_refused (const char *text, const char *suffix)
{
  char expected[sizeof path + 256];

  snprintf (expected, sizeof expected, "%s%s", path, suffix);
  ck_assert_str_eq (load (text, NULL, NULL), expected);
}

static const char header[] = "name,kind,turbines,capacity_mw,latitude\n";

START_TEST (test_spec_loads)
{
  struct farm *farms;
  size_t n;

  /* Columns in another order, and one the spec does not name.  */
  ck_assert_str_eq (load ("kind,latitude,name,note,turbines,capacity_mw\n"
                          "offshore,54.0,Hornsea,big,174,1218\n"
                          "onshore,,Whitelee,,215,539\n",
                          &farms, &n),
                    "");
  ck_assert_uint_eq (n, 2);
  ck_assert_str_eq (farms[0].name, "Hornsea");
  ck_assert_str_eq (farms[0].kind, "offshore");
  ck_assert_int_eq (farms[0].turbines, 174);
  ck_assert_double_eq (farms[0].capacity_mw, 1218.0);
  ck_assert_double_eq (farms[0].latitude, 54.0);
  ck_assert (isnan (farms[1].latitude));
  free (farms);
}
END_TEST

START_TEST (test_spec_range)
{
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 "Hornsea,offshore,174,1218,54.0\n"
                 "Whitelee,onshore,215,5001,\n",
                 ":3: column 'capacity_mw': 5001 is out of range (expected "
                 "0 to 5000 MW)");
  /* Below the range, the loader's own check speaks first.  */
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 "Hornsea,offshore,0,1218,54.0\n",
                 ":2: column 'turbines': 0 is below 1");
}
END_TEST

START_TEST (test_spec_duplicate)
{
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 "Hornsea,offshore,174,1218,54.0\n"
                 "Whitelee,onshore,215,539,\n"
                 "Hornsea,offshore,165,1320,53.9\n",
                 ":4: farm 'Hornsea' appears twice (first on line 2)");
}
END_TEST

START_TEST (test_spec_blank)
{
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 "Hornsea,offshore,174,,54.0\n",
                 ":2: column 'capacity_mw': empty: ''");
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 ",offshore,174,1218,54.0\n",
                 ":2: column 'name': empty");
}
END_TEST

START_TEST (test_spec_shape)
{
  check_refused ("name,kind,turbines,latitude\n"
                 "Hornsea,offshore,174,54.0\n",
                 ":1: missing column 'capacity_mw'");
  check_refused (header, ":2: no rows after the header: the table must not "
                         "be empty");
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 "Whitelee,onshore,215,539,\n"
                 "Hornsea,offshore,174,1218,54.0\n",
                 ":3: row out of order: the table must be sorted by its "
                 "key columns");
}
END_TEST

START_TEST (test_spec_types)
{
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 "Hornsea,floating,174,1218,54.0\n",
                 ":2: column 'kind': 'floating' is neither onshore nor "
                 "offshore");
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 "Hornsea,offshore,17.5,1218,54.0\n",
                 ":2: column 'turbines': not a whole number: '17.5'");
  check_refused ("name,kind,turbines,capacity_mw,latitude\n"
                 "Hornsea,offshore,174,inf,54.0\n",
                 ":2: column 'capacity_mw': not a number: 'inf'");
}
END_TEST

static Suite *
table_suite (void)
{
  Suite *s = suite_create ("table");
  TCase *tc = tcase_create ("spec");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_spec_loads);
  tcase_add_test (tc, test_spec_range);
  tcase_add_test (tc, test_spec_duplicate);
  tcase_add_test (tc, test_spec_blank);
  tcase_add_test (tc, test_spec_shape);
  tcase_add_test (tc, test_spec_types);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (table_suite)
