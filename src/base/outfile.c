/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Opening the file a command's result goes to.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/outfile.h"
#include "base/xalloc.h"

/* How many symlinks to follow before giving up, as the kernel does.  */
enum
{
  MAX_LINKS = 40
};

/* The text of the symlink PATH, or NULL with errno set.  */
static char *
read_link (const char *path)
{
  size_t size = 256;

  for (;;)
    {
      char *buf = xmalloc (size);
      ssize_t n = readlink (path, buf, size);

      if (n < 0)
        {
          int err = errno;

          free (buf);
          errno = err;
          return NULL;
        }
      if ((size_t) n < size)
        {
          buf[n] = '\0';
          return buf;
        }
      free (buf);
      size *= 2;
    }
}

/* LINK, the text of the symlink at CUR, as a name: relative links are
   relative to CUR's directory.  */
static char *
link_target (const char *cur, const char *link)
{
  const char *slash = strrchr (cur, '/');
  size_t dirlen, n;
  char *name;

  if (link[0] == '/' || slash == NULL)
    return xstrdup (link);
  dirlen = (size_t) (slash - cur) + 1;
  n = dirlen + strlen (link) + 1;
  name = xmalloc (n);
  memcpy (name, cur, dirlen);
  strcpy (name + dirlen, link);
  return name;
}

/* Whether NAME lies under /proc, where a file may stand for an open
   descriptor (/dev/stdout leads to /proc/self/fd/1): such a file is
   written in place, never replaced.  */
static bool
under_proc (const char *name)
{
  return strncmp (name, "/proc/", sizeof "/proc/" - 1) == 0;
}

/* Follow the symlinks that PATH's last component leads through (a
   rename through linked directories still replaces the right file).
   Returns the name reached, with *ST from lstat and *EXISTS, or NULL
   with D set.  *DIRECT is set when the file must be written in place
   (under /proc), in which case the name returned is PATH.  */
static char *
resolve (const char *path, struct stat *st, bool *exists, bool *direct,
         struct diag *d)
{
  char *cur = xstrdup (path);
  int hops;

  *exists = *direct = false;
  for (hops = 0; hops <= MAX_LINKS; hops++)
    {
      char *link, *next;

      if (under_proc (cur))
        {
          free (cur);
          *direct = true;
          *exists = stat (path, st) == 0;
          return xstrdup (path);
        }
      if (lstat (cur, st) != 0)
        {
          if (errno == ENOENT)
            return cur;
          diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (errno));
          free (cur);
          return NULL;
        }
      if (!S_ISLNK (st->st_mode))
        {
          *exists = true;
          return cur;
        }
      link = read_link (cur);
      if (link == NULL)
        {
          diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (errno));
          free (cur);
          return NULL;
        }
      next = link_target (cur, link);
      free (cur);
      free (link);
      cur = next;
    }
  diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (ELOOP));
  free (cur);
  return NULL;
}

/* Open a temporary file beside TARGET for *OF, with the mode and owner
   of the file it replaces when OLD (its lstat) is not NULL, else with the
   mode a plain create would give.  */
static int
open_temporary (const char *path, const char *target, const struct stat *old,
                struct outfile *of, struct diag *d)
{
  size_t n = strlen (target) + sizeof ".XXXXXX";
  int fd;

  of->tmp_path = xmalloc (n);
  snprintf (of->tmp_path, n, "%s.XXXXXX", target);
  fd = mkstemp (of->tmp_path);
  if (fd < 0)
    {
      diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (errno));
      free (of->tmp_path);
      of->tmp_path = NULL;
      return -1;
    }
  if (old != NULL)
    {
      /* Owner first: a change of owner may clear the set-id bits that
         the mode then restores.  Only root (or a member of the group)
         may give the file away; where it cannot, the file is ours.  */
      if (old->st_uid != geteuid () || old->st_gid != getegid ())
        {
          if (fchown (fd, old->st_uid, old->st_gid) != 0)
            (void) fchown (fd, (uid_t) -1, old->st_gid);
        }
      (void) fchmod (fd, old->st_mode & 07777);
    }
  else
    {
      /* mkstemp makes the file private; give it the mode a plain create
         would.  */
      mode_t mask = umask (0);

      umask (mask);
      (void) fchmod (fd, 0666 & ~mask);
    }
  of->fp = fdopen (fd, "w");
  if (of->fp == NULL)
    {
      diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (errno));
      close (fd);
      unlink (of->tmp_path);
      free (of->tmp_path);
      of->tmp_path = NULL;
      return -1;
    }
  return 0;
}

/* Open PATH, an existing file that is not a regular one, in place.  */
static int
open_direct (const char *path, struct outfile *of, struct diag *d)
{
  int fd = open (path, O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);

  if (fd < 0)
    return diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (errno));
  of->fp = fdopen (fd, "w");
  if (of->fp == NULL)
    {
      diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (errno));
      close (fd);
      return -1;
    }
  return 0;
}

int
outfile_open (const char *path, struct outfile *of, struct diag *d)
{
  struct stat st;
  bool exists, direct;

  of->fp = NULL;
  of->tmp_path = NULL;
  of->target = resolve (path, &st, &exists, &direct, d);
  if (of->target == NULL)
    return -1;
  if (exists && S_ISDIR (st.st_mode))
    {
      diag_set (d, CA_EXIT_FAILURE,
                "%s: is a directory; --output needs a file name", path);
      free (of->target);
      of->target = NULL;
      return -1;
    }
  if ((direct || (exists && !S_ISREG (st.st_mode)))
        ? open_direct (path, of, d) < 0
        : open_temporary (path, of->target, exists ? &st : NULL, of, d) < 0)
    {
      free (of->target);
      of->target = NULL;
      return -1;
    }
  return 0;
}

int
outfile_close (struct outfile *of, const char *path, bool ok, struct diag *d)
{
  int status = 0;

  if (ok && (fflush (of->fp) != 0 || ferror (of->fp)))
    {
      status = diag_set (d, CA_EXIT_FAILURE, "%s: write error: %s", path,
                         strerror (errno));
      ok = false;
    }
  if (fclose (of->fp) != 0 && ok)
    {
      status = diag_set (d, CA_EXIT_FAILURE, "%s: write error: %s", path,
                         strerror (errno));
      ok = false;
    }
  if (of->tmp_path != NULL)
    {
      if (ok && rename (of->tmp_path, of->target) != 0)
        {
          status
            = diag_set (d, CA_EXIT_FAILURE, "%s: %s", path, strerror (errno));
          ok = false;
        }
      if (!ok)
        unlink (of->tmp_path);
    }
  free (of->tmp_path);
  free (of->target);
  of->fp = NULL;
  of->tmp_path = of->target = NULL;
  return status;
}
