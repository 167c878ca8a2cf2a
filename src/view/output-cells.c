/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The cells as the writers see them: number formatting (machine and
   human), one-line text, column labels and widths, and the small write
   helpers every writer shares.  The writers call these; nothing here
   calls a writer.  */
#include <config.h>

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/numparse.h"
#include "base/strbuf.h"
#include "view/output-private.h"
#include "view/output.h"
#include "base/system.h"
#include "base/xalloc.h"

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

/* Format VALUE into BUF of SIZE bytes with "%.12g", -0 written as 0,
   as numfmt_g12 does.  The decimal point is '.' whatever the locale.  A
   NaN or infinite VALUE gives "nan" or "inf": callers write those as
   missing instead.  */
void
out_format_number (char *buf, size_t size, double value)
{
  char tmp[NUMFMT_SIZE];
  size_t n;

  if (size == 0)
    return;
  if (size >= NUMFMT_SIZE)
    {
      numfmt_g12 (buf, value);
      return;
    }
  n = numfmt_g12 (tmp, value);
  if (n >= size)
    n = size - 1;
  memcpy (buf, tmp, n);
  buf[n] = '\0';
}

/* Format VALUE of column COL into BUF for csv and json; see
   output-private.h.  */
struct out_memo_slot out_memo[1 << OUT_MEMO_BITS];

size_t
out_format_machine_miss (char *buf, double value, struct out_memo_slot *slot)
{
  uint64_t bits;
  size_t n;

  if (slot == NULL)
    {
      /* Whole numbers below 2^53 are exact in a double: print the
         integer directly, as %.0f would; OUT_INTEGER cells are whole
         (the cast drops nothing) and never -0.  */
      if (fabs (value) < 9007199254740992.0)
        return numfmt_int (buf, (long long) value);
      c_snprintf (buf, OUT_NUMBER_SIZE, "%.0f", value);
      drop_negative_zero (buf);
      return strlen (buf);
    }
  n = numfmt_g12 (buf, value);
  if (n < OUT_MEMO_TEXT)
    {
      memcpy (&bits, &value, sizeof bits);
      slot->bits = bits;
      memcpy (slot->text, buf, n + 1);
      slot->len = (unsigned char) n;
    }
  return n;
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

/* The OUT_PLAIN_* bits a byte of a text rules out.  */
static unsigned char byte_rules_out[256];

static void
byte_rules_out_init (void)
{
  for (int c = 0; c < 0x20; c++)
    byte_rules_out[c] = OUT_PLAIN_JSON;
  byte_rules_out['"'] = OUT_PLAIN_CSV | OUT_PLAIN_JSON;
  byte_rules_out['\\'] = OUT_PLAIN_JSON;
  byte_rules_out[','] = OUT_PLAIN_CSV;
  byte_rules_out['\r'] |= OUT_PLAIN_CSV;
  byte_rules_out['\n'] |= OUT_PLAIN_CSV;
}

unsigned char
out_text_plain (const char *text, size_t *len)
{
  const unsigned char *p = (const unsigned char *) text;
  unsigned char out = 0;
  size_t n, i;

  if (byte_rules_out['"'] == 0)
    byte_rules_out_init ();
  n = strlen (text);
  /* Four bytes a step, without a test for the end in each.  */
  for (i = 0; i + 4 <= n; i += 4)
    out |= byte_rules_out[p[i]] | byte_rules_out[p[i + 1]]
           | byte_rules_out[p[i + 2]] | byte_rules_out[p[i + 3]];
  for (; i < n; i++)
    out |= byte_rules_out[p[i]];
  /* libcsv, our own reader among others, trims blanks from the ends of
     a bare field.  */
  if (n > 0
      && (p[0] == ' ' || p[0] == '\t' || p[n - 1] == ' ' || p[n - 1] == '\t'))
    out |= OUT_PLAIN_CSV;
  *len = n;
  return (unsigned char) (~out & (OUT_PLAIN_CSV | OUT_PLAIN_JSON));
}

void
out_texts_init (struct out_texts *t, size_t n)
{
  strbuf_init (&t->text);
  t->at = xcalloc (n > 0 ? n : 1, sizeof *t->at);
  for (size_t i = 0; i < n; i++)
    t->at[i] = SIZE_MAX;
}

void
out_texts_take (struct out_texts *t, size_t i, char *text)
{
  t->at[i] = t->text.len;
  strbuf_append_len (&t->text, text, strlen (text) + 1);
  free (text);
}

void
out_texts_free (struct out_texts *t)
{
  strbuf_release (&t->text);
  free (t->at);
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

/* Grams in one of COL's base unit: "kgCO2e" columns hold kilograms,
   other carbon columns grams.  */
static double
carbon_scale (const struct out_column *col)
{
  return col->unit != NULL && strncmp (col->unit, "kg", 2) == 0 ? 1e3 : 1.0;
}

bool
out_column_mass (const struct out_table *table, size_t c,
                 struct mass_column *mass)
{
  const struct out_column *col = &table->cols[c];
  double largest = 0.0, smallest = 0.0;

  if (!(col->flags & OUT_COL_CARBON))
    return false;
  for (size_t r = 0; r < table->nrows; r++)
    {
      const struct out_cell *cell = &table->rows[r][c];
      if (cell->kind != OUT_CELL_NUMBER || !(fabs (cell->number) > 0.0))
        continue;
      double v = fabs (cell->number);
      largest = fmax (largest, v);
      smallest = smallest > 0.0 ? fmin (smallest, v) : v;
    }
  *mass = mass_column_span (smallest * carbon_scale (col),
                            largest * carbon_scale (col));
  return true;
}

bool
out_cell_mass (const struct out_column *col, const struct out_cell *cell,
               struct mass_column *mass)
{
  if (!(col->flags & OUT_COL_CARBON) || cell->kind != OUT_CELL_NUMBER)
    return false;
  *mass = mass_column_for (cell->number * carbon_scale (col));
  return true;
}

char *
out_column_unit_human (const struct out_column *col,
                       const struct mass_column *mass, bool markdown)
{
  if (col->unit == NULL)
    return NULL;
  if (mass == NULL)
    return out_clean_text (col->unit, markdown);
  /* Past the base unit's symbol: "CO2e".  */
  const char *gas = col->unit + (carbon_scale (col) > 1.0 ? 2 : 1);
  struct strbuf b;
  strbuf_init (&b);
  strbuf_printf (&b, "%s%s", mass->unit.symbol, gas);
  char *clean = out_clean_text (b.text, markdown);
  strbuf_release (&b);
  return clean;
}

char *
out_cell_in_unit (const struct out_column *col, const struct out_cell *cell,
                  const struct mass_column *mass, bool markdown)
{
  if (mass == NULL || cell->kind != OUT_CELL_NUMBER)
    return out_cell_human (col, cell, markdown);
  struct strbuf b;
  strbuf_init (&b);
  quantity_in_column (&b, cell->number * carbon_scale (col), mass);
  return b.text;
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

  for (p = (const unsigned char *) text; *p != '\0'; p++)
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

int
out_flush_block (FILE *fp, struct strbuf *b)
{
  int status = 0;

  if (b->len > 0 && fwrite (b->text, 1, b->len, fp) != b->len)
    status = -1;
  strbuf_reset (b);
  return status;
}
