/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Writing tracked jobs and their summaries.  */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view/track-view.h"
#include "base/xalloc.h"

/* The columns each job gains, in order.  */
static const char *const job_columns[] = {
  "runtime_h",          "gpus",         "gpu_model",
  "location",           "energy_kwh",   "pue",
  "grid_gco2e_per_kwh", "scope2_gco2e", "scope3_gco2e",
  "total_gco2e",        "cost_usd",     "power_source",
  "embodied_source",    "pue_source",   "grid_source",
  "reference_instance", "flag",
};

/* The columns of --suggest.  */
static const char *const suggest_columns[] = {
  "suggested_instance_type", "suggested_region",   "suggested_runtime_h",
  "suggested_total_gco2e",   "suggested_cost_usd", "saving_gco2e",
};

struct track_view
{
  FILE *fp;
  enum out_format format;
  bool reported;
  bool suggest;
  bool *skip; /* Input columns that ours replace.  */
  size_t nskip;
  char **header;    /* Csv: the columns, a copy.  */
  char **map_names; /* The names MAP was made for.  */
  long *map;        /* Header column -> record field, -1.  */
  bool *extra;      /* Record field -> not under the header
                       (a later file's or JSON Lines
                       record's own), for other_fields.  */
  size_t nextra;
};

struct track_view *
track_view_new (FILE *fp, enum out_format format, bool reported, bool suggest)
{
  struct track_view *v = xcalloc (1, sizeof *v);

  v->suggest = suggest;
  v->fp = fp;
  v->format = format;
  v->reported = reported;
  return v;
}

void
track_view_free (struct track_view *v)
{
  size_t i;

  if (v == NULL)
    return;
  for (i = 0; v->header != NULL && i < v->nskip; i++)
    free (v->header[i]);
  free (v->header);
  free (v->map);
  free (v->extra);
  free (v->skip);
  free (v);
}

/* Whether NAME is one of the columns a job gains.  */
static bool
ours (const char *name)
{
  size_t i;

  for (i = 0; i < ARRAY_SIZE (job_columns); i++)
    if (STREQ (name, job_columns[i]))
      return true;
  for (i = 0; i < ARRAY_SIZE (suggest_columns); i++)
    if (STREQ (name, suggest_columns[i]))
      return true;
  return STREQ (name, "codecarbon_gco2e");
}

/* Write S as a csv field.  */
static void
csv_text (FILE *fp, const char *s)
{
  size_t n = strlen (s);

  if (strpbrk (s, ",\"\r\n") == NULL
      && (n == 0 || (s[0] != ' ' && s[n - 1] != ' ')))
    {
      fputs (s, fp);
      return;
    }
  putc ('"', fp);
  for (; *s != '\0'; s++)
    {
      if (*s == '"')
        putc ('"', fp);
      putc (*s, fp);
    }
  putc ('"', fp);
}

/* Write S as a JSON string.  */
static void
json_text (FILE *fp, const char *s)
{
  putc ('"', fp);
  for (; *s != '\0'; s++)
    {
      unsigned char c = (unsigned char) *s;

      if (c == '"' || c == '\\')
        fprintf (fp, "\\%c", c);
      else if (c < 0x20)
        fprintf (fp, "\\u%04x", c);
      else
        putc (c, fp);
    }
  putc ('"', fp);
}

void
track_view_header (struct track_view *v, char **names, size_t n)
{
  size_t i;
  bool first = true;

  v->skip = xcalloc (n + 1, sizeof *v->skip);
  v->header = xcalloc (n + 1, sizeof *v->header);
  v->map = xcalloc (n + 1, sizeof *v->map);
  v->nskip = n;
  for (i = 0; i < n; i++)
    {
      v->skip[i] = ours (names[i]);
      v->header[i] = xstrdup (names[i]);
    }
  if (v->format != OUT_FORMAT_CSV)
    return;
  for (i = 0; i < n; i++)
    if (!v->skip[i])
      {
        if (!first)
          putc (',', v->fp);
        csv_text (v->fp, names[i]);
        first = false;
      }
  for (i = 0; i < ARRAY_SIZE (job_columns); i++)
    fprintf (v->fp, "%s%s", first && i == 0 ? "" : ",", job_columns[i]);
  if (v->reported)
    fputs (",codecarbon_gco2e", v->fp);
  for (i = 0; v->suggest && i < ARRAY_SIZE (suggest_columns); i++)
    fprintf (v->fp, ",%s", suggest_columns[i]);
  fputs (",other_fields", v->fp);
  putc ('\n', v->fp);
}

/* Write field NAME with text S (NULL: missing).  */
static void
field (struct track_view *v, bool *first, const char *name, const char *s)
{
  if (v->format == OUT_FORMAT_CSV)
    {
      if (!*first)
        putc (',', v->fp);
      csv_text (v->fp, s != NULL ? s : "");
    }
  else
    {
      fputs (*first ? "{" : ",", v->fp);
      json_text (v->fp, name);
      putc (':', v->fp);
      if (s == NULL)
        fputs ("null", v->fp);
      else
        json_text (v->fp, s);
    }
  *first = false;
}

/* Write field NAME with number X (NaN: missing).  */
static void
number (struct track_view *v, bool *first, const char *name, double x)
{
  char buf[64];

  if (isnan (x))
    {
      field (v, first, name, NULL);
      return;
    }
  out_format_number (buf, sizeof buf, x);
  if (v->format == OUT_FORMAT_CSV)
    field (v, first, name, buf);
  else
    {
      fputs (*first ? "{" : ",", v->fp);
      json_text (v->fp, name);
      fprintf (v->fp, ":%s", buf);
      *first = false;
    }
}

/* Map the csv header's columns to REC's fields, by name, since later
   files (and every JSON Lines record) may order or name them otherwise;
   mark REC's fields no column takes.  */
static void
map_fields (struct track_view *v, const struct joblog_record *rec)
{
  size_t i, j;

  v->map_names = rec->names;
  if (rec->nfields > v->nextra)
    {
      v->nextra = rec->nfields;
      v->extra = xreallocarray (v->extra, v->nextra, sizeof *v->extra);
    }
  for (j = 0; j < rec->nfields; j++)
    v->extra[j] = !ours (rec->names[j]);
  for (i = 0; i < v->nskip; i++)
    for (v->map[i] = -1, j = 0; j < rec->nfields; j++)
      if (STREQ (v->header[i], rec->names[j]))
        {
          v->map[i] = (long) j;
          v->extra[j] = false;
          break;
        }
}

/* The record's fields under the csv header's columns.  */
static void
csv_fields (struct track_view *v, bool *first, const struct joblog_record *rec)
{
  size_t i;

  if (v->map_names != rec->names || rec->own_names)
    map_fields (v, rec);
  for (i = 0; i < v->nskip; i++)
    if (!v->skip[i])
      field (v, first, v->header[i],
             v->map[i] >= 0 ? rec->values[v->map[i]] : "");
}

/* The csv column other_fields: REC's fields that no column of the header
   takes, as one JSON object, so that nothing of the input is lost; ""
   when there is none.  */
static void
other_fields (struct track_view *v, const struct joblog_record *rec)
{
  char *text = NULL;
  size_t size = 0, j;
  bool any = false;
  FILE *mem;

  for (j = 0; j < rec->nfields && !any; j++)
    any = v->extra[j];
  if (!any)
    {
      fputs (",", v->fp);
      return;
    }
  mem = open_memstream (&text, &size);
  if (mem == NULL)
    xalloc_die ();
  any = false;
  for (j = 0; j < rec->nfields; j++)
    if (v->extra[j])
      {
        fputs (any ? "," : "{", mem);
        json_text (mem, rec->names[j]);
        putc (':', mem);
        json_text (mem, rec->values[j]);
        any = true;
      }
  putc ('}', mem);
  if (fclose (mem) != 0)
    xalloc_die ();
  putc (',', v->fp);
  csv_text (v->fp, text);
  free (text);
}

/* The columns of --suggest for SUG (NULL: blank).  */
static void
suggestion (struct track_view *v, bool *first, const struct run *job,
            const struct run *sug)
{
  const char *const *c = suggest_columns;

  field (v, first, c[0], sug != NULL ? sug->instance->name : NULL);
  field (v, first, c[1], sug != NULL ? sug->region->name : NULL);
  number (v, first, c[2], sug != NULL ? sug->runtime_h : NAN);
  number (v, first, c[3], sug != NULL ? sug->footprint.total_gco2e : NAN);
  number (v, first, c[4], sug != NULL ? sug->footprint.cost_usd : NAN);
  number (v, first, c[5],
          sug != NULL ? job->footprint.total_gco2e - sug->footprint.total_gco2e
                      : NAN);
}

void
track_view_job (struct track_view *v, const struct joblog_record *rec,
                const struct jobrec *job, const struct track_result *res,
                const struct run *sug)
{
  const struct run *r = &res->run;
  const struct footprint *f = &r->footprint;
  bool first = true;
  size_t i;

  if (v->format == OUT_FORMAT_CSV)
    csv_fields (v, &first, rec);
  else
    for (i = 0; i < rec->nfields; i++)
      if (!ours (rec->names[i]))
        field (v, &first, rec->names[i], rec->values[i]);
  number (v, &first, "runtime_h", r->runtime_h);
  number (v, &first, "gpus", res->gpus);
  field (v, &first, "gpu_model", res->gpu_model);
  field (v, &first, "location", res->location);
  number (v, &first, "energy_kwh", f->energy_kwh);
  number (v, &first, "pue", r->pue);
  number (v, &first, "grid_gco2e_per_kwh", r->grid_gco2e_per_kwh);
  number (v, &first, "scope2_gco2e", f->scope2_gco2e);
  number (v, &first, "scope3_gco2e", f->scope3_gco2e);
  number (v, &first, "total_gco2e", f->total_gco2e);
  number (v, &first, "cost_usd", f->cost_usd);
  field (v, &first, "power_source", r->power_source);
  field (v, &first, "embodied_source", r->embodied_source);
  field (v, &first, "pue_source", r->pue_source);
  field (v, &first, "grid_source", r->grid_source);
  field (v, &first, "reference_instance", res->reference);
  field (v, &first, "flag",
         job->running         ? "running"
         : job->never_started ? "never-started"
                              : "");
  if (v->reported)
    number (v, &first, "codecarbon_gco2e", job->reported_gco2e);
  if (v->suggest)
    suggestion (v, &first, r, sug);
  if (v->format == OUT_FORMAT_CSV)
    other_fields (v, rec);
  fputs (v->format == OUT_FORMAT_CSV ? "\n" : "}\n", v->fp);
}

/* The figures of a summary row, after the --by keys.  */
static const struct out_column summary_columns[] = {
  { "jobs", "Jobs", NULL, OUT_INTEGER, 0, 0 },
  { "gpu_hours", "GPU-hours", "h", OUT_NUMBER, 1, 0 },
  { "energy_kwh", "Energy", "kWh", OUT_NUMBER, 3, 0 },
  { "scope2_gco2e", "Scope 2", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "scope3_gco2e", "Scope 3", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "total_gco2e", "Total", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "share_pct", "Share", "%", OUT_NUMBER, 1, 0 },
  { "cost_usd", "Cost", "USD", OUT_NUMBER, 2, 0 },
  { "unpriced_jobs", "Unpriced", NULL, OUT_INTEGER, 0, 0 },
  { "failed_jobs", "Failed", NULL, OUT_INTEGER, 0, 0 },
  { "failed_share_pct", "Failed share", "%", OUT_NUMBER, 1, 0 },
  /* With --suggest only.  */
  { "saving_gco2e", "Saving", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "saving_pct", "Saving", "%", OUT_NUMBER, 1, 0 },
};

/* The summary columns without --suggest's.  */
#define SUMMARY_PLAIN (ARRAY_SIZE (summary_columns) - 2)

/* Fill the figures of the last row of TABLE from S, from column AT on;
   TOTAL_MG is the grand total the share is of.  */
static void
summary_figures (struct out_table *table, size_t at, const int64_t *s,
                 int64_t total_mg, bool suggest)
{
  out_table_set_number (table, at++, (double) s[TALLY_JOBS]);
  out_table_set_number (table, at++, (double) s[TALLY_GPU_MH] / 1e3);
  out_table_set_number (table, at++, (double) s[TALLY_ENERGY_WH] / 1e6);
  out_table_set_number (table, at++, (double) s[TALLY_SCOPE2_MG] / 1e3);
  out_table_set_number (table, at++, (double) s[TALLY_SCOPE3_MG] / 1e3);
  out_table_set_number (table, at++, (double) s[TALLY_TOTAL_MG] / 1e3);
  out_table_set_number (table, at++,
                        total_mg > 0 ? 100.0 * (double) s[TALLY_TOTAL_MG]
                                         / (double) total_mg
                                     : NAN);
  /* Blank is not zero: no price at all is no cost.  */
  out_table_set_number (table, at++,
                        s[TALLY_PRICED] > 0 ? (double) s[TALLY_COST_UUSD] / 1e6
                                            : NAN);
  out_table_set_number (table, at++,
                        (double) (s[TALLY_JOBS] - s[TALLY_PRICED]));
  out_table_set_number (table, at++, (double) s[TALLY_FAILED]);
  out_table_set_number (table, at++,
                        s[TALLY_TOTAL_MG] > 0
                          ? 100.0 * (double) s[TALLY_FAILED_MG]
                              / (double) s[TALLY_TOTAL_MG]
                          : NAN);
  if (!suggest)
    return;
  out_table_set_number (table, at++, (double) s[TALLY_SAVING_MG] / 1e3);
  out_table_set_number (table, at,
                        s[TALLY_TOTAL_MG] > 0
                          ? 100.0 * (double) s[TALLY_SAVING_MG]
                              / (double) s[TALLY_TOTAL_MG]
                          : NAN);
}

/* Set the key columns of the last row from KEY ('\x1f'-separated).  */
static void
key_cells (struct out_table *table, const char *key, size_t nby)
{
  size_t i;
  char *copy = xstrdup (key), *p = copy;

  for (i = 0; i < nby; i++)
    {
      char *sep = strchr (p, '\x1f');

      if (sep != NULL)
        *sep = '\0';
      out_table_set_text (table, i, p[0] != '\0' ? p : NULL);
      p = sep != NULL ? sep + 1 : p + strlen (p);
    }
  free (copy);
}

void
track_view_summary (const struct tally *t, struct track_table *out)
{
  size_t nby, nrows, i, j, nkeys;
  char **by = tally_by (t, &nby);
  struct tally_row *rows = tally_rows (t, &nrows);
  int64_t total[TALLY_NSUMS] = { 0 };
  bool suggest = tally_meta (t)->suggest;
  size_t nfig = suggest ? ARRAY_SIZE (summary_columns) : SUMMARY_PLAIN;

  nkeys = nby > 0 ? nby : 1;
  out->cols = xcalloc (nkeys + nfig, sizeof *out->cols);
  for (i = 0; i < nkeys; i++)
    {
      out->cols[i].key = nby > 0 ? by[i] : "summary";
      out->cols[i].label = out->cols[i].key;
      out->cols[i].kind = OUT_TEXT;
    }
  memcpy (out->cols + nkeys, summary_columns, nfig * sizeof *out->cols);
  out->table = out_table_new (out->cols, nkeys + nfig);
  for (i = 0; i < nrows; i++)
    for (j = 0; j < TALLY_NSUMS; j++)
      total[j] += rows[i].sums[j];
  for (i = 0; nby > 0 && i < nrows; i++)
    {
      out_table_add_row (out->table);
      key_cells (out->table, rows[i].key, nby);
      summary_figures (out->table, nkeys, rows[i].sums, total[TALLY_TOTAL_MG],
                       suggest);
    }
  out_table_add_row (out->table);
  out_table_set_text (out->table, 0, "total");
  summary_figures (out->table, nkeys, total, total[TALLY_TOTAL_MG], suggest);
  free (rows);
}

static const struct out_column top_columns[] = {
  { "rank", "Rank", NULL, OUT_INTEGER, 0, 0 },
  { "job_id", "Job", NULL, OUT_TEXT, 0, 0 },
  { "key", "Key", NULL, OUT_TEXT, 0, 0 },
  { "total_gco2e", "Total", "gCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
};

void
track_view_top (const struct tally *t, struct track_table *out)
{
  size_t n, i;
  const struct tally_top *top = tally_top (t, &n);

  out->cols = NULL;
  out->table = out_table_new (top_columns, ARRAY_SIZE (top_columns));
  for (i = 0; i < n; i++)
    {
      char *key = xstrdup (top[i].key), *p;

      for (p = key; *p != '\0'; p++)
        if (*p == '\x1f')
          *p = '/';
      out_table_add_row (out->table);
      out_table_set_number (out->table, 0, (double) (i + 1));
      out_table_set_text (out->table, 1, top[i].label);
      out_table_set_text (out->table, 2, key);
      out_table_set_number (out->table, 3, (double) top[i].total_mg / 1e3);
      free (key);
    }
}

void
track_table_free (struct track_table *t)
{
  out_table_free (t->table);
  free (t->cols);
}

int
track_view_write_summary (FILE *fp, enum out_format format,
                          const struct tally *t)
{
  struct track_table sum, top;
  int ok;

  track_view_summary (t, &sum);
  ok = out_write (fp, format, OUT_LAYOUT_WIDE, sum.table);
  track_table_free (&sum);
  if (ok < 0 || format != OUT_FORMAT_TABLE)
    return ok;
  track_view_top (t, &top);
  if (out_table_rows (top.table) > 0)
    {
      if (fputs ("\nLargest jobs:\n", fp) == EOF)
        ok = -1;
      if (ok == 0)
        ok = out_write (fp, format, OUT_LAYOUT_WIDE, top.table);
    }
  track_table_free (&top);
  return ok;
}

void
track_view_reject (FILE *fp, const char *path, size_t line, const char *reason)
{
  fputs (strpbrk (path, ",\"\n") == NULL ? path : "-", fp);
  fprintf (fp, ",%zu,\"", line);
  for (; *reason != '\0'; reason++)
    {
      if (*reason == '"')
        putc ('"', fp);
      putc (*reason, fp);
    }
  fputs ("\"\n", fp);
}
