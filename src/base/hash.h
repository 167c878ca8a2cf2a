/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* 64-bit content hashes (XXH3, libxxhash): whether a file is still the
   one the catalogue image was made from, and whether the image is
   whole.  Base layer.  */
#ifndef CA_HASH_H
#define CA_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The hash of the N bytes at P.  */
uint64_t hash_bytes (const void *p, size_t n);

/* Set *HASH to the hash of the file at PATH and *SIZE to its size (*HASH is
   hash_bytes of its content), read in blocks (no copy of the whole file in
   memory).  Returns 0, or -1 with errno set.  */
int hash_file (const char *path, uint64_t *hash, uint64_t *size);

#endif /* CA_HASH_H */
