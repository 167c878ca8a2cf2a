/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Shared runner for the Check unit suites: each check_<module>.c defines
   one suite function and calls UNIT_MAIN with it.  */
#ifndef CA_TESTS_UNIT_H
#define CA_TESTS_UNIT_H

#include <check.h>
#include <locale.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>

/* Run SUITE_FN's suite with TAP on stdout, as the automake tap-driver
   expects, under the same locale settings as main.  */
#define UNIT_MAIN(suite_fn)                                                   \
  int main (void)                                                             \
  {                                                                           \
    SRunner *sr;                                                              \
    int failed;                                                               \
                                                                              \
    setlocale (LC_ALL, "");                                                   \
    setlocale (LC_NUMERIC, "C");                                              \
    gsl_set_error_handler_off ();                                             \
    sr = srunner_create (suite_fn ());                                        \
    srunner_set_tap (sr, "-");                                                \
    srunner_run_all (sr, CK_SILENT);                                          \
    failed = srunner_ntests_failed (sr);                                      \
    srunner_free (sr);                                                        \
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;                         \
  }

#endif /* CA_TESTS_UNIT_H */
