/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Findings as GCC diagnostics: one warning at the release with notes that
 * tell the story (mapping created, queued for a deferred unmap, unmapped
 * only later, the fix), sorted by location so output is deterministic.
 */
#ifndef VMAPCHECK_REPORT_H
#define VMAPCHECK_REPORT_H

#include "gcc-common.h"
#include "finding.h"

/* Emit FINDINGS; AS_ERRORS makes them errors. */
void report_findings(finding_vec *findings, bool as_errors);

#endif
