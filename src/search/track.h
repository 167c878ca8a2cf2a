/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The footprint of one tracked job, through run_evaluate: a cloud job
   on its instance type and region, or an on-premises job on GPUs at a
   grid zone (doc/tracking.md).  Model layer: never prints.  */
#ifndef CA_TRACK_H
#define CA_TRACK_H

#include "data/catalogue.h"
#include "data/jobrec.h"
#include "model/run.h"
#include "data/zones.h"

/* The command line's defaults; a record's own values override them.  */
struct track_defaults
{
  const char *region; /* NULL when not given.  */
  const char *location;
  double pue;          /* NaN: the region's, or the site
                          default of site_defaults.csv.  */
  double load_pct;     /* NaN: the record must give one.  */
  double gpu_load_pct; /* NaN: the load.  */
  double lifetime_years;
  const char *cpu_reference; /* --cpu-reference: the instance type
                                whose per-vCPU share stands for one
                                CPU of an on-premises job without
                                GPUs, or NULL (such jobs rejected).  */
};

/* One job's footprint.  */
struct track_result
{
  struct run run;
  bool onprem;
  double gpus; /* Every GPU of the job.  */
  double gpu_hours;
  const char *location;  /* The region's or the zone's name.  */
  const char *gpu_model; /* The catalogue's name, or "".  */
  const char *reference; /* On-premises: the instance type whose
                            per-GPU share stands for one GPU.  */
};

struct track;

/* A tracker over CAT and ZONES (which may be NULL: no on-premises
   jobs) with DEF, which must outlive it.  */
struct track *track_new (const struct catalogue *cat,
                         const struct zones *zones,
                         const struct track_defaults *def);
void track_free (struct track *t);

/* Work out JOB into *OUT.  Returns 0, or -1 with REASON set when the
   job cannot be accounted (unknown instance type, region, zone or GPU
   model, no load...).  */
int track_evaluate (struct track *t, const struct jobrec *job,
                    struct track_result *out, char *reason, size_t size);

#endif /* CA_TRACK_H */
