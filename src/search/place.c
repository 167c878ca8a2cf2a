/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Regions by place.  */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "search/place.h"
#include "base/xalloc.h"

/* The countries of regions.csv by ISO 3166-1 alpha-2 code, with the
   English short name of ISO 3166-1 and the names people also type for
   them.  regions.csv gives codes only;
   check_place.c fails when a region's country is missing here.  */
static const struct
{
  const char *code;
  const char *name;
  const char *aliases; /* ';'-separated.  */
} countries[] = {
  { "AE", "United Arab Emirates", "UAE" },
  { "AT", "Austria", "" },
  { "AU", "Australia", "" },
  { "BE", "Belgium", "" },
  { "BH", "Bahrain", "" },
  { "BR", "Brazil", "" },
  { "CA", "Canada", "" },
  { "CH", "Switzerland", "" },
  { "CL", "Chile", "" },
  { "DE", "Germany", "" },
  { "DK", "Denmark", "" },
  { "ES", "Spain", "" },
  { "FI", "Finland", "" },
  { "FR", "France", "" },
  { "GB", "United Kingdom", "UK;Great Britain" },
  { "HK", "Hong Kong", "" },
  { "ID", "Indonesia", "" },
  { "IE", "Ireland", "" },
  { "IL", "Israel", "" },
  { "IN", "India", "" },
  { "IT", "Italy", "" },
  { "JP", "Japan", "" },
  { "KR", "South Korea", "Korea" },
  { "MX", "Mexico", "" },
  { "MY", "Malaysia", "" },
  { "NL", "Netherlands", "" },
  { "NO", "Norway", "" },
  { "NZ", "New Zealand", "" },
  { "PL", "Poland", "" },
  { "QA", "Qatar", "" },
  { "SA", "Saudi Arabia", "" },
  { "SE", "Sweden", "" },
  { "SG", "Singapore", "" },
  { "TH", "Thailand", "" },
  { "TW", "Taiwan", "" },
  { "US", "United States", "USA;United States of America" },
  { "ZA", "South Africa", "" },
};

/* The index in COUNTRIES of CODE's country, or ARRAY_SIZE (countries).  */
static size_t
find_country (const char *code)
{
  size_t i;

  for (i = 0; i < ARRAY_SIZE (countries); i++)
    if (STREQ (countries[i].code, code))
      break;
  return i;
}

const char *
place_country_name (const char *code)
{
  size_t i = find_country (code);

  return i < ARRAY_SIZE (countries) ? countries[i].name : NULL;
}

/* The city in brackets at the end of LOCATION ("Stockholm" in "Europe
   (Stockholm)"): its start, and its length in *LEN; NULL without.  */
static const char *
bracketed (const char *location, size_t *len)
{
  const char *open = strrchr (location, '(');
  size_t n = strlen (location);

  if (open == NULL || n < 2 || location[n - 1] != ')')
    return NULL;
  *len = (size_t) (location + n - 1 - (open + 1));
  return open + 1;
}

/* The letter at *P (before END) in lower case, with the accents of
   Latin-1 letters in UTF-8 dropped ("São Paulo" reads as "sao paulo",
   "Montréal" as "montreal"), and move *P past it.  */
static int
next_letter (const char **p, const char *end)
{
  /* U+00C0 to U+00FF, whose UTF-8 is 0xC3 then 0x80 to 0xBF.  */
  static const char latin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
                               "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  unsigned char c = (unsigned char) **p;

  (*p)++;
  if (c == 0xC3 && *p < end && ((unsigned char) **p & 0xC0) == 0x80)
    return latin1[(unsigned char) *(*p)++ & 0x3F];
  return tolower (c);
}

/* Whether the LEN bytes at PLACE and the N bytes at S are one name, in
   any case, with or without accents.  */
static bool
same_name (const char *place, size_t len, const char *s, size_t n)
{
  const char *pe = place + len, *se = s + n;

  while (place < pe && s < se)
    if (next_letter (&place, pe) != next_letter (&s, se))
      return false;
  return place == pe && s == se;
}

/* Whether PLACE is the LEN bytes at S, as same_name reads them.  */
static bool
same_text (const char *place, const char *s, size_t len)
{
  return same_name (place, strlen (place), s, len);
}

/* Whether PLACE is the string S, as same_name reads them.  */
static bool
same_string (const char *place, const char *s)
{
  return same_text (place, s, strlen (s));
}

/* Whether PLACE is, as same_name reads them, one of the ';'-separated NAMES.
 */
static bool
in_names (const char *place, const char *names)
{
  while (*names != '\0')
    {
      size_t len = strcspn (names, ";");

      if (same_text (place, names, len))
        return true;
      names += len;
      names += *names == ';';
    }
  return false;
}

bool
place_matches (const struct region *region, const char *place)
{
  size_t c = find_country (region->country), len = 0;
  const char *s = bracketed (region->location, &len);

  return same_string (place, region->location)
         || same_string (place, region->country)
         || (s != NULL && same_text (place, s, len))
         || (c < ARRAY_SIZE (countries)
             && (same_string (place, countries[c].name)
                 || in_names (place, countries[c].aliases)));
}

size_t
place_count (const struct catalogue *cat, const char *place)
{
  size_t i, n = 0;

  for (i = 0; i < cat->nregions; i++)
    n += place_matches (&cat->regions[i], place);
  return n;
}

/* Add the LEN bytes at S to the N NAMES unless one is the same in any
   case.  */
static void
add_name (char **names, size_t *n, const char *s, size_t len)
{
  size_t i;

  for (i = 0; i < *n; i++)
    if (same_text (names[i], s, len))
      return;
  names[i] = xmalloc (len + 1);
  memcpy (names[i], s, len);
  names[i][len] = '\0';
  (*n)++;
}

char **
place_names (const struct catalogue *cat, size_t *n)
{
  /* At most a code, a location, a city and every name of the country
     per region.  */
  size_t most = cat->nregions * 3 + 1, i;
  char **names;

  for (i = 0; i < ARRAY_SIZE (countries); i++)
    most += 1 + strlen (countries[i].aliases);
  names = xcalloc (most, sizeof *names);
  *n = 0;
  for (i = 0; i < cat->nregions; i++)
    {
      const struct region *r = &cat->regions[i];
      size_t c = find_country (r->country), len = 0;
      const char *s = bracketed (r->location, &len), *alias;

      add_name (names, n, r->name, strlen (r->name));
      add_name (names, n, r->location, strlen (r->location));
      if (s != NULL)
        add_name (names, n, s, len);
      if (c == ARRAY_SIZE (countries))
        continue;
      add_name (names, n, countries[c].name, strlen (countries[c].name));
      for (alias = countries[c].aliases; *alias != '\0';)
        {
          len = strcspn (alias, ";");
          add_name (names, n, alias, len);
          alias += len;
          alias += *alias == ';';
        }
    }
  return names;
}

void
place_names_free (char **names, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    free (names[i]);
  free (names);
}
