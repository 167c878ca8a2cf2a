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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Powers of ten that doubles hold exactly.  */
static const double exact_tens[]
  = { 1e0, 1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7, 1e8,
      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16 };

/* Write the decimal digits of M (below 10^13) into BUF, returning their
   count.  */
static size_t
put_digits (char *buf, long long m)
{
  char tmp[24];
  size_t n = 0, i;

  do
    {
      tmp[n++] = (char) ('0' + m % 10);
      m /= 10;
    }
  while (m > 0);
  for (i = 0; i < n; i++)
    buf[i] = tmp[n - 1 - i];
  return n;
}

/* Round the exact product A x TEN (TEN an exact power of ten) to the
   nearest integer, ties to even, as printf rounds the exact binary value.
   The double product is rounded once; it can only hide which side of a
   half the exact value lies when it lands exactly on the half, and there
   fma gives the exact remainder.  */
static long long
round_scaled (double a, double ten)
{
  double scaled = a * ten;
  double whole = floor (scaled);
  double frac = scaled - whole;
  double rest;

  if (frac < 0.5)
    return (long long) whole;
  if (frac > 0.5)
    return (long long) whole + 1;
  rest = fma (a, ten, -scaled);
  if (rest > 0.0)
    return (long long) whole + 1;
  if (rest < 0.0)
    return (long long) whole;
  return (long long) whole + ((long long) whole % 2 != 0);
}

/* "%.12g" for the values csv and json mostly hold, 1e-4 <= |VALUE| <
   1e12, without printf: glibc's exact decimal expansion costs about two
   thousand instructions a number, and advise --all writes hundreds of
   thousands.  VALUE is scaled by an exact power of ten to twelve integer
   digits and rounded exactly (round_scaled), so the text is the same as
   printf's.  Returns false when VALUE is outside that range, or when the
   scale came out wrong next to a power of ten, for printf to handle.  */
static bool
format_12g_fast (char *buf, size_t size, double value)
{
  double a = fabs (value);
  char digits[16];
  long long m;
  size_t nd, p = 0, i;
  int e;

  if (!(a >= 1e-4 && a < 1e12) || size < 24)
    return false;
  e = (int) floor (log10 (a));
  if (e < -4 || e > 11)
    return false;
  m = round_scaled (a, exact_tens[11 - e]);
  if (m == 1000000000000LL)
    {
      /* Rounding carried into a thirteenth digit: 9.99...96 became 10.  */
      m /= 10;
      e++;
      if (e > 11)
        return false;
    }
  nd = put_digits (digits, m);
  /* log10 off by one next to a power of ten: let printf do it.  */
  if (nd != 12)
    return false;
  /* Drop trailing zeros of the fraction, as %g does.  */
  while (nd > 1 && digits[nd - 1] == '0' && (int) nd > e + 1)
    nd--;
  if (value < 0)
    buf[p++] = '-';
  if (e >= 0)
    {
      for (i = 0; i < (size_t) e + 1; i++)
        buf[p++] = digits[i];
      if (nd > (size_t) e + 1)
        {
          buf[p++] = '.';
          for (; i < nd; i++)
            buf[p++] = digits[i];
        }
    }
  else
    {
      buf[p++] = '0';
      buf[p++] = '.';
      for (i = 0; i < (size_t) (-e - 1); i++)
        buf[p++] = '0';
      for (i = 0; i < nd; i++)
        buf[p++] = digits[i];
    }
  buf[p] = '\0';
  return true;
}

/* Format VALUE into BUF of SIZE bytes with "%.12g", -0 written as 0.
   The decimal point is '.' whatever the locale.  A NaN or infinite VALUE
   gives "nan" or "inf": callers write those as missing instead.  */
void
out_format_number (char *buf, size_t size, double value)
{
  if (size == 0)
    return;
  if (!format_12g_fast (buf, size, value))
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
      /* Whole numbers below 2^53 are exact in a double: print the
         integer directly, as %.0f would.  */
      if (fabs (value) < 9007199254740992.0 && OUT_NUMBER_SIZE >= 24)
        {
          long long m = llround (value);
          size_t p = 0;

          if (m < 0)
            {
              buf[p++] = '-';
              m = -m;
            }
          buf[p + put_digits (buf + p, m)] = '\0';
        }
      else
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
