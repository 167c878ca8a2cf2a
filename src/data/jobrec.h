/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* One job of a job log, from a record of any format (doc/tracking.md):
   what was run, for how long, where, in which state.  Data layer.  */
#ifndef CA_JOBREC_H
#define CA_JOBREC_H

#include "data/joblog.h"

/* Every text points into the record (or a static string) and is "" when
   absent; every number is NaN when absent.  */
struct jobrec
{
  const char *job_id;
  const char *instance_type; /* Cloud jobs.  */
  const char *region;
  double count;
  const char *gpu_model; /* On-premises jobs: as written.  */
  double gpus;
  double cpus;
  double memory_gib;
  const char *location;      /* A zone id or ISO country code.  */
  const char *location_iso3; /* CodeCarbon's ISO 3166-1 alpha-3.  */
  double runtime_h;
  double start; /* Unix seconds.  */
  double load_pct;
  double gpu_load_pct;
  double pue;
  char state[24]; /* Upper case, first word ("CANCELLED by
                     42" is "CANCELLED").  */
  bool running;
  bool never_started;
  double reported_gco2e; /* CodeCarbon's own figure.  */
};

/* GPUs for an untyped sacct count, by partition (--partition-gpu).  */
struct jobrec_partition
{
  const char *partition;
  const char *gpu_model;
};

/* Where the fields a job needs sit in the records of one header, worked
   out once per header (zero it before the first record).  */
#define JOBREC_NFIELDS 32
struct jobrec_index
{
  char **names;
  size_t n;
  long col[JOBREC_NFIELDS];
  char model[64]; /* The GPU model of the last sacct job.  */
};

/* Read REC of FORMAT into *JOB, finding its fields through IX.  PARTS
   (N of them) name the GPU model of untyped GPU counts by partition.
   Returns 0, or -1 with REASON set when the record cannot be a job
   ("field 'duration': ...").  */
int jobrec_parse (enum joblog_format format, const struct joblog_record *rec,
                  struct jobrec_index *ix,
                  const struct jobrec_partition *parts, size_t nparts,
                  struct jobrec *job, char *reason, size_t size);

/* A duration in hours: Slurm's [D-]HH:MM:SS or MM:SS, a bare number of
   seconds, or the tool's own syntax (36h, 90m, 1d2h).  Returns 0 or -1.  */
int jobrec_duration (const char *s, double *hours);

/* A time in Unix seconds: ISO 8601 (2024-03-01T10:00:00[.f][Z|+hh:mm],
   a space allowed for the T, UTC without a zone) or whole epoch
   seconds.  Returns 0 or -1.  */
int jobrec_time (const char *s, double *epoch);

/* The catalogue's name of a GPU model as schedulers and drivers write it
   (a100, nvidia_a100-sxm4-80gb, "1 x NVIDIA A100-SXM4-80GB", Tesla
   V100-SXM2-16GB...), or NULL when the alias table has none.  */
const char *jobrec_gpu_alias (const char *name);

/* Memory with a suffix (K, M, G, T, P; binary units) in GiB: 40G,
   240000M, 2.50T; a bare number is MiB, as Slurm's.  Returns 0 or -1.  */
int jobrec_memory (const char *s, double *gib);

#endif /* CA_JOBREC_H */
