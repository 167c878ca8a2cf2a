/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The sentences of advise's candidate rules (search/advise-rules.h):
   the deadline in force and what each rule left out.  */
#ifndef CA_VIEW_ADVISE_RULES_TEXT_H
#define CA_VIEW_ADVISE_RULES_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "base/strbuf.h"
#include "search/advise.h"

/* "Deadline: ..." (when one is in force or --deadline none was asked)
   and "Left out: ..." (when a rule left a pair out) for R's rules and
   F's counts.  */
void advise_rules_write (FILE *fp, const struct advise_ranking *r,
                         const struct advise_funnel *f);

/* The same rules and counts in words for a manager, with no option
   names, appended to B: "runs that end within 96 h (twice the 48 h
   measured on the reference); NVIDIA accelerators only, with at least
   320 GiB of GPU memory; ...  Left out by these rules (instance x
   region pairs): 12 past the deadline".  */
void advise_rules_plain (struct strbuf *b, const struct advise_ranking *r,
                         const struct advise_funnel *f);

#endif /* CA_VIEW_ADVISE_RULES_TEXT_H */
