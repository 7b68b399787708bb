/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel API model bound to the translation unit: model.h's entries
 * looked up by GCC identifier, so that a call costs one hash lookup.
 */
#ifndef VMAPCHECK_API_H
#define VMAPCHECK_API_H

#include "gcc-common.h"
#include "model.h"

/* The built-in model and, if FILE is not NULL, the user's api file; false
   after an error line. */
bool api_init(const char *file);
/* Drop entries whose names do not occur in this translation unit; false if
   nothing can map or unmap here, so there is nothing to check. */
bool api_bind_identifiers(void);
/* The model entry for a call to FNDECL, or NULL. */
const struct api_entry *api_lookup(tree fndecl);
/* The whole model, for fix-its and messages. */
const struct api_model *api_model(void);

#endif
