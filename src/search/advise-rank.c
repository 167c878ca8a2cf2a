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

/* What the filters decide of one instance type, the same for every
   region that prices it, and its part of the run: worked out once per
   type, not once per pair.  */
struct advise_type
{
  enum advise_stage out; /* The first of the type's own stages that
                            leaves it out (INSTANCE to BURSTABLE), or
                            ADVISE_STAGE_PRICE when none does.  */
  bool covered;          /* run_method_covers_instance.  */
  enum scaling_gap gap;  /* scaling_runtime's verdict, and its runtime.  */
  double hours;
  bool evaluated; /* Whether RUNS->run holds run_evaluate_type's
                     figures, worked out for the first pair to need
                     them.  */
  bool has_given; /* Whether RUNS->given holds them as the type's later
                     candidates get them: with RUN's power given.  */
  struct advise_type_runs *runs; /* Given a slot when first evaluated.  */
};

/* A type's runs, apart from its verdict: the verdicts of all 2,800
   types fit in a few pages, where with their runs (a kilobyte each)
   they would fault in 3 MB of which a query uses a fraction.  */
struct advise_type_runs
{
  struct run run;
  struct run given;
};

/* The same for one region.  */
struct region_verdict
{
  bool wanted;    /* region_wanted.  */
  bool has_grid;  /* run_has_grid.  */
  bool evaluated; /* Whether RUN holds run_evaluate_region's figures.  */
  struct run run;
};

/* Judge the instance type IN by O and RULES into *V, with S's runtime.  */
static void
judge_type (const struct advise_query *o, const struct advise_rules *rules,
            const struct scaling *s, const struct instance *in,
            struct advise_type *v)
{
  enum advise_rule_verdict rule = advise_rules_check (rules, in);

  v->out = !instance_wanted (o, in)          ? ADVISE_STAGE_INSTANCE
           : rule == ADVISE_RULE_ACCELERATOR ? ADVISE_STAGE_ACCELERATOR
           : rule == ADVISE_RULE_GPU_MEMORY  ? ADVISE_STAGE_GPU_MEMORY
           : rule == ADVISE_RULE_BURSTABLE   ? ADVISE_STAGE_BURSTABLE
                                             : ADVISE_STAGE_PRICE;
  v->covered = run_method_covers_instance (&o->params, in);
  v->hours = 0.0;
  v->gap = scaling_runtime (s, in, o->params.runtime_h, &v->hours);
  v->evaluated = false;
  v->has_given = false;
  v->runs = NULL;
}

/* The run of O's job on the priced pair P, whose type and region the
   filters have judged in *TV and *RV: its footprint into *FP, and what
   it was worked out from into *CAND.  The type's and the region's parts
   are worked out for the first pair that needs them, as run_evaluate
   would (the type's first), and kept; the pair's footprint is then
   run_evaluate's, to the bit.  Returns 0, or -1 with D set.  */
static int
evaluate_pair (const struct advise_query *o, const struct price *p,
               struct advise_type *tv, struct region_verdict *rv,
               struct advise_candidate *cand, struct footprint *fp,
               struct advise_ranking *r, struct diag *d)
{
  /* The load is the same for every candidate: the type's power is
     worked out once, by its first candidate, and given to the others
     (advise_candidate_run repeats just that).  */
  cand->power_w = tv->evaluated ? tv->runs->run.power_w : NAN;
  if (!tv->has_given)
    {
      struct run_params params = o->params;

      if (tv->runs == NULL)
        tv->runs = &r->type_runs[r->ntype_runs++];
      params.runtime_h = tv->hours;
      params.power_w = cand->power_w;
      if (run_evaluate_type (p->instance, &params,
                             tv->evaluated ? &tv->runs->given : &tv->runs->run,
                             d)
          < 0)
        return -1;
      tv->has_given = tv->evaluated;
      tv->evaluated = true;
    }
  if (!rv->evaluated)
    {
      if (run_evaluate_region (p->region, &o->params, &rv->run, d) < 0)
        return -1;
      rv->evaluated = true;
    }
  cand->price = p;
  cand->runtime_h = tv->hours;
  run_pair_footprint (&tv->runs->run, &rv->run, tv->hours, p, fp);
  return 0;
}

/* Judge the priced pair P by the filters, whose verdicts on its type
   and region are *TV and *RV, under RULES; a pair that passes them all
   gets its footprint into *FP, and what it was worked out from into
   *CAND.  Returns 1 when it is a candidate, 0 when a stage left it out
   (counted in F), -1 with D set on an error.  */
static int
evaluate (const struct advise_query *o, const struct advise_rules *rules,
          const struct price *p, struct advise_type *tv,
          struct region_verdict *rv, struct advise_candidate *cand,
          struct footprint *fp, struct advise_funnel *f,
          struct advise_ranking *r, struct diag *d)
{
  int stage;

  if (!rv->wanted)
    return 0;
  f->kept[ADVISE_STAGE_REGION]++;
  for (stage = ADVISE_STAGE_INSTANCE; stage < (int) tv->out; stage++)
    f->kept[stage]++;
  if (tv->out != ADVISE_STAGE_PRICE)
    return 0;
  if (isnan (p->usd_per_h))
    return 0;
  f->kept[ADVISE_STAGE_PRICE]++;
  if (!tv->covered)
    return 0;
  f->kept[ADVISE_STAGE_METHOD]++;
  if (tv->gap != SCALING_OK)
    {
      f->gaps[tv->gap]++;
      return 0;
    }
  f->kept[ADVISE_STAGE_RUNTIME]++;
  if (!rv->has_grid)
    return 0;
  f->kept[ADVISE_STAGE_GRID]++;
  if (evaluate_pair (o, p, tv, rv, cand, fp, r, d) < 0)
    return -1;
  if (tv->hours > rules->deadline_h)
    return 0;
  f->kept[ADVISE_STAGE_DEADLINE]++;
  if (fp->cost_usd > o->max_cost_usd)
    return 0;
  f->kept[ADVISE_STAGE_COST]++;
  if (fp->total_gco2e > o->max_co2e_g)
    return 0;
  f->kept[ADVISE_STAGE_CO2E]++;
  return 1;
}

size_t
advise_rows (const struct advise_ranking *r, const struct advise_query *q,
             size_t *rows)
{
  const struct pareto *p = r->pareto;
  size_t extra = (size_t) q->top, nrows, i;
  size_t *start;

  nrows = q->all ? r->n : p->nfront + extra < r->n ? p->nfront + extra : r->n;
  /* The front is already in output order.  */
  if (nrows == p->nfront)
    {
      memcpy (rows, p->front, nrows * sizeof *rows);
      return nrows;
    }
  /* Output order: by rank, then cost, carbon and the tie-break order.
     The points are sorted by all but the rank already, so a stable
     counting sort by rank makes it in O(n).  */
  start = xcalloc (p->nranks + 2, sizeof *start);
  for (i = 0; i < r->n; i++)
    start[p->rank[i] + 1]++;
  for (i = 1; i <= p->nranks; i++)
    start[i + 1] += start[i];
  for (i = 0; i < r->n; i++)
    {
      size_t k = p->sorted[i];
      size_t at = start[p->rank[k]]++;

      if (at < nrows)
        rows[at] = k;
    }
  free (start);
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
  const struct advise_type *t = &r->types[c->price->instance - r->instances];
  struct diag d;
  int rc;

  /* run_evaluate with the figures the candidate was worked out from,
     its type's part as enumerate kept it.  */
  *run = isnan (c->power_w) ? t->runs->run : t->runs->given;
  rc = run_evaluate_region (c->price->region, &r->params, run, &d);
  /* It was worked out once from the same figures.  */
  assert (rc == 0);
  (void) rc;
  run->price = c->price;
  run_pair_footprint (run, run, run->runtime_h, c->price, &run->footprint);
}

/* How many rows ahead advise_rows_prefetch asks for each of the three
   steps of a row's figures: the step before loads what the next one
   reads the address from.  */
enum
{
  PREFETCH_ROW = 12,
  PREFETCH_PRICE = 8,
  PREFETCH_RUN = 4
};

/* Ask for the N bytes at P to be loaded into the cache.  */
static void
prefetch_bytes (const void *p, size_t n)
{
  size_t k;

  for (k = 0; k < n; k += 64)
    __builtin_prefetch ((const char *) p + k);
}

void
advise_rows_prefetch (const struct advise_ranking *r, const size_t *rows,
                      size_t nrows, size_t k)
{
  const struct advise_candidate *c;

  if (k + PREFETCH_ROW < nrows)
    {
      size_t i = rows[k + PREFETCH_ROW];

      __builtin_prefetch (&r->cands[i]);
      __builtin_prefetch (&r->pareto->rank[i]);
      __builtin_prefetch (&r->pareto->dominator[i]);
      __builtin_prefetch (&r->hull_slot[i]);
      __builtin_prefetch (&r->front_slot[i]);
    }
  if (k + PREFETCH_PRICE < nrows)
    __builtin_prefetch (r->cands[rows[k + PREFETCH_PRICE]].price);
  if (k + PREFETCH_RUN < nrows)
    {
      const struct advise_type *t;

      c = &r->cands[rows[k + PREFETCH_RUN]];
      t = &r->types[c->price->instance - r->instances];
      prefetch_bytes (isnan (c->power_w) ? &t->runs->run : &t->runs->given,
                      sizeof (struct run));
      prefetch_bytes (c->price->region, sizeof *c->price->region);
      prefetch_bytes (c->price->instance, sizeof *c->price->instance);
    }
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

/* The index past the last price of CAT in the region of price I.
   Prices are sorted by region (the catalogue checks it, as
   compare_offer relies on): a bisection finds it, where a walk would
   read every price of a provider left out, 6 MB for --provider aws.  */
static size_t
region_end (const struct catalogue *cat, size_t i)
{
  const struct region *g = cat->prices[i].region;
  size_t lo = i + 1, hi = cat->nprices;

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;

      if (cat->prices[mid].region <= g)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Enumerate the candidates of O in CAT into R, with their cost and
   carbon, counting in F.  Returns 0, or -1 with D set.  */
static int
enumerate (const struct advise_query *o, const struct catalogue *cat,
           const struct scaling *scaling, struct advise_ranking *r,
           struct advise_funnel *f, struct diag *d)
{
  struct advise_type *types;
  struct region_verdict *regions;
  struct footprint fp;
  size_t i, nrunnable = 0;
  int status = 0;

  r->params = o->params;
  r->cands = xcalloc (cat->nprices + 1, sizeof *r->cands);
  r->cost = xreallocarray (NULL, cat->nprices + 1, sizeof *r->cost);
  r->carbon = xreallocarray (NULL, cat->nprices + 1, sizeof *r->carbon);
  types = xcalloc (cat->ninstances + 1, sizeof *types);
  r->instances = cat->instances;
  r->types = types;
  regions = xcalloc (cat->nregions + 1, sizeof *regions);
  for (i = 0; i < cat->ninstances; i++)
    {
      judge_type (o, &r->rules, scaling, &cat->instances[i], &types[i]);
      nrunnable += types[i].out == ADVISE_STAGE_PRICE && types[i].covered
                   && types[i].gap == SCALING_OK;
    }
  /* Room for the runs of every type that can have a candidate, of
     which only the slots taken are ever touched.  */
  r->type_runs = xreallocarray (NULL, nrunnable + 1, sizeof *r->type_runs);
  for (i = 0; i < cat->nregions; i++)
    {
      regions[i].wanted = region_wanted (o, &cat->regions[i]);
      regions[i].has_grid = run_has_grid (&o->params, &cat->regions[i]);
    }
  f->kept[ADVISE_STAGE_PRICED] = cat->nprices;
  for (i = 0; i < cat->nprices && status == 0; i++)
    {
      const struct price *p = &cat->prices[i];
      struct advise_type *tv = &types[p->instance - cat->instances];
      struct region_verdict *rv = &regions[p->region - cat->regions];
      int kept;

      /* A region left out counts none of its pairs: all of them are
         skipped at once.  */
      if (!rv->wanted)
        {
          i = region_end (cat, i) - 1;
          continue;
        }
      kept = evaluate (o, &r->rules, p, tv, rv, &r->cands[r->n], &fp, f, r, d);
      if (kept < 0)
        status = -1;
      else if (kept > 0)
        {
          r->cost[r->n] = fp.cost_usd;
          r->carbon[r->n] = fp.total_gco2e;
          r->gpu_unsplit
            += p->instance->gpus > 0 && !tv->runs->run.gpu_load_split;
          r->n++;
        }
    }
  free (regions);
  return status;
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
  r->order = xreallocarray (NULL, r->n + 1, sizeof *r->order);
  r->hull_slot = xreallocarray (NULL, r->n + 1, sizeof *r->hull_slot);
  r->front_slot = xreallocarray (NULL, r->n + 1, sizeof *r->front_slot);
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
  free (r->types);
  free (r->type_runs);
  uncertainty_free (r->unc);
  free (r->items);
  free (r->gpu_speed);
  free (r->p_front);
}
