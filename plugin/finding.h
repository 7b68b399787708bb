/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A finding of the checks, with what its notes tell.  The plugin shows
 * findings as GCC diagnostics (report.c), vmapcheck-merge as text or JSON
 * (merge.c); the words are in messages.c.
 */
#ifndef VMAPCHECK_FINDING_H
#define VMAPCHECK_FINDING_H

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

enum finding_kind {
	FINDING_RELEASE,	/* check A: pages released while mapped */
	FINDING_LAZY_LIST,	/* check B: a lazy-unmap list that is not safe */
};

#define MAX_SITES 2
#define MAX_FIXES 4

struct finding {
	enum finding_kind kind;
	vc_loc loc;			/* A: the release; B: where the list is filled */
	const char *function;		/* the function of loc */
	const char *mapping;		/* A: the mapping as source text */

	/* Check A. */
	const char *release_api;	/* put_page, or the helper releasing */
	const char *released;		/* operand text; NULL: a helper's pages */
	vc_loc helper_loc;		/* the release inside the helper */
	const char *helper_fn;		/* the function containing helper_loc */
	vc_loc map_loc;			/* where the mapping was created, if known */
	const char *map_fn;		/* function of map_loc, if not this one */
	bool handed_over;		/* VM_MAP_PUT_PAGES: the mapping owns them */
	bool not_unmapped_here;		/* nothing in this function unmaps it */
	vc_loc defer_loc;		/* queued for a deferred unmap */
	const char *defer_fn;
	struct vc_name defer_where;	/* ... on this list (depth -1: none) */
	vc_loc unmap_loc;		/* unmapped only after the release */
	/* Fix-its: the map call at fix_map (of fix_map_api) and the unmap calls
	   at fix_unmap become their refcounted forms (the API model's counted=). */
	vc_loc fix_map;
	const char *fix_map_api;
	vc_loc fix_unmap[MAX_FIXES];
	const char *fix_unmap_api[MAX_FIXES];
	int nfix_unmap;
	const char *no_fix;		/* why there is no fix-it */

	/* Check B. */
	const char *list;		/* the field or global the addresses go to */
	vc_loc queue_loc[MAX_SITES];	/* calls that queue a mapping */
	const char *queue_fn[MAX_SITES];
	vc_loc purge_loc[MAX_SITES];	/* unmaps of addresses from the list */
	const char *purge_fn[MAX_SITES];
	vc_loc unprotected_loc;		/* a release while queued (check A) */
	const char *unprotected_fn;
	bool no_hook;			/* no flush hook reaches a purge */
};
typedef VEC(struct finding) finding_vec;

#ifdef __cplusplus
}
#endif

#endif
