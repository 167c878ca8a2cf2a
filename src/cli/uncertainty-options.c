/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The --uncertainty option group and the MODE:MIN:MAX ranges of
   --load and --runtime.  */
#include <config.h>

#include <argp.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/uncertainty-options.h"
#include "cli/options.h"
#include "search/uncertainty-request.h"
#include "base/xalloc.h"

enum
{
  OPT_UNCERTAINTY = 0x500,
  OPT_SAMPLES,
  OPT_SEED,
  OPT_LOAD_RANGE,
  OPT_RUNTIME_RANGE,
  OPT_NO_PRUNE
};

static const struct argp_option uncertainty_options[] = {
  { "uncertainty", OPT_UNCERTAINTY, NULL, 0,
    "Also give the p5, p50 and p95 of each total and cost from a Monte "
    "Carlo over the spread of the data and of the job (see the manual's "
    "UNCERTAINTY section)",
    0 },
  { "samples", OPT_SAMPLES, "N", 0,
    "Monte Carlo samples for --uncertainty (default 1000, at most "
    "100000)",
    0 },
  { "seed", OPT_SEED, "S", 0,
    "Seed of the random numbers for --uncertainty (default 1): the same "
    "seed and input give the same output",
    0 },
  { "load-range", OPT_LOAD_RANGE, "MIN:MAX", 0,
    "The load lies anywhere from MIN to MAX per cent (uniform), around "
    "--load",
    0 },
  { "runtime-range", OPT_RUNTIME_RANGE, "MIN:MAX|P%", 0,
    "The runtime lies anywhere from MIN to MAX (durations), or within P "
    "per cent of --runtime (uniform)",
    0 },
  { "no-prune", OPT_NO_PRUNE, NULL, OPTION_HIDDEN,
    "Sample every candidate, even those that cannot reach the front", 0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

void
cli_uncertainty_init (struct cli_uncertainty *u)
{
  memset (u, 0, sizeof *u);
  u->samples = UNCERTAINTY_DEFAULT_SAMPLES;
  u->seed = UNCERTAINTY_DEFAULT_SEED;
  u->load.low = u->load.mode = u->load.high = NAN;
  u->runtime.low = u->runtime.mode = u->runtime.high = NAN;
  u->runtime_spread_pct = NAN;
}

/* Split ARG at its colons into at most N parts (copies in PARTS, freed
   by the caller); returns how many there are, or N + 1 when there are
   more.  */
static size_t
split_colons (const char *arg, char **parts, size_t n)
{
  size_t k = 0;
  const char *p = arg;

  while (k <= n)
    {
      size_t len = strcspn (p, ":");

      if (k == n)
        return n + 1;
      parts[k] = xmalloc (len + 1);
      memcpy (parts[k], p, len);
      parts[k][len] = '\0';
      k++;
      if (p[len] == '\0')
        break;
      p += len + 1;
    }
  return k;
}

static void
free_parts (char **parts, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    free (parts[i]);
}

/* ARG of --NAME: one value (a duration when DURATION, else a percentage),
   or MODE:MIN:MAX, a triangular range recorded in *R that replaces a
   range option given before it (*FROM_RANGE; *BOTH notes the clash).
   FORMS words what is expected.  Returns the point value (the mode).  */
static double
parse_point_or_range (struct argp_state *state, const char *name,
                      const char *arg, bool duration, const char *forms,
                      struct uncertainty_range *r, bool *both,
                      bool *from_range)
{
  char *parts[3];
  size_t n = split_colons (arg, parts, 3);
  double v[3];
  bool warned = false;
  size_t i;

  if (n != 1 && n != 3)
    {
      free_parts (parts, n > 3 ? 3 : n);
      argp_error (state, "invalid --%s '%s': expected %s", name, arg, forms);
      return 0.0;
    }
  for (i = 0; i < n; i++)
    v[i] = duration ? cli_parse_duration (state, name, parts[i])
                    : cli_parse_percent_part (state, name, arg, parts[i],
                                              100.0, &warned);
  free_parts (parts, n);
  if (n == 1)
    return v[0];
  if (!(v[1] <= v[0] && v[0] <= v[2]))
    argp_error (state,
                "invalid --%s '%s': expected MODE:MIN:MAX with "
                "MIN <= MODE <= MAX",
                name, arg);
  *both = *both || *from_range;
  r->low = v[1];
  r->mode = v[0];
  r->high = v[2];
  r->triangular = true;
  *from_range = false;
  return v[0];
}

double
cli_parse_load (struct argp_state *state, const char *arg,
                struct cli_uncertainty *u)
{
  return parse_point_or_range (state, "load", arg, false,
                               "PERCENT or MODE:MIN:MAX, e.g. 60:40:80",
                               &u->load, &u->load_both, &u->load_from_range);
}

double
cli_parse_runtime (struct argp_state *state, const char *arg,
                   struct cli_uncertainty *u)
{
  return parse_point_or_range (state, "runtime", arg, true,
                               "a duration or MODE:MIN:MAX, e.g. "
                               "24h:20h:30h",
                               &u->runtime, &u->runtime_both,
                               &u->runtime_from_range);
}

/* --load-range ARG, MIN:MAX per cent.  */
static void
parse_load_range (struct argp_state *state, const char *arg,
                  struct cli_uncertainty *u)
{
  char *parts[2];
  bool warned = false;
  size_t n;

  u->load_both = u->load_both || u->load.triangular;
  n = split_colons (arg, parts, 2);
  if (n != 2)
    {
      free_parts (parts, n > 2 ? 2 : n);
      argp_error (state, "invalid --load-range '%s': expected MIN:MAX", arg);
      return;
    }
  u->load.low = cli_parse_percent_part (state, "load-range", arg, parts[0],
                                        100.0, &warned);
  u->load.high = cli_parse_percent_part (state, "load-range", arg, parts[1],
                                         100.0, &warned);
  free_parts (parts, 2);
  if (!(u->load.low <= u->load.high))
    argp_error (state, "invalid --load-range '%s': MIN is above MAX", arg);
  u->load.triangular = false;
  u->load_from_range = true;
}

/* --runtime-range ARG: MIN:MAX durations or PERCENT%.  */
static void
parse_runtime_range (struct argp_state *state, const char *arg,
                     struct cli_uncertainty *u)
{
  char *parts[2];
  size_t n;

  u->runtime_both = u->runtime_both || u->runtime.triangular;
  n = strlen (arg);
  if (n > 1 && arg[n - 1] == '%')
    {
      u->runtime_spread_pct
        = cli_parse_percent (state, "runtime-range", arg, 99.0);
      u->runtime_from_range = true;
      return;
    }
  n = split_colons (arg, parts, 2);
  if (n != 2)
    {
      free_parts (parts, n > 2 ? 2 : n);
      argp_error (state,
                  "invalid --runtime-range '%s': expected MIN:MAX "
                  "or PERCENT%%",
                  arg);
      return;
    }
  u->runtime.low = cli_parse_duration (state, "runtime-range", parts[0]);
  u->runtime.high = cli_parse_duration (state, "runtime-range", parts[1]);
  free_parts (parts, 2);
  if (!(u->runtime.low <= u->runtime.high))
    argp_error (state, "invalid --runtime-range '%s': MIN is above MAX", arg);
  u->runtime.triangular = false;
  u->runtime_from_range = true;
  u->runtime_spread_pct = NAN;
}

static error_t
parse_uncertainty (int key, char *arg, struct argp_state *state)
{
  struct cli_uncertainty *u = state->input;

  switch (key)
    {
    case OPT_UNCERTAINTY:
      u->enabled = true;
      break;
    case OPT_SAMPLES:
      u->samples = cli_parse_whole (state, "samples", arg, 1, LONG_MAX);
      if (u->samples > UNCERTAINTY_MAX_SAMPLES)
        argp_error (state, "invalid --samples '%s': must be at most %d", arg,
                    UNCERTAINTY_MAX_SAMPLES);
      break;
    case OPT_SEED:
      u->seed
        = (unsigned long) cli_parse_whole (state, "seed", arg, 0, LONG_MAX);
      break;
    case OPT_NO_PRUNE:
      u->no_prune = true;
      break;
    case OPT_LOAD_RANGE:
      parse_load_range (state, arg, u);
      break;
    case OPT_RUNTIME_RANGE:
      parse_runtime_range (state, arg, u);
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp cli_uncertainty_argp
  = { uncertainty_options, parse_uncertainty, NULL, NULL, NULL, NULL, NULL };

void
cli_uncertainty_check (struct argp_state *state,
                       const struct cli_uncertainty *u, double load_pct,
                       double runtime_h)
{
  if (u->load_both)
    argp_error (state, "give either --load MODE:MIN:MAX or --load-range");
  if (u->runtime_both)
    argp_error (state,
                "give either --runtime MODE:MIN:MAX or --runtime-range");
  if (u->load_from_range
      && !(u->load.low <= load_pct && load_pct <= u->load.high))
    argp_error (state, "--load %g is outside --load-range %g:%g", load_pct,
                u->load.low, u->load.high);
  if (u->runtime_from_range && !isnan (u->runtime.low)
      && !(u->runtime.low <= runtime_h && runtime_h <= u->runtime.high))
    argp_error (state, "--runtime %g h is outside --runtime-range", runtime_h);
}

void
cli_uncertainty_spec (const struct cli_uncertainty *u,
                      const struct catalogue *cat,
                      const struct uncertainty_keys *keys, double load_pct,
                      double runtime_h, double lifetime_years,
                      struct uncertainty_spec *spec)
{
  struct uncertainty_request req;

  req.samples = u->samples;
  req.seed = u->seed;
  req.prune = !u->no_prune;
  req.load_pct = load_pct;
  req.load = u->load;
  req.runtime_h = runtime_h;
  req.runtime = u->runtime;
  req.runtime_spread_pct = u->runtime_spread_pct;
  req.lifetime_years = lifetime_years;
  req.lifetime_given = u->lifetime_given;
  uncertainty_request_spec (&req, cat, keys, spec);
}
