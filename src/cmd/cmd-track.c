/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor track: the footprint of the jobs a team ran, from job
   logs, per job or summarised (doc/tracking.md).  */
#include <config.h>

#include <argp.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "data/zones.h"
#include "cmd/cmd.h"
#include "cli/tally-output.h"
#include "data/joblog.h"
#include "data/jobrec.h"
#include "search/track-key.h"
#include "search/track-suggest.h"
#include "view/track-view.h"
#include "base/xalloc.h"

#define MAX_PARTITIONS 64

struct track_opts
{
  enum joblog_format input_format;
  struct track_defaults def;
  const char *rejects;
  bool strict;
  bool summary;
  bool partial;
  bool suggest;
  const char *report;
  const char *title;
  const char *by;
  const char *success;
  struct jobrec_partition parts[MAX_PARTITIONS];
  size_t nparts;
  struct cli_files files;
};

enum
{
  OPT_INPUT_FORMAT = 0x300,
  OPT_REGION,
  OPT_LOCATION,
  OPT_PUE,
  OPT_LOAD,
  OPT_GPU_LOAD,
  OPT_REJECTS,
  OPT_STRICT,
  OPT_SUMMARY,
  OPT_BY,
  OPT_SUCCESS,
  OPT_PARTIAL,
  OPT_PARTITION_GPU,
  OPT_LIFETIME,
  OPT_SUGGEST,
  OPT_REPORT,
  OPT_TITLE,
  OPT_CPU_REFERENCE
};

static const struct argp_option track_options[] = {
  { "input-format", OPT_INPUT_FORMAT, "FMT", 0,
    "auto (default: by the header), csv, jsonl, sacct, codecarbon", 0 },
  { "region", OPT_REGION, "REGION", 0,
    "Region of cloud jobs whose record names none", 0 },
  { "location", OPT_LOCATION, "ZONE", 0,
    "Grid zone (FR, SE-SE3...) of on-premises jobs whose record names none",
    0 },
  { "pue", OPT_PUE, "RATIO", 0,
    "PUE of jobs whose record gives none (default: the region's; the "
    "site default of site_defaults.csv on premises)",
    0 },
  { "load", OPT_LOAD, "PCT", 0, "Load of jobs whose record gives none", 0 },
  { "gpu-load", OPT_GPU_LOAD, "PCT", 0,
    "GPU load of jobs whose record gives none: an on-premises GPU's, and "
    "the GPUs' part of a cloud instance's power (default: the load)",
    0 },
  { "lifetime-years", OPT_LIFETIME, "Y", 0,
    "Hardware lifetime for Scope 3 (default 4)", 0 },
  { "rejects", OPT_REJECTS, "FILE", 0,
    "Write every record that cannot be used to FILE (csv: file, line, "
    "reason)",
    0 },
  { "strict", OPT_STRICT, NULL, 0, "Exit 65 if any record is rejected", 0 },
  { "summary", OPT_SUMMARY, NULL, 0,
    "Write totals (per --by key) instead of one row per job", 0 },
  { "by", OPT_BY, "KEY[,KEY...]", 0,
    "Summarise per KEY: any column, month, region, location, "
    "instance_type, gpu_model, state",
    0 },
  { "success-states", OPT_SUCCESS, "S[,S...]", 0,
    "States that are not failures (default COMPLETED)", 0 },
  { "partial", OPT_PARTIAL, NULL, 0,
    "Write a mergeable partial summary (see 'merge')", 0 },
  { "suggest", OPT_SUGGEST, NULL, 0,
    "With each cloud job, the greenest option no dearer (same GPU model or "
    "none, runtime scaled as advise scales it) and its saving",
    0 },
  CLI_TALLY_REPORT_OPTIONS (OPT_REPORT, OPT_TITLE),
  { "cpu-reference", OPT_CPU_REFERENCE, "TYPE", 0,
    "Count each CPU of an on-premises job without GPUs as one vCPU's share "
    "of this cloud instance type (default: such jobs are rejected)",
    0 },
  { "partition-gpu", OPT_PARTITION_GPU, "PARTITION=MODEL", 0,
    "GPU model of untyped sacct GPU counts in PARTITION (repeatable)", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static void
track_init (void *opts)
{
  struct track_opts *o = opts;

  o->def.pue = o->def.load_pct = o->def.gpu_load_pct = NAN;
  o->def.lifetime_years = FOOTPRINT_DEFAULT_LIFETIME_YEARS;
  o->by = "";
  o->success = "COMPLETED";
  o->title = CLI_TALLY_DEFAULT_TITLE;
}

static void
add_partition (struct argp_state *state, struct track_opts *o, char *arg)
{
  char *eq = strchr (arg, '=');

  if (eq == NULL || eq == arg || eq[1] == '\0')
    argp_error (state, "--partition-gpu: '%s' is not PARTITION=MODEL", arg);
  if (o->nparts == MAX_PARTITIONS)
    argp_error (state, "--partition-gpu: more than %d partitions",
                MAX_PARTITIONS);
  *eq = '\0';
  o->parts[o->nparts].partition = arg;
  o->parts[o->nparts++].gpu_model = eq + 1;
}

/* The options that set what a job log leaves out: where on-premises
   jobs ran, their PUE, load, hardware life, CPU reference and GPUs.  */
static error_t
parse_job_default (int key, char *arg, struct argp_state *state,
                   struct track_opts *o)
{
  switch (key)
    {
    case OPT_REGION:
      o->def.region = arg;
      break;
    case OPT_LOCATION:
      o->def.location = arg;
      break;
    case OPT_PUE:
      o->def.pue = cli_parse_number (state, "pue", arg, 1.0, 10.0);
      break;
    case OPT_LOAD:
      o->def.load_pct = cli_parse_percent (state, "load", arg, 100.0);
      break;
    case OPT_GPU_LOAD:
      o->def.gpu_load_pct = cli_parse_percent (state, "gpu-load", arg, 100.0);
      break;
    case OPT_LIFETIME:
      o->def.lifetime_years
        = cli_parse_number (state, "lifetime-years", arg, 0.1, 50);
      break;
    case OPT_CPU_REFERENCE:
      o->def.cpu_reference = arg;
      break;
    case OPT_PARTITION_GPU:
      add_partition (state, o, arg);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static error_t
parse_track (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;
  struct track_opts *o = input->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = input->global;
      break;
    case OPT_INPUT_FORMAT:
      if (joblog_format_parse (arg, &o->input_format) < 0)
        argp_error (state,
                    "--input-format: '%s' is not one of auto, csv, "
                    "jsonl, sacct, codecarbon",
                    arg);
      break;
    case OPT_REJECTS:
      o->rejects = arg;
      break;
    case OPT_STRICT:
      o->strict = true;
      break;
    case OPT_SUMMARY:
      o->summary = true;
      break;
    case OPT_BY:
      o->by = arg;
      o->summary = true;
      break;
    case OPT_SUCCESS:
      o->success = arg;
      break;
    case OPT_PARTIAL:
      o->partial = true;
      break;
    case OPT_SUGGEST:
      o->suggest = true;
      break;
    case OPT_REPORT:
      o->report = arg;
      o->summary = true;
      break;
    case OPT_TITLE:
      o->title = arg;
      break;
    case ARGP_KEY_ARG:
      cli_files_add (&o->files, arg);
      break;
    case ARGP_KEY_END:
      if (strlen (o->by) >= 256 || strlen (o->success) >= 256)
        argp_error (state, "--by or --success-states is too long");
      /* One row a job carries the input's own fields, and a partial
         summary is for 'merge': only the summary table is cut.  */
      if (out_columns_selected () && (!o->summary || o->partial))
        argp_error (state, "--columns goes with track's summary table "
                           "(--by or --summary), not with one row a job "
                           "or --partial");
      break;
    default:
      return parse_job_default (key, arg, state, o);
    }
  return 0;
}

static const struct argp_child track_children[] = {
  { &cli_global_argp, 0, "Global options:", 1 },
  { NULL, 0, NULL, 0 },
};

static const struct argp track_argp
  = { track_options,
      parse_track,
      "[FILE...]",
      "Work out the footprint of the jobs in job logs (native csv or JSON "
      "Lines, sacct -P, CodeCarbon's emissions.csv; no FILE or '-': standard "
      "input), one row per job (--format csv or json for JSON Lines) or a "
      "summary (--summary, --by), or a partial summary for 'merge'.  Every "
      "record is accounted or rejected; stderr ends with "
      "'N records: A accounted, R rejected'.",
      track_children,
      NULL,
      NULL };

/* What one run of the command carries.  */
struct state
{
  const struct track_opts *o;
  struct track *track;
  struct tally *tally;
  struct track_view *view;
  FILE *rejects;
  struct jobrec_index ix;
  uint64_t records, accounted, rejected;
  struct track_keys *keys;       /* --by.  */
  struct track_suggest *suggest; /* --suggest, or NULL.  */
  char last_state[sizeof ((struct jobrec *) 0)->state];
  bool last_failed; /* Whether LAST_STATE failed: logs repeat
                       a few states.  */
  FILE *out;        /* Per-job rows.  */
  enum out_format format;
};

/* Note a rejected record.  */
static void
reject (struct state *s, const char *path, size_t line, size_t rows,
        const char *reason)
{
  s->rejected += rows;
  if (s->rejects != NULL)
    track_view_reject (s->rejects, path, line, reason);
}

/* Account one record.  */
static void
account (struct state *s, const char *path, const struct joblog_record *rec,
         enum joblog_format format)
{
  struct jobrec job;
  struct track_result res;
  struct run sug;
  char reason[256];
  int found = 0;

  if (jobrec_parse (format, rec, &s->ix, s->o->parts, s->o->nparts, &job,
                    reason, sizeof reason)
        < 0
      || track_evaluate (s->track, &job, &res, reason, sizeof reason) < 0)
    {
      reject (s, path, rec->line, rec->rows, reason);
      return;
    }
  s->accounted += rec->rows;
  if (s->suggest != NULL && !res.onprem
      && (found = track_suggest (s->suggest, &res.run, &sug)) < 0)
    found = 0; /* A pair the data cannot work out.  */
  if (s->tally != NULL)
    {
      struct tally_job tj;
      const struct footprint *f = &res.run.footprint;
      const char *key;
      size_t len = track_keys_make (s->keys, rec, &job, &res, &key);

      tj.gpu_hours = res.gpu_hours;
      tj.energy_kwh = f->energy_kwh;
      tj.scope2_gco2e = f->scope2_gco2e;
      tj.scope3_gco2e = f->scope3_gco2e;
      tj.total_gco2e = f->total_gco2e;
      tj.cost_usd = f->cost_usd;
      if (!STREQ (job.state, s->last_state))
        {
          strcpy (s->last_state, job.state);
          s->last_failed = track_failed (s->o->success, job.state);
        }
      tj.failed = s->last_failed;
      tj.saving_gco2e
        = found ? res.run.footprint.total_gco2e - sug.footprint.total_gco2e
                : 0;
      tj.label = job.job_id;
      tally_add (s->tally, key, len, &tj);
      return;
    }
  track_view_job (s->view, rec, &job, &res, found ? &sug : NULL);
}

/* Read one log into S, a struct state *.  Returns an exit status.  */
static int
track_file (void *arg, const char *path, FILE *fp)
{
  struct state *s = arg;
  struct diag d;
  struct joblog *log = joblog_open (fp, path, s->o->input_format, &d);
  struct joblog_record rec;
  char reason[256];
  int r;

  if (log == NULL)
    return cli_report (&d);
  memset (&s->ix, 0, sizeof s->ix);
  track_keys_reset (s->keys);
  while ((r = joblog_next (log, &rec, reason, sizeof reason, &d)) != 0)
    {
      if (r == -2)
        {
          joblog_close (log);
          return cli_report (&d);
        }
      s->records += rec.rows;
      if (r < 0)
        reject (s, path, rec.line, rec.rows, reason);
      else
        {
          if (s->tally == NULL && s->view == NULL)
            {
              size_t n;
              char **names = joblog_header (log, &n);
              enum joblog_format f = joblog_get_format (log);

              s->view = track_view_new (
                s->out, s->format, f == JOBLOG_CODECARBON, s->suggest != NULL);
              track_view_header (s->view, names, n);
            }
          account (s, path, &rec, joblog_get_format (log));
        }
    }
  joblog_close (log);
  return CA_EXIT_OK;
}

/* The tally of a run, with the tables' hash, or NULL without
   --summary.  */
static struct tally *
new_tally (const struct cli_global *global, const struct track_opts *o,
           int *status)
{
  struct tally_meta meta;
  struct diag d;
  char *dir;

  if (!o->summary && !o->partial)
    return NULL;
  memset (&meta, 0, sizeof meta);
  dir = cli_data_dir (global);
  if (zones_tables_hash (dir, meta.tables, &d) < 0)
    {
      free (dir);
      *status = cli_report (&d);
      return NULL;
    }
  free (dir);
  snprintf (meta.by, sizeof meta.by, "%s", o->by);
  snprintf (meta.success, sizeof meta.success, "%s", o->success);
  meta.suggest = o->suggest;
  return tally_new (&meta);
}

/* Print the closing count line; returns STATUS, or 65 under --strict
   when a record was rejected.  */
static int
closing_line (const struct track_opts *o, uint64_t records, uint64_t accounted,
              uint64_t rejected, int status)
{
  cli_tally_count_line (records, accounted, rejected);
  if (status == CA_EXIT_OK && o->strict && rejected > 0)
    return CA_EXIT_DATAERR;
  return status;
}

/* Check --cpu-reference against CAT.  Returns an exit status.  */
static int
check_cpu_reference (const struct catalogue *cat, const char *name)
{
  const struct instance *ref;
  struct diag d;

  if (name == NULL)
    return CA_EXIT_OK;
  ref = catalogue_find_instance (cat, name);
  if (ref == NULL)
    return cli_report_unknown_instance (cat, name);
  if (ref->gpus > 0)
    {
      diag_set (&d, CA_EXIT_USAGE,
                "--cpu-reference: %s has GPUs; name a CPU-only type",
                ref->name);
      return cli_report (&d);
    }
  return CA_EXIT_OK;
}

/* Where a run writes: the per-job rows (unless it summarises) and the
   rejects.  */
struct outputs
{
  struct cli_sink sink;
  struct cli_sink rejects;
  FILE *held; /* --strict to standard output: the rows
                 wait here until no record is
                 rejected.  */
};

/* Open O's outputs into OUT and S.  Returns an exit status.  */
static int
open_outputs (const struct cli_global *global, const struct track_opts *o,
              struct state *s, struct outputs *out)
{
  struct cli_global rglobal = *global;
  int status = CA_EXIT_OK;

  memset (out, 0, sizeof *out);
  if (s->tally == NULL)
    {
      status = cli_sink_open (global, &out->sink);
      if (status != CA_EXIT_OK)
        return status;
      s->out = out->sink.fp;
      if (o->strict && out->sink.file.tmp_path == NULL)
        {
          s->out = out->held = tmpfile ();
          if (s->out == NULL)
            return cli_report_errno (CA_EXIT_FAILURE, errno, "temporary file");
        }
    }
  if (o->rejects != NULL)
    {
      rglobal.output = o->rejects;
      status = cli_sink_open (&rglobal, &out->rejects);
      s->rejects = out->rejects.fp;
      if (s->rejects != NULL)
        fputs ("file,line,reason\n", s->rejects);
    }
  return status;
}

/* Write what is due and close OUT, keeping the result only when OK and
   the rejects when READ_OK (under --strict a rejected record fails the
   result, not the list of rejects).  Returns an exit status.  */
static int
close_outputs (const struct cli_global *global, const struct track_opts *o,
               const struct state *s, struct outputs *out, bool ok,
               bool read_ok)
{
  int status = CA_EXIT_OK, st;

  if (ok && s->tally != NULL)
    {
      status = cli_tally_write (global, s->tally, o->partial);
      if (status == CA_EXIT_OK && o->report != NULL)
        status = cli_tally_report (o->report, s->tally, o->title);
    }
  else if (ok && out->held != NULL)
    status = cli_copy_held (out->held, out->sink.fp);
  if (out->held != NULL)
    fclose (out->held);
  if (out->sink.fp != NULL)
    {
      st = cli_sink_close (&out->sink, ok && status == CA_EXIT_OK);
      status = status == CA_EXIT_OK ? st : status;
    }
  if (out->rejects.fp != NULL)
    {
      st = cli_sink_close (&out->rejects, read_ok);
      status = status == CA_EXIT_OK ? st : status;
    }
  return status;
}

static int
cmd_track_exec (const struct cli_global *global, void *opts)
{
  struct track_opts *o = opts;
  int status = CA_EXIT_OK, st;
  struct catalogue *cat = cli_load_catalogue (global, &status);
  struct zones *zones = NULL;
  bool read_ok;
  struct state s;
  struct outputs out;
  struct diag d;
  char *dir;

  if (cat == NULL)
    {
      cli_files_free (&o->files);
      return status;
    }
  memset (&s, 0, sizeof s);
  memset (&out, 0, sizeof out);
  s.o = o;
  dir = cli_data_dir (global);
  zones = zones_load (dir, cat, &d);
  free (dir);
  if (zones == NULL)
    {
      cli_files_free (&o->files);
      catalogue_free (cat);
      return cli_report (&d);
    }
  status = check_cpu_reference (cat, o->def.cpu_reference);
  s.track = track_new (cat, zones, &o->def);
  if (o->suggest)
    s.suggest = track_suggest_new (cat, o->def.lifetime_years);
  if (status == CA_EXIT_OK)
    s.tally = new_tally (global, o, &status);
  s.keys = track_keys_new (o->by, &d);
  if (status == CA_EXIT_OK && s.keys == NULL)
    status = cli_report (&d);
  s.format
    = global->format == OUT_FORMAT_JSON ? OUT_FORMAT_JSON : OUT_FORMAT_CSV;
  if (status == CA_EXIT_OK)
    status = open_outputs (global, o, &s, &out);
  if (status == CA_EXIT_OK)
    status = cli_files_read (&o->files, track_file, &s);
  if (s.tally != NULL)
    tally_count (s.tally, s.records, s.accounted, s.rejected);
  read_ok = status == CA_EXIT_OK;
  st = close_outputs (global, o, &s, &out,
                      read_ok && !(o->strict && s.rejected > 0), read_ok);
  status = read_ok ? st : status;
  status = closing_line (o, s.records, s.accounted, s.rejected, status);
  track_view_free (s.view);
  tally_free (s.tally);
  track_free (s.track);
  track_keys_free (s.keys);
  track_suggest_free (s.suggest);
  cli_files_free (&o->files);
  zones_free (zones);
  catalogue_free (cat);
  return status;
}

const struct cmd_entry cmd_track_entry = {
  "track",     "footprint of the jobs in job logs, per job or summarised",
  &track_argp, sizeof (struct track_opts),
  track_init,  cmd_track_exec,
};
