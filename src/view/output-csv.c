/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The csv writer: RFC 4180, a header row of column keys.  */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <csv.h>

#include "view/output-private.h"
#include "view/output-writers.h"
#include "view/output.h"
#include "base/system.h"

/* True if TEXT must be quoted: it holds a separator, a quote or a line
   end, or starts or ends with a blank, which libcsv (our own reader
   among others) would trim from a bare field.  */
static bool
needs_quotes (const char *text)
{
  size_t len = strlen (text);

  if (len == 0)
    return false;
  return (text[strcspn (text, ",\"\r\n")] != '\0' || text[0] == ' '
          || text[0] == '\t' || text[len - 1] == ' ' || text[len - 1] == '\t');
}

/* Write the field TEXT to FP, quoted only if it needs to be.  */
static int
write_text (FILE *fp, const char *text)
{
  if (needs_quotes (text))
    return csv_fwrite (fp, text, strlen (text)) == EOF ? -1 : 0;
  return out_puts (fp, text);
}

/* True if CELL is written as an empty field.  */
static bool
empty_cell (const struct out_cell *cell)
{
  return (cell->kind == OUT_CELL_MISSING
          || (cell->kind == OUT_CELL_TEXT && cell->text[0] == '\0'));
}

/* Write CELL of column COL to FP: nothing if missing, a number as
   out_format_machine does, text as write_text does.  ALONE says CELL is
   the only field of its record: then an empty field is written as "" so
   that the record is not a blank line, which readers skip.  */
static int
write_cell (FILE *fp, const struct out_column *col,
            const struct out_cell *cell, bool alone)
{
  char buf[OUT_NUMBER_SIZE];

  if (alone && empty_cell (cell))
    return out_puts (fp, "\"\"");
  switch (cell->kind)
    {
    case OUT_CELL_TEXT:
      return write_text (fp, cell->text);
    case OUT_CELL_NUMBER:
      out_format_machine (buf, col, cell->number);
      return out_puts (fp, buf);
    case OUT_CELL_MISSING:
    default:
      return 0;
    }
}

/* Write the header row of TABLE to FP: the keys of all columns, then
   "\n".  Return 0, or -1 with errno set if a write failed.  */
int
out_csv_head (FILE *fp, const struct out_table *table, size_t done)
{
  size_t c;

  (void) done; /* The header comes first.  */

  for (c = 0; c < table->ncols; c++)
    {
      if (c > 0 && putc (',', fp) == EOF)
        return -1;
      if (write_text (fp, table->cols[c].key) != 0)
        return -1;
    }
  if (putc ('\n', fp) == EOF)
    return -1;
  return 0;
}

/* Write the rows of TABLE to FP, one record each, ended by "\n".
   Return 0, or -1 with errno set if a write failed.  */
int
out_csv_rows (FILE *fp, const struct out_table *table, size_t done)
{
  size_t r, c;

  (void) done; /* Every record stands alone.  */

  for (r = 0; r < table->nrows; r++)
    {
      for (c = 0; c < table->ncols; c++)
        {
          if (c > 0 && putc (',', fp) == EOF)
            return -1;
          if (write_cell (fp, &table->cols[c], &table->rows[r][c],
                          table->ncols == 1)
              != 0)
            return -1;
        }
      if (putc ('\n', fp) == EOF)
        return -1;
    }
  return 0;
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
