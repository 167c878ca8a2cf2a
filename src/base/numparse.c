/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Strict, locale-independent parsing of numbers and durations.  */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numparse.h"
#include "base/system.h"

/* The characters a decimal number may contain.  Checking them first
   keeps strtod from accepting "nan", "inf", hex floats and whatever a
   locale would add.  */
static const char number_chars[] = "0123456789+-.eE";

locale_t
numparse_c_locale (void)
{
  static locale_t c;

  if (c == (locale_t) 0)
    c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  return c;
}

/* Skip blanks at both ends of S: set *BEGIN to the first non-blank and
   return the length of the trimmed text.  */
static size_t
trim (const char *s, const char **begin)
{
  size_t n;

  while (isspace ((unsigned char) *s))
    s++;
  n = strlen (s);
  while (n > 0 && isspace ((unsigned char) s[n - 1]))
    n--;
  *begin = s;
  return n;
}

/* Powers of ten that doubles hold exactly.  */
static const double exact_tens[]
  = { 1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };

/* The common case of the data tables, "[-]digits[.digits]" with at most
   15 digits: the digits form an integer M below 2^53 and the value is
   M / 10^K, both exact doubles, so one division gives the correctly
   rounded result, the same double strtod gives (Clinger's fast path),
   at a fraction of its cost.  Returns false for anything else.  */
static bool
parse_simple (const char *s, size_t n, double *out)
{
  size_t i = 0, digits = 0, decimals = 0;
  bool negative = false, point = false;
  long long m = 0;

  if (n > 0 && (s[0] == '-' || s[0] == '+'))
    {
      negative = s[0] == '-';
      i++;
    }
  for (; i < n; i++)
    {
      if (s[i] == '.' && !point)
        {
          point = true;
          continue;
        }
      if (s[i] < '0' || s[i] > '9')
        return false;
      if (++digits > 15)
        return false;
      m = m * 10 + (s[i] - '0');
      decimals += point;
    }
  if (digits == 0)
    return false;
  *out = (double) m / exact_tens[decimals];
  if (negative)
    *out = -*out;
  return true;
}

/* Parse exactly the N characters at S as a double.  */
static enum numparse_status
parse_span (const char *s, size_t n, double *out)
{
  char buf[64];
  char *end;
  double v;

  if (n == 0)
    return NUMPARSE_EMPTY;
  if (parse_simple (s, n, out))
    return NUMPARSE_OK;
  if (n >= sizeof buf)
    return NUMPARSE_SYNTAX;
  memcpy (buf, s, n);
  buf[n] = '\0';
  if (strspn (buf, number_chars) != n)
    return NUMPARSE_SYNTAX;
  errno = 0;
  /* The C locale's '.' whatever the caller's locale; if no locale object
     could be made, the process's own (main sets LC_NUMERIC to "C").  */
  if (numparse_c_locale () != (locale_t) 0)
    v = strtod_l (buf, &end, numparse_c_locale ());
  else
    v = strtod (buf, &end);
  if (end == buf || *end != '\0')
    return NUMPARSE_SYNTAX;
  if (errno == ERANGE && fabs (v) > 1.0)
    return NUMPARSE_RANGE;
  if (!isfinite (v))
    return NUMPARSE_RANGE;
  /* An underflow to a denormal or zero is a tiny number, not an error.  */
  *out = v;
  return NUMPARSE_OK;
}

/* parse_simple on the whole of the NUL-terminated S, without trimming
   or measuring it first: the fields of the data tables, a few hundred
   thousand a run, are mostly plain decimals with no blanks.  Returns
   false for anything else, which the full parse then reads.  */
static bool
parse_plain (const char *s, double *out)
{
  const char *p = s + (*s == '-' || *s == '+');
  const char *digits = p, *point = NULL;
  unsigned long long m = 0; /* Wraps past 15 digits, then refused.  */
  unsigned d;
  size_t n;

  while ((d = (unsigned) (unsigned char) *p - '0') <= 9)
    {
      m = m * 10 + d;
      p++;
    }
  if (*p == '.')
    {
      point = ++p;
      while ((d = (unsigned) (unsigned char) *p - '0') <= 9)
        {
          m = m * 10 + d;
          p++;
        }
    }
  n = (size_t) (p - digits) - (point != NULL);
  if (*p != '\0' || n == 0 || n > 15)
    return false;
  *out = (double) m / exact_tens[point != NULL ? (size_t) (p - point) : 0];
  if (*s == '-')
    *out = -*out;
  return true;
}

enum numparse_status
numparse_double (const char *s, double *out)
{
  const char *begin;
  size_t n;

  if (parse_plain (s, out))
    return NUMPARSE_OK;
  n = trim (s, &begin);

  return parse_span (begin, n, out);
}

enum numparse_status
numparse_long (const char *s, long *out)
{
  const char *begin;
  size_t n = trim (s, &begin);
  char buf[32];
  char *end;
  long v;
  size_t i = 0;

  if (n == 0)
    return NUMPARSE_EMPTY;
  if (n >= sizeof buf)
    return NUMPARSE_RANGE;
  memcpy (buf, begin, n);
  buf[n] = '\0';
  if (buf[0] == '+' || buf[0] == '-')
    i++;
  if (buf[i] == '\0' || strspn (buf + i, "0123456789") != n - i)
    return NUMPARSE_SYNTAX;
  errno = 0;
  v = strtol (buf, &end, 10);
  if (errno == ERANGE)
    return NUMPARSE_RANGE;
  *out = v;
  return NUMPARSE_OK;
}

/* Units of a duration, largest first, with their length in hours.  */
static const struct
{
  char unit;
  double hours;
} duration_units[] = {
  { 'd', 24.0 },
  { 'h', 1.0 },
  { 'm', 1.0 / 60.0 },
  { 's', 1.0 / 3600.0 },
};

enum numparse_status
numparse_duration (const char *s, double *hours)
{
  const char *p;
  size_t n = trim (s, &p);
  const char *end = p + n;
  size_t next_unit = 0;
  double total = 0.0;
  enum numparse_status st;

  if (n == 0)
    return NUMPARSE_EMPTY;

  /* A bare number means hours.  */
  if (strspn (p, "0123456789.") >= n)
    {
      st = parse_span (p, n, &total);
      if (st != NUMPARSE_OK)
        return st;
      *hours = total;
      return NUMPARSE_OK;
    }

  while (p < end)
    {
      size_t digits = strspn (p, "0123456789.");
      double part;
      size_t u;

      if (digits == 0 || p + digits >= end)
        return NUMPARSE_SYNTAX;
      st = parse_span (p, digits, &part);
      if (st != NUMPARSE_OK)
        return st == NUMPARSE_EMPTY ? NUMPARSE_SYNTAX : st;
      p += digits;
      for (u = next_unit; u < ARRAY_SIZE (duration_units); u++)
        if (duration_units[u].unit == *p)
          break;
      if (u == ARRAY_SIZE (duration_units))
        return NUMPARSE_SYNTAX;
      total += part * duration_units[u].hours;
      next_unit = u + 1;
      p++;
    }
  if (!isfinite (total))
    return NUMPARSE_RANGE;
  *hours = total;
  return NUMPARSE_OK;
}

const char *
numparse_strerror (enum numparse_status status)
{
  switch (status)
    {
    case NUMPARSE_OK:
      return "no error";
    case NUMPARSE_EMPTY:
      return "empty";
    case NUMPARSE_SYNTAX:
      return "not a number";
    case NUMPARSE_RANGE:
      return "out of range";
    }
  return "unknown error";
}
