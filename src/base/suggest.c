/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* "Did you mean ...?": the known names closest to a mistyped one.  */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "base/xalloc.h"

static size_t
min3 (size_t a, size_t b, size_t c)
{
  size_t m = a < b ? a : b;

  return m < c ? m : c;
}

size_t
suggest_distance (const char *a, const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  size_t *prev2, *prev, *cur, *tmp;
  size_t i, j, result;

  /* Three rows of the optimal-string-alignment table.  */
  prev2 = xcalloc (lb + 1, sizeof *prev2);
  prev = xcalloc (lb + 1, sizeof *prev);
  cur = xcalloc (lb + 1, sizeof *cur);
  for (j = 0; j <= lb; j++)
    prev[j] = j;
  for (i = 1; i <= la; i++)
    {
      int ca = tolower ((unsigned char) a[i - 1]);

      cur[0] = i;
      for (j = 1; j <= lb; j++)
        {
          int cb = tolower ((unsigned char) b[j - 1]);
          size_t cost = ca == cb ? 0 : 1;

          cur[j] = min3 (prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
          if (i > 1 && j > 1 && ca == tolower ((unsigned char) b[j - 2])
              && tolower ((unsigned char) a[i - 2]) == cb
              && prev2[j - 2] + 1 < cur[j])
            cur[j] = prev2[j - 2] + 1;
        }
      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }
  result = prev[lb];
  free (prev2);
  free (prev);
  free (cur);
  return result;
}

size_t
suggest_closest (const char *word, const char *const *names, size_t n,
                 const char **best, size_t max)
{
  size_t limit = strlen (word) / 3;
  size_t *dist;
  size_t found = 0;
  size_t i, k;

  if (limit < 2)
    limit = 2;
  if (max == 0)
    return 0;
  dist = xcalloc (max, sizeof *dist);
  for (i = 0; i < n; i++)
    {
      size_t dd = suggest_distance (word, names[i]);

      if (dd > limit)
        continue;
      /* Insert after every name at least as close: stable, so ties keep
         the order of NAMES.  */
      for (k = found; k > 0 && dist[k - 1] > dd; k--)
        if (k < max)
          {
            dist[k] = dist[k - 1];
            best[k] = best[k - 1];
          }
      if (k < max)
        {
          dist[k] = dd;
          best[k] = names[i];
          if (found < max)
            found++;
        }
    }
  free (dist);
  return found;
}
