/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the SVG charts' axes: nice steps, linear and log ticks,
   the mapping to pixels and the tick labels, with hand-worked values.  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "base/strbuf.h"
#include "view/svg.h"
#include "unit.h"

#define EPS 1e-9

START_TEST (test_nice_step)
{
  /* 0..97 in five intervals: 19.4 rounds up to 20.  */
  ck_assert_double_eq_tol (svg_nice_step (97.0, 5), 20.0, EPS);
  /* 0.43 / 5 = 0.086 -> 0.1.  */
  ck_assert_double_eq_tol (svg_nice_step (0.43, 5), 0.1, EPS);
  /* 1000 / 5 = 200 exactly stays 200.  */
  ck_assert_double_eq_tol (svg_nice_step (1000.0, 5), 200.0, EPS);
  /* 12 / 5 = 2.4 -> 5.  */
  ck_assert_double_eq_tol (svg_nice_step (12.0, 5), 5.0, EPS);
  /* 35 / 5 = 7 -> 10.  */
  ck_assert_double_eq_tol (svg_nice_step (35.0, 5), 10.0, EPS);
}
END_TEST

START_TEST (test_linear_axis)
{
  struct svg_axis a;
  char buf[32];

  /* 1,358.87 to 2,170: range 811 / 5 = 162 -> step 200; from 1200 to
     2200, six ticks.  */
  svg_axis_fit (&a, 1358.87, 2170.0, true, 100.0, 600.0);
  ck_assert_int_eq (a.scale, SVG_LINEAR);
  ck_assert_double_eq_tol (a.lo, 1200.0, EPS);
  ck_assert_double_eq_tol (a.hi, 2200.0, EPS);
  ck_assert_uint_eq (a.nticks, 6);
  ck_assert_double_eq_tol (a.ticks[1], 1400.0, EPS);
  ck_assert_int_eq (a.decimals, 0);
  /* 1700 is halfway: pixel 350.  */
  ck_assert_double_eq_tol (svg_axis_map (&a, 1700.0), 350.0, EPS);
  svg_axis_label (&a, 1400.0, buf, sizeof buf);
  ck_assert_str_eq (buf, "1400");

  /* 0.015 to 0.14 (ratio 9.3, not log): step 0.05, 0 to 0.15, labels
     with two decimals; a y axis maps downwards.  */
  svg_axis_fit (&a, 0.015, 0.14, true, 400.0, 0.0);
  ck_assert_int_eq (a.scale, SVG_LINEAR);
  ck_assert_double_eq_tol (a.lo, 0.0, EPS);
  ck_assert_double_eq_tol (a.hi, 0.15, EPS);
  ck_assert_uint_eq (a.nticks, 4);
  ck_assert_int_eq (a.decimals, 2);
  svg_axis_label (&a, a.ticks[1], buf, sizeof buf);
  ck_assert_str_eq (buf, "0.05");
  ck_assert_double_eq_tol (svg_axis_map (&a, 0.075), 200.0, EPS);

  /* Big numbers are grouped.  */
  svg_axis_fit (&a, 0.0, 95000.0, false, 0.0, 1.0);
  ck_assert_double_eq_tol (a.hi, 100000.0, EPS);
  svg_axis_label (&a, a.ticks[1], buf, sizeof buf);
  ck_assert_str_eq (buf, "20,000");

  /* One value: widened by half of it on each side.  */
  svg_axis_fit (&a, 10.0, 10.0, true, 0.0, 1.0);
  ck_assert (a.lo <= 5.0 && a.hi >= 15.0);
}
END_TEST

START_TEST (test_log_axis)
{
  struct svg_axis a;
  char buf[32];

  /* 3 to 4,500: ratio 1500, log; 1 to 10,000, four decades, ticks at
     the powers of ten only.  */
  svg_axis_fit (&a, 3.0, 4500.0, true, 0.0, 400.0);
  ck_assert_int_eq (a.scale, SVG_LOG);
  ck_assert_double_eq_tol (a.lo, 1.0, EPS);
  ck_assert_double_eq_tol (a.hi, 10000.0, EPS);
  ck_assert_uint_eq (a.nticks, 5);
  ck_assert_double_eq_tol (a.ticks[2], 100.0, EPS);
  /* 100 is two decades of four: pixel 200.  */
  ck_assert_double_eq_tol (svg_axis_map (&a, 100.0), 200.0, EPS);
  svg_axis_label (&a, 10000.0, buf, sizeof buf);
  ck_assert_str_eq (buf, "10,000");

  /* 0.02 to 1.5: ratio 75, two decades (0.01 to 1... up to 10): 0.01 to
     10 is three decades, so powers of ten only.  */
  svg_axis_fit (&a, 0.02, 1.5, true, 0.0, 300.0);
  ck_assert_int_eq (a.scale, SVG_LOG);
  ck_assert_double_eq_tol (a.lo, 0.01, EPS);
  ck_assert_double_eq_tol (a.hi, 10.0, EPS);
  ck_assert_uint_eq (a.nticks, 4);
  svg_axis_label (&a, 0.01, buf, sizeof buf);
  ck_assert_str_eq (buf, "0.01");

  /* 2 to 90: ratio 45, 1 to 100, two decades: ticks 1 2 5 10 20 50
     100.  */
  svg_axis_fit (&a, 2.0, 90.0, true, 0.0, 200.0);
  ck_assert_int_eq (a.scale, SVG_LOG);
  ck_assert_uint_eq (a.nticks, 7);
  ck_assert_double_eq_tol (a.ticks[1], 2.0, EPS);
  ck_assert_double_eq_tol (a.ticks[2], 5.0, EPS);
  ck_assert_double_eq_tol (a.ticks[5], 50.0, EPS);
  ck_assert_double_eq_tol (svg_axis_map (&a, 10.0), 100.0, EPS);

  /* Without ALLOW_LOG, or with a zero, the axis stays linear.  */
  svg_axis_fit (&a, 2.0, 90.0, false, 0.0, 1.0);
  ck_assert_int_eq (a.scale, SVG_LINEAR);
  svg_axis_fit (&a, 0.0, 90.0, true, 0.0, 1.0);
  ck_assert_int_eq (a.scale, SVG_LINEAR);
}
END_TEST

/* Set S to a scatter chart 400 px wide and HEIGHT high, with axes "x"
   and "y", of the N points PTS.  */
static void
scatter_spec (struct svg_scatter *s, double height, const char *aria,
              const struct svg_point *pts, size_t n)
{
  memset (s, 0, sizeof *s);
  s->width = 400;
  s->height = height;
  s->x_label = "x";
  s->y_label = "y";
  s->aria = aria;
  s->points = pts;
  s->npoints = n;
}

START_TEST (test_escape_and_charts)
{
  struct strbuf b;
  struct svg_point pts[2]
    = { { 1.0, 2.0, "a<b", "rec", NULL }, { 3.0, 4.0, NULL, NULL, "t&t" } };
  struct svg_scatter s;
  struct svg_bar bars[1] = { { "r1", 5.0, NULL, "note" } };

  strbuf_init (&b);
  svg_escape (&b, "<&\"'>");
  ck_assert_str_eq (b.text, "&lt;&amp;&quot;&#39;&gt;");
  scatter_spec (&s, 300, "test", pts, 2);
  s.line = pts;
  s.nline = 2;
  svg_scatter (&b, &s);
  ck_assert_ptr_nonnull (strstr (b.text, "<polyline"));
  ck_assert_ptr_nonnull (strstr (b.text, ">a&lt;b</text>"));
  ck_assert_ptr_nonnull (strstr (b.text, "<title>t&amp;t</title>"));
  ck_assert_ptr_null (strstr (b.text, "http"));
  svg_bars (&b, 600, "kg", bars, 1, NULL, 1, "bars");
  ck_assert_ptr_nonnull (strstr (b.text, "5.0 note</text>"));
  ck_assert_uint_eq (strlen (b.text), b.len);
  strbuf_release (&b);
}
END_TEST

/* Labels never overlap: twelve labelled points in one spot of a chart
   120 px high, with room for fewer than twelve one-line labels.  Each label
   drawn is parsed back to its box (7.2 px a character, 12 px above the
   baseline and 3 below, as svg.c places them) and no two boxes meet; those
   with no free place are left out, so fewer than twelve are drawn, but some
   are.  */
START_TEST (test_labels_never_overlap)
{
  struct svg_point pts[12];
  struct svg_scatter s;
  struct strbuf b;
  double x0[12], x1[12], y0[12], y1[12];
  const char *p;
  size_t i, j, n = 0;

  for (i = 0; i < 12; i++)
    {
      pts[i].x = 1.0;
      pts[i].y = 1.0;
      pts[i].label = "a label of twenty-four ch";
      pts[i].cls = "rec";
      pts[i].title = NULL;
    }
  scatter_spec (&s, 120, "crowded", pts, 12);
  strbuf_init (&b);
  svg_scatter (&b, &s);
  for (p = strstr (b.text, "<text class=\"label"); p != NULL;
       p = strstr (p + 1, "<text class=\"label"))
    {
      double x, y, w = 7.2 * (double) strlen (pts[0].label);
      const char *end = strchr (p, '>');

      ck_assert_int_eq (
        sscanf (strstr (p, " x=\""), " x=\"%lf\" y=\"%lf\"", &x, &y), 2);
      ck_assert (n < 12);
      /* text-anchor="end" puts the text left of x.  */
      if (strstr (p, "text-anchor") != NULL && strstr (p, "text-anchor") < end)
        x -= w;
      x0[n] = x;
      x1[n] = x + w;
      y0[n] = y - 12.0;
      y1[n] = y + 3.0;
      ck_assert (x0[n] >= 0.0 && x1[n] <= 400.0 && y0[n] >= 0.0
                 && y1[n] <= 120.0);
      n++;
    }
  ck_assert (n >= 2 && n < 12);
  for (i = 0; i < n; i++)
    for (j = i + 1; j < n; j++)
      ck_assert_msg (
        !(x0[i] < x1[j] && x0[j] < x1[i] && y0[i] < y1[j] && y0[j] < y1[i]),
        "labels %zu and %zu overlap", i, j);
  strbuf_release (&b);
}
END_TEST

/* The buffer the charts are built in: appends of every kind, growth
   far past the first allocation, reset, truncate and detach.  */
START_TEST (test_strbuf)
{
  struct strbuf b;
  char *text;
  size_t i;

  strbuf_init (&b);
  ck_assert_str_eq (b.text, "");
  strbuf_append (&b, "ab");
  strbuf_append_char (&b, 'c');
  strbuf_append_len (&b, "defgh", 2);
  strbuf_printf (&b, "-%d-%s", 42, "x");
  ck_assert_str_eq (b.text, "abcde-42-x");
  ck_assert_uint_eq (b.len, 10);
  for (i = 0; i < 1000; i++)
    strbuf_printf (&b, "%05zu", i);
  ck_assert_uint_eq (b.len, 10 + 5000);
  ck_assert_uint_eq (strlen (b.text), b.len);
  ck_assert_int_eq (memcmp (b.text + b.len - 5, "00999", 5), 0);
  strbuf_truncate (&b, 3);
  ck_assert_str_eq (b.text, "abc");
  strbuf_truncate (&b, 30);
  ck_assert_str_eq (b.text, "abc");
  text = strbuf_detach (&b);
  ck_assert_str_eq (text, "abc");
  ck_assert_str_eq (b.text, "");
  free (text);
  strbuf_append (&b, "again");
  strbuf_reset (&b);
  ck_assert_uint_eq (b.len, 0);
  ck_assert_str_eq (b.text, "");
  strbuf_release (&b);
}
END_TEST

static Suite *
svg_suite (void)
{
  Suite *s = suite_create ("svg");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_nice_step);
  tcase_add_test (tc, test_linear_axis);
  tcase_add_test (tc, test_log_axis);
  tcase_add_test (tc, test_escape_and_charts);
  tcase_add_test (tc, test_labels_never_overlap);
  tcase_add_test (tc, test_strbuf);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (svg_suite)
