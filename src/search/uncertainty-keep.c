/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The shared draws kept for every summary and the fronts: which keys
   are kept is settled first, in order, within the memory allowed; the
   draws themselves are then made by every thread at once, a key at a
   time, each into its own place, so that they are the same whatever the
   threads.  */
#include <config.h>

#include <math.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "search/uncertainty-draws.h"
#include "search/uncertainty-private.h"
#include "base/xalloc.h"

/* The draws of one key to make: a power error factor (exp of SIGMA
   times a normal number), the uniform numbers of a host, or figures
   two-piece around POINT between LOW and HIGH.  */
struct keep_job
{
  double *into;
  enum
  {
    KEEP_FACTORS,
    KEEP_UNIFORMS,
    KEEP_VALUES
  } kind;
  uint64_t stream;
  double sigma, low, point, high;
};

struct uncertainty_keeping
{
  size_t samples;
  struct keep_job *jobs;
  size_t njobs, kept; /* Bytes kept so far.  */
  atomic_size_t next; /* The next job to take.  */
  atomic_size_t done; /* Jobs done.  */
};

/* Room for one key's draws within the memory kept, K->kept so far, with
   a job of KIND from STREAM to fill it, or NULL when there is none
   left.  */
static struct keep_job *
keep (struct uncertainty_keeping *k, double **slot, int kind, uint64_t stream)
{
  size_t bytes = k->samples * sizeof (double);
  struct keep_job *j;

  if (*slot != NULL || k->kept + bytes > UNCERTAINTY_KEPT_BYTES)
    return NULL;
  k->kept += bytes;
  *slot = xmalloc ((k->samples + 1) * sizeof (double));
  /* At most one job per UNCERTAINTY_KEPT_BYTES / bytes.  */
  if (k->jobs == NULL)
    k->jobs = xcalloc (UNCERTAINTY_KEPT_BYTES / bytes + 1, sizeof *k->jobs);
  j = &k->jobs[k->njobs++];
  j->into = *slot;
  j->kind = kind;
  j->stream = stream;
  return j;
}

/* Keep in *SLOT the figures drawn from STREAM, two-piece around POINT
   between LOW and HIGH, and those three in OF, if it is not kept
   already and there is room.  */
static void
keep_values (struct uncertainty_keeping *k, double **slot, double of[3],
             uint64_t stream, double low, double point, double high)
{
  struct keep_job *j = keep (k, slot, KEEP_VALUES, stream);

  if (j == NULL)
    return;
  of[0] = j->low = low;
  of[1] = j->point = point;
  of[2] = j->high = high;
}

/* Whether *SEEN is not set yet; set it.  */
static bool
first (unsigned char *seen)
{
  if (*seen)
    return false;
  *seen = 1;
  return true;
}

/* The items that first use each key with a spread, in one pass over
   the items (they are many, the keys few): of power keys in FACTORS,
   of hosts in HOSTS, and of regions' PUE and grid in REGIONS (twice the
   item, plus one for the grid), each in the items' order; their counts
   in N.  */
static void
first_users (const struct uncertainty *u, size_t *factors, size_t *hosts,
             size_t *regions, size_t n[3])
{
  const struct uncertainty_spec *sp = &u->spec;
  unsigned char *seen
    = xcalloc (sp->npower_keys + sp->nhosts + 2 * sp->nregions + 1, 1);
  unsigned char *host_seen = seen + sp->npower_keys;
  unsigned char *region_seen = host_seen + sp->nhosts;
  size_t i;

  n[0] = n[1] = n[2] = 0;
  for (i = 0; i < u->n; i++)
    {
      const struct uncertainty_item *it = &u->items[i];

      if (it->power_sigma > 0.0 && first (&seen[it->power_key]))
        factors[n[0]++] = i;
      if (it->embodied_low_kgco2e < it->embodied_high_kgco2e
          && first (&host_seen[it->host]))
        hosts[n[1]++] = i;
      if (it->pue_low < it->pue_high && first (&region_seen[2 * it->region]))
        regions[n[2]++] = 2 * i;
      if (it->grid_low < it->grid_high
          && first (&region_seen[2 * it->region + 1]))
        regions[n[2]++] = 2 * i + 1;
    }
  free (seen);
}

struct uncertainty_keeping *
uncertainty_keep_plan (struct uncertainty *u)
{
  const struct uncertainty_spec *sp = &u->spec;
  struct uncertainty_keeping *k;
  size_t *factors, *hosts, *regions, n[3], i;

  if (u->kept)
    return NULL;
  u->kept = true;
  k = xcalloc (1, sizeof *k);
  k->samples = u->samples;
  atomic_init (&k->next, 0);
  atomic_init (&k->done, 0);
  factors = xmalloc ((sp->npower_keys + 1) * sizeof *factors);
  hosts = xmalloc ((sp->nhosts + 1) * sizeof *hosts);
  regions = xmalloc ((2 * sp->nregions + 1) * sizeof *regions);
  first_users (u, factors, hosts, regions, n);
  for (i = 0; i < n[0]; i++)
    {
      const struct uncertainty_item *it = &u->items[factors[i]];
      struct keep_job *j
        = keep (k, &u->factors[it->power_key], KEEP_FACTORS,
                draws_stream (sp->seed, DRAW_POWER, it->power_key));

      if (j != NULL)
        j->sigma = it->power_sigma;
    }
  for (i = 0; i < n[1]; i++)
    keep (k, &u->host_u[u->items[hosts[i]].host], KEEP_UNIFORMS,
          draws_stream (sp->seed, DRAW_HOST, u->items[hosts[i]].host));
  for (i = 0; i < n[2]; i++)
    {
      const struct uncertainty_item *it = &u->items[regions[i] / 2];
      size_t r = it->region;

      if (regions[i] % 2 == 0)
        keep_values (k, &u->pue_v[r], u->pue_of[r],
                     draws_stream (sp->seed, DRAW_PUE, r), it->pue_low,
                     it->pue, it->pue_high);
      else
        keep_values (k, &u->grid_v[r], u->grid_of[r],
                     draws_stream (sp->seed, DRAW_GRID, r), it->grid_low,
                     it->grid_gco2e_per_kwh, it->grid_high);
    }
  free (factors);
  free (hosts);
  free (regions);
  return k;
}

static void
keep_job_run (const struct keep_job *j, size_t S)
{
  size_t s;

  for (s = 0; s < S; s++)
    switch (j->kind)
      {
      case KEEP_FACTORS:
        j->into[s] = exp (j->sigma * draws_normal (j->stream, s));
        break;
      case KEEP_UNIFORMS:
        j->into[s] = draws_uniform (j->stream, s);
        break;
      default:
        j->into[s] = draws_two_piece (draws_uniform (j->stream, s), j->low,
                                      j->point, j->high);
        break;
      }
}

void
uncertainty_keep_fill (struct uncertainty_keeping *k)
{
  size_t i;

  if (k == NULL)
    return;
  while ((i = atomic_fetch_add (&k->next, 1)) < k->njobs)
    {
      keep_job_run (&k->jobs[i], k->samples);
      atomic_fetch_add (&k->done, 1);
    }
  /* The last jobs taken by the others: a key's draws at most.  */
  while (atomic_load (&k->done) < k->njobs)
    sched_yield ();
}

void
uncertainty_keep_plan_free (struct uncertainty_keeping *k)
{
  if (k == NULL)
    return;
  free (k->jobs);
  free (k);
}
