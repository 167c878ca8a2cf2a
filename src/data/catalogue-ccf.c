/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The specs of Cloud Carbon Footprint's coefficient tables: per instance
   type (its processors' watts, memory, GPUs and embodied emissions) and
   per region (PUE and grid factor), for --method ccf.  */
#include <config.h>

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "data/tables.h"

enum
{
  CI_PROVIDER,
  CI_NAME,
  CI_MICROARCHITECTURE,
  CI_ARCHITECTURE,
  CI_CPU_MIN,
  CI_CPU_MAX,
  CI_MEMORY_ALLOWANCE,
  CI_GPU,
  CI_GPU_MIN,
  CI_GPU_MAX,
  CI_EMBODIED_HOST,
  CI_HOST_VCPUS,
  CI_SOURCE,
  CI_EMBODIED_SOURCE,
  CI_VCPU_FACTOR,
  CI_MEMORY_PER_CHIP,
  CI_MEMORY_CHIPS
};

/* A GPU watts figure: given with GPUs, blank without.  */
static int
gpu_watts (const struct table_reader *r, size_t col, bool no_gpu)
{
  bool blank = isnan (r->values[col].number);

  if (no_gpu && !blank)
    return table_error (r, col, "must be blank without GPUs");
  if (!no_gpu && blank)
    return table_not_number (r, col);
  return 0;
}

/* A row's maximum below its minimum: the curve would fall with load.  */
static int
below_min (const struct table_reader *r, size_t col, double max, double min)
{
  return table_error (r, col, "%g is below the minimum %g", max, min);
}

static int
check_ccf_gpu (const struct table_reader *r, const struct ccf_instance *x)
{
  const struct instance *in = x->instance;

  if (in->gpus > 0 && x->gpu[0] == '\0')
    return table_row_error (r,
                            "%s has %ld GPUs: columns 'ccf_gpu', "
                            "'gpu_min_w' and 'gpu_max_w' must be given",
                            in->name, in->gpus);
  if (in->gpus == 0 && x->gpu[0] != '\0')
    return table_error (r, CI_GPU, "must be blank without GPUs");
  if (in->gpus > 0 && x->gpu_max_w < x->gpu_min_w)
    return below_min (r, CI_GPU_MAX, x->gpu_max_w, x->gpu_min_w);
  return 0;
}

/* The instance type a row is for, before its other fields.  */
static int
ccf_instance_lead (const struct table_reader *r, void *row, void *ctx)
{
  struct ccf_instance *x = row;
  struct instance *in = tables_row_instance (r, CI_PROVIDER, CI_NAME, ctx);

  x->line = r->line;
  if (in == NULL)
    return -1;
  if (in->ccf != NULL)
    return table_row_error (r,
                            "instance type '%s' appears twice (first on "
                            "line %zu)",
                            in->name, in->ccf->line);
  x->instance = in;
  return 0;
}

static int
ccf_instance_row (const struct table_reader *r, void *row, void *ctx)
{
  struct ccf_instance *x = row;
  struct instance *in = (struct instance *) x->instance;

  (void) ctx;
  if (gpu_watts (r, CI_GPU_MIN, in->gpus == 0) < 0
      || gpu_watts (r, CI_GPU_MAX, in->gpus == 0) < 0)
    return -1;
  if (!(x->vcpu_factor > 0.0))
    return table_error (r, CI_VCPU_FACTOR, "must be above 0");
  if (x->cpu_max_w < x->cpu_min_w)
    return below_min (r, CI_CPU_MAX, x->cpu_max_w, x->cpu_min_w);
  if (check_ccf_gpu (r, x) < 0)
    return -1;
  if (!(x->embodied_host_kgco2e > 0.0))
    return table_error (r, CI_EMBODIED_HOST, "must be above 0");
  if (x->host_vcpus < in->vcpus)
    return table_error (r, CI_HOST_VCPUS,
                        "%ld is below the instance's %ld "
                        "vCPUs",
                        x->host_vcpus, in->vcpus);
  in->ccf = x;
  return 0;
}

/* Rows follow instances.csv's order, so their instances do.  */
static int
order_ccf_instances (const void *a, const void *b)
{
  const struct ccf_instance *x = a, *y = b;

  return x->instance > y->instance;
}

#define CCF(field) offsetof (struct ccf_instance, field)
#define RANGE_VCPU_FACTOR                                                     \
  {                                                                           \
    0.0, 2.0, ""                                                              \
  }
#define RANGE_GB                                                              \
  {                                                                           \
    0.0, 1000000.0, "GB"                                                      \
  }
#define RANGE_CHIPS                                                           \
  {                                                                           \
    0.0, 1000.0, "chips"                                                      \
  }

static const struct table_column ccf_instance_columns[] = {
  [CI_PROVIDER] = TEXT ("provider", 0, TABLE_NOWHERE),
  [CI_NAME] = TEXT ("instance_type", 0, TABLE_NOWHERE),
  [CI_MICROARCHITECTURE]
  = TEXT ("cpu_microarchitecture", 0, CCF (microarchitecture)),
  [CI_ARCHITECTURE] = TEXT ("ccf_architecture", 0, CCF (architecture)),
  [CI_CPU_MIN] = COLUMN ("cpu_min_w_per_vcpu", TABLE_NUMBER, 0, RANGE_WATTS,
                         CCF (cpu_min_w)),
  [CI_CPU_MAX] = COLUMN ("cpu_max_w_per_vcpu", TABLE_NUMBER, 0, RANGE_WATTS,
                         CCF (cpu_max_w)),
  [CI_MEMORY_ALLOWANCE] = COLUMN ("memory_allowance_gib", TABLE_NUMBER, 0,
                                  RANGE_GIB, CCF (memory_allowance_gib)),
  [CI_GPU] = TEXT ("ccf_gpu", TABLE_BLANK_OK, CCF (gpu)),
  [CI_GPU_MIN] = COLUMN ("gpu_min_w", TABLE_NUMBER, TABLE_BLANK_OK,
                         RANGE_WATTS, CCF (gpu_min_w)),
  [CI_GPU_MAX] = COLUMN ("gpu_max_w", TABLE_NUMBER, TABLE_BLANK_OK,
                         RANGE_WATTS, CCF (gpu_max_w)),
  [CI_EMBODIED_HOST] = COLUMN ("embodied_host_kgco2e", TABLE_NUMBER, 0,
                               RANGE_KG, CCF (embodied_host_kgco2e)),
  [CI_HOST_VCPUS]
  = COLUMN ("host_vcpus", TABLE_WHOLE, 0, RANGE_VCPUS, CCF (host_vcpus)),
  [CI_SOURCE] = SOURCE ("ccf_source", 0, CCF (source)),
  [CI_EMBODIED_SOURCE] = SOURCE ("embodied_source", 0, CCF (embodied_source)),
  /* A burstable type's baseline over CCF's 50 %: at most 2.  */
  [CI_VCPU_FACTOR] = COLUMN ("vcpu_factor", TABLE_NUMBER, 0, RANGE_VCPU_FACTOR,
                             CCF (vcpu_factor)),
  [CI_MEMORY_PER_CHIP] = COLUMN ("memory_gb_per_chip", TABLE_CHECKED,
                                 TABLE_MAY_LACK, RANGE_GB, TABLE_NOWHERE),
  [CI_MEMORY_CHIPS] = COLUMN ("memory_chips", TABLE_CHECKED, TABLE_MAY_LACK,
                              RANGE_CHIPS, TABLE_NOWHERE),
};

const struct table_spec catalogue_ccf_instances_spec = {
  .file = CATALOGUE_CCF_INSTANCES,
  TABLE_COLUMNS (ccf_instance_columns),
  .missing = "missing",
  .row_size = sizeof (struct ccf_instance),
  .row = ccf_instance_row,
  .order = order_ccf_instances,
  .nlead = CI_PROVIDER + 2,
  .lead = ccf_instance_lead,
};

enum
{
  CR_PROVIDER,
  CR_REGION,
  CR_PUE,
  CR_PUE_BASIS,
  CR_GRID,
  CR_GRID_NOTE,
  CR_SOURCE
};

/* The region a row is for, before its other fields.  */
static int
ccf_region_lead (const struct table_reader *r, void *row, void *ctx)
{
  struct ccf_region *x = row;
  struct region *g = tables_row_region (r, CR_PROVIDER, CR_REGION, ctx);

  x->line = r->line;
  if (g == NULL)
    return -1;
  if (g->ccf != NULL)
    return table_row_error (r,
                            "region '%s' appears twice (first on line "
                            "%zu)",
                            g->name, g->ccf->line);
  x->region = g;
  return 0;
}

static int
ccf_region_row (const struct table_reader *r, void *row, void *ctx)
{
  struct ccf_region *x = row;

  (void) r;
  (void) ctx;
  ((struct region *) x->region)->ccf = x;
  return 0;
}

/* Rows follow regions.csv's order, so their regions do.  */
static int
order_ccf_regions (const void *a, const void *b)
{
  const struct ccf_region *x = a, *y = b;

  return x->region > y->region;
}

#define CCF_REGION(field) offsetof (struct ccf_region, field)

static const struct table_column ccf_region_columns[] = {
  [CR_PROVIDER] = TEXT ("provider", 0, TABLE_NOWHERE),
  [CR_REGION] = TEXT ("region", 0, TABLE_NOWHERE),
  [CR_PUE] = COLUMN ("pue", TABLE_NUMBER, 0, RANGE_PUE, CCF_REGION (pue)),
  [CR_PUE_BASIS] = TEXT ("pue_basis", 0, CCF_REGION (pue_basis)),
  [CR_GRID] = COLUMN ("grid_gco2e_per_kwh", TABLE_NUMBER, TABLE_BLANK_OK,
                      RANGE_GRID, CCF_REGION (grid_gco2e_per_kwh)),
  [CR_GRID_NOTE] = TEXT ("grid_note", TABLE_BLANK_OK, CCF_REGION (grid_note)),
  [CR_SOURCE] = SOURCE ("ccf_source", 0, CCF_REGION (source)),
};

const struct table_spec catalogue_ccf_regions_spec = {
  .file = CATALOGUE_CCF_REGIONS,
  TABLE_COLUMNS (ccf_region_columns),
  .missing = "missing",
  .row_size = sizeof (struct ccf_region),
  .row = ccf_region_row,
  .order = order_ccf_regions,
  .nlead = CR_PROVIDER + 2,
  .lead = ccf_region_lead,
};
