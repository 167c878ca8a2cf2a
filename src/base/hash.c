/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* 64-bit content hashes: libxxhash's XXH3, in the version for the CPU's
   widest vectors where the library has one (x86), so that hashing the
   10 MB of the data tables costs a few million instructions.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define XXH_STATIC_LINKING_ONLY /* XXH3_state_t on the stack.  */
#include <xxhash.h>
#ifdef HAVE_XXH3_64BITS_DISPATCH
#include <xxh_x86dispatch.h> /* XXH3_64bits* become the dispatchers.  */
#endif

#include "base/hash.h"
#include "base/xalloc.h"

uint64_t
hash_bytes (const void *p, size_t n)
{
  XXH3_state_t h; /* Aligned as it needs: not on the heap.  */

  /* Through the streaming functions, which give the same hash: the
     one-call XXH3_64bits of libxxhash's dispatcher leaves the upper
     halves of the AVX-512 registers in use, and the SSE code after it
     (the number formatting, memcpy) then ran 40 % slower, the whole of
     an advise --all run.  */
  XXH3_INITSTATE (&h);
  XXH3_64bits_reset (&h);
  XXH3_64bits_update (&h, p, n);
  return XXH3_64bits_digest (&h);
}

int
hash_file (const char *path, uint64_t *hash, uint64_t *size)
{
  enum
  {
    BLOCK = 1 << 16
  };
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  XXH3_state_t h; /* Aligned as it needs: not on the heap.  */
  char *buf;
  ssize_t n;
  int err;

  if (fd < 0)
    return -1;
  XXH3_INITSTATE (&h);
  XXH3_64bits_reset (&h);
  buf = xmalloc (BLOCK);
  *size = 0;
  while ((n = read (fd, buf, BLOCK)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      XXH3_64bits_update (&h, buf, (size_t) n);
      *size += (uint64_t) n;
    }
  err = errno;
  *hash = XXH3_64bits_digest (&h);
  free (buf);
  close (fd);
  if (n < 0)
    {
      errno = err;
      return -1;
    }
  return 0;
}
