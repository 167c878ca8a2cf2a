/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Names the catalogue does not know: the message, with the closest
   known names as suggestions.  */
#include <config.h>

#include <error.h>
#include <stdlib.h>

#include "cli/lookup.h"
#include "cli/message.h"
#include "base/strbuf.h"
#include "base/suggest.h"
#include "search/place.h"
#include "base/system.h"
#include "base/xalloc.h"

int
cli_report_unknown (const char *what, const char *name,
                    const char *const *known, size_t n)
{
  const char *best[3];
  size_t found = suggest_closest (name, known, n, best, ARRAY_SIZE (best));
  struct diag d;

  switch (found)
    {
    case 0:
      diag_set (&d, CA_EXIT_USAGE, "unknown %s '%s'", what, name);
      break;
    case 1:
      diag_set (&d, CA_EXIT_USAGE, "unknown %s '%s'; did you mean '%s'?", what,
                name, best[0]);
      break;
    case 2:
      diag_set (&d, CA_EXIT_USAGE,
                "unknown %s '%s'; did you mean '%s' or '%s'?", what, name,
                best[0], best[1]);
      break;
    default:
      diag_set (&d, CA_EXIT_USAGE,
                "unknown %s '%s'; did you mean '%s', '%s' or '%s'?", what,
                name, best[0], best[1], best[2]);
      break;
    }
  return cli_report (&d);
}

int
cli_report_unknown_instance (const struct catalogue *cat, const char *name)
{
  const char **names;
  size_t i;
  int status;

  /* A type the data knows but cannot estimate is no typo: a suggestion
     would send the user to another type without saying why.  */
  for (i = 0; i < cat->nunsupported; i++)
    if (STREQ (cat->unsupported[i].name, name))
      {
        struct diag d;

        diag_set (&d, CA_EXIT_USAGE,
                  "instance type '%s' is not supported: %s; see "
                  "'carbon-advisor list instances --unsupported'",
                  name, cat->unsupported[i].reason);
        return cli_report (&d);
      }
  names = xcalloc (cat->ninstances + 1, sizeof *names);
  for (i = 0; i < cat->ninstances; i++)
    names[i] = cat->instances[i].name;
  status = cli_report_unknown ("instance type", name, names, cat->ninstances);
  free (names);
  return status;
}

int
cli_report_unknown_region (const struct catalogue *cat, const char *name)
{
  const char **names = xcalloc (cat->nregions + 1, sizeof *names);
  size_t i;
  int status;

  for (i = 0; i < cat->nregions; i++)
    names[i] = cat->regions[i].name;
  status = cli_report_unknown ("region", name, names, cat->nregions);
  free (names);
  return status;
}

/* Say on stderr which of CAT's regions PLACE, a name of a region
   option that is no region's, stands for: those of the PROVIDERS when
   that list is not empty.  */
static void
note_place (const struct catalogue *cat, const char *place,
            const struct name_list *providers)
{
  struct strbuf line;
  size_t i, n = 0;

  strbuf_init (&line);
  for (i = 0; i < cat->nregions; i++)
    if (place_matches (&cat->regions[i], place)
        && (providers->n == 0
            || name_list_has (providers, cat->regions[i].provider)))
      strbuf_printf (&line, "%s%s (%s)", n++ > 0 ? ", " : "",
                     cat->regions[i].name, cat->regions[i].provider);
  /* A note, not a diag: a country's list outgrows a diag's text.  */
  if (n == 0)
    for (i = 0; i < providers->n; i++)
      strbuf_printf (&line, "%s%s", i == 0 ? "none for --provider " : ",",
                     providers->names[i]);
  error (0, 0, "regions at %s: %s", place, line.text);
  strbuf_release (&line);
}

int
cli_check_regions (const struct catalogue *cat, const struct name_list *list,
                   const struct name_list *providers)
{
  size_t i;

  for (i = 0; i < list->n; i++)
    {
      const char *name = list->names[i];
      char **names;
      size_t n;
      int status;

      if (catalogue_find_region (cat, name) != NULL)
        continue;
      if (place_count (cat, name) > 0)
        {
          note_place (cat, name, providers);
          continue;
        }
      names = place_names (cat, &n);
      status
        = cli_report_unknown ("region", name, (const char *const *) names, n);
      place_names_free (names, n);
      return status;
    }
  return CA_EXIT_OK;
}

const struct region *
cli_find_region_for (const struct catalogue *cat, const char *name,
                     const struct instance *instance, int *status)
{
  const struct region *found = catalogue_find_region (cat, name);
  struct strbuf offered;
  size_t i, n = 0;

  *status = CA_EXIT_OK;
  if (found != NULL)
    return found;
  if (place_count (cat, name) == 0)
    {
      char **names = place_names (cat, &n);

      *status
        = cli_report_unknown ("region", name, (const char *const *) names, n);
      place_names_free (names, n);
      return NULL;
    }
  strbuf_init (&offered);
  for (i = 0; i < cat->nregions; i++)
    if (place_matches (&cat->regions[i], name)
        && catalogue_find_price (cat, instance, &cat->regions[i]) != NULL)
      {
        found = &cat->regions[i];
        strbuf_printf (&offered, "%s%s", n++ > 0 ? ", " : "", found->name);
      }
  if (n == 1)
    error (0, 0, "region at %s that offers %s: %s (%s)", name, instance->name,
           found->name, found->provider);
  else
    {
      *status = CA_EXIT_USAGE;
      if (n == 0)
        error (0, 0,
               "%s is not offered at %s; see 'carbon-advisor list regions "
               "--instance %s'",
               instance->name, name, instance->name);
      else
        error (0, 0, "%s is offered in %zu regions at %s: %s; name one",
               instance->name, n, name, offered.text);
      found = NULL;
    }
  strbuf_release (&offered);
  return found;
}

int
cli_check_selection (const struct selection *sel, const struct catalogue *cat)
{
  struct selection_problem p;
  const char **names;
  size_t i, n = 0;
  int status;

  /* The regions, known or not, are cli_check_regions' to report: it
     says which regions a place stands for.  */
  if (selection_check (sel, cat, &p) == 0 || STREQ (p.what, "region"))
    return cli_check_regions (cat, &sel->regions, &sel->providers);
  names = xcalloc (cat->nregions + cat->ngroups + 1, sizeof *names);
  if (STREQ (p.what, "group"))
    for (i = 0; i < cat->ngroups; i++)
      names[n++] = cat->groups[i].name;
  else
    for (i = 0; i < cat->nregions; i++)
      {
        const char *name = cat->regions[i].provider;

        /* Providers repeat, one per region; list each once.  */
        if (n == 0 || !STREQ (names[n - 1], name))
          names[n++] = name;
      }
  status = cli_report_unknown (p.what, p.name, names, n);
  free (names);
  return status;
}
