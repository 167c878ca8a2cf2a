/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The job log formats beyond plain CSV: JSON Lines (one flat object a
   line), sacct -P (steps merged into their job) and CodeCarbon's
   emissions.csv (the last cumulative flush of each run).  */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "data/joblog-private.h"
#include "base/xalloc.h"

/* Make room for N names and values of a JSON record.  */
static void
json_room (struct joblog *log, size_t n)
{
  if (n <= log->jcap)
    return;
  log->jcap = 2 * n;
  log->jnames = xreallocarray (log->jnames, log->jcap, sizeof (char *));
  log->jvalues = xreallocarray (log->jvalues, log->jcap, sizeof (char *));
}

/* Take the names of the first record as the header (the columns of csv
   output).  */
static void
json_header (struct joblog *log, size_t n)
{
  size_t i;

  log->ncols = n;
  log->header = xcalloc (n + 1, sizeof *log->header);
  for (i = 0; i < n; i++)
    log->header[i] = xstrdup (log->jnames[i]);
}

/* Fill REC from the object in LINE.  Returns 1 or -1 (REASON).  */
static int
json_record (struct joblog *log, const char *line, size_t len,
             struct joblog_record *rec, char *reason, size_t size)
{
  struct json_tokener *tok = json_tokener_new ();
  struct json_object *obj;
  size_t n = 0;

  if (log->obj != NULL)
    json_object_put (log->obj);
  obj = log->obj = json_tokener_parse_ex (tok, line, (int) len);
  if (obj == NULL || json_tokener_get_parse_end (tok) != len)
    {
      json_tokener_free (tok);
      snprintf (reason, size, "not one JSON value");
      return -1;
    }
  json_tokener_free (tok);
  if (!json_object_is_type (obj, json_type_object))
    {
      snprintf (reason, size, "not a JSON object");
      return -1;
    }
  json_room (log, (size_t) json_object_object_length (obj) + 1);
  json_object_object_foreach (obj, key, val)
  {
    enum json_type type = json_object_get_type (val);

    if (type == json_type_object || type == json_type_array)
      {
        snprintf (reason, size, "field '%.64s' is not a plain value", key);
        return -1;
      }
    log->jnames[n] = key;
    log->jvalues[n]
      = (char *) (type == json_type_null ? "" : json_object_get_string (val));
    n++;
  }
  if (log->header == NULL)
    json_header (log, n);
  rec->nfields = n;
  rec->own_names = true;
  rec->names = log->jnames;
  rec->values = log->jvalues;
  return 1;
}

int
joblog_next_jsonl (struct joblog *log, struct joblog_record *rec, char *reason,
                   size_t size, struct diag *d)
{
  char *line;
  size_t len;

  if (!log->first_used && log->first != NULL)
    {
      log->first_used = true;
      line = log->first;
      len = strlen (line);
    }
  else
    do
      if (joblog_read_line (log, &line, &len, d) < 0)
        return -2;
    while (line != NULL && len == strspn (line, " \t"));
  if (line == NULL)
    return 0;
  rec->line = log->line;
  rec->rows = 1;
  if (memchr (line, '\0', len) != NULL)
    {
      snprintf (reason, size, "a NUL byte in the record");
      return -1;
    }
  return json_record (log, line, len, rec, reason, size);
}

/* The column called NAME, or -1.  */
static long
column (const struct joblog *log, const char *name)
{
  size_t i;

  for (i = 0; i < log->ncols; i++)
    if (STREQ (log->header[i], name))
      return (long) i;
  return -1;
}

/* Whether ID is a step of job JOB: "1234.batch", "1234_7.0".  */
static bool
step_of (const char *id, const char *job)
{
  size_t n = strlen (job);

  return n > 0 && strncmp (id, job, n) == 0 && id[n] == '.';
}

/* What sacct writes for a missing value.  */
static bool
sacct_missing (const char *v)
{
  return v[0] == '\0' || STREQ (v, "N/A") || STREQ (v, "Unknown")
         || STREQ (v, "None");
}

/* Merge the step in FIELDS into the pending job: a value the job lacks
   is taken from its first step that has one.  */
static void
merge_step (struct joblog *log, char **fields)
{
  struct slot tmp;
  char **merged = xcalloc (log->ncols, sizeof *merged);
  size_t i, rows = log->pending.rows;

  for (i = 0; i < log->ncols; i++)
    merged[i]
      = (sacct_missing (log->pending.values[i]) && !sacct_missing (fields[i]))
          ? fields[i]
          : log->pending.values[i];
  joblog_slot_fill (log, &log->out, merged, log->pending.line);
  free (merged);
  tmp = log->pending;
  log->pending = log->out;
  log->out = tmp;
  log->out.used = false;
  log->pending.rows = rows + 1;
}

/* Hand back the job in log->pending, if any, making room for the next
   one.  */
static int
flush_pending (struct joblog *log, struct joblog_record *rec)
{
  struct slot tmp = log->out;

  log->out = log->pending;
  log->pending = tmp;
  log->pending.used = false;
  if (!log->out.used)
    return 0;
  log->out.used = false;
  joblog_slot_record (log, &log->out, rec);
  return 1;
}

int
joblog_next_sacct (struct joblog *log, struct joblog_record *rec, char *reason,
                   size_t size, struct diag *d)
{
  if (log->key_col == -2)
    log->key_col = column (log, "JobID");
  for (;;)
    {
      int r = joblog_next_row (log, rec, reason, size, d);
      const char *id;
      size_t line;

      if (r == 0)
        return flush_pending (log, rec);
      if (r < 0)
        return r;
      if (log->key_col < 0)
        return 1;
      id = rec->values[log->key_col];
      if (log->pending.used && step_of (id, log->pending.values[log->key_col]))
        {
          merge_step (log, rec->values);
          continue;
        }
      line = rec->line;
      r = flush_pending (log, rec);
      joblog_slot_fill (log, &log->pending, log->fields, line);
      if (r == 1)
        {
          joblog_slot_record (log, &log->out, rec);
          return 1;
        }
    }
}

/* The run whose run_id is ID, or NULL.  The latest runs come first: a
   run's flushes are usually near one another.  */
static struct slot *
find_run (struct joblog *log, const char *id)
{
  size_t i;

  for (i = log->nruns; i-- > 0;)
    if (STREQ (log->runs[i].values[log->key_col], id))
      return &log->runs[i];
  return NULL;
}

int
joblog_next_codecarbon (struct joblog *log, struct joblog_record *rec,
                        char *reason, size_t size, struct diag *d)
{
  if (log->key_col == -2)
    log->key_col = column (log, "run_id");
  if (log->key_col < 0)
    return joblog_next_row (log, rec, reason, size, d);
  while (!log->runs_read)
    {
      int r = joblog_next_row (log, rec, reason, size, d);
      struct slot *s;
      size_t rows;

      if (r == 0)
        log->runs_read = true;
      if (r <= 0)
        {
          if (r < 0)
            return r;
          break;
        }
      s = find_run (log, rec->values[log->key_col]);
      rows = s != NULL ? s->rows : 0;
      if (s == NULL)
        {
          if (log->nruns == log->cap_runs)
            {
              log->cap_runs = log->cap_runs ? 2 * log->cap_runs : 16;
              log->runs
                = xreallocarray (log->runs, log->cap_runs, sizeof *log->runs);
            }
          s = &log->runs[log->nruns++];
          memset (s, 0, sizeof *s);
        }
      joblog_slot_fill (log, s, rec->values, rec->line);
      s->rows = rows + 1;
    }
  if (log->next_run == log->nruns)
    return 0;
  joblog_slot_record (log, &log->runs[log->next_run++], rec);
  return 1;
}
