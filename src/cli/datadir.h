/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Where the data tables are, and loading the catalogue from there.  */
#ifndef CA_CLI_DATADIR_H
#define CA_CLI_DATADIR_H

#include "cli/options.h"
#include "data/catalogue.h"

/* The data directory: --data-dir, else $CARBON_ADVISOR_DATA, else
   ../data beside the running program when it holds the tables (a build
   tree), else the installed PKGDATADIR.  Returns a new string.  */
char *cli_data_dir (const struct cli_global *global);

/* Load the catalogue from the data directory, or report why not and set
 *STATUS to the exit status.  */
struct catalogue *cli_load_catalogue (const struct cli_global *global,
                                      int *status);

/* The same, reading of the tables a command may do without only those
   in PARTS (catalogue_open).  */
struct catalogue *cli_load_catalogue_parts (const struct cli_global *global,
                                            unsigned parts, int *status);

#endif /* CA_CLI_DATADIR_H */
