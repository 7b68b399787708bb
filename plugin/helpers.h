/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The helper closure of make scan: which functions the code of some units
 * hands pages, page arrays, mappings or objects holding them to, when no
 * unit read defines them.  Such a function may release or unmap what it
 * is given (a subsystem's put-pages helper, an allocator's free routine):
 * the scan compiles the units that define them, with facts, and asks
 * again, until none is left or its bound is reached.
 */
#ifndef VMAPCHECK_HELPERS_H
#define VMAPCHECK_HELPERS_H

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Into OUT, the functions (indexes in P) without a body in P that the
 * functions of the units ROOT marks (ROOT[unit]) reach through calls
 * carrying pages, following such calls into the bodies P has.
 */
void helpers_wanted(const struct program *p, const bool *root, int_vec *out);

#ifdef __cplusplus
}
#endif

#endif
