/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* One loader for every data table: a table is described by the spec of
   its columns (name, type, whether it may be blank or missing, range,
   unit) and a row handler, and the loader reads, converts and checks the
   rows from that description.

   A new table of the data directory is a spec, not a function: an array
   of struct table_column (an enum names each column's index, for the row
   handler), a struct table_spec, a row handler only for checks across
   columns or tables, and a step in catalogue.c's load_steps (or a
   table_load call where the table is read) with its entry in tables.c;
   tests/unit/check_table.c shows one.  */
#ifndef CA_TABLE_H
#define CA_TABLE_H

#include <stddef.h>

#include "base/csvio.h"
#include "base/diag.h"
#include "base/system.h"

/* What a column holds, and so what a field of it becomes.  */
enum table_type
{
  TABLE_TEXT,   /* A const char * into the table.  */
  TABLE_ENUM,   /* TEXT that must be one of the two WORDS.  */
  TABLE_REF,    /* TEXT that must name a row of another table (REF);
                   a blank field that may be blank names none.  */
  TABLE_NUMBER, /* A double, finite; NaN when blank.  At least the
                   range's MIN as it loads ("X is below MIN").  */
  TABLE_WHOLE,  /* A long, at least the range's MIN as it loads; 0 when
                   blank.  */
  TABLE_YEAR,   /* A long, at least 0 as it loads; 0 when blank.  Its
                   range is checked with the others.  */
  TABLE_CHECKED /* A number only the range check reads (the row
                   handler may parse it with messages of its own).  */
};

/* Flags of a column.  */
enum
{
  TABLE_BLANK_OK = 1, /* The field may be blank.  */
  TABLE_MAY_LACK = 2, /* The header may lack the column.  */
  TABLE_NO_FLOOR = 4  /* The row handler checks the least value (it
                         depends on another column): the loader only
                         parses the field.  */
};

/* The kind of row a TABLE_REF column names: "source 'X' is not in
   FILE".  */
struct table_ref
{
  const char *what;
  const char *file;
  bool (*exists) (const void *ctx, const char *key);
};

/* The range a number must lie in, both ends allowed, with its unit for
   messages ("" for none).  A column without a range has MIN = MAX = 0 and
   UNIT NULL.  */
struct table_range
{
  double min, max;
  const char *unit;
};

struct table_column
{
  const char *name;
  enum table_type type;
  int flags;
  struct table_range range;
  size_t offset;               /* Of the row struct's field it fills, or
                                  TABLE_NOWHERE.  */
  const char *words[2];        /* TABLE_ENUM's words.  */
  const struct table_ref *ref; /* TABLE_REF's table.  */
};

#define TABLE_NOWHERE ((size_t) -1)

/* One field's value, as its column's type made it.  */
union table_value
{
  const char *text;
  double number;
  long whole;
};

struct table_reader;

/* A table: its columns, what its rows become, and the checks on it.  */
struct table_spec
{
  const char *file; /* E.g. "instances.csv".  */
  const struct table_column *columns;
  size_t ncolumns;
  bool may_be_empty;
  const char *missing; /* "%s:1: MISSING column 'C'": "missing" or
                          "no".  */
  /* The columns no two rows may share (ending with NULL), checked before
     the rows load: "WHAT 'KEY' appears twice (first on line N)".  */
  const char *key_what;
  const char *keys[5];
  size_t row_size; /* Of the struct a row becomes; 0 when the
                      rows are not kept.  */
  /* Called for each row once its fields are converted and stored: the
     checks across columns and tables.  0, or -1 with R's diag set.  */
  int (*row) (const struct table_reader *r, void *row, void *ctx);
  /* Called when every row is in: e.g. an index and its duplicates.  */
  int (*finish) (const struct table_reader *r, void *ctx);
  /* When set, the rows must not decrease in its order: "row out of
     order".  */
  int (*order) (const void *a, const void *b);
  /* Whether the caller checks ORDER itself, with table_check_order, once
     the tables that point at these rows are in (their messages come
     first, as they say more).  */
  bool order_later;
  /* When set, called as soon as the first NLEAD fields of a row are in,
     before the others: the row's key names a row of another table, and
     that it does not is the first thing to say.  */
  size_t nlead;
  int (*lead) (const struct table_reader *r, void *row, void *ctx);
};

/* A table being loaded: where the loader and the row handler stand.  */
struct table_reader
{
  const struct table_spec *spec;
  const struct csv_table *t;
  long *cols;                /* Index of each spec column, or -1.  */
  union table_value *values; /* The current row's fields, converted.  */
  char *const *fields;       /* Its text, in the table's order.  */
  size_t row;                /* 0-based, not counting the header.  */
  size_t line;               /* Of the current row.  */
  struct diag *d;
  /* When not NULL, bit C set for each ranged number column C whose
     fields have all been in its range so far (table_load_ranged).  */
  unsigned long long *in_range;
};

/* The columns of a spec and their count, as designated initializers.  */
#define TABLE_COLUMNS(cols) .columns = (cols), .ncolumns = ARRAY_SIZE (cols)

/* Load T by SPEC: check its shape (rows, keys, columns), then convert
   each row into the next struct of a new array (*ROWS, unless SPEC keeps
   no rows) and call the row handler with CTX; *N counts the rows loaded
   so far, so that a handler may look the table up while it loads.  0,
   or -1 with D set (CA_EXIT_DATAERR, "FILE:LINE: column 'C': ...").  */
int table_load (const struct table_spec *spec, const struct csv_table *t,
                void *ctx, void **rows, size_t *n, struct diag *d);

/* table_load, setting *IN_RANGE to the mask of the columns (bit C for
   column C of SPEC, the first 64) whose every field the load found
   blank or in the column's range: table_check_ranges_but has no need to
   read them again.  */
int table_load_ranged (const struct table_spec *spec,
                       const struct csv_table *t, void *ctx, void **rows,
                       size_t *n, unsigned long long *in_range,
                       struct diag *d);

/* Check that the N ROWS that T became by SPEC follow SPEC's order.  */
int table_check_order (const struct table_spec *spec,
                       const struct csv_table *t, const void *rows, size_t n,
                       struct diag *d);

/* Check every field of T, loaded by SPEC, in a column that has a range:
   blank is left to the loader, anything else must be a number in the
   range.  Run once every table is loaded, so that a loader's more precise
   message comes first.  */
int table_check_ranges (const struct table_spec *spec,
                        const struct csv_table *t, struct diag *d);

/* table_check_ranges but for the columns of the mask DONE (as
   table_load_ranged sets it), known to be in range.  */
int table_check_ranges_but (const struct table_spec *spec,
                            const struct csv_table *t, unsigned long long done,
                            struct diag *d);

/* Check V, the text of field COL of R's current row, against the
   column's range.  */
int table_check_range (const struct table_reader *r, size_t col, double v);

/* The column of SPEC called NAME, or NULL.  */
const struct table_column *table_column (const struct table_spec *spec,
                                         const char *name);

/* The text of column COL of R's current row.  */
const char *table_text (const struct table_reader *r, size_t col);

/* Set R's diag to "FILE:LINE: column 'C': " followed by the printf-style
   message, and return -1.  */
int table_error (const struct table_reader *r, size_t col, const char *fmt,
                 ...) __attribute__ ((format (printf, 3, 4)));

/* Set R's diag to "FILE:LINE: " followed by the message, and return
   -1.  */
int table_row_error (const struct table_reader *r, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* Refuse column COL of R's current row as not a number (blank included):
   the loader's message for a field that must hold one.  */
int table_not_number (const struct table_reader *r, size_t col);

#endif /* CA_TABLE_H */
