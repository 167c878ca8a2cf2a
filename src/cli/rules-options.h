/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The options of advise's candidate rules (search/advise-rules.h):
   --deadline, --accelerator, --min-gpu-memory, --allow-burstable.  */
#ifndef CA_CLI_RULES_OPTIONS_H
#define CA_CLI_RULES_OPTIONS_H

#include <argp.h>

#include "search/advise-rules.h"

/* The group's parser; its input is a struct advise_rules_ask *, set up
   with cli_rules_init.  */
extern const struct argp cli_rules_argp;

/* Every rule to its default.  */
void cli_rules_init (struct advise_rules_ask *ask);

#endif /* CA_CLI_RULES_OPTIONS_H */
