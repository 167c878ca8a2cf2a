/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* One run: a job on COUNT instances of one type in one region, with
   every figure of its footprint and where each came from.  */
#ifndef CA_RUN_H
#define CA_RUN_H

#include "data/catalogue.h"
#include "model/ccf.h"
#include "base/diag.h"
#include "model/embodied.h"
#include "model/footprint.h"

/* Which grid intensity a run uses (doc/METHODOLOGY.md, "Grid
   intensity").  */
enum run_signal
{
  RUN_SIGNAL_AVERAGE,  /* Location-based annual average (default).  */
  RUN_SIGNAL_MARGINAL, /* Marginal emissions of extra demand.  */
  RUN_SIGNAL_MARKET    /* Market-based: the provider's claim after its
                          renewable purchases.  */
};

/* Look NAME up among "average", "marginal", "market".  */
int run_signal_parse (const char *name, enum run_signal *signal);
const char *run_signal_name (enum run_signal signal);

/* REGION's figure for SIGNAL (its gco2e_per_kwh is NaN when the data has
   none).  */
const struct grid_figure *run_signal_figure (const struct region *region,
                                             enum run_signal signal);

/* Which method works out a run (doc/METHODOLOGY.md, "Two methods: Teads
   and CCF").  */
enum run_method
{
  RUN_METHOD_TEADS, /* Teads' measured curves, the region's own PUE
                       and grid figures (default).  */
  RUN_METHOD_CCF    /* Cloud Carbon Footprint's coefficients, PUE and
                       grid factors.  */
};

/* Look NAME up among "teads", "ccf".  */
int run_method_parse (const char *name, enum run_method *method);
const char *run_method_name (enum run_method method);

/* What the user asked for.  */
struct run_params
{
  double runtime_h;
  double load_pct;
  long count;
  double lifetime_years;
  double pue;                /* --pue, or NaN for the region's.  */
  double grid_gco2e_per_kwh; /* --grid-intensity, or NaN.  */
  enum run_signal signal;    /* Which of the region's figures; CCF's
                                method has only its own average.  */
  enum run_method method;
  enum embodied_rule embodied_rule; /* How the Teads method shares the
                                       host's embodied emissions.  */
  const char *grid_source;          /* --grid-source: take the location-based
                                       figure of this source id of
                                       grid_alternatives.csv, or NULL.  */
  double gpu_load_pct; /* --gpu-load: the GPUs' load, used only when
                          GPU_LOAD_OWN.  */
  bool gpu_load_own;   /* Whether the GPUs run at GPU_LOAD_PCT rather
                          than LOAD_PCT (false after a memset: one load
                          for both).  */
  double power_w;      /* The instance's power at LOAD_PCT when the
                          caller has worked it out already (advise
                          does, once per instance type), or NaN.  */
};

/* The load PARAMS puts on the GPUs: GPU_LOAD_PCT when GPU_LOAD_OWN,
   else LOAD_PCT.  */
double run_gpu_load (const struct run_params *params);

/* The grid figure PARAMS asks for in REGION, into *FIG: with
   PARAMS->grid_source, the newest figure of that source among REGION's
   location-based alternatives; else REGION's figure for PARAMS->signal.
   FIG's gco2e_per_kwh is NaN when the data has none.  Sets *LEVEL, when
   LEVEL is not NULL, to how local the figure is: "region" or "country"
   (only the average and the alternatives fall back to a country).  */
void run_grid_figure (const struct region *region,
                      const struct run_params *params, struct grid_figure *fig,
                      const char **level);

/* Whether a run of PARAMS in REGION has its grid figure: CCF's factor
   for --method ccf, else --grid-intensity or run_grid_figure's.  */
bool run_has_grid (const struct run_params *params,
                   const struct region *region);

/* The source id recorded for a figure the user gave on the command
   line.  */
#define RUN_SOURCE_USER "user"

struct run
{
  const struct instance *instance;
  const struct region *region;
  const struct price *price;
  double runtime_h;
  double load_pct;
  double gpu_load_pct; /* Where the GPUs' part of the power is taken:
                          the asked GPU load where the model separates
                          it, else LOAD_PCT; NaN without GPUs.  */
  bool gpu_load_split; /* Whether GPU_LOAD_PCT is the asked GPU load
                          (false without GPUs, or when the data has no
                          per-card power to take apart).  */
  long count;
  double lifetime_h;
  enum run_method method;
  double power_w;             /* One instance at LOAD_PCT.  */
  struct ccf_power ccf_power; /* Its parts by CCF's method (all NaN for
                                 Teads, or when power_w was given).  */
  const char *power_origin;   /* "measured", "modelled" or "ccf".  */
  const char *power_source;
  double embodied_kgco2e; /* One instance's share of its host.  */
  const char *embodied_source;
  const char *embodied_basis; /* The share that decided: "vcpu", "memory"
                                 or "gpu" (CCF: "vcpu").  */
  double pue;
  const char *pue_source;
  long pue_year; /* 0 when not known.  */
  double grid_gco2e_per_kwh;
  enum run_signal signal;
  const char *grid_source;
  long grid_year;
  const char *grid_level;
  struct footprint footprint;
};

/* Whether PARAMS->method can work out a run on INSTANCE in REGION from
   the data: always for Teads; for CCF when the instance has a row in
   ccf_instances.csv and (unless PARAMS gives its own grid intensity) the
   region a CCF grid factor.  */
bool run_method_covers_instance (const struct run_params *params,
                                 const struct instance *instance);
bool run_method_covers_region (const struct run_params *params,
                               const struct region *region);

/* Work out the run of PARAMS on INSTANCE in REGION at PRICE (which sells
   that instance there) into *OUT, by PARAMS->method.  Returns 0, or -1
   with D set when a figure is missing (CA_EXIT_DATAERR: a region without
   a grid intensity for the chosen signal, an instance or region CCF's
   coefficients do not cover) or the power curve is unusable.  */
int run_evaluate (const struct instance *instance, const struct region *region,
                  const struct price *price, const struct run_params *params,
                  struct run *out, struct diag *d);

/* The same in parts, for a caller that works out many pairs and keeps
   what depends on the instance type alone and on the region alone.
   run_evaluate_type sets every figure of *OUT that depends on INSTANCE
   and PARAMS alone (the power, the embodied share, the job's figures;
   no region, no price, no footprint); run_evaluate_region only the
   region, PUE and grid figures of *OUT, PARAMS' own figures included.
   Each returns 0, or -1 with D set as run_evaluate would (which runs the
   type's part first).  */
int run_evaluate_type (const struct instance *instance,
                       const struct run_params *params, struct run *out,
                       struct diag *d);
int run_evaluate_region (const struct region *region,
                         const struct run_params *params, struct run *out,
                         struct diag *d);

/* The footprint of a run of RUNTIME_H hours at PRICE with TYPE's
   figures (as run_evaluate_type sets them) in SITE_RUN's region (as
   run_evaluate_region sets them), into *OUT: the footprint run_evaluate
   gives, to the bit.  */
void run_pair_footprint (const struct run *type, const struct run *site_run,
                         double runtime_h, const struct price *price,
                         struct footprint *out);

#endif /* CA_RUN_H */
