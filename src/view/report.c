/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* What the HTML and Markdown reports share: the sentences and the
   assumptions.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "view/report.h"
#include "view/advise-text.h"
#include "view/advise-rules-text.h"
#include "view/load-view.h"
#include "view/run-view.h"
#include "base/xalloc.h"

const char *const report_attributions[]
  = { "Instance power and embodied carbon: Teads Engineering, EC2 Carbon "
      "Emissions Dataset (CC BY 4.0), via Valohai Wattson; non-EC2 rows "
      "dropped, GPU names shortened, per-instance embodied share computed.",
      /* The attribution Electricity Maps asks for, its address without the
         scheme: the page stays free of anything a browser could fetch.  */
      "Region grid intensities (the default of every region): Electricity "
      "Maps (2025). 2024 Yearly Carbon Intensity Data (Version January 27, "
      "2025). Electricity Maps. www.electricitymaps.com (ODbL 1.0), via "
      "nf-co2footprint.",
      "Country grid intensities (uncertainty range only): Our World in Data, "
      "based on Ember and the Energy Institute (CC BY 4.0), via CodeCarbon "
      "(MIT).",
      "Earlier Electricity Maps yearly figures (uncertainty range only); "
      "marginal intensities: WattTime; PUE and market-based figures: AWS, "
      "Google, Microsoft; as compiled by the Green Software Foundation "
      "Real-Time Cloud project (facts of their publishers).",
      "Fleet PUE fallbacks and CCF coefficients: Cloud Carbon Footprint "
      "(Apache-2.0).",
      "Prices: AWS list prices via Karpenter (Apache-2.0), Vantage "
      "ec2instances.info via tsaol/aws-gpu and ec2.shop (MIT), spot via "
      "Infracost data in coroot/cloud-pricing (Apache-2.0); Google list "
      "prices via Cyclenerd/google-cloud-pricing-cost-calculator "
      "(Apache-2.0); Azure retail prices via Karpenter for Azure "
      "(Apache-2.0) and anycloud-sh/catalog.",
      "Region coordinates: Electricity Maps electricitymaps-contrib (facts "
      "only).  Every source, year and licence: data/README.md.",
      NULL };

void
report_kg (double g, char *buf, size_t size)
{
  double kg = g / 1000.0;
  double a = fabs (kg);
  int decimals = a >= 100.0 ? 0 : a >= 10.0 ? 1 : a >= 1.0 ? 2 : 3;

  snprintf (buf, size, "%.*f", decimals, kg);
  if (STREQ (buf, "-0") || strspn (buf, "-0.") == strlen (buf))
    snprintf (buf, size, "%.*f", decimals, 0.0);
}

const struct run *
report_run (const struct report *r, size_t i)
{
  return &r->runs[i];
}

void
report_job_text (const struct report *r, struct strbuf *out)
{
  const struct advise_query *o = r->query;
  const struct advise_ranking *rk = &r->res->ranking;

  strbuf_printf (out,
                 "Job: %ld instance%s for %g h%s%s at %g %% load; "
                 "%zu options fit the job, %zu of them best trade-offs "
                 "between carbon and cost.",
                 o->params.count, o->params.count == 1 ? "" : "s",
                 o->params.runtime_h,
                 o->reference != NULL ? " measured on " : "",
                 o->reference != NULL ? o->reference : "", o->params.load_pct,
                 rk->n, rk->pareto->nfront);
}

void
report_marks (const struct report *r, size_t i, struct strbuf *out)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  const char *names[5];
  size_t n = 0, k;

  if (i == r->rec)
    names[n++] = "recommended";
  if (i == p->knee)
    names[n++] = "best balance";
  if (i == p->cheapest)
    names[n++] = "cheapest";
  if (i == p->greenest)
    names[n++] = "greenest";
  if (i == rk->carbon_pick)
    names[n++] = "carbon-price pick";
  for (k = 0; k < n; k++)
    {
      if (k > 0)
        strbuf_append (out, ", ");
      strbuf_append (out, names[k]);
    }
}

void
report_price_range (double low, double high, struct strbuf *out)
{
  if (isinf (high))
    strbuf_printf (out, "above %.0f", low);
  else
    strbuf_printf (out, "%.0f to %.0f", low, high);
}

void
report_front_row (const struct report *r, size_t i,
                  struct report_front_row *row)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;

  row->run = report_run (r, i);
  row->recommended = i == r->rec;
  report_kg (row->run->footprint.total_gco2e, row->kg, sizeof row->kg);
  row->lo[0] = row->hi[0] = '\0';
  row->p_front = NAN;
  if (rk->unc != NULL)
    {
      struct uncertainty_summary sum;

      uncertainty_summarise (rk->unc, i, &sum);
      report_kg (sum.total_gco2e[0], row->lo, sizeof row->lo);
      report_kg (sum.total_gco2e[2], row->hi, sizeof row->hi);
      row->p_front = rk->p_front[i];
    }
  strbuf_init (&row->best_at);
  if (rk->hull_slot[i] != PARETO_NONE)
    report_price_range (p->hull_price_low[rk->hull_slot[i]],
                        p->hull_price_high[rk->hull_slot[i]], &row->best_at);
  strbuf_init (&row->marks);
  report_marks (r, i, &row->marks);
}

void
report_front_row_release (struct report_front_row *row)
{
  strbuf_release (&row->best_at);
  strbuf_release (&row->marks);
}

/* The sentence of report_price_span_text, appended to OUT.  */
static void
price_span_sentence (const struct price_span *span, struct strbuf *out)
{
  long days = price_span_days (span);

  if (days < PRICING_STALE_DAYS)
    return;
  strbuf_printf (out,
                 "The prices compared are dated %s to %s, %.0f "
                 "months apart: the older ones may have changed since.",
                 span->oldest, span->newest, days / (365.25 / 12.0));
}

void
report_price_span_text (const struct price_span *span, char *buf, size_t size)
{
  struct strbuf text;

  strbuf_init (&text);
  price_span_sentence (span, &text);
  snprintf (buf, size, "%s", text.text);
  strbuf_release (&text);
}

void
report_price_dates_text (const struct report *r, struct strbuf *out)
{
  struct price_span span;

  advise_price_span (&r->res->ranking, &span);
  price_span_sentence (&span, out);
}

void
report_why_not (const struct report *r, int which, struct strbuf *out)
{
  const struct pareto *p = r->res->ranking.pareto;
  size_t i = which == 0 ? p->cheapest : p->greenest;
  const struct run *x = report_run (r, i), *c = report_run (r, r->rec);
  double dg = x->footprint.total_gco2e - c->footprint.total_gco2e;
  double du = x->footprint.cost_usd - c->footprint.cost_usd;
  char kg[32];

  if (i == r->rec)
    return;
  report_kg (fabs (dg), kg, sizeof kg);
  if (which == 0)
    strbuf_printf (out,
                   "Why not the cheapest, %s in %s? It saves %.2f USD but "
                   "emits %s kgCO2e more (%.0f %% more than the "
                   "recommendation).",
                   x->instance->name, x->region->name, -du, kg,
                   c->footprint.total_gco2e > 0.0
                     ? 100.0 * dg / c->footprint.total_gco2e
                     : 0.0);
  else
    strbuf_printf (out,
                   "Why not the greenest, %s in %s? It saves another %s "
                   "kgCO2e but costs %.2f USD more: %.0f USD per tonne CO2e "
                   "avoided.",
                   x->instance->name, x->region->name, kg, du,
                   dg < 0.0 ? du / (-dg / PARETO_GRAMS_PER_TONNE) : NAN);
}

/* The assumptions as report_assumptions lists them.  */
struct assumptions
{
  const char **labels;
  char **texts;
  size_t n;
  size_t max;
};

/* Add LABEL with the text of TEXT to A, leaving TEXT empty; a list
   already full drops it.  */
static void
assume (struct assumptions *a, const char *label, struct strbuf *text)
{
  if (a->n < a->max)
    {
      a->labels[a->n] = label;
      a->texts[a->n++] = strbuf_detach (text);
    }
  else
    strbuf_reset (text);
}

/* Append " (SOURCE, YEAR)" for a figure to OUT: " (SOURCE)" without a
   year, nothing without a source.  */
static void
cite (struct strbuf *out, const char *source, long year)
{
  if (source == NULL || source[0] == '\0')
    return;
  if (year > 0)
    strbuf_printf (out, " (%s, %ld)", source, year);
  else
    strbuf_printf (out, " (%s)", source);
}

/* The job: runtime (and its scaling), load and count.  */
static void
assume_job (const struct report *r, struct assumptions *a, struct strbuf *t)
{
  const struct advise_query *o = r->query;
  const struct run *c = report_run (r, r->rec);
  const struct scaling *s = &r->res->scaling;

  if (r->res->ranking.scaling != NULL)
    {
      strbuf_printf (
        t,
        "%g h measured on %s, scaled to each instance type "
        "%s; %.2f h on %s",
        o->params.runtime_h, s->reference->name,
        s->mode == SCALING_GPU     ? "by its GPUs' measured training speed"
        : s->mode == SCALING_TABLE ? "by the team's own measured speed-ups"
        : s->mode == SCALING_VCPU  ? "by its processor count (Amdahl's law)"
                                   : "as the same runtime",
        c->runtime_h, c->instance->name);
    }
  else
    strbuf_printf (t, "%g h on every instance type (no scaling)",
                   o->params.runtime_h);
  assume (a, "Runtime", t);
  if (load_view_two_loads (&o->params))
    strbuf_printf (t, "CPUs %g %%, GPUs %g %% average", o->params.load_pct,
                   run_gpu_load (&o->params));
  else
    strbuf_printf (t, "%g %% average", o->params.load_pct);
  if (o->load_ranged)
    strbuf_append (t, " (within the range given, in the simulation)");
  assume (a, "Load", t);
  strbuf_printf (t, "%ld instance%s", o->params.count,
                 o->params.count == 1 ? "" : "s");
  assume (a, "Count", t);
  advise_rules_plain (t, &r->res->ranking, &r->res->funnel);
  assume (a, "Options offered", t);
}

/* The site: PUE and grid intensity of the recommendation and, when
   there is one, of the baseline.  */
static void
assume_site (const struct report *r, struct assumptions *a, struct strbuf *t)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = report_run (r, r->rec);
  const struct run *base = &rk->baseline;
  bool has = rk->has_baseline;
  struct strbuf ours, theirs;

  strbuf_init (&ours);
  strbuf_init (&theirs);
  cite (&ours, c->pue_source, c->pue_year);
  if (has)
    cite (&theirs, base->pue_source, base->pue_year);
  /* The baseline's figure follows only when there is a baseline.  */
  strbuf_printf (t, "%.2f in %s%s", c->pue, c->region->name, ours.text);
  if (has)
    strbuf_printf (t, "; current setup %.2f in %s%s", base->pue,
                   base->region->name, theirs.text);
  assume (a, "PUE", t);
  strbuf_reset (&ours);
  strbuf_reset (&theirs);
  cite (&ours, c->grid_source, c->grid_year);
  if (has)
    cite (&theirs, base->grid_source, base->grid_year);
  strbuf_printf (t, "%s figure (%s level): %.1f gCO2e/kWh in %s%s",
                 run_signal_name (r->query->params.signal), c->grid_level,
                 c->grid_gco2e_per_kwh, c->region->name, ours.text);
  if (has)
    strbuf_printf (t, "; current setup %.1f gCO2e/kWh in %s%s",
                   base->grid_gco2e_per_kwh, base->region->name, theirs.text);
  assume (a, "Grid", t);
  strbuf_release (&ours);
  strbuf_release (&theirs);
}

/* The hardware's life and the prices: their kind, dates and origin.  */
static void
assume_prices (const struct report *r, struct assumptions *a, struct strbuf *t)
{
  const struct advise_query *o = r->query;
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = report_run (r, r->rec);
  const char *date_lo = NULL, *date_hi = NULL;
  size_t i;

  strbuf_printf (t,
                 "%g years of hardware life for the manufacturing "
                 "emissions (Scope 3)",
                 o->params.lifetime_years);
  assume (a, "Lifetime", t);
  for (i = 0; i < rk->n; i++)
    {
      const char *d = rk->cands[i].price->date;

      if (d[0] == '\0')
        continue;
      if (date_lo == NULL || strcmp (d, date_lo) < 0)
        date_lo = d;
      if (date_hi == NULL || strcmp (d, date_hi) > 0)
        date_hi = d;
    }
  strbuf_printf (t, "%s prices dated %s to %s%s%s; %s's from %s",
                 o->pricing == PRICING_SPOT ? "spot" : "on-demand list",
                 date_lo != NULL ? date_lo : "-",
                 date_hi != NULL ? date_hi : "-",
                 o->price_file != NULL ? ", the team's own from " : "",
                 o->price_file != NULL ? o->price_file : "", c->instance->name,
                 c->price->source);
  assume (a, "Prices", t);
}

/* The method and the data it ran on.  */
static void
assume_method (const struct report *r, struct assumptions *a, struct strbuf *t)
{
  const struct catalogue *cat = r->res->cat;
  const struct run *c = report_run (r, r->rec);

  strbuf_printf (t,
                 "%s: energy = power at the load x runtime x count x "
                 "PUE; Scope 2 = energy x grid intensity; Scope 3 = the "
                 "instance's share of its host's manufacturing emissions "
                 "x runtime / lifetime (doc/METHODOLOGY.md)",
                 run_method_text (c));
  assume (a, "Method", t);
  strbuf_printf (t,
                 "carbon-advisor %s tables: %zu instance types, %zu "
                 "regions, %zu priced pairs; power %s%s",
                 PACKAGE_VERSION, cat->ninstances, cat->nregions, cat->nprices,
                 c->power_origin,
                 STREQ (c->power_origin, "measured") ? " (Teads sheet)"
                                                     : " (component model)");
  assume (a, "Data", t);
}

size_t
report_assumptions (const struct report *r, const char **labels, char **texts,
                    size_t max)
{
  struct assumptions a = { labels, texts, 0, max };
  struct strbuf text;

  strbuf_init (&text);
  assume_job (r, &a, &text);
  assume_site (r, &a, &text);
  assume_prices (r, &a, &text);
  assume_method (r, &a, &text);
  strbuf_release (&text);
  return a.n;
}
