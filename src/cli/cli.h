/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Command-line plumbing shared by the commands: the option groups, the
   data directory, the output file, names with suggestions, error
   reports.  Each part has its own header; this one includes them all.  */
#ifndef CA_CLI_H
#define CA_CLI_H

#include <argp.h>
#include <stdio.h>

#include "cli/datadir.h"
#include "cli/files.h"
#include "cli/job.h"
#include "cli/lookup.h"
#include "cli/message.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/sink.h"
#include "cli/uncertainty-options.h"
#include "data/catalogue.h"
#include "base/diag.h"
#include "base/outfile.h"
#include "view/output.h"
#include "data/pricing.h"
#include "model/run.h"
#include "search/select.h"
#include "base/system.h"
#include "search/uncertainty.h"

#endif /* CA_CLI_H */
