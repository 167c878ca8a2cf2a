/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* "Did you mean ...?": the known names closest to a mistyped one.  */
#ifndef CA_SUGGEST_H
#define CA_SUGGEST_H

#include <stddef.h>

/* Choose, among the N strings NAMES, up to MAX closest to WORD by edit
   distance (insertions, deletions, substitutions and swaps of two
   neighbours, ignoring case), keeping only those close enough to be a
   plausible typo: at most a third of WORD's length, and at least 2.
   Closer names come first; equally close ones in the order of NAMES.
   Stores pointers into NAMES in BEST and returns how many.  */
size_t suggest_closest (const char *word, const char *const *names, size_t n,
                        const char **best, size_t max);

/* The edit distance between A and B as suggest_closest counts it.  */
size_t suggest_distance (const char *a, const char *b);

#endif /* CA_SUGGEST_H */
