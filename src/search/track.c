/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The footprint of one tracked job.  Every figure comes from
   run_evaluate: an on-premises GPU is one GPU's share of the cloud
   instance type with the most GPUs of that model (its power curve and
   embodied share divided by its GPU count), at the zone's grid figure
   and the site's PUE, so the formula and the data stay those of the
   cloud runs.  */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/power.h"
#include "base/strmap.h"
#include "search/track.h"
#include "base/xalloc.h"

/* Memo of one instance's power at one load: jobs repeat a few
   (instance, load) pairs many times, and the curve costs more than
   the rest of the job.  */
#define MEMO_SLOTS 4096
struct power_memo
{
  const struct instance *instance;
  double load_pct;
  double power_w;
};

struct price_memo
{
  const struct instance *instance;
  const struct region *region;
  const struct price *price;
};

struct track
{
  const struct catalogue *cat;
  const struct zones *zones;
  const struct track_defaults *def;
  struct strmap *instances; /* Name -> instance, or &missing.  */
  struct strmap *regions;
  struct strmap *gpu_sites;       /* GPU model -> struct instance.  */
  struct strmap *zone_sites;      /* Zone -> struct region.  */
  const struct instance *cpu_one; /* --cpu-reference's vCPU share.  */
  struct power_memo power[MEMO_SLOTS];
  struct price_memo prices[MEMO_SLOTS];
};

/* What a memo holds for a name the data lacks.  */
static char missing;

/* A new instance: one of the PARTS equal parts of REF (its power curve,
   embodied share and memory divided), so that COUNT of them make REF's
   share of COUNT / PARTS hosts.  Its memory is divided too so that its
   shares of the host keep REF's proportions, and the largest-share rule
   (embodied.h) scales it as it scales REF.  */
static struct instance *
share_of (const struct instance *ref, long parts)
{
  struct instance *one = xmalloc (sizeof *one);
  size_t i;

  *one = *ref;
  for (i = 0; i < CATALOGUE_POWER_POINTS; i++)
    one->power_w[i] = ref->power_w[i] / (double) parts;
  one->embodied_kgco2e = ref->embodied_kgco2e / (double) parts;
  one->embodied_low_kgco2e = ref->embodied_low_kgco2e / (double) parts;
  one->embodied_high_kgco2e = ref->embodied_high_kgco2e / (double) parts;
  one->memory_gib = ref->memory_gib / (double) parts;
  one->gpus = ref->gpus > 0 ? 1 : 0;
  one->vcpus = ref->gpus > 0 ? ref->vcpus : 1;
  one->ccf = NULL;
  return one;
}

struct track *
track_new (const struct catalogue *cat, const struct zones *zones,
           const struct track_defaults *def)
{
  struct track *t = xcalloc (1, sizeof *t);

  t->cat = cat;
  t->zones = zones;
  t->def = def;
  t->instances = strmap_new ();
  t->regions = strmap_new ();
  t->gpu_sites = strmap_new ();
  t->zone_sites = strmap_new ();
  if (def->cpu_reference != NULL)
    {
      const struct instance *ref
        = catalogue_find_instance (cat, def->cpu_reference);

      /* The caller checked the name; one share per vCPU.  */
      if (ref != NULL && ref->vcpus > 0)
        t->cpu_one = share_of (ref, ref->vcpus);
    }
  return t;
}

static void
free_site (void *p)
{
  if (p != &missing)
    free (p);
}

void
track_free (struct track *t)
{
  if (t == NULL)
    return;
  strmap_free (t->instances, NULL);
  strmap_free (t->regions, NULL);
  strmap_free (t->gpu_sites, free_site);
  strmap_free (t->zone_sites, free_site);
  free ((void *) t->cpu_one);
  free (t);
}

static size_t
memo_hash (const void *a, const void *b, double x)
{
  uint64_t h = (uint64_t) (uintptr_t) a * 0x9E3779B97F4A7C15ULL;

  h ^= (uint64_t) (uintptr_t) b * 0xC2B2AE3D27D4EB4FULL;
  h ^= (uint64_t) (x * 1024.0) * 0x165667B19E3779F9ULL;
  return (size_t) (h >> 52) & (MEMO_SLOTS - 1);
}

/* INSTANCE's power at LOAD_PCT through the memo.  */
static int
power (struct track *t, const struct instance *instance, double load_pct,
       double *out, char *reason, size_t size)
{
  struct power_memo *m = &t->power[memo_hash (instance, NULL, load_pct)];
  struct diag d;

  if (m->instance != instance
      || memcmp (&m->load_pct, &load_pct, sizeof load_pct) != 0)
    {
      if (power_at_load (catalogue_power_loads, instance->power_w,
                         CATALOGUE_POWER_POINTS, load_pct, &m->power_w, &d)
          < 0)
        {
          m->instance = NULL;
          snprintf (reason, size, "%s: %s", instance->name, d.text);
          return -1;
        }
      m->instance = instance;
      m->load_pct = load_pct;
    }
  *out = m->power_w;
  return 0;
}

static const struct price *
price (struct track *t, const struct instance *i, const struct region *r)
{
  struct price_memo *m = &t->prices[memo_hash (i, r, 0)];

  if (m->instance != i || m->region != r)
    {
      m->instance = i;
      m->region = r;
      m->price = catalogue_find_price (t->cat, i, r);
    }
  return m->price;
}

/* NAME in MAP, looked up with FIND in the catalogue the first time.  */
static const void *
lookup (struct track *t, struct strmap *map, const char *name,
        const void *(*find) (const struct catalogue *, const char *) )
{
  bool added;
  void **slot = strmap_slot (map, name, strlen (name), &added);

  if (added)
    {
      const void *v = find (t->cat, name);

      *slot = v != NULL ? (void *) v : &missing;
    }
  return *slot == &missing ? NULL : *slot;
}

static const void *
find_instance (const struct catalogue *cat, const char *name)
{
  return catalogue_find_instance (cat, name);
}

static const void *
find_region (const struct catalogue *cat, const char *name)
{
  return catalogue_find_region (cat, name);
}

/* The first of two figures that is a number.  */
static double
either (double a, double b)
{
  return isnan (a) ? b : a;
}

/* The parameters every job shares.  */
static void
job_params (const struct track *t, const struct jobrec *job,
            struct run_params *p)
{
  memset (p, 0, sizeof *p);
  p->runtime_h = job->runtime_h;
  p->count = 1;
  p->lifetime_years = t->def->lifetime_years;
  p->pue = either (job->pue, t->def->pue);
  p->grid_gco2e_per_kwh = NAN;
  p->signal = RUN_SIGNAL_AVERAGE;
  p->method = RUN_METHOD_TEADS;
}

static int
evaluate_cloud (struct track *t, const struct jobrec *job,
                struct track_result *out, char *reason, size_t size)
{
  const struct instance *inst
    = lookup (t, t->instances, job->instance_type, find_instance);
  const char *rname = job->region[0] != '\0' ? job->region : t->def->region;
  const struct region *region;
  struct run_params p;
  struct diag d;

  if (inst == NULL)
    return snprintf (reason, size, "unknown instance type '%.60s'",
                     job->instance_type),
           -1;
  if (rname == NULL || rname[0] == '\0')
    return snprintf (reason, size,
                     "no region: give a 'region' column or "
                     "--region"),
           -1;
  region = lookup (t, t->regions, rname, find_region);
  if (region == NULL)
    return snprintf (reason, size, "unknown region '%.60s'", rname), -1;
  job_params (t, job, &p);
  p.load_pct = either (job->load_pct, t->def->load_pct);
  if (isnan (p.load_pct))
    return snprintf (reason, size,
                     "no load: give a 'load' column or "
                     "--load"),
           -1;
  p.count = isnan (job->count) ? 1 : (long) job->count;
  p.gpu_load_pct = either (job->gpu_load_pct, t->def->gpu_load_pct);
  p.gpu_load_own = inst->gpus > 0 && !isnan (p.gpu_load_pct);
  /* The memo keeps one load per curve; run_evaluate takes the GPUs'
     part apart.  */
  if (p.gpu_load_own)
    p.power_w = NAN;
  else if (power (t, inst, p.load_pct, &p.power_w, reason, size) < 0)
    return -1;
  if (run_evaluate (inst, region, price (t, inst, region), &p, &out->run, &d)
      < 0)
    return snprintf (reason, size, "%s", d.text), -1;
  out->onprem = false;
  out->gpus = (double) (p.count * inst->gpus);
  out->location = region->name;
  out->gpu_model = inst->gpu_model;
  out->reference = "";
  return 0;
}

/* One GPU of MODEL: the share of the instance type with the most GPUs of
   that model (the first by name on a tie), or NULL.  */
static const struct instance *
gpu_site (struct track *t, const char *model)
{
  bool added;
  void **slot = strmap_slot (t->gpu_sites, model, strlen (model), &added);

  if (added)
    {
      const struct instance *ref = NULL;
      size_t i;

      for (i = 0; i < t->cat->ninstances; i++)
        {
          const struct instance *c = &t->cat->instances[i];

          if (STREQ (c->gpu_model, model) && c->gpus > 0
              && (ref == NULL || c->gpus > ref->gpus))
            ref = c;
        }
      *slot = &missing;
      if (ref == NULL)
        return NULL;
      *slot = share_of (ref, ref->gpus);
    }
  return *slot == &missing ? NULL : *slot;
}

/* A site in ZONE: its grid figure, the site default PUE.  */
static const struct region *
zone_site (struct track *t, const struct zone *zone)
{
  bool added;
  void **slot
    = strmap_slot (t->zone_sites, zone->zone, strlen (zone->zone), &added);

  if (added)
    {
      struct region *r = xcalloc (1, sizeof *r);
      static const struct grid_figure none = { NAN, "", 0 };

      r->provider = "on-premises";
      r->name = zone->zone;
      r->location = zone->name;
      r->country = zone->country;
      r->groups = "";
      r->pue = t->zones->pue;
      r->pue_source = t->zones->pue_source;
      r->pue_year = t->zones->pue_year;
      r->grid = zone->grid;
      r->grid_level = "zone";
      r->marginal = r->market = none;
      r->cfe_pct = r->grid_low = r->grid_high = NAN;
      r->pue_low = r->pue_high = NAN;
      r->line = zone->line;
      *slot = r;
    }
  return *slot;
}

/* The zone of JOB: its location, CodeCarbon's country, or --location.  */
static const struct zone *
job_zone (struct track *t, const struct jobrec *job, char *reason, size_t size)
{
  const char *name = job->location[0] != '\0'        ? job->location
                     : job->location_iso3[0] != '\0' ? job->location_iso3
                                                     : t->def->location;
  const struct zone *z;

  if (name == NULL || name[0] == '\0')
    {
      snprintf (reason, size,
                "no location: give a 'location' column or "
                "--location ZONE");
      return NULL;
    }
  z = zones_find (t->zones, name);
  if (z == NULL)
    snprintf (reason, size, "unknown grid zone '%.40s' (see zones.csv)", name);
  return z;
}

static int
evaluate_onprem (struct track *t, const struct jobrec *job,
                 struct track_result *out, char *reason, size_t size)
{
  const char *model = jobrec_gpu_alias (job->gpu_model);
  const struct instance *one;
  const struct zone *zone;
  struct run_params p;
  struct diag d;
  bool cpu = isnan (job->gpus) || job->gpus <= 0;
  double units = cpu ? job->cpus : job->gpus;

  if (cpu && job->gpu_model[0] != '\0' && isnan (job->gpus))
    return snprintf (reason, size, "no 'gpus' count"), -1;
  if (cpu && (t->cpu_one == NULL || isnan (units) || units <= 0))
    return snprintf (reason, size,
                     "no GPUs: a job without GPUs needs "
                     "its CPUs and --cpu-reference TYPE"),
           -1;
  if (floor (units) < units)
    return snprintf (reason, size, "field '%s': not a whole number",
                     cpu ? "cpus" : "gpus"),
           -1;
  one = cpu ? t->cpu_one : model != NULL ? gpu_site (t, model) : NULL;
  if (one == NULL)
    return snprintf (reason, size, "unknown GPU model '%.60s'",
                     job->gpu_model),
           -1;
  if (t->zones == NULL || (zone = job_zone (t, job, reason, size)) == NULL)
    return -1;
  job_params (t, job, &p);
  p.count = (long) units;
  p.load_pct = cpu
                 ? either (job->load_pct, t->def->load_pct)
                 : either (job->gpu_load_pct,
                           either (t->def->gpu_load_pct,
                                   either (job->load_pct, t->def->load_pct)));
  if (isnan (p.load_pct))
    return snprintf (reason, size,
                     "no load: give a 'gpu_load' or 'load' "
                     "column, or --gpu-load"),
           -1;
  if (power (t, one, p.load_pct, &p.power_w, reason, size) < 0)
    return -1;
  if (run_evaluate (one, zone_site (t, zone), NULL, &p, &out->run, &d) < 0)
    return snprintf (reason, size, "%s", d.text), -1;
  out->onprem = true;
  out->gpus = cpu ? 0 : job->gpus;
  out->location = zone->zone;
  out->gpu_model = cpu ? "" : model;
  out->reference = one->name;
  return 0;
}

int
track_evaluate (struct track *t, const struct jobrec *job,
                struct track_result *out, char *reason, size_t size)
{
  int status;

  if (job->instance_type[0] != '\0')
    status = evaluate_cloud (t, job, out, reason, size);
  else if (job->gpu_model[0] != '\0' || !isnan (job->gpus)
           || !isnan (job->cpus))
    status = evaluate_onprem (t, job, out, reason, size);
  else
    return snprintf (reason, size,
                     "neither 'instance_type' nor "
                     "'gpu_model' and 'gpus'"),
           -1;
  if (status == 0)
    out->gpu_hours = out->gpus * job->runtime_h;
  return status;
}
