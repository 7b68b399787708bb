/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interprocedural summaries: what each function releases, unmaps, defers
 * and maps, in terms of its parameters, struct fields, globals and return
 * value, computed to a fixpoint so that wrappers of wrappers (and
 * recursion) are covered.  Mappings left in struct fields or globals
 * become facts ("obj->vaddr maps obj->pages") that the check applies in
 * every function.
 */
#ifndef VMAPCHECK_SUMMARY_H
#define VMAPCHECK_SUMMARY_H

#include <stdio.h>

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Mappings held in fields or globals, over all analysed functions. */
extern mapping_vec facts;

/* Summaries and facts of the analysed functions (see analysed_unit). */
void summaries_compute(void);
void summaries_clear(void);
void summaries_dump(FILE *out);

/* The class in F of NAME as seen by the callee of call event E. */
int bind_name(struct fn *f, const struct event *e, struct vc_name name);
/* The summary of the callee of call event E, or NULL if it has none. */
const struct summary *callee_summary(const struct event *e);

#ifdef __cplusplus
}
#endif

#endif
