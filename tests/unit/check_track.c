/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for tracked jobs on the shipped tables: the grid zones and
   site default, and on-premises and cloud jobs worked out by hand from
   their data rows.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "search/track.h"
#include "unit.h"
#include "shipped.h"
#include "data/zones.h"

#define ASSERT_REL(x, y) ck_assert_double_eq_tol ((x), (y), 1e-9 * fabs (y))

static struct zones *zones;

static void
load_all (void)
{
  struct diag d;

  load_catalogue ();
  zones = cat != NULL ? zones_load (cat_dir, cat, &d) : NULL;
}

static void
free_all (void)
{
  zones_free (zones);
  zones = NULL;
  free_catalogue ();
}

START_TEST (test_zones)
{
  const struct zone *z;

  ASSERT_CATALOGUE ();
  ck_assert_ptr_nonnull (zones);
  /* ci_yearly_2024_by_location.csv: 352 rows less GLOBAL.  */
  ck_assert_uint_eq (zones->nzones, 351);
  z = zones_find (zones, "FR");
  ck_assert_ptr_nonnull (z);
  ck_assert_double_eq (z->grid.gco2e_per_kwh, 33.44);
  ck_assert_str_eq (z->grid.source, "electricitymaps-2024");
  ck_assert_int_eq (z->grid.year, 2024);
  z = zones_find (zones, "SWE"); /* CodeCarbon's alpha-3.  */
  ck_assert_ptr_nonnull (z);
  ck_assert_str_eq (z->zone, "SE");
  ck_assert_double_eq (zones_find (zones, "SE-SE3")->grid.gco2e_per_kwh,
                       20.42);
  ck_assert_ptr_null (zones_find (zones, "XX"));
  ck_assert_double_eq (zones->pue, 1.54);
  ck_assert_str_eq (zones->pue_source, "uptime-2025");
  ck_assert_int_eq (zones->pue_year, 2025);
}
END_TEST

/* A job with nothing set.  */
static void
blank_job (struct jobrec *job)
{
  memset (job, 0, sizeof *job);
  job->job_id = job->instance_type = job->region = job->gpu_model = "";
  job->location = job->location_iso3 = "";
  job->count = job->gpus = job->cpus = job->memory_gib = NAN;
  job->runtime_h = job->start = job->load_pct = job->gpu_load_pct = NAN;
  job->pue = job->reported_gco2e = NAN;
}

START_TEST (test_onprem)
{
  struct track_defaults def = { NULL, "SE-SE3", NAN, 50, NAN, 4, NULL };
  struct track *t;
  struct track_result r;
  struct jobrec job;
  char reason[256];

  ASSERT_CATALOGUE ();
  t = track_new (cat, zones, &def);
  /* 8 H100 in FR for 2 h at PUE 1.2: one GPU is an eighth of
     p5.48xlarge (instances.csv: 5444.3 W at 50 %, 5918.2 kg share):
       energy = 8 x 5444.3 / 8 x 2 / 1000 x 1.2  = 13.06632 kWh
       scope2 = 13.06632 x 33.44                 = 436.9377408 g
       scope3 = 8 x 5918.2 / 8 x 1000 x 2 / 35040 = 337.796803653 g  */
  blank_job (&job);
  job.gpu_model = "nvidia_h100_80gb_hbm3";
  job.gpus = 8;
  job.location = "FR";
  job.runtime_h = 2;
  job.pue = 1.2;
  ck_assert_int_eq (track_evaluate (t, &job, &r, reason, sizeof reason), 0);
  ck_assert_str_eq (r.reference, "p5.48xlarge");
  ASSERT_REL (r.run.footprint.energy_kwh, 13.06632);
  ASSERT_REL (r.run.footprint.scope2_gco2e, 436.9377408);
  ASSERT_REL (r.run.footprint.scope3_gco2e, 11836400.0 / 35040);
  ck_assert (isnan (r.run.footprint.cost_usd));
  ASSERT_REL (r.gpu_hours, 16.0);
  /* 2 V100 at --location SE-SE3 (20.42) and the site PUE 1.54 for 1 h:
     a quarter of p3.16xlarge (2234.8 W at 50 %, 3149.244444 kg share):
       energy = 2 x 2234.8 / 8 / 1000 x 1.54 = 0.860398 kWh
       scope2 = 0.860398 x 20.42             = 17.56932716 g
       scope3 = 3149.244444 / 4 x 1000 / 35040 g  */
  blank_job (&job);
  job.gpu_model = "v100";
  job.gpus = 2;
  job.runtime_h = 1;
  ck_assert_int_eq (track_evaluate (t, &job, &r, reason, sizeof reason), 0);
  ASSERT_REL (r.run.footprint.energy_kwh, 0.860398);
  ASSERT_REL (r.run.footprint.scope2_gco2e, 17.56932716);
  ASSERT_REL (r.run.footprint.scope3_gco2e, 3149.244444 / 4 * 1000 / 35040);
  ck_assert_str_eq (r.run.pue_source, "uptime-2025");
  /* What cannot be worked out.  */
  job.gpu_model = "mi250x";
  ck_assert_int_eq (track_evaluate (t, &job, &r, reason, sizeof reason), -1);
  ck_assert_str_eq (reason, "unknown GPU model 'mi250x'");
  job.gpu_model = "v100";
  job.location = "Atlantis";
  ck_assert_int_eq (track_evaluate (t, &job, &r, reason, sizeof reason), -1);
  ck_assert_str_eq (reason, "unknown grid zone 'Atlantis' (see zones.csv)");
  job.gpus = 0;
  ck_assert_int_eq (track_evaluate (t, &job, &r, reason, sizeof reason), -1);
  ck_assert_str_eq (reason, "no GPUs: a job without GPUs needs its CPUs "
                            "and --cpu-reference TYPE");
  track_free (t);
}
END_TEST

START_TEST (test_cloud)
{
  struct track_defaults def = { "eu-north-1", NULL, NAN, NAN, NAN, 4, NULL };
  struct track *t;
  struct track_result r;
  struct jobrec job;
  char reason[256];

  ASSERT_CATALOGUE ();
  t = track_new (cat, zones, &def);
  blank_job (&job);
  job.instance_type = "m5.xlarge";
  job.runtime_h = 36;
  job.count = 4;
  /* No load anywhere: refused, not guessed.  */
  ck_assert_int_eq (track_evaluate (t, &job, &r, reason, sizeof reason), -1);
  ck_assert_str_eq (reason, "no load: give a 'load' column or --load");
  /* estimate.sh's m5.xlarge at 50 % in eu-north-1 (the default region),
     4 x 28.2 W x 36 h x 1.1 = 4.46688 kWh, 29.376 USD.  */
  job.load_pct = 50;
  ck_assert_int_eq (track_evaluate (t, &job, &r, reason, sizeof reason), 0);
  ASSERT_REL (r.run.footprint.energy_kwh, 4.46688);
  ASSERT_REL (r.run.footprint.cost_usd, 29.376);
  ck_assert_str_eq (r.location, "eu-north-1");
  job.region = "mars-1";
  ck_assert_int_eq (track_evaluate (t, &job, &r, reason, sizeof reason), -1);
  ck_assert_str_eq (reason, "unknown region 'mars-1'");
  track_free (t);
}
END_TEST

static Suite *
track_suite (void)
{
  Suite *s = suite_create ("track");
  TCase *tc = tcase_create ("track");

  tcase_add_unchecked_fixture (tc, load_all, free_all);
  tcase_add_test (tc, test_zones);
  tcase_add_test (tc, test_onprem);
  tcase_add_test (tc, test_cloud);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (track_suite)
