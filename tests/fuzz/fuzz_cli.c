/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Fuzz target: the command line, through cmd_parse (the top-level argp
   parser and every command's, without running the command).  The input
   is the arguments, one per line.

   argp ends the process on a bad command line, --help or --version;
   here an exit handler jumps back instead, so each input is one parse
   and the fuzzer goes on.  What a parse left allocated when argp exited
   (its own parser state, the command's options), and what a parse that
   returns leaves for the command (the options and the lists they hold),
   is the process's to reclaim: the sanitizer's allocation hooks record
   every block made during the parse and not freed, and the harness
   frees them after it.  */
#include <config.h>

#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sanitizer/allocator_interface.h>

#include "cli/cli.h"
#include "cmd/cmd.h"
#include "view/output.h"
#include "fuzz.h"
#include "base/numparse.h"

/* At most this many arguments; more says nothing new.  */
enum
{
  MAX_ARGS = 64
};

/* The blocks allocated during the parse and not yet freed.  */
enum
{
  MAX_LIVE = 4096
};
static const volatile void *live[MAX_LIVE];
static size_t nlive;
static bool tracking;

static void
on_malloc (const volatile void *p, size_t size)
{
  (void) size;
  if (tracking && nlive < MAX_LIVE)
    live[nlive++] = p;
}

static void
on_free (const volatile void *p)
{
  size_t i;

  if (!tracking)
    return;
  for (i = nlive; i-- > 0;)
    if (live[i] == p)
      {
        live[i] = live[--nlive];
        break;
      }
}

static jmp_buf back;
static volatile bool parsing;
static bool handler_set;

static void
on_exit_jump (void)
{
  /* Outside a parse, exit is the fuzzer's own: let it go.  */
  if (parsing)
    {
      parsing = false;
      handler_set = false;
      longjmp (back, 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = fuzz_string (data, size);
  char *argv[MAX_ARGS + 2];
  int argc = 0;
  char *p = text;
  struct cli_global global;
  void *opts = NULL;
  size_t i;

  argv[argc++] = (char *) "carbon-advisor";
  while (argc <= MAX_ARGS && p <= text + size)
    {
      char *nl = strchr (p, '\n');

      if (nl != NULL)
        *nl = '\0';
      argv[argc++] = p;
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  argv[argc] = NULL;
  if (!handler_set)
    {
      static bool once;

      if (!once)
        {
          /* What is made once and kept must not be made, and then
             freed, during a parse: stdout's buffer, the C locale.  */
          setvbuf (stdout, NULL, _IONBF, 0);
          (void) numparse_c_locale ();
          __sanitizer_install_malloc_and_free_hooks (on_malloc, on_free);
          once = true;
        }
      if (atexit (on_exit_jump) != 0)
        abort ();
      handler_set = true;
    }
  nlive = 0;
  if (setjmp (back) == 0)
    {
      parsing = tracking = true;
      cmd_parse (argc, argv, &global, &opts);
      parsing = false;
    }
  /* --columns leaves its selection in the output layer for the command
     to write with; drop it while the hooks still see the frees, so the
     next input starts with none.  */
  out_columns_select (NULL, 0, NULL);
  tracking = false;
  for (i = 0; i < nlive; i++)
    free ((void *) live[i]);
  nlive = 0;
  free (text);
  return 0;
}
