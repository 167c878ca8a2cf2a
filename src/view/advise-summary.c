/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sentences of advise's findings: the summary under its table,
   and why no candidate is left.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/system.h"
#include "view/advise-rules-text.h"
#include "view/advise-summary.h"
#include "view/load-view.h"
#include "view/advise-text.h"
#include "view/quantity.h"
#include "view/report.h"
#include "view/run-view.h"

/* Names of the stages for "which constraint emptied the set".  */
static const char *const stage_names[ADVISE_STAGE_COUNT] = {
  "priced instance x region pairs",
  "the region filters",
  "the instance filters",
  "the accelerator rule",
  "the GPU memory rule",
  "the burstable rule",
  "the spot prices",
  "the CCF coefficients",
  "the runtime scaling",
  "the grid data",
  "the deadline",
  "--max-cost",
  "--max-co2e",
};

/* The options of stage K that O was given, as ", "-separated text in
   BUF, or "" when none was (the stage then left out nothing on its own
   account, e.g. the grid stage).  */
static void
given_options (const struct advise_query *o, enum advise_stage k, char *buf,
               size_t size)
{
  const struct selection *sel = &o->selection;
  const char *names[8];
  size_t n = 0, i;

  if (k == ADVISE_STAGE_REGION)
    {
      if (sel->providers.n > 0)
        names[n++] = "--provider";
      if (sel->regions.n > 0)
        names[n++] = "--region";
      if (sel->groups.n > 0)
        names[n++] = "--group";
      if (o->exclude_regions.n > 0)
        names[n++] = "--exclude-region";
    }
  else if (k == ADVISE_STAGE_INSTANCE)
    {
      if (sel->providers.n > 0)
        names[n++] = "--provider";
      if (sel->min_vcpus > 0)
        names[n++] = "--min-vcpus";
      if (sel->min_memory_gib > 0.0)
        names[n++] = "--min-memory";
      if (sel->min_gpus > 0)
        names[n++] = "--gpus";
      if (o->gpu_models.n > 0)
        names[n++] = "--gpu-model";
      if (o->families.n > 0)
        names[n++] = "--family";
      if (o->patterns.n > 0)
        names[n++] = "--instance-pattern";
      if (o->arch != NULL)
        names[n++] = "--arch";
    }
  else if (k == ADVISE_STAGE_ACCELERATOR && o->rules.accelerator != NULL)
    names[n++] = "--accelerator";
  else if (k == ADVISE_STAGE_GPU_MEMORY
           && !isnan (o->rules.min_gpu_memory_gib))
    names[n++] = "--min-gpu-memory";
  else if (k == ADVISE_STAGE_DEADLINE && !isnan (o->rules.deadline_h))
    names[n++] = "--deadline";
  buf[0] = '\0';
  for (i = 0; i < n; i++)
    {
      if (i > 0)
        strncat (buf, ", ", size - strlen (buf) - 1);
      strncat (buf, names[i], size - strlen (buf) - 1);
    }
}

void
advise_explain_empty (FILE *fp, const struct advise_funnel *f,
                      const struct advise_query *o)
{
  char given[160];
  size_t k;

  fprintf (fp, "No candidate meets the constraints: %zu %s", f->kept[0],
           stage_names[0]);
  for (k = 1; k < ADVISE_STAGE_COUNT; k++)
    {
      /* The Teads method covers every type: no stage to speak of.  */
      if ((k == ADVISE_STAGE_METHOD && o->params.method != RUN_METHOD_CCF)
          || (k == ADVISE_STAGE_PRICE && o->pricing != PRICING_SPOT))
        continue;
      fprintf (fp, ", %zu after %s", f->kept[k], stage_names[k]);
      if (f->kept[k] == 0)
        break;
    }
  fprintf (fp, ".\n");
  if (k == ADVISE_STAGE_COUNT)
    return;
  given_options (o, (enum advise_stage) k, given, sizeof given);
  if (given[0] != '\0')
    fprintf (fp, "The set became empty at %s (%s).\n", stage_names[k], given);
  else if (k == ADVISE_STAGE_GRID)
    fprintf (fp,
             "The set became empty at the grid data: no region left "
             "has a %s.\n",
             o->params.method == RUN_METHOD_CCF ? "CCF grid factor"
                                                : "grid intensity");
  else if (k == ADVISE_STAGE_METHOD)
    fprintf (fp, "The set became empty at the CCF coefficients: CCF's "
                 "published coefficients cover none of the instance types "
                 "left.\n");
  else
    fprintf (fp, "The set became empty at %s.\n", stage_names[k]);
  if (k == ADVISE_STAGE_RUNTIME)
    for (k = 0; k < ARRAY_SIZE (f->gaps); k++)
      if (f->gaps[k] > 0)
        fprintf (fp, "Left out by the runtime scaling: %zu (%s).\n",
                 f->gaps[k], scaling_gap_text ((enum scaling_gap) k));
}

/* Describe candidate I in a few words for the summary.  */
static void
describe (char *buf, size_t size, const struct advise_ranking *r, size_t i)
{
  const struct price *at = r->cands[i].price;
  struct strbuf b;

  strbuf_init (&b);
  strbuf_printf (&b, "%s in %s: ", at->instance->name, at->region->name);
  quantity_carbon (&b, r->carbon[i]);
  strbuf_append (&b, ", ");
  quantity_usd (&b, r->cost[i]);
  strbuf_printf (&b, ", %.2f h", r->cands[i].runtime_h);
  snprintf (buf, size, "%s", b.text);
  strbuf_release (&b);
}

/* The summary's lines on --uncertainty.  */
static void
write_uncertainty_summary (FILE *fp, const struct advise_ranking *r)
{
  const struct pareto *p = r->pareto;
  size_t pick = advise_recommended (r);
  const struct price *rec = r->cands[pick].price;
  const struct price *cheapest = r->cands[p->cheapest].price;

  fprintf (fp,
           "Uncertainty: %zu samples, seed %lu; ranges are p50 (p5-p95) "
           "of the total; P(front) is the share of samples in which a "
           "candidate is on the front (%zu of %zu candidates can be).\n",
           r->spec.samples, r->spec.seed, r->front_stats.survivors,
           r->front_stats.competing);
  if (pick != p->cheapest)
    fprintf (fp,
             "P(%s in %s emits less than the cheapest, %s in %s) = "
             "%.2f\n",
             rec->instance->name, rec->region->name, cheapest->instance->name,
             cheapest->region->name, r->p_below_cheapest);
  if (r->has_baseline)
    fprintf (fp, "P(%s in %s emits less than the baseline) = %.2f\n",
             rec->instance->name, rec->region->name, r->p_below_baseline);
  {
    struct strbuf text;

    strbuf_init (&text);
    advise_signal_text (&r->signal_check, &text);
    fprintf (fp, "%s\n", text.text);
    strbuf_release (&text);
  }
}

/* Say which prices R's options carry when they are not the list's
   on-demand prices, and when they are dated far apart.  */
static void
write_price_notes (FILE *fp, const struct advise_ranking *r,
                   const struct advise_query *o)
{
  struct price_span span;
  char text[256];

  if (o->pricing == PRICING_SPOT)
    fprintf (fp, "Prices: spot prices, with their dates.\n");
  if (o->price_file != NULL)
    fprintf (fp,
             "Prices: the team's own prices from %s replace the list "
             "prices of its pairs (source %s).\n",
             o->price_file, PRICING_SOURCE_FILE);
  advise_price_span (r, &span);
  report_price_span_text (&span, text, sizeof text);
  if (text[0] != '\0')
    fprintf (fp, "%s\n", text);
}

/* The job's load, CPU and GPU.  */
static void
write_load (FILE *fp, const struct advise_ranking *r,
            const struct advise_query *o)
{
  char text[200];
  size_t not_split = 0;

  if (load_view_two_loads (&o->params))
    not_split = r->gpu_unsplit;
  load_view_line (text, sizeof text, &o->params, not_split);
  fprintf (fp, "%s\n", text);
}

/* The summary's lines on what the search counted and left out.  */
static void
write_counts (FILE *fp, const struct advise_ranking *r,
              const struct advise_funnel *f, const struct advise_query *o)
{
  struct strbuf pairs, met;
  size_t k;

  strbuf_init (&pairs);
  strbuf_init (&met);
  quantity_fixed (&pairs, (double) f->kept[ADVISE_STAGE_REGION], 0);
  quantity_fixed (&met, (double) r->n, 0);
  fprintf (fp,
           "\n%s priced instance x region pair%s%s, %s met the "
           "constraints, %zu on the front.\n",
           pairs.text, f->kept[ADVISE_STAGE_REGION] == 1 ? "" : "s",
           f->kept[ADVISE_STAGE_REGION] < f->kept[ADVISE_STAGE_PRICED]
             ? " in the providers and regions asked"
             : "",
           met.text, r->pareto->nfront);
  strbuf_release (&pairs);
  strbuf_release (&met);
  write_load (fp, r, o);
  write_price_notes (fp, r, o);
  if (r->scaling != NULL)
    {
      struct strbuf text;

      strbuf_init (&text);
      advise_scaling_text (r->scaling, &text);
      fprintf (fp, "Runtime scaling: %s.\n", text.text);
      strbuf_release (&text);
    }
  advise_rules_write (fp, r, f);
  for (k = 0; k < ARRAY_SIZE (f->gaps); k++)
    if (f->gaps[k] > 0)
      fprintf (fp, "Left out by the runtime scaling: %zu (%s).\n", f->gaps[k],
               scaling_gap_text ((enum scaling_gap) k));
  if (f->kept[ADVISE_STAGE_BURSTABLE] > f->kept[ADVISE_STAGE_PRICE])
    fprintf (fp, "Left out for want of a spot price: %zu.\n",
             f->kept[ADVISE_STAGE_BURSTABLE] - f->kept[ADVISE_STAGE_PRICE]);
  if (f->kept[ADVISE_STAGE_PRICE] > f->kept[ADVISE_STAGE_METHOD])
    fprintf (fp,
             "Left out for want of CCF coefficients: %zu (instance "
             "types CCF's published figures do not cover).\n",
             f->kept[ADVISE_STAGE_PRICE] - f->kept[ADVISE_STAGE_METHOD]);
  if (f->kept[ADVISE_STAGE_RUNTIME] <= f->kept[ADVISE_STAGE_GRID])
    return;
  if (o->params.grid_source != NULL)
    fprintf (fp, "Left out for want of a %s grid intensity: %zu.\n",
             o->params.grid_source,
             f->kept[ADVISE_STAGE_RUNTIME] - f->kept[ADVISE_STAGE_GRID]);
  else
    fprintf (fp, "Left out for want of a%s: %zu.\n",
             o->params.method == RUN_METHOD_CCF       ? " CCF grid factor"
             : o->params.signal == RUN_SIGNAL_AVERAGE ? " grid intensity"
             : o->params.signal == RUN_SIGNAL_MARGINAL
               ? " marginal grid intensity"
               : " market-based grid intensity",
             f->kept[ADVISE_STAGE_RUNTIME] - f->kept[ADVISE_STAGE_GRID]);
}

/* The line on how the figures of R's recommended pick were worked
   out: the pick's power curve may be modelled while others are
   measured.  */
static void
write_method (FILE *fp, const struct advise_ranking *r,
              const struct advise_query *o)
{
  struct run rec;

  advise_candidate_run (r, advise_recommended (r), &rec);
  fprintf (fp, "Method: %s for %s, the recommended pick%s.\n",
           run_method_text (&rec), rec.instance->name,
           o->params.method == RUN_METHOD_CCF ? " (--method ccf)" : "");
}

/* The summary's notable candidates: the cheapest, the lowest carbon,
   the knee and the carbon-price pick.  */
static void
write_picks (FILE *fp, const struct advise_ranking *r,
             const struct advise_query *o)
{
  const struct pareto *p = r->pareto;
  char text[256];

  describe (text, sizeof text, r, p->cheapest);
  fprintf (fp, "Cheapest:      %s\n", text);
  describe (text, sizeof text, r, p->greenest);
  fprintf (fp, "Lowest carbon: %s\n", text);
  if (p->knee != PARETO_NONE)
    {
      describe (text, sizeof text, r, p->knee);
      fprintf (fp, "Knee:          %s\n", text);
    }
  if (r->carbon_pick != PARETO_NONE)
    {
      struct strbuf price;

      strbuf_init (&price);
      quantity_price (&price, o->carbon_price);
      describe (text, sizeof text, r, r->carbon_pick);
      fprintf (fp, "At %s USD/t: %s\n", price.text, text);
      strbuf_release (&price);
    }
}

/* The summary's lines on R's baseline and what moving off it does.  */
static void
write_baseline (FILE *fp, const struct advise_ranking *r)
{
  size_t pick = advise_recommended (r);
  const struct footprint *b = &r->baseline.footprint;
  const struct price *at = r->cands[pick].price;

  struct strbuf text;

  strbuf_init (&text);
  quantity_carbon (&text, b->total_gco2e);
  strbuf_append (&text, ", ");
  quantity_usd (&text, b->cost_usd);
  fprintf (fp, "Baseline:      %s in %s: %s\n", r->baseline.instance->name,
           r->baseline.region->name, text.text);
  strbuf_reset (&text);
  quantity_saving (&text, b->total_gco2e, r->carbon[pick], b->cost_usd,
                   r->cost[pick]);
  fprintf (fp, "Moving to %s in %s (%s) %s.\n", at->instance->name,
           at->region->name,
           pick == r->carbon_pick    ? "the carbon-price pick"
           : pick == r->pareto->knee ? "the knee"
                                     : "the lowest carbon",
           text.text);
  strbuf_release (&text);
}

/* The summary's table of the best choice by carbon price.  */
static void
write_hull (FILE *fp, const struct advise_ranking *r)
{
  const struct pareto *p = r->pareto;
  size_t k;

  fprintf (fp, "Best choice by carbon price (USD per tonne CO2e):\n");
  for (k = 0; k < p->nhull; k++)
    {
      const struct price *at = r->cands[p->hull[k]].price;
      struct strbuf range;

      strbuf_init (&range);
      if (isinf (p->hull_price_high[k]))
        strbuf_append (&range, "above ");
      quantity_price (&range, p->hull_price_low[k]);
      if (!isinf (p->hull_price_high[k]))
        {
          strbuf_append (&range, " to ");
          quantity_price (&range, p->hull_price_high[k]);
        }
      fprintf (fp, "  %-20s %s in %s\n", range.text, at->instance->name,
               at->region->name);
      strbuf_release (&range);
    }
}

void
advise_write_summary (FILE *fp, const struct advise_ranking *r,
                      const struct advise_funnel *f,
                      const struct advise_query *q)
{
  write_counts (fp, r, f, q);
  if (r->n > 0)
    write_method (fp, r, q);
  write_picks (fp, r, q);
  if (r->has_baseline)
    write_baseline (fp, r);
  if (r->pareto->nhull > 1)
    write_hull (fp, r);
  if (r->unc != NULL)
    write_uncertainty_summary (fp, r);
}
