/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A summary of many jobs by key, in integer fixed point so that
   summaries of pieces of a log merge, in any order, into exactly the
   summary of the whole (doc/tracking.md, "Partial summaries").  Search
   layer.  */
#ifndef CA_TALLY_H
#define CA_TALLY_H

#include <stdint.h>
#include <stdio.h>

#include "base/diag.h"
#include "base/system.h"

/* The sums of one key, each in its fixed-point unit.  */
enum tally_sum
{
  TALLY_JOBS,      /* Jobs.  */
  TALLY_GPU_MH,    /* GPU-hours x 1000.  */
  TALLY_ENERGY_WH, /* kWh x 1000 (Wh) x 1000: mWh.  */
  TALLY_SCOPE2_MG, /* gCO2e x 1000.  */
  TALLY_SCOPE3_MG,
  TALLY_TOTAL_MG,
  TALLY_COST_UUSD, /* USD x 1e6, priced jobs only.  */
  TALLY_PRICED,    /* Jobs with a price.  */
  TALLY_FAILED,    /* Jobs in a failed state.  */
  TALLY_FAILED_MG, /* Their total, gCO2e x 1000.  */
  TALLY_SAVING_MG, /* --suggest: the saving, gCO2e x 1000.  */
  TALLY_NSUMS
};

/* One job as the summary sees it.  */
struct tally_job
{
  double gpu_hours, energy_kwh, scope2_gco2e, scope3_gco2e, total_gco2e;
  double cost_usd; /* NaN without a price.  */
  bool failed;
  double saving_gco2e; /* --suggest: 0 without a suggestion.  */
  const char *label;   /* The job id, for the largest jobs.  */
};

/* What a summary was made from; partials merge only when it is the
   same.  */
struct tally_meta
{
  char tables[17];   /* Hash of the data tables, hex.  */
  char by[256];      /* The --by keys, comma separated.  */
  char success[256]; /* The --success-states.  */
  bool suggest;      /* --suggest: savings summed.  */
};

/* How many of the largest jobs a summary keeps.  */
#define TALLY_TOP 5

struct tally;

struct tally *tally_new (const struct tally_meta *meta);
void tally_free (struct tally *t);
const struct tally_meta *tally_meta (const struct tally *t);

/* Count records read, accounted and rejected.  */
void tally_count (struct tally *t, uint64_t records, uint64_t accounted,
                  uint64_t rejected);
void tally_counts (const struct tally *t, uint64_t *records,
                   uint64_t *accounted, uint64_t *rejected);

/* Add JOB under KEY (LEN bytes; the --by values joined by '\x1f').  */
void tally_add (struct tally *t, const char *key, size_t len,
                const struct tally_job *job);

/* Write T as a partial summary to FP.  Returns 0, or -1 with errno set
   on a write error.  */
int tally_write_partial (FILE *fp, const struct tally *t);

/* Read the partial summary FP (named PATH) and add it into *T, which is
   made from the partial's meta when NULL.  Returns 0, or -1 with D set
   (CA_EXIT_DATAERR: not a partial, another version, other tables, other
   keys).  */
int tally_read_partial (FILE *fp, const char *path, struct tally **t,
                        struct diag *d);

/* The rows, sorted by key (a new array of *N; free it, not its
   contents).  */
struct tally_row
{
  const char *key;
  size_t len;
  const int64_t *sums; /* TALLY_NSUMS of them.  */
};
struct tally_row *tally_rows (const struct tally *t, size_t *n);

/* The --by keys.  */
char **tally_by (const struct tally *t, size_t *n);

/* The largest jobs, largest first (valid until the next call).  */
struct tally_top
{
  int64_t total_mg;
  const char *label;
  const char *key;
};
const struct tally_top *tally_top (const struct tally *t, size_t *n);

#endif /* CA_TALLY_H */
