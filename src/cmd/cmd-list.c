/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor list: the instance types, regions and groups in the
   data, with their figures and sources.  */
#include <config.h>

#include <argp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "search/select.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

enum list_subject
{
  LIST_NONE,
  LIST_INSTANCES,
  LIST_REGIONS,
  LIST_GROUPS
};

struct list_opts
{
  enum list_subject subject;
  struct selection selection;
  const char *instance; /* list regions --instance.  */
  bool unsupported;     /* list instances --unsupported.  */
};

enum
{
  OPT_INSTANCE = 'i',
  OPT_UNSUPPORTED = 0x500
};

static const struct argp_option list_options[] = {
  { "instance", OPT_INSTANCE, "TYPE", 0,
    "With 'regions': only the regions that offer TYPE", 0 },
  { "unsupported", OPT_UNSUPPORTED, NULL, 0,
    "With 'instances': the priced types left out of every estimate, and "
    "why (e.g. accelerators with no open power figure)",
    0 },
  { NULL, 0, NULL, 0, NULL, 0 },
};

static error_t
parse_list (int key, char *arg, struct argp_state *state)
{
  struct cli_input *input = state->input;
  struct list_opts *o = input->opts;

  switch (key)
    {
    case ARGP_KEY_INIT:
      state->child_inputs[0] = &o->selection;
      state->child_inputs[1] = input->global;
      break;
    case OPT_INSTANCE:
      o->instance = arg;
      break;
    case OPT_UNSUPPORTED:
      o->unsupported = true;
      break;
    case ARGP_KEY_ARG:
      if (o->subject != LIST_NONE)
        argp_error (state, "unexpected argument '%s'", arg);
      if (STREQ (arg, "instances"))
        o->subject = LIST_INSTANCES;
      else if (STREQ (arg, "regions"))
        o->subject = LIST_REGIONS;
      else if (STREQ (arg, "groups"))
        o->subject = LIST_GROUPS;
      else
        argp_error (state,
                    "unknown list '%s'; choose instances, regions or "
                    "groups",
                    arg);
      break;
    case ARGP_KEY_END:
      if (o->subject == LIST_NONE)
        argp_error (state, "missing what to list: instances, regions or "
                           "groups");
      if (o->instance != NULL && o->subject != LIST_REGIONS)
        argp_error (state, "--instance only goes with 'list regions'");
      if (o->unsupported && o->subject != LIST_INSTANCES)
        argp_error (state, "--unsupported only goes with 'list instances'");
      break;
    default:
      return ARGP_ERR_UNKNOWN;
    }
  return 0;
}

static const struct argp_child list_children[] = {
  { &cli_selection_argp, 0, "Filters:", 1 },
  { &cli_global_argp, 0, "Global options:", 2 },
  { NULL, 0, NULL, 0 },
};

static const struct argp list_argp = {
  list_options,
  parse_list,
  "instances|regions|groups",
  "List the instance types (with power curve and embodied emissions), the "
  "regions (with PUE and grid intensities, their sources and years) or the "
  "region groups in the data.",
  list_children,
  NULL,
  NULL
};

static void
list_init (void *opts)
{
  (void) opts;
}

static const struct out_column instance_columns[] = {
  { "provider", "Provider", NULL, OUT_TEXT, 0, 0 },
  { "instance_type", "Instance", NULL, OUT_TEXT, 0, 0 },
  { "vcpus", "vCPUs", NULL, OUT_INTEGER, 0, 0 },
  { "memory_gib", "Memory", "GiB", OUT_NUMBER, 2, 0 },
  { "gpus", "GPUs", NULL, OUT_INTEGER, 0, 0 },
  { "gpu_model", "GPU", NULL, OUT_TEXT, 0, 0 },
  { "arch", "Arch", NULL, OUT_TEXT, 0, 0 },
  { "power_idle_w", "Idle", "W", OUT_NUMBER, 1, 0 },
  { "power_10_w", "10%", "W", OUT_NUMBER, 1, 0 },
  { "power_50_w", "50%", "W", OUT_NUMBER, 1, 0 },
  { "power_100_w", "100%", "W", OUT_NUMBER, 1, 0 },
  { "embodied_kgco2e", "Embodied", "kgCO2e", OUT_NUMBER, 1, OUT_COL_CARBON },
  { "regions", "Regions", NULL, OUT_INTEGER, 0, 0 },
  { "family", "Family", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "cpu_model", "Host CPU", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "host_vcpus", "Host vCPUs", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "embodied_host_kgco2e", "Host embodied", "kgCO2e", OUT_NUMBER, 1,
    OUT_COL_MACHINE | OUT_COL_CARBON },
  { "power_origin", "Power curve", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "power_source", "Power source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "embodied_source", "Embodied source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
};

static int
list_instances (const struct cli_global *global, const struct list_opts *o,
                const struct catalogue *cat)
{
  const struct selection *sel = &o->selection;
  size_t *regions = xcalloc (cat->ninstances, sizeof *regions);
  struct out_table *t
    = out_table_new (instance_columns, ARRAY_SIZE (instance_columns));
  size_t i, k;
  int status;

  /* An instance counts in the regions the filters keep.  */
  for (i = 0; i < cat->nprices; i++)
    if (selection_region_ok (sel, cat->prices[i].region))
      regions[cat->prices[i].instance - cat->instances]++;

  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];
      size_t c = 0;

      if (!selection_instance_ok (sel, in))
        continue;
      if ((sel->regions.n > 0 || sel->groups.n > 0) && regions[i] == 0)
        continue;
      out_table_add_row (t);
      out_table_set_text (t, c++, in->provider);
      out_table_set_text (t, c++, in->name);
      out_table_set_number (t, c++, (double) in->vcpus);
      out_table_set_number (t, c++, in->memory_gib);
      out_table_set_number (t, c++, (double) in->gpus);
      out_table_set_text (t, c++, in->gpu_model[0] ? in->gpu_model : NULL);
      out_table_set_text (t, c++, in->arch);
      for (k = 0; k < CATALOGUE_POWER_POINTS; k++)
        out_table_set_number (t, c++, in->power_w[k]);
      out_table_set_number (t, c++, in->embodied_kgco2e);
      out_table_set_number (t, c++, (double) regions[i]);
      out_table_set_text (t, c++, in->family);
      out_table_set_text (t, c++, in->cpu_model);
      out_table_set_number (t, c++, (double) in->host_vcpus);
      out_table_set_number (t, c++, in->embodied_host_kgco2e);
      out_table_set_text (t, c++, in->power_origin);
      out_table_set_text (t, c++, in->power_source);
      out_table_set_text (t, c++, in->embodied_source);
    }
  status = cli_emit (global, OUT_LAYOUT_WIDE, t);
  out_table_free (t);
  free (regions);
  return status;
}

static const struct out_column unsupported_columns[] = {
  { "provider", "Provider", NULL, OUT_TEXT, 0, 0 },
  { "instance_type", "Instance", NULL, OUT_TEXT, 0, 0 },
  { "reason", "Why it is left out", NULL, OUT_TEXT, 0, 0 },
};

static int
list_unsupported (const struct cli_global *global, const struct list_opts *o,
                  const struct catalogue *cat)
{
  struct out_table *t
    = out_table_new (unsupported_columns, ARRAY_SIZE (unsupported_columns));
  size_t i;
  int status;

  for (i = 0; i < cat->nunsupported; i++)
    {
      const struct unsupported *u = &cat->unsupported[i];

      if (o->selection.providers.n > 0
          && !name_list_has (&o->selection.providers, u->provider))
        continue;
      out_table_add_row (t);
      out_table_set_text (t, 0, u->provider);
      out_table_set_text (t, 1, u->name);
      out_table_set_text (t, 2, u->reason);
    }
  status = cli_emit (global, OUT_LAYOUT_WIDE, t);
  out_table_free (t);
  return status;
}

static const struct out_column region_columns[] = {
  { "provider", "Provider", NULL, OUT_TEXT, 0, 0 },
  { "region", "Region", NULL, OUT_TEXT, 0, 0 },
  { "location", "Location", NULL, OUT_TEXT, 0, 0 },
  { "country", "Country", NULL, OUT_TEXT, 0, 0 },
  { "pue", "PUE", NULL, OUT_NUMBER, 3, 0 },
  { "grid_gco2e_per_kwh", "Grid", "gCO2e/kWh", OUT_NUMBER, 1, 0 },
  { "grid_source", "Grid source", NULL, OUT_TEXT, 0, 0 },
  { "grid_year", "Year", NULL, OUT_INTEGER, 0, 0 },
  { "marginal_gco2e_per_kwh", "Marginal", "gCO2e/kWh", OUT_NUMBER, 1, 0 },
  { "instances", "Instances", NULL, OUT_INTEGER, 0, 0 },
  { "groups", "Groups", NULL, OUT_TEXT, 0, 0 },
  { "latitude", "Latitude", NULL, OUT_NUMBER, 4, OUT_COL_MACHINE },
  { "longitude", "Longitude", NULL, OUT_NUMBER, 4, OUT_COL_MACHINE },
  { "pue_source", "PUE source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "pue_year", "PUE year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "grid_level", "Grid level", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "marginal_source", "Marginal source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "marginal_year", "Marginal year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "market_gco2e_per_kwh", "Market", "gCO2e/kWh", OUT_NUMBER, 1,
    OUT_COL_MACHINE },
  { "market_source", "Market source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "market_year", "Market year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
  { "cfe_pct", "CFE", "%", OUT_NUMBER, 1, OUT_COL_MACHINE },
  { "cfe_source", "CFE source", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
  { "cfe_year", "CFE year", NULL, OUT_INTEGER, 0, OUT_COL_MACHINE },
};

static const char *
text_or_missing (const char *s)
{
  return s[0] != '\0' ? s : NULL;
}

static double
year_or_missing (long year)
{
  return year > 0 ? (double) year : NAN;
}

/* Set the three cells of FIG starting at column C.  */
static size_t
set_figure (struct out_table *t, size_t c, const struct grid_figure *fig)
{
  out_table_set_number (t, c, fig->gco2e_per_kwh);
  out_table_set_text (t, c + 1, text_or_missing (fig->source));
  out_table_set_number (t, c + 2, year_or_missing (fig->year));
  return c + 3;
}

static int
list_regions (const struct cli_global *global, const struct list_opts *o,
              const struct catalogue *cat)
{
  const struct selection *sel = &o->selection;
  const struct instance *only = NULL;
  size_t *instances = xcalloc (cat->nregions, sizeof *instances);
  struct out_table *t;
  size_t i;
  int status;

  if (o->instance != NULL)
    {
      only = catalogue_find_instance (cat, o->instance);
      if (only == NULL)
        {
          status = cli_report_unknown_instance (cat, o->instance);
          free (instances);
          return status;
        }
    }

  /* A region counts the instance types the filters keep.  */
  for (i = 0; i < cat->nprices; i++)
    {
      const struct price *p = &cat->prices[i];

      if ((only == NULL || p->instance == only)
          && selection_instance_ok (sel, p->instance))
        instances[p->region - cat->regions]++;
    }

  t = out_table_new (region_columns, ARRAY_SIZE (region_columns));
  for (i = 0; i < cat->nregions; i++)
    {
      const struct region *g = &cat->regions[i];
      size_t c = 0;

      if (!selection_region_ok (sel, g))
        continue;
      if ((only != NULL || sel->min_vcpus > 0 || sel->min_gpus > 0
           || sel->min_memory_gib > 0.0)
          && instances[i] == 0)
        continue;
      out_table_add_row (t);
      out_table_set_text (t, c++, g->provider);
      out_table_set_text (t, c++, g->name);
      out_table_set_text (t, c++, g->location);
      out_table_set_text (t, c++, g->country);
      out_table_set_number (t, c++, g->pue);
      c = set_figure (t, c, &g->grid);
      out_table_set_number (t, c++, g->marginal.gco2e_per_kwh);
      out_table_set_number (t, c++, (double) instances[i]);
      out_table_set_text (t, c++, text_or_missing (g->groups));
      out_table_set_number (t, c++, g->latitude);
      out_table_set_number (t, c++, g->longitude);
      out_table_set_text (t, c++, g->pue_source);
      out_table_set_number (t, c++, year_or_missing (g->pue_year));
      out_table_set_text (t, c++, text_or_missing (g->grid_level));
      out_table_set_text (t, c++, text_or_missing (g->marginal.source));
      out_table_set_number (t, c++, year_or_missing (g->marginal.year));
      c = set_figure (t, c, &g->market);
      out_table_set_number (t, c++, g->cfe_pct);
      out_table_set_text (t, c++, text_or_missing (g->cfe_source));
      out_table_set_number (t, c++, year_or_missing (g->cfe_year));
    }
  status = cli_emit (global, OUT_LAYOUT_WIDE, t);
  out_table_free (t);
  free (instances);
  return status;
}

static const struct out_column group_columns[] = {
  { "group", "Group", NULL, OUT_TEXT, 0, 0 },
  { "regions", "Regions", NULL, OUT_INTEGER, 0, 0 },
  { "description", "Description", NULL, OUT_TEXT, 0, 0 },
  { "members", "Members", NULL, OUT_TEXT, 0, OUT_COL_MACHINE },
};

static int
list_groups (const struct cli_global *global, const struct list_opts *o,
             const struct catalogue *cat)
{
  struct out_table *t
    = out_table_new (group_columns, ARRAY_SIZE (group_columns));
  struct strbuf members;
  size_t i, j;
  int status;

  strbuf_init (&members);
  for (i = 0; i < cat->ngroups; i++)
    {
      const struct group *gr = &cat->groups[i];
      size_t n = 0;

      if (o->selection.groups.n > 0
          && !name_list_has (&o->selection.groups, gr->name))
        continue;
      strbuf_reset (&members);
      for (j = 0; j < cat->nregions; j++)
        if (catalogue_region_in_group (&cat->regions[j], gr->name)
            && selection_region_ok (&o->selection, &cat->regions[j]))
          strbuf_printf (&members, "%s%s", n++ > 0 ? ";" : "",
                         cat->regions[j].name);
      out_table_add_row (t);
      out_table_set_text (t, 0, gr->name);
      out_table_set_number (t, 1, (double) n);
      out_table_set_text (t, 2, gr->description);
      out_table_set_text (t, 3, n > 0 ? members.text : NULL);
    }
  strbuf_release (&members);
  status = cli_emit (global, OUT_LAYOUT_WIDE, t);
  out_table_free (t);
  return status;
}

static int
cmd_list_exec (const struct cli_global *global, void *opts)
{
  struct list_opts *o = opts;
  int status = CA_EXIT_OK;
  struct catalogue *cat = cli_load_catalogue (global, &status);

  if (cat == NULL)
    {
      selection_free (&o->selection);
      return status;
    }
  status = cli_check_selection (&o->selection, cat);
  if (status == CA_EXIT_OK)
    switch (o->subject)
      {
      case LIST_INSTANCES:
        status = o->unsupported ? list_unsupported (global, o, cat)
                                : list_instances (global, o, cat);
        break;
      case LIST_REGIONS:
        status = list_regions (global, o, cat);
        break;
      case LIST_GROUPS:
      case LIST_NONE:
        status = list_groups (global, o, cat);
        break;
      }
  catalogue_free (cat);
  selection_free (&o->selection);
  return status;
}

const struct cmd_entry cmd_list_entry = {
  "list",     "the instance types, regions and region groups in the data",
  &list_argp, sizeof (struct list_opts),
  list_init,  cmd_list_exec,
};
