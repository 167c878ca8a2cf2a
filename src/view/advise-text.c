/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sentences of advise-text.h.  */
#include <config.h>

#include "view/advise-text.h"

void
advise_scaling_text (const struct scaling *s, struct strbuf *out)
{
  switch (s->mode)
    {
    case SCALING_FIXED:
      strbuf_printf (out, "the same runtime on every instance type");
      break;
    case SCALING_TABLE:
      strbuf_printf (out, "by the measured speed-ups of --speedup");
      break;
    case SCALING_VCPU:
      strbuf_printf (out,
                     "N vCPUs taken as N x one vCPU under Amdahl's law, "
                     "serial fraction %g",
                     s->serial_fraction);
      break;
    case SCALING_GPU:
      strbuf_printf (
        out,
        "by one GPU's measured training speed (median over benchmarks, "
        "data/gpus.csv), N GPUs taken as N x one GPU's speed under "
        "Amdahl's law, serial fraction %g%s",
        s->serial_fraction,
        !(s->serial_fraction < SCALING_GPU_SERIAL_FRACTION)
            && !(s->serial_fraction > SCALING_GPU_SERIAL_FRACTION)
          ? " (MLPerf from 8 to 16-64 GPUs, data/gpu_scaling.csv)"
          : "");
      break;
    }
}

void
advise_signal_text (const struct advise_signal_check *c, struct strbuf *out)
{
  const char *name = run_signal_name (c->signal);

  switch (c->outcome)
    {
    case ADVISE_SIGNAL_UNCHECKED:
      strbuf_printf (out, "Signal: not checked under --signal %s (%.200s).",
                     name, c->why);
      break;
    case ADVISE_SIGNAL_NO_FIGURES:
      strbuf_printf (out,
                     "Signal: no candidate has a %s grid intensity; the "
                     "recommendation cannot be checked against it.",
                     name);
      break;
    case ADVISE_SIGNAL_STAYS:
      strbuf_printf (out,
                     "Signal: under --signal %s the recommendation stays "
                     "%s in %s.",
                     name, c->instance->name, c->region->name);
      break;
    case ADVISE_SIGNAL_CHANGES:
      strbuf_printf (out,
                     "Signal: under --signal %s the recommendation changes "
                     "to %s in %s (%zu candidates have that figure).",
                     name, c->instance->name, c->region->name, c->candidates);
      break;
    }
}
