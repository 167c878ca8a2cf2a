/* Checks every data table gets whatever its columns: the range each
   number must lie in, the key no two rows may share, and whether the
   table may have no rows (doc/LIMITS.md, data/README.md).  */
#ifndef CA_TABLECHECK_H
#define CA_TABLECHECK_H

#include <stddef.h>

#include "base/csvio.h"
#include "base/diag.h"

/* The name tablecheck_value takes for a --speedup table.  */
#define TABLECHECK_SPEEDUP "--speedup"

/* The highest hourly price, in the tables and in --price-file
   (src/data/pricing.c).  */
#define TABLECHECK_MAX_USD_PER_H 100000.0

struct column_range
{
  const char *file;     /* A table's file name, or TABLECHECK_SPEEDUP ...  */
  const char *column;
  double min, max;      /* Both allowed.  */
  const char *unit;
};

/* Every range, in one table; ends with a NULL FILE.  */
extern const struct column_range tablecheck_ranges_all[];

/* Before a table of the data directory is loaded: refuse T, read from
   the table called FILE, if it has no rows and must have some, or if two
   rows share its key (where no loader checks that already).  */
int tablecheck_shape (const struct csv_table *t, const char *file,
                      struct diag *d);

/* The range of COLUMN in FILE, or NULL.  */
const struct column_range *tablecheck_range (const char *file,
                                             const char *column);

/* After T is loaded (so that the loader's more precise messages come
   first): check every field of T (read from the table called FILE) in a
   column that has a range: blank is left to the caller, anything else
   must be a number in the range.  -1 with D set (CA_EXIT_DATAERR) on the first
   one that is not.  */
int tablecheck_ranges (const struct csv_table *t, const char *file,
                       struct diag *d);

/* Check V, read from TEXT at LINE of PATH, against the range of COLUMN
   in FILE (which must have one).  */
int tablecheck_value (const char *path, size_t line, const char *file,
                      const char *column, const char *text, double v,
                      struct diag *d);

#endif /* CA_TABLECHECK_H */
