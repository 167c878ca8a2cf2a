/* Copyright (C) 2026 the carbon-advisor authors.
   SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).  */
/* Helpers shared by the libFuzzer targets of tests/fuzz/.  */
#ifndef CA_FUZZ_H
#define CA_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A new private directory for this process's temporary files (made
   once; removed at exit).  */
const char *fuzz_dir (void);

/* Write the SIZE bytes of DATA to PATH, replacing it; aborts on error,
   which is the harness's, not the code's under test.  */
void fuzz_write (const char *path, const uint8_t *data, size_t size);

/* A NUL-terminated copy of DATA (to be freed).  */
char *fuzz_string (const uint8_t *data, size_t size);

/* Abort unless D holds a message and one of the documented statuses:
   the code under test must say why it refused an input.  */
struct diag;
void fuzz_check_diag (const struct diag *d);

#endif /* CA_FUZZ_H */
