/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The report's sentences for a manager: what to do and what it saves,
   how sure we are, what the hardware change buys, everyday equivalents
   and the glossary.  No option names, no jargon outside the glossary.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "view/quantity.h"
#include "view/report.h"

/* Why R recommends its pick, in a sentence for a manager.  */
static void
why_recommended (const struct report *r, struct strbuf *out)
{
  const struct advise_ranking *rk = &r->res->ranking;

  if (r->rec == rk->carbon_pick)
    strbuf_printf (out,
                   " It has the lowest total cost of the %zu options once "
                   "each tonne of CO2e is priced at %.0f USD.",
                   rk->n, r->query->carbon_price);
  else if (r->rec == rk->pareto->knee)
    strbuf_printf (out,
                   " It is the best balance of carbon and cost of the %zu "
                   "options.",
                   rk->n);
  else
    strbuf_printf (out, " It has the lowest emissions of the %zu options.",
                   rk->n);
}

void
report_headline (const struct report *r, struct strbuf *out)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = report_run (r, r->rec);
  const struct footprint *b = &rk->baseline.footprint;
  double dg, du;

  if (!rk->has_baseline)
    {
      strbuf_printf (out, "Run the job on %s in %s: ", c->instance->name,
                     c->region->name);
      quantity_carbon (out, c->footprint.total_gco2e);
      strbuf_printf (out, " and %.2f USD a run.", c->footprint.cost_usd);
    }
  else
    {
      dg = b->total_gco2e - c->footprint.total_gco2e;
      du = b->cost_usd - c->footprint.cost_usd;
      strbuf_printf (out,
                     "Move the job from %s in %s (the current setup) to %s "
                     "in %s: it %s ",
                     rk->baseline.instance->name, rk->baseline.region->name,
                     c->instance->name, c->region->name,
                     dg >= 0.0 ? "saves" : "adds");
      quantity_carbon (out, fabs (dg));
      /* "saves X and Y USD", "saves X and costs Y USD more", "adds X
         and saves Y USD".  */
      strbuf_printf (out, " (%.0f %%) and %s%.2f USD%s a run.",
                     b->total_gco2e > 0.0 ? 100.0 * fabs (dg) / b->total_gco2e
                                          : 0.0,
                     du < 0.0    ? "costs "
                     : dg >= 0.0 ? ""
                                 : "saves ",
                     fabs (du), du < 0.0 ? " more" : "");
    }
  why_recommended (r, out);
}

/* The other grid figure's check, in words.  */
static void
signal_text (const struct advise_signal_check *c, struct strbuf *out)
{
  const char *name = run_signal_name (c->signal);

  switch (c->outcome)
    {
    case ADVISE_SIGNAL_UNCHECKED:
      break;
    case ADVISE_SIGNAL_NO_FIGURES:
      strbuf_printf (out,
                     " No option has a %s grid figure, so the advice was "
                     "not checked against it.",
                     name);
      break;
    case ADVISE_SIGNAL_STAYS:
      strbuf_printf (out,
                     " Counted with the %s grid figure instead, the advice "
                     "stays the same.",
                     name);
      break;
    case ADVISE_SIGNAL_CHANGES:
      strbuf_printf (out,
                     " Counted with the %s grid figure instead, the advice "
                     "would be %s in %s.",
                     name, c->instance->name, c->region->name);
      break;
    }
}

/* P as "N of 100", N rounded.  */
static long
of_100 (double p)
{
  return lround (100.0 * p);
}

void
report_uncertainty_text (const struct report *r, struct strbuf *out)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;

  if (rk->unc == NULL)
    return;
  strbuf_append (out, "How sure: ");
  if (rk->has_baseline)
    strbuf_printf (out,
                   "in %ld of 100 simulated cases it emits less than the "
                   "current setup",
                   of_100 (rk->p_below_baseline));
  else
    strbuf_printf (out,
                   "in %ld of 100 simulated cases it stays among the best "
                   "trade-offs",
                   of_100 (rk->p_front[r->rec]));
  if (r->rec != p->cheapest)
    strbuf_printf (out, ", and in %ld of 100 less than the cheapest option",
                   of_100 (rk->p_below_cheapest));
  strbuf_printf (out,
                 " (%zu simulations over the uncertain power, grid, "
                 "data-centre overhead and manufacturing figures).",
                 rk->spec.samples);
  signal_text (&rk->signal_check, out);
}

/* Append H hours to OUT with three significant digits, whole hours from
   100 h on ("17.2 h", "687 h", "1234 h").  */
static void
hours (struct strbuf *out, double h)
{
  if (h >= 100.0)
    strbuf_printf (out, "%.0f h", h);
  else
    strbuf_printf (out, "%.3g h", h);
}

void
report_hardware_text (const struct report *r, struct strbuf *out)
{
  const struct scaling *s = r->res->ranking.scaling;
  const struct run *c = report_run (r, r->rec);
  const struct instance *ref;
  double ref_h = r->query->params.runtime_h;

  if (s == NULL || s->reference == NULL || s->reference == c->instance)
    return;
  ref = s->reference;
  if (s->mode != SCALING_FIXED && c->runtime_h > 0.0
      && fabs (ref_h / c->runtime_h - 1.0) < 0.05)
    {
      /* Another instance type of the same speed: say so, not "1.0x".  */
      strbuf_printf (out, "The instance type changes (%s -> %s)", ref->name,
                     c->instance->name);
      if (s->mode == SCALING_GPU
          && STREQ (ref->gpu_model, c->instance->gpu_model)
          && ref->gpus == c->instance->gpus)
        strbuf_printf (out, " but not the GPUs, %ld x %s", ref->gpus,
                       ref->gpu_model);
      strbuf_append (out, ": the runtime stays ");
      hours (out, c->runtime_h);
      strbuf_append (out, ".");
      return;
    }
  if (s->mode == SCALING_GPU && ref->gpus > 0 && c->instance->gpus > 0)
    strbuf_printf (out,
                   "The hardware changes: %ld x %s -> %ld x %s (%s -> %s)",
                   ref->gpus, ref->gpu_model, c->instance->gpus,
                   c->instance->gpu_model, ref->name, c->instance->name);
  else
    strbuf_printf (
      out, "The hardware changes: %s (%ld vCPUs) -> %s (%ld vCPUs)", ref->name,
      ref->vcpus, c->instance->name, c->instance->vcpus);
  if (s->mode == SCALING_FIXED || !(c->runtime_h > 0.0))
    {
      strbuf_append (out, "; the runtime is taken as the same.");
      return;
    }
  strbuf_printf (out, ": %.1fx %s %s, so ",
                 ref_h >= c->runtime_h ? ref_h / c->runtime_h
                                       : c->runtime_h / ref_h,
                 ref_h >= c->runtime_h ? "faster" : "slower",
                 s->mode == SCALING_GPU     ? "on measured training benchmarks"
                 : s->mode == SCALING_TABLE ? "by the team's own measured "
                                              "speed-ups"
                                            : "by its processor count "
                                              "(estimated)");
  hours (out, c->runtime_h);
  strbuf_append (out, " instead of ");
  hours (out, ref_h);
  strbuf_append (out, ".");
}

/* Append V to OUT with two significant digits, thousands grouped from
   10,000 ("0.48", "1.2", "400", "12,000").  */
static void
sig2 (struct strbuf *out, double v)
{
  double r;
  char buf[64];

  if (!(v >= 10.0))
    {
      strbuf_printf (out, "%.2g", v);
      return;
    }
  r = pow (10.0, floor (log10 (v)) - 1.0);
  snprintf (buf, sizeof buf, "%.0f", round (v / r) * r);
  quantity_grouped (out, buf, 5);
}

void
report_equivalents_text (const struct report *r, double grams,
                         struct strbuf *out)
{
  const struct equivalents *e = r->equiv;
  size_t i, shown = 0;

  if (e == NULL || e->n == 0 || !(grams > 0.0))
    return;
  strbuf_append (out, "about as much CO2 as ");
  for (i = 0; i < e->n; i++)
    {
      double v = grams / e->rows[i].gco2e_per_unit;

      /* The first equivalent always; the others once they reach one
         whole unit ("0.02 years of driving" says nothing).  */
      if (i > 0 && v < 1.0)
        continue;
      if (shown++ > 0)
        strbuf_append (out, ", or ");
      sig2 (out, v);
      strbuf_printf (out, " %s", e->rows[i].phrase);
    }
}

void
report_equivalents_attribution (const struct report *r, struct strbuf *out)
{
  const struct equivalents *e = r->equiv;
  size_t i, k, shown = 0;

  if (e == NULL || e->n == 0)
    return;
  strbuf_append (out, "Everyday equivalents: ");
  for (i = 0; i < e->n; i++)
    {
      const struct source *s
        = catalogue_find_source (r->res->cat, e->rows[i].source);

      for (k = 0; k < i; k++)
        if (STREQ (e->rows[k].source, e->rows[i].source))
          break;
      if (k < i || s == NULL)
        continue;
      strbuf_printf (out, "%s%s, %s (%ld)", shown++ > 0 ? "; " : "",
                     s->publisher, s->title, e->rows[i].year);
    }
  strbuf_append (out, "; return flights and a household's electricity are "
                      "left out until a source for them is checked.");
}

const char *const report_terms[]
  = { "Best trade-offs (the Pareto front): the options that no other option "
      "beats on both carbon and cost at once.",
      "Best balance: the trade-off where a little more cost stops buying "
      "much less carbon (the knee of the front).",
      "Chance among the best (P(front)): the share of simulated cases in "
      "which an option stays among the best trade-offs.",
      "Likely range: the emissions of 90 of 100 simulated cases lie in it "
      "(the 5th to the 95th percentile, p5-p95).",
      "Grid figure: the grams of CO2e per kWh of a region's electricity, "
      "on average or for added demand (marginal).",
      "Scope 2 and Scope 3: emissions of the electricity used, and the "
      "job's share of the hardware's manufacturing emissions.",
      NULL };

void
report_equivalents_sentence (const struct report *r, struct strbuf *out)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = report_run (r, r->rec);
  double dg = rk->baseline.footprint.total_gco2e - c->footprint.total_gco2e;
  struct strbuf text;

  strbuf_init (&text);
  report_equivalents_text (r, rk->has_baseline ? dg : c->footprint.total_gco2e,
                           &text);
  if (text.len > 0)
    strbuf_printf (out, "%s %s.",
                   rk->has_baseline ? "The saving is" : "The job emits",
                   text.text);
  strbuf_release (&text);
}
