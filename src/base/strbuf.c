/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A growable, always NUL-terminated string buffer.  */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"

/* The first allocation: most sentences fit, and a page soon doubles
   it.  */
enum
{
  STRBUF_FIRST_SIZE = 256
};

void
strbuf_init (struct strbuf *b)
{
  b->size = STRBUF_FIRST_SIZE;
  b->len = 0;
  b->text = xmalloc (b->size);
  b->text[0] = '\0';
}

void
strbuf_release (struct strbuf *b)
{
  free (b->text);
  b->text = NULL;
  b->len = b->size = 0;
}

void
strbuf_reset (struct strbuf *b)
{
  b->len = 0;
  b->text[0] = '\0';
}

/* Make room in B for N more bytes and the NUL.  */
static void
reserve (struct strbuf *b, size_t n)
{
  if (n < b->size - b->len)
    return;
  while (n >= b->size - b->len)
    {
      if (b->size > (size_t) -1 / 2)
        xalloc_die ();
      b->size *= 2;
    }
  b->text = xreallocarray (b->text, b->size, 1);
}

void
strbuf_grow (struct strbuf *b, size_t n)
{
  reserve (b, n);
}

void
strbuf_append_len (struct strbuf *b, const char *text, size_t len)
{
  reserve (b, len);
  memcpy (b->text + b->len, text, len);
  b->len += len;
  b->text[b->len] = '\0';
}

void
strbuf_append (struct strbuf *b, const char *text)
{
  strbuf_append_len (b, text, strlen (text));
}

void
strbuf_append_char (struct strbuf *b, char c)
{
  reserve (b, 1);
  b->text[b->len++] = c;
  b->text[b->len] = '\0';
}

void
strbuf_vprintf (struct strbuf *b, const char *fmt, va_list ap)
{
  va_list again;
  int n;

  va_copy (again, ap);
  n = vsnprintf (b->text + b->len, b->size - b->len, fmt, ap);
  if (n >= 0 && (size_t) n >= b->size - b->len)
    {
      reserve (b, (size_t) n);
      vsnprintf (b->text + b->len, b->size - b->len, fmt, again);
    }
  va_end (again);
  if (n < 0)
    {
      /* An encoding error: keep B as it was.  */
      b->text[b->len] = '\0';
      return;
    }
  b->len += (size_t) n;
}

void
strbuf_printf (struct strbuf *b, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  strbuf_vprintf (b, fmt, ap);
  va_end (ap);
}

void
strbuf_truncate (struct strbuf *b, size_t len)
{
  if (len < b->len)
    {
      b->len = len;
      b->text[len] = '\0';
    }
}

char *
strbuf_detach (struct strbuf *b)
{
  char *text = b->text;

  strbuf_init (b);
  return text;
}
