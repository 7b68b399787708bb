/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel API model: which functions map pages, unmap mappings, release
 * pages, queue an unmap, register flush hooks or fill page arrays.  It is
 * data: the built-in model is model/kernel.api, compiled in by make, and a
 * user's api file adds or replaces entries in the same format.  Plain C,
 * shared by the plugin (which binds the names to GCC identifiers, api.c)
 * and vmapcheck-merge.
 */
#ifndef VMAPCHECK_MODEL_H
#define VMAPCHECK_MODEL_H

#include <stdio.h>

#include "util.h"

#ifdef __cplusplus
extern "C" {
#endif

enum api_kind {
	API_MAP,		/* returns a mapping of the page array in arg */
	API_MAP_COUNTED,	/* refcounted mapping: the mapping holds page refs */
	API_UNMAP,		/* unmaps the address in arg */
	API_UNMAP_COUNTED,	/* unmaps a refcounted mapping, dropping its refs */
	API_FREE_AREA,		/* frees a vmalloc area; on a mapping: unmaps it */
	API_RELEASE,		/* releases the page in arg */
	API_RELEASE_ARRAY,	/* releases every page of the array in arg */
	API_RELEASE_ADDRESS,	/* frees the memory at the address in arg: the page
				   whose address it is (page_address()) */
	API_DEFER,		/* queues the address in arg for a later unmap */
	API_ALIAS,		/* returns (an adjustment of) its arg */
	API_ERRTEST,		/* true when arg is NULL or an error pointer */
	API_HOOK,		/* registers a flush hook: the functions in args */
	API_RUNNER,		/* runs the function in arg on its own schedule */
	API_FILL,		/* fills the page array in arg with new pages */
	API_FREE_OBJECT,	/* frees the object arg points to (kfree) */
	API_NKINDS
};

struct api_entry {
	enum api_kind kind;
	const char *name;
	int arg;			/* the first (hooks: of args) */
	unsigned long args;		/* a bit per argument listed */
	/* API_MAP: the flags argument, the bits handing the pages over, and
	   the name of that flag in the source (VM_MAP_PUT_PAGES). */
	int flags_arg;
	unsigned long owns_pages;
	const char *owns_flag;
	const char *counted;		/* API_MAP, API_UNMAP: the refcounted form */
	const char *unmap;		/* API_MAP: the call undoing it (an address) */
	const char *extra_arg;		/* API_MAP_COUNTED: appended to the plain
					   form's arguments by a fix */
	bool scan;			/* a file calling it is worth scanning */
};

struct api_model {
	VEC(struct api_entry) entries;
};

/* Longest line and largest file an api file may have. */
#define MODEL_MAX_LINE 1024
#define MODEL_MAX_FILE (1 << 20)
#define MODEL_ERROR_SIZE 400

/* The built-in model (model/kernel.api); false (with ERR) if it is broken. */
bool model_init(struct api_model *m, char err[MODEL_ERROR_SIZE]);
/*
 * Add the entries of the api file FILE; later entries replace earlier
 * ones of the same function.  On a problem: false, and ERR holds one line
 * naming the file (and line) and what to do.
 */
bool model_read_file(struct api_model *m, const char *file, char err[MODEL_ERROR_SIZE]);
void model_free(struct api_model *m);

/* The entry of the function NAME (the last one given), or NULL. */
const struct api_entry *model_find(const struct api_model *m, const char *name);
/* The first function of KIND, for advice in messages, or NULL. */
const char *model_first(const struct api_model *m, enum api_kind kind);
/* The name of the flag that hands a mapping the page references, or NULL. */
const char *model_owner_flag(const struct api_model *m);
const char *api_kind_name(enum api_kind kind);
void model_dump(const struct api_model *m, FILE *out);

#ifdef __cplusplus
}
#endif

#endif
