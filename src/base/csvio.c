/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Reading CSV files into memory with libcsv.  */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>

#include "base/csvio.h"
#include "base/system.h"
#include "base/xalloc.h"

/* State shared by the libcsv callbacks while a file is read.  Field
   text goes into one growing block; rows hold offsets into it until the
   block stops moving, and become pointers at the end.  */
struct reader
{
  struct csv_table *table;
  size_t *row; /* Text offsets of the record being read.  */
  size_t nrow; /* How many fields it has so far.  */
  size_t cap_row;
  size_t *offsets; /* Text offsets of every data field, row-major.  */
  size_t cap_offsets;
  char *text;
  size_t used; /* Bytes of TEXT in use.  */
  size_t cap_text;
  size_t records;   /* Complete records so far, header included.  */
  size_t max_field; /* The longest field allowed, in bytes.  */
  bool nul_seen;    /* Whether a block read so far holds a NUL byte.  */
  bool failed;
  struct diag *d;
};

/* Refuse the field being read, number R->nrow + 1 of line
   R->records + 1, as longer than R->max_field.  */
static void
field_too_long (struct reader *r)
{
  r->failed = true;
  diag_set (r->d, CA_EXIT_DATAERR,
            "%s:%zu: field %zu is longer than %zu bytes, the most a CSV "
            "field may hold",
            r->table->path, r->records + 1, r->nrow + 1, r->max_field);
}

/* Refuse PATH as larger than MAX_BYTES.  */
static void
file_too_big (const char *path, size_t max_bytes, struct diag *d)
{
  diag_set (d, CA_EXIT_DATAERR,
            "%s: larger than %zu bytes, the most a CSV file may hold", path,
            max_bytes);
}

static void
on_field (void *field, size_t len, void *data)
{
  struct reader *r = data;

  if (r->failed)
    return;
  if (len > r->max_field)
    {
      field_too_long (r);
      return;
    }
  /* Fields become C strings: a NUL byte would cut one short without a
     word ("1.1\0 5" read as 1.1).  A field holds no byte its file
     lacks: the fields of a file without a NUL need no look.  */
  if (r->nul_seen && memchr (field, '\0', len) != NULL)
    {
      r->failed = true;
      diag_set (r->d, CA_EXIT_DATAERR, "%s:%zu: field %zu holds a NUL byte",
                r->table->path, r->records + 1, r->nrow + 1);
      return;
    }
  if (r->nrow == r->cap_row)
    {
      r->cap_row = r->cap_row ? 2 * r->cap_row : 16;
      r->row = xreallocarray (r->row, r->cap_row, sizeof *r->row);
    }
  if (r->used + len + 1 > r->cap_text)
    {
      while (r->used + len + 1 > r->cap_text)
        r->cap_text = r->cap_text ? 2 * r->cap_text : 65536;
      r->text = xreallocarray (r->text, r->cap_text, 1);
    }
  memcpy (r->text + r->used, field, len);
  r->text[r->used + len] = '\0';
  r->row[r->nrow++] = r->used;
  r->used += len + 1;
}

static void
drop_row (struct reader *r)
{
  r->nrow = 0;
}

static void
on_record (int c, void *data)
{
  struct reader *r = data;
  struct csv_table *t = r->table;
  size_t line = r->records + 1;
  size_t i;

  (void) c;
  if (r->failed)
    {
      drop_row (r);
      return;
    }
  if (r->records == 0)
    {
      for (i = 0; i < r->nrow; i++)
        {
          size_t j;

          if (r->text[r->row[i]] == '\0')
            {
              r->failed = true;
              diag_set (r->d, CA_EXIT_DATAERR, "%s:1: column %zu has no name",
                        t->path, i + 1);
            }
          for (j = 0; j < i && !r->failed; j++)
            if (STREQ (r->text + r->row[i], r->text + r->row[j]))
              {
                r->failed = true;
                diag_set (r->d, CA_EXIT_DATAERR,
                          "%s:1: column '%s' appears twice", t->path,
                          r->text + r->row[i]);
              }
        }
      if (r->failed)
        {
          drop_row (r);
          return;
        }
      t->ncols = r->nrow;
      t->header = xcalloc (r->nrow + 1, sizeof *t->header);
      for (i = 0; i < r->nrow; i++)
        t->header[i] = xstrdup (r->text + r->row[i]);
      r->nrow = 0;
      r->records++;
      return;
    }
  if (r->nrow != t->ncols)
    {
      r->failed = true;
      diag_set (r->d, CA_EXIT_DATAERR, "%s:%zu: expected %zu fields, got %zu",
                t->path, line, t->ncols, r->nrow);
      drop_row (r);
      return;
    }
  if ((t->nrows + 1) * t->ncols > r->cap_offsets)
    {
      r->cap_offsets = r->cap_offsets ? 2 * r->cap_offsets : 64 * t->ncols;
      r->offsets
        = xreallocarray (r->offsets, r->cap_offsets, sizeof *r->offsets);
    }
  memcpy (r->offsets + t->nrows * t->ncols, r->row, t->ncols * sizeof *r->row);
  t->nrows++;
  r->nrow = 0;
  r->records++;
}

/* Feed FP to PARSER in blocks, for R, stopping at the first error and
   past MAX_BYTES.  */
static void
read_chunks (FILE *fp, struct csv_parser *parser, struct reader *r,
             size_t max_bytes)
{
  static const char bom[] = "\xEF\xBB\xBF";
  char buf[65536];
  size_t n, total = 0;
  bool first = true;

  while (!r->failed && (n = fread (buf, 1, sizeof buf, fp)) > 0)
    {
      const char *p = buf;

      total += n;
      if (total > max_bytes)
        {
          file_too_big (r->table->path, max_bytes, r->d);
          r->failed = true;
          break;
        }
      /* A UTF-8 byte-order mark, as some spreadsheets write, is not part
         of the first column's name.  */
      if (first && n >= sizeof bom - 1
          && memcmp (buf, bom, sizeof bom - 1) == 0)
        {
          p += sizeof bom - 1;
          n -= sizeof bom - 1;
        }
      first = false;
      if (!r->nul_seen && memchr (p, '\0', n) != NULL)
        r->nul_seen = true;
      if (csv_parse (parser, p, n, on_field, on_record, r) != n)
        {
          /* libcsv counts no lines; the record being read is the next
             one after those completed.  */
          diag_set (r->d, CA_EXIT_DATAERR, "%s:%zu: %s", r->table->path,
                    r->records + 1, csv_strerror (csv_error (parser)));
          r->failed = true;
        }
      /* libcsv keeps the field being read in a buffer of its own, which
         a field that never ends (all of /dev/zero) would grow without
         bound: stop it within a read of the limit.  */
      if (!r->failed && parser->entry_pos > r->max_field)
        field_too_long (r);
    }
}

/* Open PATH for reading, refusing a regular file larger than MAX_BYTES
   unread (a device or a pipe is counted as it is read).  NULL with D
   set when it cannot be read.  */
static FILE *
open_limited (const char *path, size_t max_bytes, struct diag *d)
{
  FILE *fp = fopen (path, "rb");
  struct stat st;

  if (fp == NULL)
    {
      diag_set (d, CA_EXIT_NOINPUT, "%s: %s", path, strerror (errno));
      return NULL;
    }
  if (fstat (fileno (fp), &st) == 0 && S_ISREG (st.st_mode)
      && (uintmax_t) st.st_size > max_bytes)
    {
      fclose (fp);
      file_too_big (path, max_bytes, d);
      return NULL;
    }
  return fp;
}

/* The text block no longer moves: give R's table its text and turn the
   fields' offsets into pointers.  */
static void
point_fields (struct reader *r)
{
  size_t i, nfields = r->table->nrows * r->table->ncols;

  r->table->text = r->text;
  r->text = NULL;
  r->table->fields = xcalloc (nfields + 1, sizeof *r->table->fields);
  for (i = 0; i < nfields; i++)
    r->table->fields[i] = r->table->text + r->offsets[i];
}

struct csv_table *
csvio_read (const char *path, struct diag *d)
{
  return csvio_read_limited (path, CSVIO_MAX_BYTES, CSVIO_MAX_FIELD, d);
}

struct csv_table *
csvio_read_limited (const char *path, size_t max_bytes, size_t max_field,
                    struct diag *d)
{
  struct csv_parser parser;
  struct reader r;
  FILE *fp = open_limited (path, max_bytes, d);
  int err = 0;

  if (fp == NULL)
    return NULL;
  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      fclose (fp);
      diag_set (d, CA_EXIT_FAILURE, "%s: cannot start the CSV parser", path);
      return NULL;
    }
  memset (&r, 0, sizeof r);
  r.d = d;
  r.max_field = max_field;
  r.table = xcalloc (1, sizeof *r.table);
  r.table->path = xstrdup (path);

  read_chunks (fp, &parser, &r, max_bytes);
  if (!r.failed && ferror (fp))
    {
      err = errno;
      diag_set (d, CA_EXIT_NOINPUT, "%s: %s", path, strerror (err));
      r.failed = true;
    }
  if (!r.failed && csv_fini (&parser, on_field, on_record, &r) != 0)
    {
      diag_set (d, CA_EXIT_DATAERR, "%s:%zu: %s", path, r.records + 1,
                csv_strerror (csv_error (&parser)));
      r.failed = true;
    }
  csv_free (&parser);
  fclose (fp);
  drop_row (&r);
  free (r.row);

  if (!r.failed)
    point_fields (&r);
  free (r.offsets);
  free (r.text);

  if (!r.failed && r.records == 0)
    {
      diag_set (d, CA_EXIT_DATAERR, "%s:1: empty file, expected a header row",
                path);
      r.failed = true;
    }
  if (r.failed)
    {
      csvio_free (r.table);
      return NULL;
    }
  return r.table;
}

void
csvio_free (struct csv_table *table)
{
  size_t i;

  if (table == NULL)
    return;
  for (i = 0; i < table->ncols; i++)
    free (table->header[i]);
  free (table->fields);
  free (table->text);
  free (table->header);
  free (table->path);
  free (table);
}

long
csvio_column (const struct csv_table *table, const char *name)
{
  size_t i;

  for (i = 0; i < table->ncols; i++)
    if (STREQ (table->header[i], name))
      return (long) i;
  return -1;
}

const char *
csvio_field (const struct csv_table *table, size_t row, size_t col)
{
  return table->fields[row * table->ncols + col];
}

size_t
csvio_line (size_t row)
{
  return row + 2;
}

int
csvio_need_rows (const struct csv_table *table, struct diag *d)
{
  if (table->nrows == 0)
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s:2: no rows after the header: the table must not "
                     "be empty",
                     table->path);
  return 0;
}

/* The table and key columns csvio_unique's sort compares rows by
   (qsort passes no context).  */
static const struct csv_table *unique_table;
static const size_t *unique_keys;
static size_t unique_nkeys;

static int
compare_keys (size_t a, size_t b)
{
  size_t k;

  for (k = 0; k < unique_nkeys; k++)
    {
      int c = strcmp (csvio_field (unique_table, a, unique_keys[k]),
                      csvio_field (unique_table, b, unique_keys[k]));

      if (c != 0)
        return c;
    }
  return 0;
}

/* By key, then by row, so that of two duplicates the first row comes
   first whatever qsort does with ties.  */
static int
compare_rows (const void *a, const void *b)
{
  size_t x = *(const size_t *) a, y = *(const size_t *) b;
  int c = compare_keys (x, y);

  return c != 0 ? c : (x > y) - (x < y);
}

int
csvio_unique (const struct csv_table *table, const size_t *keys, size_t nkeys,
              const char *what, struct diag *d)
{
  size_t *rows = xcalloc (table->nrows + 1, sizeof *rows);
  size_t i, k, len;
  char key[256];
  int ret = 0;

  for (i = 0; i < table->nrows; i++)
    rows[i] = i;
  unique_table = table;
  unique_keys = keys;
  unique_nkeys = nkeys;
  /* Most tables come sorted by their key: rows in strictly increasing
     order share no key, and need no sort to tell.  */
  for (i = 1; i < table->nrows; i++)
    if (compare_keys (i - 1, i) >= 0)
      break;
  if (i >= table->nrows)
    {
      free (rows);
      return 0;
    }
  qsort (rows, table->nrows, sizeof *rows, compare_rows);
  for (i = 1; i < table->nrows && ret == 0; i++)
    if (compare_keys (rows[i - 1], rows[i]) == 0)
      {
        key[0] = '\0';
        for (k = 0; k < nkeys; k++)
          {
            len = strlen (key);
            snprintf (key + len, sizeof key - len, "%s%s", k > 0 ? "," : "",
                      csvio_field (table, rows[i], keys[k]));
          }
        ret = diag_set (d, CA_EXIT_DATAERR,
                        "%s:%zu: %s '%s' appears twice (first on line %zu)",
                        table->path, csvio_line (rows[i]), what, key,
                        csvio_line (rows[i - 1]));
      }
  free (rows);
  return ret;
}
