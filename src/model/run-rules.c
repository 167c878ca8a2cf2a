/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Which options of a run its method cannot honour.  */
#include <config.h>

#include "model/run-rules.h"

enum run_conflict
run_params_conflict (const struct run_params *params, bool ccf)
{
  if (ccf && params->signal != RUN_SIGNAL_AVERAGE)
    return RUN_CONFLICT_CCF_SIGNAL;
  if (ccf && params->grid_source != NULL)
    return RUN_CONFLICT_CCF_GRID_SOURCE;
  if (params->grid_source != NULL && params->signal != RUN_SIGNAL_AVERAGE)
    return RUN_CONFLICT_GRID_SOURCE_SIGNAL;
  return RUN_CONFLICT_NONE;
}
