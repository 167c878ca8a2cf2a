/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The specs of the data directory's tables (src/data/table.h), the
   ranges their columns share, and what the catalogue's specs need of
   catalogue-lookup.c.  Private to the data layer.  */
#ifndef CA_TABLES_H
#define CA_TABLES_H

#include "data/catalogue.h"
#include "data/table.h"

/* The highest hourly price, in the tables and in --price-file
   (src/data/pricing.c).  */
#define TABLES_MAX_USD_PER_H 100000.0

/* Far outside the bundled data (data/README.md gives each column's
   figures; tests/unit/check_data.c checks the shipped tables against
   them) yet physically sane, so that a typo (1e308, a latitude of 900)
   stops the load instead of a result.  doc/LIMITS.md lists the same.  */
#define RANGE_NONE                                                            \
  {                                                                           \
    0.0, 0.0, NULL                                                            \
  }
#define RANGE_YEARS                                                           \
  {                                                                           \
    1990.0, 2100.0, ""                                                        \
  }
#define RANGE_GRID                                                            \
  {                                                                           \
    0.0, 2000.0, "gCO2e/kWh"                                                  \
  }
#define RANGE_PUE                                                             \
  {                                                                           \
    1.0, 3.0, ""                                                              \
  }
#define RANGE_WATTS                                                           \
  {                                                                           \
    0.0, 100000.0, "W"                                                        \
  }
#define RANGE_KG                                                              \
  {                                                                           \
    0.0, 1000000.0, "kgCO2e"                                                  \
  }
#define RANGE_PRICE                                                           \
  {                                                                           \
    0.0, TABLES_MAX_USD_PER_H, "USD/h"                                        \
  }
#define RANGE_VCPUS                                                           \
  {                                                                           \
    1.0, 100000.0, "vCPUs"                                                    \
  }
#define RANGE_GIB                                                             \
  {                                                                           \
    0.0, 1000000.0, "GiB"                                                     \
  }
#define RANGE_GPUS                                                            \
  {                                                                           \
    0.0, 1000.0, "GPUs"                                                       \
  }
#define RANGE_PCT                                                             \
  {                                                                           \
    0.0, 100.0, "%"                                                           \
  }

/* A column of NAME, of TYPE with FLAGS, in RANGE (one of the above),
   filling the field at OFFSET of the row struct (or TABLE_NOWHERE).  */
#define COLUMN(name, type, flags, range, offset)                              \
  {                                                                           \
    (name), (type), (flags), range, (offset), { NULL, NULL }, NULL            \
  }
#define TEXT(name, flags, offset)                                             \
  COLUMN (name, TABLE_TEXT, flags, RANGE_NONE, offset)
/* A column whose text must be one of two words.  */
#define ENUM(name, word1, word2, offset)                                      \
  {                                                                           \
    (name), TABLE_ENUM, 0, RANGE_NONE, (offset), { (word1), (word2) }, NULL   \
  }
/* An id of sources.csv.  */
#define SOURCE(name, flags, offset)                                           \
  {                                                                           \
    (name), TABLE_REF, (flags), RANGE_NONE, (offset), { NULL, NULL },         \
      &tables_source_ref                                                      \
  }

extern const struct table_ref tables_source_ref;

/* The catalogue's tables, in catalogue_load's order.  */
extern const struct table_spec catalogue_sources_spec;
extern const struct table_spec catalogue_groups_spec;
extern const struct table_spec catalogue_gpus_spec;
extern const struct table_spec catalogue_instances_spec;
extern const struct table_spec catalogue_unsupported_spec;
extern const struct table_spec catalogue_regions_spec;
extern const struct table_spec catalogue_prices_spec;
extern const struct table_spec catalogue_ccf_instances_spec;
extern const struct table_spec catalogue_ccf_regions_spec;
extern const struct table_spec catalogue_grid_alternatives_spec;
extern const struct table_spec catalogue_pue_alternatives_spec;
extern const struct table_spec catalogue_embodied_alternatives_spec;
extern const struct table_spec catalogue_power_error_spec;

/* zones.c's.  */
extern const struct table_spec zones_spec;
extern const struct table_spec site_defaults_spec;

/* equivalents.c's.  */
extern const struct table_spec equivalents_spec;

/* The spec of the data directory's table FILE, or NULL.  */
const struct table_spec *tables_find (const char *file);

/* catalogue-lookup.c's: build the index of a table once it is in (the finish
   of its spec), refusing a name or pair that appears twice.  CAT is the
   struct catalogue.  */
int catalogue_index_instances (const struct table_reader *r, void *cat);
int catalogue_index_regions (const struct table_reader *r, void *cat);
int catalogue_index_prices (const struct table_reader *r, void *cat);

/* catalogue-lookup.c's orders of sources, groups and GPUs, for sorting them
   once they are in and for the lookups.  */
int catalogue_compare_source_ids (const void *a, const void *b);
int catalogue_compare_group_names (const void *a, const void *b);
int catalogue_compare_gpu_models (const void *a, const void *b);

/* The instance type that columns PROVIDER and NAME of R's row name, or
   NULL with R's diag set (catalogue-lookup.c).  CTX is the catalogue.  */
struct instance *tables_row_instance (const struct table_reader *r,
                                      size_t provider, size_t name, void *ctx);

/* The same for a region.  */
struct region *tables_row_region (const struct table_reader *r,
                                  size_t provider, size_t name, void *ctx);

/* Widen the range [*LOW, *HIGH] to take in X (catalogue-lookup.c).  */
void tables_widen (double *low, double *high, double x);

#endif /* CA_TABLES_H */
