/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* One job of a job log, from a record of any format.  */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/jobrec.h"
#include "base/numparse.h"

/* The fields any format names, and the ids the code uses for them.  */
enum field
{
  F_JOB_ID,
  F_INSTANCE,
  F_REGION,
  F_COUNT,
  F_GPU_MODEL,
  F_GPUS,
  F_CPUS,
  F_MEMORY,
  F_LOCATION,
  F_DURATION,
  F_START,
  F_END,
  F_LOAD,
  F_GPU_LOAD,
  F_PUE,
  F_STATE,
  /* sacct.  */
  S_JOBID,
  S_ELAPSED,
  S_ELAPSED_RAW,
  S_TRES,
  S_PARTITION,
  S_NCPUS,
  S_STATE,
  S_START,
  S_END,
  /* CodeCarbon.  */
  C_RUN_ID,
  C_GPU_COUNT,
  C_CPU_COUNT,
  C_RAM,
  C_ISO,
  C_EMISSIONS,
  C_TIMESTAMP,
  F_COUNT_OF_FIELDS
};

static const char *const field_names[] = {
  "job_id",     "instance_type",  "region",
  "count",      "gpu_model",      "gpus",
  "cpus",       "memory_gib",     "location",
  "duration",   "start",          "end",
  "load",       "gpu_load",       "pue",
  "state",      "JobID",          "Elapsed",
  "ElapsedRaw", "AllocTRES",      "Partition",
  "NCPUS",      "State",          "Start",
  "End",        "run_id",         "gpu_count",
  "cpu_count",  "ram_total_size", "country_iso_code",
  "emissions",  "timestamp",
};

/* Fill IX for the names of REC unless it holds them already.  */
static void
index_fields (struct jobrec_index *ix, const struct joblog_record *rec)
{
  size_t f, i;

  if (ix->names == rec->names && ix->n == rec->nfields && ix->names != NULL
      && !rec->own_names)
    return;
  ix->names = rec->names;
  ix->n = rec->nfields;
  for (f = 0; f < F_COUNT_OF_FIELDS; f++)
    {
      ix->col[f] = -1;
      for (i = 0; i < rec->nfields; i++)
        if (STREQ (rec->names[i], field_names[f]))
          {
            ix->col[f] = (long) i;
            break;
          }
    }
}

/* The text of field F, "" when the record lacks it.  */
static const char *
value (const struct jobrec_index *ix, const struct joblog_record *rec,
       enum field f)
{
  return ix->col[f] >= 0 ? rec->values[ix->col[f]] : "";
}

static bool
blank (const char *s)
{
  return s[strspn (s, " \t")] == '\0';
}

/* What sacct writes for a missing value.  */
static bool
sacct_missing (const char *v)
{
  return blank (v) || STREQ (v, "N/A") || STREQ (v, "Unknown")
         || STREQ (v, "None");
}

/* Set REASON about field F and return -1.  */
static int
bad (char *reason, size_t size, enum field f, const char *what,
     const char *text)
{
  snprintf (reason, size, "field '%s': %s '%.40s'", field_names[f], what,
            text);
  return -1;
}

/* Parse field F, if given, as a number in [MIN, MAX] into *OUT (NaN
   when blank).  */
static int
number (const struct jobrec_index *ix, const struct joblog_record *rec,
        enum field f, double min, double max, double *out, char *reason,
        size_t size)
{
  const char *s = value (ix, rec, f);

  *out = NAN;
  if (blank (s))
    return 0;
  if (numparse_double (s, out) != NUMPARSE_OK || *out < min || *out > max)
    return bad (reason, size, f, "not a number in range:", s);
  return 0;
}

/* Upper-case the first word of S into JOB->state.  */
static void
set_state (struct jobrec *job, const char *s)
{
  size_t i = 0;

  s += strspn (s, " \t");
  while (s[i] != '\0' && s[i] != ' ' && i + 1 < sizeof job->state)
    {
      job->state[i] = (char) toupper ((unsigned char) s[i]);
      i++;
    }
  job->state[i] = '\0';
  job->running = STREQ (job->state, "RUNNING");
}

static void
clear (struct jobrec *job)
{
  memset (job, 0, sizeof *job);
  job->job_id = job->instance_type = job->region = job->gpu_model = "";
  job->location = job->location_iso3 = "";
  job->count = job->gpus = job->cpus = job->memory_gib = NAN;
  job->runtime_h = job->start = job->load_pct = job->gpu_load_pct = NAN;
  job->pue = job->reported_gco2e = NAN;
}

/* Duration from field DUR, else from START and END.  */
static int
native_times (const struct jobrec_index *ix, const struct joblog_record *rec,
              struct jobrec *job, char *reason, size_t size)
{
  const char *dur = value (ix, rec, F_DURATION);
  const char *start = value (ix, rec, F_START), *end = value (ix, rec, F_END);
  double e;

  if (!blank (start) && jobrec_time (start, &job->start) < 0)
    return bad (reason, size, F_START, "not a time:", start);
  if (!blank (dur))
    {
      if (jobrec_duration (dur, &job->runtime_h) < 0)
        return bad (reason, size, F_DURATION, "not a duration:", dur);
      return 0;
    }
  if (blank (start) || blank (end))
    {
      snprintf (reason, size, "no 'duration', nor 'start' and 'end'");
      return -1;
    }
  if (jobrec_time (end, &e) < 0)
    return bad (reason, size, F_END, "not a time:", end);
  if (e < job->start)
    return bad (reason, size, F_END, "before the start:", end);
  job->runtime_h = (e - job->start) / 3600.0;
  return 0;
}

static int
parse_native (const struct jobrec_index *ix, const struct joblog_record *rec,
              struct jobrec *job, char *reason, size_t size)
{
  job->job_id = value (ix, rec, F_JOB_ID);
  job->instance_type = value (ix, rec, F_INSTANCE);
  job->region = value (ix, rec, F_REGION);
  job->gpu_model = value (ix, rec, F_GPU_MODEL);
  job->location = value (ix, rec, F_LOCATION);
  set_state (job, value (ix, rec, F_STATE));
  if (number (ix, rec, F_COUNT, 1, 1e6, &job->count, reason, size) < 0
      || (!isnan (job->count) && floor (job->count) < job->count))
    return bad (reason, size, F_COUNT,
                "not a whole number of instances:", value (ix, rec, F_COUNT));
  if (number (ix, rec, F_GPUS, 0, 1e6, &job->gpus, reason, size) < 0
      || number (ix, rec, F_CPUS, 0, 1e7, &job->cpus, reason, size) < 0
      || number (ix, rec, F_MEMORY, 0, 1e9, &job->memory_gib, reason, size) < 0
      || number (ix, rec, F_LOAD, 0, 100, &job->load_pct, reason, size) < 0
      || number (ix, rec, F_GPU_LOAD, 0, 100, &job->gpu_load_pct, reason, size)
           < 0
      || number (ix, rec, F_PUE, 1, 10, &job->pue, reason, size) < 0)
    return -1;
  return native_times (ix, rec, job, reason, size);
}

/* Read "gres/gpu=4", "gres/gpu:a100=8", "mem=40G", "cpu=16" of sacct's
   AllocTRES S into JOB; *TYPED says whether a GPU model was named, and
   MODEL (SIZE bytes) holds it.  */
static int
parse_tres (const char *s, struct jobrec *job, char *model, size_t msize,
            char *reason, size_t size)
{
  char buf[512], *tok, *save = NULL;
  double untyped = NAN, typed = 0;

  if (strlen (s) >= sizeof buf)
    return bad (reason, size, S_TRES, "too long:", s);
  strcpy (buf, s);
  model[0] = '\0';
  for (tok = strtok_r (buf, ",", &save); tok != NULL;
       tok = strtok_r (NULL, ",", &save))
    {
      char *eq = strchr (tok, '=');
      double v;

      if (eq == NULL)
        return bad (reason, size, S_TRES, "not KEY=VALUE:", tok);
      *eq++ = '\0';
      if (STREQ (tok, "mem"))
        {
          if (jobrec_memory (eq, &job->memory_gib) < 0)
            return bad (reason, size, S_TRES, "bad memory:", eq);
          continue;
        }
      if (strncmp (tok, "gres/gpu", 8) != 0
          || (tok[8] != '\0' && tok[8] != ':'))
        continue;
      if (numparse_double (eq, &v) != NUMPARSE_OK || v < 0 || floor (v) < v)
        return bad (reason, size, S_TRES, "bad GPU count:", eq);
      if (tok[8] == '\0')
        untyped = v;
      else
        {
          snprintf (model, msize, "%s", tok + 9);
          typed += v;
        }
    }
  job->gpus = model[0] != '\0' ? typed : isnan (untyped) ? 0 : untyped;
  return 0;
}

static int
sacct_times (const struct jobrec_index *ix, const struct joblog_record *rec,
             struct jobrec *job, char *reason, size_t size)
{
  const char *raw = value (ix, rec, S_ELAPSED_RAW);
  const char *el = value (ix, rec, S_ELAPSED);
  const char *start = value (ix, rec, S_START), *end = value (ix, rec, S_END);
  double e;

  if (!sacct_missing (start) && jobrec_time (start, &job->start) < 0)
    return bad (reason, size, S_START, "not a time:", start);
  job->never_started = isnan (job->start) || STREQ (job->state, "PENDING");
  if (job->never_started)
    {
      job->runtime_h = 0;
      return 0;
    }
  if (!sacct_missing (raw))
    {
      if (numparse_double (raw, &e) != NUMPARSE_OK || e < 0)
        return bad (reason, size, S_ELAPSED_RAW, "not seconds:", raw);
      job->runtime_h = e / 3600.0;
    }
  else if (!sacct_missing (el))
    {
      if (jobrec_duration (el, &job->runtime_h) < 0)
        return bad (reason, size, S_ELAPSED, "not a duration:", el);
    }
  else if (!sacct_missing (end) && jobrec_time (end, &e) == 0
           && e >= job->start)
    job->runtime_h = (e - job->start) / 3600.0;
  else if (job->running)
    job->runtime_h = 0; /* Flagged: nothing known to have run.  */
  else
    {
      snprintf (reason, size, "no 'Elapsed', nor 'Start' and 'End'");
      return -1;
    }
  return 0;
}

static int
parse_sacct (const struct jobrec_index *ix, const struct joblog_record *rec,
             const struct jobrec_partition *parts, size_t nparts,
             struct jobrec *job, char *reason, size_t size, char *model,
             size_t msize)
{
  const char *part = value (ix, rec, S_PARTITION);
  const char *ncpus = value (ix, rec, S_NCPUS);
  size_t i;

  job->job_id = value (ix, rec, S_JOBID);
  set_state (job, value (ix, rec, S_STATE));
  if (!sacct_missing (ncpus)
      && (numparse_double (ncpus, &job->cpus) != NUMPARSE_OK || job->cpus < 0))
    return bad (reason, size, S_NCPUS, "not a count:", ncpus);
  if (parse_tres (value (ix, rec, S_TRES), job, model, msize, reason, size)
      < 0)
    return -1;
  for (i = 0; model[0] == '\0' && i < nparts; i++)
    if (STREQ (parts[i].partition, part))
      snprintf (model, msize, "%s", parts[i].gpu_model);
  job->gpu_model = model;
  if (job->gpus > 0 && model[0] == '\0')
    {
      snprintf (reason, size,
                "%g GPUs of no model in partition '%.40s'; give "
                "--partition-gpu %.40s=MODEL",
                job->gpus, part, part);
      return -1;
    }
  return sacct_times (ix, rec, job, reason, size);
}

/* CodeCarbon's rows: the run's totals (the reader kept its last flush),
   its GPUs as "4 x NVIDIA A100-SXM4-80GB", its country.  */
static int
parse_codecarbon (const struct jobrec_index *ix,
                  const struct joblog_record *rec, struct jobrec *job,
                  char *reason, size_t size)
{
  const char *dur = value (ix, rec, F_DURATION);
  const char *ts = value (ix, rec, C_TIMESTAMP);
  double secs, kg;

  job->job_id = value (ix, rec, C_RUN_ID);
  job->gpu_model = value (ix, rec, F_GPU_MODEL);
  job->location_iso3 = value (ix, rec, C_ISO);
  if (numparse_double (dur, &secs) != NUMPARSE_OK || secs < 0)
    return bad (reason, size, F_DURATION, "not seconds:", dur);
  job->runtime_h = secs / 3600.0;
  if (!blank (ts) && jobrec_time (ts, &job->start) == 0)
    job->start -= secs;
  if (number (ix, rec, C_GPU_COUNT, 0, 1e6, &job->gpus, reason, size) < 0
      || number (ix, rec, C_CPU_COUNT, 0, 1e7, &job->cpus, reason, size) < 0
      || number (ix, rec, C_RAM, 0, 1e9, &job->memory_gib, reason, size) < 0
      || number (ix, rec, C_EMISSIONS, 0, 1e12, &kg, reason, size) < 0)
    return -1;
  if (isnan (job->gpus))
    job->gpus = 0;
  job->reported_gco2e = kg * 1000.0;
  return 0;
}

int
jobrec_parse (enum joblog_format format, const struct joblog_record *rec,
              struct jobrec_index *ix, const struct jobrec_partition *parts,
              size_t nparts, struct jobrec *job, char *reason, size_t size)
{
  index_fields (ix, rec);
  clear (job);
  switch (format)
    {
    case JOBLOG_SACCT:
      return parse_sacct (ix, rec, parts, nparts, job, reason, size, ix->model,
                          sizeof ix->model);
    case JOBLOG_CODECARBON:
      return parse_codecarbon (ix, rec, job, reason, size);
    default:
      return parse_native (ix, rec, job, reason, size);
    }
}
