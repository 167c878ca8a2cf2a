/* Reading CSV files into memory with libcsv.  */
#ifndef CA_CSVIO_H
#define CA_CSVIO_H

#include <stddef.h>

#include "diag.h"

/* A whole CSV file: a header row of column names and rows of text
   fields.  Every row has exactly as many fields as the header.  */
struct csv_table
{
  char *path;
  size_t ncols;
  size_t nrows;
  char **header;    /* NCOLS names.  */
  char **fields;    /* NROWS * NCOLS fields, row-major, pointing into
                       TEXT.  */
  char *text;       /* Every field's text, each NUL-terminated, in one
                       block: a table of 90,000 rows would otherwise cost
                       700,000 allocations to read and as many to free.  */
};

/* Read the CSV file PATH (RFC 4180, strict quoting, first row the header,
   no empty header names, no duplicates).  Returns a new table, or NULL
   with D set: CA_EXIT_NOINPUT if PATH cannot be opened,
   CA_EXIT_DATAERR ("PATH:LINE: what is wrong") if it is malformed.  */
struct csv_table *csvio_read (const char *path, struct diag *d);

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

#endif /* CA_CSVIO_H */
