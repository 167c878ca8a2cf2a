/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* How a job's runtime moves from the instance it was measured on to
   another: the same everywhere, by vCPUs or GPU throughput under Amdahl's
   law, or from the user's own measured speed-ups.  */
#ifndef CA_SCALING_H
#define CA_SCALING_H

#include <stddef.h>

#include "data/catalogue.h"
#include "base/diag.h"

enum scaling_mode
{
  SCALING_FIXED, /* The same runtime on every instance.  */
  SCALING_VCPU,  /* By vCPU count relative to the reference.  */
  SCALING_GPU,   /* By GPU count and measured per-GPU speed.  */
  SCALING_TABLE  /* By the user's relative speeds.  */
};

/* Amdahl's serial fraction of gpu scaling without --serial-fraction:
   the median of 192 MLPerf Training pairs of the same GPU model, round
   and benchmark at 8 GPUs and at 16, 32 or 64
   (data/gpu_scaling.csv, row "all"; tests/unit/check_data.c checks that
   the two agree).  */
#define SCALING_GPU_SERIAL_FRACTION 0.0151

/* Look NAME up among "fixed", "vcpu", "gpu", "table".  */
int scaling_mode_parse (const char *name, enum scaling_mode *mode);
const char *scaling_mode_name (enum scaling_mode mode);

/* One measured relative speed: higher is faster.  */
struct speedup
{
  char *instance;
  double speed;
  size_t line; /* In the file.  */
};

/* The user's speed-up table.  */
struct speedup_table
{
  struct speedup *rows; /* Sorted by instance name.  */
  size_t n;
};

/* Read a speed-up CSV from PATH: a header naming the columns
   "instance_type" and "speed" (other columns are ignored), one row per
   instance type, speed a positive number, no type twice.  Returns NULL
   with D set (CA_EXIT_NOINPUT, CA_EXIT_DATAERR with "PATH:LINE: ...").  */
struct speedup_table *speedup_table_read (const char *path, struct diag *d);
void speedup_table_free (struct speedup_table *t);

/* The speed of INSTANCE in T, or NaN when the table has none.  */
double speedup_table_lookup (const struct speedup_table *t,
                             const char *instance);

/* The scaling of one advise run.  */
struct scaling
{
  enum scaling_mode mode;
  const struct instance *reference;  /* NULL for SCALING_FIXED.  */
  double serial_fraction;            /* Amdahl's s, 0 to 1.  */
  const struct speedup_table *table; /* For SCALING_TABLE.  */
  const struct catalogue *catalogue; /* For GPU speeds.  */
};

/* Why a candidate has no runtime under a scaling.  */
enum scaling_gap
{
  SCALING_OK,
  SCALING_NO_GPU,        /* gpu scaling of an instance without GPUs.  */
  SCALING_NO_THROUGHPUT, /* Its GPU model has no measured speed.  */
  SCALING_NO_SPEEDUP     /* table scaling: not in the user's table.  */
};

/* The runtime, in hours, on CANDIDATE of a job that takes REFERENCE_H
   hours on S's reference instance.  With Amdahl's law, a job whose
   serial share is s runs on N workers in time proportional to
   s + (1 - s) / N, so with vcpu scaling
       t = reference_h x (s + (1 - s) / vcpus_candidate)
                       / (s + (1 - s) / vcpus_reference)
   and with gpu scaling, where one GPU of model X runs the whole job in
   time proportional to 1 / speed_X (data/gpus.csv training_speed),
       t = reference_h x (s + (1 - s) / gpus_candidate)
                       / (s + (1 - s) / gpus_reference)
                       x speed_reference / speed_candidate.
   With a table, t = reference_h x speed_ref / speed_candidate.
   Returns SCALING_OK and sets *HOURS, or the reason there is no figure.  */
enum scaling_gap scaling_runtime (const struct scaling *s,
                                  const struct instance *candidate,
                                  double reference_h, double *hours);

/* The GPU whose measured speed scales INSTANCE's runtime under S, or
   NULL (not gpu scaling, no GPU, or no measured speed).  */
const struct gpu *scaling_gpu (const struct scaling *s,
                               const struct instance *instance);

/* A sentence fragment for GAP, e.g. "no GPU".  */
const char *scaling_gap_text (enum scaling_gap gap);

#endif /* CA_SCALING_H */
