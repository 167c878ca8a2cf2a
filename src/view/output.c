/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Result tables and the table of writers that out_write walks.  The
   writers (output-*.c) share the helpers of output-cells.c and never
   call back into this file.  */
#include <config.h>

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/output-private.h"
#include "view/output-writers.h"
#include "view/output.h"
#include "base/system.h"
#include "base/xalloc.h"

/* The writers, one for each enum out_format, in the order
   out_format_list names them.  */
static const struct out_writer writers[] = {
  { "table", OUT_FORMAT_TABLE, false, out_write_table, NULL, NULL, NULL },
  { "csv", OUT_FORMAT_CSV, true, out_write_csv, out_csv_head, out_csv_rows,
    NULL },
  { "json", OUT_FORMAT_JSON, true, out_write_json, NULL, out_json_rows,
    out_json_tail },
  { "markdown", OUT_FORMAT_MARKDOWN, false, out_write_markdown, NULL, NULL,
    NULL },
};

/* Look NAME up in the writer table, case-sensitively.  Return 0 with the
   format in *FORMAT, or -1 if NAME is NULL or none of the names.  */
int
out_format_parse (const char *name, enum out_format *format)
{
  size_t i;

  if (name == NULL)
    return -1;
  for (i = 0; i < ARRAY_SIZE (writers); i++)
    if (STREQ (name, writers[i].name))
      {
        *format = writers[i].format;
        return 0;
      }
  return -1;
}

/* The writer of FORMAT, or NULL if FORMAT is not an enum out_format.  */
static const struct out_writer *
writer_of (enum out_format format)
{
  size_t i;

  for (i = 0; i < ARRAY_SIZE (writers); i++)
    if (writers[i].format == format)
      return &writers[i];
  return NULL;
}

bool
out_format_for_people (enum out_format format)
{
  const struct out_writer *w = writer_of (format);

  return w != NULL && !w->machine;
}

/* Return the format names, comma separated, as a static string.  */
const char *
out_format_list (void)
{
  return "table, csv, json, markdown";
}

/* Return a new empty table of the NCOLS columns COLS, which the caller
   keeps alive until out_table_free.  */
struct out_table *
out_table_new (const struct out_column *cols, size_t ncols)
{
  struct out_table *table = xmalloc (sizeof *table);

  table->cols = cols;
  table->ncols = ncols;
  table->rows = NULL;
  table->nrows = 0;
  table->rows_made = 0;
  table->rows_alloc = 0;
  table->texts = NULL;
  return table;
}

/* The size of a block of text copies, unless a text needs more.  */
enum
{
  TEXT_BLOCK_SIZE = 16384
};

/* Free the text blocks of TABLE from B on.  */
static void
free_texts (struct out_text_block *b)
{
  while (b != NULL)
    {
      struct out_text_block *next = b->next;

      free (b);
      b = next;
    }
}

/* Empty TABLE of its rows, keeping its columns, the rows' cell arrays
   (for the next rows) and its newest text block.  */
static void
table_clear (struct out_table *table)
{
  table->nrows = 0;
  if (table->texts != NULL)
    {
      free_texts (table->texts->next);
      table->texts->next = NULL;
      table->texts->used = 0;
    }
}

/* Free TABLE, its rows and its text copies; TABLE may be NULL.  */
void
out_table_free (struct out_table *table)
{
  size_t r;

  if (table == NULL)
    return;
  for (r = 0; r < table->rows_made; r++)
    free (table->rows[r]);
  free (table->rows);
  free_texts (table->texts);
  free (table);
}

/* Append a row of missing cells to TABLE.  */
void
out_table_add_row (struct out_table *table)
{
  struct out_cell *row;
  size_t c;

  if (table->nrows == table->rows_made)
    {
      if (table->rows_made == table->rows_alloc)
        {
          table->rows_alloc
            = table->rows_alloc == 0 ? 8 : 2 * table->rows_alloc;
          table->rows = xreallocarray (table->rows, table->rows_alloc,
                                       sizeof *table->rows);
        }
      table->rows[table->rows_made++] = xcalloc (table->ncols, sizeof *row);
    }
  row = table->rows[table->nrows++];
  for (c = 0; c < table->ncols; c++)
    {
      row[c].kind = OUT_CELL_MISSING;
      row[c].text = NULL;
      row[c].number = 0;
    }
}

/* Return cell COL of the last row of TABLE, emptied of any text.  Setting
   a cell before the first out_table_add_row, or past the last column, is
   a bug in the caller.  */
static struct out_cell *
last_row_cell (struct out_table *table, size_t col)
{
  struct out_cell *cell;

  assert (table->nrows > 0);
  assert (col < table->ncols);
  cell = &table->rows[table->nrows - 1][col];
  cell->text = NULL;
  cell->kind = OUT_CELL_MISSING;
  return cell;
}

/* Return a copy of TEXT in TABLE's text blocks.  */
static char *
copy_text (struct out_table *table, const char *text)
{
  size_t len = strlen (text) + 1;
  struct out_text_block *b = table->texts;
  char *copy;

  if (b == NULL || b->size - b->used < len)
    {
      size_t size = len > TEXT_BLOCK_SIZE ? len : TEXT_BLOCK_SIZE;

      b = xmalloc (sizeof *b + size);
      b->size = size;
      b->used = 0;
      b->next = table->texts;
      table->texts = b;
    }
  copy = b->text + b->used;
  memcpy (copy, text, len);
  b->used += len;
  return copy;
}

/* Set cell COL of the last row of TABLE to a copy of TEXT, or to missing
   if TEXT is NULL.  */
void
out_table_set_text (struct out_table *table, size_t col, const char *text)
{
  struct out_cell *cell = last_row_cell (table, col);

  if (text != NULL)
    {
      cell->kind = OUT_CELL_TEXT;
      cell->text = copy_text (table, text);
    }
}

/* Set cell COL of the last row of TABLE to VALUE: missing if VALUE is
   NaN or infinite, rounded to a whole number in an OUT_INTEGER column,
   and 0 rather than -0.  */
void
out_table_set_number (struct out_table *table, size_t col, double value)
{
  struct out_cell *cell = last_row_cell (table, col);

  if (!isfinite (value))
    return;
  if (table->cols[col].kind == OUT_INTEGER)
    value = round (value);
  if (fpclassify (value) == FP_ZERO)
    value = 0.0;
  cell->kind = OUT_CELL_NUMBER;
  cell->number = value;
}

/* Return the number of rows of TABLE.  */
size_t
out_table_rows (const struct out_table *table)
{
  return table->nrows;
}

/* Write TABLE to FP in FORMAT (and LAYOUT, for the table format), then
   flush FP.  Return 0, or -1 with errno set if a write or the flush
   failed, FP already had its error flag set (EIO), or FORMAT is not an
   enum out_format (EINVAL).  */
int
out_write (FILE *fp, enum out_format format, enum out_layout layout,
           const struct out_table *table)
{
  const struct out_writer *writer = writer_of (format);

  if (writer == NULL)
    {
      errno = EINVAL;
      return -1;
    }
  if (writer->write (fp, layout, table) != 0)
    return -1;
  if (fflush (fp) == EOF)
    return -1;
  if (ferror (fp))
    {
      errno = EIO;
      return -1;
    }
  return 0;
}

/* A table on its way out: the rows not yet written, how many went
   before them, and the first error.  */
struct out_stream
{
  FILE *fp;
  const struct out_writer *writer;
  enum out_layout layout;
  struct out_table *table;
  size_t done;
  int status; /* 0, or -1 once a write failed.  */
  int error;  /* Its errno.  */
};

/* Note in S the outcome STATUS of a write.  */
static void
stream_note (struct out_stream *s, int status)
{
  if (status != 0 && s->status == 0)
    {
      s->status = -1;
      s->error = errno;
    }
}

struct out_stream *
out_stream_open (FILE *fp, enum out_format format, enum out_layout layout,
                 const struct out_column *cols, size_t ncols)
{
  struct out_stream *s = xmalloc (sizeof *s);

  s->fp = fp;
  s->writer = writer_of (format);
  s->layout = layout;
  s->table = out_table_new (cols, ncols);
  s->done = 0;
  s->status = 0;
  s->error = 0;
  if (s->writer == NULL)
    {
      s->status = -1;
      s->error = EINVAL;
    }
  else if (s->writer->rows != NULL && s->writer->head != NULL)
    stream_note (s, s->writer->head (fp, s->table, 0));
  return s;
}

struct out_table *
out_stream_table (struct out_stream *s)
{
  return s->table;
}

/* Write the rows of S's table and drop them, when its writer streams
   and nothing failed yet; else leave them for out_stream_close.  */
void
out_stream_rows (struct out_stream *s)
{
  if (s->writer == NULL || s->writer->rows == NULL)
    return;
  if (s->status == 0)
    stream_note (s, s->writer->rows (s->fp, s->table, s->done));
  s->done += s->table->nrows;
  table_clear (s->table);
}

int
out_stream_close (struct out_stream *s)
{
  int status;

  out_stream_rows (s);
  if (s->status == 0 && s->writer->rows == NULL)
    stream_note (s, out_write (s->fp, s->writer->format, s->layout, s->table));
  else if (s->status == 0)
    {
      if (s->writer->tail != NULL)
        stream_note (s, s->writer->tail (s->fp, s->table, s->done));
      if (s->status == 0 && fflush (s->fp) == EOF)
        stream_note (s, -1);
      if (s->status == 0 && ferror (s->fp))
        {
          errno = EIO;
          stream_note (s, -1);
        }
    }
  status = s->status;
  out_table_free (s->table);
  if (status != 0)
    errno = s->error;
  free (s);
  return status;
}
