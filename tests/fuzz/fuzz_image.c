/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Fuzz target: the catalogue image reader (catalogue-image.c).  The
   image of the small fixture catalogue tests/cli/fixtures/tiny
   (FUZZ_TINY_DIR), compiled once, is changed by the input: its first 4
   bytes an offset into the image, the rest XORed onto it from there.
   The hashes (of the image and of the tables) are then put right, so
   that the input reaches the section table and every index and offset
   behind them, as only a deliberately made image could.  The image must
   be read, or passed over with a one-line note for the tables; then
   every row, string and lookup of the catalogue is walked.  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/hash.h"
#include "base/system.h"
#include "data/catalogue-image.h"
#include "fuzz.h"

static uint8_t *image;
static size_t image_size;

/* Link the fixture's tables into DIR and compile their image.  */
static void
setup (const char *dir)
{
  char from[4200], to[4200];
  struct diag d = { 0, "" };
  struct catalogue *cat;
  FILE *fp;
  size_t i;

  for (i = 0; i < CATALOGUE_NTABLES; i++)
    {
      snprintf (from, sizeof from, "%s/%s", FUZZ_TINY_DIR,
                catalogue_table_file (i));
      snprintf (to, sizeof to, "%s/%s", dir, catalogue_table_file (i));
      if (symlink (from, to) != 0)
        abort ();
    }
  cat = catalogue_open (dir, CATALOGUE_PARTS_ALL | CATALOGUE_TABLES_ONLY, NULL,
                        &d);
  snprintf (to, sizeof to, "%s/%s", dir, CATALOGUE_IMAGE);
  if (cat == NULL || catalogue_compile (cat, to, &d) < 0)
    abort ();
  catalogue_free (cat);
  fp = fopen (to, "rb");
  if (fp == NULL || fseek (fp, 0, SEEK_END) != 0)
    abort ();
  image_size = (size_t) ftell (fp);
  rewind (fp);
  image = malloc (image_size);
  if (image == NULL || fread (image, 1, image_size, fp) != image_size)
    abort ();
  fclose (fp);
}

/* Read every row, string and link of CAT.  */
static size_t
walk (const struct catalogue *cat)
{
  size_t i, j, n = 0;

  for (i = 0; i < cat->ninstances; i++)
    {
      const struct instance *in = &cat->instances[i];

      n += strlen (in->name) + strlen (in->provider) + strlen (in->gpu_model);
      n += catalogue_find_instance (cat, in->name) != NULL;
      if (in->ccf != NULL)
        n += strlen (in->ccf->microarchitecture);
      if (in->gpu != NULL)
        n += strlen (in->gpu->model);
    }
  for (i = 0; i < cat->nregions; i++)
    {
      const struct region *g = &cat->regions[i];
      const struct grid_alternative *a;

      n += strlen (g->name) + strlen (g->groups);
      n += catalogue_find_region (cat, g->name) != NULL;
      for (j = catalogue_grid_alternatives (cat, g, &a); j > 0; j--, a++)
        n += strlen (a->source) + strlen (a->region->name);
    }
  for (i = 0; i < cat->nprices; i++)
    n += strlen (cat->prices[i].date)
         + (catalogue_find_price (cat, cat->prices[i].instance,
                                  cat->prices[i].region)
            != NULL);
  for (i = 0; i < cat->nsources; i++)
    n += strlen (cat->sources[i].notes);
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *dir = fuzz_dir ();
  struct diag d = { 0, "" }, note = { 0, "" };
  struct image_header h;
  struct catalogue *cat;
  char path[4200];
  uint8_t *buf;
  size_t at, i;

  if (image == NULL)
    setup (dir);
  if (size < 4)
    return 0;
  buf = malloc (image_size);
  if (buf == NULL)
    abort ();
  memcpy (buf, image, image_size);
  at = ((size_t) data[0] | (size_t) data[1] << 8 | (size_t) data[2] << 16
        | (size_t) data[3] << 24)
       % image_size;
  for (i = 4; i < size && at < image_size; i++, at++)
    buf[at] ^= data[i];
  /* The hashes right again, over what the input made of the rest.  */
  memcpy (&h, buf, sizeof h);
  memcpy (h.magic, IMAGE_MAGIC, sizeof h.magic);
  h.version = IMAGE_VERSION;
  h.layout = image_layout_fingerprint ();
  h.size = image_size;
  for (i = 0; i < CATALOGUE_NTABLES; i++)
    if (image_hash_table (dir, catalogue_table_file (i), &h.table_hash[i],
                          &h.table_size[i])
        < 0)
      abort ();
  h.payload = hash_bytes (buf + sizeof h, image_size - sizeof h);
  memcpy (buf, &h, sizeof h);
  snprintf (path, sizeof path, "%s/%s", dir, CATALOGUE_IMAGE);
  fuzz_write (path, buf, image_size);
  free (buf);
  cat = catalogue_open (dir, CATALOGUE_PARTS_ALL, &note, &d);
  /* The tables are sound: the catalogue is always had.  */
  if (cat == NULL || strchr (note.text, '\n') != NULL)
    abort ();
  if (walk (cat) == (size_t) -1)
    abort ();
  catalogue_free (cat);
  return 0;
}
