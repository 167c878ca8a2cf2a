/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Strict, locale-independent parsing of numbers and durations.  */
#ifndef CA_NUMPARSE_H
#define CA_NUMPARSE_H

#include <locale.h>

enum numparse_status
{
  NUMPARSE_OK = 0,
  NUMPARSE_EMPTY,  /* Nothing but blanks.  */
  NUMPARSE_SYNTAX, /* Not a number (or not a duration) at all.  */
  NUMPARSE_RANGE   /* A number, but too large or not finite.  */
};

/* Parse S as a decimal number with '.' as the point, whatever the
   locale.  Surrounding blanks are allowed; anything else (a comma,
   "nan", "inf", hex, trailing junk) is a syntax error.  On NUMPARSE_OK
   stores the finite value in *OUT.  */
enum numparse_status numparse_double (const char *s, double *out);

/* Parse S as a whole number (optional sign, digits, blanks around) that
   fits in a long.  */
enum numparse_status numparse_long (const char *s, long *out);

/* Parse S as a duration and store it in hours in *HOURS.  A duration is
   a bare number of hours ("36", "1.5") or one or more number-unit parts
   with units d, h, m, s in that order, each at most once ("90m", "36h",
   "1.5d", "2h30m", "5400s").  Negative parts are syntax errors; zero is
   accepted (the caller decides whether it makes sense).  */
enum numparse_status numparse_duration (const char *s, double *hours);

/* The "C" numeric locale, made once and kept for the life of the
   process, or (locale_t) 0 if it cannot be made.  Parsing and output use
   it so that numbers always have a '.' point.  */
locale_t numparse_c_locale (void);

/* A short English description of STATUS, e.g. "not a number".  */
const char *numparse_strerror (enum numparse_status status);

#endif /* CA_NUMPARSE_H */
