/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Cloud Carbon Footprint's method: an instance's power at a load and its
   embodied share from CCF's published coefficients (doc/METHODOLOGY.md,
   "Two methods: Teads and CCF").  Pure computation.  */
#ifndef CA_CCF_H
#define CA_CCF_H

#include "data/catalogue.h"
#include "base/diag.h"

/* CCF's memory coefficient, 0.000392 kWh per GB-hour (the average of
   Crucial's 0.375 and Micron's 0.4083 W per GB): 0.392 W per GB.
   data/build/ccf.py checks the constant CCF ships is this one.  */
#define CCF_MEMORY_W_PER_GB 0.392

/* One instance's draw by CCF's method, in watts, and its parts.  */
struct ccf_power
{
  double cpu_w;    /* vCPUs x factor x (min + u x (max - min)).  */
  double gpu_w;    /* GPUs x (min + u x (max - min)), 0 without.  */
  double memory_w; /* GB above the allowance x 0.392.  */
  double total_w;
};

/* The power of INSTANCE at LOAD_PCT (0-100), its GPUs at GPU_LOAD_PCT
   (0-100; LOAD_PCT again but for --gpu-load), with CCF's coefficients
   ROW (INSTANCE's row of ccf_instances.csv), into *OUT:

     u      = LOAD_PCT / 100
     g      = GPU_LOAD_PCT / 100
     cpu    = vcpus x vcpu_factor x (cpu_min + u x (cpu_max - cpu_min))
     gpu    = gpus x (gpu_min + g x (gpu_max - gpu_min))
     memory = max (0, memory_gib - memory_allowance_gib) x 0.392

   vcpu_factor is 1 but for AWS's burstable types, whose vCPU-hours CCF
   counts at their baseline over its 50 % average (t3.nano: 5 / 50).
   CCF's line is straight: no interpolation between measured points, and
   memory draws the same at every load.  Returns 0, or -1 with D set
   (CA_EXIT_USAGE for a load outside 0-100).  */
int ccf_power_at_loads (const struct instance *instance,
                        const struct ccf_instance *row, double load_pct,
                        double gpu_load_pct, struct ccf_power *out,
                        struct diag *d);

/* INSTANCE's share of its host's embodied emissions by CCF's (SCI's)
   rule, in kgCO2e over the host's whole life:
     embodied_host_kgco2e x vcpus / host_vcpus
   with host_vcpus the vCPUs of the family's largest type.  Charged for
   t hours of a lifetime L as share x t / L, like the Teads share.  */
double ccf_embodied_share (const struct instance *instance,
                           const struct ccf_instance *row);

#endif /* CA_CCF_H */
