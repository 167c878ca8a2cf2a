/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Which instance types and regions a command considers.  */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "search/select.h"
#include "search/place.h"
#include "base/xalloc.h"

void
name_list_add (struct name_list *list, const char *arg)
{
  while (*arg != '\0')
    {
      size_t len = strcspn (arg, ",");

      if (len > 0)
        {
          char *name = xmalloc (len + 1);

          memcpy (name, arg, len);
          name[len] = '\0';
          list->names
            = xreallocarray (list->names, list->n + 1, sizeof *list->names);
          list->names[list->n++] = name;
        }
      arg += len;
      if (*arg == ',')
        arg++;
    }
}

void
name_list_free (struct name_list *list)
{
  size_t i;

  for (i = 0; i < list->n; i++)
    free (list->names[i]);
  free (list->names);
  list->names = NULL;
  list->n = 0;
}

bool
name_list_has (const struct name_list *list, const char *name)
{
  size_t i;

  for (i = 0; i < list->n; i++)
    if (STREQ (list->names[i], name))
      return true;
  return false;
}

bool
selection_names_region (const struct name_list *list,
                        const struct region *region)
{
  size_t i;

  for (i = 0; i < list->n; i++)
    if (STREQ (list->names[i], region->name)
        || place_matches (region, list->names[i]))
      return true;
  return false;
}

int
selection_check (const struct selection *sel, const struct catalogue *cat,
                 struct selection_problem *p)
{
  size_t i, j;

  for (i = 0; i < sel->providers.n; i++)
    {
      bool known = false;

      for (j = 0; j < cat->nregions && !known; j++)
        known = STREQ (cat->regions[j].provider, sel->providers.names[i]);
      if (!known)
        {
          p->what = "provider";
          p->name = sel->providers.names[i];
          return -1;
        }
    }
  for (i = 0; i < sel->regions.n; i++)
    if (catalogue_find_region (cat, sel->regions.names[i]) == NULL
        && place_count (cat, sel->regions.names[i]) == 0)
      {
        p->what = "region";
        p->name = sel->regions.names[i];
        return -1;
      }
  for (i = 0; i < sel->groups.n; i++)
    if (catalogue_find_group (cat, sel->groups.names[i]) == NULL)
      {
        p->what = "group";
        p->name = sel->groups.names[i];
        return -1;
      }
  return 0;
}

bool
selection_region_ok (const struct selection *sel, const struct region *region)
{
  size_t i;

  if (sel->providers.n > 0
      && !name_list_has (&sel->providers, region->provider))
    return false;
  if (sel->regions.n == 0 && sel->groups.n == 0)
    return true;
  if (selection_names_region (&sel->regions, region))
    return true;
  for (i = 0; i < sel->groups.n; i++)
    if (catalogue_region_in_group (region, sel->groups.names[i]))
      return true;
  return false;
}

bool
selection_instance_ok (const struct selection *sel,
                       const struct instance *instance)
{
  if (sel->providers.n > 0
      && !name_list_has (&sel->providers, instance->provider))
    return false;
  return instance->vcpus >= sel->min_vcpus
         && instance->memory_gib >= sel->min_memory_gib
         && instance->gpus >= sel->min_gpus;
}

void
selection_free (struct selection *sel)
{
  name_list_free (&sel->providers);
  name_list_free (&sel->regions);
  name_list_free (&sel->groups);
}
