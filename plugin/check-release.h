/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMAPCHECK_CHECK_RELEASE_H
#define VMAPCHECK_CHECK_RELEASE_H

#include "fnmodel.h"

/* Check A on F (summaries and unit facts computed); findings go to report.h. */
void check_released_while_mapped(fn *f, bool verbose);

#endif
