/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* How much of its host's manufacturing emissions an instance carries
   (doc/METHODOLOGY.md, "Scope 3 of part-host instances").  */
#ifndef CA_EMBODIED_H
#define CA_EMBODIED_H

#include "data/catalogue.h"

enum embodied_rule
{
  EMBODIED_LARGEST_SHARE, /* The largest of its shares of the host's
                             vCPUs, memory and GPUs (default): one
                             instance's GPUs can only be sold once.  */
  EMBODIED_VCPU_SHARE     /* The Teads sheet's rule: instance vCPUs over
                             host vCPUs, as instances.csv carries it.  */
};

/* Look NAME up among "largest", "vcpu".  */
int embodied_rule_parse (const char *name, enum embodied_rule *rule);
const char *embodied_rule_name (enum embodied_rule rule);

/* How many times INSTANCE's share of its host under RULE is the share
   instances.csv gives (embodied_kgco2e over embodied_host_kgco2e, the
   sheet's vCPU share): 1 for EMBODIED_VCPU_SHARE, and for
   EMBODIED_LARGEST_SHARE the larger of 1 and its memory or GPU share over
   its vCPU share.  Multiplying the table's figures (and the spread of
   embodied_alternatives.csv, shared by the same rule) by it gives RULE's
   figures.  Sets *BASIS, when BASIS is not NULL, to the share that
   decided: "vcpu", "memory" or "gpu".  */
double embodied_share_factor (const struct instance *instance,
                              enum embodied_rule rule, const char **basis);

#endif /* CA_EMBODIED_H */
