/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The csv writer: RFC 4180, a header row of column keys.  */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "view/output-private.h"
#include "view/output-writers.h"
#include "view/output.h"
#include "base/system.h"

/* The csv text is built in one buffer and handed to stdio in blocks
   of about this many bytes: no per-field calls, no per-field
   allocation.  */
enum
{
  CSV_BLOCK = 1 << 16
};

/* Append the field TEXT to B, quoted as libcsv's csv_fwrite quotes
   (inner quotes doubled) only if it must be: it holds a separator, a
   quote or a line end, or starts or ends with a blank, which libcsv
   (our own reader among others) would trim from a bare field.  */
static void
append_text (struct strbuf *b, const char *text)
{
  size_t len = strlen (text), i;
  char *p;

  if (len == 0)
    return;
  if (text[strcspn (text, ",\"\r\n")] == '\0' && text[0] != ' '
      && text[0] != '\t' && text[len - 1] != ' ' && text[len - 1] != '\t')
    {
      memcpy (strbuf_reserve (b, len), text, len);
      strbuf_added (b, len);
      return;
    }
  p = strbuf_reserve (b, 2 * len + 2);
  *p++ = '"';
  for (i = 0; i < len; i++)
    {
      if (text[i] == '"')
        *p++ = '"';
      *p++ = text[i];
    }
  *p++ = '"';
  strbuf_added (b, (size_t) (p - (b->text + b->len)));
}

/* True if CELL is written as an empty field.  */
static bool
empty_cell (const struct out_cell *cell)
{
  return (cell->kind == OUT_CELL_MISSING
          || (cell->kind == OUT_CELL_TEXT && cell->text[0] == '\0'));
}

/* Append CELL of column COL to B: nothing if missing, a number as
   out_format_machine does, text as append_text does.  ALONE says CELL
   is the only field of its record: then an empty field is written as
   "" so that the record is not a blank line, which readers skip.  */
static void
append_cell (struct strbuf *b, const struct out_column *col,
             const struct out_cell *cell, bool alone)
{
  size_t n;

  if (alone && empty_cell (cell))
    {
      strbuf_append_len (b, "\"\"", 2);
      return;
    }
  switch (cell->kind)
    {
    case OUT_CELL_TEXT:
      append_text (b, cell->text);
      break;
    case OUT_CELL_NUMBER:
      /* Formatted in place: OUT_NUMBER_SIZE fits any number.  */
      n = out_format_machine (strbuf_reserve (b, OUT_NUMBER_SIZE), col,
                              cell->number);
      strbuf_added (b, n);
      break;
    case OUT_CELL_MISSING:
    default:
      break;
    }
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
  size_t r, c, n = out_picked_count (table);
  int status = 0;

  (void) done; /* Every record stands alone.  */

  strbuf_init (&b);
  for (r = 0; r < table->nrows && status == 0; r++)
    {
      const struct out_cell *row = table->rows[r];

      for (c = 0; c < n; c++)
        {
          size_t k = out_picked (table, c);

          if (c > 0)
            {
              *strbuf_reserve (&b, 1) = ',';
              strbuf_added (&b, 1);
            }
          append_cell (&b, &table->cols[k], &row[k], n == 1);
        }
      *strbuf_reserve (&b, 1) = '\n';
      strbuf_added (&b, 1);
      if (b.len >= CSV_BLOCK)
        status = out_flush_block (fp, &b);
    }
  if (status == 0)
    status = out_flush_block (fp, &b);
  strbuf_release (&b);
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
