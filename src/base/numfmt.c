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

/* Write the decimal digits of M, two a step from the right, ending
   just before END; return where they start.  */
static char *
put_digits (char *end, uint64_t m)
{
  while (m >= 100)
    {
      end -= 2;
      memcpy (end, digit_pairs + 2 * (m % 100), 2);
      m /= 100;
    }
  if (m >= 10)
    {
      end -= 2;
      memcpy (end, digit_pairs + 2 * m, 2);
    }
  else
    *--end = (char) ('0' + m);
  return end;
}

/* Powers of ten that a uint64_t holds, to count digits.  */
static const uint64_t int_tens[] = { UINT64_C (10),
                                     UINT64_C (100),
                                     UINT64_C (1000),
                                     UINT64_C (10000),
                                     UINT64_C (100000),
                                     UINT64_C (1000000),
                                     UINT64_C (10000000),
                                     UINT64_C (100000000),
                                     UINT64_C (1000000000),
                                     UINT64_C (10000000000),
                                     UINT64_C (100000000000),
                                     UINT64_C (1000000000000),
                                     UINT64_C (10000000000000),
                                     UINT64_C (100000000000000),
                                     UINT64_C (1000000000000000),
                                     UINT64_C (10000000000000000),
                                     UINT64_C (100000000000000000),
                                     UINT64_C (1000000000000000000),
                                     UINT64_C (10000000000000000000) };

size_t
numfmt_int (char *buf, long long v)
{
  uint64_t m = v < 0 ? -(uint64_t) v : (uint64_t) v;
  size_t p = 0, nd = 1;

  if (m < 10)
    {
      /* Counts, GPUs, ranks: no loop.  */
      if (v < 0)
        buf[p++] = '-';
      buf[p++] = (char) ('0' + m);
      buf[p] = '\0';
      return p;
    }
  while (nd < 20 && m >= int_tens[nd - 1])
    nd++;
  if (v < 0)
    buf[p++] = '-';
  put_digits (buf + p + nd, m);
  p += nd;
  buf[p] = '\0';
  return p;
}

/* Write the six digits of M (below 10^6), leading zeros included, at
   BUF.  */
static void
put_six (char *buf, uint32_t m)
{
  uint32_t hi = m / 10000, lo = m % 10000;

  memcpy (buf, digit_pairs + 2 * hi, 2);
  memcpy (buf + 2, digit_pairs + 2 * (lo / 100), 2);
  memcpy (buf + 4, digit_pairs + 2 * (lo % 100), 2);
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
  /* Through int64_t: one instruction, where uint64_t takes a branch.  */
  uint64_t whole = (uint64_t) (int64_t) scaled;
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

/* Powers of ten from 10^-4 to 10^12, the nearest doubles, to settle
   the decimal exponent of most values without a second try.  */
static const double tens_from_minus4[]
  = { 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1,  1e2,  1e3, 1e4,
      1e5,  1e6,  1e7,  1e8,  1e9, 1e10, 1e11, 1e12 };

/* The fast path of numfmt_g12: twelve significant digits M of A, whose
   decimal exponent is *E, or false if A is out of range.  */
static bool
twelve_digits (double a, uint64_t *m, int *e)
{
  int x = estimate_exponent (a);
  int tries;

  /* One too small when A reaches the next power; an inexact negative
     power can mislead this by an ulp, and the checks below catch it.  */
  if (x < 12 && a >= tens_from_minus4[x + 5])
    x++;
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

/* "%.12g" of a whole VALUE, |VALUE| below 10^12, into BUF: its digits,
   as %g writes a number of at most twelve digits.  */
static size_t
g12_whole (char *buf, double value)
{
  return numfmt_int (buf, (long long) value);
}

/* "%.12g" of VALUE, 1e-4 <= |VALUE| < 1e12, into BUF; return the
   length, or 0 if the fast path does not apply.  The twelve digits go
   to DIGITS, and from there to BUF in blocks of sixteen bytes, past
   the end of the text but within NUMFMT_SIZE: at most a sign, "0.000"
   or twelve digits and a point come before the last block.  */
static size_t
g12_fast (char *buf, double value)
{
  double a = fabs (value);
  char digits[32];
  uint64_t m, hi;
  size_t nd = 12, p = 0, lead;
  int e;

  if (!(a >= 1e-4 && a < 1e12))
    return 0;
  if (a >= 1.0 && a - (double) (int64_t) a <= 0.0) /* Whole.  */
    return g12_whole (buf, value);
  if (!twelve_digits (a, &m, &e))
    return 0;
  hi = m / 1000000;
  put_six (digits, (uint32_t) hi);
  put_six (digits + 6, (uint32_t) (m - hi * 1000000));
  /* Drop trailing zeros of the fraction, as %g does.  The first digit
     is not 0, so one digit at least stays.  */
  lead = e >= 0 ? (size_t) e + 1 : 1;
  if (m == hi * 1000000 && lead <= 6)
    nd = 6;
  while (nd > lead && digits[nd - 1] == '0')
    nd--;
  if (value < 0)
    buf[p++] = '-';
  if (e >= 0)
    {
      memcpy (buf + p, digits, 16);
      p += lead;
      if (nd > lead)
        {
          buf[p++] = '.';
          memcpy (buf + p, digits + lead, 16);
          p += nd - lead;
        }
    }
  else
    {
      memcpy (buf + p, "0.000", 5);
      p += 2 + (size_t) (-e - 1);
      memcpy (buf + p, digits, 16);
      p += nd;
    }
  buf[p] = '\0';
  return p;
}

size_t
numfmt_g12 (char *buf, double value)
{
  size_t n = g12_fast (buf, value);

  locale_t c, old;

  if (n != 0)
    return n; /* At least 1e-4 in magnitude: never "-0".  */
  c = numparse_c_locale ();
  old = c != (locale_t) 0 ? uselocale (c) : (locale_t) 0;
  snprintf (buf, NUMFMT_SIZE, "%.12g", value);
  if (old != (locale_t) 0)
    uselocale (old);
  n = strlen (buf);
  /* A value that rounds to zero is written without a sign.  */
  if (buf[0] == '-' && buf[1 + strspn (buf + 1, "0.")] == '\0')
    {
      memmove (buf, buf + 1, n);
      n--;
    }
  return n;
}
