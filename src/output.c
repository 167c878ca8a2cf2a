/* Result tables, number formatting and the format table.  */
#include <config.h>

#include <assert.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numparse.h"
#include "output-private.h"
#include "output.h"
#include "system.h"
#include "xalloc.h"

/* The format table: a name for each enum out_format.  */
static const struct
{
  const char *name;
  enum out_format format;
} formats[] = {
  { "table", OUT_FORMAT_TABLE },
  { "csv", OUT_FORMAT_CSV },
  { "json", OUT_FORMAT_JSON },
  { "markdown", OUT_FORMAT_MARKDOWN },
};

/* Look NAME up in the format table, case-sensitively.  Return 0 with the
   format in *FORMAT, or -1 if NAME is NULL or none of the names.  */
int
out_format_parse (const char *name, enum out_format *format)
{
  size_t i;

  if (name == NULL)
    return -1;
  for (i = 0; i < ARRAY_SIZE (formats); i++)
    if (STREQ (name, formats[i].name))
      {
        *format = formats[i].format;
        return 0;
      }
  return -1;
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
  table->rows_alloc = 0;
  return table;
}

/* Free TABLE, its rows and its text copies; TABLE may be NULL.  */
void
out_table_free (struct out_table *table)
{
  size_t r, c;

  if (table == NULL)
    return;
  for (r = 0; r < table->nrows; r++)
    {
      for (c = 0; c < table->ncols; c++)
        free (table->rows[r][c].text);
      free (table->rows[r]);
    }
  free (table->rows);
  free (table);
}

/* Append a row of missing cells to TABLE.  */
void
out_table_add_row (struct out_table *table)
{
  struct out_cell *row;
  size_t c;

  if (table->nrows == table->rows_alloc)
    {
      table->rows_alloc = table->rows_alloc == 0 ? 8 : 2 * table->rows_alloc;
      table->rows = xreallocarray (table->rows, table->rows_alloc,
                                   sizeof *table->rows);
    }
  row = xcalloc (table->ncols, sizeof *row);
  for (c = 0; c < table->ncols; c++)
    {
      row[c].kind = OUT_CELL_MISSING;
      row[c].text = NULL;
      row[c].number = 0;
    }
  table->rows[table->nrows++] = row;
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
  free (cell->text);
  cell->text = NULL;
  cell->kind = OUT_CELL_MISSING;
  return cell;
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
      cell->text = xstrdup (text);
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
  int status;

  switch (format)
    {
    case OUT_FORMAT_TABLE:
      status = out_write_table (fp, layout, table);
      break;
    case OUT_FORMAT_CSV:
      status = out_write_csv (fp, table);
      break;
    case OUT_FORMAT_JSON:
      status = out_write_json (fp, table);
      break;
    case OUT_FORMAT_MARKDOWN:
      status = out_write_markdown (fp, table);
      break;
    default:
      errno = EINVAL;
      return -1;
    }
  if (status != 0)
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

/* snprintf under the C numeric locale, so numbers always have a '.'
   point whatever locale the caller runs in.  */
static void __attribute__ ((format (printf, 3, 4)))
c_snprintf (char *buf, size_t size, const char *fmt, ...)
{
  locale_t c = numparse_c_locale ();
  locale_t old = c != (locale_t) 0 ? uselocale (c) : (locale_t) 0;
  va_list ap;

  va_start (ap, fmt);
  vsnprintf (buf, size, fmt, ap);
  va_end (ap);
  if (old != (locale_t) 0)
    uselocale (old);
}

/* Turn a formatted "-0", "-0.00" and the like in BUF into "0", "0.00":
   a value that rounds to zero is written without a sign.  */
static void
drop_negative_zero (char *buf)
{
  if (buf[0] == '-' && buf[1 + strspn (buf + 1, "0.")] == '\0')
    memmove (buf, buf + 1, strlen (buf));
}

/* Format VALUE into BUF of SIZE bytes with "%.12g", -0 written as 0.
   The decimal point is '.' because main sets LC_NUMERIC to "C".  A NaN
   or infinite VALUE gives "nan" or "inf": callers write those as missing
   instead.  */
void
out_format_number (char *buf, size_t size, double value)
{
  if (size == 0)
    return;
  c_snprintf (buf, size, "%.12g", value);
  drop_negative_zero (buf);
}

/* Format VALUE of column COL into BUF for csv and json; see
   output-private.h.  */
void
out_format_machine (char *buf, const struct out_column *col, double value)
{
  if (col->kind == OUT_INTEGER)
    {
      c_snprintf (buf, OUT_NUMBER_SIZE, "%.0f", value);
      drop_negative_zero (buf);
    }
  else
    out_format_number (buf, OUT_NUMBER_SIZE, value);
}

/* Format VALUE of column COL into BUF with COL's decimals for people;
   see output-private.h.  */
void
out_format_human (char *buf, const struct out_column *col, double value)
{
  int decimals = col->decimals;

  switch (col->kind)
    {
    case OUT_TEXT:
      out_format_number (buf, OUT_NUMBER_SIZE, value);
      return;
    case OUT_INTEGER:
      decimals = 0;
      break;
    case OUT_NUMBER:
    default:
      break;
    }
  if (decimals < 0)
    decimals = 0;
  else if (decimals > OUT_MAX_DECIMALS)
    decimals = OUT_MAX_DECIMALS;
  c_snprintf (buf, OUT_NUMBER_SIZE, "%.*f", decimals, value);
  drop_negative_zero (buf);
}

/* Return a one-line copy of TEXT, with '|' escaped if MARKDOWN.  The
   caller frees it.  */
char *
out_clean_text (const char *text, bool markdown)
{
  size_t pipes = 0;
  const char *p;
  char *clean, *q;

  if (markdown)
    for (p = text; *p != '\0'; p++)
      if (*p == '|')
        pipes++;
  clean = xmalloc (strlen (text) + pipes + 1);
  for (p = text, q = clean; *p != '\0'; p++)
    {
      unsigned char c = *p;

      if (c < 0x20 || c == 0x7f)
        *q++ = ' ';
      else if (markdown && c == '|')
        {
          *q++ = '\\';
          *q++ = '|';
        }
      else
        *q++ = c;
    }
  *q = '\0';
  return clean;
}

/* Return CELL of column COL as people see it.  The caller frees it.  */
char *
out_cell_human (const struct out_column *col, const struct out_cell *cell,
                bool markdown)
{
  char buf[OUT_NUMBER_SIZE];

  switch (cell->kind)
    {
    case OUT_CELL_TEXT:
      return out_clean_text (cell->text, markdown);
    case OUT_CELL_NUMBER:
      out_format_human (buf, col, cell->number);
      return xstrdup (buf);
    case OUT_CELL_MISSING:
    default:
      return xstrdup ("-");
    }
}

/* Return the label of COL, or its key if it has none.  */
const char *
out_column_label (const struct out_column *col)
{
  return col->label != NULL ? col->label : col->key;
}

/* True if COL holds numbers.  */
bool
out_column_numeric (const struct out_column *col)
{
  return col->kind == OUT_NUMBER || col->kind == OUT_INTEGER;
}

/* Return the number of UTF-8 code points in TEXT.  */
size_t
out_text_width (const char *text)
{
  size_t width = 0;
  const unsigned char *p;

  for (p = (const unsigned char *)text; *p != '\0'; p++)
    if ((*p & 0xC0) != 0x80)
      width++;
  return width;
}

/* Write S to FP.  Return 0, or -1 with errno set.  */
int
out_puts (FILE *fp, const char *s)
{
  return fputs (s, fp) == EOF ? -1 : 0;
}

/* Write N spaces to FP.  Return 0, or -1 with errno set.  */
int
out_spaces (FILE *fp, size_t n)
{
  for (; n > 0; n--)
    if (putc (' ', fp) == EOF)
      return -1;
  return 0;
}
