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
    if (*p == '|' || *p == '*' || *p == '_' || *p == '`' || *p == '<')
      strbuf_printf (b, "\\%c", *p);
    else
      strbuf_append_char (b, *p);
}

static const struct run *
cand (const struct report *r, size_t i)
{
  return &r->res->ranking.cands[i].run;
}

void
report_markdown (struct strbuf *b, const struct report *r)
{
  const struct advise_opts *o = r->opts;
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  const struct run *c = cand (r, r->rec);
  const char *labels[16];
  char *texts[16];
  char text[1024], kg[32], lo[32], hi[32], marks[96];
  size_t i, k, n, g;

  strbuf_append (b, "# ");
  md (b, r->title);
  strbuf_printf (b, "\n\nJob: %ld instance%s for %g h%s%s at %g %% load; "
                 "%zu candidates met the constraints, %zu on the Pareto "
                 "front.\n\n",
                 o->job.params.count, o->job.params.count == 1 ? "" : "s",
                 o->job.params.runtime_h,
                 o->reference != NULL ? " measured on " : "",
                 o->reference != NULL ? o->reference : "",
                 o->job.params.load_pct, rk->n, p->nfront);
  report_headline (r, text, sizeof text);
  strbuf_append (b, "**");
  md (b, text);
  strbuf_append (b, "**\n\n");
  report_uncertainty_text (r, text, sizeof text);
  if (text[0] != '\0')
    {
      md (b, text);
      strbuf_append (b, "\n\n");
    }
  report_price_dates_text (r, text, sizeof text);
  if (text[0] != '\0')
    {
      md (b, text);
      strbuf_append (b, "\n\n");
    }

  strbuf_printf (b, "## The Pareto front\n\n| Instance | Region | Runtime "
                 "(h) | Emissions (kgCO2e) |%s Cost (USD) |%s Best at "
                 "carbon price (USD/t) | Notes |\n| --- | --- | ---: | ---: "
                 "|%s ---: |%s --- | --- |\n",
                 rk->unc != NULL ? " p5-p95 (kgCO2e) |" : "",
                 rk->unc != NULL ? " P(front) |" : "",
                 rk->unc != NULL ? " ---: |" : "",
                 rk->unc != NULL ? " ---: |" : "");
  for (k = 0; k < p->nfront; k++)
    {
      size_t i2 = p->front[k];
      const struct run *run = cand (r, i2);

      report_kg (run->footprint.total_gco2e, kg, sizeof kg);
      report_marks (r, i2, marks, sizeof marks);
      strbuf_append (b, "| ");
      md (b, run->instance->name);
      strbuf_append (b, " | ");
      md (b, run->region->name);
      strbuf_printf (b, " | %.2f | %s |", run->runtime_h, kg);
      if (rk->unc != NULL)
        {
          struct uncertainty_summary sum;

          uncertainty_summarise (rk->unc, i2, &sum);
          report_kg (sum.total_gco2e[0], lo, sizeof lo);
          report_kg (sum.total_gco2e[2], hi, sizeof hi);
          strbuf_printf (b, " %s-%s |", lo, hi);
        }
      strbuf_printf (b, " %.2f |", run->footprint.cost_usd);
      if (rk->unc != NULL)
        strbuf_printf (b, " %.2f |", rk->p_front[i2]);
      if (rk->hull_slot[i2] == PARETO_NONE)
        strbuf_append (b, " - |");
      else if (isinf (p->hull_price_high[rk->hull_slot[i2]]))
        strbuf_printf (b, " above %.0f |",
                       p->hull_price_low[rk->hull_slot[i2]]);
      else
        strbuf_printf (b, " %.0f to %.0f |",
                       p->hull_price_low[rk->hull_slot[i2]],
                       p->hull_price_high[rk->hull_slot[i2]]);
      strbuf_printf (b, " %s |\n", marks[0] != '\0' ? marks : "-");
    }
  strbuf_append (b, "\n");
  for (i = 0; i < 2; i++)
    {
      report_why_not (r, (int) i, text, sizeof text);
      if (text[0] == '\0')
        continue;
      strbuf_append (b, "- ");
      md (b, text);
      strbuf_append (b, "\n");
    }

  if (r->ngroups > 0 || rk->has_baseline)
    {
      strbuf_append (b, "\n## ");
      md (b, c->instance->name);
      strbuf_append (b, " across the regions\n\n| Group | Region | "
                     "Instance | Emissions (kgCO2e) | Cost (USD) |\n"
                     "| --- | --- | --- | ---: | ---: |\n");
      if (rk->has_baseline)
        {
          report_kg (rk->baseline.footprint.total_gco2e, kg, sizeof kg);
          strbuf_append (b, "| baseline | ");
          md (b, rk->baseline.region->name);
          strbuf_append (b, " | ");
          md (b, rk->baseline.instance->name);
          strbuf_printf (b, " | %s | %.2f |\n", kg,
                         rk->baseline.footprint.cost_usd);
        }
      for (g = 0; g < r->ngroups; g++)
        for (k = 0; k < r->groups[g].cmp->nrows; k++)
          {
            const struct run *run = &r->groups[g].cmp->rows[k].run;
            bool is_rec = run->region == c->region
                          && run->instance == c->instance;

            report_kg (run->footprint.total_gco2e, kg, sizeof kg);
            strbuf_append (b, "| ");
            md (b, r->groups[g].name);
            strbuf_append (b, " | ");
            md (b, run->region->name);
            strbuf_printf (b, "%s | ", is_rec ? " (recommended)" : "");
            md (b, run->instance->name);
            strbuf_printf (b, " | %s | %.2f |\n", kg,
                           run->footprint.cost_usd);
          }
    }

  if (p->nhull > 1)
    {
      strbuf_append (b, "\n## Best choice by carbon price\n\n| Carbon "
                     "price (USD/tCO2e) | Instance | Region |\n| ---: | --- "
                     "| --- |\n");
      for (i = 0; i < p->nhull; i++)
        {
          const struct run *run = cand (r, p->hull[i]);

          if (isinf (p->hull_price_high[i]))
            strbuf_printf (b, "| above %.0f | ", p->hull_price_low[i]);
          else
            strbuf_printf (b, "| %.0f to %.0f | ", p->hull_price_low[i],
                           p->hull_price_high[i]);
          md (b, run->instance->name);
          strbuf_append (b, " | ");
          md (b, run->region->name);
          strbuf_append (b, " |\n");
        }
    }

  strbuf_append (b, "\n## Assumptions\n\n");
  n = report_assumptions (r, labels, texts, ARRAY_SIZE (labels));
  for (i = 0; i < n; i++)
    {
      strbuf_printf (b, "- %s: ", labels[i]);
      md (b, texts[i]);
      strbuf_append (b, "\n");
      free (texts[i]);
    }
  strbuf_append (b, "\n## Data attribution\n\n");
  for (i = 0; report_attributions[i] != NULL; i++)
    {
      strbuf_append (b, "- ");
      md (b, report_attributions[i]);
      strbuf_append (b, "\n");
    }
  strbuf_printf (b, "\nMade by carbon-advisor %s report.\n",
                 PACKAGE_VERSION);
}
