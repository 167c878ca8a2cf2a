/* The report of advise's findings for a team: one HTML page with inline
   CSS and SVG charts, or a Markdown page.  The writers build text into a
   buffer; nothing here prints.  */
#ifndef CA_REPORT_H
#define CA_REPORT_H

#include <stddef.h>

#include "cmd/cmd-advise.h"
#include "search/compare.h"
#include "data/pricing.h"
#include "view/svg.h"

/* One group of regions for the chart of regions: the recommended
   instance type (or its equivalent) in every region of the group.  */
struct report_group
{
  const char *name;             /* "nordics", or "considered" without
                                   --group.  */
  struct compare *cmp;
};

/* What a report shows.  Everything is borrowed.  */
struct report
{
  const char *title;
  const struct advise_opts *opts;
  const struct advise_result *res;
  size_t rec;                   /* The recommended candidate.  */
  const struct report_group *groups;
  size_t ngroups;
};

/* A mass in grams G as kilograms with the digits its size deserves, in
   BUF of SIZE bytes.  */
void report_kg (double g, char *buf, size_t size);

/* The sentence of R's recommendation and its saving against the
   baseline (kgCO2e, %, USD), without markup, in BUF.  */
void report_headline (const struct report *r, char *buf, size_t size);

/* The sentence on how sure the recommendation is (samples, seed,
   P(front), P(beats the baseline), P(beats the cheapest), and whether
   the other grid signal changes it) into BUF of SIZE bytes; "" without
   --uncertainty.  Plain text: each writer escapes it.  */
void report_uncertainty_text (const struct report *r, char *buf,
                              size_t size);

/* One plain sentence when SPAN's prices are PRICING_STALE_DAYS or more
   apart, in BUF of SIZE bytes; "" when they are not.  */
void report_price_span_text (const struct price_span *span, char *buf,
                             size_t size);

/* The same for the prices R compares: its front and its baseline.  */
void report_price_dates_text (const struct report *r, char *buf,
                              size_t size);

/* Why not the cheapest (WHICH 0) or the greenest (WHICH 1) option: one
   sentence in BUF, or "" when it is the recommendation.  */
void report_why_not (const struct report *r, int which, char *buf,
                     size_t size);

/* The role of candidate I in a few words ("knee, cheapest"), or "".  */
void report_marks (const struct report *r, size_t i, char *buf,
                   size_t size);

/* The assumptions as (label, text) pairs: fills up to MAX of LABELS and
   TEXTS (each text a new string the caller frees) and returns how many.  */
size_t report_assumptions (const struct report *r, const char **labels,
                           char **texts, size_t max);

/* The attributions the data licences require, one line each, ending
   with NULL.  */
extern const char *const report_attributions[];

/* Append R as a whole HTML page (inline CSS and SVG, no external
   resource) to B.  */
void report_html (struct strbuf *b, const struct report *r);

/* Append R as a Markdown page to B.  */
void report_markdown (struct strbuf *b, const struct report *r);

#endif /* CA_REPORT_H */
