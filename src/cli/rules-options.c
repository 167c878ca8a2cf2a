/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The options of advise's candidate rules (rules-options.h).  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "base/strbuf.h"
#include "cli/options.h"
#include "cli/rules-options.h"

enum
{
  OPT_DEADLINE = 0xa00,
  OPT_ACCELERATOR,
  OPT_MIN_GPU_MEMORY,
  OPT_ALLOW_BURSTABLE
};

static const struct argp_option rules_options[] = {
  { "deadline", OPT_DEADLINE, "DURATION", 0,
    "Only runs that finish within DURATION, or 'none' (default with "
    "--reference: twice its runtime)",
    0 },
  { "accelerator", OPT_ACCELERATOR, "KIND", 0,
    "Only instances with this accelerator: any, none, nvidia, amd, neuron, "
    "gaudi or fpga (default: the reference's; without one, nvidia with "
    "--gpus, any with --gpu-model, else none)",
    0 },
  { "min-gpu-memory", OPT_MIN_GPU_MEMORY, "GIB", 0,
    "Only instances whose GPUs hold at least GIB GiB together, 0 for any "
    "(default: the reference's GPU memory)",
    0 },
  { "allow-burstable", OPT_ALLOW_BURSTABLE, NULL, 0,
    "Keep burstable instances (t3, Azure B, GCP shared-core) even when "
    "--load is above their published baseline",
    0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

void
cli_rules_init (struct advise_rules_ask *ask)
{
  memset (ask, 0, sizeof *ask);
  ask->deadline_h = NAN;
  ask->min_gpu_memory_gib = NAN;
}

/* "unknown --accelerator 'ARG'; choose amd, any, ... or nvidia": the
   ecosystems of the data and "any", sorted.  */
static void
bad_accelerator (struct argp_state *state, const char *arg)
{
  const char *names[16];
  struct strbuf list;
  size_t i, n = 0;
  bool any = false;

  for (i = 0; catalogue_accelerators[i] != NULL && n + 2 < ARRAY_SIZE (names);
       i++)
    {
      if (!any && strcmp (catalogue_accelerators[i], "any") > 0)
        names[n++] = "any", any = true;
      names[n++] = catalogue_accelerators[i];
    }
  strbuf_init (&list);
  for (i = 0; i < n; i++)
    {
      if (i > 0)
        strbuf_append (&list, i + 1 == n ? " or " : ", ");
      strbuf_append (&list, names[i]);
    }
  argp_error (state, "unknown --accelerator '%s'; choose %s", arg, list.text);
  strbuf_release (&list);
}

static error_t
parse_rules (int key, char *arg, struct argp_state *state)
{
  struct advise_rules_ask *ask = state->input;

  switch (key)
    {
    case OPT_DEADLINE:
      ask->deadline_h = STREQ (arg, "none")
                          ? INFINITY
                          : cli_parse_duration (state, "deadline", arg);
      break;
    case OPT_ACCELERATOR:
      if (!advise_rules_accelerator_known (arg))
        bad_accelerator (state, arg);
      ask->accelerator = arg;
      break;
    case OPT_MIN_GPU_MEMORY:
      ask->min_gpu_memory_gib
        = cli_parse_number (state, "min-gpu-memory", arg, 0.0, 1e6);
      break;
    case OPT_ALLOW_BURSTABLE:
      ask->allow_burstable = true;
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

const struct argp cli_rules_argp
  = { rules_options, parse_rules, NULL, NULL, NULL, NULL, NULL };
