/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the compiled catalogue image (catalogue-image.c): its
   layouts cover every member of every struct, a catalogue read from it
   is the one read from the tables, field by field, and an image that
   points out of bounds is refused even when its hash is right.  */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalogue-fixture.h"
#include "base/hash.h"
#include "data/catalogue-image.h"

static char image[sizeof dir + 32];

static void
setup_image (void)
{
  setup_dir ();
  file_path (CATALOGUE_IMAGE, image, sizeof image);
}

static void
teardown_image (void)
{
  unlink (image);
  teardown_dir ();
}

/* Write DIR's image, loaded from its tables.  */
static void
compile (void)
{
  struct diag d = { 0, "" };
  struct catalogue *cat = catalogue_open (
    dir, CATALOGUE_PARTS_ALL | CATALOGUE_TABLES_ONLY, NULL, &d);

  ck_assert_msg (cat != NULL, "%s", d.text);
  ck_assert_int_eq (catalogue_compile (cat, image, &d), 0);
  catalogue_free (cat);
}

/* Open DIR, expecting the note "DIR/catalogue.image SUFFIX" (or none
   for ""), and whether the catalogue came from the image.  */
static struct catalogue *
open_noted (const char *suffix, bool from_image)
{
  struct diag d = { 0, "" }, note = { 0, "" };
  struct catalogue *cat = catalogue_open (dir, CATALOGUE_PARTS_ALL, &note, &d);
  char expected[sizeof image + 256] = "";
  const struct catalogue_private *priv;

  ck_assert_msg (cat != NULL, "%s", d.text);
  if (suffix[0] != '\0')
    snprintf (expected, sizeof expected,
              "%s %s; reading the tables instead; 'carbon-advisor compile' "
              "rebuilds it",
              image, suffix);
  ck_assert_str_eq (note.text, expected);
  priv = cat->private_data;
  ck_assert_int_eq (priv->image != NULL, from_image);
  return cat;
}

/* Every member of each struct is a field of its layout: in order, none
   overlapping, no gap a member could hide in, up to the struct's end.  */
START_TEST (test_layouts_cover)
{
  size_t s, j;

  for (s = 0; s < IMG_STRINGS; s++)
    {
      const struct image_layout *l = &image_layouts[s];
      size_t end = 0;

      for (j = 0; j < l->nfields; j++)
        {
          const struct image_field *f = &l->fields[j];

          ck_assert_uint_ge (f->offset, end);
          ck_assert_msg (f->offset - end < sizeof (void *),
                         "section %zu: a member before field %zu is not "
                         "in its layout",
                         s, j);
          if (f->kind != IMAGE_PLAIN)
            ck_assert_uint_eq (f->size, sizeof (void *));
          end = f->offset + f->size;
        }
      ck_assert_uint_le (end, l->row_size);
      ck_assert_msg (l->row_size - end < sizeof (void *),
                     "section %zu: its last member is not in its layout", s);
    }
}
END_TEST

/* Whether field F of rows A and B (of catalogues CA and CB) agree: the
   same number, the same text, or the row of the same index.  */
static void
check_field (const struct image_field *f, const char *a, const char *b,
             const struct catalogue *ca, const struct catalogue *cb)
{
  const char *pa, *pb;

  if (f->kind == IMAGE_PLAIN)
    {
      ck_assert_int_eq (memcmp (a + f->offset, b + f->offset, f->size), 0);
      return;
    }
  memcpy (&pa, a + f->offset, sizeof pa);
  memcpy (&pb, b + f->offset, sizeof pb);
  if (f->kind == IMAGE_STRING)
    ck_assert_str_eq (pa, pb);
  else if (pa == NULL || pb == NULL)
    ck_assert_ptr_eq (pa, pb);
  else
    {
      const struct image_layout *t = &image_layouts[f->target];
      const char *ba, *bb;

      memcpy (&ba, (const char *) ca + t->rows, sizeof ba);
      memcpy (&bb, (const char *) cb + t->rows, sizeof bb);
      ck_assert_uint_eq ((size_t) (pa - ba), (size_t) (pb - bb));
    }
}

START_TEST (test_same_as_tables)
{
  struct diag d = { 0, "" };
  struct catalogue *tables, *img;
  size_t s, i, j;

  compile ();
  img = open_noted ("", true);
  tables = catalogue_open (dir, CATALOGUE_PARTS_ALL | CATALOGUE_TABLES_ONLY,
                           NULL, &d);
  ck_assert_ptr_nonnull (tables);
  ck_assert_str_eq (img->dir, tables->dir);
  for (s = 0; s < IMG_STRINGS; s++)
    {
      const struct image_layout *l = &image_layouts[s];
      const char *ra, *rb;
      size_t na, nb;

      if (l->is_index)
        continue;
      memcpy (&ra, (const char *) img + l->rows, sizeof ra);
      memcpy (&rb, (const char *) tables + l->rows, sizeof rb);
      memcpy (&na, (const char *) img + l->count, sizeof na);
      memcpy (&nb, (const char *) tables + l->count, sizeof nb);
      ck_assert_uint_eq (na, nb);
      for (i = 0; i < na; i++)
        for (j = 0; j < l->nfields; j++)
          check_field (&l->fields[j], ra + i * l->row_size,
                       rb + i * l->row_size, img, tables);
    }
  /* The stored indexes answer the lookups.  */
  for (i = 0; i < img->ninstances; i++)
    ck_assert_ptr_eq (catalogue_find_instance (img, img->instances[i].name),
                      &img->instances[i]);
  for (i = 0; i < img->nregions; i++)
    ck_assert_ptr_eq (catalogue_find_region (img, img->regions[i].name),
                      &img->regions[i]);
  for (i = 0; i < img->nprices; i++)
    ck_assert_ptr_eq (catalogue_find_price (img, img->prices[i].instance,
                                            img->prices[i].region),
                      &img->prices[i]);
  catalogue_free (tables);
  catalogue_free (img);
}
END_TEST

START_TEST (test_stale)
{
  struct catalogue *cat;

  compile ();
  mutate (CATALOGUE_POWER_ERROR, "0.1,0.2,0.3", "0.1,0.2,0.4");
  cat = open_noted ("is out of date (power_error.csv changed)", false);
  catalogue_free (cat);
  compile ();
  cat = open_noted ("", true);
  catalogue_free (cat);
}
END_TEST

/* The image's bytes, to be changed and written back.  */
static char *
read_image (size_t *size)
{
  FILE *fp = fopen (image, "rb");
  char *buf;

  ck_assert_ptr_nonnull (fp);
  ck_assert_int_eq (fseek (fp, 0, SEEK_END), 0);
  *size = (size_t) ftell (fp);
  rewind (fp);
  buf = malloc (*size);
  ck_assert_ptr_nonnull (buf);
  ck_assert_uint_eq (fread (buf, 1, *size, fp), *size);
  fclose (fp);
  return buf;
}

/* Set the stored field at OFFSET of row ROW of section S to X, put the
   hash of the whole right again, and expect the image refused as damaged
   (taken when OK).  */
static void
check_stored (enum image_section s, size_t row, size_t offset, uintptr_t x,
              bool ok)
{
  struct image_header h;
  struct catalogue *cat;
  size_t size;
  char *buf;
  FILE *fp;

  compile ();
  buf = read_image (&size);
  memcpy (&h, buf, sizeof h);
  ck_assert_uint_lt (row, h.sections[s].count);
  memcpy (buf + h.sections[s].offset + row * image_layouts[s].row_size
            + offset,
          &x, sizeof x);
  h.payload = hash_bytes (buf + sizeof h, size - sizeof h);
  memcpy (buf, &h, sizeof h);
  fp = fopen (image, "wb");
  ck_assert_ptr_nonnull (fp);
  ck_assert_uint_eq (fwrite (buf, 1, size, fp), size);
  ck_assert_int_eq (fclose (fp), 0);
  free (buf);
  cat = open_noted (ok ? "" : "is damaged", ok);
  catalogue_free (cat);
}

static void
check_out_of_bounds (enum image_section s, size_t row, size_t offset,
                     uintptr_t x)
{
  check_stored (s, row, offset, x, false);
}

START_TEST (test_bounds)
{
  /* The check itself: an index in bounds is taken.  */
  check_stored (IMG_PRICES, 0, offsetof (struct price, instance), 3, true);
  /* A price's instance type past the last, and none at all.  */
  check_out_of_bounds (IMG_PRICES, 0, offsetof (struct price, instance), 4);
  check_out_of_bounds (IMG_PRICES, 0, offsetof (struct price, instance), 0);
  /* A string past the pool.  */
  check_out_of_bounds (IMG_INSTANCES, 1, offsetof (struct instance, name),
                       UINTPTR_MAX / 2);
  /* An index entry past its table.  */
  check_out_of_bounds (IMG_PRICES_BY_PAIR, 2, 0, 1000);
  /* A region's grid alternatives running past their table.  */
  check_out_of_bounds (IMG_REGIONS, 0,
                       offsetof (struct region, ngrid_alternatives), 1000);
}
END_TEST

START_TEST (test_compile_unwritable)
{
  struct diag d = { 0, "" };
  struct catalogue *cat = load_ok ();
  char path[sizeof dir + 32], expected[sizeof path + 64];

  snprintf (path, sizeof path, "%s/no/such", dir);
  snprintf (expected, sizeof expected, "%s: No such file or directory", path);
  ck_assert_int_eq (catalogue_compile (cat, path, &d), -1);
  ck_assert_int_eq (d.status, CA_EXIT_FAILURE);
  ck_assert_str_eq (d.text, expected);
  catalogue_free (cat);
}
END_TEST

static Suite *
image_suite (void)
{
  Suite *s = suite_create ("image");
  TCase *tc;

  tc = tcase_create ("layout");
  tcase_add_test (tc, test_layouts_cover);
  suite_add_tcase (s, tc);

  tc = tcase_create ("load");
  tcase_add_checked_fixture (tc, setup_image, teardown_image);
  tcase_add_test (tc, test_same_as_tables);
  tcase_add_test (tc, test_stale);
  tcase_add_test (tc, test_bounds);
  tcase_add_test (tc, test_compile_unwritable);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN (image_suite)
