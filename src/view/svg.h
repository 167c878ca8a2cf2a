/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Small SVG charts built into a growing text buffer: a scatter plot on
   linear or log axes with labelled points and a polyline, and a
   horizontal bar chart.  Nothing here prints.  */
#ifndef CA_SVG_H
#define CA_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

/* Append TEXT to B with &, <, >, " and ' escaped for XML and HTML.  */
void svg_escape (struct strbuf *b, const char *text);

enum svg_scale
{
  SVG_LINEAR,
  SVG_LOG
};

#define SVG_MAX_TICKS 24

/* An axis: the data interval [LO, HI] drawn from pixel PX_LO to PX_HI
   (PX_HI may be less than PX_LO, as for a y axis), and its ticks.  */
struct svg_axis
{
  enum svg_scale scale;
  double lo;
  double hi;
  double px_lo;
  double px_hi;
  double ticks[SVG_MAX_TICKS];
  size_t nticks;
  int decimals; /* Of the linear tick labels.  */
};

/* The ratio of the greatest to the least value from which an axis goes
   logarithmic: the values span more than this many times.  */
#define SVG_LOG_RATIO 30.0

/* Fit axis A to the data interval [MIN, MAX] (MIN <= MAX, both finite).
   With ALLOW_LOG, MIN > 0 and MAX / MIN >= SVG_LOG_RATIO the axis is
   logarithmic: from the power of ten at or below MIN to the one at or
   above MAX, ticked at each power of ten, and also at 2 and 5 times it
   when the axis spans at most two decades.  Otherwise it is linear from
   a multiple of a "nice" step (1, 2 or 5 times a power of ten, chosen
   for about five intervals) at or below MIN to one at or above MAX,
   ticked at each step; a zero-width interval is widened around its
   value.  Sets the pixel range to [PX_LO, PX_HI].  */
void svg_axis_fit (struct svg_axis *a, double min, double max, bool allow_log,
                   double px_lo, double px_hi);

/* The pixel of VALUE on A (VALUE > 0 on a log axis).  */
double svg_axis_map (const struct svg_axis *a, double value);

/* The label of tick VALUE of A in BUF of SIZE bytes: A's decimals on a
   linear axis, as few as the value needs on a log axis; thousands
   grouped with ',' from 10,000.  */
void svg_axis_label (const struct svg_axis *a, double value, char *buf,
                     size_t size);

/* The nice step (1, 2 or 5 times a power of ten) nearest above RANGE /
   INTERVALS.  RANGE > 0.  */
double svg_nice_step (double range, int intervals);

/* One point of a scatter plot.  LABEL is drawn beside it when not NULL;
   CLS is its CSS class (NULL for the plain class).  */
struct svg_point
{
  double x;
  double y;
  const char *label;
  const char *cls;
  const char *title; /* Tooltip, or NULL.  */
};

struct svg_scatter
{
  double width;
  double height;
  const char *x_label; /* With its unit: "Cost (USD)".  */
  const char *y_label;
  const char *aria; /* What the chart shows, for readers.  */
  const struct svg_point *points;
  size_t npoints;
  const struct svg_point *line; /* A polyline through these, in order.  */
  size_t nline;
};

/* Append the scatter plot S to B as one <svg> element: axes with ticks
   and grid lines (each axis logarithmic when its values span more than
   SVG_LOG_RATIO times), the polyline, the points, then the labels,
   each placed beside its point where it overlaps no other label and
   no marked point (a point with a class), or left out where no such
   place is near.  */
void svg_scatter (struct strbuf *b, const struct svg_scatter *s);

/* One bar of a bar chart.  */
struct svg_bar
{
  const char *label;
  double value;
  const char *cls;  /* CSS class, or NULL.  */
  const char *note; /* Text after the value, or NULL.  */
};

/* Append to B a horizontal bar chart WIDTH pixels wide of the N bars,
   one row each, on a linear axis from 0 labelled X_LABEL, VALUES
   written with DECIMALS digits.  HEADINGS, when not NULL, holds N
   strings: a non-NULL one starts a new section with that heading above
   bar I.  */
void svg_bars (struct strbuf *b, double width, const char *x_label,
               const struct svg_bar *bars, size_t n,
               const char *const *headings, int decimals, const char *aria);

#endif /* CA_SVG_H */
