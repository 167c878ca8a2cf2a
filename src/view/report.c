/* What the HTML and Markdown reports share: the sentences and the
   assumptions.  */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/report.h"
#include "base/xalloc.h"

const char *const report_attributions[] = {
  "Instance power and embodied carbon: Teads Engineering, EC2 Carbon "
  "Emissions Dataset (CC BY 4.0), via Valohai Wattson; non-EC2 rows "
  "dropped, GPU names shortened, per-instance embodied share computed.",
  /* The attribution Electricity Maps asks for, its address without the
     scheme: the page stays free of anything a browser could fetch.  */
  "Region grid intensities (the default of every region): Electricity "
  "Maps (2025). 2024 Yearly Carbon Intensity Data (Version January 27, "
  "2025). Electricity Maps. www.electricitymaps.com (ODbL 1.0), via "
  "nf-co2footprint.",
  "Country grid intensities (uncertainty range only): Our World in Data, "
  "based on Ember and the Energy Institute (CC BY 4.0), via CodeCarbon "
  "(MIT).",
  "Earlier Electricity Maps yearly figures (uncertainty range only); "
  "marginal intensities: WattTime; PUE and market-based figures: AWS, "
  "Google, Microsoft; as compiled by the Green Software Foundation "
  "Real-Time Cloud project (facts of their publishers).",
  "Fleet PUE fallbacks and CCF coefficients: Cloud Carbon Footprint "
  "(Apache-2.0).",
  "Prices: AWS list prices via Karpenter (Apache-2.0), Vantage "
  "ec2instances.info via tsaol/aws-gpu and ec2.shop (MIT), spot via "
  "Infracost data in coroot/cloud-pricing (Apache-2.0); Google list "
  "prices via Cyclenerd/google-cloud-pricing-cost-calculator "
  "(Apache-2.0); Azure retail prices via Karpenter for Azure "
  "(Apache-2.0) and anycloud-sh/catalog.",
  "Region coordinates: Electricity Maps electricitymaps-contrib (facts "
  "only).  Every source, year and licence: data/README.md.",
  NULL
};

void
report_kg (double g, char *buf, size_t size)
{
  double kg = g / 1000.0;
  double a = fabs (kg);
  int decimals = a >= 100.0 ? 0 : a >= 10.0 ? 1 : a >= 1.0 ? 2 : 3;

  snprintf (buf, size, "%.*f", decimals, kg);
  if (STREQ (buf, "-0") || strspn (buf, "-0.") == strlen (buf))
    snprintf (buf, size, "%.*f", decimals, 0.0);
}

/* The run of candidate I.  */
static const struct run *
cand (const struct report *r, size_t i)
{
  return &r->res->ranking.cands[i].run;
}

void
report_marks (const struct report *r, size_t i, char *buf, size_t size)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  const char *names[5];
  size_t n = 0, k;

  if (i == r->rec)
    names[n++] = "recommended";
  if (i == p->knee)
    names[n++] = "knee";
  if (i == p->cheapest)
    names[n++] = "cheapest";
  if (i == p->greenest)
    names[n++] = "greenest";
  if (i == rk->carbon_pick)
    names[n++] = "carbon-price pick";
  buf[0] = '\0';
  for (k = 0; k < n; k++)
    {
      size_t used = strlen (buf);

      snprintf (buf + used, size - used, "%s%s", k > 0 ? ", " : "",
                names[k]);
    }
}

/* Why R recommends its pick, in a few words.  */
static const char *
why_recommended (const struct report *r)
{
  const struct advise_ranking *rk = &r->res->ranking;

  return r->rec == rk->carbon_pick      ? "the carbon-price pick"
         : r->rec == rk->pareto->knee ? "the knee of the front"
                                        : "the lowest carbon";
}

void
report_uncertainty_text (const struct report *r, char *buf, size_t size)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct pareto *p = rk->pareto;
  size_t used;

  buf[0] = '\0';
  if (rk->unc == NULL)
    return;
  snprintf (buf, size, "Uncertainty: %zu samples (seed %lu); P(front) of "
            "the recommendation %.2f", rk->spec.samples, rk->spec.seed,
            rk->p_front[r->rec]);
  used = strlen (buf);
  if (rk->has_baseline && used < size)
    used += (size_t) snprintf (buf + used, size - used,
                               "; P(it emits less than the baseline) %.2f",
                               rk->p_below_baseline);
  if (r->rec != p->cheapest && used < size)
    used += (size_t) snprintf (buf + used, size - used,
                               "; P(it emits less than the cheapest) %.2f",
                               rk->p_below_cheapest);
  if (used < size)
    snprintf (buf + used, size - used, ". %s", rk->signal_line);
}

void
report_price_span_text (const struct price_span *span, char *buf,
                        size_t size)
{
  long days = price_span_days (span);

  if (days < PRICING_STALE_DAYS)
    {
      buf[0] = '\0';
      return;
    }
  snprintf (buf, size, "The prices compared are dated %s to %s, %.0f "
            "months apart: the older ones may have changed since.",
            span->oldest, span->newest, days / (365.25 / 12.0));
}

void
report_price_dates_text (const struct report *r, char *buf, size_t size)
{
  struct price_span span;

  advise_price_span (&r->res->ranking, &span);
  report_price_span_text (&span, buf, size);
}

void
report_headline (const struct report *r, char *buf, size_t size)
{
  const struct advise_ranking *rk = &r->res->ranking;
  const struct run *c = cand (r, r->rec);
  char kg[32], saved[32];
  size_t used;

  report_kg (c->footprint.total_gco2e, kg, sizeof kg);
  snprintf (buf, size, "Run on %s in %s (%s): %s kgCO2e and %.2f USD for "
            "the job.",
            c->instance->name, c->region->name, why_recommended (r), kg,
            c->footprint.cost_usd);
  if (!rk->has_baseline)
    return;
  {
    const struct footprint *b = &rk->baseline.footprint;
    double dg = b->total_gco2e - c->footprint.total_gco2e;
    double du = b->cost_usd - c->footprint.cost_usd;

    report_kg (fabs (dg), saved, sizeof saved);
    used = strlen (buf);
    snprintf (buf + used, size - used,
              " Against the baseline, %s in %s, it %s %s kgCO2e (%.1f %%) "
              "and %s %.2f USD%s.",
              rk->baseline.instance->name, rk->baseline.region->name,
              dg >= 0.0 ? "saves" : "adds", saved,
              b->total_gco2e > 0.0 ? 100.0 * fabs (dg) / b->total_gco2e
                                   : 0.0,
              du >= 0.0 ? "saves" : "costs", fabs (du),
              du >= 0.0 ? "" : " more");
  }
}

void
report_why_not (const struct report *r, int which, char *buf, size_t size)
{
  const struct pareto *p = r->res->ranking.pareto;
  size_t i = which == 0 ? p->cheapest : p->greenest;
  const struct run *x = cand (r, i), *c = cand (r, r->rec);
  double dg = x->footprint.total_gco2e - c->footprint.total_gco2e;
  double du = x->footprint.cost_usd - c->footprint.cost_usd;
  char kg[32];

  buf[0] = '\0';
  if (i == r->rec)
    return;
  report_kg (fabs (dg), kg, sizeof kg);
  if (which == 0)
    snprintf (buf, size,
              "Why not the cheapest, %s in %s? It saves %.2f USD but emits "
              "%s kgCO2e more (%.0f %% more than the recommendation).",
              x->instance->name, x->region->name, -du, kg,
              c->footprint.total_gco2e > 0.0
                ? 100.0 * dg / c->footprint.total_gco2e
                : 0.0);
  else
    snprintf (buf, size,
              "Why not the greenest, %s in %s? It saves another %s kgCO2e "
              "but costs %.2f USD more: %.0f USD per tonne CO2e avoided.",
              x->instance->name, x->region->name, kg, du,
              dg < 0.0 ? du / (-dg / PARETO_GRAMS_PER_TONNE) : NAN);
}

/* A new string from printf-style arguments.  */
static char *
xasprintf_ (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

static char *
xasprintf_ (const char *fmt, ...)
{
  struct strbuf b;
  va_list ap;
  char tmp[1024];

  va_start (ap, fmt);
  vsnprintf (tmp, sizeof tmp, fmt, ap);
  va_end (ap);
  strbuf_init (&b);
  strbuf_printf (&b, "%s", tmp);
  return b.text;
}

/* " (SOURCE, YEAR)" for a figure.  */
static void
cite (char *buf, size_t size, const char *source, long year)
{
  if (source == NULL || source[0] == '\0')
    snprintf (buf, size, "%s", "");
  else if (year > 0)
    snprintf (buf, size, " (%s, %ld)", source, year);
  else
    snprintf (buf, size, " (%s)", source);
}

size_t
report_assumptions (const struct report *r, const char **labels,
                    char **texts, size_t max)
{
  const struct advise_opts *o = r->opts;
  const struct advise_ranking *rk = &r->res->ranking;
  const struct catalogue *cat = r->res->cat;
  const struct run *c = cand (r, r->rec);
  const struct scaling *s = &r->res->scaling;
  const char *date_lo = NULL, *date_hi = NULL;
  char a[96], b[96];
  size_t n = 0, i;

#define ADD(label, text)                                                    \
  do                                                                        \
    {                                                                       \
      if (n < max)                                                          \
        {                                                                   \
          labels[n] = (label);                                              \
          texts[n++] = (text);                                              \
        }                                                                   \
      else                                                                  \
        free (text);                                                        \
    }                                                                       \
  while (0)

  if (s->reference != NULL && s->mode != SCALING_FIXED)
    ADD ("Runtime",
         xasprintf_ ("%g h measured on %s, scaled to each instance type "
                     "by --scaling %s (%s); %.2f h on %s",
                     o->job.params.runtime_h, s->reference->name,
                     scaling_mode_name (s->mode), rk->scaling_line,
                     c->runtime_h, c->instance->name));
  else
    ADD ("Runtime", xasprintf_ ("%g h on every instance type (no scaling)",
                                o->job.params.runtime_h));
  ADD ("Load", xasprintf_ ("%g %% average%s", o->job.params.load_pct,
                           isnan (o->unc.load.low)
                             ? ""
                             : " (with the range given for --uncertainty)"));
  ADD ("Count", xasprintf_ ("%ld instance%s", o->job.params.count,
                            o->job.params.count == 1 ? "" : "s"));
  cite (a, sizeof a, c->pue_source, c->pue_year);
  if (rk->has_baseline)
    cite (b, sizeof b, rk->baseline.pue_source, rk->baseline.pue_year);
  ADD ("PUE", xasprintf_ ("%.2f in %s%s%s%s%.2f in %s%s",
                          c->pue, c->region->name, a,
                          rk->has_baseline ? "; " : "",
                          rk->has_baseline ? "baseline " : "",
                          rk->has_baseline ? rk->baseline.pue : 0.0,
                          rk->has_baseline ? rk->baseline.region->name : "",
                          rk->has_baseline ? b : ""));
  if (!rk->has_baseline)
    texts[n - 1][strcspn (texts[n - 1], ";")] = '\0';
  cite (a, sizeof a, c->grid_source, c->grid_year);
  if (rk->has_baseline)
    cite (b, sizeof b, rk->baseline.grid_source, rk->baseline.grid_year);
  ADD ("Grid signal",
       xasprintf_ ("%s (%s level): %.1f gCO2e/kWh in %s%s%s%.1f%s%s%s",
                   run_signal_name (o->job.params.signal), c->grid_level,
                   c->grid_gco2e_per_kwh, c->region->name, a,
                   rk->has_baseline ? "; baseline " : "",
                   rk->has_baseline ? rk->baseline.grid_gco2e_per_kwh : 0.0,
                   rk->has_baseline ? " gCO2e/kWh in " : "",
                   rk->has_baseline ? rk->baseline.region->name : "",
                   rk->has_baseline ? b : ""));
  if (!rk->has_baseline)
    texts[n - 1][strcspn (texts[n - 1], ";")] = '\0';
  ADD ("Lifetime", xasprintf_ ("%g years of hardware life for the "
                               "manufacturing emissions (Scope 3)",
                               o->job.params.lifetime_years));
  for (i = 0; i < rk->n; i++)
    {
      const char *d = rk->cands[i].run.price->date;

      if (d[0] == '\0')
        continue;
      if (date_lo == NULL || strcmp (d, date_lo) < 0)
        date_lo = d;
      if (date_hi == NULL || strcmp (d, date_hi) > 0)
        date_hi = d;
    }
  ADD ("Prices", xasprintf_ ("%s prices dated %s to %s%s%s; %s's from %s",
                             o->job.pricing == PRICING_SPOT
                               ? "spot" : "on-demand list",
                             date_lo != NULL ? date_lo : "-",
                             date_hi != NULL ? date_hi : "-",
                             o->job.price_file != NULL
                               ? ", the team's own from " : "",
                             o->job.price_file != NULL
                               ? o->job.price_file : "",
                             c->instance->name, c->price->source));
  ADD ("Method",
       xasprintf_ ("%s: energy = power at the load x runtime x count x PUE; "
                   "Scope 2 = energy x grid intensity; Scope 3 = the "
                   "instance's share of its host's manufacturing emissions "
                   "x runtime / lifetime (doc/METHODOLOGY.md)",
                   o->job.params.method == RUN_METHOD_CCF
                     ? "Cloud Carbon Footprint's coefficients"
                     : "Teads' measured power curves"));
  ADD ("Data",
       xasprintf_ ("carbon-advisor %s tables: %zu instance types, %zu "
                   "regions, %zu priced pairs; power %s%s",
                   PACKAGE_VERSION, cat->ninstances, cat->nregions,
                   cat->nprices, c->power_origin,
                   STREQ (c->power_origin, "measured")
                     ? " (Teads sheet)"
                     : " (component model)"));
#undef ADD
  return n;
}
