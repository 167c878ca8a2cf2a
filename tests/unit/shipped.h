/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The shipped data tables, for the unit suites that check real figures
   (check_data, check_power, check_run, check_scaling).  Include after
   unit.h; add load_catalogue/free_catalogue as an unchecked fixture, so
   the tables are read once per test case, in the parent.  */
#ifndef CA_TESTS_SHIPPED_H
#define CA_TESTS_SHIPPED_H

#include <stdlib.h>

#include "data/catalogue.h"
#include "base/diag.h"

static struct catalogue *cat;
static struct diag cat_diag;
static const char *cat_dir;

/* The data directory: $CARBON_ADVISOR_DATA (set by make check), else
   "data" under the current directory.  */
static const char *
data_dir (void)
{
  const char *dir = getenv ("CARBON_ADVISOR_DATA");

  return dir != NULL && dir[0] != '\0' ? dir : "data";
}

static void
load_catalogue (void)
{
  cat_dir = data_dir ();
  cat = catalogue_load (cat_dir, &cat_diag);
}

static void
free_catalogue (void)
{
  catalogue_free (cat);
  cat = NULL;
}

/* Fail the test, saying why, when the tables could not be loaded.  */
#define ASSERT_CATALOGUE()                                                    \
  ck_assert_msg (cat != NULL,                                                 \
                 "cannot load the data tables from '%s' (set "                \
                 "CARBON_ADVISOR_DATA to the data/ folder): %s",              \
                 cat_dir, cat_diag.text)

#endif /* CA_TESTS_SHIPPED_H */
