/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Result tables as the four writers see them, and the helpers of
   output-cells.c they share; not for other modules.  */
#ifndef CA_OUTPUT_PRIVATE_H
#define CA_OUTPUT_PRIVATE_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "view/output.h"
#include "view/quantity.h"
#include "base/strbuf.h"
#include "base/system.h"

/* What a cell holds.  A cell normally holds what its column's kind
   calls for, but the writers cope with text in a numeric column (written
   as text) and a number in a text column (written as out_format_number
   does, in every format).  */
enum out_cell_kind
{
  OUT_CELL_MISSING,
  OUT_CELL_TEXT,
  OUT_CELL_NUMBER
};

/* What the writers know of a text cell without reading it: bits of
   out_cell.plain.  */
enum
{
  OUT_PLAIN_CSV = 1 << 0, /* Written bare in csv: no ',', '"', CR or LF,
                             no blank or tab at either end.  */
  OUT_PLAIN_JSON = 1 << 1 /* Written as it is in a json string: no
                             control character, '"' or '\\'.  */
};

struct out_cell
{
  unsigned char kind;  /* An enum out_cell_kind.  */
  unsigned char plain; /* OUT_PLAIN_* bits of TEXT.  */
  uint32_t len;        /* The length of TEXT.  */
  union                /* One or the other: 16 bytes a cell, not 24.  */
  {
    const char *text; /* When KIND is OUT_CELL_TEXT: a copy in the
                         table's text pool, or the caller's text that
                         out_table_set_kept borrowed.  */
    double number;    /* Finite, never -0, whole in an OUT_INTEGER column,
                         when KIND is OUT_CELL_NUMBER.  */
  };
};

/* A block of the text pool: the cells' texts, one after another.  */
struct out_text_block;

/* A slot of out_table.kept.  */
struct out_kept;

struct out_table
{
  const struct out_column *cols; /* Not owned.  */
  size_t ncols;
  struct out_cell **rows; /* NROWS arrays of NCOLS cells.  */
  size_t nrows;
  size_t rows_made; /* Arrays made: an out_stream reuses those past
                       NROWS.  */
  size_t rows_alloc;
  struct out_text_block *pool; /* The texts of the cells, newest block
                                  first: one allocation for thousands
                                  of cells.  */
  struct out_kept *kept;       /* What out_table_set_kept learnt of the texts
                                  it was given, by address, or NULL.  */
  const size_t *pick; /* The columns the csv and json writers write, in
                         order (--columns), or NULL for all.  */
  size_t npick;
};

/* The number of columns the csv and json writers write of TABLE, and
   the index in TABLE of the C-th of them.  */
static inline size_t
out_picked_count (const struct out_table *table)
{
  return table->pick != NULL ? table->npick : table->ncols;
}

static inline size_t
out_picked (const struct out_table *table, size_t c)
{
  return table->pick != NULL ? table->pick[c] : c;
}

/* Large enough for any double in either number format: "%.0f" of
   DBL_MAX has 309 digits, and decimals are capped at OUT_MAX_DECIMALS.  */
enum
{
  OUT_MAX_DECIMALS = 99,
  OUT_NUMBER_SIZE = 512
};

/* The texts of the numbers out_format_machine wrote last, by their
   bits: the rows of a large table repeat most of their figures (an
   instance's power, a region's grid intensity, the job's runtime, the
   years), and a copy costs a fifth of formatting.  A slot holds one
   number; a new one takes its place.  */
enum
{
  OUT_MEMO_BITS = 14,
  OUT_MEMO_TEXT = 23 /* Longer texts are not kept (none in the range of
                        numfmt_g12's fast path).  */
};

struct out_memo_slot
{
  uint64_t bits;
  char text[OUT_MEMO_TEXT];
  unsigned char len; /* 0: empty.  */
};

extern struct out_memo_slot out_memo[1 << OUT_MEMO_BITS];

/* out_format_machine's work when the memo does not have VALUE: into
   SLOT, VALUE's slot, when it is "%.12g"; SLOT NULL for a whole number
   from 10^12 on in an OUT_INTEGER column.  */
size_t out_format_machine_miss (char *buf, double value,
                                struct out_memo_slot *slot);

/* Format VALUE, a number in column COL, into BUF of OUT_NUMBER_SIZE
   bytes for csv and json: as out_format_number does, but as a whole
   number without exponent in an OUT_INTEGER column (where VALUE is
   whole, as out_table_set_number makes it).  Return the length of the
   text.  Inline, through the memo: the csv and json writers call it for
   every number.  */
static inline size_t
out_format_machine (char *buf, const struct out_column *col, double value)
{
  struct out_memo_slot *slot;
  uint64_t bits;

  /* A whole number below 10^12 has at most twelve digits: "%.12g"
     writes them all, as "%.0f" does.  */
  if (col->kind == OUT_INTEGER && !(fabs (value) < 1e12))
    return out_format_machine_miss (buf, value, NULL);
  memcpy (&bits, &value, sizeof bits);
  slot = &out_memo[(bits * UINT64_C (0x9E3779B97F4A7C15))
                   >> (64 - OUT_MEMO_BITS)];
  if (slot->len != 0 && slot->bits == bits)
    {
      memcpy (buf, slot->text, OUT_MEMO_TEXT);
      return slot->len;
    }
  return out_format_machine_miss (buf, value, slot);
}

/* Format VALUE, a number in column COL, into BUF of OUT_NUMBER_SIZE
   bytes for people (table and markdown): "%.*f" with COL's decimals, no
   decimals in an OUT_INTEGER column, as out_format_number does in an
   OUT_TEXT column; "-0.00" is written as "0.00".  */
void out_format_human (char *buf, const struct out_column *col, double value);

/* Set *LEN to the length of TEXT and return its OUT_PLAIN_* bits, in
   one pass.  */
unsigned char out_text_plain (const char *text, size_t *len);

/* Return a copy of TEXT fit for one line of the table or markdown
   format: control characters (a line end would break the layout) become
   spaces and, if MARKDOWN, '|' is escaped as "\|".  The caller frees it.  */
char *out_clean_text (const char *text, bool markdown);

/* Return CELL of column COL as people see it, as out_clean_text does for
   text: "-" if missing, a number as out_format_human does.  The caller
   frees it.  */
char *out_cell_human (const struct out_column *col,
                      const struct out_cell *cell, bool markdown);

/* How people see column C of TABLE when it is an OUT_COL_CARBON
   column: mass_column_span of its smallest and largest figures.  Sets
   *MASS and returns true; false for other columns.  */
bool out_column_mass (const struct out_table *table, size_t c,
                      struct mass_column *mass);

/* The same for CELL alone, its figure in its own unit with three
   significant digits (the vertical layout).  False unless COL is a
   carbon column and CELL a number.  */
bool out_cell_mass (const struct out_column *col, const struct out_cell *cell,
                    struct mass_column *mass);

/* The unit of COL as people see it: with MASS non-NULL (a carbon
   column) its unit's symbol then the rest of COL's unit ("kgCO2e"),
   else COL's unit, cleaned as out_clean_text does; NULL if COL has
   none.  The caller frees it.  */
char *out_column_unit_human (const struct out_column *col,
                             const struct mass_column *mass, bool markdown);

/* As out_cell_human, but a number of a carbon column as MASS says
   (when not NULL): "228", "1.08", "12,300".  */
char *out_cell_in_unit (const struct out_column *col,
                        const struct out_cell *cell,
                        const struct mass_column *mass, bool markdown);

/* The label of COL, or its key if the label is NULL.  */
const char *out_column_label (const struct out_column *col);

/* True if COL is a numeric column (right-aligned for people).  */
bool out_column_numeric (const struct out_column *col);

/* The number of characters TEXT shows as: its UTF-8 code points, so
   labels and units such as "gCO₂e" line up.  Double-width characters
   count as one.  */
size_t out_text_width (const char *text);

/* Write the text S, or N spaces, to FP.  Return 0, or -1 with errno set
   by the failed write.  */
int out_puts (FILE *fp, const char *s);
int out_spaces (FILE *fp, size_t n);

/* The texts of a table's cells as people see them, in one block: the
   table and markdown writers size each column on all its cells before
   they write one, and an allocation a cell would take several times
   the memory of the table itself.  */
struct out_texts
{
  struct strbuf text; /* The texts, each ended by a NUL.  */
  size_t *at;         /* Where the I-th starts in TEXT; SIZE_MAX for
                         none.  */
};

/* Make T hold N texts, none set yet.  */
void out_texts_init (struct out_texts *t, size_t n);

/* Set the I-th text of T to TEXT, which T frees.  */
void out_texts_take (struct out_texts *t, size_t i, char *text);

/* The I-th text of T, or NULL if it was not set; valid until the next
   out_texts_take.  */
static inline const char *
out_texts_get (const struct out_texts *t, size_t i)
{
  return t->at[i] == SIZE_MAX ? NULL : t->text.text + t->at[i];
}

void out_texts_free (struct out_texts *t);

/* Write the bytes of B to FP and empty B, for the writers that build
   their text a block at a time.  Return 0, or -1 with errno set.  */
int out_flush_block (FILE *fp, struct strbuf *b);

#endif /* CA_OUTPUT_PRIVATE_H */
