/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Which options of a run its method cannot honour.  */
#ifndef CA_RUN_RULES_H
#define CA_RUN_RULES_H

#include <stdbool.h>

#include "model/run.h"

enum run_conflict
{
  RUN_CONFLICT_NONE,
  /* CCF's method has one grid factor per region, a location-based
     average: a marginal or market-based run would not be CCF's.  */
  RUN_CONFLICT_CCF_SIGNAL,
  /* CCF's method has its own grid factors.  */
  RUN_CONFLICT_CCF_GRID_SOURCE,
  /* A grid source gives location-based averages only.  */
  RUN_CONFLICT_GRID_SOURCE_SIGNAL
};

/* The first conflict of PARAMS, in the order above, for a run by CCF's
   method when CCF (whatever PARAMS->method says: estimate's --method all
   runs both methods).  */
enum run_conflict run_params_conflict (const struct run_params *params,
                                       bool ccf);

#endif /* CA_RUN_RULES_H */
