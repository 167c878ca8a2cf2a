/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The specs of the catalogue's tables about instance types and what
   describes them: sources, groups, GPUs, instances, the types left out,
   embodied alternatives and the power curves' errors.  */
#include <config.h>

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "data/tables.h"

/* The table has refused an id that appears twice.  */
static int
sort_sources (const struct table_reader *r, void *ctx)
{
  struct catalogue *cat = ctx;

  (void) r;
  qsort (cat->sources, cat->nsources, sizeof *cat->sources,
         catalogue_compare_source_ids);
  return 0;
}

static const struct table_column source_columns[] = {
  TEXT ("id", 0, offsetof (struct source, id)),
  TEXT ("title", 0, offsetof (struct source, title)),
  TEXT ("publisher", TABLE_BLANK_OK, offsetof (struct source, publisher)),
  TEXT ("year", TABLE_BLANK_OK, offsetof (struct source, year)),
  TEXT ("licence", 0, offsetof (struct source, licence)),
  TEXT ("upstream", TABLE_BLANK_OK, offsetof (struct source, upstream)),
  TEXT ("notes", TABLE_BLANK_OK, offsetof (struct source, notes)),
};

const struct table_spec catalogue_sources_spec = {
  .file = CATALOGUE_SOURCES,
  TABLE_COLUMNS (source_columns),
  .missing = "missing",
  .key_what = "source",
  .keys = { "id", NULL },
  .row_size = sizeof (struct source),
  .finish = sort_sources,
};

static int
sort_groups (const struct table_reader *r, void *ctx)
{
  struct catalogue *cat = ctx;

  (void) r;
  qsort (cat->groups, cat->ngroups, sizeof *cat->groups,
         catalogue_compare_group_names);
  return 0;
}

static const struct table_column group_columns[] = {
  TEXT ("group", 0, offsetof (struct group, name)),
  TEXT ("description", 0, offsetof (struct group, description)),
};

const struct table_spec catalogue_groups_spec = {
  .file = CATALOGUE_GROUPS,
  TABLE_COLUMNS (group_columns),
  .missing = "missing",
  .key_what = "group",
  .keys = { "group", NULL },
  .row_size = sizeof (struct group),
  .finish = sort_groups,
};

enum
{
  GPU_MODEL,
  GPU_SPEED,
  GPU_LOW,
  GPU_HIGH,
  GPU_STATUS,
  GPU_SOURCE,
  GPU_RESULTS,
  GPU_IDLE,
  GPU_P10,
  GPU_P50,
  GPU_MAX,
  GPU_EMBODIED
};

/* A speed, its spread around it and its status come with a source, or
   none of them is there.  */
/* A card's power is given at every load or at none, and never
   decreases.  */
static int
gpu_power_row (const struct table_reader *r, const struct gpu *g)
{
  size_t i;

  for (i = 1; i < CATALOGUE_POWER_POINTS; i++)
    {
      if (isnan (g->power_w[i]) != isnan (g->power_w[0]))
        return table_error (r, GPU_IDLE + i,
                            "a card's power is given at every load or at "
                            "none");
      if (g->power_w[i] < g->power_w[i - 1])
        return table_error (r, GPU_IDLE + i, "below the power at %g %% load",
                            catalogue_power_loads[i - 1]);
    }
  return 0;
}

static int
gpu_row (const struct table_reader *r, void *row, void *ctx)
{
  const struct gpu *g = row;
  bool has = !isnan (g->training_speed);
  bool known = STREQ (g->speed_status, "measured")
               || STREQ (g->speed_status, "estimated");

  (void) ctx;
  if (gpu_power_row (r, g) < 0)
    return -1;
  if (has != (g->speed_source[0] == '\0') && has == known
      && has != isnan (g->speed_low) && has != isnan (g->speed_high)
      && (!has
          || (g->speed_low > 0.0 && g->speed_low <= g->training_speed
              && g->training_speed <= g->speed_high)))
    return 0;
  return table_error (r, GPU_SPEED,
                      "a speed needs its spread around it, a "
                      "status (measured or estimated) and a source, and a "
                      "blank speed none of them");
}

static int
sort_gpus (const struct table_reader *r, void *ctx)
{
  struct catalogue *cat = ctx;

  (void) r;
  qsort (cat->gpus, cat->ngpus, sizeof *cat->gpus,
         catalogue_compare_gpu_models);
  return 0;
}

/* A card's power: blank for a GPU no source has a figure for, and a
   table made before --gpu-load may lack the columns.  */
#define GPU_POWER_FLAGS (TABLE_BLANK_OK | TABLE_MAY_LACK)

/* Relative to an A100 80 GB's (data/README.md).  */
#define RANGE_SPEED                                                           \
  {                                                                           \
    0.0, 1000.0, "x"                                                          \
  }
#define RANGE_RESULTS                                                         \
  {                                                                           \
    0.0, 1000000.0, "results"                                                 \
  }

static const struct table_column gpu_columns[] = {
  [GPU_MODEL] = TEXT ("gpu_model", 0, offsetof (struct gpu, model)),
  [GPU_SPEED] = COLUMN ("training_speed", TABLE_NUMBER, TABLE_BLANK_OK,
                        RANGE_SPEED, offsetof (struct gpu, training_speed)),
  [GPU_LOW] = COLUMN ("speed_low", TABLE_NUMBER, TABLE_BLANK_OK, RANGE_SPEED,
                      offsetof (struct gpu, speed_low)),
  [GPU_HIGH] = COLUMN ("speed_high", TABLE_NUMBER, TABLE_BLANK_OK, RANGE_SPEED,
                       offsetof (struct gpu, speed_high)),
  [GPU_STATUS]
  = TEXT ("speed_status", TABLE_BLANK_OK, offsetof (struct gpu, speed_status)),
  [GPU_SOURCE] = SOURCE ("speed_source", TABLE_BLANK_OK,
                         offsetof (struct gpu, speed_source)),
  /* Read by no one, but they must be sane.  */
  [GPU_RESULTS] = COLUMN ("speed_results", TABLE_CHECKED, TABLE_MAY_LACK,
                          RANGE_RESULTS, TABLE_NOWHERE),
  [GPU_IDLE] = COLUMN ("idle_w", TABLE_NUMBER, GPU_POWER_FLAGS, RANGE_WATTS,
                       offsetof (struct gpu, power_w[0])),
  [GPU_P10] = COLUMN ("power_10_w", TABLE_NUMBER, GPU_POWER_FLAGS, RANGE_WATTS,
                      offsetof (struct gpu, power_w[1])),
  [GPU_P50] = COLUMN ("power_50_w", TABLE_NUMBER, GPU_POWER_FLAGS, RANGE_WATTS,
                      offsetof (struct gpu, power_w[2])),
  [GPU_MAX] = COLUMN ("max_w", TABLE_NUMBER, GPU_POWER_FLAGS, RANGE_WATTS,
                      offsetof (struct gpu, power_w[3])),
  [GPU_EMBODIED] = COLUMN ("embodied_kgco2e", TABLE_CHECKED, TABLE_MAY_LACK,
                           RANGE_KG, TABLE_NOWHERE),
};

const struct table_spec catalogue_gpus_spec = {
  .file = CATALOGUE_GPUS,
  TABLE_COLUMNS (gpu_columns),
  .missing = "missing",
  .key_what = "GPU model",
  .keys = { "gpu_model", NULL },
  .row_size = sizeof (struct gpu),
  .row = gpu_row,
  .finish = sort_gpus,
};

enum
{
  IN_PROVIDER,
  IN_NAME,
  IN_FAMILY,
  IN_VCPUS,
  IN_MEMORY,
  IN_GPUS,
  IN_GPU_MODEL,
  IN_ACCELERATOR,
  IN_GPU_MEMORY,
  IN_GPU_MEMORY_SOURCE,
  IN_BURSTABLE,
  IN_BASELINE,
  IN_BASELINE_SOURCE,
  IN_ARCH,
  IN_CPU_MODEL,
  IN_HOST_VCPUS,
  IN_POWER,
  IN_EMBODIED_HOST = IN_POWER + CATALOGUE_POWER_POINTS,
  IN_EMBODIED,
  IN_ORIGIN,
  IN_POWER_SOURCE,
  IN_EMBODIED_SOURCE,
  IN_HOST_MEMORY,
  IN_HOST_GPUS,
  IN_SOURCE_LINE
};

/* The host holds the instance: at least its vCPUs, GPUs and memory.  */
static int
check_host (const struct table_reader *r, const struct instance *in)
{
  if (in->host_vcpus < in->vcpus)
    return table_error (r, IN_HOST_VCPUS, "%s is below %ld",
                        table_text (r, IN_HOST_VCPUS), in->vcpus);
  if (in->host_gpus < in->gpus)
    return table_error (r, IN_HOST_GPUS, "%s is below %ld",
                        table_text (r, IN_HOST_GPUS), in->gpus);
  if (in->host_memory_gib < in->memory_gib)
    return table_error (r, IN_HOST_MEMORY, "%s is below %g",
                        table_text (r, IN_HOST_MEMORY), in->memory_gib);
  if (!(in->host_memory_gib > 0.0))
    return table_error (r, IN_HOST_MEMORY, "must be above 0");
  return 0;
}

static bool
is_accelerator (const char *name)
{
  size_t i;

  for (i = 0; catalogue_accelerators[i] != NULL; i++)
    if (STREQ (catalogue_accelerators[i], name))
      return true;
  return false;
}

/* A GPU has an ecosystem and a memory with their source; a burstable
   type's baseline, where published, comes with its source.  */
static int
check_accelerator (const struct table_reader *r, const struct instance *in)
{
  bool has_memory = !isnan (in->gpu_memory_total_gib);

  if (!is_accelerator (in->accelerator))
    return table_error (r, IN_ACCELERATOR, "'%s' is not an accelerator",
                        in->accelerator);
  if ((in->gpus > 0) != has_memory
      || (in->gpus > 0 && STREQ (in->accelerator, "none")))
    return table_error (r, IN_GPU_MEMORY,
                        "GPUs need an accelerator and their memory, and "
                        "a type without GPUs neither memory");
  if (has_memory && !(in->gpu_memory_total_gib > 0.0))
    return table_error (r, IN_GPU_MEMORY, "must be above 0");
  if ((in->gpu_memory_source[0] != '\0')
      != (has_memory || !STREQ (in->accelerator, "none")))
    return table_error (r, IN_GPU_MEMORY_SOURCE,
                        "must be given exactly with an accelerator");
  if (in->burstable > 1)
    return table_error (r, IN_BURSTABLE, "must be 0 or 1");
  if ((in->burstable == 0 && !isnan (in->baseline_pct))
      || ((in->burstable == 1) != (in->baseline_source[0] != '\0')))
    return table_error (r, IN_BASELINE,
                        "a burstable type names its source (and its "
                        "baseline where one is published), another "
                        "neither");
  return 0;
}

static int
instance_row (const struct table_reader *r, void *row, void *ctx)
{
  struct instance *in = row;
  size_t i;

  in->line = r->line;
  if (check_host (r, in) < 0)
    return -1;
  if ((in->gpus > 0) != (in->gpu_model[0] != '\0'))
    return table_error (r, IN_GPU_MODEL,
                        "must be given exactly when gpus "
                        "is above 0");
  in->gpu = in->gpus > 0 ? catalogue_find_gpu (ctx, in->gpu_model) : NULL;
  if (in->gpus > 0 && in->gpu == NULL)
    return table_error (r, IN_GPU_MODEL, "'%s' is not in %s", in->gpu_model,
                        CATALOGUE_GPUS);
  if (check_accelerator (r, in) < 0)
    return -1;
  /* A power curve never decreases.  */
  for (i = 1; i < CATALOGUE_POWER_POINTS; i++)
    if (in->power_w[i] < in->power_w[i - 1])
      return table_error (r, IN_POWER + i,
                          "power %s W is below %s W at "
                          "the lower load",
                          table_text (r, IN_POWER + i),
                          table_text (r, IN_POWER + i - 1));
  if (!(in->embodied_kgco2e > 0.0))
    return table_error (r, IN_EMBODIED, "must be above 0");
  /* The spread of the figure starts as the figure alone; the
     alternatives widen it.  */
  in->embodied_low_kgco2e = in->embodied_high_kgco2e = in->embodied_kgco2e;
  return 0;
}

/* The tables are written sorted (data/README.md), and the program relies
   on it: every list and every tie-break follows file order.  */
static int
order_instances (const void *a, const void *b)
{
  const struct instance *x = a, *y = b;
  int c = strcmp (x->provider, y->provider);

  return c != 0 ? c : strcmp (x->name, y->name);
}

#define INSTANCE(field) offsetof (struct instance, field)
#define RANGE_FLAG                                                            \
  {                                                                           \
    0.0, 1.0, ""                                                              \
  }
#define RANGE_LINES                                                           \
  {                                                                           \
    1.0, 1e9, ""                                                              \
  }

static const struct table_column instance_columns[] = {
  [IN_PROVIDER] = TEXT ("provider", 0, INSTANCE (provider)),
  [IN_NAME] = TEXT ("instance_type", 0, INSTANCE (name)),
  [IN_FAMILY] = TEXT ("family", 0, INSTANCE (family)),
  [IN_VCPUS] = COLUMN ("vcpus", TABLE_WHOLE, 0, RANGE_VCPUS, INSTANCE (vcpus)),
  [IN_MEMORY]
  = COLUMN ("memory_gib", TABLE_NUMBER, 0, RANGE_GIB, INSTANCE (memory_gib)),
  [IN_GPUS] = COLUMN ("gpus", TABLE_WHOLE, 0, RANGE_GPUS, INSTANCE (gpus)),
  [IN_GPU_MODEL] = TEXT ("gpu_model", TABLE_BLANK_OK, INSTANCE (gpu_model)),
  [IN_ACCELERATOR] = TEXT ("accelerator", 0, INSTANCE (accelerator)),
  [IN_GPU_MEMORY]
  = COLUMN ("gpu_memory_total_gib", TABLE_NUMBER, TABLE_BLANK_OK, RANGE_GIB,
            INSTANCE (gpu_memory_total_gib)),
  [IN_GPU_MEMORY_SOURCE]
  = SOURCE ("gpu_memory_source", TABLE_BLANK_OK, INSTANCE (gpu_memory_source)),
  [IN_BURSTABLE]
  = COLUMN ("burstable", TABLE_WHOLE, 0, RANGE_FLAG, INSTANCE (burstable)),
  [IN_BASELINE] = COLUMN ("baseline_pct", TABLE_NUMBER, TABLE_BLANK_OK,
                          RANGE_PCT, INSTANCE (baseline_pct)),
  [IN_BASELINE_SOURCE]
  = SOURCE ("baseline_source", TABLE_BLANK_OK, INSTANCE (baseline_source)),
  [IN_ARCH] = ENUM ("arch", "x86_64", "arm64", INSTANCE (arch)),
  [IN_CPU_MODEL] = TEXT ("cpu_model", TABLE_BLANK_OK, INSTANCE (cpu_model)),
  [IN_HOST_VCPUS] = COLUMN ("host_vcpus", TABLE_WHOLE, TABLE_NO_FLOOR,
                            RANGE_VCPUS, INSTANCE (host_vcpus)),
  [IN_POWER] = COLUMN ("power_idle_w", TABLE_NUMBER, 0, RANGE_WATTS,
                       INSTANCE (power_w[0])),
  [IN_POWER + 1]
  = COLUMN ("power_10_w", TABLE_NUMBER, 0, RANGE_WATTS, INSTANCE (power_w[1])),
  [IN_POWER + 2]
  = COLUMN ("power_50_w", TABLE_NUMBER, 0, RANGE_WATTS, INSTANCE (power_w[2])),
  [IN_POWER + 3] = COLUMN ("power_100_w", TABLE_NUMBER, 0, RANGE_WATTS,
                           INSTANCE (power_w[3])),
  [IN_EMBODIED_HOST] = COLUMN ("embodied_host_kgco2e", TABLE_NUMBER, 0,
                               RANGE_KG, INSTANCE (embodied_host_kgco2e)),
  [IN_EMBODIED] = COLUMN ("embodied_kgco2e", TABLE_NUMBER, 0, RANGE_KG,
                          INSTANCE (embodied_kgco2e)),
  [IN_ORIGIN]
  = ENUM ("power_origin", "measured", "modelled", INSTANCE (power_origin)),
  [IN_POWER_SOURCE] = SOURCE ("power_source", 0, INSTANCE (power_source)),
  [IN_EMBODIED_SOURCE]
  = SOURCE ("embodied_source", 0, INSTANCE (embodied_source)),
  [IN_HOST_MEMORY] = COLUMN ("host_memory_gib", TABLE_NUMBER, TABLE_NO_FLOOR,
                             RANGE_GIB, INSTANCE (host_memory_gib)),
  [IN_HOST_GPUS] = COLUMN ("host_gpus", TABLE_WHOLE, TABLE_NO_FLOOR,
                           RANGE_GPUS, INSTANCE (host_gpus)),
  /* The line of the source table a row comes from.  */
  [IN_SOURCE_LINE] = COLUMN ("source_line", TABLE_CHECKED, TABLE_MAY_LACK,
                             RANGE_LINES, TABLE_NOWHERE),
};

const struct table_spec catalogue_instances_spec = {
  .file = CATALOGUE_INSTANCES,
  TABLE_COLUMNS (instance_columns),
  .missing = "missing",
  .row_size = sizeof (struct instance),
  .row = instance_row,
  .finish = catalogue_index_instances,
  .order = order_instances,
  .order_later = true,
};

enum
{
  UN_PROVIDER,
  UN_NAME,
  UN_REASON
};

/* A type is either estimated or left out, never both.  */
static int
unsupported_row (const struct table_reader *r, void *row, void *ctx)
{
  const struct unsupported *u = row;

  if (catalogue_find_instance (ctx, u->name) != NULL)
    return table_error (r, UN_NAME, "'%s' is also in %s", u->name,
                        CATALOGUE_INSTANCES);
  return 0;
}

static const struct table_column unsupported_columns[] = {
  [UN_PROVIDER]
  = TEXT ("provider", 0, offsetof (struct unsupported, provider)),
  [UN_NAME] = TEXT ("instance_type", 0, offsetof (struct unsupported, name)),
  [UN_REASON] = TEXT ("reason", 0, offsetof (struct unsupported, reason)),
};

/* No type left out is a catalogue that covers every type.  */
const struct table_spec catalogue_unsupported_spec = {
  .file = CATALOGUE_UNSUPPORTED,
  TABLE_COLUMNS (unsupported_columns),
  .may_be_empty = true,
  .missing = "missing",
  .key_what = "instance type",
  .keys = { "instance_type", NULL },
  .row_size = sizeof (struct unsupported),
  .row = unsupported_row,
};

enum
{
  EA_PROVIDER,
  EA_NAME,
  EA_SOURCE,
  EA_EMBODIED
};

static int
embodied_alternative_row (const struct table_reader *r, void *row, void *ctx)
{
  struct instance *in = tables_row_instance (r, EA_PROVIDER, EA_NAME, ctx);

  (void) row;
  if (in == NULL)
    return -1;
  tables_widen (&in->embodied_low_kgco2e, &in->embodied_high_kgco2e,
                r->values[EA_EMBODIED].number);
  return 0;
}

static const struct table_column embodied_alternative_columns[] = {
  [EA_PROVIDER] = TEXT ("provider", 0, TABLE_NOWHERE),
  [EA_NAME] = TEXT ("instance_type", 0, TABLE_NOWHERE),
  [EA_SOURCE] = TEXT ("source", 0, TABLE_NOWHERE),
  [EA_EMBODIED]
  = COLUMN ("embodied_kgco2e", TABLE_NUMBER, 0, RANGE_KG, TABLE_NOWHERE),
};

const struct table_spec catalogue_embodied_alternatives_spec = {
  .file = CATALOGUE_EMBODIED_ALTERNATIVES,
  TABLE_COLUMNS (embodied_alternative_columns),
  .missing = "missing",
  .key_what = "row",
  .keys = { "provider", "instance_type", "source", NULL },
  .row = embodied_alternative_row,
};

enum
{
  PE_ORIGIN,
  PE_LOAD,
  PE_MEDIAN,
  PE_P95,
  PE_WORST,
  PE_SOURCE
};

static int
power_error_row (const struct table_reader *r, void *row, void *ctx)
{
  const struct power_error *e = row;
  bool known_load = false;
  size_t i;

  (void) ctx;
  for (i = 0; i < CATALOGUE_POWER_POINTS; i++)
    known_load = known_load
                 || !(e->load_pct < catalogue_power_loads[i]
                      || e->load_pct > catalogue_power_loads[i]);
  if (!known_load)
    return table_error (r, PE_LOAD, "%s is not 0, 10, 50 or 100",
                        table_text (r, PE_LOAD));
  /* The interpolation walks the rows of an origin by load.  */
  for (i = 1; i <= r->row; i++)
    if (STREQ (e[-(ptrdiff_t) i].origin, e->origin)
        && !(e[-(ptrdiff_t) i].load_pct < e->load_pct))
      return table_error (r, PE_LOAD,
                          "the loads of an origin must "
                          "increase");
  return 0;
}

#define POWER_ERROR(field) offsetof (struct power_error, field)
/* Relative errors: 10 is 1,000 %.  */
#define RANGE_REL_ERROR                                                       \
  {                                                                           \
    0.0, 10.0, ""                                                             \
  }

static const struct table_column power_error_columns[] = {
  [PE_ORIGIN]
  = ENUM ("power_origin", "measured", "modelled", POWER_ERROR (origin)),
  [PE_LOAD] = COLUMN ("load_pct", TABLE_NUMBER, TABLE_NO_FLOOR, RANGE_PCT,
                      POWER_ERROR (load_pct)),
  [PE_MEDIAN] = COLUMN ("median_abs_rel_error", TABLE_NUMBER, 0,
                        RANGE_REL_ERROR, POWER_ERROR (median_abs_rel_error)),
  [PE_P95] = COLUMN ("p95_abs_rel_error", TABLE_NUMBER, 0, RANGE_REL_ERROR,
                     POWER_ERROR (p95_abs_rel_error)),
  [PE_WORST] = COLUMN ("worst_abs_rel_error", TABLE_NUMBER, 0, RANGE_REL_ERROR,
                       POWER_ERROR (worst_abs_rel_error)),
  [PE_SOURCE] = TEXT ("source", TABLE_BLANK_OK, POWER_ERROR (source)),
};

const struct table_spec catalogue_power_error_spec = {
  .file = CATALOGUE_POWER_ERROR,
  TABLE_COLUMNS (power_error_columns),
  .missing = "missing",
  .row_size = sizeof (struct power_error),
  .row = power_error_row,
};
