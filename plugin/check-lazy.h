/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef VMAPCHECK_CHECK_LAZY_H
#define VMAPCHECK_CHECK_LAZY_H

#include "finding.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Check B over the analysed functions (summaries computed).  RELEASES are
 * check A's findings: a release while queued makes a list unsafe.  With
 * WHOLE_BUILD, "no flush hook reaches a purge" is decided even where code
 * outside the analysed functions could call the purge.
 */
void check_lazy_lists(const finding_vec *releases, bool whole_build, finding_vec *out);

#ifdef __cplusplus
}
#endif

#endif
