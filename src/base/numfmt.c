/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Numbers as text without printf.  */
#include <config.h>

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/numparse.h"

/* "00" to "99", two digits a step.  */
static const char digit_pairs[201]
  = "00010203040506070809101112131415161718192021222324252627282930313233343"
    "53637383940414243444546474849505152535455565758596061626364656667686970"
    "7172737475767778798081828384858687888990919293949596979899";

/* Powers of ten that doubles hold exactly.  */
static const double exact_tens[]
  = { 1e0, 1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7, 1e8,
      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16 };

/* Write the ND decimal digits of M (M below 10^ND, ND at most 6) into
   BUF, with leading zeros.  */
static void
put_small (char *buf, uint32_t m, size_t nd)
{
  size_t i = nd;

  while (i >= 2)
    {
      uint32_t q = m % 100;
      m /= 100;
      i -= 2;
      memcpy (buf + i, digit_pairs + 2 * q, 2);
    }
  if (i == 1)
    buf[0] = (char) ('0' + m);
}

/* The same for any ND: six digits at a time, in 32-bit steps.  */
static void
put_fixed (char *buf, uint64_t m, size_t nd)
{
  while (nd > 6)
    {
      put_small (buf + nd - 6, (uint32_t) (m % 1000000), 6);
      m /= 1000000;
      nd -= 6;
    }
  put_small (buf, (uint32_t) m, nd);
}

/* The number of decimal digits of M.  */
static size_t
count_digits (uint64_t m)
{
  size_t n = 1;

  while (m >= 10)
    {
      m /= 10;
      n++;
    }
  return n;
}

size_t
numfmt_int (char *buf, long long v)
{
  uint64_t m = v < 0 ? -(uint64_t) v : (uint64_t) v;
  size_t p = 0, nd = count_digits (m);

  if (v < 0)
    buf[p++] = '-';
  put_fixed (buf + p, m, nd);
  p += nd;
  buf[p] = '\0';
  return p;
}

/* Round the exact product A x TEN (TEN an exact power of ten, the
   product below 2^53) to the nearest integer, ties to even, as printf
   rounds the exact binary value.  The double product is rounded once;
   it can only hide which side of a half the exact value lies when it
   lands exactly on the half, and there fma gives the exact rest.  */
static uint64_t
round_scaled (double a, double ten)
{
  double scaled = a * ten;
  uint64_t whole = (uint64_t) scaled;
  double frac = scaled - (double) whole;
  double rest;

  if (frac < 0.5)
    return whole;
  if (frac > 0.5)
    return whole + 1;
  rest = fma (a, ten, -scaled);
  if (rest > 0.0)
    return whole + 1;
  if (rest < 0.0)
    return whole;
  return whole + (whole % 2 != 0);
}

/* The decimal exponent of A (1e-4 <= A < 1e12), perhaps one too
   small: from its binary exponent, log10(2) ~ 78913 / 2^18.  */
static int
estimate_exponent (double a)
{
  uint64_t bits;
  int e2;

  memcpy (&bits, &a, sizeof bits);
  e2 = (int) ((bits >> 52) & 0x7ff) - 1023; /* A is normal.  */
  /* floor (e2 x log10 (2)), exact for |e2| < 2^11; the division
     rounds toward zero, so negative products are stepped down.  */
  return (e2 * 78913 - (e2 < 0 ? 262143 : 0)) / 262144;
}

/* The fast path of numfmt_g12: twelve significant digits M of A, whose
   decimal exponent is *E, or false if A is out of range.  */
static bool
twelve_digits (double a, uint64_t *m, int *e)
{
  int x = estimate_exponent (a);
  int tries;

  for (tries = 0; tries < 3; tries++)
    {
      if (x < -4 || x > 11)
        return false;
      *m = round_scaled (a, exact_tens[11 - x]);
      if (*m < UINT64_C (100000000000))
        x--;
      else if (*m > UINT64_C (1000000000000))
        x++;
      else
        {
          if (*m == UINT64_C (1000000000000))
            {
              /* Rounding carried into a thirteenth digit.  */
              *m /= 10;
              x++;
              if (x > 11)
                return false;
            }
          *e = x;
          return true;
        }
    }
  return false;
}

/* "%.12g" of VALUE, 1e-4 <= |VALUE| < 1e12, into BUF; return the
   length, or 0 if the fast path does not apply.  */
static size_t
g12_fast (char *buf, double value)
{
  double a = fabs (value);
  uint64_t m;
  size_t nd = 12, p = 0, lead;
  int e;

  if (!(a >= 1e-4 && a < 1e12) || !twelve_digits (a, &m, &e))
    return 0;
  /* Drop trailing zeros of the fraction, as %g does: four, then one at
     a time.  M's first digit is not 0, so one digit at least stays.  */
  while ((int) nd - 4 >= e + 1 && m % 10000 == 0)
    {
      m /= 10000;
      nd -= 4;
    }
  while ((int) nd - 1 >= e + 1 && m % 10 == 0)
    {
      m /= 10;
      nd--;
    }
  if (value < 0)
    buf[p++] = '-';
  if (e >= 0)
    {
      /* The ND digits, then the point moved in after the first E + 1.  */
      lead = (size_t) e + 1;
      put_fixed (buf + p, m, nd);
      if (nd > lead)
        {
          memmove (buf + p + lead + 1, buf + p + lead, nd - lead);
          buf[p + lead] = '.';
          p++;
        }
      p += nd;
    }
  else
    {
      buf[p++] = '0';
      buf[p++] = '.';
      memset (buf + p, '0', (size_t) (-e - 1));
      p += (size_t) (-e - 1);
      put_fixed (buf + p, m, nd);
      p += nd;
    }
  buf[p] = '\0';
  return p;
}

size_t
numfmt_g12 (char *buf, double value)
{
  size_t n = g12_fast (buf, value);

  if (n == 0)
    {
      locale_t c = numparse_c_locale ();
      locale_t old = c != (locale_t) 0 ? uselocale (c) : (locale_t) 0;

      snprintf (buf, NUMFMT_SIZE, "%.12g", value);
      if (old != (locale_t) 0)
        uselocale (old);
      n = strlen (buf);
    }
  /* A value that rounds to zero is written without a sign.  */
  if (buf[0] == '-' && buf[1 + strspn (buf + 1, "0.")] == '\0')
    {
      memmove (buf, buf + 1, n);
      n--;
    }
  return n;
}
