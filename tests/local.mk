## Copyright (C) 2026 the carbon-advisor authors.
## SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
## Tests: Check unit suites (TAP) and black-box shell tests of the CLI.
## Included from the top-level Makefile.am; %D% is this directory.

tap_driver = env AM_TAP_AWK='$(AWK)' $(SHELL) \
  $(top_srcdir)/build-aux/tap-driver.sh

AM_TESTS_ENVIRONMENT = \
  CARBON_ADVISOR='$(abs_top_builddir)/src/carbon-advisor$(EXEEXT)'; \
  CARBON_ADVISOR_DATA='$(abs_top_srcdir)/data'; \
  CARBON_ADVISOR_TESTS='$(abs_top_srcdir)/tests'; \
  CARBON_ADVISOR_TOP='$(abs_top_srcdir)'; \
  LC_ALL=C; \
  export CARBON_ADVISOR CARBON_ADVISOR_DATA CARBON_ADVISOR_TESTS \
    CARBON_ADVISOR_TOP LC_ALL;

TEST_EXTENSIONS = .sh
LOG_DRIVER = $(tap_driver)
SH_LOG_COMPILER = $(SHELL)

unit_tests = \
  %D%/unit/check_advise \
  %D%/unit/check_advise_rules \
  %D%/unit/check_catalogue \
  %D%/unit/check_catalogue_rows \
  %D%/unit/check_catalogue_specs \
  %D%/unit/check_ccf \
  %D%/unit/check_cmd \
  %D%/unit/check_compare \
  %D%/unit/check_csvio \
  %D%/unit/check_data \
  %D%/unit/check_data_regions \
  %D%/unit/check_embodied \
  %D%/unit/check_footprint \
  %D%/unit/check_image \
  %D%/unit/check_jobrec \
  %D%/unit/check_numparse \
  %D%/unit/check_output \
  %D%/unit/check_output_stream \
  %D%/unit/check_pareto \
  %D%/unit/check_pareto_sort \
  %D%/unit/check_place \
  %D%/unit/check_power \
  %D%/unit/check_quantity \
  %D%/unit/check_rules \
  %D%/unit/check_run \
  %D%/unit/check_run_view \
  %D%/unit/check_scaling \
  %D%/unit/check_suggest \
  %D%/unit/check_svg \
  %D%/unit/check_table \
  %D%/unit/check_tally \
  %D%/unit/check_track \
  %D%/unit/check_uncertainty \
  %D%/unit/check_uncertainty_quantiles

if HAVE_CHECK
check_PROGRAMS = $(unit_tests)
endif

UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
UNIT_LDADD = $(ADVISOR_LIBS) $(CHECK_LIBS)
%C%_unit_check_advise_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_advise_LDADD = $(UNIT_LDADD)
%C%_unit_check_advise_rules_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_advise_rules_LDADD = $(UNIT_LDADD)
%C%_unit_check_catalogue_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_catalogue_LDADD = $(UNIT_LDADD)
%C%_unit_check_catalogue_rows_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_catalogue_rows_LDADD = $(UNIT_LDADD)
%C%_unit_check_catalogue_specs_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_catalogue_specs_LDADD = $(UNIT_LDADD)
%C%_unit_check_ccf_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_ccf_LDADD = $(UNIT_LDADD)
%C%_unit_check_cmd_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_cmd_LDADD = $(UNIT_LDADD)
%C%_unit_check_compare_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_compare_LDADD = $(UNIT_LDADD)
%C%_unit_check_csvio_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_csvio_LDADD = $(UNIT_LDADD)
%C%_unit_check_data_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_data_LDADD = $(UNIT_LDADD)
%C%_unit_check_data_regions_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_data_regions_LDADD = $(UNIT_LDADD)
%C%_unit_check_footprint_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_footprint_LDADD = $(UNIT_LDADD)
%C%_unit_check_image_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_image_LDADD = $(UNIT_LDADD)
%C%_unit_check_jobrec_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_jobrec_LDADD = $(UNIT_LDADD)
%C%_unit_check_numparse_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_numparse_LDADD = $(UNIT_LDADD)
%C%_unit_check_output_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_output_LDADD = $(UNIT_LDADD)
%C%_unit_check_output_stream_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_output_stream_LDADD = $(UNIT_LDADD)
%C%_unit_check_pareto_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_pareto_LDADD = $(UNIT_LDADD)
%C%_unit_check_pareto_sort_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_pareto_sort_LDADD = $(UNIT_LDADD)
%C%_unit_check_place_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_place_LDADD = $(UNIT_LDADD)
%C%_unit_check_power_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_power_LDADD = $(UNIT_LDADD)
%C%_unit_check_embodied_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_embodied_LDADD = $(UNIT_LDADD)
%C%_unit_check_rules_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_rules_LDADD = $(UNIT_LDADD)
%C%_unit_check_run_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_run_LDADD = $(UNIT_LDADD)
%C%_unit_check_quantity_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_quantity_LDADD = $(UNIT_LDADD)
%C%_unit_check_run_view_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_run_view_LDADD = $(UNIT_LDADD)
%C%_unit_check_scaling_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_scaling_LDADD = $(UNIT_LDADD)
%C%_unit_check_suggest_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_suggest_LDADD = $(UNIT_LDADD)
%C%_unit_check_svg_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_svg_LDADD = $(UNIT_LDADD)
%C%_unit_check_table_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_table_LDADD = $(UNIT_LDADD)
%C%_unit_check_tally_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_tally_LDADD = $(UNIT_LDADD)
%C%_unit_check_track_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_track_LDADD = $(UNIT_LDADD)
%C%_unit_check_uncertainty_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_uncertainty_LDADD = $(UNIT_LDADD)
%C%_unit_check_uncertainty_quantiles_CFLAGS = $(UNIT_CFLAGS)
%C%_unit_check_uncertainty_quantiles_LDADD = $(UNIT_LDADD)

cli_tests = \
  %D%/cli/advise.sh \
  %D%/cli/advise-rules.sh \
  %D%/cli/advise-tables.sh \
  %D%/cli/columns.sh \
  %D%/cli/compare.sh \
  %D%/cli/errors.sh \
  %D%/cli/estimate.sh \
  %D%/cli/gpu-load.sh \
  %D%/cli/image.sh \
  %D%/cli/inputs.sh \
  %D%/cli/list.sh \
  %D%/cli/method.sh \
  %D%/cli/misc.sh \
  %D%/cli/options.sh \
  %D%/cli/output.sh \
  %D%/cli/report.sh \
  %D%/cli/report-render.sh \
  %D%/cli/track.sh \
  %D%/cli/track-dask.sh \
  %D%/cli/track-merge.sh \
  %D%/cli/uncertainty.sh

data_tests = %D%/data/ccf-check.sh %D%/data/model-error.sh \
  %D%/data/rebuild.sh %D%/data/sources-lock.sh

style_tests = %D%/style/layers.sh %D%/style/format.sh

docs_tests = %D%/docs/counts.sh %D%/docs/help.sh %D%/docs/man.sh

TESTS = $(cli_tests) $(data_tests) $(style_tests) $(docs_tests)
if HAVE_CHECK
TESTS += $(unit_tests)
endif

EXTRA_DIST += $(cli_tests) $(data_tests) $(style_tests) $(docs_tests) \
  %D%/style/layers.py %D%/cli/lib.sh %D%/data/lib.sh %D%/docs/lib.sh \
  %D%/cli/expected %D%/data/ccf-check.py \
  %D%/cli/fixtures \
  %D%/unit/unit.h %D%/unit/shipped.h %D%/unit/catalogue-fixture.h \
  %D%/unit/m5-north.h %D%/unit/uncertainty-fixture.h \
  %D%/unit/output-fixture.h
