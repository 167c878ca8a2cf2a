/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Everyday equivalents of a mass of CO2e (equivalents.csv): the grams
   one km driven by an average car, or one year of its driving, stands
   for, each with its source.  The report reads them.  Data layer.  */
#ifndef CA_EQUIVALENTS_H
#define CA_EQUIVALENTS_H

#include <stddef.h>

#include "data/catalogue.h"
#include "base/diag.h"

#define EQUIVALENTS_TABLE "equivalents.csv"

struct equivalent
{
  const char *name;      /* "car_km".  */
  const char *phrase;    /* "km driven by an average passenger car".  */
  double gco2e_per_unit; /* Grams of CO2e one unit stands for.  */
  const char *source;    /* An id of sources.csv.  */
  long year;
};

struct equivalents
{
  struct equivalent *rows; /* In the table's order.  */
  size_t n;
  void *private_data;
};

/* Load DIR's equivalents.csv, checking every figure and that CAT's
   sources.csv has each source id.  Returns NULL with D set as
   catalogue_load does.  */
struct equivalents *equivalents_load (const char *dir,
                                      const struct catalogue *cat,
                                      struct diag *d);
void equivalents_free (struct equivalents *e);

#endif /* CA_EQUIVALENTS_H */
