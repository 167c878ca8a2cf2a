/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The quantiles of a run's totals and costs (doc/METHODOLOGY.md,
   "Uncertainty"), of one run or of every run at once on a thread per
   processor, each thread keeping the draws and the parts of the totals
   that the runs of an instance type share (uncertainty-samples.c).  */
#include <config.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "search/uncertainty-private.h"
#include "base/xalloc.h"

/* One thread's scratch for summarise: the values and buckets of the
   quantiles, and the watts and embodied figures of the last instance
   type summarised (every run of a type has the same), so that a thread
   given the runs of a type in a row draws them once.  */
struct summary_scratch
{
  double *x;             /* 2 x samples.  */
  unsigned char *bucket; /* Samples.  */
  double *watts;         /* Samples, of curve CURVE, for an uncertain
                            load.  */
  size_t curve;          /* SIZE_MAX before the first.  */
  double *emb;           /* Samples, drawn for host HOST and the three
                            figures EMB_OF.  */
  size_t host;
  double emb_of[3];
  struct uncertainty_parts parts; /* Of the last run summarised.  */
  struct value_buckets vb;        /* Of the run's totals.  */
};

static void
scratch_init (struct summary_scratch *sc, size_t S)
{
  sc->x = xmalloc ((2 * S + 1) * sizeof *sc->x);
  sc->bucket = xmalloc (S + 1);
  sc->watts = xmalloc ((S + 1) * sizeof *sc->watts);
  sc->emb = xmalloc ((S + 1) * sizeof *sc->emb);
  sc->curve = sc->host = SIZE_MAX;
  sc->parts.energy = xmalloc ((S + 1) * sizeof *sc->parts.energy);
  sc->parts.scope3 = xmalloc ((S + 1) * sizeof *sc->parts.scope3);
  sc->parts.energy_ok = sc->parts.scope3_ok = false;
  sc->parts.draws = xmalloc ((6 * S + 1) * sizeof *sc->parts.draws);
  sc->vb.bucket = sc->bucket;
}

static void
scratch_free (struct summary_scratch *sc)
{
  free (sc->x);
  free (sc->bucket);
  free (sc->watts);
  free (sc->emb);
  free (sc->parts.energy);
  free (sc->parts.scope3);
  free (sc->parts.draws);
}

/* Item I's quantiles into *OUT, with SC's scratch and draws.  */
static void
summarise (const struct uncertainty *u, size_t i, struct summary_scratch *sc,
           struct uncertainty_summary *out)
{
  const struct uncertainty_item *it = &u->items[i];
  double of[3] = { it->embodied_low_kgco2e, it->embodied_kgco2e,
                   it->embodied_high_kgco2e };
  size_t S = u->samples, k;
  double *x = sc->x;
  struct value_bounds b;

  if (!u->load_fixed && sc->curve != it->curve)
    {
      uncertainty_item_watts (u, i, 0, S, sc->watts);
      sc->curve = it->curve;
    }
  if (sc->host != it->host || memcmp (sc->emb_of, of, sizeof of) != 0)
    {
      uncertainty_item_embodied (u, i, 0, S, sc->emb);
      sc->host = it->host;
      memcpy (sc->emb_of, of, sizeof of);
      sc->parts.scope3_ok = false;
    }
  uncertainty_totals_from_parts (u, i, u->load_fixed ? NULL : sc->watts,
                                 sc->emb, &sc->parts, x, &b, &sc->vb);
  uncertainty_quantiles (x, S, &b, &sc->vb, sc->bucket, x + S,
                         out->total_gco2e);
  if (isnan (it->cost_usd))
    for (k = 0; k < 3; k++)
      out->cost_usd[k] = NAN;
  /* A cost is its point cost times the runtime ratio, GPU speed's
     aside: its quantiles are the ratio's, scaled.  */
  else if (!uncertainty_gpu_drawn (u, i) && it->cost_usd >= 0.0)
    uncertainty_scaled_quantiles (u->ratio_sorted, S, it->cost_usd, x,
                                  out->cost_usd);
  else
    {
      uncertainty_item_costs (u, i, 0, S, x);
      uncertainty_quantiles (x, S, NULL, NULL, sc->bucket, x + S,
                             out->cost_usd);
    }
}

/* The work of uncertainty_summarise_all, which goes on after it
   returns: the items of ORDER (by instance type) are taken from a
   counter shared by all, a few at a time, and each item is claimed in
   STATE before it is summarised, by a thread or by uncertainty_summarise
   when its row is wanted first.  */
struct summary_work
{
  struct uncertainty *u;
  size_t *order;
  size_t *at; /* Item I is ORDER[AT[I]].  */
  atomic_size_t next;
  atomic_uchar *state; /* Per item: ITEM_FREE, ITEM_TAKEN or ITEM_DONE.  */
  struct uncertainty_keeping *keeping; /* The shared draws to keep
                                          first.  */
  pthread_t tid[UNCERTAINTY_MAX_THREADS];
  size_t started;
  struct summary_scratch sc; /* The calling thread's.  */
};

enum
{
  ITEM_FREE,
  ITEM_TAKEN,
  ITEM_DONE
};

/* Claim item I of W and summarise it with SC into its place, unless
   another thread has claimed it; true if it did.  */
static bool
summarise_claimed (struct summary_work *w, size_t i,
                   struct summary_scratch *sc)
{
  unsigned char free_state = ITEM_FREE;

  if (!atomic_compare_exchange_strong (&w->state[i], &free_state, ITEM_TAKEN))
    return false;
  summarise (w->u, i, sc, &w->u->sums[i]);
  atomic_store_explicit (&w->state[i], ITEM_DONE, memory_order_release);
  return true;
}

/* Summarise the items of W of the instance type of item I that no
   thread has claimed, with the calling thread's scratch: its draws
   serve them all.  */
static void
summarise_type (struct summary_work *w, size_t i)
{
  const struct uncertainty *u = w->u;
  size_t curve = u->items[i].curve, from = w->at[i], k;

  while (from > 0 && u->items[w->order[from - 1]].curve == curve)
    from--;
  for (k = from; k < u->n && u->items[w->order[k]].curve == curve; k++)
    summarise_claimed (w, w->order[k], &w->sc);
}

void
uncertainty_summarise (const struct uncertainty *u, size_t i,
                       struct uncertainty_summary *out)
{
  struct summary_work *w = u->work;
  struct summary_scratch sc;

  if (w != NULL)
    {
      /* Done, or done now with the rest of its type, or (being done on
         another thread) done here too: the same figures whoever makes
         them.  */
      if (atomic_load_explicit (&w->state[i], memory_order_acquire)
          != ITEM_DONE)
        summarise_type (w, i);
      if (atomic_load_explicit (&w->state[i], memory_order_acquire)
          == ITEM_DONE)
        *out = u->sums[i];
      else
        summarise (u, i, &w->sc, out);
      return;
    }
  scratch_init (&sc, u->samples);
  summarise (u, i, &sc, out);
  scratch_free (&sc);
}

/* Items per take from the counter: enough that the threads seldom meet
   there, few enough that they finish together.  */
#define SUMMARY_CHUNK 64

/* Summarise the items of W taken from its counter, with SC.  */
static void
take_items (struct summary_work *w, struct summary_scratch *sc)
{
  size_t n = w->u->n, from, k;

  while ((from = atomic_fetch_add (&w->next, SUMMARY_CHUNK)) < n)
    for (k = from; k < n && k < from + SUMMARY_CHUNK; k++)
      summarise_claimed (w, w->order[k], sc);
}

static void *
summary_worker (void *arg)
{
  struct summary_work *w = arg;
  struct summary_scratch sc;

  uncertainty_keep_fill (w->keeping);
  scratch_init (&sc, w->u->samples);
  take_items (w, &sc);
  scratch_free (&sc);
  return NULL;
}

/* The N items of U by curve (their instance type), in order within
   each: a counting sort.  */
static size_t *
order_by_curve (const struct uncertainty *u)
{
  size_t nc = u->spec.ncurves, i;
  size_t *at = xcalloc (nc + 1, sizeof *at);
  size_t *order = xcalloc (u->n + 1, sizeof *order);

  for (i = 0; i < u->n; i++)
    at[u->items[i].curve + 1]++;
  for (i = 1; i < nc; i++)
    at[i] += at[i - 1];
  for (i = 0; i < u->n; i++)
    order[at[u->items[i].curve]++] = i;
  free (at);
  return order;
}

/* The threads to run on: one per processor online, at most
   UNCERTAINTY_MAX_THREADS, and none beyond the first for a few
   items.  */
static size_t
summary_threads (size_t n)
{
  long cpus = sysconf (_SC_NPROCESSORS_ONLN);
  size_t t = cpus > 1 ? (size_t) cpus : 1;

  if (t > UNCERTAINTY_MAX_THREADS)
    t = UNCERTAINTY_MAX_THREADS;
  if (t > n / SUMMARY_CHUNK + 1)
    t = n / SUMMARY_CHUNK + 1;
  return t;
}

void
uncertainty_summarise_all (struct uncertainty *u,
                           uncertainty_meanwhile_fn *meanwhile, void *arg)
{
  struct summary_work *w;
  size_t nthreads = summary_threads (u->n), t;

  if (u->work != NULL)
    return;
  u->work = w = xcalloc (1, sizeof *w);
  w->u = u;
  w->keeping = uncertainty_keep_plan (u);
  w->order = order_by_curve (u);
  w->at = xcalloc (u->n + 1, sizeof *w->at);
  for (t = 0; t < u->n; t++)
    w->at[w->order[t]] = t;
  w->state = xcalloc (u->n + 1, sizeof *w->state);
  u->sums = xcalloc (u->n + 1, sizeof *u->sums);
  atomic_init (&w->next, 0);
  for (t = 0; t < u->n; t++)
    atomic_init (&w->state[t], ITEM_FREE);
  scratch_init (&w->sc, u->samples);
  /* A thread that does not start leaves its share to the others.  */
  for (t = 1; t < nthreads; t++)
    if (pthread_create (&w->tid[w->started], NULL, summary_worker, w) == 0)
      w->started++;
  /* The shared draws first, every thread its share of them.  */
  uncertainty_keep_fill (w->keeping);
  if (meanwhile != NULL)
    meanwhile (arg);
  /* Alone, this thread does it all; else it leaves the rest to the
     others and writes the rows meanwhile, making those it comes to
     first (uncertainty_summarise): the threads finish together.  */
  if (w->started == 0)
    take_items (w, &w->sc);
}

void
uncertainty_summaries_free (struct uncertainty *u)
{
  struct summary_work *w = u->work;
  size_t t;

  if (w == NULL)
    return;
  for (t = 0; t < w->started; t++)
    pthread_join (w->tid[t], NULL);
  uncertainty_keep_plan_free (w->keeping);
  scratch_free (&w->sc);
  free (w->order);
  free (w->at);
  free (w->state);
  free (w);
  u->work = NULL;
}
