/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* carbon-advisor: choose where to run a compute job by carbon and price.

   main sets up the process (locale, GSL, argp), hands the command line
   to cmd_run, and checks that standard output was really written.  */
#include <config.h>

#include <argp.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "base/system.h"

const char *argp_program_version = PACKAGE_STRING;
/* No public issue tracker, so configure's bug address is empty; argp
   would print "Report bugs to ." for an empty one, and prints nothing for
   NULL.  */
const char *argp_program_bug_address
  = sizeof PACKAGE_BUGREPORT > 1 ? PACKAGE_BUGREPORT : NULL;
error_t argp_err_exit_status = CA_EXIT_USAGE;

int
main (int argc, char **argv)
{
  int status;

  /* Messages follow the user's locale; numbers, read or written, always
     use '.', so data files and outputs mean the same everywhere.  */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  /* error(3) prefixes messages with this; the bare name keeps them the
     same however the program was started.  */
  program_invocation_name = program_invocation_short_name;
  /* GSL must return errors, never abort: every status is checked.  */
  gsl_set_error_handler_off ();

  status = cmd_run (argc, argv);

  if (fclose (stdout) != 0 && status == CA_EXIT_OK)
    status = cli_report_errno (CA_EXIT_FAILURE, errno, "write error");
  return status;
}
