/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel API model: which functions map pages, unmap mappings, release
 * pages, defer an unmap, or pass a pointer through.  The model is data: a
 * built-in table in the api file format plus the user's api=FILE entries.
 */
#ifndef VMAPCHECK_API_H
#define VMAPCHECK_API_H

#include "gcc-common.h"

enum api_kind {
	API_MAP,		/* returns a mapping of the page array in arg */
	API_MAP_COUNTED,	/* refcounted mapping: the mapping holds page refs */
	API_UNMAP,		/* unmaps the address in arg */
	API_FREE_AREA,		/* frees a vmalloc area; on a mapping: unmaps it */
	API_RELEASE,		/* releases the page in arg */
	API_RELEASE_ARRAY,	/* releases every page of the array in arg */
	API_DEFER,		/* queues the address in arg for a later unmap */
	API_ALIAS,		/* returns (an adjustment of) its arg */
	API_ERRTEST,		/* true when arg is NULL or an error pointer */
	API_HOOK,		/* registers a flush hook: the functions in args */
	API_FILL,		/* fills the page array in arg with new pages */
};

struct api_entry {
	enum api_kind kind;
	const char *name;
	int arg;
	unsigned long hook_args;	/* API_HOOK: a bit per argument (2,3) */
	/* API_MAP only: flags argument and the bit handing the pages over */
	int flags_arg;
	unsigned long owns_pages;
};

/* Parse the built-in model and, if FILE is not NULL, the user's api file. */
bool api_init(const char *file);
/* Drop entries whose names do not occur in this translation unit; false if
   nothing can map or unmap here, so there is nothing to check. */
bool api_bind_identifiers(void);
/* The model entry for a call to FNDECL, or NULL. */
const struct api_entry *api_lookup(tree fndecl);
const char *api_kind_name(enum api_kind kind);
void api_dump(FILE *out);

#endif
