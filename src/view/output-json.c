/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The json writer: an array of objects, keys in column order.  */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "view/output-private.h"
#include "view/output-writers.h"
#include "view/output.h"
#include "base/system.h"

/* Pretty printing with two-space indents and "key": value; slashes are
   left alone, since "/" needs no escape (RFC 8259).  */
enum
{
  JSON_FLAGS = (JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
                | JSON_C_TO_STRING_NOSLASHESCAPE)
};

/* Doubles strictly between -2^63 and 2^63 fit in an int64_t.  */
static const double int64_bound = 9223372036854775808.0;

/* Return a new json number for VALUE in column COL, or NULL if json-c
   runs out of memory.  Its text is exactly the csv field: an int64 for
   an OUT_INTEGER column, json_object_new_double_s with the csv text
   otherwise (and for whole numbers beyond int64).  */
static struct json_object *
number_value (const struct out_column *col, double value)
{
  char buf[OUT_NUMBER_SIZE];

  if (col->kind == OUT_INTEGER && value > -int64_bound && value < int64_bound)
    return json_object_new_int64 ((int64_t) value);
  out_format_machine (buf, col, value);
  return json_object_new_double_s (value, buf);
}

/* Return a new json value for CELL of column COL, or NULL (json null) if
   the cell is missing.  Set *ERROR when json-c runs out of memory.  */
static struct json_object *
cell_value (const struct out_column *col, const struct out_cell *cell,
            bool *error)
{
  struct json_object *value;

  switch (cell->kind)
    {
    case OUT_CELL_TEXT:
      value = json_object_new_string (cell->text);
      break;
    case OUT_CELL_NUMBER:
      value = number_value (col, cell->number);
      break;
    case OUT_CELL_MISSING:
    default:
      return NULL;
    }
  if (value == NULL)
    *error = true;
  return value;
}

/* Return a new json object for row R of TABLE, or NULL if json-c runs
   out of memory.  */
static struct json_object *
row_object (const struct out_table *table, size_t r)
{
  struct json_object *object = json_object_new_object ();
  struct json_object *value;
  bool error = false;
  size_t c;

  if (object == NULL)
    return NULL;
  for (c = 0; c < table->ncols; c++)
    {
      value = cell_value (&table->cols[c], &table->rows[r][c], &error);
      if (error)
        break;
      if (json_object_object_add (object, table->cols[c].key, value) != 0)
        {
          json_object_put (value);
          error = true;
          break;
        }
    }
  if (error)
    {
      json_object_put (object);
      return NULL;
    }
  return object;
}

/* Write TEXT, a json value printed at the top level, to FP as an
   element of an array: each line after the first indented two more
   spaces, as json-c prints a nested value (a line end in TEXT is always
   one of the printer's: strings hold theirs escaped).  */
static int
write_nested (FILE *fp, const char *text)
{
  const char *nl;

  while ((nl = strchr (text, '\n')) != NULL)
    {
      size_t len = (size_t) (nl - text);

      if (fwrite (text, 1, len, fp) != len || out_puts (fp, "\n  ") != 0)
        return -1;
      text = nl + 1;
    }
  return out_puts (fp, text);
}

/* Write the rows of TABLE to FP as elements of the json array: "[" or
   "," before each, then the row's object.  DONE rows went before.
   Return 0, or -1 with errno set if a write failed (ENOMEM if json-c ran
   out of memory).  */
int
out_json_rows (FILE *fp, const struct out_table *table, size_t done)
{
  struct json_object *object;
  const char *text;
  int status = 0;
  int saved_errno;
  size_t r;

  for (r = 0; status == 0 && r < table->nrows; r++)
    {
      object = row_object (table, r);
      text = object != NULL
               ? json_object_to_json_string_ext (object, JSON_FLAGS)
               : NULL;
      if (text == NULL)
        {
          json_object_put (object);
          errno = ENOMEM;
          return -1;
        }
      status = out_puts (fp, done + r == 0 ? "[\n  " : ",\n  ");
      if (status == 0)
        status = write_nested (fp, text);
      saved_errno = errno;
      json_object_put (object);
      errno = saved_errno;
    }
  return status;
}

/* Write the end of the json array of DONE rows to FP, then a newline:
   "[]" when DONE is 0.  Return 0, or -1 with errno set if a write
   failed.  */
int
out_json_tail (FILE *fp, const struct out_table *table, size_t done)
{
  (void) table; /* Only the number of rows matters.  */

  return out_puts (fp, done == 0 ? "[]\n" : "\n]\n");
}

/* Write TABLE to FP as a json array of objects, one per row, with the
   keys of all columns in column order and missing cells as null, then a
   newline; an empty table is "[]".  Return 0, or -1 with errno set if a
   write failed (ENOMEM if json-c ran out of memory).  */
int
out_write_json (FILE *fp, enum out_layout layout,
                const struct out_table *table)
{
  (void) layout; /* One layout: the format is the layout.  */

  if (out_json_rows (fp, table, 0) != 0)
    return -1;
  return out_json_tail (fp, table, table->nrows);
}
