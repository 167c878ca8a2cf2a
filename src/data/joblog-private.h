/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The reader's state, shared by src/data/joblog.c (opening, the table
   of formats), src/data/joblog-read.c (lines, CSV rows, slots) and
   src/data/joblog-formats.c (JSON Lines, sacct, CodeCarbon).  */
#ifndef CA_JOBLOG_PRIVATE_H
#define CA_JOBLOG_PRIVATE_H

#include <json-c/json.h>

#include "data/joblog.h"

/* A record copied out of the read buffer: a sacct job waiting for its
   steps, a CodeCarbon run waiting for its last flush.  */
struct slot
{
  char *text;
  size_t cap;
  char **values;
  size_t line;
  size_t rows;
  bool used;
};

struct joblog
{
  FILE *fp;
  const char *path;
  enum joblog_format format;
  char *buf; /* Read buffer.  */
  size_t cap, pos, end;
  bool eof;
  char *joined; /* A quoted record over several lines.  */
  size_t joined_cap;
  size_t line; /* Lines read so far.  */
  char **header;
  size_t ncols;
  char **fields; /* The current row's fields.  */
  size_t cap_fields;
  /* JSON Lines: the first line waits until the first call; the record's
     own names and values.  */
  char *first;
  bool first_used;
  long key_col; /* sacct's JobID, CodeCarbon's run_id, or
                   -1; -2 before it is looked for.  */
  struct json_object *obj;
  char **jnames, **jvalues;
  size_t jcap;
  /* sacct: the job read, the job returned.  */
  struct slot pending, out;
  /* CodeCarbon: every run's last row, in the order first seen.  */
  struct slot *runs;
  size_t nruns, cap_runs, next_run;
  bool runs_read;
};

/* The next line without its end in *LINE (NULL at the end), its length
   in *LEN; it lasts until the next call.  Returns 0, or -1 with D set on
   a read error.  */
int joblog_read_line (struct joblog *log, char **line, size_t *len,
                      struct diag *d);

/* Read the header of a CSV-like format from LINE (LEN bytes) into
   log->header and log->ncols.  Returns 0, or -1 with D set.  */
int joblog_read_header (struct joblog *log, char *line, size_t len,
                        struct diag *d);

/* Copy the log->ncols FIELDS of the row at LINE into S; free S.  */
void joblog_slot_fill (struct joblog *log, struct slot *s, char **fields,
                       size_t line);
void joblog_slot_free (struct slot *s);

/* Set REC from S.  */
void joblog_slot_record (struct joblog *log, struct slot *s,
                         struct joblog_record *rec);

/* The reader of a format's records, as joblog_next: the rows of a
   CSV-like format (joblog-read.c), and the formats of joblog-formats.c.  */
typedef int joblog_reader_fn (struct joblog *log, struct joblog_record *rec,
                              char *reason, size_t size, struct diag *d);

joblog_reader_fn joblog_next_row;
joblog_reader_fn joblog_next_jsonl;
joblog_reader_fn joblog_next_sacct;
joblog_reader_fn joblog_next_codecarbon;

#endif /* CA_JOBLOG_PRIVATE_H */
