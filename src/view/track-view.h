/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Writing tracked jobs and their summaries (doc/tracking.md).  View
   layer: writes to the FILE it is given, never to a terminal of its
   own choosing.  */
#ifndef CA_TRACK_VIEW_H
#define CA_TRACK_VIEW_H

#include <stdio.h>

#include "data/joblog.h"
#include "data/jobrec.h"
#include "view/output.h"
#include "search/tally.h"
#include "search/track.h"

/* Per-job rows in csv or jsonl: the record's fields, then ours.  */
struct track_view;

/* A writer of FORMAT (OUT_FORMAT_CSV, or OUT_FORMAT_JSON for JSON
   Lines) to FP; REPORTED adds CodeCarbon's own figure, SUGGEST the
   columns of --suggest.  */
struct track_view *track_view_new (FILE *fp, enum out_format format,
                                   bool reported, bool suggest);
void track_view_free (struct track_view *v);

/* Write the header (csv) for the NAMES (N of them) of the input.  */
void track_view_header (struct track_view *v, char **names, size_t n);

/* Write one job: the record REC and its result RES, and with --suggest
   SUGGESTION (NULL when there is none).  */
void track_view_job (struct track_view *v, const struct joblog_record *rec,
                     const struct jobrec *job, const struct track_result *res,
                     const struct run *suggestion);

/* A table with the columns it owns.  */
struct track_table
{
  struct out_column *cols;
  struct out_table *table;
};

/* The summary of T as a table: a row per key (--by keys, then the
   figures), then the total; and the largest jobs.  */
void track_view_summary (const struct tally *t, struct track_table *out);
void track_view_top (const struct tally *t, struct track_table *out);
void track_table_free (struct track_table *t);

/* Write the summary of T to FP in FORMAT; the table format adds the
   largest jobs (csv, json and markdown stay one rectangular table).
   Returns 0, or -1 with errno set on a write error.  */
int track_view_write_summary (FILE *fp, enum out_format format,
                              const struct tally *t);

/* Write the summary of T as one self-contained HTML page titled TITLE
   to FP.  Returns 0, or -1 with errno set on a write error.  */
int track_view_html (FILE *fp, const struct tally *t, const char *title);

/* Write one row of the --rejects file to FP: the file PATH ("-" when it
   would need quoting), the LINE and the quoted REASON.  */
void track_view_reject (FILE *fp, const char *path, size_t line,
                        const char *reason);

#endif /* CA_TRACK_VIEW_H */
