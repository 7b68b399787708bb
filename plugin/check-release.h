/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMAPCHECK_CHECK_RELEASE_H
#define VMAPCHECK_CHECK_RELEASE_H

#include <stdio.h>

#include "finding.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Check A on F (summaries and facts computed): findings go to OUT, with
   fix-its planned from the API model FIXITS if not NULL (the source is at
   hand: the plugin).  COMPLETE: every unit of the build that can unmap is
   analysed, so that a field mapping nothing unmaps is known to stay mapped. */
void check_released_while_mapped(struct fn *f, finding_vec *out,
				 const struct api_model *fixits, bool complete,
				 FILE *verbose);

#ifdef __cplusplus
}
#endif

#endif
