/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Findings and how they are shown: GCC diagnostics, one warning at the
 * release with notes telling the story (mapping created, queued for a
 * deferred unmap, unmapped only later, the fix).  Findings are collected,
 * sorted by location and emitted once, so output is deterministic.
 */
#ifndef VMAPCHECK_REPORT_H
#define VMAPCHECK_REPORT_H

#include "gcc-common.h"

struct finding {
	location_t loc;			/* the release */
	const char *function;		/* the function releasing */
	const char *release_api;	/* put_page, or the helper releasing */
	const char *released;		/* operand text; NULL: a helper's pages */
	location_t helper_loc;		/* the release inside the helper */
	const char *helper_fn;		/* the function containing helper_loc */
	const char *mapping;		/* the mapping as source text */
	location_t map_loc;		/* where the mapping was created, if known */
	const char *map_fn;		/* function of map_loc, if not this one */
	bool handed_over;		/* VM_MAP_PUT_PAGES: the mapping owns them */
	bool not_unmapped_here;		/* nothing in this function unmaps it */
	location_t defer_loc;		/* queued for a deferred unmap */
	const char *defer_fn;
	location_t unmap_loc;		/* unmapped only after the release */
};

void report_add(const finding *f);
/* Emit the collected findings; AS_ERRORS makes them errors. */
void report_flush(bool as_errors);

#endif
