/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sampler's items from the catalogue: the keys of the draws that
   runs share, and a run's point figures with their ranges
   (doc/METHODOLOGY.md, "Uncertainty").  */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "search/uncertainty.h"
#include "base/xalloc.h"

/* One key of uncertainty_keys_new: up to three strings and the instance
   it belongs to.  */
struct key_entry
{
  const char *kind;
  const char *provider;
  const char *name;
  size_t instance;
};

static int
compare_keys (const void *pa, const void *pb)
{
  const struct key_entry *a = pa;
  const struct key_entry *b = pb;
  int c = strcmp (a->kind, b->kind);

  if (c == 0)
    c = strcmp (a->provider, b->provider);
  if (c == 0)
    c = strcmp (a->name, b->name);
  if (c == 0)
    c = (a->instance > b->instance) - (a->instance < b->instance);
  return c;
}

/* Number the distinct keys of the N entries E into IDS (per instance);
   returns how many there are.  */
static size_t
number_keys (struct key_entry *e, size_t n, size_t *ids)
{
  size_t i, next = 0;

  qsort (e, n, sizeof *e, compare_keys);
  for (i = 0; i < n; i++)
    {
      if (i > 0
          && (!STREQ (e[i].kind, e[i - 1].kind)
              || !STREQ (e[i].provider, e[i - 1].provider)
              || !STREQ (e[i].name, e[i - 1].name)))
        next++;
      ids[e[i].instance] = next;
    }
  return n > 0 ? next + 1 : 0;
}

struct uncertainty_keys *
uncertainty_keys_new (const struct catalogue *cat)
{
  struct uncertainty_keys *k = xcalloc (1, sizeof *k);
  struct key_entry *e = xcalloc (cat->ninstances + 1, sizeof *e);
  size_t i;

  k->power_key = xcalloc (cat->ninstances + 1, sizeof *k->power_key);
  k->host = xcalloc (cat->ninstances + 1, sizeof *k->host);
  /* A model's error is the same for a whole family; a measured curve's
     for every instance on the same host CPU.  */
  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];
      bool measured
        = STREQ (in->power_origin, "measured") && in->cpu_model[0] != '\0';

      e[i].kind = measured ? "cpu" : "family";
      e[i].provider = in->provider;
      e[i].name = measured ? in->cpu_model : in->family;
      e[i].instance = i;
    }
  k->npower_keys = number_keys (e, cat->ninstances, k->power_key);
  for (i = 0; i < cat->ninstances; i++)
    {
      e[i].kind = "host";
      e[i].provider = cat->instances[i].provider;
      e[i].name = cat->instances[i].family;
      e[i].instance = i;
    }
  k->nhosts = number_keys (e, cat->ninstances, k->host);
  free (e);
  return k;
}

void
uncertainty_keys_free (struct uncertainty_keys *keys)
{
  if (keys == NULL)
    return;
  free (keys->power_key);
  free (keys->host);
  free (keys);
}

void
uncertainty_item_from_run (const struct catalogue *cat,
                           const struct uncertainty_keys *keys,
                           const struct run *run,
                           const struct run_params *params, bool competes,
                           struct uncertainty_item *out)
{
  const struct instance *in = run->instance;
  const struct region *g = run->region;
  size_t ii = (size_t) (in - cat->instances);
  double share;
  bool user_grid
    = run->grid_source != NULL && STREQ (run->grid_source, RUN_SOURCE_USER);
  bool user_pue
    = run->pue_source != NULL && STREQ (run->pue_source, RUN_SOURCE_USER);

  memset (out, 0, sizeof *out);
  out->count = (double) run->count;
  out->runtime_h = run->runtime_h;
  out->power_w = run->power_w;
  out->curve_w = in->power_w;
  out->curve = ii;
  out->power_sigma
    = catalogue_power_error (cat, in->power_origin, params->load_pct)
      / UNCERTAINTY_P95_NORMAL;
  out->power_key = keys->power_key[ii];
  out->embodied_kgco2e = run->embodied_kgco2e;
  /* The alternatives are host figures shared by the table's rule: the
     run's rule scales them as it scales the table's figure.  */
  share = embodied_share_factor (in, params->embodied_rule, NULL);
  out->embodied_low_kgco2e = in->embodied_low_kgco2e * share;
  out->embodied_high_kgco2e = in->embodied_high_kgco2e * share;
  out->host = keys->host[ii];
  out->pue = run->pue;
  out->pue_low = user_pue ? run->pue : g->pue_low;
  out->pue_high = user_pue ? run->pue : g->pue_high;
  out->grid_gco2e_per_kwh = run->grid_gco2e_per_kwh;
  /* The alternatives are location-based annual figures: a marginal or
     market-based figure has no spread in the data.  */
  if (user_grid || run->signal != RUN_SIGNAL_AVERAGE || isnan (g->grid_low))
    out->grid_low = out->grid_high = run->grid_gco2e_per_kwh;
  else
    {
      out->grid_low = g->grid_low;
      out->grid_high = g->grid_high;
    }
  out->region = (size_t) (g - cat->regions);
  out->cost_usd = run->footprint.cost_usd;
  out->competes = competes;
}
