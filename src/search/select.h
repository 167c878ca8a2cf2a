/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Which instance types and regions a command considers: the filters
   shared by list (and later advise).  */
#ifndef CA_SELECT_H
#define CA_SELECT_H

#include <stddef.h>

#include "data/catalogue.h"
#include "base/system.h"

/* A growing list of names, from repeatable options that also take comma
   lists ("--region a,b --region c").  */
struct name_list
{
  char **names;
  size_t n;
};

/* Add the comma-separated names in ARG to LIST (empty items are
   skipped).  */
void name_list_add (struct name_list *list, const char *arg);
void name_list_free (struct name_list *list);

/* Whether LIST holds NAME.  */
bool name_list_has (const struct name_list *list, const char *name);

/* Whether LIST names REGION: by its name, or by a place (a city, a
   country) where it is, as place_matches reads it.  */
bool selection_names_region (const struct name_list *list,
                             const struct region *region);

struct selection
{
  struct name_list providers;
  struct name_list regions; /* Regions named one by one, or by
                               place ("Stockholm", "Sweden")...  */
  struct name_list groups;  /* ...or by group; either matches.  */
  long min_vcpus;           /* 0 for any.  */
  double min_memory_gib;    /* 0 for any.  */
  long min_gpus;            /* 0 for any.  */
};

/* What selection_check found wrong.  */
struct selection_problem
{
  const char *what; /* "provider", "region" or "group".  */
  const char *name;
};

/* Check that every provider, region (or place with a region) and group
   SEL names exists in CAT.
   Returns 0, or -1 and fills *P with the first unknown name.  */
int selection_check (const struct selection *sel, const struct catalogue *cat,
                     struct selection_problem *p);

/* Whether REGION passes SEL's provider, region and group filters.  */
bool selection_region_ok (const struct selection *sel,
                          const struct region *region);

/* Whether INSTANCE passes SEL's provider and size filters.  */
bool selection_instance_ok (const struct selection *sel,
                            const struct instance *instance);

void selection_free (struct selection *sel);

#endif /* CA_SELECT_H */
