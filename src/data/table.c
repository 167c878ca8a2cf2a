/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* One loader for every data table, driven by the spec of its columns.  */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/xalloc.h"
#include "data/table.h"

const char *
table_text (const struct table_reader *r, size_t col)
{
  return r->fields[r->cols[col]];
}

int
table_error (const struct table_reader *r, size_t col, const char *fmt, ...)
{
  char what[DIAG_TEXT_SIZE];
  va_list ap;

  va_start (ap, fmt);
  vsnprintf (what, sizeof what, fmt, ap);
  va_end (ap);
  return diag_set (r->d, CA_EXIT_DATAERR, "%s:%zu: column '%s': %s",
                   r->t->path, r->line, r->spec->columns[col].name, what);
}

int
table_row_error (const struct table_reader *r, const char *fmt, ...)
{
  char what[DIAG_TEXT_SIZE];
  va_list ap;

  va_start (ap, fmt);
  vsnprintf (what, sizeof what, fmt, ap);
  va_end (ap);
  return diag_set (r->d, CA_EXIT_DATAERR, "%s:%zu: %s", r->t->path, r->line,
                   what);
}

static int
bad_number (const struct table_reader *r, size_t col, enum numparse_status st)
{
  return table_error (r, col, "%s: '%s'", numparse_strerror (st),
                      table_text (r, col));
}

int
table_not_number (const struct table_reader *r, size_t col)
{
  double v;

  return bad_number (r, col, numparse_double (table_text (r, col), &v));
}

static bool
has_range (const struct table_column *c)
{
  return c->range.unit != NULL;
}

static int
out_of_range (const char *path, size_t line, const struct table_column *c,
              const char *text, struct diag *d)
{
  return diag_set (d, CA_EXIT_DATAERR,
                   "%s:%zu: column '%s': %s is out of range (expected %g "
                   "to %g%s%s)",
                   path, line, c->name, text, c->range.min, c->range.max,
                   c->range.unit[0] != '\0' ? " " : "", c->range.unit);
}

int
table_check_range (const struct table_reader *r, size_t col, double v)
{
  const struct table_column *c = &r->spec->columns[col];

  if (has_range (c) && (v < c->range.min || v > c->range.max))
    return out_of_range (r->t->path, r->line, c, table_text (r, col), r->d);
  return 0;
}

/* A field of a number column into *OUT.  */
static int
read_number (const struct table_reader *r, size_t col, double *out)
{
  const struct table_column *c = &r->spec->columns[col];
  const char *s = table_text (r, col);
  enum numparse_status st = numparse_double (s, out);

  if (st == NUMPARSE_EMPTY && (c->flags & TABLE_BLANK_OK))
    {
      *out = NAN;
      return 0;
    }
  if (st != NUMPARSE_OK)
    return bad_number (r, col, st);
  if (!(c->flags & TABLE_NO_FLOOR) && has_range (c) && *out < c->range.min)
    return table_error (r, col, "%s is below %g", s, c->range.min);
  if (r->in_range != NULL && col < 64
      && (*out < c->range.min || *out > c->range.max))
    *r->in_range &= ~(1ULL << col);
  return 0;
}

/* A field of a whole-number column into *OUT, at least FLOOR.  */
static int
read_whole (const struct table_reader *r, size_t col, long floor, long *out)
{
  const struct table_column *c = &r->spec->columns[col];
  const char *s = table_text (r, col);
  enum numparse_status st = numparse_long (s, out);

  if (st == NUMPARSE_EMPTY && (c->flags & TABLE_BLANK_OK))
    {
      *out = 0;
      return 0;
    }
  if (st != NUMPARSE_OK)
    return table_error (r, col, "%s: '%s'",
                        st == NUMPARSE_SYNTAX ? "not a whole number"
                                              : numparse_strerror (st),
                        s);
  if (!(c->flags & TABLE_NO_FLOOR) && *out < floor)
    return table_error (r, col, "%s is below %ld", s, floor);
  return 0;
}

/* A field of a text column: blank only where the column allows it, one
   of the words of an enum, a key of the table a reference names.  */
static int
read_text (const struct table_reader *r, size_t col, void *ctx,
           const char **out)
{
  const struct table_column *c = &r->spec->columns[col];
  const char *s = table_text (r, col);
  /* *OUT still holds the row above's field, which passed: rows that name
     the same source as the row above (most of prices.csv) need no
     lookup.  */
  bool as_above = c->type == TABLE_REF && r->row > 0 && STREQ (s, *out);

  *out = s;
  if (s[0] == '\0')
    return (c->flags & TABLE_BLANK_OK) ? 0 : table_error (r, col, "empty");
  if (c->type == TABLE_ENUM && !STREQ (s, c->words[0])
      && !STREQ (s, c->words[1]))
    return table_error (r, col, "'%s' is neither %s nor %s", s, c->words[0],
                        c->words[1]);
  if (c->type == TABLE_REF && !as_above && !c->ref->exists (ctx, s))
    return table_error (r, col, "%s '%s' is not in %s", c->ref->what, s,
                        c->ref->file);
  return 0;
}

/* Convert field COL of R's current row into R->values[COL], and store it
   in ROW's field for it.  */
static int
read_field (const struct table_reader *r, size_t col, void *row, void *ctx)
{
  const struct table_column *c = &r->spec->columns[col];
  union table_value *v = &r->values[col];
  char *field = row != NULL && c->offset != TABLE_NOWHERE
                  ? (char *) row + c->offset
                  : NULL;

  /* A column the header may lack reads as blank: text "", a number
     NaN.  */
  if (r->cols[col] < 0)
    {
      if (c->type == TABLE_NUMBER)
        {
          v->number = NAN;
          if (field != NULL)
            memcpy (field, &v->number, sizeof v->number);
          return 0;
        }
      v->text = "";
      if (field != NULL && c->type != TABLE_CHECKED)
        memcpy (field, &v->text, sizeof v->text);
      return 0;
    }
  switch (c->type)
    {
    case TABLE_NUMBER:
      if (read_number (r, col, &v->number) < 0)
        return -1;
      if (field != NULL)
        memcpy (field, &v->number, sizeof v->number);
      return 0;
    case TABLE_WHOLE:
    case TABLE_YEAR:
      if (read_whole (r, col, c->type == TABLE_YEAR ? 0 : (long) c->range.min,
                      &v->whole)
          < 0)
        return -1;
      if (field != NULL)
        memcpy (field, &v->whole, sizeof v->whole);
      return 0;
    case TABLE_CHECKED:
      v->text = table_text (r, col);
      return 0;
    case TABLE_TEXT:
    case TABLE_ENUM:
    case TABLE_REF:
    default:
      if (read_text (r, col, ctx, &v->text) < 0)
        return -1;
      if (field != NULL)
        memcpy (field, &v->text, sizeof v->text);
      return 0;
    }
}

/* Before any row: the table has rows unless it may be empty, no two rows
   share the key, and the header has every column it must.  */
static int
check_shape (struct table_reader *r)
{
  const struct table_spec *spec = r->spec;
  size_t i, n, keys[ARRAY_SIZE (spec->keys)];

  if (!spec->may_be_empty && csvio_need_rows (r->t, r->d) < 0)
    return -1;
  for (i = 0; i < spec->ncolumns; i++)
    r->cols[i] = csvio_column (r->t, spec->columns[i].name);
  for (n = 0; spec->key_what != NULL && spec->keys[n] != NULL; n++)
    {
      long c = csvio_column (r->t, spec->keys[n]);

      /* The missing column is named below.  */
      if (c < 0)
        break;
      keys[n] = (size_t) c;
    }
  if (n > 0 && spec->keys[n] == NULL
      && csvio_unique (r->t, keys, n, spec->key_what, r->d) < 0)
    return -1;
  for (i = 0; i < spec->ncolumns; i++)
    if (r->cols[i] < 0 && !(spec->columns[i].flags & TABLE_MAY_LACK))
      return diag_set (r->d, CA_EXIT_DATAERR, "%s:1: %s column '%s'",
                       r->t->path, spec->missing, spec->columns[i].name);
  return 0;
}

/* After the rows: each row sorts after the one above it.  */
static int
check_order (struct table_reader *r, const char *rows, size_t n)
{
  size_t size = r->spec->row_size;

  for (r->row = 1; r->row < n; r->row++)
    if (r->spec->order (rows + (r->row - 1) * size, rows + r->row * size) > 0)
      {
        r->line = csvio_line (r->row);
        return table_row_error (r, "row out of order: the table must be "
                                   "sorted by its key columns");
      }
  return 0;
}

static int
load_rows (struct table_reader *r, void *ctx, char *rows, size_t *n)
{
  const struct table_spec *spec = r->spec;
  size_t col;

  for (r->row = 0; r->row < r->t->nrows; r->row++)
    {
      void *row = rows != NULL ? rows + r->row * spec->row_size : NULL;

      r->line = csvio_line (r->row);
      r->fields = r->t->fields + r->row * r->t->ncols;
      for (col = 0; col < spec->ncolumns; col++)
        if ((col == spec->nlead && spec->lead != NULL
             && spec->lead (r, row, ctx) < 0)
            || read_field (r, col, row, ctx) < 0)
          return -1;
      if (spec->row != NULL && spec->row (r, row, ctx) < 0)
        return -1;
      ++*n;
    }
  return 0;
}

int
table_load (const struct table_spec *spec, const struct csv_table *t,
            void *ctx, void **rows, size_t *n, struct diag *d)
{
  return table_load_ranged (spec, t, ctx, rows, n, NULL, d);
}

/* The number columns of SPEC with a range, as a mask of the first 64.  */
static unsigned long long
ranged_numbers (const struct table_spec *spec)
{
  unsigned long long mask = 0;
  size_t i;

  for (i = 0; i < spec->ncolumns && i < 64; i++)
    if (spec->columns[i].type == TABLE_NUMBER && has_range (&spec->columns[i]))
      mask |= 1ULL << i;
  return mask;
}

int
table_load_ranged (const struct table_spec *spec, const struct csv_table *t,
                   void *ctx, void **rows, size_t *n,
                   unsigned long long *in_range, struct diag *d)
{
  struct table_reader r = { spec, t, NULL, NULL, NULL, 0, 0, d, in_range };
  char *array = NULL;
  size_t count = 0;
  int ret = -1;

  if (n == NULL)
    n = &count;
  *n = 0;
  if (in_range != NULL)
    *in_range = ranged_numbers (spec);
  r.cols = xcalloc (spec->ncolumns, sizeof *r.cols);
  r.values = xcalloc (spec->ncolumns, sizeof *r.values);
  if (check_shape (&r) < 0)
    goto done;
  if (spec->row_size > 0)
    {
      array = xcalloc (t->nrows + 1, spec->row_size);
      *rows = array;
    }
  if (load_rows (&r, ctx, array, n) < 0
      || (spec->finish != NULL && spec->finish (&r, ctx) < 0)
      || (spec->order != NULL && !spec->order_later
          && check_order (&r, array, *n) < 0))
    goto done;
  ret = 0;

done:
  free (r.cols);
  free (r.values);
  return ret;
}

int
table_check_order (const struct table_spec *spec, const struct csv_table *t,
                   const void *rows, size_t n, struct diag *d)
{
  struct table_reader r = { spec, t, NULL, NULL, NULL, 0, 0, d, NULL };

  return check_order (&r, rows, n);
}

const struct table_column *
table_column (const struct table_spec *spec, const char *name)
{
  size_t i;

  for (i = 0; i < spec->ncolumns; i++)
    if (STREQ (spec->columns[i].name, name))
      return &spec->columns[i];
  return NULL;
}

int
table_check_ranges (const struct table_spec *spec, const struct csv_table *t,
                    struct diag *d)
{
  return table_check_ranges_but (spec, t, 0, d);
}

int
table_check_ranges_but (const struct table_spec *spec,
                        const struct csv_table *t, unsigned long long done,
                        struct diag *d)
{
  size_t i, row;

  for (i = 0; i < spec->ncolumns; i++)
    {
      const struct table_column *c = &spec->columns[i];
      long col;

      if (!has_range (c) || (i < 64 && (done >> i & 1) != 0)
          || (col = csvio_column (t, c->name)) < 0)
        continue;
      for (row = 0; row < t->nrows; row++)
        {
          const char *s = csvio_field (t, row, (size_t) col);
          enum numparse_status st;
          double v;

          st = numparse_double (s, &v);
          if (st == NUMPARSE_EMPTY)
            continue;
          if (st != NUMPARSE_OK)
            return diag_set (
              d, CA_EXIT_DATAERR, "%s:%zu: column '%s': %s: '%s'", t->path,
              csvio_line (row), c->name, numparse_strerror (st), s);
          if (v < c->range.min || v > c->range.max)
            return out_of_range (t->path, csvio_line (row), c, s, d);
        }
    }
  return 0;
}
