/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The greenest option no dearer for a tracked cloud job.  */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/scaling.h"
#include "base/strmap.h"
#include "search/track-suggest.h"
#include "base/xalloc.h"

struct best
{
  const struct price *price; /* NULL: none better.  */
  double ratio;              /* Its runtime over the job's.  */
};

struct track_suggest
{
  const struct catalogue *cat;
  double lifetime_years;
  struct strmap *memo; /* (instance, region, load) -> best.  */
};

struct track_suggest *
track_suggest_new (const struct catalogue *cat, double lifetime_years)
{
  struct track_suggest *s = xcalloc (1, sizeof *s);

  s->cat = cat;
  s->lifetime_years = lifetime_years;
  s->memo = strmap_new ();
  return s;
}

void
track_suggest_free (struct track_suggest *s)
{
  if (s == NULL)
    return;
  strmap_free (s->memo, free);
  free (s);
}

/* JOB's loads into P: its load, and its GPUs' where it had them apart
   (the candidates have the same GPU model, so their cards too).  */
static void
job_loads (const struct run *job, struct run_params *p)
{
  p->load_pct = job->load_pct;
  p->gpu_load_pct = job->gpu_load_pct;
  p->gpu_load_own = job->gpu_load_split;
}

/* One hour of one instance of PRICE's pair at JOB's loads: its total
   and cost.  Returns -1 when the data lacks a figure.  */
static int
hourly (const struct track_suggest *s, const struct price *price,
        const struct run *job, double hours, struct run *out)
{
  struct run_params p;
  struct diag d;

  memset (&p, 0, sizeof p);
  p.runtime_h = hours;
  job_loads (job, &p);
  p.count = 1;
  p.lifetime_years = s->lifetime_years;
  p.pue = p.grid_gco2e_per_kwh = p.power_w = NAN;
  return run_evaluate (price->instance, price->region, price, &p, out, &d);
}

/* Whether candidate A (total, cost, price) ranks before B: lower total,
   then lower cost, then by provider, region and instance name.  */
static bool
better (double ta, double ca, const struct price *a, double tb, double cb,
        const struct price *b)
{
  int c;

  if (ta < tb || ta > tb)
    return ta < tb;
  if (ca < cb || ca > cb)
    return ca < cb;
  c = strcmp (a->region->provider, b->region->provider);
  if (c == 0)
    c = strcmp (a->region->name, b->region->name);
  if (c == 0)
    c = strcmp (a->instance->name, b->instance->name);
  return c < 0;
}

/* Search every priced pair for JOB's best option.  */
static void
search (const struct track_suggest *s, const struct run *job,
        struct best *best)
{
  const struct instance *ref = job->instance;
  struct scaling sc
    = { ref->gpus > 0 ? SCALING_GPU : SCALING_VCPU, ref, 0.0, NULL, s->cat };
  double tj = job->footprint.total_gco2e / (job->runtime_h * job->count);
  double cj = job->footprint.cost_usd / (job->runtime_h * job->count);
  double tb = tj, cb = cj;
  size_t i;

  best->price = NULL;
  for (i = 0; i < s->cat->nprices; i++)
    {
      const struct price *p = &s->cat->prices[i];
      struct run r;
      double h;

      if (!STREQ (p->instance->gpu_model, ref->gpu_model)
          || scaling_runtime (&sc, p->instance, 1.0, &h) != SCALING_OK
          || hourly (s, p, job, h, &r) < 0
          || r.footprint.cost_usd > cj * (1 + 1e-12))
        continue;
      if (best->price == NULL
            ? r.footprint.total_gco2e < tj * (1 - 1e-12)
            : better (r.footprint.total_gco2e, r.footprint.cost_usd, p, tb, cb,
                      best->price))
        {
          best->price = p;
          best->ratio = h;
          tb = r.footprint.total_gco2e;
          cb = r.footprint.cost_usd;
        }
    }
}

int
track_suggest (struct track_suggest *s, const struct run *job, struct run *out)
{
  struct
  {
    const void *i, *r;
    double load, gpu_load;
  } key;
  struct best *best;
  struct run_params p;
  struct diag d;
  bool added;
  void **slot;

  if (job->price == NULL || isnan (job->footprint.cost_usd)
      || !(job->runtime_h > 0) || job->count < 1)
    return 0;
  memset (&key, 0, sizeof key);
  key.i = job->instance;
  key.r = job->region;
  key.load = job->load_pct;
  key.gpu_load = job->gpu_load_split ? job->gpu_load_pct : -1.0;
  slot = strmap_slot (s->memo, (const char *) &key, sizeof key, &added);
  if (added)
    {
      *slot = best = xcalloc (1, sizeof *best);
      search (s, job, best);
    }
  best = *slot;
  if (best->price == NULL)
    return 0;
  memset (&p, 0, sizeof p);
  p.runtime_h = job->runtime_h * best->ratio;
  job_loads (job, &p);
  p.count = job->count;
  p.lifetime_years = s->lifetime_years;
  p.pue = p.grid_gco2e_per_kwh = p.power_w = NAN;
  return run_evaluate (best->price->instance, best->price->region, best->price,
                       &p, out, &d)
             < 0
           ? -1
           : 1;
}
