/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sentences of advise's candidate rules (advise-rules-text.h).  */
#include <config.h>

#include <math.h>
#include <string.h>

#include "base/strbuf.h"
#include "view/advise-rules-text.h"
#include "view/quantity.h"

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
  if (count == 0)
    return;
  if (b->len > 0)
    strbuf_append (b, ", ");
  quantity_fixed (b, (double) count, 0);
  strbuf_append (b, text);
}

/* The accelerators' names for people.  */
static const char *
accelerator_name (const char *ecosystem)
{
  static const struct
  {
    const char *key, *name;
  } names[] = { { "nvidia", "NVIDIA" },
                { "amd", "AMD" },
                { "neuron", "AWS Neuron" },
                { "gaudi", "Intel Gaudi" },
                { "fpga", "FPGA" } };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (STREQ (ecosystem, names[i].key))
      return names[i].name;
  return ecosystem;
}

/* What R's rules left out of F's pairs, as a comma list into PARTS;
   with HINTS, the option that keeps each (for the command line), else
   in words alone (for the report).  */
static void
left_out_parts (struct strbuf *parts, const struct advise_ranking *r,
                const struct advise_funnel *f, bool hints)
{
  const struct advise_rules *rules = &r->rules;
  const size_t *k = f->kept;
  char text[200];

  if (STREQ (rules->accelerator, "none"))
    snprintf (text, sizeof text, " with an accelerator (a CPU job%s)",
              hints ? "; --accelerator any keeps them" : "");
  else
    snprintf (text, sizeof text, " with another accelerator than %s%s",
              hints ? rules->accelerator
                    : accelerator_name (rules->accelerator),
              hints ? " (--accelerator any keeps them)" : "");
  add_part (parts, k[ADVISE_STAGE_INSTANCE] - k[ADVISE_STAGE_ACCELERATOR],
            text);
  snprintf (text, sizeof text, " with under %.6g GiB of GPU memory",
            rules->min_gpu_memory_gib);
  add_part (parts, k[ADVISE_STAGE_ACCELERATOR] - k[ADVISE_STAGE_GPU_MEMORY],
            text);
  snprintf (text, sizeof text,
            " burstable (no published baseline reaches the %.6g %% load%s)",
            rules->load_pct, hints ? "; --allow-burstable keeps them" : "");
  add_part (parts, k[ADVISE_STAGE_GPU_MEMORY] - k[ADVISE_STAGE_BURSTABLE],
            text);
  add_part (parts, k[ADVISE_STAGE_GRID] - k[ADVISE_STAGE_DEADLINE],
            " past the deadline");
}

void
advise_rules_write (FILE *fp, const struct advise_ranking *r,
                    const struct advise_funnel *f)
{
  struct strbuf parts;

  write_deadline (fp, &r->rules);
  strbuf_init (&parts);
  left_out_parts (&parts, r, f, true);
  if (parts.len > 0)
    fprintf (fp, "Left out (instance x region pairs): %s.\n", parts.text);
  strbuf_release (&parts);
}

void
advise_rules_plain (struct strbuf *b, const struct advise_ranking *r,
                    const struct advise_funnel *f)
{
  const struct advise_rules *rules = &r->rules;
  struct strbuf parts;

  if (rules->deadline_from == ADVISE_RULE_REFERENCE)
    strbuf_printf (b,
                   "runs that end within %.6g h (twice the %.6g h measured "
                   "on the reference)",
                   rules->deadline_h, rules->reference_h);
  else if (isfinite (rules->deadline_h))
    strbuf_printf (b, "runs that end within %.6g h", rules->deadline_h);
  else
    strbuf_append (b, "no deadline");
  if (STREQ (rules->accelerator, "none"))
    strbuf_append (b, "; no accelerators (a CPU job)");
  else if (!STREQ (rules->accelerator, "any"))
    strbuf_printf (b, "; %s accelerators only",
                   accelerator_name (rules->accelerator));
  if (rules->min_gpu_memory_gib > 0.0)
    strbuf_printf (b, ", with at least %.6g GiB of GPU memory",
                   rules->min_gpu_memory_gib);
  if (!rules->allow_burstable)
    strbuf_printf (b,
                   "; no burstable types unless their published baseline "
                   "carries the %.6g %% load",
                   rules->load_pct);
  strbuf_init (&parts);
  left_out_parts (&parts, r, f, false);
  if (parts.len > 0)
    strbuf_printf (b,
                   ".  Left out by these rules (instance x region "
                   "pairs): %s",
                   parts.text);
  strbuf_release (&parts);
}
