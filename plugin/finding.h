/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A finding of the checks, with what its notes tell: where the mapping
 * was created, queued for a deferred unmap, or unmapped only later.  The
 * plugin shows findings as GCC diagnostics (report.c), vmapcheck-merge as
 * text or JSON (merge.c).
 */
#ifndef VMAPCHECK_FINDING_H
#define VMAPCHECK_FINDING_H

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

struct finding {
	vc_loc loc;			/* the release */
	const char *function;		/* the function releasing */
	const char *release_api;	/* put_page, or the helper releasing */
	const char *released;		/* operand text; NULL: a helper's pages */
	vc_loc helper_loc;		/* the release inside the helper */
	const char *helper_fn;		/* the function containing helper_loc */
	const char *mapping;		/* the mapping as source text */
	vc_loc map_loc;			/* where the mapping was created, if known */
	const char *map_fn;		/* function of map_loc, if not this one */
	bool handed_over;		/* VM_MAP_PUT_PAGES: the mapping owns them */
	bool not_unmapped_here;		/* nothing in this function unmaps it */
	vc_loc defer_loc;		/* queued for a deferred unmap */
	const char *defer_fn;
	vc_loc unmap_loc;		/* unmapped only after the release */
};
typedef VEC(struct finding) finding_vec;

#ifdef __cplusplus
}
#endif

#endif
