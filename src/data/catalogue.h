/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The bundled data: instance types, regions, prices, groups, sources,
   and Cloud Carbon Footprint's coefficients.  */
#ifndef CA_CATALOGUE_H
#define CA_CATALOGUE_H

#include <stddef.h>

#include "base/diag.h"
#include "base/system.h"

/* The loads at which the data gives an instance's power, in percent.  */
#define CATALOGUE_POWER_POINTS 4
extern const double catalogue_power_loads[CATALOGUE_POWER_POINTS];

/* The accelerator ecosystems instances.csv names, NULL-terminated,
   sorted; "none" is a type without an accelerator.  */
extern const char *const catalogue_accelerators[];

struct ccf_instance;
struct ccf_region;

/* Every number below that the data may leave blank is NaN when it does:
   blank means "not available", never zero.  */

struct instance
{
  const char *provider;
  const char *name;
  const char *family;
  long vcpus;
  double memory_gib;
  long gpus;
  const char *gpu_model; /* "" without GPUs.  */
  /* Its accelerator ecosystem, one of catalogue_accelerators ("none"
     without one), and the memory of all its GPUs (NaN without GPUs).  */
  const char *accelerator;
  double gpu_memory_total_gib;
  const char *gpu_memory_source; /* "" when neither applies.  */
  long burstable;      /* 1 when a share of its vCPUs is all it sustains:  */
  double baseline_pct; /* that share, NaN where none is published */
  const char *baseline_source; /* (or not burstable).  */
  const char *arch;            /* "x86_64" or "arm64".  */
  const char *cpu_model;
  long host_vcpus;
  double host_memory_gib;
  long host_gpus;
  double power_w[CATALOGUE_POWER_POINTS]; /* At catalogue_power_loads.  */
  double embodied_host_kgco2e;
  double embodied_kgco2e;   /* This instance's share of the host by
                               the Teads sheet's rule (its vCPUs).  */
  const char *power_origin; /* "measured" or "modelled".  */
  const char *power_source; /* Ids in sources.csv.  */
  const char *embodied_source;
  size_t line;                    /* Line in instances.csv.  */
  double embodied_low_kgco2e;     /* The least and greatest instance share  */
  double embodied_high_kgco2e;    /* any source gives, EMBODIED_KGCO2E
                                     included (embodied_alternatives.csv).  */
  const struct ccf_instance *ccf; /* Its ccf_instances.csv row, or NULL
                                     when CCF's method cannot cover it.  */
  const struct gpu *gpu;          /* Its gpus.csv row; NULL without GPUs.  */
};

/* One grid intensity figure with where it comes from.  */
struct grid_figure
{
  double gco2e_per_kwh; /* NaN when the data has none.  */
  const char *source;   /* "" when the data has none.  */
  long year;            /* 0 when the data has none.  */
};

/* One location-based grid figure of grid_alternatives.csv.  */
struct grid_alternative
{
  const struct region *region;
  const char *source; /* An id of sources.csv.  */
  long year;          /* 0 when the row gives none.  */
  double gco2e_per_kwh;
  const char *level; /* "region" or "country", or "".  */
  size_t line;       /* Line in grid_alternatives.csv.  */
};

struct region
{
  const char *provider;
  const char *name;
  const char *location;
  const char *country; /* ISO 3166-1 alpha-2.  */
  double latitude;
  double longitude;
  const char *groups; /* ';'-separated group names.  */
  double pue;
  const char *pue_source;
  long pue_year;
  struct grid_figure grid; /* Location-based annual average.  */
  const char *grid_level;  /* "region", "zone" or "country".  */
  const char *grid_zone;   /* Electricity Maps zone of GRID, or "".  */
  struct grid_figure marginal;
  struct grid_figure market;
  double cfe_pct;
  const char *cfe_source;
  long cfe_year;
  size_t line;      /* Line in regions.csv.  */
  double grid_low;  /* The least and greatest location-based  */
  double grid_high; /* figure any source gives, GRID's
                       included (grid_alternatives.csv); NaN
                       when GRID is.  */
  const struct grid_alternative *grid_alternatives; /* Its rows of
                                  grid_alternatives.csv, one after the
                                  other, or NULL.  */
  size_t ngrid_alternatives;
  double pue_low;               /* The same for the PUE  */
  double pue_high;              /* (pue_alternatives.csv).  */
  const struct ccf_region *ccf; /* Its ccf_regions.csv row, or NULL.  */
};

struct price
{
  const struct instance *instance;
  const struct region *region;
  double usd_per_h; /* On demand.  */
  const char *date;
  const char *source;
  double spot_usd_per_h; /* NaN when unknown.  */
  const char *spot_date;
  const char *spot_source; /* An id of sources.csv; "" without a spot
                              price.  */
  size_t line;             /* Line in prices.csv.  */
};

/* A GPU model any instance type uses.  */
struct gpu
{
  const char *model;
  double training_speed; /* Measured training speed per GPU,
                            relative to an A100 80 GB SXM (the
                            median over benchmarks), or NaN when
                            no source measured it.  */
  double speed_low;      /* Its spread (gpus.csv speed_spread says
                            which: p25-p75 or min-max).  */
  double speed_high;
  const char *speed_status; /* "measured" or "estimated"; "" without
                               a figure.  */
  const char *speed_source;
  double power_w[CATALOGUE_POWER_POINTS]; /* One card at
                               catalogue_power_loads, the part of an
                               instance's curve its GPUs draw (doc/
                               METHODOLOGY.md, G[X]); all NaN when
                               gpus.csv has no power figure.  */
};

/* What Cloud Carbon Footprint's method computes an instance type with
   (ccf_instances.csv, doc/ccf-data.md): watts per vCPU at 0 and 100 %
   load for its CPU micro-architecture, watts per GPU, the memory it does
   not charge, and its host's embodied emissions.  */
struct ccf_instance
{
  const struct instance *instance;
  const char *microarchitecture; /* Of the host CPU, e.g. "Skylake".  */
  const char *architecture;      /* CCF's processor whose watts are used, or
                                    the provider average ("AWS average").  */
  double vcpu_factor;            /* vCPU-hours CCF counts per vCPU-hour:
                                    a burstable type's baseline / 50 %,
                                    else 1.  */
  double cpu_min_w;              /* Per vCPU, at 0 % load.  */
  double cpu_max_w;              /* Per vCPU, at 100 % load.  */
  double memory_allowance_gib;   /* Memory CCF charges nothing for.  */
  const char *gpu;               /* CCF's GPU name, "" without GPUs.  */
  double gpu_min_w;              /* Per GPU; NaN without GPUs.  */
  double gpu_max_w;
  double embodied_host_kgco2e;
  long host_vcpus;    /* vCPUs of the family's largest type.  */
  const char *source; /* Ids in sources.csv.  */
  const char *embodied_source;
  size_t line; /* Line in ccf_instances.csv.  */
};

/* CCF's PUE and grid factor for a region (ccf_regions.csv).  */
struct ccf_region
{
  const struct region *region;
  double pue;
  const char *pue_basis;     /* "fleet" or "region-ttm".  */
  double grid_gco2e_per_kwh; /* NaN when CCF has none.  */
  const char *grid_note;
  const char *source;
  size_t line; /* Line in ccf_regions.csv.  */
};

/* An instance type the data prices but cannot estimate (an accelerator
   with no open power figure, say), left out of every search.  */
struct unsupported
{
  const char *provider;
  const char *name;
  const char *reason;
};

/* The measured error of a power curve of one origin at one load
   (power_error.csv), as fractions of the power: 0.05 is 5 %.  */
struct power_error
{
  const char *origin; /* "measured" or "modelled".  */
  double load_pct;    /* One of catalogue_power_loads.  */
  double median_abs_rel_error;
  double p95_abs_rel_error;
  double worst_abs_rel_error;
  const char *source;
};

struct group
{
  const char *name;
  const char *description;
};

struct source
{
  const char *id;
  const char *title;
  const char *publisher;
  const char *year;
  const char *licence;
  const char *upstream;
  const char *notes;
};

struct catalogue
{
  char *dir;
  struct instance *instances; /* Sorted by provider, name.  */
  size_t ninstances;
  struct region *regions; /* Sorted by provider, name.  */
  size_t nregions;
  struct price *prices; /* Sorted by provider, region, instance.  */
  size_t nprices;
  struct group *groups; /* Sorted by name.  */
  size_t ngroups;
  struct source *sources; /* Sorted by id.  */
  size_t nsources;
  struct gpu *gpus; /* Sorted by model.  */
  size_t ngpus;
  struct unsupported *unsupported; /* In file order.  */
  size_t nunsupported;
  struct ccf_instance *ccf_instances; /* Sorted as instances.  */
  size_t nccf_instances;
  struct ccf_region *ccf_regions; /* Sorted as regions.  */
  size_t nccf_regions;
  struct power_error *power_errors; /* In file order.  */
  size_t npower_errors;
  struct grid_alternative *grid_alternatives; /* Sorted by provider,
                                                region; each region's
                                                rows together.  */
  size_t ngrid_alternatives;
  /* Private: the tables whose text the structs above point into, and
     lookup indexes.  */
  void *private_data;
};

/* The file names of the tables in a data directory.  */
#define CATALOGUE_INSTANCES "instances.csv"
#define CATALOGUE_REGIONS "regions.csv"
#define CATALOGUE_PRICES "prices.csv"
#define CATALOGUE_GROUPS "groups.csv"
#define CATALOGUE_SOURCES "sources.csv"
#define CATALOGUE_GPUS "gpus.csv"
#define CATALOGUE_UNSUPPORTED "unsupported.csv"
#define CATALOGUE_CCF_INSTANCES "ccf_instances.csv"
#define CATALOGUE_CCF_REGIONS "ccf_regions.csv"
#define CATALOGUE_GRID_ALTERNATIVES "grid_alternatives.csv"
#define CATALOGUE_PUE_ALTERNATIVES "pue_alternatives.csv"
#define CATALOGUE_EMBODIED_ALTERNATIVES "embodied_alternatives.csv"
#define CATALOGUE_POWER_ERROR "power_error.csv"

/* The compiled image of the tables (catalogue_compile), which a data
   directory may hold beside them.  */
#define CATALOGUE_IMAGE "catalogue.image"

/* Load and check every table in DIR (or read DIR's current image:
   catalogue_open).  Returns a new catalogue, or NULL
   with D set: CA_EXIT_NOINPUT when a table is missing, CA_EXIT_DATAERR
   ("FILE:LINE: column 'C': what is wrong") when one is malformed or the
   tables disagree (a price for an unknown instance, a source id that
   sources.csv lacks, a GPU model gpus.csv lacks, a power curve that
   decreases, CCF coefficients for an unknown instance, rows out of their
   documented order...).  */
struct catalogue *catalogue_load (const char *dir, struct diag *d);

/* The tables a command may do without: what only --method ccf,
   --uncertainty, --grid-source or compare read.  */
enum
{
  CATALOGUE_PART_CCF = 1,          /* ccf_instances.csv, ccf_regions.csv.  */
  CATALOGUE_PART_ALTERNATIVES = 2, /* grid_, pue_ and
                                      embodied_alternatives.csv.  */
  CATALOGUE_PART_POWER_ERROR = 4,  /* power_error.csv.  */
  CATALOGUE_PARTS_ALL = 7,
  /* Not a part: read the tables even where a current image is.  */
  CATALOGUE_TABLES_ONLY = 8
};

/* catalogue_load, reading and checking of the parts above only those in
   the mask PARTS (the other tables are always read), or from DIR's
   CATALOGUE_IMAGE when it holds one made from the very tables in DIR by
   this build: no table is parsed, and every part is there (the parts a
   command leaves out are those its results do not depend on).  A part
   left out of the tables reads as empty: no CCF rows (every instance's
   and region's CCF NULL), no alternatives (each range its point figure),
   no power errors.  An image that will not do (out of date, of another
   build, damaged) is passed over for the tables, and NOTE (unless NULL)
   says why in one line, for the command to print; else NOTE's text is
   "".  */
struct catalogue *catalogue_open (const char *dir, unsigned parts,
                                  struct diag *note, struct diag *d);

/* Write the compiled image of CAT, loaded with every part from the
   tables of its directory, to PATH (atomically: base/outfile.h), with
   the hash of each table as it is now.  Returns 0, or -1 with D set:
   CA_EXIT_NOINPUT when a table cannot be read, CA_EXIT_FAILURE when
   PATH cannot be written.  */
int catalogue_compile (const struct catalogue *cat, const char *path,
                       struct diag *d);

void catalogue_free (struct catalogue *cat);

/* Lookups by exact name; NULL when there is none.  */
const struct instance *catalogue_find_instance (const struct catalogue *cat,
                                                const char *name);
const struct region *catalogue_find_region (const struct catalogue *cat,
                                            const char *name);
const struct group *catalogue_find_group (const struct catalogue *cat,
                                          const char *name);
const struct source *catalogue_find_source (const struct catalogue *cat,
                                            const char *id);
const struct gpu *catalogue_find_gpu (const struct catalogue *cat,
                                      const char *model);

/* CCF's coefficients for the instance type or region called NAME; NULL
   when there is no such name or CCF's method cannot cover it.  */
const struct ccf_instance *
catalogue_find_ccf_instance (const struct catalogue *cat, const char *name);
const struct ccf_region *
catalogue_find_ccf_region (const struct catalogue *cat, const char *name);

/* The price of INSTANCE in REGION, or NULL when it is not sold there.  */
const struct price *catalogue_find_price (const struct catalogue *cat,
                                          const struct instance *instance,
                                          const struct region *region);

/* Whether REGION belongs to the group called GROUP.  */
bool catalogue_region_in_group (const struct region *region,
                                const char *group);

/* The 95th percentile of the absolute relative error of a power curve of
   ORIGIN
   ("measured" or "modelled") at LOAD_PCT, interpolated linearly between
   the loads of power_error.csv; 0 when the table has no row for
   ORIGIN.  */
double catalogue_power_error (const struct catalogue *cat, const char *origin,
                              double load_pct);

/* The location-based grid figures of grid_alternatives.csv for REGION:
   sets *FIRST to the first of them (they follow one another) and returns
   how many there are, 0 (and *FIRST NULL) when there is none.  */
size_t catalogue_grid_alternatives (const struct catalogue *cat,
                                    const struct region *region,
                                    const struct grid_alternative **first);

/* How many regions sell INSTANCE.  */
size_t catalogue_count_regions (const struct catalogue *cat,
                                const struct instance *instance);

#endif /* CA_CATALOGUE_H */
