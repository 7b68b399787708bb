/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a finding of check A (release-while-mapped) tells: the release,
 * the mapping, and the refcounted fix-its planned for it.
 */
#ifndef VMAPCHECK_CHECK_RELEASE_H
#define VMAPCHECK_CHECK_RELEASE_H

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MAX_FIXES 4

struct release_finding {
	const char *mapping;		/* the mapping as source text */
	const char *api;		/* put_page, or the helper releasing */
	const char *released;		/* operand text; NULL: a helper's pages */
	vc_loc helper_loc;		/* the release inside the helper */
	const char *helper_fn;		/* the function containing helper_loc */
	vc_loc map_loc;			/* where the mapping was created, if known */
	const char *map_fn;		/* function of map_loc, if not this one */
	bool handed_over;		/* VM_MAP_PUT_PAGES: the mapping owns them */
	bool not_unmapped_here;		/* nothing in this function unmaps it */
	bool left_mapped;		/* a path returns with the local mapping live */
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
};

#ifdef __cplusplus
}
#endif

#endif
