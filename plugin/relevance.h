/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which functions of a unit its facts keep: those that map, unmap,
 * release, queue, register a flush hook, store a function's address or
 * keep a parameter where it outlives the call, and those that call a
 * function of another unit or one kept.  The others have empty summaries
 * and hold no finding, whatever the other units of the build hold.
 */
#ifndef VMAPCHECK_RELEVANCE_H
#define VMAPCHECK_RELEVANCE_H

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Per function of P (the caller frees it): does the unit's facts keep it? */
bool *functions_kept(const struct program *p);

#ifdef __cplusplus
}
#endif

#endif
