/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Names the catalogue does not know: the message, with the closest
   known names as suggestions.  */
#ifndef CA_CLI_LOOKUP_H
#define CA_CLI_LOOKUP_H

#include <stddef.h>

#include "data/catalogue.h"
#include "search/select.h"

/* Report that NAME is not a known WHAT ("instance type", "region"...),
   suggesting the closest of the N strings KNOWN, and return
   CA_EXIT_USAGE.  */
int cli_report_unknown (const char *what, const char *name,
                        const char *const *known, size_t n);

/* The same for an instance type or a region of CAT.  An instance type
   CAT lists as unsupported gets the reason instead of suggestions.  */
int cli_report_unknown_instance (const struct catalogue *cat,
                                 const char *name);
int cli_report_unknown_region (const struct catalogue *cat, const char *name);

/* Check that every name of LIST, the names of a region option, is a
   region or a place (search/place.h) of CAT: report the first that is
   neither, with the closest names of both as suggestions, and say on
   stderr which regions each place stands for (of the PROVIDERS, when
   that list is not empty).  Returns an exit status.  */
int cli_check_regions (const struct catalogue *cat,
                       const struct name_list *list,
                       const struct name_list *providers);

/* The region NAME stands for when INSTANCE runs there: the region of
   CAT called NAME, or else the one region at the place NAME (a city, a
   country) that offers INSTANCE, said on stderr.  Reports an error (an
   unknown name, a place with none or several such regions) and returns
   NULL with *STATUS set to its exit status.  */
const struct region *cli_find_region_for (const struct catalogue *cat,
                                          const char *name,
                                          const struct instance *instance,
                                          int *status);

/* Check that the providers, regions (or places) and groups SEL names
   exist in CAT; report the first unknown one with suggestions.  Returns
   an exit status.  */
int cli_check_selection (const struct selection *sel,
                         const struct catalogue *cat);

#endif /* CA_CLI_LOOKUP_H */
