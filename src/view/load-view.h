/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The job's load in words: one load, or the CPUs' and the GPUs'.  */
#ifndef CA_LOAD_VIEW_H
#define CA_LOAD_VIEW_H

#include <stddef.h>

#include "model/run.h"

/* Whether PARAMS asks the GPUs for another load than the CPUs.  */
bool load_view_two_loads (const struct run_params *params);

/* "Load: CPU 30 %, GPU 90 %" for PARAMS, or "Load: 60 %" when the GPUs
   run at the CPUs' load, into BUF of SIZE bytes.  When NOT_SPLIT runs
   of GPU instances could not take their GPUs apart (no per-card power
   in the data), a sentence saying so follows.  */
void load_view_line (char *buf, size_t size, const struct run_params *params,
                     size_t not_split);

/* Whether RUN had its GPUs at another load than asked: it has GPUs,
   the job asked them another load, and the data cannot separate them.  */
bool load_view_not_split (const struct run *run,
                          const struct run_params *params);

#endif /* CA_LOAD_VIEW_H */
