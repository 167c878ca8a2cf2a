/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The reading every format shares: lines from the read buffer, CSV
   records (quoted fields over several lines), the header, the slots
   that hold a record copied out of the buffer, and the rows of the
   native CSV format.  The native CSV format is split by hand: libcsv's
   per-character callbacks cost more than the footprint of a job
   (bench/track.py), and a job log is read once.  Nothing here calls a
   format's reader.  */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "data/joblog-private.h"
#include "base/xalloc.h"

/* The next line without its end (LF or CRLF) in *LINE, or NULL at the
   end; its length in *LEN.  It lasts until the next call.  Returns 0, or
   -1 with D set on a read error.  */
int
joblog_read_line (struct joblog *log, char **line, size_t *len, struct diag *d)
{
  char *nl;

  for (;;)
    {
      nl = memchr (log->buf + log->pos, '\n', log->end - log->pos);
      if (nl != NULL || log->eof)
        break;
      if (log->pos > 0)
        {
          memmove (log->buf, log->buf + log->pos, log->end - log->pos);
          log->end -= log->pos;
          log->pos = 0;
        }
      if (log->end + 1 >= log->cap)
        {
          log->cap *= 2;
          log->buf = xreallocarray (log->buf, log->cap, 1);
        }
      size_t n
        = fread (log->buf + log->end, 1, log->cap - 1 - log->end, log->fp);
      log->end += n;
      if (n == 0)
        {
          if (ferror (log->fp))
            return diag_set (d, CA_EXIT_FAILURE, "%s: %s", log->path,
                             strerror (errno));
          log->eof = true;
        }
    }
  if (nl == NULL && log->pos == log->end)
    {
      *line = NULL;
      return 0;
    }
  *line = log->buf + log->pos;
  *len = (nl != NULL ? (size_t) (nl - *line) : log->end - log->pos);
  log->pos += *len + (nl != NULL);
  (*line)[*len] = '\0'; /* The '\n', or the spare byte.  */
  if (*len > 0 && (*line)[*len - 1] == '\r')
    (*line)[--*len] = '\0';
  log->line++;
  return 0;
}

long
joblog_split (char *line, size_t len, char sep, bool quotes, char **fields,
              size_t max)
{
  char *p = line, *end = line + len;
  size_t n = 0;

  for (;;)
    {
      char *start = p;

      if (quotes && p < end && *p == '"')
        {
          char *w = p;

          for (p++;; p++)
            {
              if (p >= end)
                return -1;
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    p++;
                  else
                    break;
                }
              *w++ = *p;
            }
          p++;
          if (p < end && *p != sep)
            return -1;
          *w = '\0';
        }
      else
        {
          char *q = memchr (p, sep, (size_t) (end - p));

          p = q != NULL ? q : end;
          if (quotes && memchr (start, '"', (size_t) (p - start)) != NULL)
            return -1;
        }
      if (n < max)
        fields[n] = start;
      n++;
      if (p >= end)
        break;
      *p++ = '\0';
    }
  *end = '\0';
  return (long) n;
}

/* Whether the LEN bytes of LINE hold an odd number of quotes: a quoted
   field goes on to the next line.  */
static bool
open_quote (const char *line, size_t len)
{
  size_t n = 0;
  const char *p = line, *end = line + len;

  while ((p = memchr (p, '"', (size_t) (end - p))) != NULL)
    n++, p++;
  return n % 2 == 1;
}

/* The next record's text in *LINE (joining the lines of a quoted field
   when QUOTES), NULL at the end.  Blank lines are skipped.  *QUOTED says
   whether it holds a quote at all: most records hold none, and are
   split without looking for one in every field.  */
static int
read_record (struct joblog *log, bool quotes, char **line, size_t *len,
             size_t *first, bool *quoted, struct diag *d)
{
  size_t used;

  do
    if (joblog_read_line (log, line, len, d) < 0)
      return -1;
  while (*line != NULL && *len == 0);
  *first = log->line;
  *quoted = quotes && *line != NULL && memchr (*line, '"', *len) != NULL;
  if (!*quoted || !open_quote (*line, *len))
    return 0;
  used = 0;
  for (;;)
    {
      if (used + *len + 2 > log->joined_cap)
        {
          log->joined_cap = 2 * (used + *len + 2);
          log->joined = xreallocarray (log->joined, log->joined_cap, 1);
        }
      memcpy (log->joined + used, *line, *len);
      used += *len;
      log->joined[used] = '\0';
      if (!open_quote (log->joined, used))
        break;
      if (joblog_read_line (log, line, len, d) < 0)
        return -1;
      if (*line == NULL)
        break; /* The split reports the stray quote.  */
      log->joined[used++] = '\n';
    }
  *line = log->joined;
  *len = used;
  return 0;
}

/* Split LINE into log->fields, undoing quotes when QUOTES; returns the
   count or -1.  */
static long
split_fields (struct joblog *log, char *line, size_t len, size_t want,
              bool quotes)
{
  char sep = log->format == JOBLOG_SACCT ? '|' : ',';
  long n;

  if (want + 1 > log->cap_fields)
    {
      log->cap_fields = want + 1;
      log->fields
        = xreallocarray (log->fields, log->cap_fields, sizeof *log->fields);
    }
  n = joblog_split (line, len, sep, quotes, log->fields, log->cap_fields);
  return n;
}

/* Read the header of a CSV-like format from LINE.  */
int
joblog_read_header (struct joblog *log, char *line, size_t len, struct diag *d)
{
  long n, i;

  n = split_fields (log, line, len, 256, log->format != JOBLOG_SACCT);
  if (n < 0 || n > 256)
    return diag_set (d, CA_EXIT_DATAERR, "%s:1: %s", log->path,
                     n < 0 ? "stray quote in the header"
                           : "more than 256 columns");
  log->ncols = (size_t) n;
  log->header = xcalloc (log->ncols + 1, sizeof *log->header);
  for (i = 0; i < n; i++)
    {
      log->header[i] = xstrdup (log->fields[i]);
      if (log->header[i][0] == '\0')
        return diag_set (d, CA_EXIT_DATAERR, "%s:1: column %ld has no name",
                         log->path, i + 1);
    }
  return 0;
}

/* Copy FIELDS (log->ncols of them) into S.  */
void
joblog_slot_fill (struct joblog *log, struct slot *s, char **fields,
                  size_t line)
{
  size_t i, need = 0, at = 0;

  for (i = 0; i < log->ncols; i++)
    need += strlen (fields[i]) + 1;
  if (need > s->cap)
    {
      s->cap = 2 * need;
      s->text = xreallocarray (s->text, s->cap, 1);
    }
  if (s->values == NULL)
    s->values = xcalloc (log->ncols, sizeof *s->values);
  for (i = 0; i < log->ncols; i++)
    {
      size_t n = strlen (fields[i]) + 1;

      memcpy (s->text + at, fields[i], n);
      at += n;
    }
  for (i = 0, at = 0; i < log->ncols; i++)
    {
      s->values[i] = s->text + at;
      at += strlen (s->text + at) + 1;
    }
  s->line = line;
  s->rows = 1;
  s->used = true;
}

void
joblog_slot_free (struct slot *s)
{
  free (s->text);
  free (s->values);
}

/* Set REC from slot S.  */
void
joblog_slot_record (struct joblog *log, struct slot *s,
                    struct joblog_record *rec)
{
  rec->line = s->line;
  rec->rows = s->rows;
  rec->own_names = false;
  rec->nfields = log->ncols;
  rec->names = log->header;
  rec->values = s->values;
}

/* Read one row of a CSV-like format into log->fields.  Returns 1, 0 at
   the end, -1 (REASON) or -2 as joblog_next.  */
int
joblog_next_row (struct joblog *log, struct joblog_record *rec, char *reason,
                 size_t size, struct diag *d)
{
  char *line;
  size_t len, first;
  long n;
  bool quoted;

  if (read_record (log, log->format != JOBLOG_SACCT, &line, &len, &first,
                   &quoted, d)
      < 0)
    return -2;
  if (line == NULL)
    return 0;
  rec->line = first;
  rec->rows = 1;
  rec->own_names = false;
  if (memchr (line, '\0', len) != NULL)
    {
      snprintf (reason, size, "a NUL byte in the record");
      return -1;
    }
  n = split_fields (log, line, len, log->ncols, quoted);
  if (n < 0)
    {
      snprintf (reason, size, "stray or unclosed quote");
      return -1;
    }
  if ((size_t) n != log->ncols)
    {
      snprintf (reason, size, "%ld fields, the header has %zu", n, log->ncols);
      return -1;
    }
  rec->nfields = log->ncols;
  rec->names = log->header;
  rec->values = log->fields;
  return 1;
}
