/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Common includes, macros and exit codes for carbon-advisor.  */
#ifndef CA_SYSTEM_H
#define CA_SYSTEM_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define STREQ(a, b) (strcmp ((a), (b)) == 0)
#define ARRAY_SIZE(a) (sizeof (a) / sizeof ((a)[0]))

/* The index of NAME among the N strings NAMES (the names of an enum's
   values, in the enum's order), or -1: how every "--option VALUE" naming
   an enum value is looked up.  */
static inline int
name_index (const char *const *names, size_t n, const char *name)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (STREQ (name, names[i]))
      return (int) i;
  return -1;
}

/* Exit statuses, sysexits numbers where one fits.  77 and 99 belong to
   the test harness and are never used.  */
enum ca_exit
{
  CA_EXIT_OK = 0,       /* Success, including "no candidate matched".  */
  CA_EXIT_FAILURE = 1,  /* I/O error, write error, out of memory.  */
  CA_EXIT_USAGE = 64,   /* Bad command line.  */
  CA_EXIT_DATAERR = 65, /* Malformed or inconsistent data table.  */
  CA_EXIT_NOINPUT = 66  /* A data or input file cannot be opened.  */
};

#endif /* CA_SYSTEM_H */
