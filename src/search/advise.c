/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise's search: resolve the query's runtime scaling and baseline,
   then rank the candidates (advise-rank.c) and sample them
   (advise-uncertain.c).  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "search/advise.h"
#include "search/advise-rank.h"

/* Fail on NAME, a KIND of thing CAT lacks, into RES and D.  */
static int
unknown_name (struct advise_result *res, enum advise_unknown kind,
              const char *name, struct diag *d)
{
  res->unknown = kind;
  free (res->unknown_name);
  res->unknown_name = xstrdup (name);
  return diag_set (
    d, CA_EXIT_USAGE, "unknown %s '%s'",
    kind == ADVISE_UNKNOWN_INSTANCE ? "instance type" : "region", name);
}

/* Q's runtime scaling in CAT into RES's, with its speedup table and
   the sentence of its assumption.  Returns 0, or -1 with D set.  */
static int
resolve_scaling (const struct catalogue *cat, const struct advise_query *q,
                 struct advise_result *res, struct diag *d)
{
  struct scaling *s = &res->scaling;

  s->catalogue = cat;
  s->serial_fraction = !isnan (q->serial_fraction) ? q->serial_fraction : 0.0;
  if (q->reference != NULL)
    {
      s->reference = catalogue_find_instance (cat, q->reference);
      if (s->reference == NULL)
        return unknown_name (res, ADVISE_UNKNOWN_INSTANCE, q->reference, d);
      s->mode = q->has_scaling           ? q->scaling
                : s->reference->gpus > 0 ? SCALING_GPU
                                         : SCALING_VCPU;
      if (s->mode == SCALING_GPU && isnan (q->serial_fraction))
        s->serial_fraction = SCALING_GPU_SERIAL_FRACTION;
    }
  if (s->mode == SCALING_TABLE)
    {
      res->table = speedup_table_read (q->speedup_path, d);
      if (res->table == NULL)
        return -1;
      s->table = res->table;
    }
  if (s->reference != NULL && s->mode != SCALING_FIXED)
    {
      double h;
      enum scaling_gap gap = scaling_runtime (s, s->reference, 1.0, &h);

      if (gap != SCALING_OK)
        return diag_set (d, CA_EXIT_USAGE,
                         "--reference %s cannot be scaled "
                         "with --scaling %s: %s",
                         s->reference->name, scaling_mode_name (s->mode),
                         scaling_gap_text (gap));
      res->ranking.scaling = s;
    }
  return 0;
}

/* Why the baseline IN in G cannot be estimated for Q, into D (-1), or
   0 when it can.  */
static int
check_baseline (const struct advise_query *q, const struct instance *in,
                const struct region *g, struct diag *d)
{
  if (!run_method_covers_instance (&q->params, in))
    return diag_set (d, CA_EXIT_USAGE,
                     "--baseline: CCF's published "
                     "coefficients do not cover %s, so --method ccf cannot "
                     "estimate it",
                     in->name);
  if (q->params.method == RUN_METHOD_CCF
      && !run_method_covers_region (&q->params, g))
    return diag_set (d, CA_EXIT_USAGE,
                     "--baseline: %s has no CCF grid "
                     "factor in the data, so the emissions of a run there "
                     "by --method ccf are unknown",
                     g->name);
  if (!run_has_grid (&q->params, g))
    return diag_set (d, CA_EXIT_USAGE,
                     "--baseline: %s has no %s grid "
                     "intensity in the data, so the emissions of a run "
                     "there are unknown",
                     g->name,
                     q->params.grid_source != NULL
                       ? q->params.grid_source
                       : run_signal_name (q->params.signal));
  return 0;
}

/* Resolve Q's baseline TYPE@REGION into RES's baseline run with RES's
   scaling.  Returns 0, or -1 with D (and maybe RES's unknown) set.  */
static int
baseline_run (const struct catalogue *cat, const struct advise_query *q,
              struct advise_result *res, struct diag *d)
{
  char *type = xstrdup (q->baseline);
  char *at = strchr (type, '@');
  const struct instance *in;
  const struct region *g;
  const struct price *p;
  struct run_params params = q->params;
  double hours = 0.0;
  enum scaling_gap gap;
  int rc;

  *at = '\0';
  in = catalogue_find_instance (cat, type);
  g = catalogue_find_region (cat, at + 1);
  if (in == NULL || g == NULL)
    {
      rc = in == NULL ? unknown_name (res, ADVISE_UNKNOWN_INSTANCE, type, d)
                      : unknown_name (res, ADVISE_UNKNOWN_REGION, at + 1, d);
      free (type);
      return rc;
    }
  free (type);
  p = catalogue_find_price (cat, in, g);
  if (p == NULL)
    return diag_set (d, CA_EXIT_USAGE, "--baseline: %s is not offered in %s",
                     in->name, g->name);
  if (check_baseline (q, in, g, d) < 0)
    return -1;
  gap = scaling_runtime (&res->scaling, in, q->params.runtime_h, &hours);
  if (gap != SCALING_OK)
    return diag_set (d, CA_EXIT_USAGE,
                     "--baseline: no runtime for %s under "
                     "--scaling %s (%s)",
                     in->name, scaling_mode_name (res->scaling.mode),
                     scaling_gap_text (gap));
  params.runtime_h = hours;
  if (run_evaluate (in, g, p, &params, &res->ranking.baseline, d) < 0)
    return -1;
  res->ranking.has_baseline = true;
  return 0;
}

int
advise_search (const struct catalogue *cat, const struct advise_query *q,
               struct advise_result *res, struct diag *d)
{
  struct scaling fixed = { SCALING_FIXED, NULL, 0.0, NULL, NULL };

  memset (res, 0, sizeof *res);
  res->cat = cat;
  res->scaling = fixed;
  if (resolve_scaling (cat, q, res, d) < 0)
    return -1;
  advise_rules_resolve (&q->rules, res->scaling.reference, q->params.runtime_h,
                        q->params.load_pct,
                        q->gpu_models.n > 0         ? ADVISE_GPU_FILTER_MODEL
                        : q->selection.min_gpus > 0 ? ADVISE_GPU_FILTER_COUNT
                                                    : ADVISE_GPU_FILTER_NONE,
                        &res->ranking.rules);
  if (q->baseline != NULL && baseline_run (cat, q, res, d) < 0)
    return -1;
  if (advise_rank_candidates (q, cat, &res->scaling, &res->ranking,
                              &res->funnel, d)
      < 0)
    return -1;
  if (res->ranking.n > 0 && q->uncertain
      && advise_rank_uncertain (q, cat, &res->scaling, &res->ranking, d) < 0)
    return -1;
  return 0;
}

void
advise_result_free (struct advise_result *res)
{
  advise_ranking_free (&res->ranking);
  speedup_table_free (res->table);
  free (res->unknown_name);
  memset (res, 0, sizeof *res);
}
