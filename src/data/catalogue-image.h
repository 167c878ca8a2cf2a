/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The compiled catalogue image (catalogue-image.c reads it,
   catalogue-image-write.c writes it): the loaded struct catalogue's
   rows, fixed-width as in memory, with every pointer replaced by an
   index (1-based, 0 for NULL) into its table or an offset (1-based)
   into one pool of strings, and the lookup indexes likewise.  Private
   to the data layer.  */
#ifndef CA_CATALOGUE_IMAGE_H
#define CA_CATALOGUE_IMAGE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/catalogue.h"
#include "data/catalogue-private.h"

/* Raised on any change to the file's format; the layout of the structs
   is checked by its own fingerprint (image_layout_fingerprint).  */
#define IMAGE_VERSION 1
#define IMAGE_MAGIC "CAIMAGE\n"

/* The image's sections, in file order: the row arrays of struct
   catalogue, the indexes of struct catalogue_private, the strings.  */
enum image_section
{
  IMG_SOURCES,
  IMG_GROUPS,
  IMG_GPUS,
  IMG_INSTANCES,
  IMG_UNSUPPORTED,
  IMG_REGIONS,
  IMG_PRICES,
  IMG_CCF_INSTANCES,
  IMG_CCF_REGIONS,
  IMG_POWER_ERRORS,
  IMG_GRID_ALTERNATIVES,
  IMG_INSTANCES_BY_NAME,
  IMG_REGIONS_BY_NAME,
  IMG_PRICES_BY_PAIR,
  IMG_STRINGS,
  IMG_NSECTIONS
};

/* The file starts with this header, then the sections, each at an
   offset that is a multiple of IMAGE_ALIGN.  */
#define IMAGE_ALIGN 16
struct image_header
{
  char magic[8];
  uint64_t version;
  uint64_t layout;  /* image_layout_fingerprint () of the writer.  */
  uint64_t size;    /* Of the whole file.  */
  uint64_t payload; /* hash_bytes of everything after the header.  */
  /* hash_file of each table it was made from, in load_steps' order
     (catalogue_table_file), and its size.  */
  uint64_t table_hash[CATALOGUE_NTABLES];
  uint64_t table_size[CATALOGUE_NTABLES];
  struct
  {
    uint64_t offset; /* From the start of the file.  */
    uint64_t count;  /* Rows; bytes for IMG_STRINGS.  */
  } sections[IMG_NSECTIONS];
};

/* How a field of a row is stored.  */
enum image_kind
{
  IMAGE_PLAIN,       /* As in memory: a number.  */
  IMAGE_STRING,      /* A pointer to a string: its offset in the pool + 1.  */
  IMAGE_ROW,         /* A pointer to a row of TARGET: its index + 1.  */
  IMAGE_ROW_OR_NULL, /* The same, or 0 for NULL.  */
};

struct image_field
{
  size_t offset, size;
  enum image_kind kind;
  enum image_section target; /* Of IMAGE_ROW and IMAGE_ROW_OR_NULL.  */
  /* For a pointer to the first of several rows: the offset of the
     size_t that counts them (0 when NULL), else IMAGE_ONE.  */
  size_t count;
};
#define IMAGE_ONE ((size_t) -1)

/* One section of rows: their struct's size and fields, and where they
   go: the array and count members of struct catalogue at ROWS and
   COUNT, or (an index) the array of struct catalogue_private at ROWS,
   as many as the rows of section COUNT.  */
struct image_layout
{
  size_t row_size;
  const struct image_field *fields;
  size_t nfields;
  bool is_index;
  size_t rows, count;
};

/* The layouts of the sections but IMG_STRINGS.  */
extern const struct image_layout image_layouts[IMG_STRINGS];

/* A hash of IMAGE_VERSION and of every layout above: an image made by a
   build whose structs differ in any field is refused.  */
uint64_t image_layout_fingerprint (void);

/* The catalogue in the image DIR/CATALOGUE_IMAGE when there is one and
   it is current (FILES: the tables of load_steps in order, by the name
   catalogue_table_file gives, passed in so that the image does not call
   back into catalogue.c); else NULL, with NOTE set to why not unless there is
   no image (NOTE->text then "").  */
struct catalogue *image_load (const char *dir,
                              const char *const files[CATALOGUE_NTABLES],
                              struct diag *note);

/* Set *HASH and *SIZE to the hash and size of the table FILE in DIR.
   Returns 0, or -1 with errno set.  */
int image_hash_table (const char *dir, const char *file, uint64_t *hash,
                      uint64_t *size);

/* The check of the tables against an image's header, on a thread of
   its own: reading and hashing the 9 MB of tables takes about as long
   as mapping and fixing up the image, and neither needs the other.  */
struct image_tables
{
  const char *dir;
  const char *const *files;
  struct image_header h; /* Read from the file before it is mapped.  */
  const char *changed;   /* changed_table's answer, once DONE.  */
  bool started, done;
  pthread_t tid;
};

/* Start checking the tables FILES of DIR into *T against the header of
   the image open on FD, on a thread, when the header is of this build's
   layout, LAYOUT (image_layout_fingerprint).  */
void image_tables_start (struct image_tables *t, const char *dir,
                         const char *const *files, int fd, uint64_t layout);

/* The first table whose content is not what H says it was made from,
   or NULL: T's answer when it checked against the same header, else
   worked out now.  */
const char *image_tables_changed (struct image_tables *t,
                                  const struct image_header *h);

/* Wait for T's thread, if it is still running.  */
void image_tables_end (struct image_tables *t);

/* The file of the table of load step I (catalogue.c).  */
const char *catalogue_table_file (size_t i);

#endif /* CA_CATALOGUE_IMAGE_H */
