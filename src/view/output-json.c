/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The json writer: an array of objects, keys in column order.  */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>

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

/* Build the json array of TABLE's rows.  Return it, or NULL if json-c
   runs out of memory.  */
static struct json_object *
table_array (const struct out_table *table)
{
  struct json_object *array = json_object_new_array ();
  struct json_object *object;
  size_t r;

  if (array == NULL)
    return NULL;
  for (r = 0; r < table->nrows; r++)
    {
      object = row_object (table, r);
      if (object == NULL)
        {
          json_object_put (array);
          return NULL;
        }
      if (json_object_array_add (array, object) != 0)
        {
          json_object_put (object);
          json_object_put (array);
          return NULL;
        }
    }
  return array;
}

/* Write TABLE to FP as a json array of objects, one per row, with the
   keys of all columns in column order and missing cells as null, then a
   newline; an empty table is "[]".  Return 0, or -1 with errno set if a
   write failed (ENOMEM if json-c ran out of memory).  */
int
out_write_json (FILE *fp, enum out_layout layout,
                const struct out_table *table)
{
  struct json_object *array;
  const char *text;
  int status;
  int saved_errno;

  (void) layout; /* One layout: the format is the layout.  */

  if (table->nrows == 0)
    return out_puts (fp, "[]\n");

  array = table_array (table);
  if (array == NULL)
    {
      errno = ENOMEM;
      return -1;
    }
  text = json_object_to_json_string_ext (array, JSON_FLAGS);
  if (text == NULL)
    {
      json_object_put (array);
      errno = ENOMEM;
      return -1;
    }
  status = out_puts (fp, text);
  if (status == 0)
    status = out_puts (fp, "\n");
  saved_errno = errno;
  json_object_put (array);
  errno = saved_errno;
  return status;
}
