/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A map from strings to pointers: open addressing, linear probing,
   FNV-1a hashes.  */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strmap.h"
#include "base/xalloc.h"

struct slot
{
  char *key; /* NULL when empty.  */
  size_t len;
  uint64_t hash;
  void *value;
};

struct strmap
{
  struct slot *slots;
  size_t cap; /* A power of two.  */
  size_t count;
};

static uint64_t
hash (const char *key, size_t len)
{
  uint64_t h = 14695981039346656037ULL;
  size_t i;

  for (i = 0; i < len; i++)
    h = (h ^ (unsigned char) key[i]) * 1099511628211ULL;
  return h;
}

struct strmap *
strmap_new (void)
{
  struct strmap *map = xcalloc (1, sizeof *map);

  map->cap = 64;
  map->slots = xcalloc (map->cap, sizeof *map->slots);
  return map;
}

void
strmap_free (struct strmap *map, void (*free_value) (void *))
{
  size_t i;

  if (map == NULL)
    return;
  for (i = 0; i < map->cap; i++)
    if (map->slots[i].key != NULL)
      {
        if (free_value != NULL)
          free_value (map->slots[i].value);
        free (map->slots[i].key);
      }
  free (map->slots);
  free (map);
}

/* Double the table.  */
static void
grow (struct strmap *map)
{
  struct slot *old = map->slots;
  size_t i, oldcap = map->cap;

  map->cap *= 2;
  map->slots = xcalloc (map->cap, sizeof *map->slots);
  for (i = 0; i < oldcap; i++)
    if (old[i].key != NULL)
      {
        size_t j = old[i].hash & (map->cap - 1);

        while (map->slots[j].key != NULL)
          j = (j + 1) & (map->cap - 1);
        map->slots[j] = old[i];
      }
  free (old);
}

void **
strmap_slot (struct strmap *map, const char *key, size_t len, bool *added)
{
  uint64_t h = hash (key, len);
  size_t j;

  *added = false;
  for (j = h & (map->cap - 1); map->slots[j].key != NULL;
       j = (j + 1) & (map->cap - 1))
    if (map->slots[j].hash == h && map->slots[j].len == len
        && memcmp (map->slots[j].key, key, len) == 0)
      return &map->slots[j].value;
  if (2 * (map->count + 1) > map->cap)
    {
      grow (map);
      return strmap_slot (map, key, len, added);
    }
  map->slots[j].key = xmalloc (len + 1);
  memcpy (map->slots[j].key, key, len);
  map->slots[j].key[len] = '\0';
  map->slots[j].len = len;
  map->slots[j].hash = h;
  map->slots[j].value = NULL;
  map->count++;
  *added = true;
  return &map->slots[j].value;
}

size_t
strmap_count (const struct strmap *map)
{
  return map->count;
}

static int
compare_entries (const void *a, const void *b)
{
  const struct strmap_entry *x = a, *y = b;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp (x->key, y->key, n);

  if (c != 0)
    return c;
  return (x->len > y->len) - (x->len < y->len);
}

struct strmap_entry *
strmap_sorted (const struct strmap *map)
{
  struct strmap_entry *e = xcalloc (map->count + 1, sizeof *e);
  size_t i, n = 0;

  for (i = 0; i < map->cap; i++)
    if (map->slots[i].key != NULL)
      {
        e[n].key = map->slots[i].key;
        e[n].len = map->slots[i].len;
        e[n].value = map->slots[i].value;
        n++;
      }
  qsort (e, n, sizeof *e, compare_entries);
  return e;
}
