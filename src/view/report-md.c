/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The report as Markdown, for wikis and pull requests: the same content
   as the HTML page, the charts as tables.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "view/report.h"

/* Append TEXT with the characters that would break a table cell or
   start markup escaped.  */
static void
md (struct strbuf *b, const char *text)
{
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      if (*p == '|' || *p == '*' || *p == '_' || *p == '`' || *p == '<')
        strbuf_append_char (b, '\\');
      strbuf_append_char (b, *p);
    }
}

/* Append TEXT to B escaped, as a paragraph, or nothing when it is
   empty.  */
static void
paragraph (struct strbuf *b, const char *text)
{
  if (text[0] == '\0')
    return;
  md (b, text);
  strbuf_append (b, "\n\n");
}

/* Append TEXT to B escaped, as an item of a list.  */
static void
md_item (struct strbuf *b, const char *text)
{
  strbuf_append (b, "- ");
  md (b, text);
  strbuf_append (b, "\n");
}

/* The title, the job and the headline's sentences.  */
static void
md_headline (struct strbuf *b, const struct report *r)
{
  struct strbuf text;

  strbuf_append (b, "# ");
  md (b, r->title);
  /* The job's sentence holds only names and numbers: it goes unescaped,
     as it always has.  */
  strbuf_append (b, "\n\n");
  report_job_text (r, b);
  strbuf_append (b, "\n\n");
  strbuf_init (&text);
  report_headline (r, &text);
  strbuf_append (b, "**");
  md (b, text.text);
  strbuf_append (b, "**\n\n");
  strbuf_reset (&text);
  report_equivalents_sentence (r, &text);
  paragraph (b, text.text);
  strbuf_reset (&text);
  report_hardware_text (r, &text);
  paragraph (b, text.text);
  strbuf_reset (&text);
  report_uncertainty_text (r, &text);
  paragraph (b, text.text);
  strbuf_reset (&text);
  report_price_dates_text (r, &text);
  paragraph (b, text.text);
  strbuf_release (&text);
}

/* One row of the table of the front.  */
static void
front_row (struct strbuf *b, const struct report_front_row *row, bool unc)
{
  strbuf_append (b, "| ");
  md (b, row->run->instance->name);
  strbuf_append (b, " | ");
  md (b, row->run->region->name);
  strbuf_printf (b, " | %.2f | %s |", row->run->runtime_h, row->kg);
  if (unc)
    strbuf_printf (b, " %s-%s |", row->lo, row->hi);
  strbuf_printf (b, " %.2f |", row->run->footprint.cost_usd);
  if (unc)
    strbuf_printf (b, " %.2f |", row->p_front);
  strbuf_printf (b, " %s |", row->best_at.len > 0 ? row->best_at.text : "-");
  strbuf_printf (b, " %s |\n", row->marks.len > 0 ? row->marks.text : "-");
}

/* The best trade-offs (the Pareto front) and why not its two ends.  */
static void
md_front (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  bool unc = rk->unc != NULL;
  struct strbuf text;
  size_t k;
  int which;

  strbuf_printf (b,
                 "## The best trade-offs\n\n| Instance | Region | Runtime "
                 "(h) | Emissions (kgCO2e) |%s Cost (USD) |%s Best at "
                 "carbon price (USD/t) | Notes |\n| --- | --- | ---: | ---: "
                 "|%s ---: |%s --- | --- |\n",
                 unc ? " Likely range (kgCO2e) |" : "",
                 unc ? " Chance among the best |" : "", unc ? " ---: |" : "",
                 unc ? " ---: |" : "");
  for (k = 0; k < p->nfront; k++)
    {
      struct report_front_row row;

      report_front_row (r, p->front[k], &row);
      front_row (b, &row, unc);
      report_front_row_release (&row);
    }
  strbuf_append (b, "\n");
  strbuf_init (&text);
  for (which = 0; which < 2; which++)
    {
      strbuf_reset (&text);
      report_why_not (r, which, &text);
      if (text.len == 0)
        continue;
      md_item (b, text.text);
    }
  strbuf_release (&text);
}

/* One row of the table of the regions.  */
static void
region_row (struct strbuf *b, const char *group, const struct run *run,
            bool is_rec)
{
  char kg[32];

  report_kg (run->footprint.total_gco2e, kg, sizeof kg);
  strbuf_append (b, "| ");
  md (b, group);
  strbuf_append (b, " | ");
  md (b, run->region->name);
  strbuf_printf (b, "%s | ", is_rec ? " (recommended)" : "");
  md (b, run->instance->name);
  strbuf_printf (b, " | %s | %.2f |\n", kg, run->footprint.cost_usd);
}

/* The recommended instance type across the regions of each group (the
   HTML page's chart of regions, as a table), after the baseline.  */
static void
md_regions (struct strbuf *b, const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = report_run (r, r->rec);
  size_t g, k;

  if (r->ngroups == 0 && !rk->has_baseline)
    return;
  strbuf_append (b, "\n## ");
  md (b, c->instance->name);
  strbuf_append (b, " across the regions\n\n| Group | Region | "
                    "Instance | Emissions (kgCO2e) | Cost (USD) |\n"
                    "| --- | --- | --- | ---: | ---: |\n");
  if (rk->has_baseline)
    region_row (b, "current setup", &rk->baseline, false);
  for (g = 0; g < r->ngroups; g++)
    for (k = 0; k < r->groups[g].cmp->nrows; k++)
      {
        const struct run *run = &r->groups[g].cmp->rows[k].run;

        region_row (b, r->groups[g].name, run,
                    run->region == c->region && run->instance == c->instance);
      }
}

/* The best choice at each range of carbon prices, when there are
   several.  */
static void
md_carbon_prices (struct strbuf *b, const struct report *r)
{
  const struct pareto *p = r->res->ranking.pareto;
  size_t i;

  if (p->nhull <= 1)
    return;
  strbuf_append (b, "\n## Best choice by carbon price\n\n| Carbon "
                    "price (USD/tCO2e) | Instance | Region |\n| ---: | --- "
                    "| --- |\n");
  for (i = 0; i < p->nhull; i++)
    {
      const struct run *run = report_run (r, p->hull[i]);

      strbuf_append (b, "| ");
      report_price_range (p->hull_price_low[i], p->hull_price_high[i], b);
      strbuf_append (b, " | ");
      md (b, run->instance->name);
      strbuf_append (b, " | ");
      md (b, run->region->name);
      strbuf_append (b, " |\n");
    }
}

/* The assumptions, the data attribution and the page's end.  */
static void
md_assumptions (struct strbuf *b, const struct report *r)
{
  struct strbuf text;
  const char *labels[16];
  char *texts[16];
  size_t i, n;

  strbuf_append (b, "\n## Assumptions\n\n");
  n = report_assumptions (r, labels, texts, ARRAY_SIZE (labels));
  for (i = 0; i < n; i++)
    {
      strbuf_printf (b, "- %s: ", labels[i]);
      md (b, texts[i]);
      strbuf_append (b, "\n");
      free (texts[i]);
    }
  strbuf_append (b, "\n## Terms\n\n");
  for (i = 0; report_terms[i] != NULL; i++)
    md_item (b, report_terms[i]);
  strbuf_append (b, "\n## Data attribution\n\n");
  for (i = 0; report_attributions[i] != NULL; i++)
    md_item (b, report_attributions[i]);
  strbuf_init (&text);
  report_equivalents_attribution (r, &text);
  if (text.len > 0)
    md_item (b, text.text);
  strbuf_release (&text);
  strbuf_printf (b, "\nMade by carbon-advisor %s report.\n", PACKAGE_VERSION);
}

void
report_markdown (struct strbuf *b, const struct report *r)
{
  md_headline (b, r);
  md_front (b, r);
  md_regions (b, r);
  md_carbon_prices (b, r);
  md_assumptions (b, r);
}
