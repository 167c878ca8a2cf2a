/* Common includes, macros and exit codes for carbon-advisor.  */
#ifndef CA_SYSTEM_H
#define CA_SYSTEM_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define STREQ(a, b) (strcmp ((a), (b)) == 0)
#define ARRAY_SIZE(a) (sizeof (a) / sizeof ((a)[0]))

/* Exit statuses, sysexits numbers where one fits.  77 and 99 belong to
   the test harness and are never used.  */
enum ca_exit
{
  CA_EXIT_OK = 0,        /* Success, including "no candidate matched".  */
  CA_EXIT_FAILURE = 1,   /* I/O error, write error, out of memory.  */
  CA_EXIT_USAGE = 64,    /* Bad command line.  */
  CA_EXIT_DATAERR = 65,  /* Malformed or inconsistent data table.  */
  CA_EXIT_NOINPUT = 66   /* A data or input file cannot be opened.  */
};

#endif /* CA_SYSTEM_H */
