/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* For a tracked cloud job, the greenest option that is no dearer: the
   same job on another instance type of the same accelerator (the same
   GPU model, or none) in any priced region, its runtime scaled as
   advise scales it from a --reference (by GPU throughput, or by vCPUs;
   Amdahl's serial fraction 0).  advise's deadline and burstable rules
   (search/advise-rules.h) are not applied here: a suggestion keeps the
   job's accelerator, and its runtime is the job's own scaled.  Search
   layer.  */
#ifndef CA_TRACK_SUGGEST_H
#define CA_TRACK_SUGGEST_H

#include "data/catalogue.h"
#include "model/run.h"

struct track_suggest;

struct track_suggest *track_suggest_new (const struct catalogue *cat,
                                         double lifetime_years);
void track_suggest_free (struct track_suggest *s);

/* The suggestion for the job of JOB (a cloud run with a price) into
   *OUT, worked out by run_evaluate for the same count at the scaled
   runtime.  Returns 1, or 0 when no other option is greener and no
   dearer (or the job has no price), or -1 when a figure fails.  The
   search over every priced pair is made once per (instance type,
   region, load) and kept: a job's totals and costs scale with its
   runtime and count alike, so the best option does not depend on
   them.  */
int track_suggest (struct track_suggest *s, const struct run *job,
                   struct run *out);

#endif /* CA_TRACK_SUGGEST_H */
