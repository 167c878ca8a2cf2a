/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The writers behind out_write, one a format, as output.c's table of
   writers lists them; not for other modules.  */
#ifndef CA_OUTPUT_WRITERS_H
#define CA_OUTPUT_WRITERS_H

#include <stdio.h>

#include "view/output.h"
#include "base/system.h"

/* Write TABLE to FP; LAYOUT only matters to the table writer.  Return
   0, or -1 with errno set when a write fails (ENOMEM when json-c runs
   out of memory); a writer never flushes FP.  */
typedef int out_writer_fn (FILE *fp, enum out_layout layout,
                           const struct out_table *table);

/* A writer's parts for out_stream: the start, the rows of TABLE (only
   the rows handed over since the last call; DONE rows went before
   them) and the end (DONE rows in all).  Each returns as
   out_writer_fn does.  */
typedef int out_part_fn (FILE *fp, const struct out_table *table, size_t done);

/* One row of the table of writers.  */
struct out_writer
{
  const char *name; /* What --format takes.  */
  enum out_format format;
  bool machine; /* For programs: every column, numbers as
                   out_format_machine writes them.  False
                   for people: each column's decimals,
                   missing cells as "-".  */
  out_writer_fn *write;
  /* For out_stream: ROWS NULL when the writer needs every row before it
     writes one (the stream then keeps them and calls WRITE); HEAD and
     TAIL NULL when there is nothing to write there.  */
  out_part_fn *head;
  out_part_fn *rows;
  out_part_fn *tail;
};

out_writer_fn out_write_table;
out_writer_fn out_write_csv;
out_writer_fn out_write_json;
out_writer_fn out_write_markdown;

out_part_fn out_csv_head;
out_part_fn out_csv_rows;
out_part_fn out_json_rows;
out_part_fn out_json_tail;

#endif /* CA_OUTPUT_WRITERS_H */
