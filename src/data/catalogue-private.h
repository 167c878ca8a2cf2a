/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The catalogue's private part, shared by catalogue.c (loading) and
   catalogue-lookup.c (indexes and lookups).  Private to the data
   layer.  */
#ifndef CA_CATALOGUE_PRIVATE_H
#define CA_CATALOGUE_PRIVATE_H

#include "base/csvio.h"
#include "data/table.h"

/* How many tables the catalogue reads.  */
#define CATALOGUE_NTABLES 13

/* The tables the structs point into, and sorted indexes for lookups.  */
struct catalogue_private
{
  struct csv_table *tables[CATALOGUE_NTABLES];
  /* For the range checks.  */
  const struct table_spec *specs[CATALOGUE_NTABLES];
  /* The columns of each its load found in range (table_load_ranged).  */
  unsigned long long in_range[CATALOGUE_NTABLES];
  const struct instance **instances_by_name;
  const struct region **regions_by_name;
  const struct price **prices_by_pair;
  /* The mapped image the rows and indexes above are in, when the
     catalogue comes from one (catalogue-image.c), else NULL.  */
  void *image;
  size_t image_size;
};

#endif /* CA_CATALOGUE_PRIVATE_H */
