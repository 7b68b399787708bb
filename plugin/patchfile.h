/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A fix patch as git format-patch writes it (make scan's fixes), read
 * into what SARIF calls a fix: per file, regions of whole lines replaced
 * by new text.
 */
#ifndef VMAPCHECK_PATCHFILE_H
#define VMAPCHECK_PATCHFILE_H

#include "util.h"

/* Lines [first, first + deleted) of the old file become INSERTED. */
struct replacement {
	int first, deleted;
	char *inserted;
};

struct file_change {
	char *path;		/* relative to the tree, without a/ or b/ */
	VEC(struct replacement) replacements;
};

struct fix_patch {
	char *name;		/* the patch file's name */
	char *subject;		/* its Subject, without "[PATCH]" */
	VEC(struct file_change) files;
};

typedef VEC(struct fix_patch) fix_patch_vec;

/* Read the patch at PATH into P; false, with the reason in ERR, if it is
   not a unified diff. */
bool patch_read(const char *path, struct fix_patch *p, char *err, size_t size);
void patch_free(struct fix_patch *p);

#endif
