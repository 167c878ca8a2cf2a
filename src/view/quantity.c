/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Masses of CO2e written for people; see quantity.h.  */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/quantity.h"

static const struct mass_unit units[] = {
  { "g", 1.0 },
  { "kg", 1e3 },
  { "t", 1e6 },
};
enum
{
  NUNITS = sizeof units / sizeof units[0]
};

/* The index in UNITS for GRAMS.  */
static size_t
unit_index (double grams)
{
  double a = fabs (grams);
  size_t i = 0;
  while (i + 1 < NUNITS && a >= units[i + 1].grams)
    i++;
  return i;
}

struct mass_unit
mass_unit_for (double grams)
{
  return units[unit_index (grams)];
}

/* Decimals that give VALUE three significant digits (none from 100 on).
 */
static int
sig3_decimals (double value)
{
  double a = fabs (value);
  if (!(a > 0.0) || a >= 100.0)
    return 0;
  int magnitude = (int) floor (log10 (a));
  return 2 - magnitude;
}

void
quantity_grouped (struct strbuf *b, const char *text, size_t min_digits)
{
  if (*text == '-')
    strbuf_append_char (b, *text++);
  size_t whole = strspn (text, "0123456789");
  for (size_t i = 0; i < whole; i++)
    {
      if (i > 0 && whole >= min_digits && (whole - i) % 3 == 0)
        strbuf_append_char (b, ',');
      strbuf_append_char (b, text[i]);
    }
  strbuf_append (b, text + whole);
}

void
quantity_sig3 (struct strbuf *b, double value)
{
  int decimals = sig3_decimals (value);
  /* Rounding may add a digit (99.96 -> 100.0): write it with the
     decimals of the rounded figure.  */
  char text[64];
  snprintf (text, sizeof text, "%.*f", decimals, fabs (value));
  double rounded = strtod (text, NULL);
  if (sig3_decimals (rounded) < decimals)
    snprintf (text, sizeof text, "%.*f", sig3_decimals (rounded), rounded);
  if (rounded >= 1000.0)
    {
      /* Keep three significant digits: 12345 -> 12300.  */
      double step = pow (10.0, floor (log10 (rounded)) - 2.0);
      snprintf (text, sizeof text, "%.0f", round (rounded / step) * step);
    }
  if (value < 0.0 && rounded > 0.0)
    strbuf_append_char (b, '-');
  quantity_grouped (b, text, 0);
}

struct mass_unit
mass_unit_written (double grams)
{
  size_t i = unit_index (grams);
  /* 999.96 g rounds to 1000 g: move it to kg.  */
  char probe[64];
  snprintf (probe, sizeof probe, "%.*f",
            sig3_decimals (grams / units[i].grams),
            fabs (grams / units[i].grams));
  if (i + 1 < NUNITS && strtod (probe, NULL) >= 1000.0)
    i++;
  return units[i];
}

int
quantity_sig3_decimals (double value)
{
  struct strbuf b;
  strbuf_init (&b);
  quantity_sig3 (&b, value);
  const char *point = strchr (b.text, '.');
  int decimals = point == NULL ? 0 : (int) strlen (point + 1);
  strbuf_release (&b);
  return decimals;
}

void
quantity_fixed (struct strbuf *b, double value, int decimals)
{
  char text[512];
  snprintf (text, sizeof text, "%.*f", decimals, fabs (value));
  if (value < 0.0 && strtod (text, NULL) > 0.0)
    strbuf_append_char (b, '-');
  quantity_grouped (b, text, 0);
}

/* Append GRAMS in its unit with three significant digits, then the
   unit's symbol and SUFFIX.  */
static void
append_mass (struct strbuf *b, double grams, const char *suffix)
{
  struct mass_unit unit = mass_unit_written (grams);
  quantity_sig3 (b, grams / unit.grams);
  strbuf_printf (b, " %s%s", unit.symbol, suffix);
}

void
quantity_carbon (struct strbuf *b, double grams)
{
  append_mass (b, grams, "CO2e");
}

void
quantity_mass (struct strbuf *b, double grams)
{
  append_mass (b, grams, "");
}

struct mass_column
mass_column_for (double largest)
{
  struct mass_column col;
  col.unit = mass_unit_written (fabs (largest));
  col.decimals = quantity_sig3_decimals (fabs (largest) / col.unit.grams);
  return col;
}

struct mass_column
mass_column_span (double smallest, double largest)
{
  smallest = fabs (smallest);
  largest = fabs (largest);
  if (!(smallest > 0.0) || smallest > largest)
    return mass_column_for (largest);

  size_t i = unit_index (mass_unit_written (smallest).grams);
  /* Past six digits a column is hard to read: the next unit up.  */
  while (i + 1 < NUNITS && largest / units[i].grams >= 1e6)
    i++;
  struct mass_column col;
  col.unit = units[i];
  col.decimals
    = quantity_sig3_decimals (fmax (smallest / col.unit.grams, 1.0));
  return col;
}

void
quantity_in_column (struct strbuf *b, double grams,
                    const struct mass_column *col)
{
  quantity_fixed (b, grams / col->unit.grams, col->decimals);
}

void
quantity_usd (struct strbuf *b, double usd)
{
  quantity_fixed (b, usd, 2);
  strbuf_append (b, " USD");
}

void
quantity_price (struct strbuf *b, double usd_per_t)
{
  bool whole
    = fabs (usd_per_t) >= 100.0 || fabs (usd_per_t - round (usd_per_t)) < 1e-9;
  quantity_fixed (b, usd_per_t, whole ? 0 : 2);
}

void
quantity_saving (struct strbuf *b, double before_g, double after_g,
                 double before_usd, double after_usd)
{
  double saved_g = before_g - after_g;
  double saved_usd = before_usd - after_usd;

  strbuf_append (b, saved_g >= 0.0 ? "saves " : "adds ");
  quantity_carbon (b, fabs (saved_g));
  if (before_g > 0.0)
    {
      double pct = 100.0 * fabs (saved_g) / before_g;
      strbuf_printf (b, " (%.*f %%)", pct >= 9.95 ? 0 : 1, pct);
    }
  if (saved_usd >= 0.0)
    strbuf_append (b, saved_g >= 0.0 ? " and " : " and saves ");
  else
    strbuf_append (b, saved_g >= 0.0 ? " but costs " : " and costs ");
  quantity_usd (b, fabs (saved_usd));
  if (saved_usd < 0.0)
    strbuf_append (b, " more");
}
