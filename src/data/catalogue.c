/* The bundled data: instance types, regions, prices, groups, sources,
   and Cloud Carbon Footprint's coefficients.  */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/catalogue.h"
#include "base/csvio.h"
#include "base/numparse.h"
#include "data/tablecheck.h"
#include "base/xalloc.h"

const double catalogue_power_loads[CATALOGUE_POWER_POINTS]
  = { 0.0, 10.0, 50.0, 100.0 };

/* The tables the structs point into, and sorted indexes for lookups.  */
struct catalogue_private
{
  struct csv_table *tables[13];
  const char *files[13];   /* Their names, for the range checks.  */
  const struct instance **instances_by_name;
  const struct region **regions_by_name;
  const struct price **prices_by_pair;
};

/* One table being turned into structs: where errors point.  */
struct table_reader
{
  const struct csv_table *t;
  size_t row;
  struct diag *d;
};

static char *
path_join (const char *dir, const char *file)
{
  size_t n = strlen (dir) + strlen (file) + 2;
  char *p = xmalloc (n);

  snprintf (p, n, "%s/%s", dir, file);
  return p;
}

/* Find the columns named in NAMES (NULL-terminated) and store their
   indexes in COLS.  */
static int
find_columns (const struct csv_table *t, const char *const *names,
              size_t *cols, struct diag *d)
{
  size_t i;

  for (i = 0; names[i] != NULL; i++)
    {
      long c = csvio_column (t, names[i]);

      if (c < 0)
        return diag_set (d, CA_EXIT_DATAERR, "%s:1: missing column '%s'",
                         t->path, names[i]);
      cols[i] = (size_t) c;
    }
  return 0;
}

static const char *
text (const struct table_reader *r, size_t col)
{
  return csvio_field (r->t, r->row, col);
}

/* A text field that must not be blank.  */
static int
required_text (const struct table_reader *r, size_t col, const char **out)
{
  const char *s = text (r, col);

  if (s[0] == '\0')
    return diag_set (r->d, CA_EXIT_DATAERR, "%s:%zu: column '%s': empty",
                     r->t->path, csvio_line (r->row), r->t->header[col]);
  *out = s;
  return 0;
}

/* A number field.  Blank gives NaN when OPTIONAL, else an error.  */
static int
number (const struct table_reader *r, size_t col, bool optional,
        double *out)
{
  const char *s = text (r, col);
  enum numparse_status st = numparse_double (s, out);

  if (st == NUMPARSE_EMPTY && optional)
    {
      *out = NAN;
      return 0;
    }
  if (st != NUMPARSE_OK)
    return diag_set (r->d, CA_EXIT_DATAERR, "%s:%zu: column '%s': %s: '%s'",
                     r->t->path, csvio_line (r->row), r->t->header[col],
                     numparse_strerror (st), s);
  return 0;
}

/* A number field that must be at least MIN (blank allowed when
   OPTIONAL).  */
static int
number_min (const struct table_reader *r, size_t col, bool optional,
            double min, double *out)
{
  if (number (r, col, optional, out) < 0)
    return -1;
  if (!isnan (*out) && *out < min)
    return diag_set (r->d, CA_EXIT_DATAERR,
                     "%s:%zu: column '%s': %s is below %g", r->t->path,
                     csvio_line (r->row), r->t->header[col], text (r, col),
                     min);
  return 0;
}

/* A whole-number field at least MIN; blank gives 0 when OPTIONAL.  */
static int
whole (const struct table_reader *r, size_t col, bool optional, long min,
       long *out)
{
  const char *s = text (r, col);
  enum numparse_status st = numparse_long (s, out);

  if (st == NUMPARSE_EMPTY && optional)
    {
      *out = 0;
      return 0;
    }
  if (st != NUMPARSE_OK)
    return diag_set (r->d, CA_EXIT_DATAERR,
                     "%s:%zu: column '%s': %s: '%s'", r->t->path,
                     csvio_line (r->row), r->t->header[col],
                     st == NUMPARSE_SYNTAX ? "not a whole number"
                                           : numparse_strerror (st),
                     s);
  if (*out < min)
    return diag_set (r->d, CA_EXIT_DATAERR,
                     "%s:%zu: column '%s': %s is below %ld", r->t->path,
                     csvio_line (r->row), r->t->header[col], s, min);
  return 0;
}

/* A figure with its source and year: all three blank, or all three
   given.  */
static int
figure (const struct table_reader *r, const size_t cols[3],
        struct grid_figure *out)
{
  if (number_min (r, cols[0], true, 0.0, &out->gco2e_per_kwh) < 0)
    return -1;
  out->source = text (r, cols[1]);
  if (whole (r, cols[2], true, 0, &out->year) < 0)
    return -1;
  if (isnan (out->gco2e_per_kwh)
      != (out->source[0] == '\0' || out->year == 0))
    return diag_set (r->d, CA_EXIT_DATAERR,
                     "%s:%zu: column '%s': a figure needs its source and "
                     "year, and a source and year need a figure",
                     r->t->path, csvio_line (r->row), r->t->header[cols[0]]);
  return 0;
}

static int
compare_instance_names (const void *a, const void *b)
{
  const struct instance *const *x = a;
  const struct instance *const *y = b;

  return strcmp ((*x)->name, (*y)->name);
}

static int
compare_region_names (const void *a, const void *b)
{
  const struct region *const *x = a;
  const struct region *const *y = b;

  return strcmp ((*x)->name, (*y)->name);
}

static int
compare_price_pairs (const void *a, const void *b)
{
  const struct price *const *x = a;
  const struct price *const *y = b;

  if ((*x)->instance != (*y)->instance)
    return (*x)->instance < (*y)->instance ? -1 : 1;
  if ((*x)->region != (*y)->region)
    return (*x)->region < (*y)->region ? -1 : 1;
  return 0;
}

/* Sorting orders for the indexes: by key, then by line, so that of two
   duplicates the later line is reported whatever qsort does with ties.
   (The lookup comparators above compare keys only, as bsearch needs.)  */
static int
compare_lines (size_t a, size_t b)
{
  return (a > b) - (a < b);
}

static int
sort_instances (const void *a, const void *b)
{
  const struct instance *const *x = a;
  const struct instance *const *y = b;
  int c = compare_instance_names (a, b);

  return c != 0 ? c : compare_lines ((*x)->line, (*y)->line);
}

static int
sort_regions (const void *a, const void *b)
{
  const struct region *const *x = a;
  const struct region *const *y = b;
  int c = compare_region_names (a, b);

  return c != 0 ? c : compare_lines ((*x)->line, (*y)->line);
}

static int
sort_prices (const void *a, const void *b)
{
  const struct price *const *x = a;
  const struct price *const *y = b;
  int c = compare_price_pairs (a, b);

  return c != 0 ? c : compare_lines ((*x)->line, (*y)->line);
}

static int
compare_group_names (const void *a, const void *b)
{
  return strcmp (((const struct group *) a)->name,
                 ((const struct group *) b)->name);
}

static int
compare_gpu_models (const void *a, const void *b)
{
  return strcmp (((const struct gpu *) a)->model,
                 ((const struct gpu *) b)->model);
}

static int
compare_source_ids (const void *a, const void *b)
{
  return strcmp (((const struct source *) a)->id,
                 ((const struct source *) b)->id);
}

/* A source id used in a table must be described in sources.csv.  */
static int
known_source (const struct catalogue *cat, const struct table_reader *r,
              size_t col)
{
  const char *id = text (r, col);

  if (id[0] != '\0' && catalogue_find_source (cat, id) == NULL)
    return diag_set (r->d, CA_EXIT_DATAERR,
                     "%s:%zu: column '%s': source '%s' is not in %s",
                     r->t->path, csvio_line (r->row), r->t->header[col], id,
                     CATALOGUE_SOURCES);
  return 0;
}

static int
load_sources (struct catalogue *cat, const struct csv_table *t,
              struct diag *d)
{
  static const char *const names[]
    = { "id", "title", "publisher", "year", "licence", "upstream", "notes",
        NULL };
  size_t c[7];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->sources = xcalloc (t->nrows, sizeof *cat->sources);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct source *s = &cat->sources[r.row];

      if (required_text (&r, c[0], &s->id) < 0
          || required_text (&r, c[1], &s->title) < 0
          || required_text (&r, c[4], &s->licence) < 0)
        return -1;
      s->publisher = text (&r, c[2]);
      s->year = text (&r, c[3]);
      s->upstream = text (&r, c[5]);
      s->notes = text (&r, c[6]);
      cat->nsources++;
    }
  /* tablecheck_shape has refused an id that appears twice.  */
  qsort (cat->sources, cat->nsources, sizeof *cat->sources,
         compare_source_ids);
  return 0;
}

static int
load_groups (struct catalogue *cat, const struct csv_table *t,
             struct diag *d)
{
  static const char *const names[] = { "group", "description", NULL };
  size_t c[2];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->groups = xcalloc (t->nrows, sizeof *cat->groups);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct group *g = &cat->groups[r.row];

      if (required_text (&r, c[0], &g->name) < 0
          || required_text (&r, c[1], &g->description) < 0)
        return -1;
      cat->ngroups++;
    }
  qsort (cat->groups, cat->ngroups, sizeof *cat->groups,
         compare_group_names);
  return 0;
}

/* Row R.row of gpus.csv: a speed, its spread around it and its status
   come with a source, or none of them is there.  */
static int
check_gpu_speed (const struct table_reader *r, const struct gpu *g,
                 const size_t *c)
{
  bool has = !isnan (g->training_speed);
  bool known = STREQ (g->speed_status, "measured")
               || STREQ (g->speed_status, "estimated");

  if (has != (g->speed_source[0] == '\0') && has == known
      && has != isnan (g->speed_low) && has != isnan (g->speed_high)
      && (!has
          || (g->speed_low > 0.0 && g->speed_low <= g->training_speed
              && g->training_speed <= g->speed_high)))
    return 0;
  return diag_set (r->d, CA_EXIT_DATAERR,
                   "%s:%zu: column '%s': a speed needs its spread around "
                   "it, a status (measured or estimated) and a source, "
                   "and a blank speed none of them",
                   r->t->path, csvio_line (r->row), r->t->header[c[1]]);
}

static int
load_gpus (struct catalogue *cat, const struct csv_table *t, struct diag *d)
{
  static const char *const names[]
    = { "gpu_model", "training_speed", "speed_low", "speed_high",
        "speed_status", "speed_source", NULL };
  size_t c[6];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->gpus = xcalloc (t->nrows, sizeof *cat->gpus);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct gpu *g = &cat->gpus[r.row];

      if (required_text (&r, c[0], &g->model) < 0
          || number_min (&r, c[1], true, 0.0, &g->training_speed) < 0
          || number_min (&r, c[2], true, 0.0, &g->speed_low) < 0
          || number_min (&r, c[3], true, 0.0, &g->speed_high) < 0
          || known_source (cat, &r, c[5]) < 0)
        return -1;
      g->speed_status = text (&r, c[4]);
      g->speed_source = text (&r, c[5]);
      if (check_gpu_speed (&r, g, c) < 0)
        return -1;
      cat->ngpus++;
    }
  /* tablecheck_shape has refused a model that appears twice.  */
  qsort (cat->gpus, cat->ngpus, sizeof *cat->gpus, compare_gpu_models);
  return 0;
}

static int
load_unsupported (struct catalogue *cat, const struct csv_table *t,
                  struct diag *d)
{
  static const char *const names[]
    = { "provider", "instance_type", "reason", NULL };
  size_t c[3];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->unsupported = xcalloc (t->nrows + 1, sizeof *cat->unsupported);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct unsupported *u = &cat->unsupported[r.row];

      if (required_text (&r, c[0], &u->provider) < 0
          || required_text (&r, c[1], &u->name) < 0
          || required_text (&r, c[2], &u->reason) < 0)
        return -1;
      /* A type is either estimated or left out, never both.  */
      if (catalogue_find_instance (cat, u->name) != NULL)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'instance_type': '%s' is also in %s",
                         t->path, csvio_line (r.row), u->name,
                         CATALOGUE_INSTANCES);
      cat->nunsupported++;
    }
  return 0;
}

/* Check that a power curve is non-negative and never decreases.  */
static int
check_curve (const struct table_reader *r, const size_t *cols,
             const double *w)
{
  size_t i;

  for (i = 0; i < CATALOGUE_POWER_POINTS; i++)
    if (i > 0 && w[i] < w[i - 1])
      return diag_set (r->d, CA_EXIT_DATAERR,
                       "%s:%zu: column '%s': power %s W is below %s W at "
                       "the lower load",
                       r->t->path, csvio_line (r->row), r->t->header[cols[i]],
                       text (r, cols[i]), text (r, cols[i - 1]));
  return 0;
}

static int
load_instances (struct catalogue *cat, const struct csv_table *t,
                struct diag *d)
{
  static const char *const names[]
    = { "provider", "instance_type", "family", "vcpus", "memory_gib",
        "gpus", "gpu_model", "arch", "cpu_model", "host_vcpus",
        "power_idle_w", "power_10_w", "power_50_w", "power_100_w",
        "embodied_host_kgco2e", "embodied_kgco2e", "power_origin",
        "power_source", "embodied_source", "host_memory_gib", "host_gpus",
        NULL };
  size_t c[21];
  struct table_reader r = { t, 0, d };
  size_t i;

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->instances = xcalloc (t->nrows, sizeof *cat->instances);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct instance *in = &cat->instances[r.row];

      in->line = csvio_line (r.row);
      if (required_text (&r, c[0], &in->provider) < 0
          || required_text (&r, c[1], &in->name) < 0
          || required_text (&r, c[2], &in->family) < 0
          || whole (&r, c[3], false, 1, &in->vcpus) < 0
          || number_min (&r, c[4], false, 0.0, &in->memory_gib) < 0
          || whole (&r, c[5], false, 0, &in->gpus) < 0
          || required_text (&r, c[7], &in->arch) < 0
          || whole (&r, c[9], false, in->vcpus, &in->host_vcpus) < 0
          || whole (&r, c[20], false, in->gpus, &in->host_gpus) < 0
          || number_min (&r, c[19], false, in->memory_gib,
                         &in->host_memory_gib) < 0)
        return -1;
      if (!(in->host_memory_gib > 0.0))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'host_memory_gib': must be above 0",
                         t->path, in->line);
      in->gpu_model = text (&r, c[6]);
      in->cpu_model = text (&r, c[8]);
      if ((in->gpus > 0) != (in->gpu_model[0] != '\0'))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'gpu_model': must be given exactly "
                         "when gpus is above 0",
                         t->path, in->line);
      if (in->gpus > 0 && catalogue_find_gpu (cat, in->gpu_model) == NULL)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'gpu_model': '%s' is not in %s",
                         t->path, in->line, in->gpu_model, CATALOGUE_GPUS);
      if (!STREQ (in->arch, "x86_64") && !STREQ (in->arch, "arm64"))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'arch': '%s' is neither x86_64 nor "
                         "arm64",
                         t->path, in->line, in->arch);
      for (i = 0; i < CATALOGUE_POWER_POINTS; i++)
        if (number_min (&r, c[10 + i], false, 0.0, &in->power_w[i]) < 0)
          return -1;
      if (check_curve (&r, c + 10, in->power_w) < 0)
        return -1;
      if (number_min (&r, c[14], false, 0.0, &in->embodied_host_kgco2e) < 0
          || number_min (&r, c[15], false, 0.0, &in->embodied_kgco2e) < 0)
        return -1;
      if (!(in->embodied_kgco2e > 0.0))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'embodied_kgco2e': must be above 0",
                         t->path, in->line);
      if (required_text (&r, c[16], &in->power_origin) < 0
          || required_text (&r, c[17], &in->power_source) < 0
          || required_text (&r, c[18], &in->embodied_source) < 0
          || known_source (cat, &r, c[17]) < 0
          || known_source (cat, &r, c[18]) < 0)
        return -1;
      if (!STREQ (in->power_origin, "measured")
          && !STREQ (in->power_origin, "modelled"))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'power_origin': '%s' is neither "
                         "measured nor modelled",
                         t->path, in->line, in->power_origin);
      cat->ninstances++;
    }
  return 0;
}

static int
load_regions (struct catalogue *cat, const struct csv_table *t,
              struct diag *d)
{
  static const char *const names[]
    = { "provider", "region", "location", "country", "latitude",
        "longitude", "groups", "pue", "pue_source", "pue_year",
        "grid_gco2e_per_kwh", "grid_source", "grid_year", "grid_level",
        "marginal_gco2e_per_kwh", "marginal_source", "marginal_year",
        "market_gco2e_per_kwh", "market_source", "market_year", "cfe_pct",
        "cfe_source", "cfe_year", NULL };
  size_t c[23];
  struct table_reader r = { t, 0, d };
  /* Optional: the zone whose figure grid_gco2e_per_kwh is.  */
  long zone_col = csvio_column (t, "grid_zone");

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->regions = xcalloc (t->nrows, sizeof *cat->regions);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct region *g = &cat->regions[r.row];
      struct grid_figure cfe;
      size_t s;

      g->line = csvio_line (r.row);
      if (required_text (&r, c[0], &g->provider) < 0
          || required_text (&r, c[1], &g->name) < 0
          || required_text (&r, c[2], &g->location) < 0
          || required_text (&r, c[3], &g->country) < 0
          || number_min (&r, c[4], true, -90.0, &g->latitude) < 0
          || number_min (&r, c[5], true, -180.0, &g->longitude) < 0
          || number_min (&r, c[7], false, 1.0, &g->pue) < 0
          || required_text (&r, c[8], &g->pue_source) < 0
          || whole (&r, c[9], true, 0, &g->pue_year) < 0
          || figure (&r, c + 10, &g->grid) < 0
          || figure (&r, c + 14, &g->marginal) < 0
          || figure (&r, c + 17, &g->market) < 0
          || figure (&r, c + 20, &cfe) < 0)
        return -1;
      g->groups = text (&r, c[6]);
      g->grid_level = text (&r, c[13]);
      g->grid_zone = zone_col < 0 ? "" : text (&r, (size_t) zone_col);
      g->cfe_pct = cfe.gco2e_per_kwh;
      g->cfe_source = cfe.source;
      g->cfe_year = cfe.year;
      if (g->cfe_pct > 100.0)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'cfe_pct': %g is above 100", t->path,
                         g->line, g->cfe_pct);
      for (s = 0; s < 4; s++)
        {
          static const size_t source_cols[] = { 8, 11, 15, 18 };

          if (known_source (cat, &r, c[source_cols[s]]) < 0)
            return -1;
        }
      if (known_source (cat, &r, c[21]) < 0)
        return -1;
      cat->nregions++;
    }
  return 0;
}

static int
load_prices (struct catalogue *cat, const struct csv_table *t,
             struct diag *d)
{
  static const char *const names[]
    = { "provider", "region", "instance_type", "price_usd_per_h",
        "price_date", "price_source", "spot_usd_per_h", "spot_date",
        "spot_source", NULL };
  size_t c[9];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->prices = xcalloc (t->nrows, sizeof *cat->prices);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct price *p = &cat->prices[r.row];
      const char *provider, *region, *instance;

      p->line = csvio_line (r.row);
      if (required_text (&r, c[0], &provider) < 0
          || required_text (&r, c[1], &region) < 0
          || required_text (&r, c[2], &instance) < 0
          || number_min (&r, c[3], false, 0.0, &p->usd_per_h) < 0
          || required_text (&r, c[4], &p->date) < 0
          || required_text (&r, c[5], &p->source) < 0
          || known_source (cat, &r, c[5]) < 0
          || number_min (&r, c[6], true, 0.0, &p->spot_usd_per_h) < 0)
        return -1;
      p->spot_date = text (&r, c[7]);
      p->spot_source = text (&r, c[8]);
      if (known_source (cat, &r, c[8]) < 0)
        return -1;
      if (!isnan (p->spot_usd_per_h)
          && (p->spot_date[0] == '\0' || p->spot_source[0] == '\0'))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: a spot price needs its spot_date and "
                         "spot_source",
                         t->path, p->line);
      p->instance = catalogue_find_instance (cat, instance);
      /* Rows come sorted by region: most rows name the region of the row
         above.  */
      p->region = r.row > 0 && cat->prices[r.row - 1].region != NULL
                      && STREQ (cat->prices[r.row - 1].region->name, region)
                    ? cat->prices[r.row - 1].region
                    : catalogue_find_region (cat, region);
      if (p->instance == NULL || !STREQ (p->instance->provider, provider))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'instance_type': '%s' is not an "
                         "instance type of provider '%s' in %s",
                         t->path, p->line, instance, provider,
                         CATALOGUE_INSTANCES);
      if (p->region == NULL || !STREQ (p->region->provider, provider))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'region': '%s' is not a region of "
                         "provider '%s' in %s",
                         t->path, p->line, region, provider,
                         CATALOGUE_REGIONS);
      if (!(p->usd_per_h > 0.0))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'price_usd_per_h': must be above 0",
                         t->path, p->line);
      cat->nprices++;
    }
  return 0;
}

/* A number that must be at least MIN and whose text must be blank exactly
   when BLANK (an optional figure that goes with another one).  */
static int
number_if (const struct table_reader *r, size_t col, bool blank, double min,
           const char *why, double *out)
{
  if (number_min (r, col, blank, min, out) < 0)
    return -1;
  if (blank && !isnan (*out))
    return diag_set (r->d, CA_EXIT_DATAERR,
                     "%s:%zu: column '%s': must be blank %s",
                     r->t->path, csvio_line (r->row), r->t->header[col], why);
  return 0;
}

/* A row's maximum below its minimum: the curve would fall with load.  */
static int
below_min (const struct table_reader *r, size_t col, double max, double min)
{
  return diag_set (r->d, CA_EXIT_DATAERR,
                   "%s:%zu: column '%s': %g is below the minimum %g",
                   r->t->path, csvio_line (r->row), r->t->header[col], max,
                   min);
}

static int
load_ccf_instances (struct catalogue *cat, const struct csv_table *t,
                    struct diag *d)
{
  static const char *const names[]
    = { "provider", "instance_type", "cpu_microarchitecture",
        "ccf_architecture", "cpu_min_w_per_vcpu", "cpu_max_w_per_vcpu",
        "memory_allowance_gib", "ccf_gpu", "gpu_min_w", "gpu_max_w",
        "embodied_host_kgco2e", "host_vcpus", "ccf_source",
        "embodied_source", "vcpu_factor", NULL };
  size_t c[15];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->ccf_instances = xcalloc (t->nrows, sizeof *cat->ccf_instances);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct ccf_instance *x = &cat->ccf_instances[r.row];
      const char *provider, *name;
      struct instance *in;
      bool no_gpu;

      x->line = csvio_line (r.row);
      if (required_text (&r, c[0], &provider) < 0
          || required_text (&r, c[1], &name) < 0)
        return -1;
      in = (struct instance *) catalogue_find_instance (cat, name);
      if (in == NULL || !STREQ (in->provider, provider))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'instance_type': '%s' is not an "
                         "instance type of provider '%s' in %s",
                         t->path, x->line, name, provider,
                         CATALOGUE_INSTANCES);
      if (in->ccf != NULL)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: instance type '%s' appears twice (first "
                         "on line %zu)", t->path, x->line, name,
                         in->ccf->line);
      /* Rows follow instances.csv's order, so their instances do.  */
      if (r.row > 0 && cat->ccf_instances[r.row - 1].instance > in)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: row out of order: the table must be "
                         "sorted by its key columns",
                         t->path, x->line);
      x->instance = in;
      no_gpu = in->gpus == 0;
      if (required_text (&r, c[2], &x->microarchitecture) < 0
          || required_text (&r, c[3], &x->architecture) < 0
          || number_min (&r, c[4], false, 0.0, &x->cpu_min_w) < 0
          || number_min (&r, c[5], false, 0.0, &x->cpu_max_w) < 0
          || number_min (&r, c[6], false, 0.0, &x->memory_allowance_gib) < 0
          || number_if (&r, c[8], no_gpu, 0.0, "without GPUs",
                        &x->gpu_min_w) < 0
          || number_if (&r, c[9], no_gpu, 0.0, "without GPUs",
                        &x->gpu_max_w) < 0
          || number_min (&r, c[10], false, 0.0, &x->embodied_host_kgco2e) < 0
          || whole (&r, c[11], false, 1, &x->host_vcpus) < 0
          || required_text (&r, c[12], &x->source) < 0
          || required_text (&r, c[13], &x->embodied_source) < 0
          || known_source (cat, &r, c[12]) < 0
          || known_source (cat, &r, c[13]) < 0
          || number_min (&r, c[14], false, 0.0, &x->vcpu_factor) < 0)
        return -1;
      if (!(x->vcpu_factor > 0.0))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'vcpu_factor': must be above 0",
                         t->path, x->line);
      x->gpu = text (&r, c[7]);
      if (x->cpu_max_w < x->cpu_min_w)
        return below_min (&r, c[5], x->cpu_max_w, x->cpu_min_w);
      if (!no_gpu && (x->gpu[0] == '\0' || isnan (x->gpu_min_w)
                      || isnan (x->gpu_max_w)))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: %s has %ld GPUs: columns 'ccf_gpu', "
                         "'gpu_min_w' and 'gpu_max_w' must be given",
                         t->path, x->line, name, in->gpus);
      if (no_gpu && x->gpu[0] != '\0')
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'ccf_gpu': must be blank without "
                         "GPUs",
                         t->path, x->line);
      if (!no_gpu && x->gpu_max_w < x->gpu_min_w)
        return below_min (&r, c[9], x->gpu_max_w, x->gpu_min_w);
      if (!(x->embodied_host_kgco2e > 0.0))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'embodied_host_kgco2e': must be "
                         "above 0",
                         t->path, x->line);
      if (x->host_vcpus < in->vcpus)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'host_vcpus': %ld is below the "
                         "instance's %ld vCPUs",
                         t->path, x->line, x->host_vcpus, in->vcpus);
      in->ccf = x;
      cat->nccf_instances++;
    }
  return 0;
}

static int
load_ccf_regions (struct catalogue *cat, const struct csv_table *t,
                  struct diag *d)
{
  static const char *const names[]
    = { "provider", "region", "pue", "pue_basis", "grid_gco2e_per_kwh",
        "grid_note", "ccf_source", NULL };
  size_t c[7];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->ccf_regions = xcalloc (t->nrows, sizeof *cat->ccf_regions);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct ccf_region *x = &cat->ccf_regions[r.row];
      const char *provider, *name;
      struct region *g;

      x->line = csvio_line (r.row);
      if (required_text (&r, c[0], &provider) < 0
          || required_text (&r, c[1], &name) < 0)
        return -1;
      g = (struct region *) catalogue_find_region (cat, name);
      if (g == NULL || !STREQ (g->provider, provider))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'region': '%s' is not a region of "
                         "provider '%s' in %s",
                         t->path, x->line, name, provider,
                         CATALOGUE_REGIONS);
      if (g->ccf != NULL)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: region '%s' appears twice (first on line "
                         "%zu)", t->path, x->line, name, g->ccf->line);
      if (r.row > 0 && cat->ccf_regions[r.row - 1].region > g)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: row out of order: the table must be "
                         "sorted by its key columns",
                         t->path, x->line);
      x->region = g;
      if (number_min (&r, c[2], false, 1.0, &x->pue) < 0
          || required_text (&r, c[3], &x->pue_basis) < 0
          || number_min (&r, c[4], true, 0.0, &x->grid_gco2e_per_kwh) < 0
          || required_text (&r, c[6], &x->source) < 0
          || known_source (cat, &r, c[6]) < 0)
        return -1;
      x->grid_note = text (&r, c[5]);
      g->ccf = x;
      cat->nccf_regions++;
    }
  return 0;
}

/* The region that row R names in columns C[0] (provider) and C[1]
   (region), or NULL with R->d set.  */
static struct region *
row_region (const struct catalogue *cat, const struct table_reader *r,
            const size_t *c)
{
  const char *provider, *name;
  struct region *g;

  if (required_text (r, c[0], &provider) < 0
      || required_text (r, c[1], &name) < 0)
    return NULL;
  g = (struct region *) catalogue_find_region (cat, name);
  if (g == NULL || !STREQ (g->provider, provider))
    {
      diag_set (r->d, CA_EXIT_DATAERR,
                "%s:%zu: column '%s': '%s' is not a region of provider "
                "'%s' in %s",
                r->t->path, csvio_line (r->row), r->t->header[c[1]], name,
                provider, CATALOGUE_REGIONS);
      return NULL;
    }
  return g;
}

/* Widen the range [*LOW, *HIGH] to take in X.  A range that is NaN (no
   point figure) stays NaN: an alternative cannot stand in for a figure
   the data does not have.  */
static void
widen (double *low, double *high, double x)
{
  if (isnan (*low))
    return;
  *low = fmin (*low, x);
  *high = fmax (*high, x);
}

static int
load_grid_alternatives (struct catalogue *cat, const struct csv_table *t,
                        struct diag *d)
{
  static const char *const names[]
    = { "provider", "region", "source", "year", "gco2e_per_kwh", "level",
        NULL };
  size_t c[6];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->grid_alternatives
    = xcalloc (t->nrows + 1, sizeof *cat->grid_alternatives);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct grid_alternative *a = &cat->grid_alternatives[r.row];
      struct region *g = row_region (cat, &r, c);
      const char *source;
      double x;
      long year;

      if (g == NULL || required_text (&r, c[2], &source) < 0
          || whole (&r, c[3], true, 0, &year) < 0
          || number_min (&r, c[4], false, 0.0, &x) < 0)
        return -1;
      /* catalogue_grid_alternatives hands out a region's rows as one
         run: they must follow one another, in the regions' order.  */
      if (r.row > 0 && cat->grid_alternatives[r.row - 1].region > g)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: row out of order: the table must be "
                         "sorted by its key columns",
                         t->path, csvio_line (r.row));
      a->region = g;
      a->source = source;
      a->year = year;
      a->gco2e_per_kwh = x;
      a->level = text (&r, c[5]);
      a->line = csvio_line (r.row);
      cat->ngrid_alternatives++;
      if (g->grid_alternatives == NULL)
        g->grid_alternatives = a;
      g->ngrid_alternatives++;
      widen (&g->grid_low, &g->grid_high, x);
    }
  return 0;
}

static int
load_pue_alternatives (struct catalogue *cat, const struct csv_table *t,
                       struct diag *d)
{
  static const char *const names[]
    = { "provider", "region", "source", "year", "pue", NULL };
  size_t c[5];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct region *g = row_region (cat, &r, c);
      const char *source;
      double x;
      long year;

      if (g == NULL || required_text (&r, c[2], &source) < 0
          || whole (&r, c[3], true, 0, &year) < 0
          || number_min (&r, c[4], false, 1.0, &x) < 0)
        return -1;
      widen (&g->pue_low, &g->pue_high, x);
    }
  return 0;
}

static int
load_embodied_alternatives (struct catalogue *cat, const struct csv_table *t,
                            struct diag *d)
{
  static const char *const names[]
    = { "provider", "instance_type", "source", "embodied_kgco2e", NULL };
  size_t c[4];
  struct table_reader r = { t, 0, d };

  if (find_columns (t, names, c, d) < 0)
    return -1;
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      const char *provider, *name, *source;
      struct instance *in;
      double x;

      if (required_text (&r, c[0], &provider) < 0
          || required_text (&r, c[1], &name) < 0
          || required_text (&r, c[2], &source) < 0
          || number_min (&r, c[3], false, 0.0, &x) < 0)
        return -1;
      in = (struct instance *) catalogue_find_instance (cat, name);
      if (in == NULL || !STREQ (in->provider, provider))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'instance_type': '%s' is not an "
                         "instance type of provider '%s' in %s",
                         t->path, csvio_line (r.row), name, provider,
                         CATALOGUE_INSTANCES);
      widen (&in->embodied_low_kgco2e, &in->embodied_high_kgco2e, x);
    }
  return 0;
}

static int
load_power_errors (struct catalogue *cat, const struct csv_table *t,
                   struct diag *d)
{
  static const char *const names[]
    = { "power_origin", "load_pct", "median_abs_rel_error",
        "p95_abs_rel_error", "worst_abs_rel_error", "source", NULL };
  size_t c[6];
  struct table_reader r = { t, 0, d };
  size_t i;

  if (find_columns (t, names, c, d) < 0)
    return -1;
  cat->power_errors = xcalloc (t->nrows + 1, sizeof *cat->power_errors);
  for (r.row = 0; r.row < t->nrows; r.row++)
    {
      struct power_error *e = &cat->power_errors[r.row];
      bool known_load = false;

      if (required_text (&r, c[0], &e->origin) < 0
          || number (&r, c[1], false, &e->load_pct) < 0
          || number_min (&r, c[2], false, 0.0, &e->median_abs_rel_error) < 0
          || number_min (&r, c[3], false, 0.0, &e->p95_abs_rel_error) < 0
          || number_min (&r, c[4], false, 0.0, &e->worst_abs_rel_error) < 0)
        return -1;
      e->source = text (&r, c[5]);
      if (!STREQ (e->origin, "measured") && !STREQ (e->origin, "modelled"))
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'power_origin': '%s' is neither "
                         "measured nor modelled",
                         t->path, csvio_line (r.row), e->origin);
      for (i = 0; i < CATALOGUE_POWER_POINTS; i++)
        known_load = known_load
                     || !(e->load_pct < catalogue_power_loads[i]
                          || e->load_pct > catalogue_power_loads[i]);
      if (!known_load)
        return diag_set (d, CA_EXIT_DATAERR,
                         "%s:%zu: column 'load_pct': %s is not 0, 10, 50 "
                         "or 100",
                         t->path, csvio_line (r.row), text (&r, c[1]));
      /* The interpolation walks the rows of an origin by load.  */
      for (i = 0; i < r.row; i++)
        if (STREQ (cat->power_errors[i].origin, e->origin)
            && !(cat->power_errors[i].load_pct < e->load_pct))
          return diag_set (d, CA_EXIT_DATAERR,
                           "%s:%zu: column 'load_pct': the loads of an "
                           "origin must increase",
                           t->path, csvio_line (r.row));
      cat->npower_errors++;
    }
  return 0;
}

/* Every range starts as the point figure alone; the alternatives tables
   widen it.  */
static void
init_ranges (struct catalogue *cat)
{
  size_t i;

  for (i = 0; i < cat->nregions; i++)
    {
      struct region *g = &cat->regions[i];

      g->grid_low = g->grid_high = g->grid.gco2e_per_kwh;
      g->pue_low = g->pue_high = g->pue;
    }
  for (i = 0; i < cat->ninstances; i++)
    {
      struct instance *in = &cat->instances[i];

      in->embodied_low_kgco2e = in->embodied_high_kgco2e
        = in->embodied_kgco2e;
    }
}

/* The tables are written sorted (data/README.md), and the program relies
   on it: every list and every tie-break follows file order.  Refuse a
   table whose row at LINE sorts before the row above it.  */
static int
out_of_order (struct diag *d, const char *dir, const char *file, size_t line)
{
  return diag_set (d, CA_EXIT_DATAERR,
                   "%s/%s:%zu: row out of order: the table must be sorted "
                   "by its key columns",
                   dir, file, line);
}

static int
check_sorted (const struct catalogue *cat, struct diag *d)
{
  size_t i;

  for (i = 1; i < cat->ninstances; i++)
    {
      const struct instance *a = &cat->instances[i - 1];
      const struct instance *b = &cat->instances[i];
      int c = strcmp (a->provider, b->provider);

      if (c > 0 || (c == 0 && strcmp (a->name, b->name) > 0))
        return out_of_order (d, cat->dir, CATALOGUE_INSTANCES, b->line);
    }
  for (i = 1; i < cat->nregions; i++)
    {
      const struct region *a = &cat->regions[i - 1];
      const struct region *b = &cat->regions[i];
      int c = strcmp (a->provider, b->provider);

      if (c > 0 || (c == 0 && strcmp (a->name, b->name) > 0))
        return out_of_order (d, cat->dir, CATALOGUE_REGIONS, b->line);
    }
  /* Regions and instances being sorted, a price's place follows from
     where its region and instance stand in their tables (a region and
     its instances share the provider).  */
  for (i = 1; i < cat->nprices; i++)
    {
      const struct price *a = &cat->prices[i - 1];
      const struct price *b = &cat->prices[i];

      if (a->region > b->region
          || (a->region == b->region && a->instance > b->instance))
        return out_of_order (d, cat->dir, CATALOGUE_PRICES, b->line);
    }
  return 0;
}

/* Build the sorted name indexes, refusing duplicate names.  */
static int
index_instances (struct catalogue *cat, struct catalogue_private *priv,
                 struct diag *d)
{
  size_t i;

  priv->instances_by_name
    = xcalloc (cat->ninstances, sizeof *priv->instances_by_name);
  for (i = 0; i < cat->ninstances; i++)
    priv->instances_by_name[i] = &cat->instances[i];
  qsort (priv->instances_by_name, cat->ninstances,
         sizeof *priv->instances_by_name, sort_instances);
  for (i = 1; i < cat->ninstances; i++)
    if (STREQ (priv->instances_by_name[i]->name,
               priv->instances_by_name[i - 1]->name))
      {
        size_t a = priv->instances_by_name[i - 1]->line;
        size_t b = priv->instances_by_name[i]->line;

        return diag_set (d, CA_EXIT_DATAERR,
                         "%s/%s:%zu: instance type '%s' appears twice "
                         "(first on line %zu)", cat->dir,
                         CATALOGUE_INSTANCES, a > b ? a : b,
                         priv->instances_by_name[i]->name, a < b ? a : b);
      }
  return 0;
}

static int
index_regions (struct catalogue *cat, struct catalogue_private *priv,
               struct diag *d)
{
  size_t i;

  priv->regions_by_name
    = xcalloc (cat->nregions, sizeof *priv->regions_by_name);
  for (i = 0; i < cat->nregions; i++)
    priv->regions_by_name[i] = &cat->regions[i];
  qsort (priv->regions_by_name, cat->nregions,
         sizeof *priv->regions_by_name, sort_regions);
  for (i = 1; i < cat->nregions; i++)
    if (STREQ (priv->regions_by_name[i]->name,
               priv->regions_by_name[i - 1]->name))
      {
        size_t a = priv->regions_by_name[i - 1]->line;
        size_t b = priv->regions_by_name[i]->line;

        return diag_set (d, CA_EXIT_DATAERR,
                         "%s/%s:%zu: region '%s' appears twice (first on "
                         "line %zu)", cat->dir, CATALOGUE_REGIONS,
                         a > b ? a : b, priv->regions_by_name[i]->name,
                         a < b ? a : b);
      }
  return 0;
}

static int
index_prices (struct catalogue *cat, struct catalogue_private *priv,
              struct diag *d)
{
  size_t i;

  priv->prices_by_pair = xcalloc (cat->nprices, sizeof *priv->prices_by_pair);
  for (i = 0; i < cat->nprices; i++)
    priv->prices_by_pair[i] = &cat->prices[i];
  qsort (priv->prices_by_pair, cat->nprices, sizeof *priv->prices_by_pair,
         sort_prices);
  for (i = 1; i < cat->nprices; i++)
    if (compare_price_pairs (&priv->prices_by_pair[i],
                             &priv->prices_by_pair[i - 1])
        == 0)
      {
        size_t a = priv->prices_by_pair[i - 1]->line;
        size_t b = priv->prices_by_pair[i]->line;

        return diag_set (d, CA_EXIT_DATAERR,
                         "%s/%s:%zu: a second price for %s in %s (first on "
                         "line %zu)", cat->dir, CATALOGUE_PRICES,
                         a > b ? a : b,
                         priv->prices_by_pair[i]->instance->name,
                         priv->prices_by_pair[i]->region->name,
                         a < b ? a : b);
      }
  return 0;
}

/* Read table FILE of CAT's directory into slot SLOT.  */
static const struct csv_table *
read_table (struct catalogue *cat, struct catalogue_private *priv,
            size_t slot, const char *file, struct diag *d)
{
  char *path = path_join (cat->dir, file);

  priv->tables[slot] = csvio_read (path, d);
  priv->files[slot] = file;
  free (path);
  if (priv->tables[slot] != NULL
      && tablecheck_shape (priv->tables[slot], file, d) < 0)
    return NULL;
  return priv->tables[slot];
}

struct catalogue *
catalogue_load (const char *dir, struct diag *d)
{
  struct catalogue *cat = xcalloc (1, sizeof *cat);
  struct catalogue_private *priv = xcalloc (1, sizeof *priv);
  const struct csv_table *t;
  size_t slot;
  int ok = -1;

  cat->dir = xstrdup (dir);
  cat->private_data = priv;

  /* Sources first: every other table names its sources by id.  GPUs
     before the instances that name them.  Prices last: they point at
     instances and regions.  */
  t = read_table (cat, priv, 0, CATALOGUE_SOURCES, d);
  if (t == NULL || load_sources (cat, t, d) < 0)
    goto done;
  t = read_table (cat, priv, 1, CATALOGUE_GROUPS, d);
  if (t == NULL || load_groups (cat, t, d) < 0)
    goto done;
  t = read_table (cat, priv, 5, CATALOGUE_GPUS, d);
  if (t == NULL || load_gpus (cat, t, d) < 0)
    goto done;
  t = read_table (cat, priv, 2, CATALOGUE_INSTANCES, d);
  if (t == NULL || load_instances (cat, t, d) < 0
      || index_instances (cat, priv, d) < 0)
    goto done;
  t = read_table (cat, priv, 6, CATALOGUE_UNSUPPORTED, d);
  if (t == NULL || load_unsupported (cat, t, d) < 0)
    goto done;
  t = read_table (cat, priv, 3, CATALOGUE_REGIONS, d);
  if (t == NULL || load_regions (cat, t, d) < 0
      || index_regions (cat, priv, d) < 0)
    goto done;
  t = read_table (cat, priv, 4, CATALOGUE_PRICES, d);
  if (t == NULL || load_prices (cat, t, d) < 0
      || index_prices (cat, priv, d) < 0 || check_sorted (cat, d) < 0)
    goto done;
  /* CCF's coefficients point at instances and regions, whose order is
     checked by now.  */
  t = read_table (cat, priv, 7, CATALOGUE_CCF_INSTANCES, d);
  if (t == NULL || load_ccf_instances (cat, t, d) < 0)
    goto done;
  t = read_table (cat, priv, 8, CATALOGUE_CCF_REGIONS, d);
  if (t == NULL || load_ccf_regions (cat, t, d) < 0)
    goto done;
  /* The spread of the figures, for --uncertainty
     (doc/METHODOLOGY.md, "Uncertainty").  */
  init_ranges (cat);
  t = read_table (cat, priv, 9, CATALOGUE_GRID_ALTERNATIVES, d);
  if (t == NULL || load_grid_alternatives (cat, t, d) < 0)
    goto done;
  t = read_table (cat, priv, 10, CATALOGUE_PUE_ALTERNATIVES, d);
  if (t == NULL || load_pue_alternatives (cat, t, d) < 0)
    goto done;
  t = read_table (cat, priv, 11, CATALOGUE_EMBODIED_ALTERNATIVES, d);
  if (t == NULL || load_embodied_alternatives (cat, t, d) < 0)
    goto done;
  t = read_table (cat, priv, 12, CATALOGUE_POWER_ERROR, d);
  if (t == NULL || load_power_errors (cat, t, d) < 0)
    goto done;
  /* Ranges last: a loader's own check of a figure says more.  */
  for (slot = 0; slot < ARRAY_SIZE (priv->tables); slot++)
    if (tablecheck_ranges (priv->tables[slot], priv->files[slot], d) < 0)
      goto done;
  ok = 0;

done:
  if (ok < 0)
    {
      catalogue_free (cat);
      return NULL;
    }
  return cat;
}

void
catalogue_free (struct catalogue *cat)
{
  struct catalogue_private *priv;
  size_t i;

  if (cat == NULL)
    return;
  priv = cat->private_data;
  for (i = 0; i < ARRAY_SIZE (priv->tables); i++)
    csvio_free (priv->tables[i]);
  free (priv->instances_by_name);
  free (priv->regions_by_name);
  free (priv->prices_by_pair);
  free (priv);
  free (cat->instances);
  free (cat->regions);
  free (cat->prices);
  free (cat->groups);
  free (cat->sources);
  free (cat->gpus);
  free (cat->unsupported);
  free (cat->ccf_instances);
  free (cat->ccf_regions);
  free (cat->power_errors);
  free (cat->grid_alternatives);
  free (cat->dir);
  free (cat);
}

const struct instance *
catalogue_find_instance (const struct catalogue *cat, const char *name)
{
  const struct catalogue_private *priv = cat->private_data;
  struct instance key = { .name = name };
  const struct instance *keyp = &key;
  const struct instance *const *hit;

  if (priv->instances_by_name == NULL)
    return NULL;
  hit = bsearch (&keyp, priv->instances_by_name, cat->ninstances,
                 sizeof *priv->instances_by_name, compare_instance_names);
  return hit ? *hit : NULL;
}

const struct region *
catalogue_find_region (const struct catalogue *cat, const char *name)
{
  const struct catalogue_private *priv = cat->private_data;
  struct region key = { .name = name };
  const struct region *keyp = &key;
  const struct region *const *hit;

  if (priv->regions_by_name == NULL)
    return NULL;
  hit = bsearch (&keyp, priv->regions_by_name, cat->nregions,
                 sizeof *priv->regions_by_name, compare_region_names);
  return hit ? *hit : NULL;
}

const struct group *
catalogue_find_group (const struct catalogue *cat, const char *name)
{
  struct group key = { .name = name };

  return bsearch (&key, cat->groups, cat->ngroups, sizeof *cat->groups,
                  compare_group_names);
}

const struct source *
catalogue_find_source (const struct catalogue *cat, const char *id)
{
  struct source key = { .id = id };

  return bsearch (&key, cat->sources, cat->nsources, sizeof *cat->sources,
                  compare_source_ids);
}

const struct gpu *
catalogue_find_gpu (const struct catalogue *cat, const char *model)
{
  struct gpu key = { .model = model };

  return bsearch (&key, cat->gpus, cat->ngpus, sizeof *cat->gpus,
                  compare_gpu_models);
}

const struct ccf_instance *
catalogue_find_ccf_instance (const struct catalogue *cat, const char *name)
{
  const struct instance *in = catalogue_find_instance (cat, name);

  return in != NULL ? in->ccf : NULL;
}

const struct ccf_region *
catalogue_find_ccf_region (const struct catalogue *cat, const char *name)
{
  const struct region *g = catalogue_find_region (cat, name);

  return g != NULL ? g->ccf : NULL;
}

const struct price *
catalogue_find_price (const struct catalogue *cat,
                      const struct instance *instance,
                      const struct region *region)
{
  const struct catalogue_private *priv = cat->private_data;
  struct price key = { .instance = instance, .region = region };
  const struct price *keyp = &key;
  const struct price *const *hit;

  if (priv->prices_by_pair == NULL)
    return NULL;
  hit = bsearch (&keyp, priv->prices_by_pair, cat->nprices,
                 sizeof *priv->prices_by_pair, compare_price_pairs);
  return hit ? *hit : NULL;
}

bool
catalogue_region_in_group (const struct region *region, const char *group)
{
  size_t n = strlen (group);
  const char *p = region->groups;

  while (*p != '\0')
    {
      size_t len = strcspn (p, ";");

      if (len == n && strncmp (p, group, n) == 0)
        return true;
      p += len;
      if (*p == ';')
        p++;
    }
  return false;
}

double
catalogue_power_error (const struct catalogue *cat, const char *origin,
                       double load_pct)
{
  const struct power_error *prev = NULL;
  size_t i;

  for (i = 0; i < cat->npower_errors; i++)
    {
      const struct power_error *e = &cat->power_errors[i];

      if (!STREQ (e->origin, origin))
        continue;
      if (!(load_pct > e->load_pct))
        {
          if (prev == NULL || !(load_pct < e->load_pct))
            return e->p95_abs_rel_error;
          return prev->p95_abs_rel_error
                 + (load_pct - prev->load_pct)
                     / (e->load_pct - prev->load_pct)
                     * (e->p95_abs_rel_error
                        - prev->p95_abs_rel_error);
        }
      prev = e;
    }
  return prev != NULL ? prev->p95_abs_rel_error : 0.0;
}

size_t
catalogue_grid_alternatives (const struct catalogue *cat,
                             const struct region *region,
                             const struct grid_alternative **first)
{
  (void) cat;
  *first = region->grid_alternatives;
  return region->ngrid_alternatives;
}

size_t
catalogue_count_regions (const struct catalogue *cat,
                         const struct instance *instance)
{
  size_t i, n = 0;

  for (i = 0; i < cat->nprices; i++)
    if (cat->prices[i].instance == instance)
      n++;
  return n;
}
