/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Result tables and their four writers: table, csv, json, markdown.  */
#ifndef CA_OUTPUT_H
#define CA_OUTPUT_H

#include <stdio.h>

#include "base/system.h"

enum out_format
{
  OUT_FORMAT_TABLE,   /* Aligned columns for people.  */
  OUT_FORMAT_CSV,     /* RFC 4180, header row of column keys.  */
  OUT_FORMAT_JSON,    /* Array of objects, keys in column order.  */
  OUT_FORMAT_MARKDOWN /* GitHub-style pipe table.  */
};

enum out_kind
{
  OUT_TEXT,
  OUT_NUMBER, /* double; DECIMALS fixes the digits after the point.  */
  OUT_INTEGER /* whole number held in a double.  */
};

/* Column flags.  */
enum
{
  OUT_COL_MACHINE = 1 << 0, /* Left out of the wide table layout, kept
                              in the vertical one and in csv, json and
                              markdown (sources, provenance).  */
  OUT_COL_CARBON = 1 << 1   /* A mass of CO2e in the column's unit
                               ("gCO2e" or "kgCO2e"): for people, the
                               wide table and markdown write the column
                               in the g, kg or t its largest figure reads
                               best in, the vertical layout each value in
                               its own, with three significant digits;
                               csv and json keep the base unit.  */
};

/* One column of a result table.  KEY is the csv header and json key
   (snake_case with the unit, e.g. "power_w"); LABEL and UNIT are what
   people see in the table and markdown formats.  */
struct out_column
{
  const char *key;
  const char *label;
  const char *unit; /* NULL when the value has no unit.  */
  enum out_kind kind;
  int decimals; /* Digits after the point in table/markdown.  */
  unsigned flags;
};

/* Layout of the table format.  */
enum out_layout
{
  OUT_LAYOUT_WIDE,    /* One line per row, columns aligned.  */
  OUT_LAYOUT_VERTICAL /* "Label  value unit" lines per row: for one
                         result with many fields (estimate).  */
};

struct out_table;

/* Look NAME up among "table", "csv", "json", "markdown".  Names are
   lowercase and matched exactly ("CSV" and "md" are rejected).  Returns
   0 and sets *FORMAT, or -1 if NAME is NULL or none of them.  */
int out_format_parse (const char *name, enum out_format *format);

/* The accepted format names, comma separated, for error messages.  */
const char *out_format_list (void);

/* Whether FORMAT is written for people (table, markdown: units in the
   labels, a column's own decimals) rather than for programs (csv,
   json).  */
bool out_format_for_people (enum out_format format);

/* A new empty table with the NCOLS columns COLS.  COLS is not copied and
   must outlive the table.  Free with out_table_free.  */
struct out_table *out_table_new (const struct out_column *cols, size_t ncols);
void out_table_free (struct out_table *table);

/* Append an empty row; later set calls fill it.  Every cell starts
   missing (written as an empty field in csv, null in json, "-" in the
   table and markdown formats).  */
void out_table_add_row (struct out_table *table);

/* Set cell COL of the last row, replacing what it held.  TEXT is
   copied; NULL means missing.  A NaN or infinite number means missing
   (json has neither); -0 is written as 0; in an OUT_INTEGER column VALUE
   is rounded to the nearest whole number, halves away from zero.  */
void out_table_set_text (struct out_table *table, size_t col,
                         const char *text);
void out_table_set_number (struct out_table *table, size_t col, double value);

/* As out_table_set_text, but TEXT is not copied: it must stay as it is
   until the table is freed (catalogue names, string literals).  What
   the writers need to know of a text (its length, whether csv must
   quote it) is worked out once an address, not once a cell: for the
   texts that repeat in every row of a large table.  */
void out_table_set_kept (struct out_table *table, size_t col,
                         const char *text);

/* As out_table_set_text, for a text of LEN bytes that the caller built
   of parts csv writes bare and json as they are (letters, digits, '.',
   ':', '@', blanks inside but not at either end): no scan of it for
   quotes and escapes.  For a text made once a row (data_rows).  */
void out_table_set_plain (struct out_table *table, size_t col,
                          const char *text, size_t len);

size_t out_table_rows (const struct out_table *table);

/* Write TABLE to FP in FORMAT; LAYOUT only matters for the table format.
   Numbers are written with '.' whatever the locale: csv and json with up
   to 12 significant digits (no float noise, no trailing zeros), table and
   markdown with each column's DECIMALS (an OUT_COL_CARBON column as
   that flag says).  Csv quotes a field only when it
   holds ',', '"', CR or LF or starts or ends with a blank; the table and
   markdown formats turn control characters in text into spaces.  FP is
   flushed.  Returns 0, or -1 with errno set if a write or the flush
   failed.  */
int out_write (FILE *fp, enum out_format format, enum out_layout layout,
               const struct out_table *table);

/* What out_write does when the --columns selection does not fit the
   table it writes: it calls the hook with the first NAME the table lacks
   and the table's KEYS, or with NAME NULL when the format is one for
   people (the selection goes with csv and json only).  The command
   line's hook reports the mistake and ends the program; if a hook
   returns, out_write fails with EINVAL and writes nothing.  */
typedef void out_columns_reject_fn (const char *name, const char *const *keys,
                                    size_t nkeys);

/* Make every later out_write in csv or json write only the NNAMES
   columns NAMES (keys, copied), in that order; NNAMES 0 writes all
   again.  The names must differ from each other.  For the command line's
   --columns: one result table a command, whatever the command.  */
void out_columns_select (const char *const *names, size_t nnames,
                         out_columns_reject_fn *reject);

/* Whether a selection is in force, for writers of rows that do not go
   through out_write (track's one row a job) to refuse it.  */
bool out_columns_selected (void);

/* A table written as its rows come: csv and json write the rows in
   batches as they are handed over and keep none past a batch, so memory
   does not grow with the rows; table and markdown, which size their
   columns on every row, keep the rows and write them all at the end.
   The output is byte for byte what out_write writes of the same rows,
   --columns selection included.  */
struct out_stream;

/* Start writing a table of the NCOLS columns COLS (borrowed until
   out_stream_close) to FP in FORMAT and LAYOUT, only the columns of the
   out_columns_select selection if there is one (a selection that does
   not fit goes to its reject hook, before anything is written): csv
   writes its header now.  Returns the stream; a failed write shows at
   out_stream_close.  */
struct out_stream *out_stream_open (FILE *fp, enum out_format format,
                                    enum out_layout layout,
                                    const struct out_column *cols,
                                    size_t ncols);

/* The table to add the next rows to (out_table_add_row, out_table_set_*),
   before handing them over with out_stream_rows.  */
struct out_table *out_stream_table (struct out_stream *s);

/* Hand over the rows added since the last call.  */
void out_stream_rows (struct out_stream *s);

/* Hand over what is left, write the end (json's "]"), flush FP and free
   S.  Returns 0, or -1 with errno set if a write or the flush failed, as
   out_write.  */
int out_stream_close (struct out_stream *s);

/* Format VALUE into BUF (of SIZE bytes) as csv and json do: "%.12g"
   under the C locale (main sets LC_NUMERIC to "C"), -0 as 0.  For
   callers that print a number in a sentence and must match the machine
   formats.  VALUE must be finite: NaN gives "nan".  */
void out_format_number (char *buf, size_t size, double value);

#endif /* CA_OUTPUT_H */
