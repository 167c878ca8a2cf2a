/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Writing the compiled catalogue image (catalogue-image.h): the rows of
   a catalogue loaded from its tables, each pointer turned into an index
   or a string offset, the strings pooled once each, and the hash of
   every table it was made from.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/outfile.h"
#include "base/strbuf.h"
#include "base/strmap.h"
#include "base/xalloc.h"
#include "data/catalogue-image.h"

/* What the writer needs: the catalogue, its pool of strings with their
   offsets + 1, and where each section's rows are in memory.  */
struct writer
{
  const struct catalogue *cat;
  struct strbuf pool;
  struct strmap *offsets;
  const char *rows[IMG_STRINGS];
  size_t count[IMG_STRINGS];
};

/* The offset + 1 of TEXT in W's pool, added when new.  */
static uintptr_t
pool_offset (struct writer *w, const char *text)
{
  bool added;
  size_t len = strlen (text);
  void **slot = strmap_slot (w->offsets, text, len, &added);

  if (added)
    {
      *slot = (void *) (uintptr_t) (w->pool.len + 1);
      strbuf_append_len (&w->pool, text, len);
      strbuf_append_char (&w->pool, '\0');
    }
  return (uintptr_t) *slot;
}

/* Where the rows of each section are in W's catalogue.  */
static void
find_rows (struct writer *w)
{
  const struct catalogue_private *priv = w->cat->private_data;
  size_t s;

  for (s = 0; s < IMG_STRINGS; s++)
    {
      const struct image_layout *l = &image_layouts[s];
      const char *base
        = l->is_index ? (const char *) priv : (const char *) w->cat;

      memcpy (&w->rows[s], base + l->rows, sizeof w->rows[s]);
      if (!l->is_index)
        memcpy (&w->count[s], (const char *) w->cat + l->count,
                sizeof w->count[s]);
    }
  for (s = 0; s < IMG_STRINGS; s++)
    if (image_layouts[s].is_index)
      w->count[s] = w->rows[s] != NULL ? w->count[image_layouts[s].count] : 0;
}

/* Store in place the field F of ROW, a copy of a row of W's catalogue,
   as the image does; -1 with D set for a pointer into no table.  */
static int
encode_field (struct writer *w, char *row, const struct image_field *f,
              struct diag *d)
{
  const char *p;
  uintptr_t x = 0;

  memcpy (&p, row + f->offset, sizeof p);
  if (f->kind == IMAGE_STRING)
    {
      if (p == NULL)
        return diag_set (d, CA_EXIT_FAILURE,
                         "catalogue image: a string is missing");
      x = pool_offset (w, p);
    }
  else if (p != NULL)
    {
      const struct image_layout *t = &image_layouts[f->target];
      const char *first = w->rows[f->target];
      size_t i = (size_t) (p - first) / t->row_size;

      if (first == NULL || p < first || i >= w->count[f->target]
          || first + i * t->row_size != p)
        return diag_set (d, CA_EXIT_FAILURE,
                         "catalogue image: a pointer out of its table");
      x = i + 1;
    }
  memcpy (row + f->offset, &x, sizeof x);
  return 0;
}

/* Copy the rows of section S to OUT, encoded.  */
static int
encode_section (struct writer *w, size_t s, char *out, struct diag *d)
{
  const struct image_layout *l = &image_layouts[s];
  size_t i, j;

  if (w->count[s] == 0)
    return 0;
  memcpy (out, w->rows[s], w->count[s] * l->row_size);
  for (i = 0; i < w->count[s]; i++)
    for (j = 0; j < l->nfields; j++)
      if (l->fields[j].kind != IMAGE_PLAIN
          && encode_field (w, out + i * l->row_size, &l->fields[j], d) < 0)
        return -1;
  return 0;
}

static uint64_t
align_up (uint64_t n)
{
  return (n + IMAGE_ALIGN - 1) / IMAGE_ALIGN * IMAGE_ALIGN;
}

/* Set H's hash and size of each table of DIR.  */
static int
hash_tables (const char *dir, struct image_header *h, struct diag *d)
{
  size_t i;

  for (i = 0; i < CATALOGUE_NTABLES; i++)
    {
      const char *file = catalogue_table_file (i);

      if (image_hash_table (dir, file, &h->table_hash[i], &h->table_size[i])
          < 0)
        return diag_set (d, CA_EXIT_NOINPUT, "%s/%s: %s", dir, file,
                         strerror (errno));
    }
  return 0;
}

/* The image of W's catalogue, *SIZE bytes long, or NULL with D set.  */
static char *
encode (struct writer *w, uint64_t *size, struct diag *d)
{
  struct image_header h;
  uint64_t off = align_up (sizeof h);
  char *buf;
  size_t s;

  memset (&h, 0, sizeof h);
  if (hash_tables (w->cat->dir, &h, d) < 0)
    return NULL;
  find_rows (w);
  for (s = 0; s < IMG_STRINGS; s++)
    {
      h.sections[s].offset = off;
      h.sections[s].count = w->count[s];
      off = align_up (off + w->count[s] * image_layouts[s].row_size);
    }
  buf = xcalloc (1, off);
  for (s = 0; s < IMG_STRINGS; s++)
    if (encode_section (w, s, buf + h.sections[s].offset, d) < 0)
      {
        free (buf);
        return NULL;
      }
  h.sections[IMG_STRINGS].offset = off;
  h.sections[IMG_STRINGS].count = w->pool.len;
  *size = off + w->pool.len;
  buf = xreallocarray (buf, 1, (size_t) *size);
  memcpy (buf + off, w->pool.text, w->pool.len);
  memcpy (h.magic, IMAGE_MAGIC, sizeof h.magic);
  h.version = IMAGE_VERSION;
  h.layout = image_layout_fingerprint ();
  h.size = *size;
  h.payload = hash_bytes (buf + sizeof h, *size - sizeof h);
  memcpy (buf, &h, sizeof h);
  return buf;
}

int
catalogue_compile (const struct catalogue *cat, const char *path,
                   struct diag *d)
{
  struct writer w;
  struct outfile of;
  uint64_t size = 0;
  char *buf;
  bool ok;

  memset (&w, 0, sizeof w);
  w.cat = cat;
  strbuf_init (&w.pool);
  w.offsets = strmap_new ();
  /* Never empty, so that its last byte is a NUL.  */
  pool_offset (&w, "");
  buf = encode (&w, &size, d);
  strmap_free (w.offsets, NULL);
  strbuf_release (&w.pool);
  if (buf == NULL)
    return -1;
  if (outfile_open (path, &of, d) < 0)
    {
      free (buf);
      return -1;
    }
  ok = fwrite (buf, 1, (size_t) size, of.fp) == size;
  free (buf);
  return outfile_close (&of, path, ok, d);
}
