/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Reading job logs as a stream of records: native CSV and JSON Lines,
   Slurm's "sacct -P" and CodeCarbon's emissions.csv (doc/tracking.md).
   Data layer: never prints, never exits.  */
#ifndef CA_JOBLOG_H
#define CA_JOBLOG_H

#include <stdio.h>

#include "base/diag.h"
#include "base/system.h"

enum joblog_format
{
  JOBLOG_AUTO,      /* Decided by the first line.  */
  JOBLOG_CSV,       /* Native: one job per row, a header.  */
  JOBLOG_JSONL,     /* Native: one flat JSON object per line.  */
  JOBLOG_SACCT,     /* sacct -P: '|'-separated, with a header.  */
  JOBLOG_CODECARBON /* CodeCarbon's emissions.csv.  */
};

/* Look NAME up among "auto", "csv", "jsonl", "sacct", "codecarbon".  */
int joblog_format_parse (const char *name, enum joblog_format *format);
const char *joblog_format_name (enum joblog_format format);

/* One record: the names and text values of its fields.  The arrays and
   strings belong to the reader and last until the next call.  */
struct joblog_record
{
  size_t line; /* Its first line in the file.  */
  size_t rows; /* Input rows it stands for: 1, or more
                  when sacct steps were merged into their
                  job or CodeCarbon flushes into their
                  run.  */
  size_t nfields;
  bool own_names; /* NAMES are this record's own (JSON
                     Lines): no cache by header holds.  */
  char **names;
  char **values; /* "" when absent.  */
};

struct joblog;

/* Start reading FP (named PATH in messages) in FORMAT; AUTO decides by
   the header.  Returns a new reader, or NULL with D set (an empty file is
   a reader with no records, not an error).  */
struct joblog *joblog_open (FILE *fp, const char *path,
                            enum joblog_format format, struct diag *d);

/* The format in use once the header has been read.  */
enum joblog_format joblog_get_format (const struct joblog *log);

/* The header's column names (CSV-like formats; for JSON Lines those of
   the first record), and how many; NULL before any is known.  */
char **joblog_header (const struct joblog *log, size_t *n);

/* Read the next record into *REC.  Returns 1, 0 at the end, -1 when the
   record cannot be read at all (REC->line and REC->rows set, REASON
   says why: a wrong number of fields, JSON that is not a flat object,
   an unclosed quote), or -2 with D set on a read error.  */
int joblog_next (struct joblog *log, struct joblog_record *rec, char *reason,
                 size_t size, struct diag *d);

void joblog_close (struct joblog *log);

/* Split the text of one CSV record LINE (LEN bytes, no line end) on SEP
   into at most MAX fields, in place: quotes ("") are removed and
   doubled quotes undone when QUOTES.  Stores pointers to the
   NUL-terminated fields in FIELDS and returns how many there were (more
   than MAX means too many; only MAX are stored), or -1 on a stray
   quote.  */
long joblog_split (char *line, size_t len, char sep, bool quotes,
                   char **fields, size_t max);

#endif /* CA_JOBLOG_H */
