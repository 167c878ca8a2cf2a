/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for "did you mean" suggestions.  */
#include <config.h>

#include <stdlib.h>

#include "base/suggest.h"
#include "base/system.h"
#include "unit.h"

/* suggest_distance.  */

START_TEST (test_distance_classic)
{
  /* kitten -> sitten (k/s) -> sittin (e/i) -> sitting (+g).  */
  ck_assert_uint_eq (suggest_distance ("kitten", "sitting"), 3);
  ck_assert_uint_eq (suggest_distance ("sitting", "kitten"), 3);
  /* flaw -> law (-f) -> lawn (+n).  */
  ck_assert_uint_eq (suggest_distance ("flaw", "lawn"), 2);
}
END_TEST

START_TEST (test_distance_edits)
{
  /* One deletion.  */
  ck_assert_uint_eq (suggest_distance ("m5.xlarge", "m5.xlarg"), 1);
  /* One insertion.  */
  ck_assert_uint_eq (suggest_distance ("m5.xlarg", "m5.xlarge"), 1);
  /* One substitution.  */
  ck_assert_uint_eq (suggest_distance ("eu-north-1", "eu-north-2"), 1);
  /* Identical.  */
  ck_assert_uint_eq (suggest_distance ("eu-north-1", "eu-north-1"), 0);
  /* From or to nothing: one insertion per character.  */
  ck_assert_uint_eq (suggest_distance ("", ""), 0);
  ck_assert_uint_eq (suggest_distance ("", "abc"), 3);
  ck_assert_uint_eq (suggest_distance ("list", ""), 4);
}
END_TEST

START_TEST (test_distance_swaps)
{
  /* A swap of two neighbours counts 1, not 2.  */
  ck_assert_uint_eq (suggest_distance ("eu-nroth-1", "eu-north-1"), 1);
  ck_assert_uint_eq (suggest_distance ("ab", "ba"), 1);
  ck_assert_uint_eq (suggest_distance ("lsit", "list"), 1);
  ck_assert_uint_eq (suggest_distance ("esitmate", "estimate"), 1);
  /* Two separate swaps: 2.  */
  ck_assert_uint_eq (suggest_distance ("m5.xlagre", "m5.xlarge"), 1);
  ck_assert_uint_eq (suggest_distance ("5m.xlagre", "m5.xlarge"), 2);
  /* Optimal string alignment: a swapped pair is not edited again, so
     "ca" -> "abc" is 3 (-c, +b, +c), not 2 as with unrestricted
     transpositions (ca -> ac -> abc).  */
  ck_assert_uint_eq (suggest_distance ("ca", "abc"), 3);
}
END_TEST

START_TEST (test_distance_case)
{
  ck_assert_uint_eq (suggest_distance ("M5.XLarge", "m5.xlarge"), 0);
  ck_assert_uint_eq (suggest_distance ("EU-NORTH-1", "eu-north-1"), 0);
  /* Case is ignored in swaps too.  */
  ck_assert_uint_eq (suggest_distance ("LSIT", "list"), 1);
  ck_assert_uint_eq (suggest_distance ("Kitten", "SITTING"), 3);
}
END_TEST

/* suggest_closest.  */

START_TEST (test_closest_ordering)
{
  static const char *const names[]
    = { "us-east-1", "eu-south-1", "eu-north-2", "eu-north-1" };
  const char *best[4];
  size_t n;

  /* "eu-nort-1" has 9 characters: the limit is 9 / 3 = 3.
       eu-north-1: +h                          = 1
       eu-north-2: +h, 1/2                     = 2
       eu-south-1: n/s, r/u, +h                = 3 (kept: at the limit)
       us-east-1:  e/u u/s n/e o/a r/s         = 5 (dropped)  */
  n = suggest_closest ("eu-nort-1", names, ARRAY_SIZE (names), best, 4);
  ck_assert_uint_eq (n, 3);
  ck_assert_ptr_eq (best[0], names[3]);
  ck_assert_ptr_eq (best[1], names[2]);
  ck_assert_ptr_eq (best[2], names[1]);
  ck_assert_uint_eq (suggest_distance ("eu-nort-1", "eu-south-1"), 3);
  ck_assert_uint_eq (suggest_distance ("eu-nort-1", "us-east-1"), 5);
}
END_TEST

START_TEST (test_closest_exact_first)
{
  static const char *const names[] = { "eu-north-2", "eu-north-1" };
  const char *best[2];

  ck_assert_uint_eq (suggest_closest ("eu-north-1", names, 2, best, 2), 2);
  ck_assert_str_eq (best[0], "eu-north-1");
  ck_assert_str_eq (best[1], "eu-north-2");
}
END_TEST

START_TEST (test_closest_ties)
{
  static const char *const names1[] = { "list", "last", "lost" };
  static const char *const names2[] = { "lost", "list", "last" };
  const char *best[3];

  /* Each is one insertion away from "lst": ties keep NAMES' order.  */
  ck_assert_uint_eq (suggest_closest ("lst", names1, 3, best, 3), 3);
  ck_assert_ptr_eq (best[0], names1[0]);
  ck_assert_ptr_eq (best[1], names1[1]);
  ck_assert_ptr_eq (best[2], names1[2]);
  ck_assert_uint_eq (suggest_closest ("lst", names2, 3, best, 3), 3);
  ck_assert_ptr_eq (best[0], names2[0]);
  ck_assert_ptr_eq (best[1], names2[1]);
  ck_assert_ptr_eq (best[2], names2[2]);
}
END_TEST

START_TEST (test_closest_max)
{
  static const char *const names[] = { "last", "lost", "list", "lst" };
  const char *best[4] = { NULL, NULL, NULL, NULL };

  /* last, lost and list are each one insertion away from "lst": only
     the first MAX of these ties are kept...  */
  ck_assert_uint_eq (suggest_closest ("lst", names, 3, best, 2), 2);
  ck_assert_str_eq (best[0], "last");
  ck_assert_str_eq (best[1], "lost");
  ck_assert_ptr_null (best[2]);
  /* ...and a closer name later in NAMES pushes the last one out:
     lst 0, then last 1 (lost 1 and list 1 no longer fit).  */
  ck_assert_uint_eq (suggest_closest ("lst", names, 4, best, 2), 2);
  ck_assert_str_eq (best[0], "lst");
  ck_assert_str_eq (best[1], "last");
  ck_assert_ptr_null (best[2]);
  ck_assert_uint_eq (suggest_closest ("lst", names, 4, best, 1), 1);
  ck_assert_str_eq (best[0], "lst");
}
END_TEST

START_TEST (test_closest_limit)
{
  static const char *const names[]
    = { "abcdewxyz", "abcdefxyz", "xy", "xyz", "abcdefghijkl" };
  const char *best[5];

  /* Length 9: limit 3.  abcdefxyz is 3 substitutions away (kept),
     abcdewxyz 4 (dropped).  */
  ck_assert_uint_eq (suggest_closest ("abcdefghi", names, 5, best, 5), 2);
  ck_assert_str_eq (best[0], "abcdefxyz");
  /* abcdefghijkl: +j, +k, +l = 3.  */
  ck_assert_str_eq (best[1], "abcdefghijkl");
  /* Length 2: 2 / 3 = 0, raised to the minimum of 2.  "xy" is 2 away
     (kept), "xyz" 3 (dropped).  */
  ck_assert_uint_eq (suggest_closest ("ab", names, 5, best, 5), 1);
  ck_assert_str_eq (best[0], "xy");
  /* Length 12: limit 4.  abcdefghi is 3 deletions away, abcdefxyz 6.  */
  ck_assert_uint_eq (suggest_closest ("abcdefghijkl", names, 5, best, 5), 1);
  ck_assert_str_eq (best[0], "abcdefghijkl");
}
END_TEST

START_TEST (test_closest_none)
{
  static const char *const names[] = { "estimate", "list" };
  const char *best[2] = { NULL, NULL };

  ck_assert_uint_eq (suggest_closest ("compare", names, 2, best, 2), 0);
  ck_assert_uint_eq (suggest_closest ("list", names, 0, best, 2), 0);
  ck_assert_uint_eq (suggest_closest ("list", names, 2, best, 0), 0);
  ck_assert_ptr_null (best[0]);
  ck_assert_ptr_null (best[1]);
}
END_TEST

START_TEST (test_closest_case)
{
  static const char *const names[] = { "estimate", "list" };
  const char *best[2];

  ck_assert_uint_eq (suggest_closest ("ESTMATE", names, 2, best, 2), 1);
  ck_assert_ptr_eq (best[0], names[0]);
}
END_TEST

static Suite *
suggest_suite (void)
{
  Suite *s = suite_create ("suggest");
  TCase *tc;

  tc = tcase_create ("distance");
  tcase_add_test (tc, test_distance_classic);
  tcase_add_test (tc, test_distance_edits);
  tcase_add_test (tc, test_distance_swaps);
  tcase_add_test (tc, test_distance_case);
  suite_add_tcase (s, tc);

  tc = tcase_create ("closest");
  tcase_add_test (tc, test_closest_ordering);
  tcase_add_test (tc, test_closest_exact_first);
  tcase_add_test (tc, test_closest_ties);
  tcase_add_test (tc, test_closest_max);
  tcase_add_test (tc, test_closest_limit);
  tcase_add_test (tc, test_closest_none);
  tcase_add_test (tc, test_closest_case);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (suggest_suite)
