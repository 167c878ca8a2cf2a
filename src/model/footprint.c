/* The carbon and cost of one run: the formula of doc/METHODOLOGY.md.  */
#include <config.h>

#include "model/footprint.h"

void
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
