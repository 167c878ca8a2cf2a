/* The table of subcommands and their lookup.  */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "base/system.h"

extern const struct cmd_entry cmd_advise_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_estimate_entry;
extern const struct cmd_entry cmd_factors_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_merge_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_track_entry;

const struct cmd_entry *const cmd_table[] = {
  &cmd_advise_entry,
  &cmd_compare_entry,
  &cmd_estimate_entry,
  &cmd_factors_entry,
  &cmd_list_entry,
  &cmd_merge_entry,
  &cmd_report_entry,
  &cmd_track_entry,
  NULL,
};

const struct cmd_entry *
cmd_find (const char *name, struct diag *d)
{
  const struct cmd_entry *const *e;
  const struct cmd_entry *found = NULL;
  size_t n = strlen (name);
  size_t matches = 0;
  char list[256] = "";

  for (e = cmd_table; *e != NULL; e++)
    if (STREQ ((*e)->name, name))
      return *e;
  for (e = cmd_table; *e != NULL && n > 0; e++)
    if (strncmp ((*e)->name, name, n) == 0)
      {
        size_t used = strlen (list);

        snprintf (list + used, sizeof list - used, "%s%s",
                  matches > 0 ? ", " : "", (*e)->name);
        found = *e;
        matches++;
      }
  if (matches == 1)
    return found;
  if (matches > 1)
    {
      diag_set (d, CA_EXIT_USAGE, "ambiguous command '%s', could be: %s",
                name, list);
      return NULL;
    }
  for (e = cmd_table; *e != NULL; e++)
    {
      size_t used = strlen (list);

      snprintf (list + used, sizeof list - used, "%s%s",
                e != cmd_table ? ", " : "", (*e)->name);
    }
  diag_set (d, CA_EXIT_USAGE, "unknown command '%s'; commands: %s", name,
            list);
  return NULL;
}
