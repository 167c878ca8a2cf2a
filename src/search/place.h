/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Regions by place: "--region Stockholm" or "--region Sweden" stands
   for the regions at that place, read from the location and country
   columns of regions.csv.  */
#ifndef CA_PLACE_H
#define CA_PLACE_H

#include <stddef.h>

#include "data/catalogue.h"
#include "base/system.h"

/* Whether PLACE (in any case, with or without the accents of Latin-1
   letters: "sao paulo", "Montreal") names where REGION is: its location
   ("Sweden Central"), the city in brackets at the end of its location
   ("Europe (Stockholm)"), its country's ISO 3166-1 code ("SE") or that
   country's English name ("Sweden").  */
bool place_matches (const struct region *region, const char *place);

/* How many of CAT's regions are at PLACE.  */
size_t place_count (const struct catalogue *cat, const char *place);

/* The English name of the country with ISO 3166-1 alpha-2 code CODE,
   or NULL for a country the table below does not know.  */
const char *place_country_name (const char *code);

/* Every name a region of CAT answers to (region codes, locations, the
   cities in brackets, country names), each once, for suggestions: a new
   array of *N strings.  Free it with place_names_free.  */
char **place_names (const struct catalogue *cat, size_t *n);
void place_names_free (char **names, size_t n);

#endif /* CA_PLACE_H */
