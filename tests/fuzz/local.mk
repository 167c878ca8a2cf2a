## Copyright (C) 2026 the carbon-advisor authors.
## SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
## Fuzz targets (libFuzzer), built with ./configure --enable-fuzzing
## CC=clang.  `make fuzz-smoke` runs each for FUZZ_TIME seconds from a
## seed corpus made of the shipped tables and the test fixtures, and
## fails on a crash; HACKING.md says how to run them longer.

fuzz_targets = \
  %D%/fuzz_cli \
  %D%/fuzz_image \
  %D%/fuzz_numparse \
  %D%/fuzz_speedup \
  %D%/fuzz_table

if FUZZING
noinst_PROGRAMS = $(fuzz_targets)
endif

FUZZ_CPPFLAGS = $(AM_CPPFLAGS) \
  -DFUZZ_TINY_DIR='"$(abs_top_srcdir)/tests/cli/fixtures/tiny"'
%C%_fuzz_cli_SOURCES = %D%/fuzz_cli.c %D%/fuzz.c %D%/fuzz.h
%C%_fuzz_image_SOURCES = %D%/fuzz_image.c %D%/fuzz.c %D%/fuzz.h
%C%_fuzz_numparse_SOURCES = %D%/fuzz_numparse.c %D%/fuzz.c %D%/fuzz.h
%C%_fuzz_speedup_SOURCES = %D%/fuzz_speedup.c %D%/fuzz.c %D%/fuzz.h
%C%_fuzz_table_SOURCES = %D%/fuzz_table.c %D%/fuzz.c %D%/fuzz.h
%C%_fuzz_cli_LDADD = $(ADVISOR_LIBS)
%C%_fuzz_image_LDADD = $(ADVISOR_LIBS)
%C%_fuzz_numparse_LDADD = $(ADVISOR_LIBS)
%C%_fuzz_speedup_LDADD = $(ADVISOR_LIBS)
%C%_fuzz_table_LDADD = $(ADVISOR_LIBS)
%C%_fuzz_cli_LDFLAGS = -fsanitize=fuzzer
%C%_fuzz_image_LDFLAGS = -fsanitize=fuzzer
%C%_fuzz_numparse_LDFLAGS = -fsanitize=fuzzer
%C%_fuzz_speedup_LDFLAGS = -fsanitize=fuzzer
%C%_fuzz_table_LDFLAGS = -fsanitize=fuzzer
%C%_fuzz_table_CPPFLAGS = $(FUZZ_CPPFLAGS)
%C%_fuzz_image_CPPFLAGS = $(FUZZ_CPPFLAGS)

EXTRA_DIST += %D%/seeds.sh

# Seconds each target runs in fuzz-smoke, and options for every run.
FUZZ_TIME = 20
FUZZ_FLAGS = -max_total_time=$(FUZZ_TIME) -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -print_final_stats=1
# The command-line target: argp prints its usage messages (fd 1 and 2
# closed for the target, the fuzzer's own report still shown).
FUZZ_FLAGS_fuzz_cli = -close_fd_mask=3

# One PASS or FAIL line per target, as the test harness prints, so that
# tools/test.sh counts them.  The corpus grows in fuzz-corpus/TARGET.
fuzz-smoke: $(fuzz_targets)
	@status=0; \
	for t in $(fuzz_targets); do \
	  n=$${t##*/}; c=fuzz-corpus/$$n; \
	  mkdir -p $$c; \
	  $(SHELL) $(top_srcdir)/%D%/seeds.sh $$n $(abs_top_srcdir) $$c \
	    || exit 1; \
	  case $$n in fuzz_cli) extra='$(FUZZ_FLAGS_fuzz_cli)';; \
	    *) extra=;; esac; \
	  if ./$$t $(FUZZ_FLAGS) $$extra -artifact_prefix=$$c- $$c \
	       >$$c.log 2>&1; then \
	    runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$c.log); \
	    echo "PASS: $$n ($$runs runs)"; \
	  else \
	    echo "FAIL: $$n (log: $$c.log)"; tail -n 40 $$c.log; status=1; \
	  fi; \
	done; \
	exit $$status
.PHONY: fuzz-smoke

clean-local: fuzz-clean
fuzz-clean:
	-rm -rf fuzz-corpus
.PHONY: fuzz-clean
