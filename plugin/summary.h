/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interprocedural summaries within the translation unit: what each function
 * releases, unmaps, defers and maps, in terms of its parameters, struct
 * fields, globals and return value, computed to a fixpoint so that
 * wrappers of wrappers (and recursion) are covered.  Mappings stored into
 * struct fields or globals become unit-wide facts ("obj->vaddr maps
 * obj->pages") that the check applies in every function.
 */
#ifndef VMAPCHECK_SUMMARY_H
#define VMAPCHECK_SUMMARY_H

#include "fnmodel.h"

/* Mappings held in fields or globals, over all functions of the unit. */
extern vec<mapping_effect> unit_facts;

void summaries_compute(void);
void summaries_free(void);
void summaries_dump(FILE *out);

/* The class in F of NAME as seen by the callee of call event E. */
int bind_name(fn *f, const event &e, vc_name name);
/* The callee summary of call event E, or NULL if it has none. */
const summary *callee_summary(const event &e);

#endif
