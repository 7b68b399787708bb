/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the files of the extraction share (extract.c, values.c,
 * describe.c, conditions.c): the state of one function's walk and the
 * helpers each offers the others.  The rest of the plugin uses extract.h.
 */
#ifndef VMAPCHECK_EXTRACTOR_H
#define VMAPCHECK_EXTRACTOR_H

#include "gcc-common.h"
#include "fnmodel.h"

struct extractor {
	struct program *prog;
	struct fn *f;
	function *fun;
	vec<int> ssa;		/* SSA version -> class, or -1 */
	struct int_map local_fields;	/* "uid.field" key -> class */
	struct int_map page_records;	/* struct's TYPE_UID -> holds pages */
	struct int_map declared_args;	/* EV_CALL event -> its arguments that are
					   declared parameters (not variadic) */
};

/* values.c: the alias classes of the function being walked, and the
   class of a value (an SSA name, a constant, an address). */
struct class_table *value_classes(extractor *x);
int value_class(extractor *x, tree op);
/* The class of an SSA name; of the memory REF reads or writes. */
int ssa_class(extractor *x, tree name);
int memory_class(extractor *x, tree ref);
/* Can a value of TYPE hold a pointer? */
bool pointer_sized(tree type);

/* pageargs.c: is a value of TYPE pages, a page array, or an object with
   a field of them?  After the walk: mark the calls that pass on, as a
   declared parameter, what the function maps, unmaps, releases or queues. */
bool type_carries_pages(extractor *x, tree type);
void mark_mapping_args(extractor *x);

/* describe.c: an operand as source text, interned. */
const char *describe_operand(tree op);
/* The mapping returned into LHS as source text: where it is stored. */
const char *describe_holder(tree lhs);
/* A transparent union argument of CALL: what was stored into it. */
tree describe_union_source(gimple *call, tree arg);

/* conditions.c: does VAL arrive over edge E as an error pointer? */
bool conditions_error_pointer_on(edge e, tree val);
/* The failure edges and flag values of block B, ending in COND. */
void conditions_branch(extractor *x, gcond *cond, basic_block bb, block *b);
/* The values returned by RET, on the paths into block B. */
void conditions_return(extractor *x, greturn *ret, basic_block bb, block *b);

#endif
