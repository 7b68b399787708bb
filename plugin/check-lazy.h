/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a finding of check B (lazy-unmap-no-flush) tells: the list, where
 * it is filled and purged, and what makes it unsafe.
 */
#ifndef VMAPCHECK_CHECK_LAZY_H
#define VMAPCHECK_CHECK_LAZY_H

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MAX_SITES 2

struct lazy_finding {
	const char *list;		/* the field or global the addresses go to */
	vc_loc queue_loc[MAX_SITES];	/* calls that queue a mapping */
	const char *queue_fn[MAX_SITES];
	vc_loc purge_loc[MAX_SITES];	/* unmaps of addresses from the list */
	const char *purge_fn[MAX_SITES];
	vc_loc unprotected_loc;		/* a release while queued (check A) */
	const char *unprotected_fn;
	bool no_hook;			/* no flush hook reaches a purge */
};

#ifdef __cplusplus
}
#endif

#endif
