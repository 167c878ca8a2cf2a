/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The markdown writer: a GitHub pipe table, aligned in the raw text.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "view/output-private.h"
#include "view/output-writers.h"
#include "view/output.h"
#include "base/system.h"
#include "base/xalloc.h"

/* Return the header cell of COL, "Label (unit)" or "Label", escaped;
   MASS, when not NULL, is the unit of a carbon column.
   The caller frees it.  */
static char *
header_cell (const struct out_column *col, const struct mass_column *mass)
{
  char *label = out_clean_text (out_column_label (col), true);
  struct strbuf cell;

  if (col->unit == NULL)
    return label;
  strbuf_init (&cell);
  strbuf_append (&cell, label);
  free (label);
  label = out_column_unit_human (col, mass, true);
  strbuf_printf (&cell, " (%s)", label);
  free (label);
  return cell.text;
}

/* Write CELL to FP padded to WIDTH, on the right if RIGHT_ALIGN.  */
static int
write_padded (FILE *fp, const char *cell, size_t width, bool right_align)
{
  size_t pad = width - out_text_width (cell);

  if (right_align && out_spaces (fp, pad) != 0)
    return -1;
  if (out_puts (fp, cell) != 0)
    return -1;
  if (!right_align && out_spaces (fp, pad) != 0)
    return -1;
  return 0;
}

/* Write line L of CELLS, the cells of TABLE, to FP as "| a | b |\n",
   each padded to its width in WIDTHS.  */
static int
write_line (FILE *fp, const struct out_table *table,
            const struct out_texts *cells, size_t l, const size_t *widths)
{
  size_t c;

  if (out_puts (fp, "|") != 0)
    return -1;
  for (c = 0; c < table->ncols; c++)
    {
      if (out_puts (fp, " ") != 0)
        return -1;
      if (write_padded (fp, out_texts_get (cells, l * table->ncols + c),
                        widths[c], out_column_numeric (&table->cols[c]))
          != 0)
        return -1;
      if (out_puts (fp, " |") != 0)
        return -1;
    }
  return out_puts (fp, "\n");
}

/* Write the delimiter row of TABLE to FP: "---:" under numeric columns,
   "---" under text ones, as wide as the column's WIDTHS entry.  */
static int
write_delimiters (FILE *fp, const struct out_table *table,
                  const size_t *widths)
{
  size_t c, i, dashes;
  bool numeric;

  if (out_puts (fp, "|") != 0)
    return -1;
  for (c = 0; c < table->ncols; c++)
    {
      numeric = out_column_numeric (&table->cols[c]);
      dashes = numeric ? widths[c] - 1 : widths[c];
      if (out_puts (fp, " ") != 0)
        return -1;
      for (i = 0; i < dashes; i++)
        if (putc ('-', fp) == EOF)
          return -1;
      if (numeric && out_puts (fp, ":") != 0)
        return -1;
      if (out_puts (fp, " |") != 0)
        return -1;
    }
  return out_puts (fp, "\n");
}

/* Write TABLE to FP as a GitHub pipe table of all its columns: a header
   row of "Label (unit)" cells (a carbon column in the unit of its
   largest figure), a delimiter row that right-aligns numeric
   columns, then the rows with each column's decimals, '|' in text
   escaped as "\|" and missing cells as "-".  Cells are padded so that
   the raw text lines up too.  Return 0, or -1 with errno set if a write
   failed.  */
int
out_write_markdown (FILE *fp, enum out_layout layout,
                    const struct out_table *table)
{
  size_t nlines = table->nrows + 1;
  size_t ncols = table->ncols;
  struct out_texts cells;
  size_t *widths = xcalloc (ncols, sizeof *widths);
  size_t l, c, width;
  int status = 0;
  int saved_errno;

  (void) layout; /* One layout: the format is the layout.  */

  out_texts_init (&cells, nlines * ncols);
  /* Line 0 is the header; line L > 0 is row L - 1.  */
  for (c = 0; c < ncols; c++)
    {
      const struct out_column *col = &table->cols[c];
      struct mass_column unit;
      const struct mass_column *mass
        = out_column_mass (table, c, &unit) ? &unit : NULL;

      widths[c] = out_column_numeric (col) ? 4 : 3;
      for (l = 0; l < nlines; l++)
        {
          out_texts_take (&cells, l * ncols + c,
                          l == 0 ? header_cell (col, mass)
                                 : out_cell_in_unit (
                                   col, &table->rows[l - 1][c], mass, true));
          width = out_text_width (out_texts_get (&cells, l * ncols + c));
          if (width > widths[c])
            widths[c] = width;
        }
    }

  status = write_line (fp, table, &cells, 0, widths);
  if (status == 0)
    status = write_delimiters (fp, table, widths);
  for (l = 1; l < nlines && status == 0; l++)
    status = write_line (fp, table, &cells, l, widths);

  saved_errno = errno;
  out_texts_free (&cells);
  free (widths);
  errno = saved_errno;
  return status;
}
