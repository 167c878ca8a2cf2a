/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The report of advise's findings for a team: one HTML page with inline
   CSS and SVG charts, or a Markdown page.  The writers build text into a
   buffer; nothing here prints.  */
#ifndef CA_REPORT_H
#define CA_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "search/advise.h"
#include "search/compare.h"
#include "data/pricing.h"
#include "data/equivalents.h"
#include "view/svg.h"
#include "base/strbuf.h"

/* One group of regions for the chart of regions: the recommended
   instance type (or its equivalent) in every region of the group.  */
struct report_group
{
  const char *name; /* "nordics", or "considered" without
                       --group.  */
  struct compare *cmp;
};

/* What a report shows.  Everything is borrowed.  */
struct report
{
  const char *title;
  const struct advise_query *query;
  const struct advise_result *res;
  size_t rec;             /* The recommended candidate.  */
  const struct run *runs; /* The run of every candidate of RES's
                             ranking (advise_candidate_runs).  */
  const struct report_group *groups;
  size_t ngroups;
  const struct equivalents *equiv; /* Or NULL: no everyday equivalents.  */
};

/* The run of candidate I of R's ranking.  */
const struct run *report_run (const struct report *r, size_t i);

/* A mass in grams G as kilograms with the digits its size deserves, in
   BUF of SIZE bytes.  */
void report_kg (double g, char *buf, size_t size);

/* The sentences below append to OUT, and append nothing where they do
   not apply; they are plain text, each markup escapes them.  */

/* The job in one sentence: count, runtime (and where it was measured),
   load, how many candidates met the constraints and how many are on
   the Pareto front.  */
void report_job_text (const struct report *r, struct strbuf *out);

/* report-text.c's sentences, for a manager: no option names and no
   jargon but in report_terms.  */

/* What to do: move from the baseline to R's recommendation and what it
   saves (CO2e, %, USD), or, without a baseline, where to run and its
   footprint; and why this option.  */
void report_headline (const struct report *r, struct strbuf *out);

/* How sure the advice is, in words ("in 97 of 100 simulated cases it
   emits less than the current setup"), and whether the other grid
   figure changes it; nothing without a simulation.  */
void report_uncertainty_text (const struct report *r, struct strbuf *out);

/* When the recommendation runs on other hardware than the reference the
   runtime was measured on: the change, how much faster and the hours
   ("1 x V100 -> 1 x L40S (...): 1.4x faster on measured training
   benchmarks, so 17 h instead of 24 h.").  Nothing otherwise.  */
void report_hardware_text (const struct report *r, struct strbuf *out);

/* GRAMS of CO2e in everyday terms from R's equivalents table: "about as
   much CO2 as 400 km driven by an average passenger car"; the first
   equivalent always, the others from one whole unit.  Nothing without
   the table or for GRAMS <= 0.  */
void report_equivalents_text (const struct report *r, double grams,
                              struct strbuf *out);

/* The sentence of the equivalents of the saving against the baseline
   (none when it adds CO2e), or without one of the job's emissions.  */
void report_equivalents_sentence (const struct report *r, struct strbuf *out);

/* The attribution line of the equivalents' sources, or nothing.  */
void report_equivalents_attribution (const struct report *r,
                                     struct strbuf *out);

/* The glossary of the appendix: "Term: meaning." each, ending with
   NULL.  */
extern const char *const report_terms[];

/* One plain sentence when SPAN's prices are PRICING_STALE_DAYS or more
   apart, in BUF of SIZE bytes; "" when they are not.  */
void report_price_span_text (const struct price_span *span, char *buf,
                             size_t size);

/* The same for the prices R compares (its front and its baseline),
   appended to OUT.  */
void report_price_dates_text (const struct report *r, struct strbuf *out);

/* Why not the cheapest (WHICH 0) or the greenest (WHICH 1) option: one
   sentence, or nothing when it is the recommendation.  */
void report_why_not (const struct report *r, int which, struct strbuf *out);

/* The role of candidate I in a few words ("knee, cheapest"), or
   nothing.  */
void report_marks (const struct report *r, size_t i, struct strbuf *out);

/* The carbon prices (USD/tCO2e) from LOW to HIGH at which a candidate is
   the best choice: "above LOW" when HIGH is infinite, else "LOW to
   HIGH".  */
void report_price_range (double low, double high, struct strbuf *out);

/* One row of the table of the Pareto front, the same facts in both
   markups.  */
struct report_front_row
{
  const struct run *run;
  bool recommended;
  char kg[32]; /* Emissions, as report_kg writes them.  */
  /* With --uncertainty, the p5 and p95 of the emissions and P(front);
     "", "" and NaN without.  */
  char lo[32], hi[32];
  double p_front;
  struct strbuf best_at; /* report_price_range of the carbon prices
                            at which it is the best choice, or "".  */
  struct strbuf marks;   /* report_marks.  */
};

/* Fill ROW with the facts of candidate I; release it with
   report_front_row_release.  */
void report_front_row (const struct report *r, size_t i,
                       struct report_front_row *row);
void report_front_row_release (struct report_front_row *row);

/* The assumptions as (label, text) pairs: fills up to MAX of LABELS and
   TEXTS (each text a new string the caller frees) and returns how many.  */
size_t report_assumptions (const struct report *r, const char **labels,
                           char **texts, size_t max);

/* The attributions the data licences require, one line each, ending
   with NULL.  */
extern const char *const report_attributions[];

/* report-charts.c's: the chart of carbon against cost, with a note of
   the far-out candidates left off it, and the chart of the regions of
   each group, as inline SVG.  */
void report_carbon_chart (struct strbuf *b, const struct report *r);
void report_regions_chart (struct strbuf *b, const struct report *r);

/* Append R as a whole HTML page (inline CSS and SVG, no external
   resource) to B.  */
void report_html (struct strbuf *b, const struct report *r);

/* Append R as a Markdown page to B.  */
void report_markdown (struct strbuf *b, const struct report *r);

#endif /* CA_REPORT_H */
