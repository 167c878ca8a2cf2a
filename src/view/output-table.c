/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The table writer, for people: aligned columns, or one line per field.  */
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

/* Columns are separated by this many spaces, and so are labels and
   values in the vertical layout.  */
enum
{
  GAP = 2
};

/* One output line, built up and then written without trailing blanks.  */
struct line
{
  char *text;
  size_t len;
  size_t alloc;
};

/* Make room in LINE for N more bytes and a NUL.  */
static void
line_reserve (struct line *line, size_t n)
{
  if (line->alloc - line->len < n + 1)
    {
      while (line->alloc - line->len < n + 1)
        line->alloc = line->alloc == 0 ? 128 : 2 * line->alloc;
      line->text = xreallocarray (line->text, line->alloc, 1);
    }
}

/* Append TEXT to LINE.  */
static void
line_add (struct line *line, const char *text)
{
  size_t n = strlen (text);

  line_reserve (line, n);
  memcpy (line->text + line->len, text, n + 1);
  line->len += n;
}

/* Append N spaces to LINE.  */
static void
line_pad (struct line *line, size_t n)
{
  line_reserve (line, n);
  memset (line->text + line->len, ' ', n);
  line->len += n;
  line->text[line->len] = '\0';
}

/* Append TEXT to LINE padded to WIDTH, on the left if RIGHT_ALIGN.  */
static void
line_add_padded (struct line *line, const char *text, size_t width,
                 bool right_align)
{
  size_t pad = width - out_text_width (text);

  if (right_align)
    line_pad (line, pad);
  line_add (line, text);
  if (!right_align)
    line_pad (line, pad);
}

/* Write LINE to FP without its trailing blanks, then a newline, and
   empty LINE.  */
static int
line_write (FILE *fp, struct line *line)
{
  while (line->len > 0 && line->text[line->len - 1] == ' ')
    line->len--;
  line_reserve (line, 0);
  line->text[line->len] = '\0';
  line->len = 0;
  if (out_puts (fp, line->text) != 0)
    return -1;
  return out_puts (fp, "\n");
}

/* Return "(UNIT)" for COL, UNIT as out_column_unit_human gives it, or
   "" if it has no unit.  The caller frees it.  */
static char *
unit_cell (const struct out_column *col, const struct mass_column *mass)
{
  char *unit = out_column_unit_human (col, mass, false);
  struct strbuf cell;

  if (unit == NULL)
    return xstrdup ("");
  strbuf_init (&cell);
  strbuf_printf (&cell, "(%s)", unit);
  free (unit);
  return cell.text;
}

/* Write TABLE to FP in the wide layout: the columns without
   OUT_COL_MACHINE, a line of labels, a line of "(unit)" unless no column
   has a unit (a carbon column in the unit of its largest figure), then one
   line per row; numeric columns are right-aligned, text ones left-aligned, two
   spaces apart.  */
static int
write_wide (FILE *fp, const struct out_table *table)
{
  /* Line 0 holds the labels, line 1 the units, line L > 1 row L - 2;
     the cells of the shown columns only, SHOWN[S] the S-th of them.  */
  size_t nlines = table->nrows + 2;
  size_t *shown = xcalloc (table->ncols + 1, sizeof *shown);
  size_t *widths = xcalloc (table->ncols + 1, sizeof *widths);
  struct out_texts cells;
  struct line line = { NULL, 0, 0 };
  bool any_unit = false;
  size_t l, c, s, nshown = 0, width;
  int status = 0;
  int saved_errno;

  for (c = 0; c < table->ncols; c++)
    if (!(table->cols[c].flags & OUT_COL_MACHINE))
      shown[nshown++] = c;
  out_texts_init (&cells, nlines * nshown);
  for (s = 0; s < nshown; s++)
    {
      const struct out_column *col = &table->cols[shown[s]];
      struct mass_column unit;
      const struct mass_column *mass = NULL;

      if (out_column_mass (table, shown[s], &unit))
        mass = &unit;
      if (col->unit != NULL)
        any_unit = true;
      for (l = 0; l < nlines; l++)
        {
          char *cell;

          if (l == 0)
            cell = out_clean_text (out_column_label (col), false);
          else if (l == 1)
            cell = unit_cell (col, mass);
          else
            cell = out_cell_in_unit (col, &table->rows[l - 2][shown[s]], mass,
                                     false);
          width = out_text_width (cell);
          if (width > widths[s])
            widths[s] = width;
          out_texts_take (&cells, l * nshown + s, cell);
        }
    }

  for (l = 0; l < nlines && status == 0 && nshown > 0; l++)
    {
      if (l == 1 && !any_unit)
        continue;
      for (s = 0; s < nshown; s++)
        {
          if (s > 0)
            line_pad (&line, GAP);
          line_add_padded (&line, out_texts_get (&cells, l * nshown + s),
                           widths[s],
                           out_column_numeric (&table->cols[shown[s]]));
        }
      status = line_write (fp, &line);
    }

  saved_errno = errno;
  out_texts_free (&cells);
  free (shown);
  free (widths);
  free (line.text);
  errno = saved_errno;
  return status;
}

/* Append CELL of column COL to LINE as the vertical layout shows it:
   the value and, unless it is missing, a space and the unit; a carbon
   figure in the unit it reads best in ("1.08 kgCO2e").  */
static void
add_vertical_value (struct line *line, const struct out_column *col,
                    const struct out_cell *cell)
{
  struct mass_column unit;
  const struct mass_column *mass = NULL;

  if (out_cell_mass (col, cell, &unit))
    mass = &unit;
  char *value = out_cell_in_unit (col, cell, mass, false);
  line_add (line, value);
  free (value);
  if (cell->kind == OUT_CELL_MISSING || col->unit == NULL)
    return;
  value = out_column_unit_human (col, mass, false);
  line_add (line, " ");
  line_add (line, value);
  free (value);
}

/* Write TABLE to FP in the vertical layout: for each row, one line per
   column (all of them) with the label padded to the widest label, two
   spaces, the value and, unless the value is missing, a space and the
   unit (a carbon figure in its own unit); a blank line between rows.  */
static int
write_vertical (FILE *fp, const struct out_table *table)
{
  char **labels = xcalloc (table->ncols, sizeof *labels);
  struct line line = { NULL, 0, 0 };
  size_t label_width = 0, width;
  size_t r, c;
  int status = 0;
  int saved_errno;

  for (c = 0; c < table->ncols; c++)
    {
      labels[c] = out_clean_text (out_column_label (&table->cols[c]), false);
      width = out_text_width (labels[c]);
      if (width > label_width)
        label_width = width;
    }

  for (r = 0; r < table->nrows && status == 0; r++)
    {
      if (r > 0)
        status = out_puts (fp, "\n");
      for (c = 0; c < table->ncols && status == 0; c++)
        {
          const struct out_column *col = &table->cols[c];
          const struct out_cell *cell = &table->rows[r][c];

          line_add_padded (&line, labels[c], label_width, false);
          line_pad (&line, GAP);
          add_vertical_value (&line, col, cell);
          status = line_write (fp, &line);
        }
    }

  saved_errno = errno;
  for (c = 0; c < table->ncols; c++)
    free (labels[c]);
  free (labels);
  free (line.text);
  errno = saved_errno;
  return status;
}

/* Write TABLE to FP for people, in LAYOUT.  No line ends in blanks.
   Return 0, or -1 with errno set if a write failed.  */
int
out_write_table (FILE *fp, enum out_layout layout,
                 const struct out_table *table)
{
  if (layout == OUT_LAYOUT_VERTICAL)
    return write_vertical (fp, table);
  return write_wide (fp, table);
}
