/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Small SVG charts built into a growing text buffer.  */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/quantity.h"
#include "view/svg.h"
#include "base/xalloc.h"

/* Append TEXT to B with the characters XML and HTML give a meaning
   escaped.  */
void
svg_escape (struct strbuf *b, const char *text)
{
  const char *p;

  for (p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        strbuf_append (b, "&amp;");
        break;
      case '<':
        strbuf_append (b, "&lt;");
        break;
      case '>':
        strbuf_append (b, "&gt;");
        break;
      case '"':
        strbuf_append (b, "&quot;");
        break;
      case '\'':
        strbuf_append (b, "&#39;");
        break;
      default:
        strbuf_append_char (b, *p);
        break;
      }
}

double
svg_nice_step (double range, int intervals)
{
  double raw = range / intervals;
  double mag = pow (10.0, floor (log10 (raw)));
  double f = raw / mag;

  /* A little slack so that 0.2000000001 stays 0.2.  */
  if (f <= 1.0 + 1e-9)
    return mag;
  if (f <= 2.0 + 1e-9)
    return 2.0 * mag;
  if (f <= 5.0 + 1e-9)
    return 5.0 * mag;
  return 10.0 * mag;
}

void
svg_axis_fit (struct svg_axis *a, double min, double max, bool allow_log,
              double px_lo, double px_hi)
{
  a->px_lo = px_lo;
  a->px_hi = px_hi;
  a->nticks = 0;
  a->decimals = 0;
  if (allow_log && min > 0.0 && max / min >= SVG_LOG_RATIO)
    {
      int k0 = (int) floor (log10 (min) + 1e-9);
      int k1 = (int) ceil (log10 (max) - 1e-9);
      int k;
      bool subticks = k1 - k0 <= 2;

      a->scale = SVG_LOG;
      a->lo = pow (10.0, k0);
      a->hi = pow (10.0, k1);
      for (k = k0; k <= k1 && a->nticks < SVG_MAX_TICKS; k++)
        {
          double p = pow (10.0, k);

          a->ticks[a->nticks++] = p;
          if (subticks && k < k1 && a->nticks + 2 <= SVG_MAX_TICKS)
            {
              a->ticks[a->nticks++] = 2.0 * p;
              a->ticks[a->nticks++] = 5.0 * p;
            }
        }
      return;
    }

  a->scale = SVG_LINEAR;
  if (!(max > min))
    {
      /* One value: show it in the middle of a small interval.  */
      double pad = fabs (min) > 0.0 ? fabs (min) * 0.5 : 1.0;

      min -= pad;
      max += pad;
    }
  {
    double step = svg_nice_step (max - min, 5);
    double lo = floor (min / step + 1e-9) * step;
    double hi = ceil (max / step - 1e-9) * step;
    double v;
    size_t i;

    /* Charts of positive quantities start at 0 rather than below.  */
    if (lo < 0.0 && min >= 0.0)
      lo = 0.0;
    a->lo = lo;
    a->hi = hi;
    a->decimals = step >= 1.0 ? 0 : (int) ceil (-log10 (step) - 1e-9);
    for (i = 0; i < SVG_MAX_TICKS; i++)
      {
        v = lo + (double) i * step;
        if (v > hi + step * 1e-6)
          break;
        /* No -0 and no float noise in the labels.  */
        if (fabs (v) < step * 1e-9)
          v = 0.0;
        a->ticks[a->nticks++] = v;
      }
  }
}

double
svg_axis_map (const struct svg_axis *a, double value)
{
  double t;

  if (a->scale == SVG_LOG)
    t = (log10 (value) - log10 (a->lo)) / (log10 (a->hi) - log10 (a->lo));
  else
    t = (value - a->lo) / (a->hi - a->lo);
  return a->px_lo + t * (a->px_hi - a->px_lo);
}

/* Group the digits of the whole number in BUF (of SIZE bytes) with ','
   when it has five or more, and fewer than 64 (no axis reaches that).  */
static void
group_thousands (char *buf, size_t size)
{
  struct strbuf out;
  size_t n = strspn (buf + (*buf == '-'), "0123456789");

  if (n < 5 || n >= 64)
    return;
  strbuf_init (&out);
  quantity_grouped (&out, buf, 0);
  snprintf (buf, size, "%s", out.text);
  strbuf_release (&out);
}

void
svg_axis_label (const struct svg_axis *a, double value, char *buf, size_t size)
{
  int decimals = a->decimals;

  if (a->scale == SVG_LOG)
    decimals = value >= 1.0 ? 0 : (int) ceil (-log10 (value) - 1e-9);
  snprintf (buf, size, "%.*f", decimals, value);
  group_thousands (buf, size);
}

/* The plot area inside a chart: margins for the tick labels and axis
   titles.  */
enum
{
  MARGIN_LEFT = 78,
  MARGIN_RIGHT = 24,
  MARGIN_TOP = 16,
  MARGIN_BOTTOM = 54
};

/* Draw axis X along the bottom and Y along the left of the plot area
   (X0, Y0)-(X1, Y1), with grid lines and tick labels.  */
static void
draw_axes (struct strbuf *b, const struct svg_axis *x,
           const struct svg_axis *y, double x0, double y0, double x1,
           double y1, const char *x_label, const char *y_label)
{
  char label[64];
  size_t i;

  strbuf_append (b, "<g class=\"axes\">\n");
  for (i = 0; i < x->nticks; i++)
    {
      double px = svg_axis_map (x, x->ticks[i]);

      svg_axis_label (x, x->ticks[i], label, sizeof label);
      strbuf_printf (b,
                     "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
                     "x2=\"%.1f\" y2=\"%.1f\"/>"
                     "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
                     "text-anchor=\"middle\">%s</text>\n",
                     px, y0, px, y1, px, y1 + 18.0, label);
    }
  for (i = 0; i < y->nticks; i++)
    {
      double py = svg_axis_map (y, y->ticks[i]);

      svg_axis_label (y, y->ticks[i], label, sizeof label);
      strbuf_printf (b,
                     "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
                     "x2=\"%.1f\" y2=\"%.1f\"/>"
                     "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
                     "text-anchor=\"end\">%s</text>\n",
                     x0, py, x1, py, x0 - 6.0, py + 4.0, label);
    }
  strbuf_printf (b,
                 "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                 "y2=\"%.1f\"/><line class=\"axis\" x1=\"%.1f\" "
                 "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                 x0, y1, x1, y1, x0, y0, x0, y1);
  strbuf_printf (b,
                 "<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\" "
                 "text-anchor=\"middle\">",
                 (x0 + x1) / 2.0, y1 + 42.0);
  svg_escape (b, x_label);
  strbuf_printf (b, "%s</text>\n", x->scale == SVG_LOG ? " (log scale)" : "");
  strbuf_printf (b,
                 "<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\" "
                 "text-anchor=\"middle\" transform=\"rotate(-90 %.1f "
                 "%.1f)\">",
                 16.0, (y0 + y1) / 2.0, 16.0, (y0 + y1) / 2.0);
  svg_escape (b, y_label);
  strbuf_printf (b, "%s</text>\n</g>\n",
                 y->scale == SVG_LOG ? " (log scale)" : "");
}

/* The width of a label's character, in pixels: a little wider than
   the 12 px bold font's average, so that a box holds its text.  */
#define SVG_LABEL_CHAR_PX 7.2

/* A placed label's box.  */
struct box
{
  double x0, y0, x1, y1;
};

static bool
overlaps (const struct box *a, const struct box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Fit X and Y to the points of S, in the plot area (X0, Y0)-(X1, Y1).  */
static void
fit_axes (const struct svg_scatter *s, struct svg_axis *x, struct svg_axis *y,
          double x0, double y0, double x1, double y1)
{
  double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
  size_t i;

  for (i = 0; i < s->npoints; i++)
    {
      xmin = fmin (xmin, s->points[i].x);
      xmax = fmax (xmax, s->points[i].x);
      ymin = fmin (ymin, s->points[i].y);
      ymax = fmax (ymax, s->points[i].y);
    }
  if (s->npoints == 0)
    xmin = xmax = ymin = ymax = 1.0;
  svg_axis_fit (x, xmin, xmax, true, x0, x1);
  svg_axis_fit (y, ymin, ymax, true, y1, y0);
}

/* Draw the polyline of S and its points: plain points first, so the
   marked ones are drawn on top.  */
static void
draw_points (struct strbuf *b, const struct svg_scatter *s,
             const struct svg_axis *x, const struct svg_axis *y)
{
  size_t i;

  if (s->nline > 1)
    {
      strbuf_append (b, "<polyline class=\"front\" points=\"");
      for (i = 0; i < s->nline; i++)
        strbuf_printf (b, "%s%.1f,%.1f", i > 0 ? " " : "",
                       svg_axis_map (x, s->line[i].x),
                       svg_axis_map (y, s->line[i].y));
      strbuf_append (b, "\"/>\n");
    }
  for (int pass = 0; pass < 2; pass++)
    for (i = 0; i < s->npoints; i++)
      {
        const struct svg_point *p = &s->points[i];

        if ((p->cls != NULL) != (pass == 1))
          continue;
        strbuf_printf (b,
                       "<circle class=\"pt %s\" cx=\"%.1f\" cy=\"%.1f\" "
                       "r=\"%d\">",
                       p->cls != NULL ? p->cls : "plain",
                       svg_axis_map (x, p->x), svg_axis_map (y, p->y),
                       p->cls != NULL ? 6 : 3);
        if (p->title != NULL)
          {
            strbuf_append (b, "<title>");
            svg_escape (b, p->title);
            strbuf_append (b, "</title>");
          }
        strbuf_append (b, "</circle>\n");
      }
}

/* Whether BOX lies inside S and overlaps none of the N boxes of
   PLACED.  */
static bool
box_free (const struct svg_scatter *s, const struct box *box,
          const struct box *placed, size_t n)
{
  size_t j;

  if (box->x0 < 0.0 || box->x1 > s->width || box->y0 < 0.0
      || box->y1 > s->height)
    return false;
  for (j = 0; j < n; j++)
    if (overlaps (box, &placed[j]))
      return false;
  return true;
}

/* Place the label of a point (at pixel PX, PY) of S, WIDTH pixels wide,
   beside it: right, left, then ever further above and below on either
   side, at the first place that overlaps none of the NPLACED boxes
   PLACED (the labels placed before and the marked points).  Set *LX,
   *LY and *ANCHOR_END, and *BOX; false when no place is free: the
   label is better left out (its point keeps its tooltip) than drawn
   over another.  */
static bool
place_label (const struct svg_scatter *s, double px, double py, double width,
             const struct box *placed, size_t nplaced, double *lx, double *ly,
             bool *anchor_end, struct box *box)
{
  int step, side;

  for (step = 0; step <= 24; step++)
    for (side = 0; side < 2; side++)
      {
        /* 0, then -16, +16, -32, +32, ... pixels from the point.  */
        double dy = (step + 1) / 2 * 16.0 * (step % 2 == 1 ? -1.0 : 1.0);

        *anchor_end = side == 1;
        *lx = px + (side == 1 ? -10.0 : 10.0);
        *ly = py + 4.0 + dy;
        box->x0 = *anchor_end ? *lx - width : *lx;
        box->x1 = *anchor_end ? *lx : *lx + width;
        box->y0 = *ly - 12.0;
        box->y1 = *ly + 3.0;
        if (box_free (s, box, placed, nplaced))
          return true;
      }
  return false;
}

/* The polyline of S as small boxes every 4 pixels along it, so that no
   label is drawn across it, in a new array with room for EXTRA more
   boxes; their count in *N.  */
static struct box *
line_boxes (const struct svg_scatter *s, const struct svg_axis *x,
            const struct svg_axis *y, size_t extra, size_t *n)
{
  struct box *boxes = NULL;
  size_t i, k, total = 0;

  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        boxes = xcalloc (total + extra + 1, sizeof *boxes);
      *n = 0;
      for (i = 1; i < s->nline; i++)
        {
          double x0 = svg_axis_map (x, s->line[i - 1].x);
          double y0 = svg_axis_map (y, s->line[i - 1].y);
          double dx = svg_axis_map (x, s->line[i].x) - x0;
          double dy = svg_axis_map (y, s->line[i].y) - y0;
          size_t steps = 1 + (size_t) (hypot (dx, dy) / 4.0);

          for (k = 0; k < steps; k++)
            {
              double t = (double) k / (double) steps;
              struct box seg = { x0 + t * dx - 1.5, y0 + t * dy - 1.5,
                                 x0 + t * dx + 1.5, y0 + t * dy + 1.5 };

              if (pass == 1)
                boxes[*n] = seg;
              (*n)++;
            }
        }
      total = *n;
    }
  return boxes;
}

/* Draw the labels of the points of S, in point order, each where it
   overlaps no label placed before, no marked point and not the
   polyline; a label with no such place is left out.  */
static void
draw_labels (struct strbuf *b, const struct svg_scatter *s,
             const struct svg_axis *x, const struct svg_axis *y)
{
  size_t i, nplaced;
  struct box *placed = line_boxes (s, x, y, 2 * s->npoints, &nplaced);

  for (i = 0; i < s->npoints; i++)
    if (s->points[i].cls != NULL)
      {
        double px = svg_axis_map (x, s->points[i].x);
        double py = svg_axis_map (y, s->points[i].y);
        struct box dot = { px - 7.0, py - 7.0, px + 7.0, py + 7.0 };

        placed[nplaced++] = dot;
      }
  for (i = 0; i < s->npoints; i++)
    {
      const struct svg_point *p = &s->points[i];
      double lx, ly;
      bool anchor_end;

      if (p->label == NULL
          || !place_label (s, svg_axis_map (x, p->x), svg_axis_map (y, p->y),
                           SVG_LABEL_CHAR_PX * (double) strlen (p->label),
                           placed, nplaced, &lx, &ly, &anchor_end,
                           &placed[nplaced]))
        continue;
      nplaced++;
      strbuf_printf (b, "<text class=\"label %s\" x=\"%.1f\" y=\"%.1f\"%s>",
                     p->cls != NULL ? p->cls : "plain", lx, ly,
                     anchor_end ? " text-anchor=\"end\"" : "");
      svg_escape (b, p->label);
      strbuf_append (b, "</text>\n");
    }
  free (placed);
}

/* Open an SVG chart of class CLS, WIDTH x HEIGHT pixels, described by
   ARIA for screen readers.  */
static void
open_svg (struct strbuf *b, const char *cls, double width, double height,
          const char *aria)
{
  strbuf_printf (b,
                 "<svg "
                 "class=\"%s\" width=\"%.0f\" height=\"%.0f\" "
                 "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"",
                 cls, width, height, width, height);
  svg_escape (b, aria);
  strbuf_append (b, "\">\n");
}

/* The value axis of a bar chart HEIGHT pixels high: a grid line and a
   label at each of X's ticks, and X_LABEL under them.  */
static void
draw_bar_axis (struct strbuf *b, const struct svg_axis *x, double height,
               const char *x_label)
{
  char text[64];
  size_t i;

  for (i = 0; i < x->nticks; i++)
    {
      double px = svg_axis_map (x, x->ticks[i]);

      svg_axis_label (x, x->ticks[i], text, sizeof text);
      strbuf_printf (b,
                     "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
                     "x2=\"%.1f\" y2=\"%.1f\"/><text class=\"tick\" "
                     "x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s"
                     "</text>\n",
                     px, (double) MARGIN_TOP, px, height - 40.0, px,
                     height - 24.0, text);
    }
  strbuf_printf (b,
                 "<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\" "
                 "text-anchor=\"middle\">",
                 (x->px_lo + x->px_hi) / 2.0, height - 6.0);
  svg_escape (b, x_label);
  strbuf_append (b, "</text>\n");
}

void
svg_scatter (struct strbuf *b, const struct svg_scatter *s)
{
  double x0 = MARGIN_LEFT, y0 = MARGIN_TOP;
  double x1 = s->width - MARGIN_RIGHT, y1 = s->height - MARGIN_BOTTOM;
  struct svg_axis x, y;

  fit_axes (s, &x, &y, x0, y0, x1, y1);
  open_svg (b, "chart", s->width, s->height, s->aria);
  draw_axes (b, &x, &y, x0, y0, x1, y1, s->x_label, s->y_label);
  draw_points (b, s, &x, &y);
  draw_labels (b, s, &x, &y);
  strbuf_append (b, "</svg>\n");
}

void
svg_bars (struct strbuf *b, double width, const char *x_label,
          const struct svg_bar *bars, size_t n, const char *const *headings,
          int decimals, const char *aria)
{
  double label_w = 190.0, row = 24.0, head = 26.0;
  double x0 = label_w, x1 = width - 150.0;
  double height = MARGIN_TOP + 40.0, ypos, vmax = 0.0;
  struct svg_axis x;
  size_t i;

  for (i = 0; i < n; i++)
    {
      vmax = fmax (vmax, bars[i].value);
      height += row + (headings != NULL && headings[i] != NULL ? head : 0.0);
    }
  svg_axis_fit (&x, 0.0, vmax > 0.0 ? vmax : 1.0, false, x0, x1);
  open_svg (b, "chart bars", width, height, aria);
  draw_bar_axis (b, &x, height, x_label);
  ypos = MARGIN_TOP;
  for (i = 0; i < n; i++)
    {
      double px;

      if (headings != NULL && headings[i] != NULL)
        {
          strbuf_printf (b, "<text class=\"heading\" x=\"4\" y=\"%.1f\">",
                         ypos + 18.0);
          svg_escape (b, headings[i]);
          strbuf_append (b, "</text>\n");
          ypos += head;
        }
      px = svg_axis_map (&x, bars[i].value);
      strbuf_printf (b,
                     "<text class=\"bar-label\" x=\"%.1f\" y=\"%.1f\" "
                     "text-anchor=\"end\">",
                     x0 - 8.0, ypos + 16.0);
      svg_escape (b, bars[i].label);
      strbuf_printf (b,
                     "</text><rect class=\"bar %s\" x=\"%.1f\" "
                     "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                     bars[i].cls != NULL ? bars[i].cls : "plain", x0,
                     ypos + 4.0, fmax (px - x0, 1.0), row - 8.0);
      strbuf_printf (b,
                     "<text class=\"bar-value\" x=\"%.1f\" "
                     "y=\"%.1f\">%.*f",
                     fmax (px, x0 + 1.0) + 6.0, ypos + 16.0, decimals,
                     bars[i].value);
      if (bars[i].note != NULL)
        {
          strbuf_append (b, " ");
          svg_escape (b, bars[i].note);
        }
      strbuf_append (b, "</text>\n");
      ypos += row;
    }
  strbuf_append (b, "</svg>\n");
}
