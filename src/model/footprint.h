/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The carbon and cost of one run: the formula of doc/METHODOLOGY.md.  */
#ifndef CA_FOOTPRINT_H
#define CA_FOOTPRINT_H

/* Hours in a year for amortising manufacturing emissions: 365 x 24, so
   the default 4 years is the 35,040 h of CCF and the SCI specification
   (Teads' own hourly column uses 4 x 360 x 24 = 34,560 h).  */
#define FOOTPRINT_HOURS_PER_YEAR 8760.0

/* The default hardware lifetime, in years.  */
#define FOOTPRINT_DEFAULT_LIFETIME_YEARS 4.0

/* What the job asks for.  */
struct footprint_job
{
  double runtime_h;  /* Wall-clock hours on each instance.  */
  double count;      /* Instances, at least 1.  */
  double lifetime_h; /* Hours over which manufacturing is spread.  */
};

/* What the chosen instance and region contribute.  */
struct footprint_site
{
  double power_w;         /* One instance's draw at the job's load.  */
  double embodied_kgco2e; /* One instance's share of its host.  */
  double pue;
  double grid_gco2e_per_kwh;
  double price_usd_per_h; /* NaN when unknown: the cost is NaN too.  */
};

/* The run's figures, for all COUNT instances together.  */
struct footprint
{
  double energy_kwh; /* Facility energy, PUE included.  */
  double scope2_gco2e;
  double scope3_gco2e;
  double total_gco2e;
  double cost_usd;
};

/* Compute the footprint of JOB at SITE into *OUT:
     energy = count x power x runtime / 1000 x PUE
     scope2 = energy x grid intensity
     scope3 = count x embodied x 1000 x runtime / lifetime
     cost   = count x price x runtime
   The inputs are the caller's to check; this never fails.  Inline: the
   Monte Carlo calls it for every run in every sample.  */
static inline void
footprint_compute (const struct footprint_job *job,
                   const struct footprint_site *site, struct footprint *out)
{
  out->energy_kwh
    = job->count * site->power_w * job->runtime_h / 1000.0 * site->pue;
  out->scope2_gco2e = out->energy_kwh * site->grid_gco2e_per_kwh;
  out->scope3_gco2e = job->count * site->embodied_kgco2e * 1000.0
                      * job->runtime_h / job->lifetime_h;
  out->total_gco2e = out->scope2_gco2e + out->scope3_gco2e;
  out->cost_usd = job->count * site->price_usd_per_h * job->runtime_h;
}

#endif /* CA_FOOTPRINT_H */
