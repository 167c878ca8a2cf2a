/* One run: a job on COUNT instances of one type in one region, with
   every figure of its footprint and where each came from.  */
#ifndef CA_RUN_H
#define CA_RUN_H

#include "catalogue.h"
#include "diag.h"
#include "footprint.h"
#include "output.h"

/* Which grid intensity a run uses (doc/METHODOLOGY.md, "Grid
   intensity").  */
enum run_signal
{
  RUN_SIGNAL_AVERAGE,   /* Location-based annual average (default).  */
  RUN_SIGNAL_MARGINAL,  /* Marginal emissions of extra demand.  */
  RUN_SIGNAL_MARKET     /* Market-based: the provider's claim after its
                           renewable purchases.  */
};

/* Look NAME up among "average", "marginal", "market".  */
int run_signal_parse (const char *name, enum run_signal *signal);
const char *run_signal_name (enum run_signal signal);

/* REGION's figure for SIGNAL (its gco2e_per_kwh is NaN when the data has
   none).  */
const struct grid_figure *run_signal_figure (const struct region *region,
                                             enum run_signal signal);

/* What the user asked for.  */
struct run_params
{
  double runtime_h;
  double load_pct;
  long count;
  double lifetime_years;
  double pue;                   /* --pue, or NaN for the region's.  */
  double grid_gco2e_per_kwh;    /* --grid-intensity, or NaN.  */
  enum run_signal signal;       /* Which of the region's figures.  */
  double power_w;               /* The instance's power at LOAD_PCT when the
                                   caller has worked it out already (advise
                                   does, once per instance type), or NaN.  */
};

/* The source id recorded for a figure the user gave on the command
   line.  */
#define RUN_SOURCE_USER "user"

struct run
{
  const struct instance *instance;
  const struct region *region;
  const struct price *price;
  double runtime_h;
  double load_pct;
  long count;
  double lifetime_h;
  double power_w;               /* One instance at LOAD_PCT.  */
  double pue;
  const char *pue_source;
  long pue_year;                /* 0 when not known.  */
  double grid_gco2e_per_kwh;
  enum run_signal signal;
  const char *grid_source;
  long grid_year;
  const char *grid_level;
  struct footprint footprint;
};

/* Work out the run of PARAMS on INSTANCE in REGION at PRICE (which sells
   that instance there) into *OUT.  Returns 0, or -1 with D set when a
   figure is missing (a region without a grid intensity for the chosen
   signal: CA_EXIT_DATAERR) or the power curve is unusable.  */
int run_evaluate (const struct instance *instance,
                  const struct region *region, const struct price *price,
                  const struct run_params *params, struct run *out,
                  struct diag *d);

/* The columns of a run in every output format, and how many.  */
extern const struct out_column run_columns[];
extern const size_t run_ncolumns;

/* Fill the last row of TABLE, whose first run_ncolumns columns are
   run_columns, from RUN.  */
void run_fill_row (struct out_table *table, const struct run *run);

#endif /* CA_RUN_H */
