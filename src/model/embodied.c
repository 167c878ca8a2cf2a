/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* An instance's share of its host's manufacturing emissions.  */
#include <config.h>

#include "model/embodied.h"
#include "base/system.h"

static const char *const rule_names[] = { "largest", "vcpu" };

int
embodied_rule_parse (const char *name, enum embodied_rule *rule)
{
  int i = name_index (rule_names, ARRAY_SIZE (rule_names), name);

  if (i < 0)
    return -1;
  *rule = (enum embodied_rule) i;
  return 0;
}

const char *
embodied_rule_name (enum embodied_rule rule)
{
  return rule_names[rule];
}

double
embodied_share_factor (const struct instance *instance,
                       enum embodied_rule rule, const char **basis)
{
  double vcpu, memory, gpu, largest;
  const char *dummy;

  if (basis == NULL)
    basis = &dummy;
  *basis = "vcpu";
  if (rule == EMBODIED_VCPU_SHARE)
    return 1.0;
  /* The table's share is the vCPU share, capped at the whole host (and,
     for the sheet's few smaller-memory variants of a whole host, their
     memory share, which the factor then leaves alone).  */
  vcpu = (double) instance->vcpus / (double) instance->host_vcpus;
  if (vcpu > 1.0)
    vcpu = 1.0;
  memory = instance->memory_gib / instance->host_memory_gib;
  gpu = instance->host_gpus > 0
          ? (double) instance->gpus / (double) instance->host_gpus
          : 0.0;
  largest = memory > gpu ? memory : gpu;
  if (!(largest > vcpu))
    return 1.0;
  *basis = memory > gpu ? "memory" : "gpu";
  return largest / vcpu;
}
