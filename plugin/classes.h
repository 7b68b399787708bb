/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Alias classes of one function: a unification-based (Steensgaard style)
 * points-to analysis.  Every pointer value belongs to a class; a class has
 * at most one pointee class (what its values point to).  Copies, casts,
 * pointer arithmetic, PHIs, loads and stores unify classes, so two values
 * that may hold the same pointer end up in the same class.
 *
 * Classes carry names that mean the same in every function of the build:
 * a parameter, a struct field (by struct and field, whatever the object), a
 * global, the return value, each at a dereference depth ("*param1" is
 * PARAM 1 at depth 1).  Names are how effects travel between functions.
 */
#ifndef VMAPCHECK_CLASSES_H
#define VMAPCHECK_CLASSES_H

#include "util.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NAME_MAX_DEPTH 3

enum name_kind { NAME_PARAM, NAME_FIELD, NAME_GLOBAL, NAME_RET };

struct vc_name {
	unsigned char kind;	/* enum name_kind */
	signed char depth;	/* dereferences below the named location */
	int id;			/* parameter index, or interned field/global key */
};
typedef VEC(struct vc_name) name_vec;
typedef VEC(int) int_vec;

static inline bool name_equal(struct vc_name a, struct vc_name b)
{
	return a.kind == b.kind && a.depth == b.depth && a.id == b.id;
}

static inline bool names_have(const name_vec *names, struct vc_name n)
{
	for (int i = 0; i < names->n; i++)
		if (name_equal(names->v[i], n))
			return true;
	return false;
}

/* Values a caller passed in, or memory that outlives the call. */
static inline bool name_is_entry_state(struct vc_name n)
{
	return n.kind != NAME_RET;
}

struct class_info {
	int parent;		/* union-find link; itself on a representative */
	int pointee;		/* on a representative: class pointed to, or -1 */
	name_vec names;		/* on a representative */
};

struct class_table {
	VEC(struct class_info) classes;
	struct int_map fields;	/* field key -> class of the field's content */
	struct int_map globals;	/* global key -> class of the global's content */
	struct int_map locals;	/* local variable uid -> class of its content */
	int ret;		/* class of the returned value, or -1 */
};

void classes_init(struct class_table *t);
void classes_free(struct class_table *t);
int class_new(struct class_table *t);
int class_find(struct class_table *t, int c);
void class_unify(struct class_table *t, int a, int b);
/* The class C points to, created on first use. */
int class_pointee(struct class_table *t, int c);
/* A new class pointing to POINTEE (an address taken). */
int class_address(struct class_table *t, int pointee);
void class_add_name(struct class_table *t, int c, struct vc_name name);
/* Content classes of named locations, created on first use. */
int class_of_field(struct class_table *t, int key);
int class_of_global(struct class_table *t, int key);
int class_of_param(struct class_table *t, int uid, int index);
int class_of_local(struct class_table *t, int uid);
int class_of_return(struct class_table *t);
/* After all unification: give pointee classes the names of their pointers. */
void classes_finalize(struct class_table *t);
const name_vec *class_names(struct class_table *t, int c);
/* The class of NAME here, created if needed, or -1; ARGS bind parameters. */
int class_of_name(struct class_table *t, struct vc_name name, const int *args,
		  int nargs, int result);

#ifdef __cplusplus
}
#endif

#endif
