/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sentences of advise's candidate rules (advise-rules-text.h).  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "base/strbuf.h"
#include "view/advise-rules-text.h"

void
advise_count_text (char *buf, size_t size, size_t n)
{
  char digits[32];
  size_t len, i, out = 0;

  len = (size_t) snprintf (digits, sizeof digits, "%zu", n);
  for (i = 0; i < len && out + 2 < size; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        buf[out++] = ',';
      buf[out++] = digits[i];
    }
  buf[out] = '\0';
}

static void
write_deadline (FILE *fp, const struct advise_rules *rules)
{
  switch (rules->deadline_from)
    {
    case ADVISE_RULE_REFERENCE:
      fprintf (fp,
               "Deadline: %.6g h (twice the %.6g h measured on the "
               "reference; --deadline sets another, --deadline none lifts "
               "it).\n",
               rules->deadline_h, rules->reference_h);
      break;
    case ADVISE_RULE_ASKED:
      if (isinf (rules->deadline_h))
        fprintf (fp, "Deadline: none (--deadline none).\n");
      else
        fprintf (fp, "Deadline: %.6g h (--deadline).\n", rules->deadline_h);
      break;
    case ADVISE_RULE_FILTERS:
    case ADVISE_RULE_NONE:
    default:
      break;
    }
}

/* Append ", " and then "COUNT TEXT" to B when COUNT is not 0.  */
static void
add_part (struct strbuf *b, size_t count, const char *text)
{
  char n[32];

  if (count == 0)
    return;
  advise_count_text (n, sizeof n, count);
  if (b->len > 0)
    strbuf_append (b, ", ");
  strbuf_append (b, n);
  strbuf_append (b, text);
}

void
advise_rules_write (FILE *fp, const struct advise_ranking *r,
                    const struct advise_funnel *f)
{
  const struct advise_rules *rules = &r->rules;
  const size_t *k = f->kept;
  struct strbuf parts;
  char text[160];

  write_deadline (fp, rules);
  strbuf_init (&parts);
  if (STREQ (rules->accelerator, "none"))
    snprintf (text, sizeof text,
              " with an accelerator (a CPU job; --accelerator any keeps "
              "them)");
  else
    snprintf (text, sizeof text,
              " with another accelerator than %s (--accelerator any keeps "
              "them)",
              rules->accelerator);
  add_part (&parts, k[ADVISE_STAGE_INSTANCE] - k[ADVISE_STAGE_ACCELERATOR],
            text);
  snprintf (text, sizeof text, " with under %.6g GiB of GPU memory",
            rules->min_gpu_memory_gib);
  add_part (&parts, k[ADVISE_STAGE_ACCELERATOR] - k[ADVISE_STAGE_GPU_MEMORY],
            text);
  snprintf (text, sizeof text,
            " burstable (no published baseline reaches the %.6g %% load; "
            "--allow-burstable keeps them)",
            rules->load_pct);
  add_part (&parts, k[ADVISE_STAGE_GPU_MEMORY] - k[ADVISE_STAGE_BURSTABLE],
            text);
  add_part (&parts, k[ADVISE_STAGE_GRID] - k[ADVISE_STAGE_DEADLINE],
            " past the deadline");
  if (parts.len > 0)
    fprintf (fp, "Left out (instance x region pairs): %s.\n", parts.text);
  strbuf_release (&parts);
}
