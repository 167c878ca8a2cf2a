/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
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

/* Append TEXT to B as a paragraph of class "note", or nothing when
   TEXT is empty.  */
static void
note (struct strbuf *b, const char *text)
{
  if (text[0] == '\0')
    return;
  strbuf_append (b, "<p class=\"note\">");
  esc (b, text);
  strbuf_append (b, "</p>\n");
}

/* One row of the table of the front.  */
static void
front_row (struct strbuf *b, const struct report_front_row *row, bool unc)
{
  strbuf_printf (b, "<tr%s><td>", row->recommended ? " class=\"rec\"" : "");
  esc (b, row->run->instance->name);
  strbuf_append (b, "</td><td>");
  esc (b, row->run->region->name);
  strbuf_printf (b,
                 "</td><td class=\"n\">%.2f</td><td class=\"n\">%s"
                 "</td>",
                 row->run->runtime_h, row->kg);
  if (unc)
    strbuf_printf (b, "<td class=\"n\">%s&ndash;%s</td>", row->lo, row->hi);
  strbuf_printf (b, "<td class=\"n\">%.2f</td>", row->run->footprint.cost_usd);
  if (unc)
    strbuf_printf (b, "<td class=\"n\">%.2f</td>", row->p_front);
  if (row->best_at.len > 0)
    strbuf_printf (b, "<td>%s</td>", row->best_at.text);
  else
    strbuf_append (b, "<td>&ndash;</td>");
  strbuf_append (b, "<td>");
  esc (b, row->marks.text);
  strbuf_append (b, "</td></tr>\n");
}

/* The table of the Pareto front.  */
static void
front_table (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  bool unc = rk->unc != NULL;
  size_t k;

  strbuf_printf (b,
                 "<table><thead><tr><th>Instance</th><th>Region</th>"
                 "<th class=\"n\">Runtime (h)</th><th class=\"n\">"
                 "Emissions (kgCO2e)</th>%s<th class=\"n\">Cost (USD)</th>"
                 "%s<th>Best at carbon price (USD/t)</th><th>Notes</th>"
                 "</tr></thead>\n<tbody>\n",
                 unc ? "<th class=\"n\">Likely range</th>" : "",
                 unc ? "<th class=\"n\">Chance among the best</th>" : "");
  for (k = 0; k < p->nfront; k++)
    {
      struct report_front_row row;

      report_front_row (r, p->front[k], &row);
      front_row (b, &row, unc);
      report_front_row_release (&row);
    }
  strbuf_append (b, "</tbody></table>\n");
}

/* The page's head, its title and the job.  */
static void
html_head (struct strbuf *b, const struct report *r)
{
  strbuf_append (b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                    "content=\"width=device-width, initial-scale=1\">\n"
                    "<title>");
  esc (b, r->title);
  strbuf_printf (b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>",
                 css);
  esc (b, r->title);
  /* The job's sentence holds only names and numbers: it goes unescaped,
     as it always has.  */
  strbuf_append (b, "</h1>\n<p class=\"job\">");
  report_job_text (r, b);
  strbuf_append (b, "</p>\n");
}

/* The headline's key figures: emissions and cost, and the saving
   against the baseline.  */
static void
html_kpis (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = report_run (r, r->rec);
  const struct footprint *bf = &rk->baseline.footprint;
  double dg, du;
  char kg[32];

  report_kg (c->footprint.total_gco2e, kg, sizeof kg);
  strbuf_printf (b,
                 "<div class=\"kpi\"><b>%s kgCO2e</b><span>emissions "
                 "of the job</span></div>\n<div class=\"kpi\"><b>%.2f USD"
                 "</b><span>cost of the job</span></div>\n",
                 kg, c->footprint.cost_usd);
  if (!rk->has_baseline)
    return;
  dg = bf->total_gco2e - c->footprint.total_gco2e;
  du = bf->cost_usd - c->footprint.cost_usd;
  report_kg (dg, kg, sizeof kg);
  strbuf_printf (
    b,
    "<div class=\"kpi\"><b>%s kgCO2e</b><span>saved "
    "against the current setup</span></div>\n"
    "<div class=\"kpi\"><b>%.1f %%</b><span>less carbon"
    "</span></div>\n<div class=\"kpi\"><b>%.2f USD</b>"
    "<span>%s</span></div>\n",
    kg, bf->total_gco2e > 0.0 ? 100.0 * dg / bf->total_gco2e : 0.0, fabs (du),
    du >= 0.0 ? "saved" : "more than the current setup");
  if (rk->unc != NULL)
    strbuf_printf (b,
                   "<div class=\"kpi\"><b>%.0f of 100</b><span>simulated "
                   "cases with less CO2e than the current setup</span>"
                   "</div>\n",
                   100.0 * rk->p_below_baseline);
}

/* The headline: what to do, the key figures and the sentences.  */
static void
html_headline (struct strbuf *b, const struct report *r)
{
  const struct run *c = report_run (r, r->rec);
  struct strbuf text;

  strbuf_append (b, "<section class=\"headline\" id=\"headline\">\n"
                    "<p class=\"do\">");
  strbuf_append (b, r->res->ranking.has_baseline ? "Move to " : "Run on ");
  esc (b, c->instance->name);
  strbuf_append (b, " in ");
  esc (b, c->region->name);
  strbuf_append (b, "</p>\n<div class=\"kpis\">\n");
  html_kpis (b, r);
  strbuf_append (b, "</div>\n");
  strbuf_init (&text);
  report_headline (r, &text);
  strbuf_append (b, "<p>");
  esc (b, text.text);
  strbuf_append (b, "</p>\n");
  strbuf_reset (&text);
  report_equivalents_sentence (r, &text);
  note (b, text.text);
  strbuf_reset (&text);
  report_hardware_text (r, &text);
  note (b, text.text);
  strbuf_reset (&text);
  report_uncertainty_text (r, &text);
  note (b, text.text);
  strbuf_reset (&text);
  report_price_dates_text (r, &text);
  note (b, text.text);
  strbuf_release (&text);
  strbuf_append (b, "</section>\n");
}

/* The charts: carbon against cost, and the regions of the groups.  */
static void
html_charts (struct strbuf *b, const struct report *r)
{
  strbuf_append (
    b, "<h2 id=\"chart-front\">Carbon against cost</h2>\n"
       "<p class=\"legend\"><span><i style=\"background:#0b6e3a\">"
       "</i>recommended</span><span><i style=\"background:#2e8b57"
       "\"></i>best trade-offs</span><span><i style=\"background:"
       "#1f6fd1\"></i>cheapest</span><span><i style=\"background:"
       "#7bbf3a\"></i>greenest</span><span><i style=\"background:"
       "#b15cc7\"></i>carbon-price pick</span><span><i style=\""
       "background:#d1431f\"></i>current setup</span><span><i style=\""
       "background:#9aa5b4\"></i>other options</span></p>\n");
  report_carbon_chart (b, r);
  if (r->ngroups == 0)
    return;
  strbuf_append (b, "<h2 id=\"chart-regions\">");
  esc (b, report_run (r, r->rec)->instance->name);
  strbuf_append (b, " across the regions</h2>\n");
  report_regions_chart (b, r);
  strbuf_append (b, "<p class=\"note\">The same job on the recommended "
                    "instance type (or, where another provider runs the "
                    "region, its closest equivalent) in every region of "
                    "each group.</p>\n");
}

/* Append TEXT to B as an item of a list.  */
static void
html_item (struct strbuf *b, const char *text)
{
  strbuf_append (b, "<li>");
  esc (b, text);
  strbuf_append (b, "</li>\n");
}

/* The best trade-offs (the Pareto front) and why not its two ends.  */
static void
html_front (struct strbuf *b, const struct report *r)
{
  struct strbuf text;
  int which;

  strbuf_append (b, "<h2 id=\"front\">The best trade-offs</h2>\n");
  front_table (b, r);
  strbuf_append (b, "<ul class=\"why\">\n");
  strbuf_init (&text);
  for (which = 0; which < 2; which++)
    {
      strbuf_reset (&text);
      report_why_not (r, which, &text);
      if (text.len == 0)
        continue;
      html_item (b, text.text);
    }
  strbuf_release (&text);
  strbuf_append (b, "</ul>\n");
}

/* The best choice at each range of carbon prices, when there are
   several.  */
static void
html_carbon_prices (struct strbuf *b, const struct report *r)
{
  const struct pareto *p = r->res->ranking.pareto;
  size_t i;

  if (p->nhull <= 1)
    return;
  strbuf_append (b, "<h2 id=\"prices\">Best choice by carbon price"
                    "</h2>\n<table><thead><tr><th class=\"n\">Carbon price "
                    "(USD/tCO2e)</th><th>Instance</th><th>Region</th></tr>"
                    "</thead><tbody>\n");
  for (i = 0; i < p->nhull; i++)
    {
      const struct run *run = report_run (r, p->hull[i]);

      strbuf_append (b, "<tr><td class=\"n\">");
      report_price_range (p->hull_price_low[i], p->hull_price_high[i], b);
      strbuf_append (b, "</td><td>");
      esc (b, run->instance->name);
      strbuf_append (b, "</td><td>");
      esc (b, run->region->name);
      strbuf_append (b, "</td></tr>\n");
    }
  strbuf_append (b, "</tbody></table>\n");
}

/* The assumptions, the data attribution and the page's end.  */
static void
html_assumptions (struct strbuf *b, const struct report *r)
{
  struct strbuf text;
  const char *labels[16];
  char *texts[16];
  size_t i, n;

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
  strbuf_append (b, "</tbody></table>\n<h2 id=\"terms\">Terms</h2>\n"
                    "<ul class=\"note\">\n");
  for (i = 0; report_terms[i] != NULL; i++)
    html_item (b, report_terms[i]);
  strbuf_append (b, "</ul>\n<h2 id=\"attribution\">Data "
                    "attribution</h2>\n<ul class=\"note\">\n");
  for (i = 0; report_attributions[i] != NULL; i++)
    html_item (b, report_attributions[i]);
  strbuf_init (&text);
  report_equivalents_attribution (r, &text);
  if (text.len > 0)
    html_item (b, text.text);
  strbuf_release (&text);
  strbuf_printf (b,
                 "</ul>\n<p class=\"note\">Made by carbon-advisor %s "
                 "report.</p>\n</body>\n</html>\n",
                 PACKAGE_VERSION);
}

void
report_html (struct strbuf *b, const struct report *r)
{
  html_head (b, r);
  html_headline (b, r);
  html_charts (b, r);
  html_front (b, r);
  html_carbon_prices (b, r);
  html_assumptions (b, r);
}
