/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The units of job logs: Slurm durations and memory, ISO 8601 times,
   GPU model aliases.  */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "data/jobrec.h"
#include "base/numparse.h"

/* Read the whole number of DIGITS digits (1 to MAX) at *S into *OUT and
   step past it.  */
static bool
digits (const char **s, size_t min, size_t max, long *out)
{
  size_t n = 0;

  *out = 0;
  while (n < max && isdigit ((unsigned char) (*s)[n]))
    *out = *out * 10 + ((*s)[n++] - '0');
  *s += n;
  return n >= min;
}

/* Slurm's [D-]HH:MM:SS, [D-]HH:MM or MM:SS(.fff) in S.  */
static int
slurm_duration (const char *s, double *hours)
{
  long days = 0, part[3];
  double frac = 0;
  size_t n = 0;
  const char *dash = strchr (s, '-');

  if (dash != NULL)
    {
      if (!digits (&s, 1, 6, &days) || *s != '-')
        return -1;
      s++;
    }
  for (;;)
    {
      if (n == 3 || !digits (&s, 1, 6, &part[n]))
        return -1;
      n++;
      if (*s != ':')
        break;
      s++;
    }
  if (*s == '.')
    {
      double f = 0, scale = 0.1;

      for (s++; isdigit ((unsigned char) *s); s++, scale /= 10)
        f += (*s - '0') * scale;
      frac = f;
    }
  if (*s != '\0' || n < 2)
    return -1;
  if (n == 2)
    {
      /* MM:SS without days, HH:MM after "D-" (Slurm's forms).  */
      if (dash != NULL)
        part[2] = 0;
      else
        {
          part[2] = part[1];
          part[1] = part[0];
          part[0] = 0;
        }
    }
  if (part[1] > 59 || part[2] > 59)
    return -1;
  *hours = days * 24.0 + part[0] + part[1] / 60.0 + (part[2] + frac) / 3600.0;
  return 0;
}

int
jobrec_duration (const char *s, double *hours)
{
  char buf[64];
  size_t n;
  double v;

  s += strspn (s, " \t");
  n = strcspn (s, " \t");
  if (n == 0 || n >= sizeof buf || s[n + strspn (s + n, " \t")] != '\0')
    return -1;
  memcpy (buf, s, n);
  buf[n] = '\0';
  if (strchr (buf, ':') != NULL)
    return slurm_duration (buf, hours);
  if (numparse_double (buf, &v) == NUMPARSE_OK)
    {
      if (v < 0)
        return -1;
      *hours = v / 3600.0; /* A bare number is seconds.  */
      return 0;
    }
  return numparse_duration (buf, hours) == NUMPARSE_OK ? 0 : -1;
}

/* Days from 1970-01-01 to Y-M-D (proleptic Gregorian).  */
static long
days_from_civil (long y, long m, long d)
{
  long era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The zone of an ISO time at S: "", "Z", "+hh:mm", "+hhmm", "+hh", in
   seconds east of UTC.  */
static int
zone_offset (const char *s, long *offset)
{
  long h, m = 0;
  int sign;

  *offset = 0;
  if (*s == '\0' || STREQ (s, "Z"))
    return 0;
  if (*s != '+' && *s != '-')
    return -1;
  sign = *s++ == '-' ? -1 : 1;
  if (!digits (&s, 2, 2, &h))
    return -1;
  if (*s == ':')
    s++;
  if (*s != '\0' && !digits (&s, 2, 2, &m))
    return -1;
  if (*s != '\0' || h > 23 || m > 59)
    return -1;
  *offset = sign * (h * 3600 + m * 60);
  return 0;
}

int
jobrec_time (const char *s, double *epoch)
{
  long y, mo, d, h = 0, mi = 0, sec = 0, off;
  double frac = 0;

  s += strspn (s, " \t");
  if (strchr (s, '-') == NULL)
    return numparse_double (s, epoch) == NUMPARSE_OK && *epoch >= 0
               && !(floor (*epoch) < *epoch)
             ? 0
             : -1;
  if (!digits (&s, 4, 4, &y) || *s++ != '-' || !digits (&s, 2, 2, &mo)
      || *s++ != '-' || !digits (&s, 2, 2, &d) || mo < 1 || mo > 12 || d < 1
      || d > 31)
    return -1;
  if (*s == 'T' || *s == ' ')
    {
      s++;
      if (!digits (&s, 2, 2, &h) || *s++ != ':' || !digits (&s, 2, 2, &mi))
        return -1;
      if (*s == ':' && (s++, !digits (&s, 2, 2, &sec)))
        return -1;
      if (*s == '.' || *s == ',')
        {
          double scale = 0.1;

          for (s++; isdigit ((unsigned char) *s); s++, scale /= 10)
            frac += (*s - '0') * scale;
        }
      if (h > 23 || mi > 59 || sec > 60)
        return -1;
    }
  if (zone_offset (s, &off) < 0)
    return -1;
  *epoch = (double) days_from_civil (y, mo, d) * 86400.0 + h * 3600.0
           + mi * 60.0 + (double) sec + frac - (double) off;
  return 0;
}

int
jobrec_memory (const char *s, double *gib)
{
  char buf[64];
  size_t n;
  double v, scale = 1.0 / 1024;
  char unit;

  snprintf (buf, sizeof buf, "%s", s + strspn (s, " \t"));
  n = strlen (buf);
  while (n > 0
         && (buf[n - 1] == ' ' || buf[n - 1] == 'n' || buf[n - 1] == 'c'))
    buf[--n] = '\0'; /* Slurm's per-node, per-CPU marks.  */
  unit = n > 0 ? (char) toupper ((unsigned char) buf[n - 1]) : '\0';
  if (unit != '\0' && strchr ("KMGTP", unit) != NULL)
    {
      buf[--n] = '\0';
      scale = unit == 'K'   ? 1.0 / (1024 * 1024)
              : unit == 'M' ? 1.0 / 1024
              : unit == 'G' ? 1.0
              : unit == 'T' ? 1024.0
                            : 1024.0 * 1024;
    }
  if (numparse_double (buf, &v) != NUMPARSE_OK || v < 0)
    return -1;
  *gib = v * scale;
  return 0;
}

/* Scheduler and driver names of the catalogue's GPU models, by their
   first word once lower-cased, with "nvidia" and "tesla" dropped
   (doc/tracking.md lists them).  */
static const struct
{
  const char *word;
  const char *model;
} gpu_aliases[] = {
  { "a100", "A100" },
  { "a10g", "A10G" },
  { "h100", "H100" },
  { "k520", "K520" },
  { "k80", "K80" },
  { "l4", "L4" },
  { "l40s", "L40S" },
  { "m60", "M60" },
  { "t4", "T4" },
  { "v100", "V100" },
  { "v520", "Radeon Pro V520" },
};

const char *
jobrec_gpu_alias (const char *name)
{
  char buf[96], *w;
  size_t i, n = 0;
  const char *p = name + strspn (name, " \t");

  /* CodeCarbon's "4 x NVIDIA ...".  */
  if (isdigit ((unsigned char) *p) && strstr (p, " x ") != NULL)
    p = strstr (p, " x ") + 3;
  for (; *p != '\0' && n + 1 < sizeof buf; p++)
    buf[n++]
      = (char) (strchr (" _", *p) != NULL ? '-'
                                          : tolower ((unsigned char) *p));
  buf[n] = '\0';
  w = buf;
  for (;;)
    if (strncmp (w, "nvidia-", 7) == 0)
      w += 7;
    else if (strncmp (w, "tesla-", 6) == 0)
      w += 6;
    else if (strncmp (w, "radeon-pro-", 11) == 0)
      w += 11;
    else
      break;
  n = strcspn (w, "-");
  for (i = 0; i < ARRAY_SIZE (gpu_aliases); i++)
    if (strlen (gpu_aliases[i].word) == n
        && strncmp (w, gpu_aliases[i].word, n) == 0)
      {
        /* The 80 GB A100 is a model of its own in the catalogue.  */
        if (STREQ (gpu_aliases[i].model, "A100")
            && strstr (w + n, "80g") != NULL)
          return "A100 80GB";
        return gpu_aliases[i].model;
      }
  return NULL;
}
