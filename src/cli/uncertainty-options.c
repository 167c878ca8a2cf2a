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
    "UNCERTAINTY section)", 0 },
  { "samples", OPT_SAMPLES, "N", 0,
    "Monte Carlo samples for --uncertainty (default 1000, at most "
    "100000)", 0 },
  { "seed", OPT_SEED, "S", 0,
    "Seed of the random numbers for --uncertainty (default 1): the same "
    "seed and input give the same output", 0 },
  { "load-range", OPT_LOAD_RANGE, "MIN:MAX", 0,
    "The load lies anywhere from MIN to MAX per cent (uniform), around "
    "--load", 0 },
  { "runtime-range", OPT_RUNTIME_RANGE, "MIN:MAX|P%", 0,
    "The runtime lies anywhere from MIN to MAX (durations), or within P "
    "per cent of --runtime (uniform)", 0 },
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

double
cli_parse_load (struct argp_state *state, const char *arg,
                struct cli_uncertainty *u)
{
  char *parts[3];
  size_t n = split_colons (arg, parts, 3);
  double v[3];
  size_t i;

  if (n == 1)
    {
      v[0] = cli_parse_number (state, "load", parts[0], 0.0, 100.0);
      free_parts (parts, 1);
      return v[0];
    }
  if (n != 3)
    {
      free_parts (parts, n > 3 ? 3 : n);
      argp_error (state, "invalid --load '%s': expected PERCENT or "
                  "MODE:MIN:MAX, e.g. 60:40:80", arg);
      return 0.0;
    }
  for (i = 0; i < 3; i++)
    v[i] = cli_parse_number (state, "load", parts[i], 0.0, 100.0);
  free_parts (parts, 3);
  if (!(v[1] <= v[0] && v[0] <= v[2]))
    argp_error (state, "invalid --load '%s': expected MODE:MIN:MAX with "
                "MIN <= MODE <= MAX", arg);
  u->load_both = u->load_both || u->load_from_range;
  u->load.low = v[1];
  u->load.mode = v[0];
  u->load.high = v[2];
  u->load.triangular = true;
  u->load_from_range = false;
  return v[0];
}

double
cli_parse_runtime (struct argp_state *state, const char *arg,
                   struct cli_uncertainty *u)
{
  char *parts[3];
  size_t n = split_colons (arg, parts, 3);
  double v[3];
  size_t i;

  if (n == 1)
    {
      v[0] = cli_parse_duration (state, "runtime", parts[0]);
      free_parts (parts, 1);
      return v[0];
    }
  if (n != 3)
    {
      free_parts (parts, n > 3 ? 3 : n);
      argp_error (state, "invalid --runtime '%s': expected a duration or "
                  "MODE:MIN:MAX, e.g. 24h:20h:30h", arg);
      return 0.0;
    }
  for (i = 0; i < 3; i++)
    v[i] = cli_parse_duration (state, "runtime", parts[i]);
  free_parts (parts, 3);
  if (!(v[1] <= v[0] && v[0] <= v[2]))
    argp_error (state, "invalid --runtime '%s': expected MODE:MIN:MAX with "
                "MIN <= MODE <= MAX", arg);
  u->runtime_both = u->runtime_both || u->runtime_from_range;
  u->runtime.low = v[1];
  u->runtime.mode = v[0];
  u->runtime.high = v[2];
  u->runtime.triangular = true;
  u->runtime_from_range = false;
  return v[0];
}

static error_t
parse_uncertainty (int key, char *arg, struct argp_state *state)
{
  struct cli_uncertainty *u = state->input;
  char *parts[2];
  size_t n;

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
      u->seed = (unsigned long) cli_parse_whole (state, "seed", arg, 0,
                                                  LONG_MAX);
      break;
    case OPT_NO_PRUNE:
      u->no_prune = true;
      break;
    case OPT_LOAD_RANGE:
      u->load_both = u->load_both || u->load.triangular;
      n = split_colons (arg, parts, 2);
      if (n != 2)
        {
          free_parts (parts, n > 2 ? 2 : n);
          argp_error (state, "invalid --load-range '%s': expected MIN:MAX",
                      arg);
          break;
        }
      u->load.low = cli_parse_number (state, "load-range", parts[0], 0.0,
                                      100.0);
      u->load.high = cli_parse_number (state, "load-range", parts[1], 0.0,
                                       100.0);
      free_parts (parts, 2);
      if (!(u->load.low <= u->load.high))
        argp_error (state, "invalid --load-range '%s': MIN is above MAX",
                    arg);
      u->load.triangular = false;
      u->load_from_range = true;
      break;
    case OPT_RUNTIME_RANGE:
      u->runtime_both = u->runtime_both || u->runtime.triangular;
      n = strlen (arg);
      if (n > 1 && arg[n - 1] == '%')
        {
          char *pct = xstrdup (arg);

          pct[n - 1] = '\0';
          u->runtime_spread_pct
            = cli_parse_number (state, "runtime-range", pct, 0.0, 99.0);
          free (pct);
          u->runtime_from_range = true;
          break;
        }
      n = split_colons (arg, parts, 2);
      if (n != 2)
        {
          free_parts (parts, n > 2 ? 2 : n);
          argp_error (state, "invalid --runtime-range '%s': expected MIN:MAX "
                      "or PERCENT%%", arg);
          break;
        }
      u->runtime.low = cli_parse_duration (state, "runtime-range", parts[0]);
      u->runtime.high = cli_parse_duration (state, "runtime-range",
                                            parts[1]);
      free_parts (parts, 2);
      if (!(u->runtime.low <= u->runtime.high))
        argp_error (state, "invalid --runtime-range '%s': MIN is above MAX",
                    arg);
      u->runtime.triangular = false;
      u->runtime_from_range = true;
      u->runtime_spread_pct = NAN;
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
  memset (spec, 0, sizeof *spec);
  spec->samples = (size_t) u->samples;
  spec->seed = u->seed;
  spec->load_pct.low = spec->load_pct.mode = spec->load_pct.high = load_pct;
  if (!isnan (u->load.low))
    {
      spec->load_pct = u->load;
      spec->load_pct.mode = load_pct;
    }
  spec->runtime_h.low = spec->runtime_h.mode = spec->runtime_h.high
    = runtime_h;
  if (!isnan (u->runtime_spread_pct))
    {
      spec->runtime_h.low = runtime_h * (1.0 - u->runtime_spread_pct / 100.0);
      spec->runtime_h.high
        = runtime_h * (1.0 + u->runtime_spread_pct / 100.0);
    }
  else if (!isnan (u->runtime.low))
    {
      spec->runtime_h = u->runtime;
      spec->runtime_h.mode = runtime_h;
    }
  spec->runtime_point_h = runtime_h;
  spec->lifetime_low_years = spec->lifetime_high_years = lifetime_years;
  if (!u->lifetime_given)
    {
      spec->lifetime_low_years = UNCERTAINTY_LIFETIME_LOW_YEARS;
      spec->lifetime_high_years = UNCERTAINTY_LIFETIME_HIGH_YEARS;
    }
  spec->nregions = cat->nregions;
  spec->npower_keys = keys->npower_keys;
  spec->nhosts = keys->nhosts;
  spec->ncurves = cat->ninstances;
  spec->prune = !u->no_prune;
}
