/* The report as one self-contained HTML page: inline CSS and SVG.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/report.h"
#include "base/xalloc.h"

static const char css[]
  = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
    "sans-serif;color:#1d2430;max-width:1180px;margin:0 auto;"
    "padding:18px 28px;background:#fff}\n"
    "h1{font-size:26px;margin:4px 0 2px}h2{font-size:19px;margin:26px 0 "
    "8px;border-bottom:1px solid #dde3ea;padding-bottom:3px}\n"
    ".job{color:#56606e;margin:0 0 12px}\n"
    ".headline{background:#eef7f0;border-left:6px solid #2e8b57;"
    "padding:12px 16px;border-radius:4px}\n"
    ".headline .do{font-size:20px;font-weight:600;margin:0 0 6px}\n"
    ".kpis{display:flex;gap:14px;flex-wrap:wrap;margin:10px 0 4px}\n"
    ".kpi{background:#fff;border:1px solid #cfe3d6;border-radius:6px;"
    "padding:6px 14px;min-width:150px}\n"
    ".kpi b{display:block;font-size:22px}.kpi span{color:#56606e;"
    "font-size:13px}\n"
    ".grid2{display:grid;grid-template-columns:1fr;gap:8px}\n"
    "table{border-collapse:collapse;font-size:14px;margin:6px 0}\n"
    "th,td{padding:3px 9px;border-bottom:1px solid #e5e9ef;"
    "text-align:left}td.n,th.n{text-align:right;"
    "font-variant-numeric:tabular-nums}\n"
    "tr.rec td{background:#eef7f0;font-weight:600}\n"
    ".note{color:#56606e;font-size:13px}ul{margin:4px 0;padding-left:20px}\n"
    "svg.chart{display:block;margin:4px 0}\n"
    ".chart text{font:12px system-ui,sans-serif;fill:#1d2430}\n"
    ".chart .tick{fill:#56606e}.chart .axis-title{font-size:13px;"
    "font-weight:600}\n"
    ".chart .grid{stroke:#e8ecf1}.chart .axis{stroke:#8a94a3}\n"
    ".chart .front{fill:none;stroke:#2e8b57;stroke-width:2}\n"
    ".pt{stroke:#fff;stroke-width:1}.pt.plain{fill:#9aa5b4;"
    "fill-opacity:.55;stroke:none}\n"
    ".pt.front{fill:#2e8b57}.pt.rec{fill:#0b6e3a;stroke:#000;"
    "stroke-width:2}\n"
    ".pt.cheap{fill:#1f6fd1}.pt.green{fill:#7bbf3a}.pt.priced{fill:#b15cc7}"
    "\n.pt.base{fill:#d1431f}\n"
    ".label{font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3}"
    "\n.label.rec{fill:#0b6e3a}.label.base{fill:#d1431f}.label.cheap{fill:"
    "#1f6fd1}.label.green{fill:#4d8a17}.label.priced{fill:#8a3aa0}\n"
    ".bar.plain{fill:#9aa5b4}.bar.rec{fill:#0b6e3a}.bar.base{fill:#d1431f}"
    "\n.chart .heading{font-weight:700;font-size:13px}\n"
    ".legend span{display:inline-block;margin-right:14px;font-size:13px}\n"
    ".legend i{display:inline-block;width:11px;height:11px;"
    "border-radius:6px;margin-right:4px;vertical-align:-1px}\n"
    "@media print{body{max-width:none}}\n";

static void
esc (struct strbuf *b, const char *text)
{
  svg_escape (b, text);
}

static const struct run *
cand (const struct report *r, size_t i)
{
  return &r->res->ranking.cands[i].run;
}

/* The chart of carbon against cost.  */
static void
carbon_chart (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  struct svg_point *pts = xcalloc (rk->n + 2, sizeof *pts);
  struct svg_point *line = xcalloc (p->nfront + 1, sizeof *line);
  char **labels = xcalloc (rk->n + 2, sizeof *labels);
  struct svg_scatter s;
  size_t i, n = 0, k;

  /* Labels are placed in point order: the marked points come first so
     that theirs get the best places.  */
  for (int pass = 0; pass < 2; pass++)
    for (i = 0; i < rk->n; i++)
      {
        const struct run *run = cand (r, i);
        char marks[96], text[200];
        bool marked;

        report_marks (r, i, marks, sizeof marks);
        marked = marks[0] != '\0';
        if (marked != (pass == 0))
          continue;
        pts[n].x = run->footprint.cost_usd;
        pts[n].y = run->footprint.total_gco2e / 1000.0;
        pts[n].cls = i == r->rec           ? "rec"
                     : i == rk->carbon_pick ? "priced"
                     : i == p->cheapest     ? "cheap"
                     : i == p->greenest     ? "green"
                     : i == p->knee         ? "front"
                     : rk->front_slot[i] != PARETO_NONE ? "front"
                                                         : NULL;
        snprintf (text, sizeof text, "%s@%s: %.1f kgCO2e, %.2f USD",
                  run->instance->name, run->region->name,
                  run->footprint.total_gco2e / 1000.0,
                  run->footprint.cost_usd);
        labels[n] = xstrdup (text);
        pts[n].title = labels[n];
        if (marked)
          {
            snprintf (text, sizeof text, "%s %s: %s", run->instance->name,
                      run->region->name, marks);
            pts[n].label = xstrdup (text);
          }
        n++;
      }
  if (rk->has_baseline)
    {
      char text[200];

      pts[n].x = rk->baseline.footprint.cost_usd;
      pts[n].y = rk->baseline.footprint.total_gco2e / 1000.0;
      pts[n].cls = "base";
      snprintf (text, sizeof text, "%s %s: baseline",
                rk->baseline.instance->name, rk->baseline.region->name);
      pts[n].label = xstrdup (text);
      labels[n] = NULL;
      n++;
    }
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
  s.aria = "Emissions against cost of every candidate, with the Pareto "
           "front";
  s.points = pts;
  s.npoints = n;
  s.line = line;
  s.nline = p->nfront;
  svg_scatter (b, &s);
  for (i = 0; i < n; i++)
    {
      free (labels[i]);
      free ((char *) pts[i].label);
    }
  free (labels);
  free (pts);
  free (line);
}

/* The chart of the regions of each group.  */
static void
regions_chart (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = cand (r, r->rec);
  size_t total = 1, g, i, n = 0;
  struct svg_bar *bars;
  const char **heads;
  char **notes;

  for (g = 0; g < r->ngroups; g++)
    total += r->groups[g].cmp->nrows;
  bars = xcalloc (total + 1, sizeof *bars);
  heads = xcalloc (total + 1, sizeof *heads);
  notes = xcalloc (total + 1, sizeof *notes);
  if (rk->has_baseline)
    {
      bars[n].label = rk->baseline.region->name;
      bars[n].value = rk->baseline.footprint.total_gco2e / 1000.0;
      bars[n].cls = "base";
      {
        char note[160];

        snprintf (note, sizeof note, "kgCO2e, %.2f USD, %s",
                  rk->baseline.footprint.cost_usd,
                  rk->baseline.instance->name);
        notes[n] = xstrdup (note);
      }
      bars[n].note = notes[n];
      heads[n] = "Baseline";
      n++;
    }
  for (g = 0; g < r->ngroups; g++)
    {
      const struct compare *cmp = r->groups[g].cmp;

      for (i = 0; i < cmp->nrows; i++)
        {
          const struct run *run = &cmp->rows[i].run;
          char note[160];
          bool is_rec = run->region == c->region
                        && run->instance == c->instance;

          snprintf (note, sizeof note, "kgCO2e, %.2f USD%s%s%s",
                    run->footprint.cost_usd,
                    cmp->rows[i].equivalent ? ", as " : "",
                    cmp->rows[i].equivalent ? run->instance->name : "",
                    is_rec ? "  \xe2\x86\x90 recommended" : "");
          notes[n] = xstrdup (note);
          bars[n].label = run->region->name;
          bars[n].value = run->footprint.total_gco2e / 1000.0;
          bars[n].cls = is_rec ? "rec" : NULL;
          bars[n].note = notes[n];
          heads[n] = i == 0 ? r->groups[g].name : NULL;
          n++;
        }
    }
  svg_bars (b, 1120, "Emissions of the job (kgCO2e)", bars, n, heads, 1,
            "Emissions of the recommended instance type in each region of "
            "the chosen groups");
  for (i = 0; i < n; i++)
    free (notes[i]);
  free (notes);
  free (heads);
  free (bars);
}

static void
front_table (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  bool unc = rk->unc != NULL;
  size_t k;

  strbuf_printf (b, "<table><thead><tr><th>Instance</th><th>Region</th>"
                 "<th class=\"n\">Runtime (h)</th><th class=\"n\">"
                 "Emissions (kgCO2e)</th>%s<th class=\"n\">Cost (USD)</th>"
                 "%s<th>Best at carbon price (USD/t)</th><th>Notes</th>"
                 "</tr></thead>\n<tbody>\n",
                 unc ? "<th class=\"n\">p5&ndash;p95</th>" : "",
                 unc ? "<th class=\"n\">P(front)</th>" : "");
  for (k = 0; k < p->nfront; k++)
    {
      size_t i = p->front[k];
      const struct run *run = cand (r, i);
      char kg[32], lo[32], hi[32], marks[96];

      report_kg (run->footprint.total_gco2e, kg, sizeof kg);
      report_marks (r, i, marks, sizeof marks);
      strbuf_printf (b, "<tr%s><td>", i == r->rec ? " class=\"rec\"" : "");
      esc (b, run->instance->name);
      strbuf_append (b, "</td><td>");
      esc (b, run->region->name);
      strbuf_printf (b, "</td><td class=\"n\">%.2f</td><td class=\"n\">%s"
                     "</td>",
                     run->runtime_h, kg);
      if (unc)
        {
          struct uncertainty_summary sum;

          uncertainty_summarise (rk->unc, i, &sum);
          report_kg (sum.total_gco2e[0], lo, sizeof lo);
          report_kg (sum.total_gco2e[2], hi, sizeof hi);
          strbuf_printf (b, "<td class=\"n\">%s&ndash;%s</td>", lo, hi);
        }
      strbuf_printf (b, "<td class=\"n\">%.2f</td>", run->footprint.cost_usd);
      if (unc)
        strbuf_printf (b, "<td class=\"n\">%.2f</td>", rk->p_front[i]);
      if (rk->hull_slot[i] != PARETO_NONE)
        {
          size_t h = rk->hull_slot[i];

          if (isinf (p->hull_price_high[h]))
            strbuf_printf (b, "<td>above %.0f</td>", p->hull_price_low[h]);
          else
            strbuf_printf (b, "<td>%.0f to %.0f</td>", p->hull_price_low[h],
                           p->hull_price_high[h]);
        }
      else
        strbuf_append (b, "<td>&ndash;</td>");
      strbuf_append (b, "<td>");
      esc (b, marks);
      strbuf_append (b, "</td></tr>\n");
    }
  strbuf_append (b, "</tbody></table>\n");
}

void
report_html (struct strbuf *b, const struct report *r)
{
  const struct advise_opts *o = r->opts;
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  const struct run *c = cand (r, r->rec);
  const char *labels[16];
  char *texts[16];
  char text[1024], kg[32];
  size_t i, n;

  strbuf_append (b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                 "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                 "content=\"width=device-width, initial-scale=1\">\n"
                 "<title>");
  esc (b, r->title);
  strbuf_printf (b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
                 css);
  esc (b, r->title);
  strbuf_printf (b, "</h1>\n<p class=\"job\">Job: %ld instance%s for "
                 "%g h%s%s at %g %% load; %zu candidates met the "
                 "constraints, %zu on the Pareto front.</p>\n",
                 o->job.params.count, o->job.params.count == 1 ? "" : "s",
                 o->job.params.runtime_h,
                 o->reference != NULL ? " measured on " : "",
                 o->reference != NULL ? o->reference : "",
                 o->job.params.load_pct, rk->n, p->nfront);

  /* The headline.  */
  strbuf_append (b, "<section class=\"headline\" id=\"headline\">\n"
                 "<p class=\"do\">Run on ");
  esc (b, c->instance->name);
  strbuf_append (b, " in ");
  esc (b, c->region->name);
  strbuf_append (b, "</p>\n<div class=\"kpis\">\n");
  report_kg (c->footprint.total_gco2e, kg, sizeof kg);
  strbuf_printf (b, "<div class=\"kpi\"><b>%s kgCO2e</b><span>emissions "
                 "of the job</span></div>\n<div class=\"kpi\"><b>%.2f USD"
                 "</b><span>cost of the job</span></div>\n",
                 kg, c->footprint.cost_usd);
  if (rk->has_baseline)
    {
      const struct footprint *bf = &rk->baseline.footprint;
      double dg = bf->total_gco2e - c->footprint.total_gco2e;
      double du = bf->cost_usd - c->footprint.cost_usd;

      report_kg (dg, kg, sizeof kg);
      strbuf_printf (b, "<div class=\"kpi\"><b>%s kgCO2e</b><span>saved "
                     "against the baseline</span></div>\n"
                     "<div class=\"kpi\"><b>%.1f %%</b><span>less carbon"
                     "</span></div>\n<div class=\"kpi\"><b>%.2f USD</b>"
                     "<span>%s</span></div>\n",
                     kg,
                     bf->total_gco2e > 0.0 ? 100.0 * dg / bf->total_gco2e
                                           : 0.0,
                     fabs (du), du >= 0.0 ? "saved" : "more than the "
                     "baseline");
      if (rk->unc != NULL)
        strbuf_printf (b, "<div class=\"kpi\"><b>%.0f %%</b><span>chance it "
                       "beats the baseline</span></div>\n",
                       100.0 * rk->p_below_baseline);
    }
  strbuf_append (b, "</div>\n<p>");
  report_headline (r, text, sizeof text);
  esc (b, text);
  strbuf_append (b, "</p>\n");
  report_uncertainty_text (r, text, sizeof text);
  if (text[0] != '\0')
    {
      strbuf_append (b, "<p class=\"note\">");
      esc (b, text);
      strbuf_append (b, "</p>\n");
    }
  report_price_dates_text (r, text, sizeof text);
  if (text[0] != '\0')
    {
      strbuf_append (b, "<p class=\"note\">");
      esc (b, text);
      strbuf_append (b, "</p>\n");
    }
  strbuf_append (b, "</section>\n");

  /* The charts.  */
  strbuf_append (b, "<h2 id=\"chart-front\">Carbon against cost</h2>\n"
                 "<p class=\"legend\"><span><i style=\"background:#0b6e3a\">"
                 "</i>recommended</span><span><i style=\"background:#2e8b57"
                 "\"></i>Pareto front</span><span><i style=\"background:"
                 "#1f6fd1\"></i>cheapest</span><span><i style=\"background:"
                 "#7bbf3a\"></i>greenest</span><span><i style=\"background:"
                 "#b15cc7\"></i>carbon-price pick</span><span><i style=\""
                 "background:#d1431f\"></i>baseline</span><span><i style=\""
                 "background:#9aa5b4\"></i>other candidates</span></p>\n");
  carbon_chart (b, r);
  if (r->ngroups > 0)
    {
      strbuf_append (b, "<h2 id=\"chart-regions\">");
      esc (b, c->instance->name);
      strbuf_append (b, " across the regions</h2>\n");
      regions_chart (b, r);
      strbuf_append (b, "<p class=\"note\">The same job on the recommended "
                     "instance type (or, where another provider runs the "
                     "region, its closest equivalent) in every region of "
                     "each group.</p>\n");
    }

  /* The front.  */
  strbuf_append (b, "<h2 id=\"front\">The Pareto front</h2>\n");
  front_table (b, r);
  strbuf_append (b, "<ul class=\"why\">\n");
  for (i = 0; i < 2; i++)
    {
      report_why_not (r, (int) i, text, sizeof text);
      if (text[0] == '\0')
        continue;
      strbuf_append (b, "<li>");
      esc (b, text);
      strbuf_append (b, "</li>\n");
    }
  strbuf_append (b, "</ul>\n");

  /* Carbon-price ranges.  */
  if (p->nhull > 1)
    {
      strbuf_append (b, "<h2 id=\"prices\">Best choice by carbon price"
                     "</h2>\n<table><thead><tr><th class=\"n\">Carbon price "
                     "(USD/tCO2e)</th><th>Instance</th><th>Region</th></tr>"
                     "</thead><tbody>\n");
      for (i = 0; i < p->nhull; i++)
        {
          const struct run *run = cand (r, p->hull[i]);

          if (isinf (p->hull_price_high[i]))
            strbuf_printf (b, "<tr><td class=\"n\">above %.0f</td>",
                           p->hull_price_low[i]);
          else
            strbuf_printf (b, "<tr><td class=\"n\">%.0f to %.0f</td>",
                           p->hull_price_low[i], p->hull_price_high[i]);
          strbuf_append (b, "<td>");
          esc (b, run->instance->name);
          strbuf_append (b, "</td><td>");
          esc (b, run->region->name);
          strbuf_append (b, "</td></tr>\n");
        }
      strbuf_append (b, "</tbody></table>\n");
    }

  /* Assumptions and attribution.  */
  strbuf_append (b, "<h2 id=\"assumptions\">Assumptions</h2>\n<table>"
                 "<tbody>\n");
  n = report_assumptions (r, labels, texts, ARRAY_SIZE (labels));
  for (i = 0; i < n; i++)
    {
      strbuf_printf (b, "<tr><th>%s</th><td>", labels[i]);
      esc (b, texts[i]);
      strbuf_append (b, "</td></tr>\n");
      free (texts[i]);
    }
  strbuf_append (b, "</tbody></table>\n<h2 id=\"attribution\">Data "
                 "attribution</h2>\n<ul class=\"note\">\n");
  for (i = 0; report_attributions[i] != NULL; i++)
    {
      strbuf_append (b, "<li>");
      esc (b, report_attributions[i]);
      strbuf_append (b, "</li>\n");
    }
  strbuf_printf (b, "</ul>\n<p class=\"note\">Made by carbon-advisor %s "
                 "report.</p>\n</body>\n</html>\n",
                 PACKAGE_VERSION);
}
