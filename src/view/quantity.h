/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Quantities for people: a mass of CO2e in g, kg or t chosen by its
   size, with three significant digits ("228 kgCO2e", not "228487.2
   gCO2e").  Machine formats (CSV, JSON) keep base units and never come
   here.  */
#ifndef CA_QUANTITY_H
#define CA_QUANTITY_H

#include "base/strbuf.h"

/* The unit a mass of GRAMS reads best in: its symbol ("g", "kg", "t")
   and how many grams one of it is.  */
struct mass_unit
{
  const char *symbol;
  double grams;
};

/* The unit for GRAMS: g below 1 kg, kg below 1 t, t from 1 t on.  A
   column of several figures takes one unit (mass_column_span) so that
   the figures compare at a glance.  */
struct mass_unit mass_unit_for (double grams);

/* The unit quantity_carbon writes GRAMS in: mass_unit_for's, or the
   next one up when the figure rounds up into it (999.96 g is written
   "1.00 kg").  */
struct mass_unit mass_unit_written (double grams);

/* Append VALUE to B with three significant digits and no exponent
   ("0.0123", "1.08", "228", "12,300" with thousands separated).  */
void quantity_sig3 (struct strbuf *b, double value);

/* The decimals quantity_sig3 writes VALUE with ("1.08": 2, "228": 0),
   for a column whose figures share the decimals of its largest.  */
int quantity_sig3_decimals (double value);

/* Append TEXT, a number as printf writes it (maybe a '-', maybe a
   fraction), to B with ',' between the thousands of its whole part when
   that has MIN_DIGITS digits or more ("12,345.6"; with MIN_DIGITS 5,
   "1234" stays as it is).  */
void quantity_grouped (struct strbuf *b, const char *text, size_t min_digits);

/* Append VALUE to B with DECIMALS digits after the point and thousands
   separated ("12,345.6"); "-0" is written "0".  */
void quantity_fixed (struct strbuf *b, double value, int decimals);

/* Append GRAMS of CO2e to B in the unit mass_unit_for picks, with three
   significant digits and the unit: "781 gCO2e", "1.08 kgCO2e",
   "3.91 tCO2e".  A figure that rounds up into the next unit is written
   in it ("1.00 kgCO2e", not "1000 gCO2e").  */
void quantity_carbon (struct strbuf *b, double grams);

/* The same figure without "CO2e" ("1.08 kg"), for table cells under a
   heading that names the gas.  */
void quantity_mass (struct strbuf *b, double grams);

/* How a column of masses reads for people: in UNIT, every figure with
   DECIMALS digits after the point, so that the column lines up and
   compares at a glance.  */
struct mass_column
{
  struct mass_unit unit;
  int decimals;
};

/* For figures scaled to the largest, LARGEST grams (a chart's axis, a
   total): the unit LARGEST is written in (mass_unit_written), with the
   decimals that give it three significant digits.  */
struct mass_column mass_column_for (double largest);

/* The column whose figures (in absolute value) run from SMALLEST, the
   smallest that is not zero, to LARGEST grams: the unit the smallest is
   written in, or the next one up while the largest would need seven
   digits or more, with the decimals that give the smallest three
   significant digits (at most two).  So no figure of the column reads
   "0.13": 130 g and 2,898 g read "130" and "2,898" gCO2e; 30.2 kg and
   228.5 kg read "30.2" and "228.5" kgCO2e.  With SMALLEST zero,
   mass_column_for (LARGEST).  */
struct mass_column mass_column_span (double smallest, double largest);

/* Append GRAMS to B as COL has it, without the unit ("1.1").  */
void quantity_in_column (struct strbuf *b, double grams,
                         const struct mass_column *col);

/* Append USD to B with two decimals and thousands separated
   ("1,234.50 USD").  */
void quantity_usd (struct strbuf *b, double usd);

/* Append a carbon price in USD per tonne to B for people: whole
   dollars with thousands separated from 100 up or when whole ("5,000",
   "320,000"), else two decimals ("12.50").  */
void quantity_price (struct strbuf *b, double usd_per_t);

/* Append to B what moving from a run of BEFORE_G grams and BEFORE_USD
   to one of AFTER_G and AFTER_USD does, as advice reads: "saves 3.65
   kgCO2e (94 %) and 25.52 USD", "saves 80.0 gCO2e (57 %) but costs
   1.10 USD more", "adds ... and saves ...".  The share is of BEFORE_G,
   whole from 10 % up, one decimal below; left out when BEFORE_G is not
   positive.  */
void quantity_saving (struct strbuf *b, double before_g, double after_g,
                      double before_usd, double after_usd);

#endif /* CA_QUANTITY_H */
