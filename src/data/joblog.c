/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Reading job logs as a stream of records: opening a log, deciding its
   format, and the table of formats joblog_next walks.  The readers live
   in joblog-read.c (lines, CSV rows) and joblog-formats.c (JSON Lines,
   sacct, CodeCarbon); they never call back into this file.  */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "data/joblog-private.h"
#include "base/xalloc.h"

/* The formats, in the order of enum joblog_format, with the reader of
   their records.  AUTO is decided by the header before the first record,
   so its reader is never called; it reads CSV as the fallback.  */
static const struct
{
  const char *name;
  joblog_reader_fn *next;
} formats[] = {
  [JOBLOG_AUTO] = { "auto", joblog_next_row },
  [JOBLOG_CSV] = { "csv", joblog_next_row },
  [JOBLOG_JSONL] = { "jsonl", joblog_next_jsonl },
  [JOBLOG_SACCT] = { "sacct", joblog_next_sacct },
  [JOBLOG_CODECARBON] = { "codecarbon", joblog_next_codecarbon },
};

int
joblog_format_parse (const char *name, enum joblog_format *format)
{
  size_t i;

  for (i = 0; i < ARRAY_SIZE (formats); i++)
    if (STREQ (name, formats[i].name))
      {
        *format = (enum joblog_format) i;
        return 0;
      }
  return -1;
}

const char *
joblog_format_name (enum joblog_format format)
{
  return formats[format].name;
}

/* Decide the format from the first line when it is AUTO.  */
static enum joblog_format
detect (const char *line)
{
  if (line[strspn (line, " \t")] == '{')
    return JOBLOG_JSONL;
  if (strchr (line, '|') != NULL && strstr (line, "JobID") != NULL)
    return JOBLOG_SACCT;
  if (strstr (line, "run_id") != NULL && strstr (line, "emissions") != NULL)
    return JOBLOG_CODECARBON;
  return JOBLOG_CSV;
}

struct joblog *
joblog_open (FILE *fp, const char *path, enum joblog_format format,
             struct diag *d)
{
  struct joblog *log = xcalloc (1, sizeof *log);
  char *line;
  size_t len;

  log->fp = fp;
  log->path = path;
  log->cap = 1 << 20;
  log->buf = xmalloc (log->cap);
  log->key_col = -2;
  if (joblog_read_line (log, &line, &len, d) < 0)
    goto fail;
  if (line == NULL)
    {
      log->format = format == JOBLOG_AUTO ? JOBLOG_CSV : format;
      log->eof = true;
      return log;
    }
  if (len >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
    line += 3, len -= 3;
  log->format = format == JOBLOG_AUTO ? detect (line) : format;
  if (log->format == JOBLOG_JSONL)
    {
      log->first = xstrdup (line);
      return log;
    }
  if (joblog_read_header (log, line, len, d) == 0)
    return log;
fail:
  joblog_close (log);
  return NULL;
}

enum joblog_format
joblog_get_format (const struct joblog *log)
{
  return log->format;
}

char **
joblog_header (const struct joblog *log, size_t *n)
{
  *n = log->ncols;
  return log->header;
}

int
joblog_next (struct joblog *log, struct joblog_record *rec, char *reason,
             size_t size, struct diag *d)
{
  if ((size_t) log->format >= ARRAY_SIZE (formats))
    return joblog_next_row (log, rec, reason, size, d);
  return formats[log->format].next (log, rec, reason, size, d);
}

void
joblog_close (struct joblog *log)
{
  size_t i;

  if (log == NULL)
    return;
  free (log->buf);
  free (log->joined);
  for (i = 0; log->header != NULL && i < log->ncols; i++)
    free (log->header[i]);
  free (log->header);
  free (log->fields);
  free (log->first);
  if (log->obj != NULL)
    json_object_put (log->obj);
  free (log->jnames);
  free (log->jvalues);
  joblog_slot_free (&log->pending);
  joblog_slot_free (&log->out);
  for (i = 0; i < log->nruns; i++)
    joblog_slot_free (&log->runs[i]);
  free (log->runs);
  free (log);
}
