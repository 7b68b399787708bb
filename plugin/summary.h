/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interprocedural summaries: what each function releases, unmaps, defers
 * and maps, in terms of its parameters, struct fields, globals and return
 * value, so that wrappers of wrappers (and recursion) are covered: the
 * effects callees first over the call graph, recursion to a fixpoint.
 * Mappings left in struct fields or globals become facts ("obj->vaddr
 * maps obj->pages") that the checks apply in every function.
 */
#ifndef VMAPCHECK_SUMMARY_H
#define VMAPCHECK_SUMMARY_H

#include <stdio.h>

#include "fnmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Rounds over a group of mutually recursive functions before their
   summaries are given up as unsettled. */
#define SUMMARY_ROUNDS 64

/*
 * The summaries of the functions of AN, and its facts.  Returns how many
 * groups of mutually recursive functions did not settle in SUMMARY_ROUNDS
 * rounds (findings through them may be missed), naming a function of the
 * first in *UNSETTLED if not NULL.
 */
int summaries_compute(struct analysis *an, const char **unsettled);
void summaries_dump(const struct analysis *an, FILE *out);

#ifdef __cplusplus
}
#endif

#endif
