/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise's candidates: every priced pair through the filters, counted
   stage by stage, then ranked by non-dominated sorting.  */
#include <config.h>

#include <assert.h>
#include <fnmatch.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/system.h"
#include "base/xalloc.h"
#include "search/advise.h"
#include "search/advise-rank.h"

static bool
instance_wanted (const struct advise_query *o, const struct instance *in)
{
  size_t i;
  bool ok;

  if (!selection_instance_ok (&o->selection, in))
    return false;
  if (o->arch != NULL && !STREQ (o->arch, in->arch))
    return false;
  if (o->gpu_models.n > 0 && !name_list_has (&o->gpu_models, in->gpu_model))
    return false;
  if (o->families.n > 0 && !name_list_has (&o->families, in->family))
    return false;
  if (o->patterns.n > 0)
    {
      for (ok = false, i = 0; i < o->patterns.n && !ok; i++)
        ok = fnmatch (o->patterns.names[i], in->name, 0) == 0;
      if (!ok)
        return false;
    }
  return true;
}

static bool
region_wanted (const struct advise_query *o, const struct region *g)
{
  return selection_region_ok (&o->selection, g)
         && !selection_names_region (&o->exclude_regions, g);
}

/* Evaluate the run of PARAMS on the priced pair P under RULES with S's
   runtime into *RUN, and what it was worked out from into *CAND.
   Returns 1 when it is a candidate, 0 when a stage left it out (counted
   in F), -1 with D set on an error.  */
static int
evaluate (const struct advise_query *o, const struct advise_rules *rules,
          const struct scaling *s, const struct price *p, double *power_cache,
          struct advise_candidate *cand, struct run *run,
          struct advise_funnel *f, struct diag *d)
{
  struct run_params params = o->params;
  enum advise_rule_verdict verdict;
  double *power = &power_cache[p->instance - s->catalogue->instances];
  enum scaling_gap gap;
  double hours = 0.0;

  if (!region_wanted (o, p->region))
    return 0;
  f->kept[ADVISE_STAGE_REGION]++;
  if (!instance_wanted (o, p->instance))
    return 0;
  f->kept[ADVISE_STAGE_INSTANCE]++;
  verdict = advise_rules_check (rules, p->instance);
  if (verdict == ADVISE_RULE_ACCELERATOR)
    return 0;
  f->kept[ADVISE_STAGE_ACCELERATOR]++;
  if (verdict == ADVISE_RULE_GPU_MEMORY)
    return 0;
  f->kept[ADVISE_STAGE_GPU_MEMORY]++;
  if (verdict == ADVISE_RULE_BURSTABLE)
    return 0;
  f->kept[ADVISE_STAGE_BURSTABLE]++;
  if (isnan (p->usd_per_h))
    return 0;
  f->kept[ADVISE_STAGE_PRICE]++;
  if (!run_method_covers_instance (&o->params, p->instance))
    return 0;
  f->kept[ADVISE_STAGE_METHOD]++;
  gap = scaling_runtime (s, p->instance, o->params.runtime_h, &hours);
  if (gap != SCALING_OK)
    {
      f->gaps[gap]++;
      return 0;
    }
  f->kept[ADVISE_STAGE_RUNTIME]++;
  if (!run_has_grid (&o->params, p->region))
    return 0;
  f->kept[ADVISE_STAGE_GRID]++;
  params.runtime_h = hours;
  params.power_w = *power;
  if (run_evaluate (p->instance, p->region, p, &params, run, d) < 0)
    return -1;
  cand->price = p;
  cand->runtime_h = hours;
  cand->power_w = params.power_w;
  /* The load is the same for every candidate: work out each instance
     type's power once.  */
  *power = run->power_w;
  if (run->runtime_h > rules->deadline_h)
    return 0;
  f->kept[ADVISE_STAGE_DEADLINE]++;
  if (run->footprint.cost_usd > o->max_cost_usd)
    return 0;
  f->kept[ADVISE_STAGE_COST]++;
  if (run->footprint.total_gco2e > o->max_co2e_g)
    return 0;
  f->kept[ADVISE_STAGE_CO2E]++;
  return 1;
}

/* Output order: by rank, then cost, then the tie-break order.  */
static const struct advise_ranking *sort_context;

static int
compare_output (const void *a, const void *b)
{
  const struct advise_ranking *r = sort_context;
  size_t i = *(const size_t *) a, j = *(const size_t *) b;

  if (r->pareto->rank[i] != r->pareto->rank[j])
    return r->pareto->rank[i] < r->pareto->rank[j] ? -1 : 1;
  if (r->cost[i] < r->cost[j])
    return -1;
  if (r->cost[i] > r->cost[j])
    return 1;
  if (r->carbon[i] < r->carbon[j])
    return -1;
  if (r->carbon[i] > r->carbon[j])
    return 1;
  return (r->order[i] > r->order[j]) - (r->order[i] < r->order[j]);
}

size_t
advise_rows (const struct advise_ranking *r, const struct advise_query *q,
             size_t *rows)
{
  size_t extra = (size_t) q->top, nrows, i;

  nrows = q->all                             ? r->n
          : r->pareto->nfront + extra < r->n ? r->pareto->nfront + extra
                                             : r->n;
  /* The front is already in output order.  */
  if (nrows == r->pareto->nfront)
    memcpy (rows, r->pareto->front, nrows * sizeof *rows);
  else
    {
      for (i = 0; i < r->n; i++)
        rows[i] = i;
      sort_context = r;
      qsort (rows, r->n, sizeof *rows, compare_output);
    }
  return nrows;
}

size_t
advise_recommended (const struct advise_ranking *r)
{
  const struct pareto *p = r->pareto;

  return r->carbon_pick != PARETO_NONE ? r->carbon_pick
         : p->knee != PARETO_NONE      ? p->knee
                                       : p->greenest;
}

void
advise_price_span (const struct advise_ranking *r, struct price_span *span)
{
  size_t i;

  span->oldest = span->newest = NULL;
  for (i = 0; i < r->pareto->nfront; i++)
    price_span_add (span, r->cands[r->pareto->front[i]].price);
  if (r->has_baseline)
    price_span_add (span, r->baseline.price);
}

void
advise_candidate_run (const struct advise_ranking *r, size_t i,
                      struct run *run)
{
  const struct advise_candidate *c = &r->cands[i];
  struct run_params params = r->params;
  struct diag d;
  int rc;

  params.runtime_h = c->runtime_h;
  params.power_w = c->power_w;
  rc = run_evaluate (c->price->instance, c->price->region, c->price, &params,
                     run, &d);
  /* It was worked out once from the same figures.  */
  assert (rc == 0);
  (void) rc;
}

struct run *
advise_candidate_runs (const struct advise_ranking *r)
{
  struct run *runs = xcalloc (r->n + 1, sizeof *runs);
  size_t i;

  for (i = 0; i < r->n; i++)
    advise_candidate_run (r, i, &runs[i]);
  return runs;
}

/* Enumerate the candidates of O in CAT into R, with their cost and
   carbon, counting in F.  Returns 0, or -1 with D set.  */
static int
enumerate (const struct advise_query *o, const struct catalogue *cat,
           const struct scaling *scaling, struct advise_ranking *r,
           struct advise_funnel *f, struct diag *d)
{
  double *power_cache;
  struct run run;
  size_t i;

  r->params = o->params;
  r->cands = xcalloc (cat->nprices + 1, sizeof *r->cands);
  r->cost = xcalloc (cat->nprices + 1, sizeof *r->cost);
  r->carbon = xcalloc (cat->nprices + 1, sizeof *r->carbon);
  power_cache = xcalloc (cat->ninstances + 1, sizeof *power_cache);
  for (i = 0; i < cat->ninstances; i++)
    power_cache[i] = NAN;
  f->kept[ADVISE_STAGE_PRICED] = cat->nprices;
  for (i = 0; i < cat->nprices; i++)
    {
      int kept = evaluate (o, &r->rules, scaling, &cat->prices[i], power_cache,
                           &r->cands[r->n], &run, f, d);

      if (kept < 0)
        {
          free (power_cache);
          return -1;
        }
      if (kept > 0)
        {
          r->cost[r->n] = run.footprint.cost_usd;
          r->carbon[r->n] = run.footprint.total_gco2e;
          r->gpu_unsplit += run.instance->gpus > 0 && !run.gpu_load_split;
          r->n++;
        }
    }
  free (power_cache);
  return 0;
}

int
advise_rank_candidates (const struct advise_query *o,
                        const struct catalogue *cat,
                        const struct scaling *scaling,
                        struct advise_ranking *r, struct advise_funnel *f,
                        struct diag *d)
{
  size_t i;

  if (enumerate (o, cat, scaling, r, f, d) < 0)
    return -1;
  r->order = xcalloc (r->n + 1, sizeof *r->order);
  r->hull_slot = xcalloc (r->n + 1, sizeof *r->hull_slot);
  r->front_slot = xcalloc (r->n + 1, sizeof *r->front_slot);
  for (i = 0; i < r->n; i++)
    {
      r->order[i] = i;
      r->hull_slot[i] = PARETO_NONE;
      r->front_slot[i] = PARETO_NONE;
    }
  r->pareto = pareto_analyse (r->cost, r->carbon, r->order, r->n, d);
  if (r->pareto == NULL)
    return -1;
  for (i = 0; i < r->pareto->nhull; i++)
    r->hull_slot[r->pareto->hull[i]] = i;
  for (i = 0; i < r->pareto->nfront; i++)
    r->front_slot[r->pareto->front[i]] = i;
  r->carbon_pick = isnan (o->carbon_price)
                     ? PARETO_NONE
                     : pareto_pick_at_price (r->cost, r->carbon, r->order,
                                             r->n, o->carbon_price);
  return 0;
}

void
advise_ranking_free (struct advise_ranking *r)
{
  pareto_free (r->pareto);
  free (r->cands);
  free (r->cost);
  free (r->carbon);
  free (r->order);
  free (r->hull_slot);
  free (r->front_slot);
  uncertainty_free (r->unc);
  free (r->items);
  free (r->gpu_speed);
  free (r->p_front);
}
