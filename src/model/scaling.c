/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* How a job's runtime moves from the instance it was measured on to
   another.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvio.h"
#include "base/numparse.h"
#include "model/scaling.h"
#include "data/table.h"
#include "base/xalloc.h"

static const char *const mode_names[] = { "fixed", "vcpu", "gpu", "table" };

int
scaling_mode_parse (const char *name, enum scaling_mode *mode)
{
  int i = name_index (mode_names, ARRAY_SIZE (mode_names), name);

  if (i < 0)
    return -1;
  *mode = (enum scaling_mode) i;
  return 0;
}

const char *
scaling_mode_name (enum scaling_mode mode)
{
  return mode_names[mode];
}

static int
compare_speedups (const void *a, const void *b)
{
  return strcmp (((const struct speedup *) a)->instance,
                 ((const struct speedup *) b)->instance);
}

enum
{
  SP_INSTANCE,
  SP_SPEED
};

static int
speedup_row (const struct table_reader *r, void *row, void *ctx)
{
  struct speedup *s = row;
  const char *text = r->values[SP_SPEED].text;
  double v = 0.0;

  (void) ctx;
  if (numparse_double (text, &v) != NUMPARSE_OK || !(v > 0.0))
    return table_error (r, SP_SPEED, "'%s' is not a positive number", text);
  /* 1e-320 is positive, and would make a runtime of 0 that ranks
     first.  */
  if (table_check_range (r, SP_SPEED, v) < 0)
    return -1;
  s->instance = xstrdup (r->values[SP_INSTANCE].text);
  s->speed = v;
  s->line = r->line;
  return 0;
}

/* A ratio: a million times faster or slower than the reference is no
   measurement.  */
static const struct table_column speedup_columns[] = {
  [SP_INSTANCE] = { "instance_type",
                    TABLE_TEXT,
                    0,
                    { 0.0, 0.0, NULL },
                    TABLE_NOWHERE,
                    { NULL, NULL },
                    NULL },
  [SP_SPEED] = { "speed",
                 TABLE_CHECKED,
                 0,
                 { 1e-6, 1e6, "" },
                 TABLE_NOWHERE,
                 { NULL, NULL },
                 NULL },
};

static const struct table_spec speedup_spec = {
  .file = "--speedup",
  TABLE_COLUMNS (speedup_columns),
  .may_be_empty = true,
  .missing = "missing",
  .row_size = sizeof (struct speedup),
  .row = speedup_row,
};

struct speedup_table *
speedup_table_read (const char *path, struct diag *d)
{
  struct csv_table *csv = csvio_read (path, d);
  struct speedup_table *t;
  size_t i;
  int ret;

  if (csv == NULL)
    return NULL;
  t = xcalloc (1, sizeof *t);
  ret = table_load (&speedup_spec, csv, NULL, (void **) &t->rows, &t->n, d);
  csvio_free (csv);
  if (ret < 0)
    {
      speedup_table_free (t);
      return NULL;
    }
  qsort (t->rows, t->n, sizeof *t->rows, compare_speedups);
  for (i = 1; i < t->n; i++)
    if (STREQ (t->rows[i].instance, t->rows[i - 1].instance))
      {
        size_t a = t->rows[i - 1].line, b = t->rows[i].line;

        diag_set (d, CA_EXIT_DATAERR,
                  "%s:%zu: instance type '%s' appears twice (first on line "
                  "%zu)",
                  path, a > b ? a : b, t->rows[i].instance, a < b ? a : b);
        speedup_table_free (t);
        return NULL;
      }
  return t;
}

void
speedup_table_free (struct speedup_table *t)
{
  size_t i;

  if (t == NULL)
    return;
  for (i = 0; i < t->n; i++)
    free (t->rows[i].instance);
  free (t->rows);
  free (t);
}

double
speedup_table_lookup (const struct speedup_table *t, const char *instance)
{
  struct speedup key = { (char *) instance, 0.0, 0 };
  const struct speedup *hit;

  hit = bsearch (&key, t->rows, t->n, sizeof *t->rows, compare_speedups);
  return hit != NULL ? hit->speed : NAN;
}

const struct gpu *
scaling_gpu (const struct scaling *s, const struct instance *instance)
{
  const struct gpu *gpu;

  if (s->mode != SCALING_GPU || instance->gpus == 0)
    return NULL;
  gpu = catalogue_find_gpu (s->catalogue, instance->gpu_model);
  return gpu != NULL && !isnan (gpu->training_speed) ? gpu : NULL;
}

/* Amdahl's time factor on N workers for serial share S.  */
static double
amdahl (double s, double n)
{
  return s + (1.0 - s) / n;
}

/* SCALING_GPU: Amdahl over the GPU count, times the inverse of one
   GPU's measured speed.  */
static enum scaling_gap
gpu_runtime (const struct scaling *s, const struct instance *candidate,
             double reference_h, double *hours)
{
  const struct instance *r = s->reference;
  const struct gpu *g_ref, *g_cand;

  if (r->gpus == 0 || candidate->gpus == 0)
    return SCALING_NO_GPU;
  g_ref = scaling_gpu (s, r);
  g_cand = scaling_gpu (s, candidate);
  if (g_ref == NULL || g_cand == NULL)
    return SCALING_NO_THROUGHPUT;
  *hours = reference_h * amdahl (s->serial_fraction, (double) candidate->gpus)
           / amdahl (s->serial_fraction, (double) r->gpus)
           * g_ref->training_speed / g_cand->training_speed;
  return SCALING_OK;
}

enum scaling_gap
scaling_runtime (const struct scaling *s, const struct instance *candidate,
                 double reference_h, double *hours)
{
  double v_ref, v_cand;

  switch (s->mode)
    {
    case SCALING_FIXED:
      *hours = reference_h;
      return SCALING_OK;

    case SCALING_TABLE:
      v_ref = speedup_table_lookup (s->table, s->reference->name);
      v_cand = speedup_table_lookup (s->table, candidate->name);
      if (isnan (v_cand) || isnan (v_ref))
        return SCALING_NO_SPEEDUP;
      *hours = reference_h * v_ref / v_cand;
      return SCALING_OK;

    case SCALING_VCPU:
      *hours = reference_h
               * amdahl (s->serial_fraction, (double) candidate->vcpus)
               / amdahl (s->serial_fraction, (double) s->reference->vcpus);
      return SCALING_OK;

    case SCALING_GPU:
      return gpu_runtime (s, candidate, reference_h, hours);
    }
  return SCALING_OK;
}

const char *
scaling_gap_text (enum scaling_gap gap)
{
  switch (gap)
    {
    case SCALING_OK:
      return "ok";
    case SCALING_NO_GPU:
      return "no GPU";
    case SCALING_NO_THROUGHPUT:
      return "no measured training speed for its GPU model";
    case SCALING_NO_SPEEDUP:
      return "not in the speed-up table";
    }
  return "unknown";
}
