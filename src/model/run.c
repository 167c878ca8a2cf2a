/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* One run: a job on COUNT instances of one type in one region, by one
   method, with every figure of its footprint and where each came from.  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "model/power.h"
#include "model/run.h"
#include "base/system.h"

static const char *const signal_names[] = { "average", "marginal", "market" };

int
run_signal_parse (const char *name, enum run_signal *signal)
{
  int i = name_index (signal_names, ARRAY_SIZE (signal_names), name);

  if (i < 0)
    return -1;
  *signal = (enum run_signal) i;
  return 0;
}

const char *
run_signal_name (enum run_signal signal)
{
  return signal_names[signal];
}

static const char *const method_names[] = { "teads", "ccf" };

int
run_method_parse (const char *name, enum run_method *method)
{
  int i = name_index (method_names, ARRAY_SIZE (method_names), name);

  if (i < 0)
    return -1;
  *method = (enum run_method) i;
  return 0;
}

const char *
run_method_name (enum run_method method)
{
  return method_names[method];
}

bool
run_method_covers_instance (const struct run_params *params,
                            const struct instance *instance)
{
  return params->method != RUN_METHOD_CCF || instance->ccf != NULL;
}

bool
run_method_covers_region (const struct run_params *params,
                          const struct region *region)
{
  if (params->method != RUN_METHOD_CCF)
    return true;
  if (!isnan (params->grid_gco2e_per_kwh))
    return region->ccf != NULL || !isnan (params->pue);
  return region->ccf != NULL && !isnan (region->ccf->grid_gco2e_per_kwh);
}

const struct grid_figure *
run_signal_figure (const struct region *region, enum run_signal signal)
{
  switch (signal)
    {
    case RUN_SIGNAL_MARGINAL:
      return &region->marginal;
    case RUN_SIGNAL_MARKET:
      return &region->market;
    case RUN_SIGNAL_AVERAGE:
    default:
      return &region->grid;
    }
}

void
run_grid_figure (const struct region *region, const struct run_params *params,
                 struct grid_figure *fig, const char **level)
{
  const char *dummy;
  size_t i;

  if (level == NULL)
    level = &dummy;
  if (params->grid_source == NULL)
    {
      *fig = *run_signal_figure (region, params->signal);
      *level
        = params->signal == RUN_SIGNAL_AVERAGE ? region->grid_level : "region";
      return;
    }
  *level = "";
  fig->gco2e_per_kwh = NAN;
  fig->source = "";
  fig->year = 0;
  for (i = 0; i < region->ngrid_alternatives; i++)
    {
      const struct grid_alternative *a = &region->grid_alternatives[i];

      if (STREQ (a->source, params->grid_source)
          && (isnan (fig->gco2e_per_kwh) || a->year > fig->year))
        {
          fig->gco2e_per_kwh = a->gco2e_per_kwh;
          fig->source = a->source;
          fig->year = a->year;
          *level = a->level;
        }
    }
}

bool
run_has_grid (const struct run_params *params, const struct region *region)
{
  struct grid_figure fig;

  if (params->method == RUN_METHOD_CCF)
    return run_method_covers_region (params, region);
  if (!isnan (params->grid_gco2e_per_kwh))
    return true;
  run_grid_figure (region, params, &fig, NULL);
  return !isnan (fig.gco2e_per_kwh);
}

double
run_gpu_load (const struct run_params *params)
{
  return params->gpu_load_own ? params->gpu_load_pct : params->load_pct;
}

/* Where OUT's GPUs run: at PARAMS' GPU load when the data has their own
   curve to take out of the instance's (CCF's GPU watts, or gpus.csv's
   per-card curve for Teads), else at the CPU's load with the rest of
   the curve, which is all the data allows.  */
static void
gpu_load_of (const struct instance *instance, const struct run_params *params,
             struct run *out)
{
  bool card = params->method == RUN_METHOD_CCF
                ? true
                : instance->gpu != NULL && !isnan (instance->gpu->power_w[0]);

  out->gpu_load_split = instance->gpus > 0 && card;
  out->gpu_load_pct = instance->gpus <= 0   ? NAN
                      : out->gpu_load_split ? run_gpu_load (params)
                                            : params->load_pct;
}

/* The Teads method's power and embodied figures for OUT.  */
static int
teads_type (const struct instance *instance, const struct run_params *params,
            struct run *out, struct diag *d)
{
  struct diag pd;

  if (!isnan (params->power_w))
    out->power_w = params->power_w;
  else if (power_split_at_loads (
             catalogue_power_loads, instance->power_w,
             out->gpu_load_split ? instance->gpu->power_w : instance->power_w,
             CATALOGUE_POWER_POINTS,
             out->gpu_load_split ? (double) instance->gpus : 0.0,
             params->load_pct, out->gpu_load_pct, &out->power_w, &pd)
           < 0)
    return diag_set (d, pd.status, "%s: %s", instance->name, pd.text);
  out->power_origin = instance->power_origin;
  out->power_source = instance->power_source;
  out->embodied_kgco2e
    = instance->embodied_kgco2e
      * embodied_share_factor (instance, params->embodied_rule,
                               &out->embodied_basis);
  out->embodied_source = instance->embodied_source;
  return 0;
}

/* The Teads method's PUE and grid figures for OUT.  */
static int
teads_region (const struct region *region, const struct run_params *params,
              struct run *out, struct diag *d)
{
  out->pue = region->pue;
  out->pue_source = region->pue_source;
  out->pue_year = region->pue_year;
  if (isnan (params->grid_gco2e_per_kwh))
    {
      struct grid_figure fig;

      run_grid_figure (region, params, &fig, &out->grid_level);
      if (isnan (fig.gco2e_per_kwh))
        return diag_set (d, CA_EXIT_DATAERR,
                         "region '%s' has no %s grid intensity in the data; "
                         "give one with --grid-intensity",
                         region->name,
                         params->grid_source != NULL
                           ? params->grid_source
                           : run_signal_name (params->signal));
      out->grid_gco2e_per_kwh = fig.gco2e_per_kwh;
      out->grid_source = fig.source;
      out->grid_year = fig.year;
    }
  return 0;
}

/* The same by Cloud Carbon Footprint's coefficients: power and
   embodied figures.  */
static int
ccf_type (const struct instance *instance, const struct run_params *params,
          struct run *out, struct diag *d)
{
  const struct ccf_instance *row = instance->ccf;

  if (row == NULL)
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s: CCF's published coefficients do not cover this "
                     "instance type (no row in %s); --method teads "
                     "estimates it",
                     instance->name, CATALOGUE_CCF_INSTANCES);
  if (!isnan (params->power_w))
    {
      out->power_w = params->power_w;
      out->ccf_power.cpu_w = out->ccf_power.gpu_w = NAN;
      out->ccf_power.memory_w = NAN;
      out->ccf_power.total_w = params->power_w;
    }
  else
    {
      if (ccf_power_at_loads (instance, row, params->load_pct,
                              run_gpu_load (params), &out->ccf_power, d)
          < 0)
        return -1;
      out->power_w = out->ccf_power.total_w;
    }
  out->power_origin = "ccf";
  out->power_source = row->source;
  out->embodied_kgco2e = ccf_embodied_share (instance, row);
  out->embodied_source = row->embodied_source;
  out->embodied_basis = "vcpu";
  return 0;
}

/* CCF's PUE and grid figures.  */
static int
ccf_region (const struct region *region, const struct run_params *params,
            struct run *out, struct diag *d)
{
  const struct ccf_region *site = region->ccf;

  /* CCF has one location-based factor per region; the command layer
     refuses another --signal with this method.  */
  if (site == NULL
      && (isnan (params->pue) || isnan (params->grid_gco2e_per_kwh)))
    return diag_set (d, CA_EXIT_DATAERR,
                     "region '%s' has no row in %s; give --pue and "
                     "--grid-intensity",
                     region->name, CATALOGUE_CCF_REGIONS);
  if (site != NULL)
    {
      out->pue = site->pue;
      out->pue_source = site->source;
      out->pue_year = 0;
    }
  if (isnan (params->grid_gco2e_per_kwh))
    {
      if (isnan (site->grid_gco2e_per_kwh))
        return diag_set (d, CA_EXIT_DATAERR,
                         "region '%s' has no CCF grid factor in the data; "
                         "give one with --grid-intensity",
                         region->name);
      out->grid_gco2e_per_kwh = site->grid_gco2e_per_kwh;
      out->grid_source = site->source;
      out->grid_year = 0;
      out->grid_level = "";
    }
  return 0;
}

int
run_evaluate_type (const struct instance *instance,
                   const struct run_params *params, struct run *out,
                   struct diag *d)
{
  out->instance = instance;
  out->region = NULL;
  out->price = NULL;
  out->runtime_h = params->runtime_h;
  out->load_pct = params->load_pct;
  out->count = params->count;
  out->lifetime_h = params->lifetime_years * FOOTPRINT_HOURS_PER_YEAR;
  out->method = params->method;
  out->signal = params->signal;
  gpu_load_of (instance, params, out);
  out->ccf_power.cpu_w = out->ccf_power.gpu_w = NAN;
  out->ccf_power.memory_w = out->ccf_power.total_w = NAN;
  return params->method == RUN_METHOD_CCF
           ? ccf_type (instance, params, out, d)
           : teads_type (instance, params, out, d);
}

int
run_evaluate_region (const struct region *region,
                     const struct run_params *params, struct run *out,
                     struct diag *d)
{
  int status;

  out->region = region;
  status = params->method == RUN_METHOD_CCF
             ? ccf_region (region, params, out, d)
             : teads_region (region, params, out, d);
  if (status < 0)
    return -1;
  /* The user's own figures replace either method's.  */
  if (!isnan (params->pue))
    {
      out->pue = params->pue;
      out->pue_source = RUN_SOURCE_USER;
      out->pue_year = 0;
    }
  if (!isnan (params->grid_gco2e_per_kwh))
    {
      out->grid_gco2e_per_kwh = params->grid_gco2e_per_kwh;
      out->grid_source = RUN_SOURCE_USER;
      out->grid_year = 0;
      out->grid_level = "";
    }
  return 0;
}

void
run_pair_footprint (const struct run *type, const struct run *site_run,
                    double runtime_h, const struct price *price,
                    struct footprint *out)
{
  struct footprint_job job;
  struct footprint_site site;

  job.runtime_h = runtime_h;
  job.count = (double) type->count;
  job.lifetime_h = type->lifetime_h;
  site.power_w = type->power_w;
  site.embodied_kgco2e = type->embodied_kgco2e;
  site.pue = site_run->pue;
  site.grid_gco2e_per_kwh = site_run->grid_gco2e_per_kwh;
  site.price_usd_per_h = price != NULL ? price->usd_per_h : NAN;
  footprint_compute (&job, &site, out);
}

int
run_evaluate (const struct instance *instance, const struct region *region,
              const struct price *price, const struct run_params *params,
              struct run *out, struct diag *d)
{
  if (run_evaluate_type (instance, params, out, d) < 0
      || run_evaluate_region (region, params, out, d) < 0)
    return -1;
  out->price = price;
  run_pair_footprint (out, out, out->runtime_h, price, &out->footprint);
  return 0;
}
