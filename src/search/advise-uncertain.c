/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise with uncertainty: the candidates sampled, each one's odds of
   being on the front, and whether the recommendation holds under
   another grid signal.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "search/advise.h"
#include "search/advise-rank.h"

/* Check whether R's recommendation holds under another grid signal:
   marginal, or average when O already asks for marginal or market.  */
static void
check_signal (const struct advise_query *o, const struct catalogue *cat,
              const struct scaling *scaling, struct advise_ranking *r)
{
  struct advise_signal_check *c = &r->signal_check;
  struct advise_query alt = *o;
  struct advise_ranking other;
  struct advise_funnel f;
  struct diag d;

  memset (c, 0, sizeof *c);
  alt.params.signal = o->params.signal == RUN_SIGNAL_AVERAGE
                        ? RUN_SIGNAL_MARGINAL
                        : RUN_SIGNAL_AVERAGE;
  c->signal = alt.params.signal;
  memset (&other, 0, sizeof other);
  other.rules = r->rules; /* The same candidates, the other signal.  */
  memset (&f, 0, sizeof f);
  if (advise_rank_candidates (&alt, cat, scaling, &other, &f, &d) < 0)
    {
      c->outcome = ADVISE_SIGNAL_UNCHECKED;
      snprintf (c->why, sizeof c->why, "%s", d.text);
    }
  else if (other.n == 0)
    c->outcome = ADVISE_SIGNAL_NO_FIGURES;
  else
    {
      const struct price *rec = r->cands[advise_recommended (r)].price;
      const struct price *x = other.cands[advise_recommended (&other)].price;

      c->outcome = x->instance == rec->instance && x->region == rec->region
                     ? ADVISE_SIGNAL_STAYS
                     : ADVISE_SIGNAL_CHANGES;
      c->instance = x->instance;
      c->region = x->region;
      c->candidates = other.n;
    }
  advise_ranking_free (&other);
}

/* Under gpu scaling, give R's spec the spread of every GPU model's
   measured speed and mark the N items whose runtime scales with it.  */
static void
uncertain_gpus (const struct catalogue *cat, const struct scaling *scaling,
                struct advise_ranking *r, size_t n)
{
  const struct gpu *ref = scaling_gpu (scaling, scaling->reference);
  size_t i;

  if (ref == NULL)
    return;
  r->gpu_speed = xcalloc (cat->ngpus + 1, sizeof *r->gpu_speed);
  for (i = 0; i < cat->ngpus; i++)
    {
      const struct gpu *g = &cat->gpus[i];
      struct uncertainty_range *v = &r->gpu_speed[i];

      /* A model without a speed scales no run; 1 keeps the range valid.  */
      v->low = v->mode = v->high = 1.0;
      if (!isnan (g->training_speed))
        {
          v->low = g->speed_low;
          v->mode = g->training_speed;
          v->high = g->speed_high;
        }
    }
  r->spec.ngpus = cat->ngpus;
  r->spec.gpu_speed = r->gpu_speed;
  r->spec.gpu_reference = (size_t) (ref - cat->gpus);
  for (i = 0; i < n; i++)
    {
      const struct instance *in
        = i < r->n ? r->cands[i].price->instance : r->baseline.instance;
      const struct gpu *g = scaling_gpu (scaling, in);

      r->items[i].gpu_scaled = g != NULL;
      r->items[i].gpu = g != NULL ? (size_t) (g - cat->gpus) : 0;
    }
}

/* What is left of the ranking once the sampler is set up: the share of
   samples each candidate is on the front in, the odds of the pick, and
   the other grid signal's check.  */
struct rank_rest
{
  const struct advise_query *o;
  const struct catalogue *cat;
  const struct scaling *scaling;
  struct advise_ranking *r;
};

static void
rank_rest (void *arg)
{
  const struct rank_rest *rr = arg;
  struct advise_ranking *r = rr->r;
  size_t pick;

  uncertainty_fronts (r->unc, r->p_front, &r->front_stats, rr->o->progress,
                      rr->o->progress_arg);
  pick = advise_recommended (r);
  r->p_below_cheapest = uncertainty_p_less (r->unc, pick, r->pareto->cheapest);
  r->p_below_baseline
    = r->has_baseline ? uncertainty_p_less (r->unc, pick, r->n) : NAN;
  check_signal (rr->o, rr->cat, rr->scaling, r);
}

int
advise_rank_uncertain (const struct advise_query *o,
                       const struct catalogue *cat,
                       const struct scaling *scaling, struct advise_ranking *r,
                       struct diag *d)
{
  struct uncertainty_keys *keys = uncertainty_keys_new (cat);
  size_t n = r->n + (r->has_baseline ? 1 : 0), i;
  struct rank_rest rest;

  r->spec = o->spec;
  r->items = xcalloc (n + 1, sizeof *r->items);
  for (i = 0; i < r->n; i++)
    {
      struct run run;

      advise_candidate_run (r, i, &run);
      uncertainty_item_from_run (cat, keys, &run, &o->params, true,
                                 &r->items[i]);
    }
  if (r->has_baseline)
    uncertainty_item_from_run (cat, keys, &r->baseline, &o->params, false,
                               &r->items[r->n]);
  uncertainty_keys_free (keys);
  uncertain_gpus (cat, scaling, r, n);
  r->unc = uncertainty_new (&r->spec, r->items, n, d);
  if (r->unc == NULL)
    return -1;
  r->p_front = xcalloc (n + 1, sizeof *r->p_front);
  rest.o = o;
  rest.cat = cat;
  rest.scaling = scaling;
  rest.r = r;
  /* Every candidate is a row: their quantiles at once, on every
     processor, with the shared draws kept, while this thread ranks on
     (the fronts read the draws kept too).  */
  if (o->all)
    uncertainty_summarise_all (r->unc, rank_rest, &rest);
  else
    rank_rest (&rest);
  return 0;
}
