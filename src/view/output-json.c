/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The json writer: an array of objects, keys in column order.  */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "base/strbuf.h"
#include "view/output-private.h"
#include "view/output-writers.h"
#include "view/output.h"
#include "base/system.h"
#include "base/xalloc.h"

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
  for (c = 0; c < out_picked_count (table); c++)
    {
      size_t k = out_picked (table, c);

      value = cell_value (&table->cols[k], &table->rows[r][k], &error);
      if (error)
        break;
      if (json_object_object_add (object, table->cols[k].key, value) != 0)
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

/* The direct writer: the same text as json-c's JSON_FLAGS printing of
   the rows' objects, built in one buffer handed to stdio in blocks of about
   this many bytes, without a json-c object a cell (json-c costs about
   a hundred thousand instructions a row of advise --all).  */
enum
{
  JSON_BLOCK = 1 << 16
};

/* Append TEXT to B as a json string, escaped as json-c escapes with
   JSON_FLAGS: \b \t \n \f \r \" \\ by name, other bytes below 0x20 as
   \u00xx in lower case, the rest ("/", UTF-8) as they are.  */
static void
append_string (struct strbuf *b, const char *text)
{
  static const char hex[] = "0123456789abcdef";
  static bool plain[256], plain_ready;
  const unsigned char *p = (const unsigned char *) text;
  size_t run;
  char *q;

  if (!plain_ready)
    {
      /* Bytes written as they are: all but the NUL that ends TEXT,
         other control characters, '"' and '\\'.  */
      for (int c = 0x20; c < 256; c++)
        plain[c] = c != '"' && c != '\\';
      plain_ready = true;
    }
  *strbuf_reserve (b, 1) = '"';
  strbuf_added (b, 1);
  for (;;)
    {
      for (run = 0; plain[p[run]]; run++)
        continue;
      memcpy (strbuf_reserve (b, run), p, run);
      strbuf_added (b, run);
      p += run;
      if (*p == '\0')
        break;
      q = strbuf_reserve (b, 6);
      q[0] = '\\';
      switch (*p)
        {
        case '\b':
          q[1] = 'b';
          break;
        case '\t':
          q[1] = 't';
          break;
        case '\n':
          q[1] = 'n';
          break;
        case '\f':
          q[1] = 'f';
          break;
        case '\r':
          q[1] = 'r';
          break;
        case '"':
          q[1] = '"';
          break;
        case '\\':
          q[1] = '\\';
          break;
        default:
          memcpy (q + 1, "u00", 3);
          q[4] = hex[*p >> 4];
          q[5] = hex[*p & 0xf];
          strbuf_added (b, 6);
          p++;
          continue;
        }
      strbuf_added (b, 2);
      p++;
    }
  *strbuf_reserve (b, 1) = '"';
  strbuf_added (b, 1);
}

/* True if two columns of TABLE share a key: json-c keeps one of them,
   and the direct writer leaves such tables to it.  */
static bool
duplicate_keys (const struct out_table *table)
{
  size_t n = out_picked_count (table);

  for (size_t c = 0; c < n; c++)
    for (size_t d = c + 1; d < n; d++)
      if (STREQ (table->cols[out_picked (table, c)].key,
                 table->cols[out_picked (table, d)].key))
        return true;
  return false;
}

/* append_row copies a key's prefix in one move of this many bytes when
   it is no longer, a cheaper copy than one of its exact length; the
   bytes past the prefix are overwritten by the value.  */
enum
{
  KEY_COPY = 48
};

/* The text before each value of a row, the same for every row: for the
   C-th column written, column COL[C] of the table, (",\n" but for the
   first) "    \"key\": ", LEN[C] bytes at TEXT + AT[C].  */
struct key_prefixes
{
  struct strbuf text;
  size_t *at;
  size_t *len;
  size_t *col;
};

static void
key_prefixes_init (struct key_prefixes *kp, const struct out_table *table)
{
  size_t n = out_picked_count (table);

  strbuf_init (&kp->text);
  kp->at = xcalloc (n + 1, sizeof *kp->at);
  kp->col = xcalloc (n + 1, sizeof *kp->col);
  for (size_t c = 0; c < n; c++)
    {
      kp->at[c] = kp->text.len;
      kp->col[c] = out_picked (table, c);
      strbuf_append (&kp->text, c > 0 ? ",\n    " : "    ");
      append_string (&kp->text, table->cols[kp->col[c]].key);
      strbuf_append_len (&kp->text, ": ", 2);
    }
  kp->at[n] = kp->text.len;
  kp->len = xcalloc (n + 1, sizeof *kp->len);
  for (size_t c = 0; c < n; c++)
    kp->len[c] = kp->at[c + 1] - kp->at[c];
  /* Zeros after the last prefix, for append_row's fixed-size copies.  */
  memset (strbuf_reserve (&kp->text, KEY_COPY), 0, KEY_COPY);
}

static void
key_prefixes_free (struct key_prefixes *kp)
{
  strbuf_release (&kp->text);
  free (kp->at);
  free (kp->len);
  free (kp->col);
}

/* Write CELL of column COL at P, which has room for OUT_NUMBER_SIZE
   bytes, as cell_value and json-c write it, and return the end of what
   was written.  A text must be short enough and need no escapes
   (direct_text).  */
static char *
put_value (char *p, const struct out_column *col, const struct out_cell *cell)
{
  switch (cell->kind)
    {
    case OUT_CELL_TEXT:
      *p++ = '"';
      memcpy (p, cell->text, cell->len);
      p += cell->len;
      *p++ = '"';
      return p;
    case OUT_CELL_NUMBER:
      /* As json_object_new_int64 writes a whole number: its digits.  */
      return p + out_format_machine (p, col, cell->number);
    case OUT_CELL_MISSING:
    default:
      memcpy (p, "null", 4);
      return p + 4;
    }
}

/* Whether put_value can write CELL, a text: one that needs no escapes
   and fits in a number's room, quotes included.  */
static bool
direct_text (const struct out_cell *cell)
{
  return (cell->plain & OUT_PLAIN_JSON) && cell->len + 2 < OUT_NUMBER_SIZE;
}

/* Append row R of TABLE to B as json-c pretty prints an object at the
   second level: "  {", one "    \"key\": value" line a column, "  }".
   Written through a pointer, the length set once: room is made first
   for every key, a fixed-size copy of it and a value of a number's
   room, and again after a text that append_string writes.  */
static void
append_row (struct strbuf *b, const struct out_table *table,
            const struct key_prefixes *kp, size_t r)
{
  const struct out_cell *row = table->rows[r];
  size_t n = out_picked_count (table);
  size_t room = kp->text.len + n * (KEY_COPY + OUT_NUMBER_SIZE) + 4;
  const char *key = kp->text.text;
  char *p;

  strbuf_append_len (b, "  {\n", 4);
  p = strbuf_reserve (b, room);

  for (size_t c = 0; c < n; c++)
    {
      size_t k = kp->col[c];
      size_t len = kp->len[c];
      const struct out_cell *cell = &row[k];

      if (len <= KEY_COPY)
        memcpy (p, key, KEY_COPY);
      else
        memcpy (p, key, len);
      key += len;
      p += len;
      if (cell->kind == OUT_CELL_TEXT && !direct_text (cell))
        {
          strbuf_added (b, (size_t) (p - (b->text + b->len)));
          append_string (b, cell->text);
          p = strbuf_reserve (b, room);
        }
      else
        p = put_value (p, &table->cols[k], cell);
    }
  if (n > 0)
    *p++ = '\n';
  memcpy (p, "  }", 3);
  p += 3;
  *p = '\0';
  b->len = (size_t) (p - b->text);
}

/* Write the rows of TABLE to FP directly as elements of the json array:
   "[\n" or ",\n" before each, then the row's object.  DONE rows went
   before.  */
static int
write_direct (FILE *fp, const struct out_table *table, size_t done)
{
  struct key_prefixes kp;
  struct strbuf b;
  int status = 0;

  key_prefixes_init (&kp, table);
  strbuf_init (&b);
  strbuf_grow (&b, 2 * JSON_BLOCK); /* Once, not doubling up to it.  */
  for (size_t r = 0; r < table->nrows && status == 0; r++)
    {
      strbuf_append_len (&b, done + r == 0 ? "[\n" : ",\n", 2);
      append_row (&b, table, &kp, r);
      if (b.len >= JSON_BLOCK)
        status = out_flush_block (fp, &b);
    }
  if (status == 0)
    status = out_flush_block (fp, &b);
  strbuf_release (&b);
  key_prefixes_free (&kp);
  return status;
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

/* Write the rows of TABLE, whose keys repeat, to FP as elements of the
   json array through json-c, one object a row, as write_direct does.  */
static int
write_objects (FILE *fp, const struct out_table *table, size_t done)
{
  struct json_object *object;
  const char *text;
  int status = 0;
  int saved_errno;

  for (size_t r = 0; status == 0 && r < table->nrows; r++)
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

/* Write the rows of TABLE to FP as elements of the json array, for
   out_stream; DONE rows went before.  Return 0, or -1 with errno set if
   a write failed (ENOMEM if json-c ran out of memory).  */
int
out_json_rows (FILE *fp, const struct out_table *table, size_t done)
{
  if (duplicate_keys (table))
    return write_objects (fp, table, done);
  return write_direct (fp, table, done);
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
