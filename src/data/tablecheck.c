/* Checks every data table gets whatever its columns.  */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/numparse.h"
#include "data/tablecheck.h"
#include "base/system.h"

/* Far outside the bundled data (data/README.md gives each column's
   figures; tests/unit/check_tablecheck.c checks the shipped tables against
   them) yet physically sane, so that a typo (1e308, a latitude of 900)
   stops the load instead of a result.  One line per column; doc/LIMITS.md
   lists the same.  */
#define YEARS(file, column) { file, column, 1990.0, 2100.0, "" }
#define GRID(file, column) { file, column, 0.0, 2000.0, "gCO2e/kWh" }
#define PUE(file, column) { file, column, 1.0, 3.0, "" }
#define WATTS(file, column) { file, column, 0.0, 100000.0, "W" }
#define KG(file, column) { file, column, 0.0, 1000000.0, "kgCO2e" }
#define PRICE(file, column) \
  { file, column, 0.0, TABLECHECK_MAX_USD_PER_H, "USD/h" }

const struct column_range tablecheck_ranges_all[] = {
  { "regions.csv", "latitude", -90.0, 90.0, "degrees" },
  { "regions.csv", "longitude", -180.0, 180.0, "degrees" },
  PUE ("regions.csv", "pue"),
  YEARS ("regions.csv", "pue_year"),
  GRID ("regions.csv", "grid_gco2e_per_kwh"),
  YEARS ("regions.csv", "grid_year"),
  GRID ("regions.csv", "marginal_gco2e_per_kwh"),
  YEARS ("regions.csv", "marginal_year"),
  GRID ("regions.csv", "market_gco2e_per_kwh"),
  YEARS ("regions.csv", "market_year"),
  { "regions.csv", "cfe_pct", 0.0, 100.0, "%" },
  YEARS ("regions.csv", "cfe_year"),
  { "instances.csv", "vcpus", 1.0, 100000.0, "vCPUs" },
  { "instances.csv", "memory_gib", 0.0, 1000000.0, "GiB" },
  { "instances.csv", "gpus", 0.0, 1000.0, "GPUs" },
  { "instances.csv", "host_vcpus", 1.0, 100000.0, "vCPUs" },
  { "instances.csv", "host_memory_gib", 0.0, 1000000.0, "GiB" },
  { "instances.csv", "host_gpus", 0.0, 1000.0, "GPUs" },
  WATTS ("instances.csv", "power_idle_w"),
  WATTS ("instances.csv", "power_10_w"),
  WATTS ("instances.csv", "power_50_w"),
  WATTS ("instances.csv", "power_100_w"),
  KG ("instances.csv", "embodied_host_kgco2e"),
  KG ("instances.csv", "embodied_kgco2e"),
  /* The line of the source table a row comes from.  */
  { "instances.csv", "source_line", 1.0, 1e9, "" },
  PRICE ("prices.csv", "price_usd_per_h"),
  PRICE ("prices.csv", "spot_usd_per_h"),
  /* Relative to an A100 80 GB's (data/README.md).  */
  { "gpus.csv", "training_speed", 0.0, 1000.0, "x" },
  { "gpus.csv", "speed_low", 0.0, 1000.0, "x" },
  { "gpus.csv", "speed_high", 0.0, 1000.0, "x" },
  { "gpus.csv", "speed_results", 0.0, 1000000.0, "results" },
  WATTS ("gpus.csv", "idle_w"),
  WATTS ("gpus.csv", "max_w"),
  KG ("gpus.csv", "embodied_kgco2e"),
  /* A burstable type's baseline over CCF's 50 %: at most 2.  */
  { "ccf_instances.csv", "vcpu_factor", 0.0, 2.0, "" },
  WATTS ("ccf_instances.csv", "cpu_min_w_per_vcpu"),
  WATTS ("ccf_instances.csv", "cpu_max_w_per_vcpu"),
  { "ccf_instances.csv", "memory_gb_per_chip", 0.0, 1000000.0, "GB" },
  { "ccf_instances.csv", "memory_chips", 0.0, 1000.0, "chips" },
  { "ccf_instances.csv", "memory_allowance_gib", 0.0, 1000000.0, "GiB" },
  WATTS ("ccf_instances.csv", "gpu_min_w"),
  WATTS ("ccf_instances.csv", "gpu_max_w"),
  KG ("ccf_instances.csv", "embodied_host_kgco2e"),
  { "ccf_instances.csv", "host_vcpus", 1.0, 100000.0, "vCPUs" },
  PUE ("ccf_regions.csv", "pue"),
  GRID ("ccf_regions.csv", "grid_gco2e_per_kwh"),
  YEARS ("grid_alternatives.csv", "year"),
  GRID ("grid_alternatives.csv", "gco2e_per_kwh"),
  YEARS ("pue_alternatives.csv", "year"),
  PUE ("pue_alternatives.csv", "pue"),
  KG ("embodied_alternatives.csv", "embodied_kgco2e"),
  { "power_error.csv", "load_pct", 0.0, 100.0, "%" },
  /* Relative errors: 10 is 1,000 %.  */
  { "power_error.csv", "median_abs_rel_error", 0.0, 10.0, "" },
  { "power_error.csv", "p95_abs_rel_error", 0.0, 10.0, "" },
  { "power_error.csv", "worst_abs_rel_error", 0.0, 10.0, "" },
  GRID ("zones.csv", "grid_gco2e_per_kwh"),
  YEARS ("zones.csv", "grid_year"),
  /* The table's one figure is the PUE.  */
  PUE ("site_defaults.csv", "value"),
  YEARS ("site_defaults.csv", "year"),
  /* A ratio: a million times faster or slower than the reference is no
     measurement.  */
  { TABLECHECK_SPEEDUP, "speed", 1e-6, 1e6, "" },
  { NULL, NULL, 0.0, 0.0, NULL },
};

/* The tables of the data directory: may one have no rows, and the
   columns of its key where the loader does not check it (instances,
   regions, prices, sources, CCF's tables, power_error and zones are
   checked as they load, with messages of their own).  */
static const struct
{
  const char *file;
  bool may_be_empty;
  const char *what;
  const char *keys[5];
} shapes[] = {
  { "sources.csv", false, "source", { "id", NULL } },
  { "groups.csv", false, "group", { "group", NULL } },
  { "gpus.csv", false, "GPU model", { "gpu_model", NULL } },
  { "instances.csv", false, NULL, { NULL } },
  /* No type left out is a catalogue that covers every type.  */
  { "unsupported.csv", true, "instance type", { "instance_type", NULL } },
  { "regions.csv", false, NULL, { NULL } },
  { "prices.csv", false, NULL, { NULL } },
  { "ccf_instances.csv", false, NULL, { NULL } },
  { "ccf_regions.csv", false, NULL, { NULL } },
  { "grid_alternatives.csv", false, "row",
    { "provider", "region", "source", "year", NULL } },
  { "pue_alternatives.csv", false, "row",
    { "provider", "region", "source", "year", NULL } },
  { "embodied_alternatives.csv", false, "row",
    { "provider", "instance_type", "source", NULL } },
  { "power_error.csv", false, NULL, { NULL } },
  { "zones.csv", false, NULL, { NULL } },
  { "site_defaults.csv", false, "figure", { "figure", NULL } },
};

int
tablecheck_shape (const struct csv_table *t, const char *file,
                  struct diag *d)
{
  size_t i, n, cols[ARRAY_SIZE (shapes[0].keys)];

  for (i = 0; i < ARRAY_SIZE (shapes); i++)
    if (STREQ (shapes[i].file, file))
      break;
  if (i == ARRAY_SIZE (shapes))
    return diag_set (d, CA_EXIT_FAILURE, "%s: no checks for table %s",
                     t->path, file);
  if (!shapes[i].may_be_empty && csvio_need_rows (t, d) < 0)
    return -1;
  for (n = 0; shapes[i].keys[n] != NULL; n++)
    {
      long c = csvio_column (t, shapes[i].keys[n]);

      /* The loader names a missing column.  */
      if (c < 0)
        return 0;
      cols[n] = (size_t) c;
    }
  return n > 0 ? csvio_unique (t, cols, n, shapes[i].what, d) : 0;
}

const struct column_range *
tablecheck_range (const char *file, const char *column)
{
  const struct column_range *r;

  for (r = tablecheck_ranges_all; r->file != NULL; r++)
    if (STREQ (r->file, file) && STREQ (r->column, column))
      return r;
  return NULL;
}

static int
out_of_range (const char *path, size_t line, const struct column_range *r,
              const char *text, struct diag *d)
{
  return diag_set (d, CA_EXIT_DATAERR,
                   "%s:%zu: column '%s': %s is out of range (expected %g "
                   "to %g%s%s)",
                   path, line, r->column, text, r->min, r->max,
                   r->unit[0] != '\0' ? " " : "", r->unit);
}

int
tablecheck_value (const char *path, size_t line, const char *file,
                  const char *column, const char *text, double v,
                  struct diag *d)
{
  const struct column_range *r = tablecheck_range (file, column);

  if (r != NULL && (v < r->min || v > r->max))
    return out_of_range (path, line, r, text, d);
  return 0;
}

int
tablecheck_ranges (const struct csv_table *t, const char *file,
                   struct diag *d)
{
  const struct column_range *r;
  size_t row;

  for (r = tablecheck_ranges_all; r->file != NULL; r++)
    {
      long col;

      if (!STREQ (r->file, file) || (col = csvio_column (t, r->column)) < 0)
        continue;
      for (row = 0; row < t->nrows; row++)
        {
          const char *s = csvio_field (t, row, (size_t) col);
          enum numparse_status st;
          double v;

          st = numparse_double (s, &v);
          if (st == NUMPARSE_EMPTY)
            continue;
          if (st != NUMPARSE_OK)
            return diag_set (d, CA_EXIT_DATAERR,
                             "%s:%zu: column '%s': %s: '%s'", t->path,
                             csvio_line (row), r->column,
                             numparse_strerror (st), s);
          if (v < r->min || v > r->max)
            return out_of_range (t->path, csvio_line (row), r, s, d);
        }
    }
  return 0;
}
