/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The csv writer: RFC 4180, a header row of column keys.  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "view/output-private.h"
#include "view/output-writers.h"
#include "view/output.h"
#include "base/system.h"
#include "base/xalloc.h"

/* The csv text is built in one buffer and handed to stdio in blocks
   of about this many bytes: no per-field calls, no per-field
   allocation.  */
enum
{
  CSV_BLOCK = 1 << 16
};

/* Write TEXT, LEN bytes, at P quoted as libcsv's csv_fwrite quotes it
   (inner quotes doubled); P has room for 2 LEN + 2 bytes.  Return the
   end of what was written.  */
static char *
put_quoted (char *p, const char *text, size_t len)
{
  size_t i;

  *p++ = '"';
  for (i = 0; i < len; i++)
    {
      if (text[i] == '"')
        *p++ = '"';
      *p++ = text[i];
    }
  *p++ = '"';
  return p;
}

/* Write the field TEXT of LEN bytes at P, which has room for 2 LEN + 2
   bytes: as it is if PLAIN, which says it need not be quoted (see
   OUT_PLAIN_CSV: it holds no separator, quote or line end, and no blank
   at either end, which libcsv, our own reader among others, would trim
   from a bare field), else as put_quoted writes it.  Return the end of
   what was written.  Inline: for every text of every row.  */
static inline char *
put_field (char *p, const char *text, size_t len, bool plain)
{
  if (!plain)
    return put_quoted (p, text, len);
  memcpy (p, text, len);
  return p + len;
}

/* Append the field TEXT to B as put_field writes it, for a string whose
   bits are not known (the header's keys): out_text_plain says whether
   it is plain.  */
static void
append_text (struct strbuf *b, const char *text)
{
  size_t len;
  bool plain = (out_text_plain (text, &len) & OUT_PLAIN_CSV) != 0;
  char *p = strbuf_reserve (b, 2 * len + 2);

  strbuf_added (b, (size_t) (put_field (p, text, len, plain) - p));
}

/* True if CELL is written as an empty field.  */
static bool
empty_cell (const struct out_cell *cell)
{
  return (cell->kind == OUT_CELL_MISSING
          || (cell->kind == OUT_CELL_TEXT && cell->len == 0));
}

/* Write CELL of column COL at P, which has room for OUT_NUMBER_SIZE
   bytes or, for a text, 2 LEN + 2: nothing if missing, a number as
   out_format_machine does, text as put_field does.  Return the end of what was
   written.  */
static char *
put_cell (char *p, const struct out_column *col, const struct out_cell *cell)
{
  switch (cell->kind)
    {
    case OUT_CELL_TEXT:
      return put_field (p, cell->text, cell->len,
                        (cell->plain & OUT_PLAIN_CSV) != 0);
    case OUT_CELL_NUMBER:
      return p + out_format_machine (p, col, cell->number);
    case OUT_CELL_MISSING:
    default:
      return p;
    }
}

/* The room a record makes for each field and its separator before it
   writes one: enough for any number, and for a text of up to
   CSV_FIELD_ROOM bytes quoted.  A longer text makes its own room.  */
enum
{
  CSV_FIELD_ROOM = OUT_NUMBER_SIZE + 1
};

/* Append ROW of TABLE, its N columns written (ORDER[C] the index of
   the C-th), to B as one record ended by "\n".  A record of one empty field is
   written as "" so that it is not a blank line, which readers skip.  */
static void
append_record (struct strbuf *b, const struct out_table *table,
               const struct out_cell *row, const size_t *order, size_t n)
{
  size_t c;
  char *p;

  if (n == 1 && empty_cell (&row[order[0]]))
    {
      strbuf_append_len (b, "\"\"\n", 3);
      return;
    }
  /* Written through a pointer, the length set once: room for every
     field and the line end is made first, the NUL written last.  */
  p = strbuf_reserve (b, n * CSV_FIELD_ROOM + 1);
  for (c = 0; c < n; c++)
    {
      size_t k = order[c];
      const struct out_cell *cell = &row[k];

      if (c > 0)
        *p++ = ',';
      if (cell->kind == OUT_CELL_TEXT
          && 2 * (size_t) cell->len + 2 >= OUT_NUMBER_SIZE)
        {
          b->len = (size_t) (p - b->text);
          p = strbuf_reserve (b, 2 * (size_t) cell->len + 2
                                   + (n - c) * CSV_FIELD_ROOM + 1);
        }
      p = put_cell (p, &table->cols[k], cell);
    }
  *p++ = '\n';
  *p = '\0';
  b->len = (size_t) (p - b->text);
}

/* Write the header row of TABLE to FP: the keys of the columns written,
   then "\n".  Return 0, or -1 with errno set if a write failed.  */
int
out_csv_head (FILE *fp, const struct out_table *table, size_t done)
{
  struct strbuf b;
  size_t c, n = out_picked_count (table);
  int status;

  (void) done; /* The header comes first.  */

  strbuf_init (&b);
  for (c = 0; c < n; c++)
    {
      if (c > 0)
        strbuf_append_char (&b, ',');
      append_text (&b, table->cols[out_picked (table, c)].key);
    }
  strbuf_append_char (&b, '\n');
  status = out_flush_block (fp, &b);
  strbuf_release (&b);
  return status;
}

/* Write the rows of TABLE to FP, one record each, ended by "\n".
   Return 0, or -1 with errno set if a write failed.  */
int
out_csv_rows (FILE *fp, const struct out_table *table, size_t done)
{
  struct strbuf b;
  size_t r, n = out_picked_count (table), *order;
  int status = 0;

  (void) done; /* Every record stands alone.  */

  order = xcalloc (n + 1, sizeof *order);
  for (r = 0; r < n; r++)
    order[r] = out_picked (table, r);
  strbuf_init (&b);
  strbuf_grow (&b, 2 * CSV_BLOCK); /* Once, not doubling up to it.  */
  for (r = 0; r < table->nrows && status == 0; r++)
    {
      append_record (&b, table, table->rows[r], order, n);
      if (b.len >= CSV_BLOCK)
        status = out_flush_block (fp, &b);
    }
  if (status == 0)
    status = out_flush_block (fp, &b);
  strbuf_release (&b);
  free (order);
  return status;
}

/* Write TABLE to FP as csv: a header row of the keys of all columns,
   then one record per row, each ended by "\n".  Return 0, or -1 with
   errno set if a write failed.  */
int
out_write_csv (FILE *fp, enum out_layout layout, const struct out_table *table)
{
  (void) layout; /* One layout: the format is the layout.  */

  if (out_csv_head (fp, table, 0) != 0)
    return -1;
  return out_csv_rows (fp, table, 0);
}
