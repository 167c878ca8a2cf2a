/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The summary of tracked jobs as one self-contained HTML page: the
   totals, a chart of each key's total, the table and the largest jobs
   (inline CSS and SVG, no network resources).  */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "view/quantity.h"
#include "view/svg.h"
#include "view/track-view.h"
#include "base/xalloc.h"

/* The most keys drawn in the chart: the largest.  */
#define HTML_BARS 30

static const char style[]
  = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;"
    "color:#222}table{border-collapse:collapse;margin:1em 0}"
    "td,th{padding:.2em .6em;border-bottom:1px solid #ddd}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "svg text{font-size:12px}.bar{fill:#4a7}";

/* Append the key's values, "/"-joined, to B, escaped.  */
static void
key_text (struct strbuf *b, const char *key, size_t len)
{
  struct strbuf copy;
  size_t i;

  strbuf_init (&copy);
  strbuf_append_len (&copy, key, len);
  for (i = 0; i < copy.len; i++)
    if (copy.text[i] == '\x1f')
      copy.text[i] = '/';
  svg_escape (b, copy.text[0] != '\0' ? copy.text : "(none)");
  strbuf_release (&copy);
}

/* How the page writes Scope 2, Scope 3 and the total: each column in
   the unit of its largest figure, the total row's (all figures are
   sums of non-negative ones).  */
struct mass_columns
{
  struct mass_column scope2, scope3, total;
};

/* Append the cell of MG milligrams as COL has it.  */
static void
mass_cell (struct strbuf *b, int64_t mg, const struct mass_column *col)
{
  strbuf_append (b, "<td class=n>");
  quantity_in_column (b, (double) mg / 1e3, col);
  strbuf_append (b, "</td>");
}

/* One row of figures, masses as M has them.  */
static void
row_cells (struct strbuf *b, const int64_t *s, int64_t total_mg,
           const struct mass_columns *m)
{
  strbuf_printf (b,
                 "<td class=n>%" PRId64 "</td><td class=n>%.1f</td>"
                 "<td class=n>%.3f</td>",
                 s[TALLY_JOBS], (double) s[TALLY_GPU_MH] / 1e3,
                 (double) s[TALLY_ENERGY_WH] / 1e6);
  mass_cell (b, s[TALLY_SCOPE2_MG], &m->scope2);
  mass_cell (b, s[TALLY_SCOPE3_MG], &m->scope3);
  mass_cell (b, s[TALLY_TOTAL_MG], &m->total);
  if (total_mg > 0)
    strbuf_printf (b, "<td class=n>%.1f</td>",
                   100.0 * (double) s[TALLY_TOTAL_MG] / (double) total_mg);
  else
    strbuf_append (b, "<td class=n>-</td>");
  if (s[TALLY_PRICED] > 0)
    strbuf_printf (b, "<td class=n>%.2f</td>",
                   (double) s[TALLY_COST_UUSD] / 1e6);
  else
    strbuf_append (b, "<td class=n>-</td>");
  strbuf_printf (b, "<td class=n>%" PRId64 "</td></tr>\n", s[TALLY_FAILED]);
}

static int
by_total (const void *a, const void *b)
{
  const struct tally_row *x = a, *y = b;
  int64_t tx = x->sums[TALLY_TOTAL_MG], ty = y->sums[TALLY_TOTAL_MG];

  if (tx != ty)
    return tx > ty ? -1 : 1;
  return strcmp (x->key, y->key);
}

/* The chart of the largest keys' totals.  */
static void
chart (struct strbuf *b, const struct tally_row *rows, size_t n)
{
  struct tally_row *sorted = xcalloc (n + 1, sizeof *sorted);
  struct svg_bar *bars = xcalloc (HTML_BARS + 1, sizeof *bars);
  char **labels = xcalloc (HTML_BARS + 1, sizeof *labels);
  size_t i, nb = n < HTML_BARS ? n : HTML_BARS;

  memcpy (sorted, rows, n * sizeof *rows);
  qsort (sorted, n, sizeof *sorted, by_total);
  for (i = 0; i < nb; i++)
    {
      char *p;

      labels[i]
        = xstrdup (sorted[i].key[0] != '\0' ? sorted[i].key : "(none)");
      for (p = labels[i]; *p != '\0'; p++)
        if (*p == '\x1f')
          *p = '/';
      bars[i].label = labels[i];
      bars[i].value = (double) sorted[i].sums[TALLY_TOTAL_MG] / 1e3;
      bars[i].cls = "bar";
    }
  /* The bars in the unit of the largest, the first.  */
  struct mass_column col = mass_column_for (nb > 0 ? bars[0].value : 0.0);
  struct strbuf unit;
  strbuf_init (&unit);
  strbuf_printf (&unit, "%sCO2e", col.unit.symbol);
  for (i = 0; i < nb; i++)
    bars[i].value /= col.unit.grams;
  svg_bars (b, 720, unit.text, bars, nb, NULL, col.decimals, "Total per key");
  strbuf_release (&unit);
  for (i = 0; i < nb; i++)
    free (labels[i]);
  free (labels);
  free (bars);
  free (sorted);
}

/* The page's first paragraph: the counts of records REC, ACC and REJ
   and the TOTAL sums in words.  */
static void
write_totals (struct strbuf *b, uint64_t rec, uint64_t acc, uint64_t rej,
              const int64_t *total)
{
  strbuf_printf (b,
                 "</h1>\n<p>%" PRIu64 " records: %" PRIu64
                 " accounted, %" PRIu64 " rejected.  Total ",
                 rec, acc, rej);
  quantity_carbon (b, (double) total[TALLY_TOTAL_MG] / 1e3);
  strbuf_append (b, " (Scope 2 ");
  quantity_carbon (b, (double) total[TALLY_SCOPE2_MG] / 1e3);
  strbuf_append (b, ", Scope 3 ");
  quantity_carbon (b, (double) total[TALLY_SCOPE3_MG] / 1e3);
  strbuf_printf (b, "), %.3f kWh.</p>\n",
                 (double) total[TALLY_ENERGY_WH] / 1e6);
}

/* The table of T's largest jobs, their totals in the unit of the
   largest (the first).  */
static void
write_top (struct strbuf *b, const struct tally *t)
{
  size_t ntop;
  const struct tally_top *top = tally_top (t, &ntop);
  struct mass_column col
    = mass_column_for (ntop > 0 ? (double) top[0].total_mg / 1e3 : 0.0);

  strbuf_printf (b,
                 "</table>\n<h2>Largest jobs</h2>\n<table>\n"
                 "<tr><th>Job</th><th>Key</th><th>Total %sCO2e</th></tr>\n",
                 col.unit.symbol);
  for (size_t i = 0; i < ntop; i++)
    {
      strbuf_append (b, "<tr><td>");
      svg_escape (b, top[i].label);
      strbuf_append (b, "</td><td>");
      key_text (b, top[i].key, strlen (top[i].key));
      strbuf_append (b, "</td><td class=n>");
      quantity_in_column (b, (double) top[i].total_mg / 1e3, &col);
      strbuf_append (b, "</td></tr>\n");
    }
}

int
track_view_html (FILE *fp, const struct tally *t, const char *title)
{
  struct strbuf b;
  size_t n, i, nby;
  struct tally_row *rows = tally_rows (t, &n);
  int64_t total[TALLY_NSUMS] = { 0 };
  uint64_t rec, acc, rej;
  int ok;

  tally_by (t, &nby);
  tally_counts (t, &rec, &acc, &rej);
  for (i = 0; i < n; i++)
    for (size_t j = 0; j < TALLY_NSUMS; j++)
      total[j] += rows[i].sums[j];
  strbuf_init (&b);
  strbuf_append (&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                     "<meta charset=\"utf-8\">\n<title>");
  svg_escape (&b, title);
  strbuf_printf (&b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
                 style);
  svg_escape (&b, title);
  write_totals (&b, rec, acc, rej, total);
  if (nby > 0)
    chart (&b, rows, n);
  strbuf_append (&b, "<table>\n<tr><th>");
  svg_escape (&b, tally_meta (t)->by[0] ? tally_meta (t)->by : "all");
  struct mass_columns m
    = { mass_column_for ((double) total[TALLY_SCOPE2_MG] / 1e3),
        mass_column_for ((double) total[TALLY_SCOPE3_MG] / 1e3),
        mass_column_for ((double) total[TALLY_TOTAL_MG] / 1e3) };
  strbuf_printf (&b,
                 "</th><th>Jobs</th><th>GPU-hours</th><th>kWh</th>"
                 "<th>Scope 2 %sCO2e</th><th>Scope 3 %sCO2e</th>"
                 "<th>Total %sCO2e</th><th>Share %%</th><th>Cost USD</th>"
                 "<th>Failed</th></tr>\n",
                 m.scope2.unit.symbol, m.scope3.unit.symbol,
                 m.total.unit.symbol);
  for (i = 0; nby > 0 && i < n; i++)
    {
      strbuf_append (&b, "<tr><td>");
      key_text (&b, rows[i].key, rows[i].len);
      strbuf_append (&b, "</td>");
      row_cells (&b, rows[i].sums, total[TALLY_TOTAL_MG], &m);
    }
  strbuf_append (&b, "<tr><th>total</th>");
  row_cells (&b, total, total[TALLY_TOTAL_MG], &m);
  write_top (&b, t);
  strbuf_printf (&b,
                 "</table>\n<p>Data tables %s; grid figures of "
                 "on-premises sites: Electricity Maps (2025), 2024 Yearly "
                 "Carbon Intensity Data, ODbL.  Every source: "
                 "data/sources.csv.</p>\n</body>\n</html>\n",
                 tally_meta (t)->tables);
  ok = fputs (b.text, fp) == EOF ? -1 : 0;
  strbuf_release (&b);
  free (rows);
  return ok;
}
