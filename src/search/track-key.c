/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The --by key of a tracked job and whether it failed.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/track-key.h"
#include "base/xalloc.h"

/* The keys a job's result gives, not a field of its record.  */
enum derived
{
  KEY_FIELD,
  KEY_MONTH,
  KEY_REGION,
  KEY_LOCATION,
  KEY_INSTANCE,
  KEY_GPU,
  KEY_STATE
};

static const char *const derived_names[] = {
  "", "month", "region", "location", "instance_type", "gpu_model", "state",
};

struct track_keys
{
  char **by;
  int kind[TRACK_KEYS_MAX]; /* enum derived, worked out once.  */
  size_t nby;
  char **by_names; /* The header BY_COL was found for.  */
  long by_col[TRACK_KEYS_MAX];
  char *key;
  size_t key_cap;
};

struct track_keys *
track_keys_new (const char *by, struct diag *d)
{
  struct track_keys *k = xcalloc (1, sizeof *k);
  char *copy = xstrdup (by), *tok, *save = NULL;

  k->by = xcalloc (TRACK_KEYS_MAX, sizeof *k->by);
  for (tok = strtok_r (copy, ",", &save); tok != NULL;
       tok = strtok_r (NULL, ",", &save))
    {
      if (k->nby == TRACK_KEYS_MAX)
        {
          free (copy);
          track_keys_free (k);
          diag_set (d, CA_EXIT_USAGE, "--by: more than %d keys",
                    TRACK_KEYS_MAX);
          return NULL;
        }
      k->kind[k->nby]
        = name_index (derived_names, ARRAY_SIZE (derived_names), tok);
      if (k->kind[k->nby] < 0)
        k->kind[k->nby] = KEY_FIELD;
      k->by[k->nby++] = xstrdup (tok);
    }
  free (copy);
  return k;
}

void
track_keys_free (struct track_keys *k)
{
  size_t i;

  if (k == NULL)
    return;
  for (i = 0; i < k->nby; i++)
    free (k->by[i]);
  free (k->by);
  free (k->key);
  free (k);
}

void
track_keys_reset (struct track_keys *k)
{
  k->by_names = NULL;
}

/* Whether STATE is in the comma-separated LIST.  */
static bool
in_list (const char *list, const char *state)
{
  size_t n = strlen (state);
  const char *p = list;

  while ((p = strstr (p, state)) != NULL)
    {
      if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
        return true;
      p += n > 0 ? n : 1;
    }
  return false;
}

bool
track_failed (const char *success, const char *state)
{
  return state[0] != '\0' && !in_list (success, state)
         && !in_list ("RUNNING,PENDING,REQUEUED,SUSPENDED,RESIZING", state);
}

void
track_month (double t, char buf[16])
{
  long z, era, doe, yoe, doy, mp, y, m;

  if (isnan (t))
    {
      buf[0] = '\0';
      return;
    }
  z = (long) floor (t / 86400.0) + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = yoe + era * 400 + (m <= 2);
  snprintf (buf, 16, "%04d-%02d", (int) (y % 10000), (int) m);
}

/* Append SEP (unless 0) and V to the key of LEN bytes.  */
static void
key_add (struct track_keys *s, size_t *len, char sep, const char *v)
{
  size_t n = strlen (v);

  if (*len + n + 2 > s->key_cap)
    {
      s->key_cap = 2 * (*len + n + 2);
      s->key = xreallocarray (s->key, s->key_cap, 1);
    }
  if (sep != '\0')
    s->key[(*len)++] = sep;
  memcpy (s->key + *len, v, n);
  *len += n;
  s->key[*len] = '\0';
}

/* The value of --by key B of a job.  M holds a month.  */
static const char *
key_value (const struct track_keys *s, size_t i,
           const struct joblog_record *rec, const struct jobrec *job,
           const struct track_result *res, char m[16])
{
  switch ((enum derived) s->kind[i])
    {
    case KEY_MONTH:
      track_month (job->start, m);
      return m;
    case KEY_REGION:
      return res->onprem ? "" : res->location;
    case KEY_LOCATION:
      return res->location;
    case KEY_INSTANCE:
      return res->onprem ? "" : res->run.instance->name;
    case KEY_GPU:
      return res->gpu_model;
    case KEY_STATE:
      return job->state;
    case KEY_FIELD:
    default:
      return s->by_col[i] >= 0 && (size_t) s->by_col[i] < rec->nfields
               ? rec->values[s->by_col[i]]
               : "";
    }
}

size_t
track_keys_make (struct track_keys *s, const struct joblog_record *rec,
                 const struct jobrec *job, const struct track_result *res,
                 const char **key)
{
  size_t i, j, len = 0;
  char m[16];

  if (s->by_names != rec->names || rec->own_names)
    {
      s->by_names = rec->names;
      for (i = 0; i < s->nby; i++)
        for (s->by_col[i] = -1, j = 0; j < rec->nfields; j++)
          if (STREQ (rec->names[j], s->by[i]))
            s->by_col[i] = (long) j;
    }
  key_add (s, &len, '\0', "");
  for (i = 0; i < s->nby; i++)
    key_add (s, &len, i > 0 ? '\x1f' : '\0',
             key_value (s, i, rec, job, res, m));
  *key = s->key;
  return len;
}
