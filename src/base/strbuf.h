/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* A growable, always NUL-terminated string buffer: how every writer
   builds text (sentences, HTML and SVG, Markdown) without fixed buffers
   or strcat.  Base layer; running out of memory ends the program, as
   xalloc does.  */
#ifndef CA_STRBUF_H
#define CA_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf
{
  char *text; /* LEN bytes and a NUL; never NULL once
                 initialised.  */
  size_t len;
  size_t size; /* Bytes allocated for TEXT.  */
};

/* Make B an empty string.  */
void strbuf_init (struct strbuf *b);

/* Free B's text; B must be initialised again before any other use.  */
void strbuf_release (struct strbuf *b);

/* Empty B, keeping its memory for the next text.  */
void strbuf_reset (struct strbuf *b);

/* Append the string TEXT, the LEN bytes at TEXT, or the byte C to B.  */
void strbuf_append (struct strbuf *b, const char *text);
void strbuf_append_len (struct strbuf *b, const char *text, size_t len);
void strbuf_append_char (struct strbuf *b, char c);

/* Make room for N more bytes and a NUL at the end of B, and return
   where they go, for a caller that writes them in place (numbers, quoted
   fields); strbuf_added then counts the K <= N bytes it wrote.  Inline:
   the csv writer calls them for every field.  strbuf_grow is their slow
   path.  */
void strbuf_grow (struct strbuf *b, size_t n);

static inline char *
strbuf_reserve (struct strbuf *b, size_t n)
{
  if (n >= b->size - b->len)
    strbuf_grow (b, n);
  return b->text + b->len;
}

static inline void
strbuf_added (struct strbuf *b, size_t k)
{
  b->len += k;
  b->text[b->len] = '\0';
}

/* Append printf-style text to B.  */
void strbuf_printf (struct strbuf *b, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));
void strbuf_vprintf (struct strbuf *b, const char *fmt, va_list ap)
  __attribute__ ((format (printf, 2, 0)));

/* Cut B to its first LEN bytes (nothing when it is shorter).  */
void strbuf_truncate (struct strbuf *b, size_t len);

/* Return B's text, a string the caller frees, and make B a new empty
   string (to be released in its turn).  */
char *strbuf_detach (struct strbuf *b);

#endif /* CA_STRBUF_H */
