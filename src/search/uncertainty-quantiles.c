/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The p5, p50 and p95 of a run's samples (doc/METHODOLOGY.md,
   "Uncertainty"): six order statistics of every run's samples, found by
   bucketing the values by their place between the least and the
   greatest, so that only the few values in the buckets that hold the
   six are ordered.  A selection by partitions (Hoare's FIND) took a
   quarter of the time of advise --all --uncertainty, most of it in
   branches that no processor can predict.  */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "search/uncertainty-private.h"

#define NBUCKETS UNCERTAINTY_NBUCKETS

/* Fewer values than this are selected by partitions: bucketing them
   saves nothing.  */
#define MIN_BUCKETED 64

/* A bucket of at most this many values is put in order by insertion;
   one with more, by partitions.  */
#define MAX_INSERTED 24

/* The quantiles as fractions, and the most order statistics they
   read: two each.  */
static const double quantile_points[3] = { 0.05, 0.5, 0.95 };
#define NRANKS 6

/* The F-quantile of the N sorted values X, by GSL's interpolation, but
   exactly the value itself when the two values it lies between are
   equal (GSL's (1 - d) x a + d x b need not give back a).  */
static double
quantile (const double *x, size_t n, double f)
{
  size_t lhs = (size_t) (f * (double) (n - 1));

  if (lhs + 1 >= n || same_value (x[lhs], x[lhs + 1]))
    return x[lhs < n ? lhs : n - 1];
  return gsl_stats_quantile_from_sorted_data (x, 1, n, f);
}

/* Reorder X[LO] to X[N - 1] so that X[K] holds the value it would in
   order, none greater before it and none less after it (Hoare's FIND,
   as Wirth gives it).  */
static void
select_kth (double *x, size_t lo, size_t n, size_t k)
{
  ptrdiff_t l = (ptrdiff_t) lo, r = (ptrdiff_t) n - 1, kk = (ptrdiff_t) k;

  while (l < r)
    {
      double pivot = x[kk];
      ptrdiff_t i = l, j = r;

      do
        {
          while (x[i] < pivot)
            i++;
          while (pivot < x[j])
            j--;
          if (i <= j)
            {
              double t = x[i];

              x[i++] = x[j];
              x[j--] = t;
            }
        }
      while (i <= j);
      if (j < kk)
        l = i;
      if (kk < i)
        r = j;
    }
}

/* The quantiles by partitions: each reads the values at and after
   (N - 1) F only, so those two are put in place, in rising order, each
   selection among the values not below the last.  Any order of equal
   values does: the quantiles read values, and this path takes every
   input the bucketing does not.  */
static void
quantiles_by_partitions (double *x, size_t n, double out[3])
{
  size_t lo = 0, k, s;

  for (k = 0; k < 3; k++)
    {
      size_t lhs = (size_t) (quantile_points[k] * (double) (n - 1));

      select_kth (x, lo < lhs ? lo : lhs, n, lhs);
      for (s = lhs + 2; s < n; s++)
        if (x[s] < x[lhs + 1])
          {
            double t = x[s];

            x[s] = x[lhs + 1];
            x[lhs + 1] = t;
          }
      out[k] = quantile (x, n, quantile_points[k]);
      lo = lhs + 1;
    }
}

/* The bounds of the N values X into *B.  The bucketing takes only
   finite numbers above zero: a NaN has no place, an infinity no width, and
   equal values must be equal to the bit, which zeros of two signs are not.  */
static void
bounds (const double *x, size_t n, struct value_bounds *b)
{
  pair l = pair_of (x[0]), h = l, sum = pair_of (0.0);
  double last = x[n - 1];
  size_t s;

  /* Two at a time.  A NaN is neither less nor greater, but makes the
     sum a NaN, as do infinities of both signs (refused anyway).  */
  for (s = 0; s + 2 <= n; s += 2)
    {
      pair v = pair_load (x + s);

      l = pair_min (v, l);
      h = pair_max (v, h);
      sum += v;
    }
  b->lo = fmin (fmin (l[0], l[1]), last);
  b->hi = fmax (fmax (h[0], h[1]), last);
  b->ok = !isnan (sum[0] + sum[1] + last) && b->lo > 0.0 && b->hi < INFINITY;
}

/* Put the N values X in order, by insertion.  */
static void
insertion_sort (double *x, size_t n)
{
  size_t i, j;

  for (i = 1; i < n; i++)
    {
      double v = x[i];

      for (j = i; j > 0 && v < x[j - 1]; j--)
        x[j] = x[j - 1];
      x[j] = v;
    }
}

/* The bucket of each of the N values X into BUCKET, their place above
   LO times SCALE, and the values of each of the NB + 1 buckets into
   COUNT.  (X - LO) x SCALE is at most NB (1 + 2^-52)^2, by the rounding
   of SCALE and of the product: the greatest values may have bucket NB
   to themselves, and no bucket is beyond.  The odd values are counted
   apart, so that two values of a bucket in a row do not wait on each
   other's count.  */
static void
count_buckets (const double *x, size_t n, double lo, double scale, int nb,
               unsigned char *bucket, unsigned int *count)
{
  unsigned int odd[NBUCKETS + 1];
  size_t s;
  int b;

  memset (count, 0, (size_t) (nb + 1) * sizeof *count);
  memset (odd, 0, (size_t) (nb + 1) * sizeof *odd);
  for (s = 0; s + 2 <= n; s += 2)
    {
      bucket[s] = (unsigned char) (int) ((x[s] - lo) * scale);
      bucket[s + 1] = (unsigned char) (int) ((x[s + 1] - lo) * scale);
      count[bucket[s]]++;
      odd[bucket[s + 1]]++;
    }
  for (; s < n; s++)
    {
      bucket[s] = (unsigned char) (int) ((x[s] - lo) * scale);
      count[bucket[s]]++;
    }
  for (b = 0; b <= nb; b++)
    count[b] += odd[b];
}

/* Sixteen buckets at once (SSE2's bytes; GCC's and Clang's vector
   extension).  */
typedef unsigned char bucket16 __attribute__ ((vector_size (16)));

/* Move the values of the N values X whose bucket in BUCKET is wanted
   (WANT, the NW buckets WANTED) to the front of X, with their buckets,
   and give their number.  Sixteen buckets at once are matched against
   the few wanted, and only a block with one is gone through, value by
   value without a branch (a branch on a few values in a thousand missed
   on each).  */
static size_t
gather_wanted (double *x, size_t n, unsigned char *bucket, const bool *want,
               const unsigned char *wanted, size_t nw)
{
  bucket16 w[NRANKS];
  size_t s = 0, kept = 0, e, k;

  if (nw == 0)
    return 0;
  /* The wanted, each in every byte, the last again to make up six.  */
  for (k = 0; k < NRANKS; k++)
    w[k] = (bucket16){ 0 } + wanted[k < nw ? k : nw - 1];
  while (s < n)
    {
      e = s + 16 <= n ? s + 16 : n;
      if (e == s + 16)
        {
          bucket16 v, m;
          uint64_t any[2];

          memcpy (&v, bucket + s, sizeof v);
          m = (bucket16) ((v == w[0]) | (v == w[1]) | (v == w[2]) | (v == w[3])
                          | (v == w[4]) | (v == w[5]));
          memcpy (any, &m, sizeof any);
          if ((any[0] | any[1]) == 0)
            {
              s = e;
              continue;
            }
        }
      for (; s < e; s++)
        {
          unsigned char bs = bucket[s];

          x[kept] = x[s];
          bucket[kept] = bs;
          kept += want[bs];
        }
    }
  return kept;
}

/* The values of the NR ranks RANK (rising) of the N values X into VAL,
   from their buckets BUCKET and the values of each of the NB + 1
   buckets, COUNT, with ODD's added if not NULL (into COUNT, as far as
   the buckets of the ranks): a bucket's values are ranked after those
   of every bucket below it.  X and BUCKET are reordered; BUF has room for N.
   False, and nothing changed, when a bucket of a rank holds more than
   LIMIT values.  */
static bool
select_counted (double *x, size_t n, unsigned int *count,
                const unsigned int *odd, int nb, const size_t *rank, size_t nr,
                unsigned char *bucket, double *buf, size_t limit, double *val)
{
  unsigned int start[NBUCKETS + 1], end[NBUCKETS + 1];
  size_t in[NRANKS], at[NRANKS];
  bool want[NBUCKETS + 1];
  unsigned char wanted[NRANKS];
  size_t s, j = 0, below = 0, fill = 0, kept, nw = 0, next = rank[0];
  int b;

  memset (want, 0, (size_t) (nb + 1) * sizeof *want);
  /* The bucket of each rank and its place there; the wanted buckets'
     values go to BUF, bucket after bucket.  */
  for (b = 0; j < nr && b <= nb; b++)
    {
      if (odd != NULL)
        count[b] += odd[b];
      below += count[b];
      for (; next < below; next = ++j < nr ? rank[j] : SIZE_MAX)
        {
          in[j] = (size_t) b;
          at[j] = next - (below - count[b]);
          if (count[b] > limit)
            return false;
          if (!want[b])
            {
              want[b] = true;
              wanted[nw++] = (unsigned char) b;
              start[b] = end[b] = (unsigned int) fill;
              fill += count[b];
            }
        }
    }
  kept = gather_wanted (x, n, bucket, want, wanted, nw);
  for (s = 0; s < kept; s++)
    buf[end[bucket[s]]++] = x[s];
  for (j = 0; j < nr; j++)
    {
      double *v = &buf[start[in[j]]];
      size_t m = count[in[j]];
      bool again = j > 0 && in[j - 1] == in[j];

      if (m > MAX_INSERTED)
        select_kth (v, again ? at[j - 1] : 0, m, at[j]);
      else if (!again)
        insertion_sort (v, m);
      val[j] = v[at[j]];
    }
  return true;
}

/* The values of the NR ranks RANK (rising) of the N values X into VAL:
   by the buckets VB holds, if not NULL, when none of a rank holds more
   than an eighth of the values; else by buckets of each value's place
   between the least and the greatest, which never falls as the value
   rises (a difference, a product and a truncation, each rounded
   monotonically), a bucket per four values or so, at most NBUCKETS.  X
   and BUCKET are reordered; BUF has room for N.  False, and nothing
   found, for values bounds refuses or too close together to be told
   apart by their place.  */
static bool
order_stats (double *x, size_t n, const struct value_bounds *bd,
             struct value_buckets *vb, const size_t *rank, size_t nr,
             unsigned char *bucket, double *buf, double *val)
{
  unsigned int count[NBUCKETS + 1];
  int nb = n / 4 < NBUCKETS ? (int) (n / 4) : NBUCKETS;
  double lo, hi, scale;
  size_t j;

  if (!bd->ok)
    return false;
  lo = bd->lo;
  hi = bd->hi;
  if (!(lo < hi))
    {
      for (j = 0; j < nr; j++)
        val[j] = lo;
      return true;
    }
  if (vb != NULL)
    {
      if (select_counted (x, n, vb->count, vb->odd, vb->nb, rank, nr,
                          vb->bucket, buf, n / 8, val))
        return true;
    }
  scale = (double) nb / (hi - lo);
  if (!(scale < INFINITY))
    return false;
  count_buckets (x, n, lo, scale, nb, bucket, count);
  return select_counted (x, n, count, NULL, nb, rank, nr, bucket, buf, n, val);
}

void
uncertainty_quantiles (double *x, size_t n, const struct value_bounds *b,
                       struct value_buckets *vb, unsigned char *bucket,
                       double *buf, double out[3])
{
  size_t rank[NRANKS], lhs[3], nr = 0, k;
  double val[NRANKS];
  struct value_bounds found;

  for (k = 0; k < 3; k++)
    {
      lhs[k] = (size_t) (quantile_points[k] * (double) (n - 1));
      rank[nr++] = lhs[k];
      if (lhs[k] + 1 < n)
        rank[nr++] = lhs[k] + 1;
    }
  if (n >= MIN_BUCKETED && b == NULL)
    {
      bounds (x, n, &found);
      b = &found;
    }
  if (n < MIN_BUCKETED
      || !order_stats (x, n, b, vb, rank, nr, bucket, buf, val))
    {
      quantiles_by_partitions (x, n, out);
      return;
    }
  /* quantile reads the two values at LHS alone: put them there.  */
  for (k = 0, nr = 0; k < 3; k++)
    {
      x[lhs[k]] = val[nr++];
      if (lhs[k] + 1 < n)
        x[lhs[k] + 1] = val[nr++];
      out[k] = quantile (x, n, quantile_points[k]);
    }
}

void
uncertainty_scaled_quantiles (const double *sorted, size_t n, double c,
                              double *x, double out[3])
{
  size_t k;

  for (k = 0; k < 3; k++)
    {
      size_t lhs = (size_t) (quantile_points[k] * (double) (n - 1));

      x[lhs] = c * sorted[lhs];
      if (lhs + 1 < n)
        x[lhs + 1] = c * sorted[lhs + 1];
      out[k] = quantile (x, n, quantile_points[k]);
    }
}
