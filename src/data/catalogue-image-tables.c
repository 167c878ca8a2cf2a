/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The tables an image was made from (catalogue-image.h): their hashes,
   checked against an image's header on a thread of its own.  */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/hash.h"
#include "base/xalloc.h"
#include "data/catalogue-image.h"

int
image_hash_table (const char *dir, const char *file, uint64_t *hash,
                  uint64_t *size)
{
  char *path = xpath_join (dir, file);
  int r = hash_file (path, hash, size);
  int err = errno;

  free (path);
  errno = err;
  return r;
}

/* The first table of DIR whose content is not what H says it was made
   from, or NULL.  */
static const char *
changed_table (const char *dir, const char *const *files,
               const struct image_header *h)
{
  size_t i;

  for (i = 0; i < CATALOGUE_NTABLES; i++)
    {
      uint64_t hash, size;

      if (image_hash_table (dir, files[i], &hash, &size) < 0
          || hash != h->table_hash[i] || size != h->table_size[i])
        return files[i];
    }
  return NULL;
}

static void *
tables_run (void *arg)
{
  struct image_tables *c = arg;

  c->changed = changed_table (c->dir, c->files, &c->h);
  return NULL;
}

/* Wait for C's thread, if it is still running.  */
void
image_tables_end (struct image_tables *c)
{
  if (c->started && !c->done)
    {
      pthread_join (c->tid, NULL);
      c->done = true;
    }
}

/* Start checking the tables of DIR against the header of the image
   open on FD, when it has one of this build's layout LAYOUT
   (image_check checks the rest).  */
void
image_tables_start (struct image_tables *c, const char *dir,
                    const char *const *files, int fd, uint64_t layout)
{
  memset (c, 0, sizeof *c);
  c->dir = dir;
  c->files = files;
  if (pread (fd, &c->h, sizeof c->h, 0) == (ssize_t) sizeof c->h
      && memcmp (c->h.magic, IMAGE_MAGIC, 8) == 0
      && c->h.version == IMAGE_VERSION && c->h.layout == layout)
    c->started = pthread_create (&c->tid, NULL, tables_run, c) == 0;
}

/* The first table whose content is not what H says it was made from,
   or NULL: C's answer when it checked against the same header, else
   changed_table's.  */
const char *
image_tables_changed (struct image_tables *c, const struct image_header *h)
{
  image_tables_end (c);
  if (c->done && memcmp (&c->h, h, sizeof *h) == 0)
    return c->changed;
  return changed_table (c->dir, c->files, h);
}
