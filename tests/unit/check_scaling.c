/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for moving a job's runtime from its reference instance to
   another: the mode names, Amdahl's law by vCPUs and by GPU throughput
   (on the shipped data), the user's speed-up table, and why a candidate
   may have no runtime.  */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/catalogue.h"
#include "base/csvio.h"
#include "base/numparse.h"
#include "base/diag.h"
#include "model/scaling.h"
#include "base/system.h"
#include "unit.h"
#include "shipped.h"

/* Assert that X is Y within 1e-12 relative (Y must not be 0).  */
#define ASSERT_REL(x, y) ck_assert_double_eq_tol ((x), (y), 1e-12 * fabs (y))

/* scaling_mode_parse and scaling_mode_name.  */

START_TEST (test_mode_names)
{
  static const struct
  {
    const char *name;
    enum scaling_mode mode;
  } modes[] = { { "fixed", SCALING_FIXED },
                { "vcpu", SCALING_VCPU },
                { "gpu", SCALING_GPU },
                { "table", SCALING_TABLE } };
  size_t i;

  for (i = 0; i < ARRAY_SIZE (modes); i++)
    {
      enum scaling_mode m = SCALING_FIXED;

      ck_assert_int_eq (scaling_mode_parse (modes[i].name, &m), 0);
      ck_assert_int_eq (m, modes[i].mode);
      ck_assert_str_eq (scaling_mode_name (modes[i].mode), modes[i].name);
    }
}
END_TEST

START_TEST (test_mode_unknown)
{
  static const char *const bad[] = { "",    "Fixed",  "VCPU", "vcpus", "gpus",
                                     "tab", "table ", " gpu", "amdahl" };
  size_t i;

  for (i = 0; i < ARRAY_SIZE (bad); i++)
    {
      enum scaling_mode m = SCALING_TABLE;

      ck_assert_msg (scaling_mode_parse (bad[i], &m) == -1,
                     "'%s' was accepted", bad[i]);
      /* A failed parse leaves the mode alone.  */
      ck_assert_int_eq (m, SCALING_TABLE);
    }
}
END_TEST

START_TEST (test_gap_text)
{
  ck_assert_str_eq (scaling_gap_text (SCALING_OK), "ok");
  ck_assert_str_eq (scaling_gap_text (SCALING_NO_GPU), "no GPU");
  ck_assert_str_eq (scaling_gap_text (SCALING_NO_THROUGHPUT),
                    "no measured training speed for its GPU model");
  ck_assert_str_eq (scaling_gap_text (SCALING_NO_SPEEDUP),
                    "not in the speed-up table");
}
END_TEST

/* Instances made by hand: only the fields scaling reads matter.  */
static struct instance
cpu_instance (const char *name, long vcpus)
{
  struct instance in;

  memset (&in, 0, sizeof in);
  in.provider = "aws";
  in.name = name;
  in.vcpus = vcpus;
  in.gpu_model = "";
  in.arch = "x86_64";
  return in;
}

/* fixed.  */

START_TEST (test_fixed)
{
  struct instance small = cpu_instance ("small", 2);
  struct instance big = cpu_instance ("big", 96);
  struct scaling s = { SCALING_FIXED, NULL, 0.5, NULL, NULL };
  double h = -1.0;

  /* The same runtime everywhere, with or without a reference, whatever
     the serial fraction: no catalogue or table is looked at.  */
  ck_assert_int_eq (scaling_runtime (&s, &small, 36.0, &h), SCALING_OK);
  ck_assert_double_eq (h, 36.0);
  s.reference = &small;
  h = -1.0;
  ck_assert_int_eq (scaling_runtime (&s, &big, 1.5, &h), SCALING_OK);
  ck_assert_double_eq (h, 1.5);
}
END_TEST

/* vcpu: Amdahl's law on vCPU counts, worked by hand.  */

START_TEST (test_vcpu_amdahl)
{
  struct instance ref = cpu_instance ("ref", 4);
  struct instance cand = cpu_instance ("cand", 16);
  struct scaling s = { SCALING_VCPU, &ref, 0.1, NULL, NULL };
  double h = 0.0;

  /* s = 0.1, reference 4 vCPUs, candidate 16:
       t = T x (0.1 + 0.9 / 16) / (0.1 + 0.9 / 4)
         = T x 0.15625 / 0.325
     With T = 13 h: 13 / 0.325 = 40, x 0.15625 = 6.25 h.  */
  ck_assert_int_eq (scaling_runtime (&s, &cand, 13.0, &h), SCALING_OK);
  ASSERT_REL (h, 6.25);
  ASSERT_REL (h, 13.0 * 0.15625 / 0.325);

  /* Back the other way, 16 -> 4: 13 x 0.325 / 0.15625 = 27.04 h.  */
  s.reference = &cand;
  ck_assert_int_eq (scaling_runtime (&s, &ref, 13.0, &h), SCALING_OK);
  ASSERT_REL (h, 27.04);

  /* The reference itself keeps its runtime.  */
  ck_assert_int_eq (scaling_runtime (&s, &cand, 13.0, &h), SCALING_OK);
  ASSERT_REL (h, 13.0);
}
END_TEST

START_TEST (test_vcpu_limits)
{
  struct instance ref = cpu_instance ("ref", 4);
  struct instance cand = cpu_instance ("cand", 16);
  struct instance two = cpu_instance ("two", 2);
  struct scaling s = { SCALING_VCPU, &ref, 0.0, NULL, NULL };
  double h = 0.0;

  /* s = 0: perfectly parallel, runtime in inverse proportion to vCPUs:
     4 -> 16 is a quarter (8 h -> 2 h), 4 -> 2 twice (8 h -> 16 h).  */
  ck_assert_int_eq (scaling_runtime (&s, &cand, 8.0, &h), SCALING_OK);
  ASSERT_REL (h, 2.0);
  ck_assert_int_eq (scaling_runtime (&s, &two, 8.0, &h), SCALING_OK);
  ASSERT_REL (h, 16.0);

  /* s = 1: nothing parallelises, the runtime never moves.  */
  s.serial_fraction = 1.0;
  ck_assert_int_eq (scaling_runtime (&s, &cand, 8.0, &h), SCALING_OK);
  ASSERT_REL (h, 8.0);
  ck_assert_int_eq (scaling_runtime (&s, &two, 8.0, &h), SCALING_OK);
  ASSERT_REL (h, 8.0);

  /* s = 0.5, 4 -> 2: (0.5 + 0.25) / (0.5 + 0.125) = 0.75 / 0.625 = 1.2,
     so 10 h -> 12 h.  */
  s.serial_fraction = 0.5;
  ck_assert_int_eq (scaling_runtime (&s, &two, 10.0, &h), SCALING_OK);
  ASSERT_REL (h, 12.0);
}
END_TEST

START_TEST (test_vcpu_ignores_gpus)
{
  /* vcpu counts vCPUs only: a GPU instance, even one whose GPU has no
     throughput figure, scales by its vCPUs.  */
  struct instance ref = cpu_instance ("ref", 8);
  struct instance gpu = cpu_instance ("gpu", 32);
  struct scaling s = { SCALING_VCPU, &ref, 0.0, NULL, NULL };
  double h = 0.0;

  gpu.gpus = 4;
  gpu.gpu_model = "M60";
  ck_assert_int_eq (scaling_runtime (&s, &gpu, 10.0, &h), SCALING_OK);
  ASSERT_REL (h, 2.5);
}
END_TEST

/* gpu: Amdahl's law on the GPU count, times one GPU's measured training
   speed, with the shipped data (data/gpus.csv training_speed, the
   rel_median of gpu_relative_training_speed.csv, scope
   all_mixed_precision, relative to A100-80GB-SXM: V100 = row
   V100-SXM2-16GB 0.469, T4 0.142, A100 = A100-40GB-SXM 0.889, H100 =
   H100-SXM 1.912, L40S 0.650, A10G 0.255, K80 and M60 none;
   data/instances.csv: p3.2xlarge 1 x V100, p3.8xlarge 4 x V100,
   g4dn.xlarge 1 x T4, g3s.xlarge 1 x M60, m5.xlarge no GPU).  */

/* The instance NAME of the shipped data, which must exist.  */
static const struct instance *
find (const char *name)
{
  const struct instance *in;

  ck_assert_msg (cat != NULL,
                 "cannot load the data tables from '%s' (set "
                 "CARBON_ADVISOR_DATA to the data/ folder): %s",
                 cat_dir, cat_diag.text);
  in = catalogue_find_instance (cat, name);
  ck_assert_msg (in != NULL, "no instance '%s' in the data", name);
  return in;
}

START_TEST (test_gpu_data)
{
  const struct instance *p3 = find ("p3.2xlarge");
  const struct instance *p3x4 = find ("p3.8xlarge");
  const struct instance *g4dn = find ("g4dn.xlarge");
  const struct gpu *v100 = catalogue_find_gpu (cat, "V100");
  const struct gpu *t4 = catalogue_find_gpu (cat, "T4");

  /* The figures the arithmetic below rests on.  */
  ck_assert_int_eq (p3->gpus, 1);
  ck_assert_str_eq (p3->gpu_model, "V100");
  ck_assert_int_eq (p3x4->gpus, 4);
  ck_assert_str_eq (p3x4->gpu_model, "V100");
  ck_assert_int_eq (g4dn->gpus, 1);
  ck_assert_str_eq (g4dn->gpu_model, "T4");
  ck_assert_ptr_nonnull (v100);
  ck_assert_ptr_nonnull (t4);
  ck_assert_double_eq (v100->training_speed, 0.469);
  ck_assert_double_eq (t4->training_speed, 0.142);
}
END_TEST

START_TEST (test_gpu_amdahl)
{
  const struct instance *p3 = find ("p3.2xlarge");
  struct scaling s = { SCALING_GPU, p3, 0.0, NULL, cat };
  double h = 0.0;

  /* s = 0, 1 -> 4 V100: a quarter, 10 h -> 2.5 h.  */
  ck_assert_int_eq (scaling_runtime (&s, find ("p3.8xlarge"), 10.0, &h),
                    SCALING_OK);
  ASSERT_REL (h, 2.5);
  /* s = 0, one V100 (0.469) -> one T4 (0.142):
     10 h x 0.469 / 0.142 = 33.0281690... h.  */
  ck_assert_int_eq (scaling_runtime (&s, find ("g4dn.xlarge"), 10.0, &h),
                    SCALING_OK);
  ASSERT_REL (h, 33.028169014084507);
  /* The reference itself: 10 h.  */
  ck_assert_int_eq (scaling_runtime (&s, p3, 10.0, &h), SCALING_OK);
  ASSERT_REL (h, 10.0);

  /* s = 0.5, 1 -> 4 V100:
       t = T x (0.5 + 0.5 / 4) / (0.5 + 0.5 / 1) = T x 0.625,
     10 h -> 6.25 h: with a large serial share four GPUs hardly help.  */
  s.serial_fraction = 0.5;
  ck_assert_int_eq (scaling_runtime (&s, find ("p3.8xlarge"), 10.0, &h),
                    SCALING_OK);
  ASSERT_REL (h, 6.25);
  /* s = 0.5, 1 V100 -> 1 T4: the GPU count is the same, so only the
     speed counts, as with s = 0: 33.0281690... h.  */
  ck_assert_int_eq (scaling_runtime (&s, find ("g4dn.xlarge"), 10.0, &h),
                    SCALING_OK);
  ASSERT_REL (h, 33.028169014084507);
}
END_TEST

/* A job measured 24 h on p4d.24xlarge (8 x A100 40 GB SXM, speed
   0.889), serial fraction 0, moved to other 8-GPU instances: the count
   is the same, so t = 24 h x 0.889 / speed:
     p5.48xlarge  (8 x H100, 1.912): 21.336 / 1.912 = 11.1589958... h
     g6e.48xlarge (8 x L40S, 0.650): 21.336 / 0.650 = 32.8246153... h
     g5.48xlarge  (8 x A10G, 0.255): 21.336 / 0.255 = 83.6705882... h
   and p2.8xlarge (8 x K80, no measured speed) has none.  By peak
   TFLOPS the H100 took 24 x 312 / 989.5 = 7.57 h and the L40S
   24 x 312 / 362.05 = 20.68 h.  */
START_TEST (test_gpu_a100_job)
{
  const struct instance *p4d = find ("p4d.24xlarge");
  struct scaling s = { SCALING_GPU, p4d, 0.0, NULL, cat };
  static const char *const names[]
    = { "p5.48xlarge", "g6e.48xlarge", "g5.48xlarge" };
  static const double want[]
    = { 11.158995815899582, 32.824615384615385, 83.670588235294118 };
  double h = 0.0;
  size_t i;

  ck_assert_int_eq (p4d->gpus, 8);
  ck_assert_str_eq (p4d->gpu_model, "A100");
  for (i = 0; i < 3; i++)
    {
      ck_assert_int_eq (find (names[i])->gpus, 8);
      ck_assert_int_eq (scaling_runtime (&s, find (names[i]), 24.0, &h),
                        SCALING_OK);
      ASSERT_REL (h, want[i]);
    }
  ck_assert_str_eq (find ("p2.8xlarge")->gpu_model, "K80");
  ck_assert_int_eq (scaling_runtime (&s, find ("p2.8xlarge"), 24.0, &h),
                    SCALING_NO_THROUGHPUT);
  ck_assert_ptr_null (scaling_gpu (&s, find ("p2.8xlarge")));
  ck_assert_str_eq (scaling_gap_text (SCALING_NO_THROUGHPUT),
                    "no measured training speed for its GPU model");
}
END_TEST

/* The default serial fraction of gpu scaling is the "all" row of
   data/gpu_scaling.csv (MLPerf, 8 -> 16/32/64 GPUs), as written there.
   With it, 1 -> 8 GPUs of one model take
     (0.0151 + 0.9849 / 8) / 1 = 0.1382125 of the time,
   a per-GPU efficiency of 1 / (8 x 0.1382125) = 0.904.  */
START_TEST (test_gpu_serial_default)
{
  char path[4096];
  struct diag d;
  struct csv_table *t;
  long to, sf;
  size_t i, hits = 0;
  double v = 0.0;

  snprintf (path, sizeof path, "%s/gpu_scaling.csv", data_dir ());
  t = csvio_read (path, &d);
  ck_assert_msg (t != NULL, "%s", d.text);
  to = csvio_column (t, "to_gpus");
  sf = csvio_column (t, "serial_fraction");
  ck_assert (to >= 0 && sf >= 0);
  for (i = 0; i < t->nrows; i++)
    if (STREQ (csvio_field (t, i, (size_t) to), "all"))
      {
        ck_assert_int_eq (
          numparse_double (csvio_field (t, i, (size_t) sf), &v), NUMPARSE_OK);
        ck_assert_double_eq (v, SCALING_GPU_SERIAL_FRACTION);
        hits++;
      }
  ck_assert_uint_eq (hits, 1);
  csvio_free (t);
}
END_TEST

START_TEST (test_gpu_gaps)
{
  const struct instance *p3 = find ("p3.2xlarge");
  const struct instance *m5 = find ("m5.xlarge");
  const struct instance *g3s = find ("g3s.xlarge");
  const struct gpu *m60 = catalogue_find_gpu (cat, "M60");
  struct scaling s = { SCALING_GPU, p3, 0.0, NULL, cat };
  double h = 0.0;

  ck_assert_int_eq (m5->gpus, 0);
  ck_assert_str_eq (g3s->gpu_model, "M60");
  ck_assert_ptr_nonnull (m60);
  ck_assert (isnan (m60->training_speed));

  /* A candidate without GPUs, and one whose GPU has no figure.  */
  ck_assert_int_eq (scaling_runtime (&s, m5, 10.0, &h), SCALING_NO_GPU);
  ck_assert_int_eq (scaling_runtime (&s, g3s, 10.0, &h),
                    SCALING_NO_THROUGHPUT);

  /* The same gaps on the reference side leave every candidate without
     a runtime, even one that has a figure of its own.  */
  s.reference = m5;
  ck_assert_int_eq (scaling_runtime (&s, p3, 10.0, &h), SCALING_NO_GPU);
  s.reference = g3s;
  ck_assert_int_eq (scaling_runtime (&s, p3, 10.0, &h), SCALING_NO_THROUGHPUT);
}
END_TEST

/* The speed-up table.  */

static char tmp_path[256];

static void
teardown_tmp (void)
{
  if (tmp_path[0] != '\0')
    unlink (tmp_path);
  tmp_path[0] = '\0';
}

/* Write CONTENT to a new temporary file and return its name (removed by
   the teardown).  */
static const char *
write_temp (const char *content)
{
  const char *dir = getenv ("TMPDIR");
  int fd;
  FILE *fp;

  if (dir == NULL || dir[0] == '\0')
    dir = "/tmp";
  ck_assert_int_lt (
    snprintf (tmp_path, sizeof tmp_path, "%s/check_scaling.XXXXXX", dir),
    (int) sizeof tmp_path);
  fd = mkstemp (tmp_path);
  ck_assert_msg (fd >= 0, "mkstemp %s: %s", tmp_path, strerror (errno));
  fp = fdopen (fd, "wb");
  ck_assert_ptr_nonnull (fp);
  ck_assert_int_ge (fputs (content, fp), 0);
  ck_assert_int_eq (fclose (fp), 0);
  return tmp_path;
}

static struct speedup_table *
read_ok (const char *content)
{
  struct diag d = { 0, "" };
  struct speedup_table *t = speedup_table_read (write_temp (content), &d);

  ck_assert_msg (t != NULL, "speedup_table_read failed: %s", d.text);
  return t;
}

/* Check that CONTENT fails to read with STATUS and the message "PATH"
   followed by SUFFIX.  */
static void
check_read_fails (const char *content, int status, const char *suffix)
{
  struct diag d = { 0, "" };
  const char *path = write_temp (content);
  char want[512];

  ck_assert_ptr_null (speedup_table_read (path, &d));
  ck_assert_int_eq (d.status, status);
  ck_assert_int_lt (snprintf (want, sizeof want, "%s%s", path, suffix),
                    (int) sizeof want);
  ck_assert_str_eq (d.text, want);
  teardown_tmp ();
}

START_TEST (test_table_read)
{
  /* Columns in any order, others ignored; rows come back sorted by
     name.  */
  struct speedup_table *t = read_ok ("note,speed,instance_type\n"
                                     "baseline,1,m5.xlarge\n"
                                     "measured twice,2.5,c5.2xlarge\n"
                                     ",0.8,a1.xlarge\n");

  ck_assert_uint_eq (t->n, 3);
  ck_assert_str_eq (t->rows[0].instance, "a1.xlarge");
  ck_assert_double_eq (t->rows[0].speed, 0.8);
  ck_assert_str_eq (t->rows[1].instance, "c5.2xlarge");
  ck_assert_double_eq (t->rows[1].speed, 2.5);
  ck_assert_str_eq (t->rows[2].instance, "m5.xlarge");
  ck_assert_double_eq (t->rows[2].speed, 1.0);
  ck_assert_double_eq (speedup_table_lookup (t, "c5.2xlarge"), 2.5);
  ck_assert_double_eq (speedup_table_lookup (t, "m5.xlarge"), 1.0);
  ck_assert (isnan (speedup_table_lookup (t, "m5.2xlarge")));
  ck_assert (isnan (speedup_table_lookup (t, "")));
  speedup_table_free (t);
  speedup_table_free (NULL);
}
END_TEST

START_TEST (test_table_header_only)
{
  struct speedup_table *t = read_ok ("instance_type,speed\n");

  ck_assert_uint_eq (t->n, 0);
  ck_assert (isnan (speedup_table_lookup (t, "m5.xlarge")));
  speedup_table_free (t);
}
END_TEST

START_TEST (test_table_runtime)
{
  struct speedup_table *t
    = read_ok ("instance_type,speed\nm5.xlarge,1\nc5.2xlarge,2.5\n"
               "a1.xlarge,0.8\n");
  struct instance m5 = cpu_instance ("m5.xlarge", 4);
  struct instance c5 = cpu_instance ("c5.2xlarge", 8);
  struct instance a1 = cpu_instance ("a1.xlarge", 4);
  struct instance r5 = cpu_instance ("r5.xlarge", 4);
  struct scaling s = { SCALING_TABLE, &m5, 0.5, t, NULL };
  double h = 0.0;

  /* t = T x speed_ref / speed_candidate, whatever the vCPUs or the
     serial fraction: 10 h x 1 / 2.5 = 4 h; 10 h x 1 / 0.8 = 12.5 h.  */
  ck_assert_int_eq (scaling_runtime (&s, &c5, 10.0, &h), SCALING_OK);
  ASSERT_REL (h, 4.0);
  ck_assert_int_eq (scaling_runtime (&s, &a1, 10.0, &h), SCALING_OK);
  ASSERT_REL (h, 12.5);
  /* Relative to the reference's own speed, not to 1: from c5.2xlarge
     (2.5) to a1.xlarge (0.8), 4 h x 2.5 / 0.8 = 12.5 h.  */
  s.reference = &c5;
  ck_assert_int_eq (scaling_runtime (&s, &a1, 4.0, &h), SCALING_OK);
  ASSERT_REL (h, 12.5);
  /* A candidate the table lacks, and a reference it lacks.  */
  ck_assert_int_eq (scaling_runtime (&s, &r5, 4.0, &h), SCALING_NO_SPEEDUP);
  s.reference = &r5;
  ck_assert_int_eq (scaling_runtime (&s, &m5, 4.0, &h), SCALING_NO_SPEEDUP);
  speedup_table_free (t);
}
END_TEST

START_TEST (test_table_missing_column)
{
  check_read_fails ("instance_type,speedup\nm5.xlarge,1\n", CA_EXIT_DATAERR,
                    ":1: missing column 'speed'");
  check_read_fails ("instance,speed\nm5.xlarge,1\n", CA_EXIT_DATAERR,
                    ":1: missing column 'instance_type'");
  /* Both missing: the first is named.  */
  check_read_fails ("a,b\n1,2\n", CA_EXIT_DATAERR,
                    ":1: missing column 'instance_type'");
}
END_TEST

START_TEST (test_table_bad_speed)
{
  /* Line 3 is the second row.  */
  check_read_fails ("instance_type,speed\nm5.xlarge,1\nc5.large,0\n",
                    CA_EXIT_DATAERR,
                    ":3: column 'speed': '0' is not a positive number");
  check_read_fails ("instance_type,speed\nm5.xlarge,-2\n", CA_EXIT_DATAERR,
                    ":2: column 'speed': '-2' is not a positive number");
  check_read_fails ("instance_type,speed\nm5.xlarge,fast\n", CA_EXIT_DATAERR,
                    ":2: column 'speed': 'fast' is not a positive number");
  check_read_fails ("instance_type,speed\nm5.xlarge,\n", CA_EXIT_DATAERR,
                    ":2: column 'speed': '' is not a positive number");
  check_read_fails ("instance_type,speed\nm5.xlarge,inf\n", CA_EXIT_DATAERR,
                    ":2: column 'speed': 'inf' is not a positive number");
  check_read_fails ("instance_type,speed\nm5.xlarge,nan\n", CA_EXIT_DATAERR,
                    ":2: column 'speed': 'nan' is not a positive number");
  check_read_fails ("instance_type,speed\nm5.xlarge,1,5\n", CA_EXIT_DATAERR,
                    ":2: expected 2 fields, got 3");
}
END_TEST

START_TEST (test_table_empty_type)
{
  check_read_fails ("instance_type,speed\nm5.xlarge,1\n,2\n", CA_EXIT_DATAERR,
                    ":3: column 'instance_type': empty");
}
END_TEST

START_TEST (test_table_duplicate)
{
  check_read_fails ("instance_type,speed\nm5.xlarge,1\nc5.large,2\n"
                    "m5.xlarge,1\n",
                    CA_EXIT_DATAERR,
                    ":4: instance type 'm5.xlarge' appears twice (first "
                    "on line 2)");
}
END_TEST

START_TEST (test_table_missing_file)
{
  struct diag d = { 0, "" };
  const char *dir = getenv ("TMPDIR");
  char path[256], want[512];

  if (dir == NULL || dir[0] == '\0')
    dir = "/tmp";
  ck_assert_int_lt (
    snprintf (path, sizeof path, "%s/check_scaling-no-such-file.csv", dir),
    (int) sizeof path);
  ck_assert_ptr_null (speedup_table_read (path, &d));
  ck_assert_int_eq (d.status, CA_EXIT_NOINPUT);
  snprintf (want, sizeof want, "%s: No such file or directory", path);
  ck_assert_str_eq (d.text, want);
}
END_TEST

static Suite *
scaling_suite (void)
{
  Suite *s = suite_create ("scaling");
  TCase *tc;

  tc = tcase_create ("modes");
  tcase_add_test (tc, test_mode_names);
  tcase_add_test (tc, test_mode_unknown);
  tcase_add_test (tc, test_gap_text);
  suite_add_tcase (s, tc);

  tc = tcase_create ("amdahl");
  tcase_add_test (tc, test_fixed);
  tcase_add_test (tc, test_vcpu_amdahl);
  tcase_add_test (tc, test_vcpu_limits);
  tcase_add_test (tc, test_vcpu_ignores_gpus);
  suite_add_tcase (s, tc);

  tc = tcase_create ("gpu");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_gpu_data);
  tcase_add_test (tc, test_gpu_amdahl);
  tcase_add_test (tc, test_gpu_a100_job);
  tcase_add_test (tc, test_gpu_serial_default);
  tcase_add_test (tc, test_gpu_gaps);
  suite_add_tcase (s, tc);

  tc = tcase_create ("table");
  tcase_add_checked_fixture (tc, NULL, teardown_tmp);
  tcase_add_test (tc, test_table_read);
  tcase_add_test (tc, test_table_header_only);
  tcase_add_test (tc, test_table_runtime);
  tcase_add_test (tc, test_table_missing_column);
  tcase_add_test (tc, test_table_bad_speed);
  tcase_add_test (tc, test_table_empty_type);
  tcase_add_test (tc, test_table_duplicate);
  tcase_add_test (tc, test_table_missing_file);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (scaling_suite)
