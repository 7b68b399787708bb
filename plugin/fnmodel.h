/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What vmapcheck keeps of each function of the translation unit: its
 * control flow graph with the events that matter (map, unmap, release,
 * defer, calls to functions of this unit, pointer stores), its alias
 * classes, and its summary.  The GIMPLE it came from is gone by the time
 * the checks run (inlining and optimisation change it), so the model is
 * self-contained: locations, not trees.
 */
#ifndef VMAPCHECK_FNMODEL_H
#define VMAPCHECK_FNMODEL_H

#include "classes.h"

enum event_kind {
	EV_MAP,		/* cls: the mapping; pages: page class of the mapped array */
	EV_UNMAP,	/* cls: the address unmapped */
	EV_RELEASE,	/* cls: the page class released */
	EV_DEFER,	/* cls: the address queued for a later unmap */
	EV_CALL,	/* cls: the result (-1 if none); args in fn->args */
	EV_STORE,	/* cls: the memory stored to; pages: the value stored */
};

struct event {
	enum event_kind kind;
	location_t loc;
	int cls;
	int pages;
	bool owns_pages;	/* EV_MAP: the mapping took the page references */
	bool certain;		/* EV_UNMAP: the API only unmaps (not vfree) */
	int callee;		/* EV_CALL: index in the unit's function table */
	int first_arg, nargs;	/* EV_CALL */
	const char *api;	/* the API called, for messages */
	const char *what;	/* the operand as source text, for messages */
};

/*
 * A value a block tests or returns, as it arrives over one incoming edge:
 * the PHI argument from block PRED (-1: the same on every edge).
 */
enum value_sign { SIGN_ZERO, SIGN_NEGATIVE, SIGN_POSITIVE, SIGN_UNKNOWN };

struct edge_value {
	int pred;
	enum value_sign sign;
};

struct block {
	int first_event, nevents;
	int first_succ, nsuccs;		/* edge slots, indexes of fn->succs */
	int first_pred, npreds;		/* in fn->preds: edge slots into the block */
	/*
	 * The successor taken when fail_cls says "failed": NULL or an error
	 * pointer (a pointer test) or negative or nonzero (an int test).
	 */
	int fail_succ, fail_cls;
	bool fail_int;
	/*
	 * A flag made by a PHI of this block and tested at its end ("if
	 * (do_vunmap)"): flag_succ is taken when it is nonzero.  A returned
	 * value is kept the same way, with returns set.
	 */
	int first_value, nvalues;	/* in fn->values */
	int flag_succ;
	bool returns;
};

/* One effect of a function as its callers see it. */
struct effect {
	vc_name name;
	location_t loc;		/* where it happens, for notes */
	const char *via;	/* the function doing it, for notes */
	bool certain;		/* unmaps: by an API that only unmaps */
};

/* "HOLDER holds a mapping of the pages named PAGES". */
struct mapping_effect {
	vc_name holder, pages;
	bool owns_pages;
	/* Not returned: the function returns 0 with it mapped, -E if not. */
	bool fail_negative;
	location_t loc;
	const char *via;
	const char *what;	/* the holder as source text */
};

struct summary {
	vec<effect> releases;	/* page names released */
	vec<effect> unmaps;	/* mapping names unmapped */
	vec<effect> defers;	/* mapping names queued for a later unmap */
	vec<mapping_effect> maps;
};

struct fn {
	const char *name;
	bool extracted;		/* its body was seen */
	bool is_api;		/* modelled by the API table: summary unused */
	class_table classes;
	vec<event> events;
	vec<block> blocks;	/* indexed like GCC's basic blocks */
	vec<int> succs;		/* edge slot -> destination block */
	vec<int> edge_src;	/* edge slot -> source block */
	vec<int> preds;
	vec<edge_value> values;
	vec<int> args;		/* argument classes of EV_CALL events */
	vec<effect> escapes;	/* parameters stored where they outlive the call */
	bool called;		/* a function of the unit calls it */
	summary sum;
};

/* The function table of the translation unit, in extraction order. */
extern vec<fn *> unit_functions;

/* The table entry of FNDECL, created on first use. */
int unit_function(tree fndecl);
void unit_free(void);
/* A copy of S that lives as long as the unit's models. */
const char *unit_string(const char *s);

#endif
