/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Unit tests for the table of subcommands, its lookup and the
   top-level parse.  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cli/options.h"
#include "base/diag.h"
#include "base/system.h"
#include "unit.h"

/* The number of commands in cmd_table.  */
static size_t
count_commands (void)
{
  size_t n = 0;

  while (cmd_table[n] != NULL)
    n++;
  return n;
}

/* Write "name1, name2, ..." of the commands whose name starts with the
   first PREFIX_LEN characters of PREFIX into BUF, in table order, and
   return how many there are.  */
static size_t
list_matches (const char *prefix, size_t prefix_len, char *buf, size_t size)
{
  size_t i, n = 0;

  buf[0] = '\0';
  for (i = 0; cmd_table[i] != NULL; i++)
    if (strncmp (cmd_table[i]->name, prefix, prefix_len) == 0)
      {
        size_t used = strlen (buf);

        snprintf (buf + used, size - used, "%s%s", n > 0 ? ", " : "",
                  cmd_table[i]->name);
        n++;
      }
  return n;
}

/* The table.  */

START_TEST (test_table_sorted_unique)
{
  size_t n = count_commands ();
  size_t i;

  ck_assert_uint_ge (n, 2);
  for (i = 1; i < n; i++)
    ck_assert_msg (strcmp (cmd_table[i - 1]->name, cmd_table[i]->name) < 0,
                   "'%s' then '%s': not sorted, or the same name twice",
                   cmd_table[i - 1]->name, cmd_table[i]->name);
}
END_TEST

START_TEST (test_table_entries)
{
  size_t i;

  for (i = 0; cmd_table[i] != NULL; i++)
    {
      const struct cmd_entry *e = cmd_table[i];
      const char *p;

      ck_assert_ptr_nonnull (e->name);
      ck_assert_uint_gt (strlen (e->name), 0);
      /* Lowercase letters and '-' only: names are typed.  */
      for (p = e->name; *p != '\0'; p++)
        ck_assert_msg ((*p >= 'a' && *p <= 'z') || *p == '-',
                       "command '%s' has a '%c'", e->name, *p);
      ck_assert_ptr_nonnull (e->summary);
      ck_assert_uint_gt (strlen (e->summary), 0);
      ck_assert_ptr_null (strchr (e->summary, '\n'));
      ck_assert_ptr_nonnull (e->argp);
      ck_assert_uint_gt (e->opts_size, 0);
      ck_assert_ptr_nonnull (e->init);
      ck_assert_ptr_nonnull (e->exec);
    }
}
END_TEST

START_TEST (test_table_known)
{
  struct diag d = { 0, "" };
  const struct cmd_entry *estimate = cmd_find ("estimate", &d);
  const struct cmd_entry *list = cmd_find ("list", &d);
  size_t i, seen = 0;

  ck_assert_ptr_nonnull (estimate);
  ck_assert_ptr_nonnull (list);
  ck_assert_str_eq (estimate->name, "estimate");
  ck_assert_str_eq (list->name, "list");
  for (i = 0; cmd_table[i] != NULL; i++)
    if (cmd_table[i] == estimate || cmd_table[i] == list)
      seen++;
  ck_assert_uint_eq (seen, 2);
}
END_TEST

/* cmd_find.  */

START_TEST (test_find_exact)
{
  size_t i;

  for (i = 0; cmd_table[i] != NULL; i++)
    {
      struct diag d = { 0, "" };

      ck_assert_ptr_eq (cmd_find (cmd_table[i]->name, &d), cmd_table[i]);
      ck_assert_int_eq (d.status, 0);
      ck_assert_str_eq (d.text, "");
    }
}
END_TEST

START_TEST (test_find_prefix)
{
  struct diag d = { 0, "" };
  const struct cmd_entry *e;

  e = cmd_find ("e", &d);
  ck_assert_ptr_nonnull (e);
  ck_assert_str_eq (e->name, "estimate");
  e = cmd_find ("est", &d);
  ck_assert_ptr_nonnull (e);
  ck_assert_str_eq (e->name, "estimate");
  e = cmd_find ("estimat", &d);
  ck_assert_ptr_nonnull (e);
  ck_assert_str_eq (e->name, "estimate");
  e = cmd_find ("l", &d);
  ck_assert_ptr_nonnull (e);
  ck_assert_str_eq (e->name, "list");
  e = cmd_find ("lis", &d);
  ck_assert_ptr_nonnull (e);
  ck_assert_str_eq (e->name, "list");
  ck_assert_int_eq (d.status, 0);
}
END_TEST

/* Every prefix of every name: the command when only one name starts
   with it, else "ambiguous" listing those that do (with today's table no
   two names share a first letter, so only the first case occurs).  */
START_TEST (test_find_every_prefix)
{
  size_t i, len;

  for (i = 0; cmd_table[i] != NULL; i++)
    for (len = 1; len < strlen (cmd_table[i]->name); len++)
      {
        struct diag d = { 0, "" };
        char prefix[64], list[256], expected[512];
        size_t n;

        ck_assert_uint_lt (len, sizeof prefix);
        memcpy (prefix, cmd_table[i]->name, len);
        prefix[len] = '\0';
        n = list_matches (prefix, len, list, sizeof list);
        if (n == 1)
          ck_assert_ptr_eq (cmd_find (prefix, &d), cmd_table[i]);
        else
          {
            snprintf (expected, sizeof expected,
                      "ambiguous command '%s', could be: %s", prefix, list);
            ck_assert_ptr_null (cmd_find (prefix, &d));
            ck_assert_int_eq (d.status, CA_EXIT_USAGE);
            ck_assert_str_eq (d.text, expected);
          }
      }
}
END_TEST

/* The message for an unknown NAME: "unknown command 'NAME'; commands: "
   and every name in table order.  */
static void
check_unknown (const char *name)
{
  struct diag d = { 0, "" };
  char list[256], expected[512];

  ck_assert_uint_eq (list_matches ("", 0, list, sizeof list),
                     count_commands ());
  snprintf (expected, sizeof expected, "unknown command '%s'; commands: %s",
            name, list);
  ck_assert_ptr_null (cmd_find (name, &d));
  ck_assert_int_eq (d.status, CA_EXIT_USAGE);
  ck_assert_str_eq (d.text, expected);
}

START_TEST (test_find_unknown)
{
  struct diag d = { 0, "" };

  /* Today's table, spelled out.  */
  ck_assert_ptr_null (cmd_find ("frobnicate", &d));
  ck_assert_int_eq (d.status, CA_EXIT_USAGE);
  ck_assert_ptr_nonnull (strstr (d.text, "unknown command 'frobnicate'; "
                                         "commands: "));
  ck_assert_ptr_nonnull (strstr (d.text, "estimate"));
  ck_assert_ptr_nonnull (strstr (d.text, "list"));

  check_unknown ("frobnicate");
  /* Longer than a command: not a prefix of it.  */
  check_unknown ("estimates");
  check_unknown ("listing");
  /* Names are case-sensitive.  */
  check_unknown ("Estimate");
  check_unknown ("L");
  /* The empty name is not a prefix of everything.  */
  check_unknown ("");
  check_unknown ("x");
}
END_TEST

START_TEST (test_find_null_diag)
{
  ck_assert_ptr_null (cmd_find ("frobnicate", NULL));
  ck_assert_ptr_nonnull (cmd_find ("list", NULL));
}
END_TEST

/* The top-level parse.  */

/* Parse the N arguments ARGS after the program's name.  */
static const struct cmd_entry *
parse (int n, const char **args, struct cli_global *global)
{
  char *argv[16];
  void *opts;
  const struct cmd_entry *cmd;
  int i;

  ck_assert_int_lt (n, 15);
  argv[0] = (char *) "carbon-advisor";
  for (i = 0; i < n; i++)
    argv[i + 1] = (char *) args[i];
  argv[n + 1] = NULL;
  cmd = cmd_parse (n + 1, argv, global, &opts);
  ck_assert_ptr_nonnull (opts);
  free (opts);
  return cmd;
}

START_TEST (test_parse_command)
{
  const char *args[] = { "list", "regions" };
  struct cli_global g;

  ck_assert_str_eq (parse (2, args, &g)->name, "list");
  ck_assert_ptr_null (g.data_dir);
  ck_assert_ptr_null (g.output);
  ck_assert_int_eq (g.format, OUT_FORMAT_TABLE);
}
END_TEST

START_TEST (test_parse_global_anywhere)
{
  /* Global options go before the command's name or after it.  */
  const char *args[]
    = { "--format", "csv", "li", "regions", "-o", "out", "--data-dir", "d" };
  struct cli_global g;

  ck_assert_str_eq (parse (8, args, &g)->name, "list");
  ck_assert_int_eq (g.format, OUT_FORMAT_CSV);
  ck_assert_str_eq (g.output, "out");
  ck_assert_str_eq (g.data_dir, "d");
}
END_TEST

static Suite *
cmd_suite (void)
{
  Suite *s = suite_create ("cmd");
  TCase *tc;

  tc = tcase_create ("table");
  tcase_add_test (tc, test_table_sorted_unique);
  tcase_add_test (tc, test_table_entries);
  tcase_add_test (tc, test_table_known);
  suite_add_tcase (s, tc);

  tc = tcase_create ("find");
  tcase_add_test (tc, test_find_exact);
  tcase_add_test (tc, test_find_prefix);
  tcase_add_test (tc, test_find_every_prefix);
  tcase_add_test (tc, test_find_unknown);
  tcase_add_test (tc, test_find_null_diag);
  suite_add_tcase (s, tc);

  tc = tcase_create ("parse");
  tcase_add_test (tc, test_parse_command);
  tcase_add_test (tc, test_parse_global_anywhere);
  suite_add_tcase (s, tc);

  return s;
}

UNIT_MAIN (cmd_suite)
