/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The report's SVG charts: carbon against cost (far-out candidates
   left off with a note, labels that never overlap) and the regions of
   each group.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/report.h"
#include "base/xalloc.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The CSS class of candidate I's point on the chart of carbon against
   cost: its most telling role, or NULL for a plain candidate.  */
static const char *
point_class (const struct report *r, size_t i)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;

  return i == r->rec                        ? "rec"
         : i == rk->carbon_pick             ? "priced"
         : i == p->cheapest                 ? "cheap"
         : i == p->greenest                 ? "green"
         : i == p->knee                     ? "front"
         : rk->front_slot[i] != PARETO_NONE ? "front"
                                            : NULL;
}

/* Fill PTS with the candidates of R, then its baseline: each with a
   tooltip and, when it has a role, a label (both new strings).  Return
   how many.  Labels are placed in point order: the marked points come
   first so that theirs get the best places.  A plain candidate beyond
   XMAX (USD) or YMAX (kgCO2e) is left out and counted in *CLIPPED.  */
static size_t
chart_points (const struct report *r, struct svg_point *pts, double xmax,
              double ymax, size_t *clipped)
{
  const struct advise_ranking *rk = &r->res->ranking;
  struct strbuf text, marks;
  size_t i, n = 0;

  strbuf_init (&text);
  strbuf_init (&marks);
  for (int pass = 0; pass < 2; pass++)
    for (i = 0; i < rk->n; i++)
      {
        const struct run *run = report_run (r, i);

        strbuf_reset (&marks);
        report_marks (r, i, &marks);
        if ((marks.len > 0) != (pass == 0))
          continue;
        if (point_class (r, i) == NULL
            && (run->footprint.cost_usd > xmax
                || run->footprint.total_gco2e / 1000.0 > ymax))
          {
            (*clipped)++;
            continue;
          }
        pts[n].x = run->footprint.cost_usd;
        pts[n].y = run->footprint.total_gco2e / 1000.0;
        pts[n].cls = point_class (r, i);
        strbuf_printf (&text, "%s@%s: %.1f kgCO2e, %.2f USD",
                       run->instance->name, run->region->name,
                       run->footprint.total_gco2e / 1000.0,
                       run->footprint.cost_usd);
        pts[n].title = strbuf_detach (&text);
        if (marks.len > 0)
          {
            strbuf_printf (&text, "%s %s: %s", run->instance->name,
                           run->region->name, marks.text);
            pts[n].label = strbuf_detach (&text);
          }
        n++;
      }
  if (rk->has_baseline)
    {
      pts[n].x = rk->baseline.footprint.cost_usd;
      pts[n].y = rk->baseline.footprint.total_gco2e / 1000.0;
      pts[n].cls = "base";
      strbuf_printf (&text, "%s %s: current setup",
                     rk->baseline.instance->name, rk->baseline.region->name);
      pts[n].label = strbuf_detach (&text);
      n++;
    }
  strbuf_release (&text);
  strbuf_release (&marks);
  return n;
}

/* The value at the Qth quantile (0 to 1) of the N values V, which it
   sorts.  */
static double
quantile (double *v, size_t n, double q)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return v[(size_t) (q * (double) (n - 1))];
}

/* The far edges of the chart, *XMAX (USD) and *YMAX (kgCO2e): a quarter
   beyond the farther of the marked points (the best trade-offs, the
   picks, the current setup) and the 90th percentile of all candidates,
   so that a few far-out candidates do not squash the rest into a
   corner.  */
static void
chart_edges (const struct report *r, double *xmax, double *ymax)
{
  const struct advise_ranking *rk = &r->res->ranking;
  double *xs = xcalloc (rk->n + 1, sizeof *xs);
  double *ys = xcalloc (rk->n + 1, sizeof *ys);
  double mx = 0.0, my = 0.0;
  size_t i;

  for (i = 0; i < rk->n; i++)
    {
      const struct run *run = report_run (r, i);

      xs[i] = run->footprint.cost_usd;
      ys[i] = run->footprint.total_gco2e / 1000.0;
      if (point_class (r, i) != NULL)
        {
          mx = fmax (mx, xs[i]);
          my = fmax (my, ys[i]);
        }
    }
  if (rk->has_baseline)
    {
      mx = fmax (mx, rk->baseline.footprint.cost_usd);
      my = fmax (my, rk->baseline.footprint.total_gco2e / 1000.0);
    }
  *xmax = 1.25 * fmax (mx, rk->n > 0 ? quantile (xs, rk->n, 0.9) : 0.0);
  *ymax = 1.25 * fmax (my, rk->n > 0 ? quantile (ys, rk->n, 0.9) : 0.0);
  free (xs);
  free (ys);
}

void
report_carbon_chart (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  struct svg_point *pts = xcalloc (rk->n + 2, sizeof *pts);
  struct svg_point *line = xcalloc (p->nfront + 1, sizeof *line);
  struct svg_scatter s;
  double xmax, ymax;
  size_t i, n, k, clipped = 0;

  chart_edges (r, &xmax, &ymax);
  n = chart_points (r, pts, xmax, ymax, &clipped);
  for (k = 0; k < p->nfront; k++)
    {
      line[k].x = rk->cost[p->front[k]];
      line[k].y = rk->carbon[p->front[k]] / 1000.0;
    }
  memset (&s, 0, sizeof s);
  s.width = 1120;
  s.height = 520;
  s.x_label = "Cost of the job (USD)";
  s.y_label = "Emissions (kgCO2e)";
  s.aria = "Emissions against cost of every option, with the best "
           "trade-offs joined by a line";
  s.points = pts;
  s.npoints = n;
  s.line = line;
  s.nline = p->nfront;
  svg_scatter (b, &s);
  if (clipped > 0)
    strbuf_printf (b,
                   "<p class=\"note\" id=\"chart-clipped\">%zu of the %zu "
                   "options lie far out (above %.0f USD or %.3g kgCO2e) "
                   "and are left off the chart so that the rest can be "
                   "told apart; none of them is among the best "
                   "trade-offs.</p>\n",
                   clipped, rk->n, xmax, ymax);
  for (i = 0; i < n; i++)
    {
      free ((char *) pts[i].title);
      free ((char *) pts[i].label);
    }
  free (pts);
  free (line);
}

void
report_regions_chart (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = report_run (r, r->rec);
  size_t total = 1, g, i, n = 0;
  struct svg_bar *bars;
  const char **heads;
  struct strbuf note;

  for (g = 0; g < r->ngroups; g++)
    total += r->groups[g].cmp->nrows;
  bars = xcalloc (total + 1, sizeof *bars);
  heads = xcalloc (total + 1, sizeof *heads);
  strbuf_init (&note);
  if (rk->has_baseline)
    {
      bars[n].label = rk->baseline.region->name;
      bars[n].value = rk->baseline.footprint.total_gco2e / 1000.0;
      bars[n].cls = "base";
      strbuf_printf (&note, "kgCO2e, %.2f USD, %s",
                     rk->baseline.footprint.cost_usd,
                     rk->baseline.instance->name);
      bars[n].note = strbuf_detach (&note);
      heads[n] = "Current setup";
      n++;
    }
  for (g = 0; g < r->ngroups; g++)
    {
      const struct compare *cmp = r->groups[g].cmp;

      for (i = 0; i < cmp->nrows; i++)
        {
          const struct run *run = &cmp->rows[i].run;
          bool is_rec
            = run->region == c->region && run->instance == c->instance;

          strbuf_printf (&note, "kgCO2e, %.2f USD%s%s%s",
                         run->footprint.cost_usd,
                         cmp->rows[i].equivalent ? ", as " : "",
                         cmp->rows[i].equivalent ? run->instance->name : "",
                         is_rec ? "  \xe2\x86\x90 recommended" : "");
          bars[n].label = run->region->name;
          bars[n].value = run->footprint.total_gco2e / 1000.0;
          bars[n].cls = is_rec ? "rec" : NULL;
          bars[n].note = strbuf_detach (&note);
          heads[n] = i == 0 ? r->groups[g].name : NULL;
          n++;
        }
    }
  svg_bars (b, 1120, "Emissions of the job (kgCO2e)", bars, n, heads, 1,
            "Emissions of the recommended instance type in each region of "
            "the chosen groups");
  for (i = 0; i < n; i++)
    free ((char *) bars[i].note);
  strbuf_release (&note);
  free (heads);
  free (bars);
}
