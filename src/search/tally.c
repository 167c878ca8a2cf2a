/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A summary of many jobs by key in integer fixed point.  Each job's
   figures are rounded once to the unit of their sum; sums of integers
   do not depend on order, so any split of a log merges back to the same
   bytes.  */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/strmap.h"
#include "search/tally.h"
#include "base/xalloc.h"

struct top
{
  int64_t total_mg;
  char *label;
  char *key;
};

struct tally
{
  struct tally_meta meta;
  struct strmap *rows; /* Key -> int64_t[TALLY_NSUMS].  */
  uint64_t records, accounted, rejected;
  struct top top[TALLY_TOP];
  size_t ntop;
  char **by; /* The --by keys.  */
  size_t nby;
};

struct tally *
tally_new (const struct tally_meta *meta)
{
  struct tally *t = xcalloc (1, sizeof *t);
  char *copy, *tok, *save = NULL;

  t->meta = *meta;
  t->rows = strmap_new ();
  t->by = xcalloc (sizeof meta->by, sizeof *t->by);
  copy = xstrdup (meta->by);
  for (tok = strtok_r (copy, ",", &save); tok != NULL;
       tok = strtok_r (NULL, ",", &save))
    t->by[t->nby++] = xstrdup (tok);
  free (copy);
  return t;
}

void
tally_free (struct tally *t)
{
  size_t i;

  if (t == NULL)
    return;
  strmap_free (t->rows, free);
  for (i = 0; i < t->ntop; i++)
    {
      free (t->top[i].label);
      free (t->top[i].key);
    }
  for (i = 0; i < t->nby; i++)
    free (t->by[i]);
  free (t->by);
  free (t);
}

const struct tally_meta *
tally_meta (const struct tally *t)
{
  return &t->meta;
}

void
tally_count (struct tally *t, uint64_t records, uint64_t accounted,
             uint64_t rejected)
{
  t->records += records;
  t->accounted += accounted;
  t->rejected += rejected;
}

void
tally_counts (const struct tally *t, uint64_t *records, uint64_t *accounted,
              uint64_t *rejected)
{
  *records = t->records;
  *accounted = t->accounted;
  *rejected = t->rejected;
}

/* Whether A ranks before B among the largest jobs: larger first, then
   by label and key, so that the order never depends on input order.  */
static bool
before (int64_t a_mg, const char *a_label, const char *a_key,
        const struct top *b)
{
  int c;

  if (a_mg != b->total_mg)
    return a_mg > b->total_mg;
  c = strcmp (a_label, b->label);
  if (c != 0)
    return c < 0;
  return strcmp (a_key, b->key) < 0;
}

static void
add_top (struct tally *t, int64_t mg, const char *label, const char *key)
{
  size_t i;

  if (t->ntop == TALLY_TOP && !before (mg, label, key, &t->top[TALLY_TOP - 1]))
    return;
  if (t->ntop == TALLY_TOP)
    {
      free (t->top[TALLY_TOP - 1].label);
      free (t->top[TALLY_TOP - 1].key);
      t->ntop--;
    }
  for (i = t->ntop; i > 0 && before (mg, label, key, &t->top[i - 1]); i--)
    t->top[i] = t->top[i - 1];
  t->top[i].total_mg = mg;
  t->top[i].label = xstrdup (label);
  t->top[i].key = xstrdup (key);
  t->ntop++;
}

/* The sums of KEY, made when missing.  */
static int64_t *
row (struct tally *t, const char *key, size_t len)
{
  bool added;
  void **slot = strmap_slot (t->rows, key, len, &added);

  if (added)
    *slot = xcalloc (TALLY_NSUMS, sizeof (int64_t));
  return *slot;
}

static int64_t
fixed (double v, double scale)
{
  return (int64_t) llround (v * scale);
}

void
tally_add (struct tally *t, const char *key, size_t len,
           const struct tally_job *job)
{
  int64_t *s = row (t, key, len);
  int64_t total = fixed (job->total_gco2e, 1e3);

  s[TALLY_JOBS]++;
  s[TALLY_GPU_MH] += fixed (job->gpu_hours, 1e3);
  s[TALLY_ENERGY_WH] += fixed (job->energy_kwh, 1e6);
  s[TALLY_SCOPE2_MG] += fixed (job->scope2_gco2e, 1e3);
  s[TALLY_SCOPE3_MG] += fixed (job->scope3_gco2e, 1e3);
  s[TALLY_TOTAL_MG] += total;
  if (!isnan (job->cost_usd))
    {
      s[TALLY_COST_UUSD] += fixed (job->cost_usd, 1e6);
      s[TALLY_PRICED]++;
    }
  s[TALLY_SAVING_MG] += fixed (job->saving_gco2e, 1e3);
  if (job->failed)
    {
      s[TALLY_FAILED]++;
      s[TALLY_FAILED_MG] += total;
    }
  add_top (t, total, job->label, key);
}

/* Sum the row SUMS into KEY.  */
static void
merge_row (struct tally *t, const char *key, size_t len, const int64_t *sums)
{
  int64_t *s = row (t, key, len);
  size_t i;

  for (i = 0; i < TALLY_NSUMS; i++)
    s[i] += sums[i];
}

/* Write the LEN bytes of S with tab, newline, CR and backslash
   escaped.  */
static void
put_escaped (FILE *fp, const char *s, size_t len)
{
  size_t i;

  for (i = 0; i < len; i++)
    switch (s[i])
      {
      case '\t':
        fputs ("\\t", fp);
        break;
      case '\n':
        fputs ("\\n", fp);
        break;
      case '\r':
        fputs ("\\r", fp);
        break;
      case '\\':
        fputs ("\\\\", fp);
        break;
      case '\x1f':
        fputs ("\\s", fp);
        break;
      default:
        putc (s[i], fp);
      }
}

/* Undo put_escaped in place; returns the new length.  */
static size_t
unescape (char *s)
{
  char *r = s, *w = s;

  for (; *r != '\0'; r++)
    if (*r == '\\' && r[1] != '\0')
      {
        r++;
        *w++ = *r == 't'   ? '\t'
               : *r == 'n' ? '\n'
               : *r == 'r' ? '\r'
               : *r == 's' ? '\x1f'
                           : *r;
      }
    else
      *w++ = *r;
  *w = '\0';
  return (size_t) (w - s);
}

#define PARTIAL_MAGIC "carbon-advisor partial summary 2"

int
tally_write_partial (FILE *fp, const struct tally *t)
{
  struct strmap_entry *e = strmap_sorted (t->rows);
  size_t i, j, n = strmap_count (t->rows);

  fprintf (fp, "%s\ntables %s\nby %s\nsuccess %s\nsuggest %d\n", PARTIAL_MAGIC,
           t->meta.tables, t->meta.by, t->meta.success, t->meta.suggest);
  fprintf (fp, "counts %" PRIu64 " %" PRIu64 " %" PRIu64 "\n", t->records,
           t->accounted, t->rejected);
  for (i = 0; i < n; i++)
    {
      const int64_t *s = e[i].value;

      fputs ("row", fp);
      for (j = 0; j < TALLY_NSUMS; j++)
        fprintf (fp, " %" PRId64, s[j]);
      putc ('\t', fp);
      put_escaped (fp, e[i].key, e[i].len);
      putc ('\n', fp);
    }
  for (i = 0; i < t->ntop; i++)
    {
      fprintf (fp, "top %" PRId64 "\t", t->top[i].total_mg);
      put_escaped (fp, t->top[i].label, strlen (t->top[i].label));
      putc ('\t', fp);
      put_escaped (fp, t->top[i].key, strlen (t->top[i].key));
      putc ('\n', fp);
    }
  fputs ("end\n", fp);
  free (e);
  return fflush (fp) == 0 && !ferror (fp) ? 0 : -1;
}

/* Read a header line "NAME VALUE" of a partial into VALUE.  */
static int
header (char *line, const char *name, char *value, size_t size)
{
  size_t n = strlen (name);

  if (strncmp (line, name, n) != 0 || line[n] != ' '
      || strlen (line + n + 1) >= size)
    return -1;
  strcpy (value, line + n + 1);
  return 0;
}

/* Read one "row" or "top" line of a partial into T.  */
static int
body_line (struct tally *t, char *line)
{
  char *tab = strchr (line, '\t'), *p;
  int64_t sums[TALLY_NSUMS];
  size_t i;

  if (tab == NULL)
    return -1;
  *tab++ = '\0';
  if (strncmp (line, "row ", 4) == 0)
    {
      for (i = 0, p = line + 3; i < TALLY_NSUMS; i++)
        {
          char *end;

          errno = 0;
          sums[i] = strtoll (p, &end, 10);
          if (end == p || errno != 0 || (*end != ' ' && *end != '\0'))
            return -1;
          p = end;
        }
      if (*p != '\0')
        return -1;
      merge_row (t, tab, unescape (tab), sums);
      return 0;
    }
  if (strncmp (line, "top ", 4) == 0)
    {
      char *key = strchr (tab, '\t'), *end;
      long long mg;

      if (key == NULL)
        return -1;
      *key++ = '\0';
      errno = 0;
      mg = strtoll (line + 4, &end, 10);
      if (*end != '\0' || errno != 0)
        return -1;
      unescape (tab);
      unescape (key);
      add_top (t, mg, tab, key);
      return 0;
    }
  return -1;
}

/* Whether partial META can be merged into T; D says why not.  */
static int
same_meta (const struct tally *t, const struct tally_meta *meta,
           const char *path, struct diag *d)
{
  if (!STREQ (t->meta.tables, meta->tables))
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s: made from other data tables "
                     "(hash %s, not %s)",
                     path, meta->tables, t->meta.tables);
  if (!STREQ (t->meta.by, meta->by) || !STREQ (t->meta.success, meta->success))
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s: summarised by '%s' with "
                     "success states '%s', not '%s' and '%s'",
                     path, meta->by, meta->success, t->meta.by,
                     t->meta.success);
  if (t->meta.suggest != meta->suggest)
    return diag_set (d, CA_EXIT_DATAERR,
                     "%s: %s --suggest, unlike the "
                     "first partial",
                     path, meta->suggest ? "made with" : "made without");
  return 0;
}

int
tally_read_partial (FILE *fp, const char *path, struct tally **t,
                    struct diag *d)
{
  char *line = NULL, flag[8];
  size_t cap = 0, lineno = 0;
  ssize_t n;
  struct tally_meta meta;
  unsigned long long c[3];
  int status = -1;
  bool ended = false;

  memset (&meta, 0, sizeof meta);
  while ((n = getline (&line, &cap, fp)) >= 0)
    {
      lineno++;
      if (n > 0 && line[n - 1] == '\n')
        line[--n] = '\0';
      if (ended)
        goto bad;
      if (lineno == 1 && !STREQ (line, PARTIAL_MAGIC))
        {
          diag_set (d, CA_EXIT_DATAERR,
                    "%s:1: not a partial summary of "
                    "this version ('%s' expected)",
                    path, PARTIAL_MAGIC);
          goto done;
        }
      if ((lineno == 2
           && header (line, "tables", meta.tables, sizeof meta.tables) < 0)
          || (lineno == 3 && header (line, "by", meta.by, sizeof meta.by) < 0)
          || (lineno == 4
              && header (line, "success", meta.success, sizeof meta.success)
                   < 0)
          || (lineno == 5
              && (header (line, "suggest", flag, sizeof flag) < 0
                  || (!STREQ (flag, "0") && !STREQ (flag, "1")))))
        goto bad;
      if (lineno == 5)
        meta.suggest = STREQ (flag, "1");
      else if (lineno == 6)
        {
          if (sscanf (line, "counts %llu %llu %llu", &c[0], &c[1], &c[2]) != 3)
            goto bad;
          if (*t == NULL)
            *t = tally_new (&meta);
          else if (same_meta (*t, &meta, path, d) < 0)
            goto done;
          tally_count (*t, c[0], c[1], c[2]);
        }
      else if (lineno > 6 && STREQ (line, "end"))
        ended = true;
      else if (lineno > 6 && body_line (*t, line) < 0)
        goto bad;
    }
  if (ferror (fp))
    {
      diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (errno));
      goto done;
    }
  if (!ended)
    {
      diag_set (d, CA_EXIT_DATAERR,
                "%s:%zu: truncated partial summary "
                "(no 'end' line)",
                path, lineno);
      goto done;
    }
  status = 0;
  goto done;
bad:
  diag_set (d, CA_EXIT_DATAERR, "%s:%zu: malformed partial summary line", path,
            lineno);
done:
  free (line);
  return status;
}

struct tally_row *
tally_rows (const struct tally *t, size_t *n)
{
  struct strmap_entry *e = strmap_sorted (t->rows);
  struct tally_row *r;
  size_t i;

  *n = strmap_count (t->rows);
  r = xcalloc (*n + 1, sizeof *r);
  for (i = 0; i < *n; i++)
    {
      r[i].key = e[i].key;
      r[i].len = e[i].len;
      r[i].sums = e[i].value;
    }
  free (e);
  return r;
}

char **
tally_by (const struct tally *t, size_t *n)
{
  *n = t->nby;
  return t->by;
}

const struct tally_top *
tally_top (const struct tally *t, size_t *n)
{
  static struct tally_top out[TALLY_TOP];
  size_t i;

  *n = t->ntop;
  for (i = 0; i < t->ntop; i++)
    {
      out[i].total_mg = t->top[i].total_mg;
      out[i].label = t->top[i].label;
      out[i].key = t->top[i].key;
    }
  return out;
}
