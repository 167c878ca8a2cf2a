/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Reading CSV files into memory with libcsv.  */
#ifndef CA_CSVIO_H
#define CA_CSVIO_H

#include <stddef.h>

#include "base/diag.h"

/* A whole CSV file: a header row of column names and rows of text
   fields.  Every row has exactly as many fields as the header.  */
struct csv_table
{
  char *path;
  size_t ncols;
  size_t nrows;
  char **header; /* NCOLS names.  */
  char **fields; /* NROWS * NCOLS fields, row-major, pointing into
                    TEXT.  */
  char *text;    /* Every field's text, each NUL-terminated, in one
                    block: a table of 90,000 rows would otherwise cost
                    700,000 allocations to read and as many to free.  */
};

/* The most a CSV file and one of its fields may hold, in bytes
   (doc/LIMITS.md): far above the largest bundled table (prices.csv,
   under 10 MB) and field (a note of sources.csv, under 500 bytes), and
   low enough that a file that never ends (a link to /dev/zero, a runaway
   log) is refused before memory runs out.  */
#define CSVIO_MAX_BYTES ((size_t) 256 * 1024 * 1024)
#define CSVIO_MAX_FIELD ((size_t) 64 * 1024)

/* Read the CSV file PATH (RFC 4180, strict quoting, first row the header,
   no empty header names, no duplicates).  Returns a new table, or NULL
   with D set: CA_EXIT_NOINPUT if PATH cannot be opened,
   CA_EXIT_DATAERR ("PATH:LINE: what is wrong") if it is malformed or
   beyond CSVIO_MAX_BYTES or CSVIO_MAX_FIELD.  */
struct csv_table *csvio_read (const char *path, struct diag *d);

/* csvio_read with other limits: MAX_BYTES for the file, MAX_FIELD for a
   field.  For tests, which cannot afford a 256 MiB file.  */
struct csv_table *csvio_read_limited (const char *path, size_t max_bytes,
                                      size_t max_field, struct diag *d);

void csvio_free (struct csv_table *table);

/* The index of the column called NAME, or -1.  */
long csvio_column (const struct csv_table *table, const char *name);

/* The field of ROW (0-based, not counting the header) in column COL.  */
const char *csvio_field (const struct csv_table *table, size_t row,
                         size_t col);

/* The line of the file that holds ROW: the header is line 1, so the
   first row is line 2.  (Rows never span lines in our tables; quoted
   newlines would shift this.)  */
size_t csvio_line (size_t row);

/* Refuse TABLE (CA_EXIT_DATAERR, naming its file) if it has a header and
   no rows: an empty table the run needs would otherwise pass for data
   that has nothing to offer.  */
int csvio_need_rows (const struct csv_table *table, struct diag *d);

/* Refuse TABLE (CA_EXIT_DATAERR) if two of its rows have the same text in
   the NKEYS columns KEYS, naming both lines: "PATH:LINE: WHAT 'KEY'
   appears twice (first on line N)", KEY the fields joined by commas.  */
int csvio_unique (const struct csv_table *table, const size_t *keys,
                  size_t nkeys, const char *what, struct diag *d);

#endif /* CA_CSVIO_H */
