/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Alias classes of one function: a unification-based (Steensgaard style)
 * points-to analysis.  Every pointer value belongs to a class; a class has
 * at most one pointee class (what its values point to).  Copies, casts,
 * pointer arithmetic, PHIs, loads and stores unify classes, so two values
 * that may hold the same pointer end up in the same class.
 *
 * Classes carry names that mean the same in every function: a parameter,
 * a struct field (by field, whatever the object), a global, the return
 * value, each at a dereference depth ("*param1" is PARAM 1 at depth 1).
 * Names are how effects travel between functions.
 */
#ifndef VMAPCHECK_CLASSES_H
#define VMAPCHECK_CLASSES_H

#include "gcc-common.h"

#define NAME_MAX_DEPTH 3

enum name_kind { NAME_PARAM, NAME_FIELD, NAME_GLOBAL, NAME_RET };

struct vc_name {
	unsigned char kind;	/* enum name_kind */
	signed char depth;	/* dereferences below the named location */
	int id;			/* parameter index, or DECL_UID */
};

static inline bool name_equal(const vc_name &a, const vc_name &b)
{
	return a.kind == b.kind && a.depth == b.depth && a.id == b.id;
}

/* Values a caller passed in, or memory that outlives the call. */
static inline bool name_is_entry_state(const vc_name &n)
{
	return n.kind != NAME_RET;
}

struct class_info {
	int parent;		/* union-find link; itself on a representative */
	int pointee;		/* on a representative: class pointed to, or -1 */
	vec<vc_name> names;	/* on a representative */
};

struct class_table {
	vec<class_info> classes;
	uid_map *fields;	/* FIELD_DECL uid -> class of the field's content */
	uid_map *vars;		/* VAR/PARM_DECL uid -> class of the variable's content */
	int ret;		/* class of the returned value, or -1 */
};

void classes_init(class_table *t);
void classes_free(class_table *t);
int class_new(class_table *t);
int class_find(class_table *t, int c);
void class_unify(class_table *t, int a, int b);
/* The class C points to, created on first use. */
int class_pointee(class_table *t, int c);
/* A new class pointing to POINTEE (an address taken). */
int class_address(class_table *t, int pointee);
void class_add_name(class_table *t, int c, vc_name name);
/* Content classes of named locations, created on first use. */
int class_of_field(class_table *t, int uid);
int class_of_var(class_table *t, int uid, const vc_name *seed);
int class_of_return(class_table *t);
/* After all unification: give pointee classes the names of their pointers. */
void classes_finalize(class_table *t);
const vec<vc_name> &class_names(class_table *t, int c);
/* The class of NAME in this function (created if needed), or -1. */
int class_of_name(class_table *t, vc_name name, const int *args, int nargs,
		  int result);

#endif
