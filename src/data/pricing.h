/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Which price a run pays: the list's on-demand price (default), its spot
   price, or a team's own negotiated price from a price file.  */
#ifndef CA_PRICING_H
#define CA_PRICING_H

#include <stddef.h>

#include "data/catalogue.h"
#include "base/diag.h"

enum pricing
{
  PRICING_ON_DEMAND, /* price_usd_per_h of prices.csv.  */
  PRICING_SPOT       /* spot_usd_per_h, where the data has one.  */
};

/* Look NAME up among "on-demand", "spot".  */
int pricing_parse (const char *name, enum pricing *pricing);
const char *pricing_name (enum pricing pricing);

/* The source id a price from a price file carries.  */
#define PRICING_SOURCE_FILE "price-file"

/* Make every price of CAT its spot price, with the spot price's date and
   source; a pair without a spot price gets a NaN price (searches leave
   it out and count it).  Returns how many pairs have a spot price.  */
size_t pricing_use_spot (struct catalogue *cat);

/* A team's price file, applied to a catalogue; it owns the text the
   catalogue's overridden prices now point into.  */
struct price_file;

/* Read the price file PATH, a CSV with the columns provider, region,
   instance_type and price_usd_per_h (USD per hour, above 0) and an
   optional price_date, and make each of its rows the price of that pair
   in CAT, with source PRICING_SOURCE_FILE.  Every pair must be one CAT
   prices, and appear once.  Returns the file (free it after CAT's last
   use), with *APPLIED the number of rows, or NULL with D set:
   CA_EXIT_NOINPUT when PATH cannot be read, CA_EXIT_DATAERR with
   "PATH:LINE: column 'C': what is wrong" for a bad row.  */
struct price_file *price_file_apply (struct catalogue *cat, const char *path,
                                     size_t *applied, struct diag *d);
void price_file_free (struct price_file *f);

/* Prices compared on dates this many days apart or more are worth a
   warning: list prices move (AWS cut its GPU prices by up to 45 % in
   June 2025).  Six months.  */
#define PRICING_STALE_DAYS 183

/* The oldest and newest dates of a set of prices.  */
struct price_span
{
  const char *oldest; /* "YYYY-MM-DD", or NULL before the
                         first dated price.  */
  const char *newest;
};

/* Widen S by P's date (a price without a date, from a price file, leaves
   S alone).  */
void price_span_add (struct price_span *s, const struct price *p);

/* The days from S's oldest to its newest date, or 0 when S holds fewer
   than two dates or one is not a calendar date.  */
long price_span_days (const struct price_span *s);

#endif /* CA_PRICING_H */
