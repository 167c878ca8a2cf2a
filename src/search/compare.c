/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* One job on one instance type across a set of regions.  */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "search/compare.h"
#include "base/xalloc.h"

bool
compare_gpu_family (const char *a, const char *b)
{
  size_t na = strcspn (a, " ");
  size_t nb = strcspn (b, " ");

  return na == nb && strncmp (a, b, na) == 0;
}

/* Whether OFFER's type can stand in for WANT at all.  */
static bool
qualifies (const struct instance *want, const struct instance *in)
{
  if (in->gpus != want->gpus)
    return false;
  if (want->gpus > 0 && !compare_gpu_family (want->gpu_model, in->gpu_model))
    return false;
  return in->vcpus >= want->vcpus && !(in->memory_gib < want->memory_gib);
}

/* Whether IN is a burstable type: it runs at a baseline fraction of its
   vCPUs and spends credits above it, so it cannot sustain a training
   job's load however many vCPUs it lists.  By name, as the providers name
   them: AWS t2/t3/t3a/t4g, Azure's B series, GCP's shared-core types.  */
static bool
burstable (const struct instance *in)
{
  static const char *const shared_core[]
    = { "e2-micro", "e2-small", "e2-medium", "f1-micro", "g1-small", NULL };
  size_t i;

  if (STREQ (in->provider, "aws"))
    return in->name[0] == 't' && in->name[1] >= '0' && in->name[1] <= '9';
  if (STREQ (in->provider, "azure"))
    return strncmp (in->name, "Standard_B", 10) == 0;
  for (i = 0; shared_core[i] != NULL; i++)
    if (STREQ (in->name, shared_core[i]))
      return true;
  return false;
}

/* Whether A stands in for WANT better than B (both qualify).  */
static bool
better (const struct instance *want, const struct price *a,
        const struct price *b)
{
  long xa = a->instance->vcpus - want->vcpus;
  long xb = b->instance->vcpus - want->vcpus;
  double ma = a->instance->memory_gib - want->memory_gib;
  double mb = b->instance->memory_gib - want->memory_gib;
  bool sa = STREQ (a->instance->arch, want->arch);
  bool sb = STREQ (b->instance->arch, want->arch);

  bool ba = burstable (a->instance) == burstable (want);
  bool bb = burstable (b->instance) == burstable (want);

  /* The job's software was built for WANT's architecture: an equivalent
     of the same architecture comes first, then one that, like WANT,
     sustains its load or, like WANT, bursts.  */
  if (sa != sb)
    return sa;
  if (ba != bb)
    return ba;
  if (xa != xb)
    return xa < xb;
  if (ma < mb || ma > mb)
    return ma < mb;
  if (a->usd_per_h < b->usd_per_h || a->usd_per_h > b->usd_per_h)
    return a->usd_per_h < b->usd_per_h;
  return strcmp (a->instance->name, b->instance->name) < 0;
}

const struct price *
compare_pick_equivalent (const struct instance *want,
                         const struct price *offers, size_t n)
{
  const struct price *best = NULL;
  size_t i;

  for (i = 0; i < n; i++)
    if (qualifies (want, offers[i].instance) && !isnan (offers[i].usd_per_h)
        && (best == NULL || better (want, &offers[i], best)))
      best = &offers[i];
  return best;
}

const struct price *
compare_offer (const struct catalogue *cat, const struct instance *want,
               const struct region *region, enum compare_skip *why)
{
  const struct price *p;
  size_t lo = 0, hi = cat->nprices, n = 0;

  if (STREQ (want->provider, region->provider))
    {
      p = catalogue_find_price (cat, want, region);
      if (p == NULL)
        *why = COMPARE_NOT_OFFERED;
      else if (isnan (p->usd_per_h))
        {
          *why = COMPARE_NO_PRICE;
          p = NULL;
        }
      return p;
    }
  /* Prices are sorted by region (the catalogue checks it): REGION's
     offers follow one another from the first found by bisection.  */
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;

      if (cat->prices[mid].region < region)
        lo = mid + 1;
      else
        hi = mid;
    }
  while (lo + n < cat->nprices && cat->prices[lo + n].region == region)
    n++;
  p = compare_pick_equivalent (want, cat->prices + lo, n);
  if (p == NULL)
    *why = COMPARE_NO_EQUIVALENT;
  return p;
}

const char *
compare_skip_text (enum compare_skip why)
{
  switch (why)
    {
    case COMPARE_NOT_OFFERED:
      return "not offered";
    case COMPARE_NO_EQUIVALENT:
      return "no equivalent";
    case COMPARE_NO_PRICE:
      return "no spot price";
    case COMPARE_NOT_COVERED:
      return "not covered by CCF's coefficients";
    case COMPARE_NO_GRID:
    case COMPARE_NSKIPS:
    default:
      return "no grid figure";
    }
}

/* Row order: total, then cost, then the order of the set (kept in
   ORDER).  */
struct slot
{
  struct compare_row row;
  size_t order;
};

static int
compare_slots (const void *pa, const void *pb)
{
  const struct slot *a = pa;
  const struct slot *b = pb;
  double ta = a->row.run.footprint.total_gco2e;
  double tb = b->row.run.footprint.total_gco2e;
  double ca = a->row.run.footprint.cost_usd;
  double cb = b->row.run.footprint.cost_usd;

  if (ta < tb || ta > tb)
    return ta < tb ? -1 : 1;
  if (ca < cb || ca > cb)
    return ca < cb ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

static void
skip (struct compare *c, const struct region *region, enum compare_skip why)
{
  c->skipped[c->nskipped].region = region;
  c->skipped[c->nskipped].why = why;
  c->nskipped++;
  c->nskips[why]++;
}

/* Set ROW's difference to the best region's total, BEST gCO2e.  */
static void
diff_to_best (struct compare_row *row, double best)
{
  row->diff_best_gco2e = row->run.footprint.total_gco2e - best;
  row->diff_best_pct = best > 0.0 ? row->diff_best_gco2e / best * 100.0 : NAN;
}

/* Run PARAMS's job on P, C's instance or its equivalent in REGION
   (NULL when not offered there, *WHY saying why), into ROW: 1 when it
   ran, 0 when it cannot (*WHY set), -1 with D set.  */
static int
run_row (const struct compare *c, const struct price *p,
         const struct region *region, const struct run_params *params,
         enum compare_skip *why, struct compare_row *row, struct diag *d)
{
  if (p == NULL)
    return 0;
  if (!run_method_covers_instance (params, p->instance))
    {
      *why = COMPARE_NOT_COVERED;
      return 0;
    }
  if (!run_has_grid (params, region))
    {
      *why = COMPARE_NO_GRID;
      return 0;
    }
  if (run_evaluate (p->instance, region, p, params, &row->run, d) < 0)
    return -1;
  row->equivalent = p->instance != c->instance;
  return 1;
}

struct compare *
compare_new (const struct catalogue *cat, const struct instance *instance,
             const struct region *const *regions, size_t nregions,
             const struct run_params *params, struct diag *d)
{
  struct compare *c = xcalloc (1, sizeof *c);
  struct slot *slots = xcalloc (nregions + 1, sizeof *slots);
  size_t i, n = 0;

  c->instance = instance;
  c->baseline = COMPARE_NONE;
  c->skipped = xcalloc (nregions + 1, sizeof *c->skipped);
  for (i = 0; i < nregions; i++)
    {
      enum compare_skip why = COMPARE_NOT_OFFERED;
      const struct price *p = compare_offer (cat, instance, regions[i], &why);
      struct compare_row *row = &slots[n].row;
      int ran = run_row (c, p, regions[i], params, &why, row, d);

      if (ran < 0)
        {
          free (slots);
          compare_free (c);
          return NULL;
        }
      if (ran == 0)
        {
          skip (c, regions[i], why);
          continue;
        }
      row->diff_baseline_gco2e = row->diff_baseline_pct = NAN;
      slots[n].order = i;
      n++;
    }
  qsort (slots, n, sizeof *slots, compare_slots);
  c->rows = xcalloc (n + 1, sizeof *c->rows);
  c->nrows = n;
  for (i = 0; i < n; i++)
    {
      double best = slots[0].row.run.footprint.total_gco2e;
      struct compare_row *row = &c->rows[i];

      *row = slots[i].row;
      diff_to_best (row, best);
    }
  free (slots);
  return c;
}

void
compare_free (struct compare *c)
{
  if (c == NULL)
    return;
  free (c->rows);
  free (c->skipped);
  free (c);
}

/* Run PARAMS's job for C's baseline outside its rows: TYPE (C's
   instance or its equivalent when NULL) in REGION, into the row after
   C's last.  Returns 0, or -1 with D set.  */
static int
baseline_outside (struct compare *c, const struct catalogue *cat,
                  const struct instance *type, const struct region *region,
                  const struct run_params *params, struct diag *d)
{
  enum compare_skip why = COMPARE_NOT_OFFERED;
  const struct instance *want = type != NULL ? type : c->instance;
  const struct price *p = type != NULL
                            ? catalogue_find_price (cat, type, region)
                            : compare_offer (cat, c->instance, region, &why);
  struct compare_row *row = &c->rows[c->nrows];
  int ran = run_row (c, p, region, params, &why, row, d);

  if (ran < 0)
    return -1;
  if (ran > 0)
    {
      row->diff_best_gco2e = row->diff_best_pct = NAN;
      if (c->nrows > 0)
        diff_to_best (row, c->rows[0].run.footprint.total_gco2e);
      c->baseline = c->nrows;
      return 0;
    }
  return diag_set (d, CA_EXIT_USAGE,
                   "%s has no run to compare against (%s for %s)",
                   region->name, compare_skip_text (why), want->name);
}

int
compare_set_baseline (struct compare *c, const struct catalogue *cat,
                      const struct instance *type, const struct region *region,
                      const struct run_params *params, struct diag *d)
{
  size_t i;
  double base;

  c->baseline = COMPARE_NONE;
  for (i = 0; i < c->nrows; i++)
    if (c->rows[i].run.region == region
        && (type == NULL || c->rows[i].run.instance == type))
      c->baseline = i;
  if (c->baseline == COMPARE_NONE
      && baseline_outside (c, cat, type, region, params, d) < 0)
    return -1;
  base = c->rows[c->baseline].run.footprint.total_gco2e;
  /* The rows, and the baseline's own when it is past them.  */
  for (i = 0; i < c->nrows + (c->baseline == c->nrows); i++)
    {
      struct compare_row *row = &c->rows[i];

      row->diff_baseline_gco2e = row->run.footprint.total_gco2e - base;
      row->diff_baseline_pct
        = base > 0.0 ? row->diff_baseline_gco2e / base * 100.0 : NAN;
    }
  return 0;
}

void
compare_min_median_max (const double *x, size_t n, double *min, double *median,
                        double *max)
{
  double *sorted;

  if (n == 0)
    {
      *min = *median = *max = NAN;
      return;
    }
  sorted = xcalloc (n, sizeof *sorted);
  memcpy (sorted, x, n * sizeof *sorted);
  gsl_sort (sorted, 1, n);
  *min = sorted[0];
  *max = sorted[n - 1];
  *median = gsl_stats_median_from_sorted_data (sorted, 1, n);
  free (sorted);
}

void
compare_group_stats (const struct compare *c, const char *group,
                     struct compare_stats *out)
{
  double *total = xcalloc (c->nrows + 1, sizeof *total);
  double *cost = xcalloc (c->nrows + 1, sizeof *cost);
  size_t i, n = 0;

  for (i = 0; i < c->nrows; i++)
    {
      const struct run *run = &c->rows[i].run;

      if (group != NULL && !catalogue_region_in_group (run->region, group))
        continue;
      total[n] = run->footprint.total_gco2e;
      cost[n] = run->footprint.cost_usd;
      n++;
    }
  out->n = n;
  compare_min_median_max (total, n, &out->total_min, &out->total_median,
                          &out->total_max);
  compare_min_median_max (cost, n, &out->cost_min, &out->cost_median,
                          &out->cost_max);
  free (total);
  free (cost);
}

static int
compare_strings (const void *pa, const void *pb)
{
  const char *const *a = pa;
  const char *const *b = pb;

  return strcmp (*a, *b);
}

size_t
compare_grid_sources (const struct catalogue *cat, const struct compare *c,
                      const char ***sources)
{
  const char **list = xcalloc (cat->ngrid_alternatives + 1, sizeof *list);
  size_t i, j, n = 0, k = 0;

  for (i = 0; i < c->nrows; i++)
    {
      const struct grid_alternative *a;
      size_t m = catalogue_grid_alternatives (cat, c->rows[i].run.region, &a);

      for (j = 0; j < m; j++)
        list[n++] = a[j].source;
    }
  qsort (list, n, sizeof *list, compare_strings);
  for (i = 0; i < n; i++)
    if (k == 0 || !STREQ (list[k - 1], list[i]))
      list[k++] = list[i];
  *sources = list;
  return k;
}

/* The most recent figure SOURCE gives for REGION, or NaN.  Of two rows
   of one year the first in the file counts.  */
static double
source_figure (const struct catalogue *cat, const struct region *region,
               const char *source)
{
  const struct grid_alternative *a;
  size_t i, n = catalogue_grid_alternatives (cat, region, &a);
  double x = NAN;
  long year = -1;

  for (i = 0; i < n; i++)
    if (STREQ (a[i].source, source) && a[i].year > year)
      {
        x = a[i].gco2e_per_kwh;
        year = a[i].year;
      }
  return x;
}

size_t
compare_winner_under_source (const struct catalogue *cat,
                             const struct compare *c, const char *source)
{
  size_t i, best = COMPARE_NONE;
  double best_total = 0.0, best_cost = 0.0;

  for (i = 0; i < c->nrows; i++)
    {
      const struct run *run = &c->rows[i].run;
      const struct footprint *fp = &run->footprint;
      double g = source_figure (cat, run->region, source);
      double total
        = isnan (g) ? fp->total_gco2e : fp->scope3_gco2e + fp->energy_kwh * g;

      /* On a tie in total and cost the earlier row stays.  */
      if (best == COMPARE_NONE || total < best_total
          || (!(total > best_total) && fp->cost_usd < best_cost))
        {
          best = i;
          best_total = total;
          best_cost = fp->cost_usd;
        }
    }
  return best;
}

int
compare_robustness (const struct catalogue *cat, const struct compare *c,
                    const struct run_params *params,
                    const struct region *const *regions, size_t nregions,
                    struct compare_robustness *out, struct diag *d)
{
  struct run_params alt = *params;
  struct compare *other;
  size_t i;

  memset (out, 0, sizeof *out);
  out->winner = c->rows[0].run.region;
  if (params->method == RUN_METHOD_CCF)
    return 0;
  out->checked = true;
  out->sources_checked = params->signal == RUN_SIGNAL_AVERAGE;
  if (out->sources_checked)
    {
      out->nsources = compare_grid_sources (cat, c, &out->sources);
      out->source_winners
        = xcalloc (out->nsources + 1, sizeof *out->source_winners);
      for (i = 0; i < out->nsources; i++)
        {
          size_t w = compare_winner_under_source (cat, c, out->sources[i]);

          out->source_winners[i] = c->rows[w].run.region;
          if (out->source_winners[i] == out->winner)
            out->holds++;
        }
    }
  alt.signal = params->signal == RUN_SIGNAL_AVERAGE ? RUN_SIGNAL_MARGINAL
                                                    : RUN_SIGNAL_AVERAGE;
  out->alt_signal = alt.signal;
  other = compare_new (cat, c->instance, regions, nregions, &alt, d);
  if (other == NULL)
    return -1;
  out->alt_done = true;
  out->alt_nrows = other->nrows;
  /* Out of the regions that have a run but for the grid figure.  */
  out->alt_of = other->nrows + other->nskips[COMPARE_NO_GRID];
  out->alt_winner = other->nrows > 0 ? other->rows[0].run.region : NULL;
  compare_free (other);
  return 0;
}

void
compare_robustness_free (struct compare_robustness *r)
{
  free (r->sources);
  free (r->source_winners);
  memset (r, 0, sizeof *r);
}
