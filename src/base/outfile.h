/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Opening the file a command's result goes to, without ever leaving a
   partial regular file and without replacing what is not ours to
   replace.  */
#ifndef CA_OUTFILE_H
#define CA_OUTFILE_H

#include <stdio.h>

#include "base/diag.h"
#include "base/system.h"

/* An output file being written.  A regular file (new, or existing, or
   the one a symlink leads to) is written to a temporary file in its
   directory and renamed over it at the end, keeping an existing file's
   mode and, where permitted, its owner; the symlink stays.  Anything
   else that exists (a device, a FIFO, a socket, a descriptor reached
   through /proc such as /dev/stdout) is written directly: renaming over
   it would replace it.  */
struct outfile
{
  FILE *fp;
  char *target;   /* The file written (symlinks followed).  */
  char *tmp_path; /* NULL when writing directly.  */
};

/* Open PATH for writing into *OF.  Returns 0, or -1 with D set
   (CA_EXIT_FAILURE: "PATH: is a directory", or the system's reason);
   nothing is left behind on failure.  */
int outfile_open (const char *path, struct outfile *of, struct diag *d);

/* Close *OF: when OK, flush it and move the temporary file into place;
   otherwise remove the temporary file.  Returns 0, or -1 with D set
   (CA_EXIT_FAILURE) on a write or rename error, which also removes the
   temporary file.  PATH is the name the user gave, for messages.  */
int outfile_close (struct outfile *of, const char *path, bool ok,
                   struct diag *d);

#endif /* CA_OUTFILE_H */
