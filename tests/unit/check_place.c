/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Regions by place (search/place.c): what a place name matches, on
   hand-made regions and on the shipped regions table.  */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "search/place.h"
#include "search/select.h"
#include "base/system.h"
#include "unit.h"
#include "shipped.h"

/* A region with only the fields place_matches reads.  */
static struct region
region_at (const char *name, const char *location, const char *country)
{
  struct region r;

  memset (&r, 0, sizeof r);
  r.provider = "aws";
  r.name = name;
  r.location = location;
  r.country = country;
  return r;
}

START_TEST (test_place_matches)
{
  struct region aws = region_at ("eu-north-1", "Europe (Stockholm)", "SE");
  struct region azure = region_at ("swedencentral", "Sweden Central", "SE");
  struct region gb = region_at ("uksouth", "UK South", "GB");

  /* The city in brackets, in any case.  */
  ck_assert (place_matches (&aws, "Stockholm"));
  ck_assert (place_matches (&aws, "stockholm"));
  ck_assert (place_matches (&aws, "STOCKHOLM"));
  /* The whole location, the country code and the country's name.  */
  ck_assert (place_matches (&aws, "europe (stockholm)"));
  ck_assert (place_matches (&aws, "se"));
  ck_assert (place_matches (&aws, "Sweden"));
  ck_assert (place_matches (&azure, "sweden"));
  ck_assert (place_matches (&azure, "Sweden Central"));
  ck_assert (!place_matches (&azure, "Stockholm"));
  /* An alias of the table, and no part of a word.  */
  ck_assert (place_matches (&gb, "United Kingdom"));
  ck_assert (place_matches (&gb, "uk"));
  ck_assert (!place_matches (&aws, "Stock"));
  ck_assert (!place_matches (&aws, "Europe"));
  ck_assert (!place_matches (&aws, ""));
  ck_assert (!place_matches (&gb, "South"));
}
END_TEST

START_TEST (test_place_accents)
{
  struct region sp
    = region_at ("sa-east-1", "South America (São Paulo)", "BR");
  struct region mtl = region_at ("northamerica-northeast1", "Montréal", "CA");

  ck_assert (place_matches (&sp, "São Paulo"));
  ck_assert (place_matches (&sp, "sao paulo"));
  ck_assert (place_matches (&sp, "SÃO PAULO"));
  ck_assert (place_matches (&sp, "Brazil"));
  ck_assert (!place_matches (&sp, "Sao Paul"));
  ck_assert (!place_matches (&sp, "Sao Paulo "));
  ck_assert (place_matches (&mtl, "montreal"));
  ck_assert (place_matches (&mtl, "MONTRÉAL"));
  /* Any accent folds to its letter, but a letter stays itself.  */
  ck_assert (place_matches (&mtl, "Montrèal"));
  ck_assert (!place_matches (&mtl, "Montraal"));
}
END_TEST

START_TEST (test_selection_names_place)
{
  struct region aws = region_at ("eu-north-1", "Europe (Stockholm)", "SE");
  struct region ie = region_at ("eu-west-1", "Europe (Ireland)", "IE");
  struct name_list list = { NULL, 0 };

  name_list_add (&list, "Sweden");
  ck_assert (selection_names_region (&list, &aws));
  ck_assert (!selection_names_region (&list, &ie));
  name_list_add (&list, "eu-west-1");
  ck_assert (selection_names_region (&list, &ie));
  name_list_free (&list);
}
END_TEST

/* Every country of regions.csv has a name, so that "--region <its
   name>" works for every region: a region in a new country must add
   its row to place.c's table.  */
START_TEST (test_shipped_countries_named)
{
  size_t i;

  ASSERT_CATALOGUE ();
  for (i = 0; i < cat->nregions; i++)
    ck_assert_msg (place_country_name (cat->regions[i].country) != NULL,
                   "regions.csv:%zu: no name for country '%s' in "
                   "src/search/place.c",
                   cat->regions[i].line, cat->regions[i].country);
}
END_TEST

/* The shipped regions at Sweden and at Stockholm, read off regions.csv
   (grep ',SE,' and 'Stockholm'): eu-north-1 "Europe (Stockholm)",
   swedencentral "Sweden Central", europe-north2 "Stockholm".  */
START_TEST (test_shipped_places)
{
  char **names;
  size_t n, i;
  bool found = false;

  ASSERT_CATALOGUE ();
  ck_assert_uint_eq (place_count (cat, "Sweden"), 3);
  ck_assert_uint_eq (place_count (cat, "sweden"), 3);
  ck_assert_uint_eq (place_count (cat, "Stockholm"), 2);
  ck_assert_uint_eq (place_count (cat, "Stokholm"), 0);
  /* The suggestions hold each name once, whatever its case.  */
  names = place_names (cat, &n);
  for (i = 0; i < n; i++)
    if (STREQ (names[i], "Stockholm"))
      {
        ck_assert (!found);
        found = true;
      }
  ck_assert (found);
  place_names_free (names, n);
}
END_TEST

static Suite *
place_suite (void)
{
  Suite *s = suite_create ("place");
  TCase *tc = tcase_create ("matches");

  tcase_add_test (tc, test_place_matches);
  tcase_add_test (tc, test_place_accents);
  tcase_add_test (tc, test_selection_names_place);
  suite_add_tcase (s, tc);
  tc = tcase_create ("shipped");
  tcase_add_unchecked_fixture (tc, load_catalogue, free_catalogue);
  tcase_add_test (tc, test_shipped_countries_named);
  tcase_add_test (tc, test_shipped_places);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (place_suite)
