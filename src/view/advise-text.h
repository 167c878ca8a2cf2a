/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sentences advise's summary and the report share about how the
   search went: the runtime scaling it assumed, and whether the
   recommendation holds under the other grid signal.  The search gives
   the facts (search/advise.h); these say them.  */
#ifndef CA_ADVISE_TEXT_H
#define CA_ADVISE_TEXT_H

#include "base/strbuf.h"
#include "model/scaling.h"
#include "search/advise.h"

/* S's assumption as a sentence fragment, e.g. "N vCPUs taken as N x one
   vCPU under Amdahl's law, serial fraction 0", appended to OUT.  */
void advise_scaling_text (const struct scaling *s, struct strbuf *out);

/* C's outcome as one sentence ("Signal: under --signal marginal the
   recommendation stays ..."), appended to OUT.  */
void advise_signal_text (const struct advise_signal_check *c,
                         struct strbuf *out);

#endif /* CA_ADVISE_TEXT_H */
