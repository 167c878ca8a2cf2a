/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Grid zones and on-premises site defaults (zones.csv,
   site_defaults.csv): where `track` finds the grid figure of a site
   that is not a cloud region, and its PUE.  Data layer.  */
#ifndef CA_ZONES_H
#define CA_ZONES_H

#include "data/catalogue.h"
#include "base/diag.h"

#define ZONES_TABLE "zones.csv"
#define ZONES_SITE_DEFAULTS "site_defaults.csv"

struct zone
{
  const char *zone; /* Electricity Maps zone id: FR, SE-SE3.  */
  const char *name;
  const char *country; /* ISO 3166-1 alpha-2.  */
  const char *iso3;    /* Country-level zones only, else "".  */
  struct grid_figure grid;
  size_t line;
};

struct zones
{
  struct zone *zones; /* Sorted by zone id.  */
  size_t nzones;
  double pue; /* An average enterprise data centre's.  */
  const char *pue_source;
  long pue_year;
  void *private_data;
};

/* Load both tables from DIR, checking every figure and that CAT's
   sources.csv has each source id.  Returns NULL with D set as
   catalogue_load does.  */
struct zones *zones_load (const char *dir, const struct catalogue *cat,
                          struct diag *d);
void zones_free (struct zones *z);

/* The zone called NAME (a zone id, or an alpha-3 country code of a
   country-level zone), or NULL.  */
const struct zone *zones_find (const struct zones *z, const char *name);

/* The tables a tracked footprint depends on, whose hash a partial
   summary carries so that only summaries of the same data merge.  */
extern const char *const zones_hashed_tables[];

/* A 64-bit FNV-1a hash (over 8-byte words) of those tables in DIR, as
   16 hex digits in OUT.  Returns 0, or -1 with D set when one cannot be
   read.  */
int zones_tables_hash (const char *dir, char out[17], struct diag *d);

#endif /* CA_ZONES_H */
