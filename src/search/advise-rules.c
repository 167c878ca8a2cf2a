/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise's sensible candidates (advise-rules.h).  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "search/advise-rules.h"

bool
advise_rules_accelerator_known (const char *name)
{
  size_t i;

  if (STREQ (name, "any"))
    return true;
  for (i = 0; catalogue_accelerators[i] != NULL; i++)
    if (STREQ (catalogue_accelerators[i], name))
      return true;
  return false;
}

/* The accelerator rule: asked, else the reference's ecosystem, else
   what the filters ask (advise_gpu_filter), else none (a CPU job).  */
static void
resolve_accelerator (const struct advise_rules_ask *ask,
                     const struct instance *reference,
                     enum advise_gpu_filter filter, struct advise_rules *rules)
{
  if (ask->accelerator != NULL)
    {
      rules->accelerator = ask->accelerator;
      rules->accelerator_from = ADVISE_RULE_ASKED;
    }
  else if (reference != NULL)
    {
      rules->accelerator = reference->accelerator;
      rules->accelerator_from = ADVISE_RULE_REFERENCE;
    }
  else
    {
      rules->accelerator = filter == ADVISE_GPU_FILTER_MODEL   ? "any"
                           : filter == ADVISE_GPU_FILTER_COUNT ? "nvidia"
                                                               : "none";
      rules->accelerator_from = ADVISE_RULE_FILTERS;
    }
}

void
advise_rules_resolve (const struct advise_rules_ask *ask,
                      const struct instance *reference, double runtime_h,
                      double load_pct, enum advise_gpu_filter filter,
                      struct advise_rules *rules)
{
  memset (rules, 0, sizeof *rules);
  rules->reference_h = runtime_h;
  rules->load_pct = load_pct;
  rules->allow_burstable = ask->allow_burstable;
  rules->deadline_h = INFINITY;
  rules->deadline_from = ADVISE_RULE_NONE;
  if (!isnan (ask->deadline_h))
    {
      rules->deadline_h = ask->deadline_h;
      rules->deadline_from = ADVISE_RULE_ASKED;
    }
  else if (reference != NULL)
    {
      /* Without a reference every candidate runs the same hours: a
         default deadline would bound nothing.  */
      rules->deadline_h = ADVISE_DEADLINE_FACTOR * runtime_h;
      rules->deadline_from = ADVISE_RULE_REFERENCE;
    }
  resolve_accelerator (ask, reference, filter, rules);
  rules->memory_from = ADVISE_RULE_NONE;
  if (!isnan (ask->min_gpu_memory_gib))
    {
      rules->min_gpu_memory_gib = ask->min_gpu_memory_gib;
      rules->memory_from = ADVISE_RULE_ASKED;
    }
  else if (reference != NULL && reference->gpus > 0)
    {
      /* A model that fits the reference's GPUs needs as much again.  */
      rules->min_gpu_memory_gib = reference->gpu_memory_total_gib;
      rules->memory_from = ADVISE_RULE_REFERENCE;
    }
}

enum advise_rule_verdict
advise_rules_check (const struct advise_rules *rules,
                    const struct instance *in)
{
  if (!STREQ (rules->accelerator, "any")
      && !STREQ (rules->accelerator, in->accelerator))
    return ADVISE_RULE_ACCELERATOR;
  /* NaN (no GPU) is below any floor.  */
  if (rules->min_gpu_memory_gib > 0.0
      && !(in->gpu_memory_total_gib >= rules->min_gpu_memory_gib))
    return ADVISE_RULE_GPU_MEMORY;
  /* Without a published baseline nothing says it sustains any load.  */
  if (in->burstable && !rules->allow_burstable
      && !(rules->load_pct <= in->baseline_pct))
    return ADVISE_RULE_BURSTABLE;
  return ADVISE_RULE_KEPT;
}
