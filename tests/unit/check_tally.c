/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the fixed-point summary: rounding once per job, merging
   partials in any order to the same bytes, refusing other keys.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/tally.h"
#include "unit.h"

static const struct tally_meta meta
  = { "0123456789abcdef", "project", "COMPLETED", false };

static struct tally_job
job (double total, const char *label)
{
  struct tally_job j;

  memset (&j, 0, sizeof j);
  j.gpu_hours = 1.0005;     /* 1000.5 milli-hours: rounds to 1001.  */
  j.energy_kwh = 0.1234564; /* 123456.4 mWh: 123456.  */
  j.scope2_gco2e = total / 2;
  j.scope3_gco2e = total / 2;
  j.total_gco2e = total;
  j.cost_usd = strcmp (label, "free") == 0 ? NAN : 0.5;
  j.failed = strcmp (label, "bad") == 0;
  j.saving_gco2e = total / 4;
  j.label = label;
  return j;
}

/* The partial of T as a new string.  */
static char *
partial (const struct tally *t)
{
  char *buf = NULL;
  size_t n = 0;
  FILE *fp = open_memstream (&buf, &n);

  ck_assert_int_eq (tally_write_partial (fp, t), 0);
  fclose (fp);
  return buf;
}

/* Add S, a partial, into *T.  */
static int
merge (struct tally **t, const char *s, struct diag *d)
{
  FILE *fp = fmemopen ((void *) s, strlen (s), "r");
  int r = tally_read_partial (fp, "p", t, d);

  fclose (fp);
  return r;
}

START_TEST (test_fixed_point)
{
  struct tally *t = tally_new (&meta);
  struct tally_job j = job (1.0015, "a");
  char *s;

  tally_add (t, "x", 1, &j);
  tally_count (t, 1, 1, 0);
  s = partial (t);
  /* jobs 1, 1001 milli GPU-h, 123456 mWh, 501 + 501 mg (0.50075 g each
     rounds up), total 1002 mg (1.0015 g rounds to 1002), 500000 uUSD,
     1 priced, 0 failed, a saving of a quarter: 250.375 mg, 250.  */
  ck_assert_ptr_nonnull (strstr (s, "row 1 1001 123456 501 501 1002 500000 "
                                    "1 0 0 250\tx\n"));
  ck_assert_ptr_nonnull (strstr (s, "counts 1 1 0\n"));
  free (s);
  tally_free (t);
}
END_TEST

START_TEST (test_merge_any_order)
{
  const char *keys[] = { "p1", "p2", "p1", "p3", "p2", "p1" };
  const char *labels[] = { "a", "bad", "c", "free", "e", "f" };
  struct tally *whole = tally_new (&meta), *a = tally_new (&meta);
  struct tally *b = tally_new (&meta), *m1 = NULL, *m2 = NULL;
  char *sw, *sa, *sb, *s1, *s2;
  struct diag d;
  size_t i;

  for (i = 0; i < 6; i++)
    {
      struct tally_job j = job (10.0 / (double) (i + 1), labels[i]);

      tally_add (whole, keys[i], strlen (keys[i]), &j);
      tally_add (i % 2 ? a : b, keys[i], strlen (keys[i]), &j);
    }
  sw = partial (whole);
  sa = partial (a);
  sb = partial (b);
  ck_assert_int_eq (merge (&m1, sa, &d), 0);
  ck_assert_int_eq (merge (&m1, sb, &d), 0);
  ck_assert_int_eq (merge (&m2, sb, &d), 0);
  ck_assert_int_eq (merge (&m2, sa, &d), 0);
  s1 = partial (m1);
  s2 = partial (m2);
  ck_assert_str_eq (s1, sw);
  ck_assert_str_eq (s2, sw);
  free (sw), free (sa), free (sb), free (s1), free (s2);
  tally_free (whole), tally_free (a), tally_free (b);
  tally_free (m1), tally_free (m2);
}
END_TEST

START_TEST (test_refuse)
{
  struct tally_meta other = meta;
  struct tally *t = tally_new (&meta), *u = tally_new (&other), *m = NULL;
  char *s, *o;
  struct diag d;

  strcpy (other.by, "team");
  tally_free (u);
  u = tally_new (&other);
  s = partial (t);
  o = partial (u);
  ck_assert_int_eq (merge (&m, s, &d), 0);
  ck_assert_int_eq (merge (&m, o, &d), -1);
  ck_assert_int_eq (d.status, CA_EXIT_DATAERR);
  ck_assert_str_eq (d.text, "p: summarised by 'team' with success states "
                            "'COMPLETED', not 'project' and 'COMPLETED'");
  tally_free (m);
  m = NULL;
  ck_assert_int_eq (merge (&m, "carbon-advisor partial summary 1\n", &d), -1);
  tally_free (m);
  free (s), free (o);
  tally_free (t), tally_free (u);
}
END_TEST

static Suite *
tally_suite (void)
{
  Suite *s = suite_create ("tally");
  TCase *tc = tcase_create ("tally");

  tcase_add_test (tc, test_fixed_point);
  tcase_add_test (tc, test_merge_any_order);
  tcase_add_test (tc, test_refuse);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (tally_suite)
