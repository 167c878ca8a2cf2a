/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* The --by key of a tracked job and whether it failed: what a summary
   groups by (doc/tracking.md).  Model layer.  */
#ifndef CA_TRACK_KEY_H
#define CA_TRACK_KEY_H

#include "base/diag.h"
#include "data/joblog.h"
#include "data/jobrec.h"
#include "search/track.h"

/* The most --by keys.  */
#define TRACK_KEYS_MAX 64

struct track_keys;

/* The keys of BY, comma separated ("" for none).  Returns NULL with D
   set (CA_EXIT_USAGE) for more than TRACK_KEYS_MAX.  */
struct track_keys *track_keys_new (const char *by, struct diag *d);
void track_keys_free (struct track_keys *k);

/* Forget the columns found in the last header (a new file).  */
void track_keys_reset (struct track_keys *k);

/* The key of a job: the values of each --by key (month, region,
   location, instance_type, gpu_model and state from the job and its
   result, any other from the record's field of that name, "" when
   absent) joined by '\x1f', in *KEY (valid until the next call);
   returns its length.  */
size_t track_keys_make (struct track_keys *k, const struct joblog_record *rec,
                        const struct jobrec *job,
                        const struct track_result *res, const char **key);

/* Whether a job in STATE failed: a state that is neither in SUCCESS
   (comma separated) nor one of a job still going (RUNNING, PENDING,
   REQUEUED, SUSPENDED, RESIZING).  A blank state never failed.  */
bool track_failed (const char *success, const char *state);

/* "YYYY-MM" of Unix time T (UTC) in BUF, "" when T is NaN.  */
void track_month (double t, char buf[16]);

#endif /* CA_TRACK_KEY_H */
