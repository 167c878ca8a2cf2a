/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* advise's sensible candidates: the rules that keep a job on hardware
   that can run it the way it was measured.  A deadline (by default twice
   the reference's runtime), the reference's accelerator ecosystem with
   at least its GPU memory (a CPU job gets no accelerator), and no
   burstable type under a load above its published baseline.  Data in,
   data out: what was asked and the reference in, the rules and each
   instance type's verdict out.  */
#ifndef CA_SEARCH_ADVISE_RULES_H
#define CA_SEARCH_ADVISE_RULES_H

#include "base/system.h"
#include "data/catalogue.h"

/* The default deadline, as a multiple of the reference's runtime.  */
#define ADVISE_DEADLINE_FACTOR 2.0

/* What the options asked; NaN or NULL leaves a rule to its default.  */
struct advise_rules_ask
{
  double deadline_h;         /* NaN: the default; +inf: none.  */
  const char *accelerator;   /* An ecosystem, "any", or NULL.  */
  double min_gpu_memory_gib; /* NaN: the reference's.  */
  bool allow_burstable;
};

/* Where a rule's setting comes from.  */
enum advise_rule_origin
{
  ADVISE_RULE_ASKED,     /* An option.  */
  ADVISE_RULE_REFERENCE, /* The reference instance type.  */
  ADVISE_RULE_FILTERS,   /* Without a reference: --gpus or --gpu-model.  */
  ADVISE_RULE_NONE       /* No rule: nothing to go by.  */
};

/* The rules in force for one search.  */
struct advise_rules
{
  double deadline_h; /* +inf for none.  */
  enum advise_rule_origin deadline_from;
  double reference_h; /* The reference's runtime (the default's basis).  */
  const char *accelerator; /* One of catalogue_accelerators, or "any".  */
  enum advise_rule_origin accelerator_from;
  double min_gpu_memory_gib; /* 0 for no floor.  */
  enum advise_rule_origin memory_from;
  bool allow_burstable;
  double load_pct; /* The sustained load burstable types must carry.  */
};

/* Why a rule left an instance type out.  */
enum advise_rule_verdict
{
  ADVISE_RULE_KEPT,
  ADVISE_RULE_ACCELERATOR, /* Another ecosystem.  */
  ADVISE_RULE_GPU_MEMORY,  /* Less GPU memory than the floor.  */
  ADVISE_RULE_BURSTABLE    /* The load is above its baseline.  */
};

/* What the filters say of the accelerator when there is no reference.  */
enum advise_gpu_filter
{
  ADVISE_GPU_FILTER_NONE,  /* No GPU asked: a CPU job.  */
  ADVISE_GPU_FILTER_COUNT, /* --gpus: NVIDIA, the ecosystem the measured
                              GPU speeds cover.  */
  ADVISE_GPU_FILTER_MODEL  /* --gpu-model: the model names it, any.  */
};

/* The rules for ASK on REFERENCE (NULL without one), measured at
   RUNTIME_H and LOAD_PCT, with the filters' GPU request FILTER.  */
void advise_rules_resolve (const struct advise_rules_ask *ask,
                           const struct instance *reference, double runtime_h,
                           double load_pct, enum advise_gpu_filter filter,
                           struct advise_rules *rules);

/* The verdict of RULES on IN (the deadline is checked on a run).  */
enum advise_rule_verdict advise_rules_check (const struct advise_rules *rules,
                                             const struct instance *in);

/* Whether NAME is an ecosystem --accelerator takes ("any" or one of
   catalogue_accelerators).  */
bool advise_rules_accelerator_known (const char *name);

#endif /* CA_SEARCH_ADVISE_RULES_H */
