/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The registry of the data directory's table specs.  */
#include <config.h>

#include "data/tables.h"

static const struct table_spec *const all_specs[] = {
  &catalogue_sources_spec,
  &catalogue_groups_spec,
  &catalogue_gpus_spec,
  &catalogue_instances_spec,
  &catalogue_unsupported_spec,
  &catalogue_regions_spec,
  &catalogue_prices_spec,
  &catalogue_ccf_instances_spec,
  &catalogue_ccf_regions_spec,
  &catalogue_grid_alternatives_spec,
  &catalogue_pue_alternatives_spec,
  &catalogue_embodied_alternatives_spec,
  &catalogue_power_error_spec,
  &zones_spec,
  &site_defaults_spec,
  &equivalents_spec,
};

const struct table_spec *
tables_find (const char *file)
{
  size_t i;

  for (i = 0; i < ARRAY_SIZE (all_specs); i++)
    if (STREQ (all_specs[i]->file, file))
      return all_specs[i];
  return NULL;
}
