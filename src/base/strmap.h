/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A map from strings to pointers: the memo of names looked up in the
   catalogue, the keys of a summary.  Base layer.  */
#ifndef CA_STRMAP_H
#define CA_STRMAP_H

#include <stddef.h>

#include "base/system.h"

struct strmap;

struct strmap *strmap_new (void);

/* Free MAP, calling FREE_VALUE (when not NULL) on every value.  */
void strmap_free (struct strmap *map, void (*free_value) (void *));

/* The slot of the LEN bytes of KEY (which may hold any byte), added
   with a NULL value when missing (*ADDED then true).  The slot lasts
   until the next addition.  */
void **strmap_slot (struct strmap *map, const char *key, size_t len,
                    bool *added);

size_t strmap_count (const struct strmap *map);

/* One entry, for walking the map.  */
struct strmap_entry
{
  const char *key; /* NUL-terminated, LEN bytes before.  */
  size_t len;
  void *value;
};

/* A new array of the map's entries sorted by key (bytewise, shorter
   first on a tie), so that output never depends on hashing.  */
struct strmap_entry *strmap_sorted (const struct strmap *map);

#endif /* CA_STRMAP_H */
