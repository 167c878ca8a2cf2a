/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Result tables and the table of writers that out_write walks.  The
   writers (output-*.c) share the helpers of output-cells.c and never
   call back into this file.  */
#include <config.h>

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
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

/* The text pool: blocks of at least this many bytes, each holding the
   texts of many cells.  */
enum
{
  OUT_TEXT_BLOCK = 1 << 16
};

struct out_text_block
{
  struct out_text_block *next; /* The older block.  */
  size_t used, size;           /* Bytes of TEXT used and allocated.  */
  char text[];
};

/* Return a copy of the LEN bytes of TEXT and a NUL, in TABLE's pool.  */
static char *
pool_copy (struct out_table *table, const char *text, size_t len)
{
  struct out_text_block *block = table->pool;
  char *copy;

  if (block == NULL || block->size - block->used <= len)
    {
      size_t size = len < OUT_TEXT_BLOCK ? OUT_TEXT_BLOCK : len + 1;

      block = xmalloc (sizeof *block + size);
      block->next = table->pool;
      block->used = 0;
      block->size = size;
      table->pool = block;
    }
  copy = block->text + block->used;
  memcpy (copy, text, len);
  copy[len] = '\0';
  block->used += len + 1;
  return copy;
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
  table->pool = NULL;
  table->kept = NULL;
  table->pick = NULL;
  table->npick = 0;
  return table;
}

/* Free the blocks of a text pool from BLOCK on.  */
static void
pool_free (struct out_text_block *block)
{
  struct out_text_block *next;

  for (; block != NULL; block = next)
    {
      next = block->next;
      free (block);
    }
}

/* Empty TABLE of its rows, keeping its columns, the rows' cell arrays
   (for the next rows) and the newest block of its text pool, emptied.  */
static void
table_clear (struct out_table *table)
{
  table->nrows = 0;
  if (table->pool != NULL)
    {
      pool_free (table->pool->next);
      table->pool->next = NULL;
      table->pool->used = 0;
    }
}

/* Free TABLE, its rows and its text pool; TABLE may be NULL.  */
void
out_table_free (struct out_table *table)
{
  size_t r;

  if (table == NULL)
    return;
  for (r = 0; r < table->rows_made; r++)
    free (table->rows[r]);
  free (table->rows);
  pool_free (table->pool);
  free (table->kept);
  free (table);
}

/* Append a row of missing cells to TABLE.  */
void
out_table_add_row (struct out_table *table)
{
  struct out_cell *row;

  static_assert (OUT_CELL_MISSING == 0, "a zeroed cell is missing");
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
  /* All bits zero: OUT_CELL_MISSING, no text.  */
  memset (row, 0, table->ncols * sizeof *row);
}

/* Return cell COL of the last row of TABLE, missing.  Setting a cell
   before the first out_table_add_row, or past the last column, is a
   bug in the caller.  Inline: called for every cell of every row.  */
static inline struct out_cell *
last_row_cell (struct out_table *table, size_t col)
{
  struct out_cell *cell;

  assert (table->nrows > 0);
  assert (col < table->ncols);
  cell = &table->rows[table->nrows - 1][col];
  cell->kind = OUT_CELL_MISSING; /* An old text stays in the pool until
                                    the end.  */
  return cell;
}

/* Make CELL the text TEXT of LEN bytes with the OUT_PLAIN_* bits
   PLAIN.  The cells hold 32-bit lengths: a text of 4 GiB is a bug.  */
static void
cell_set_text (struct out_cell *cell, const char *text, size_t len,
               unsigned char plain)
{
  assert (len < UINT32_MAX);
  cell->kind = OUT_CELL_TEXT;
  cell->plain = plain;
  cell->len = (uint32_t) len;
  cell->text = text;
}

/* Set cell COL of the last row of TABLE to a copy of TEXT, or to missing
   if TEXT is NULL.  */
void
out_table_set_text (struct out_table *table, size_t col, const char *text)
{
  struct out_cell *cell = last_row_cell (table, col);
  unsigned char plain;
  size_t len;

  if (text != NULL)
    {
      plain = out_text_plain (text, &len);
      cell_set_text (cell, pool_copy (table, text, len), len, plain);
    }
}

void
out_table_set_plain (struct out_table *table, size_t col, const char *text,
                     size_t len)
{
  cell_set_text (last_row_cell (table, col), pool_copy (table, text, len), len,
                 OUT_PLAIN_CSV | OUT_PLAIN_JSON);
}

/* What out_table_set_kept knows of the texts it saw: slots by address,
   a new text taking the place of the one before it.  */
enum
{
  KEPT_BITS = 15
};

struct out_kept
{
  const char *text; /* NULL: empty.  */
  uint32_t len;
  unsigned char plain;
};

void
out_table_set_kept (struct out_table *table, size_t col, const char *text)
{
  struct out_cell *cell = last_row_cell (table, col);
  struct out_kept *slot;
  uintptr_t at = (uintptr_t) text;
  size_t len;

  if (text == NULL)
    return;
  if (table->kept == NULL)
    table->kept = xcalloc ((size_t) 1 << KEPT_BITS, sizeof *table->kept);
  slot = &table->kept[((at >> 3) ^ (at >> (3 + KEPT_BITS)))
                      & (((uintptr_t) 1 << KEPT_BITS) - 1)];
  if (slot->text != text)
    {
      slot->plain = out_text_plain (text, &len);
      assert (len < UINT32_MAX);
      slot->len = (uint32_t) len;
      slot->text = text;
    }
  cell->kind = OUT_CELL_TEXT;
  cell->plain = slot->plain;
  cell->len = slot->len;
  cell->text = text;
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
    {
      /* round () only when VALUE is not whole already (counts, years):
         from 2^52 on every double is.  */
      double whole
        = fabs (value) < 4503599627370496.0 ? (double) (int64_t) value : value;

      if (whole < value || whole > value)
        value = round (value);
    }
  cell->kind = OUT_CELL_NUMBER;
  cell->number = value + 0.0; /* -0 + 0 is 0; nothing else changes.  */
}

/* Return the number of rows of TABLE.  */
size_t
out_table_rows (const struct out_table *table)
{
  return table->nrows;
}

/* The --columns selection: NSELECTED keys, and the hook to call when
   a table lacks one.  Set once by the command line.  */
static char **selected;
static size_t nselected;
static out_columns_reject_fn *reject_hook;

void
out_columns_select (const char *const *names, size_t nnames,
                    out_columns_reject_fn *reject)
{
  for (size_t i = 0; i < nselected; i++)
    free (selected[i]);
  free (selected);
  selected = nnames > 0 ? xcalloc (nnames, sizeof *selected) : NULL;
  for (size_t i = 0; i < nnames; i++)
    selected[i] = xstrdup (names[i]);
  nselected = nnames;
  reject_hook = reject;
}

bool
out_columns_selected (void)
{
  return nselected > 0;
}

/* Call the reject hook with NAME (NULL: a format for people) and the
   keys of TABLE; set errno for a hook that returns.  */
static void
reject_selection (const struct out_table *table, const char *name)
{
  const char **keys = xcalloc (table->ncols + 1, sizeof *keys);

  for (size_t c = 0; c < table->ncols; c++)
    keys[c] = table->cols[c].key;
  if (reject_hook != NULL)
    reject_hook (name, keys, table->ncols);
  free (keys);
  errno = EINVAL;
}

/* Set PICK (of NSELECTED entries) to the indexes in TABLE of the
   selected columns.  Return 0, or -1 after reject_selection if TABLE
   lacks one.  */
static int
pick_columns (const struct out_table *table, size_t *pick)
{
  for (size_t i = 0; i < nselected; i++)
    {
      size_t c = 0;

      while (c < table->ncols && !STREQ (table->cols[c].key, selected[i]))
        c++;
      if (c == table->ncols)
        {
          reject_selection (table, selected[i]);
          return -1;
        }
      pick[i] = c;
    }
  return 0;
}

/* Write TABLE with WRITER, only the selected columns if there is a
   selection.  Return as the writer does; -1 with EINVAL if the
   selection does not fit.  */
static int
write_selected (FILE *fp, const struct out_writer *writer,
                enum out_layout layout, const struct out_table *table)
{
  struct out_table view;
  size_t *pick;
  int status;

  if (nselected == 0)
    return writer->write (fp, layout, table);
  if (!writer->machine)
    {
      reject_selection (table, NULL);
      return -1;
    }
  pick = xcalloc (nselected, sizeof *pick);
  status = pick_columns (table, pick);
  if (status == 0)
    {
      view = *table;
      view.pick = pick;
      view.npick = nselected;
      status = writer->write (fp, layout, &view);
    }
  free (pick);
  return status;
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
  if (write_selected (fp, writer, layout, table) != 0)
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

/* A stream hands its rows to the writer in batches of this many: few
   enough that a batch's cells (180 kB for advise's columns) and the
   texts they point to are still in the cache when the writer reads
   them (with 1,024, a tenth of advise --all's time went in waiting for
   them), enough that a batch's set-up (json's key prefixes and its
   check for repeated keys, the row buffer) costs little next to its
   rows (2 % of json's instructions; 10 % with 64).  */
enum
{
  STREAM_BATCH = 256
};

/* A table on its way out: the rows not yet written, how many went
   before them, and the first error.  */
struct out_stream
{
  FILE *fp;
  const struct out_writer *writer;
  enum out_layout layout;
  struct out_table *table;
  size_t *pick; /* The selected columns' indexes, or NULL.  */
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

/* Apply the --columns selection to S's table, as write_selected does:
   the reject hook hears of a selection that does not fit, and S fails
   with EINVAL if the hook returns.  Return 0 or -1.  */
static int
stream_select (struct out_stream *s)
{
  if (nselected == 0 || s->writer->rows == NULL)
    return 0;
  s->pick = xcalloc (nselected, sizeof *s->pick);
  if (pick_columns (s->table, s->pick) != 0)
    return -1;
  s->table->pick = s->pick;
  s->table->npick = nselected;
  return 0;
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
  s->pick = NULL;
  s->done = 0;
  s->status = 0;
  s->error = 0;
  if (s->writer == NULL)
    {
      s->status = -1;
      s->error = EINVAL;
    }
  else if (stream_select (s) != 0)
    stream_note (s, -1);
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
static void
stream_flush (struct out_stream *s)
{
  if (s->writer == NULL || s->writer->rows == NULL)
    return;
  if (s->status == 0 && s->table->nrows > 0)
    stream_note (s, s->writer->rows (s->fp, s->table, s->done));
  s->done += s->table->nrows;
  table_clear (s->table);
}

void
out_stream_rows (struct out_stream *s)
{
  if (s->table->nrows >= STREAM_BATCH)
    stream_flush (s);
}

int
out_stream_close (struct out_stream *s)
{
  int status;

  stream_flush (s);
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
  free (s->pick);
  if (status != 0)
    errno = s->error;
  free (s);
  return status;
}
