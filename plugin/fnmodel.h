/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What vmapcheck keeps of each function: its control flow graph with the
 * events that matter (map, unmap, release, defer, calls, pointer stores),
 * its alias classes, and its summary.  The model is self-contained (no
 * GCC trees; locations are opaque numbers) so that the plugin builds it
 * from GIMPLE, writes it as facts, and vmapcheck-merge reads it back and
 * runs the same analysis over the whole build.
 */
#ifndef VMAPCHECK_FNMODEL_H
#define VMAPCHECK_FNMODEL_H

#include "classes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A source location: GCC's location_t in the plugin, a facts index in the merge. */
typedef unsigned int vc_loc;
#define NO_LOC 0u

/* GCC's fixed block numbers, kept by the model. */
#define MODEL_ENTRY_BLOCK 0
#define MODEL_EXIT_BLOCK 1

enum event_kind {
	EV_MAP,		/* cls: the mapping; pages: page class of the mapped array */
	EV_UNMAP,	/* cls: the address unmapped */
	EV_RELEASE,	/* cls: the page class released */
	EV_DEFER,	/* cls: the address queued for a later unmap */
	EV_CALL,	/* cls: the result (-1 if none); args in fn->args */
	EV_STORE,	/* cls: the memory stored to; pages: the value stored;
			   what: the memory, when a named local is stored */
	EV_HOOK,	/* a flush hook registered: callee, or the object in cls */
	EV_FNSTORE,	/* callee's address stored into a field of object cls */
	EV_FREE,	/* cls: the object freed (kfree) */
};

struct event {
	enum event_kind kind;
	vc_loc loc;
	vc_loc call;		/* EV_MAP, EV_UNMAP: the call with its range, for
				   fix-its; NO_LOC in a macro expansion */
	int cls;
	int pages;
	bool owns_pages;	/* EV_MAP: the mapping took the page references */
	bool counted;		/* EV_MAP: the mapping holds its own references */
	bool certain;		/* EV_UNMAP: the API only unmaps (not vfree) */
	bool stale;		/* EV_UNMAP: of an address loaded from memory that was
				   overwritten before: the mapping kept there before */
	bool page_args;		/* EV_CALL: hands over pages, a page array, an object
				   with a field of them, or a mapping (pageargs.c) */
	int callee;		/* EV_CALL, EV_HOOK, EV_FNSTORE: a function, or -1 */
	int base;		/* EV_STORE: the object whose field it is, or -1;
				   EV_MAP: the page array;
				   EV_UNMAP: the object whose field held the
				   address, or -1 */
	int first_arg, nargs;	/* EV_CALL */
	const char *api;	/* the API or function called, for messages */
	const char *what;	/* the operand as source text, for messages */
};

/*
 * A value a block tests or returns, as it arrives over an edge PRED ->
 * BLOCK: the argument of a PHI of BLOCK (PRED -1: set in BLOCK itself).
 * A returned value is traced through PHIs to where it is set.
 */
enum value_sign { SIGN_ZERO, SIGN_NEGATIVE, SIGN_POSITIVE, SIGN_UNKNOWN };

struct edge_value {
	int pred;
	int block;		/* the edge is pred -> block */
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
	struct vc_name name;
	struct vc_name where;	/* defers: the field or global queued on (depth -1: none) */
	vc_loc loc;		/* where it happens, for notes */
	const char *via;	/* the function doing it, for notes */
	bool certain;		/* unmaps: by an API that only unmaps */
};
typedef VEC(struct effect) effect_vec;

/* "HOLDER holds a mapping of the pages named PAGES". */
struct mapping_effect {
	struct vc_name holder, pages;
	bool owns_pages;
	/* Not returned: the function returns 0 whenever it leaves it mapped. */
	bool fail_negative;
	vc_loc loc;
	const char *via;
	const char *what;	/* the holder as source text */
};
typedef VEC(struct mapping_effect) mapping_vec;

struct summary {
	effect_vec releases;	/* page names released */
	effect_vec unmaps;	/* mapping names unmapped */
	effect_vec defers;	/* mapping names queued for a later unmap */
	mapping_vec maps;	/* mappings left behind */
};

struct fn {
	const char *name;	/* for messages */
	int key;		/* interned: the name, or name@unit if static */
	int unit;		/* the translation unit it was seen in */
	bool extracted;		/* its body was seen */
	bool inert;		/* public, and a unit read left its body out of its
				   facts: it does nothing that matters (relevance.h) */
	bool is_api;		/* modelled by the API table: summary unused */
	bool dispatch;		/* stands for calls through an ops field, which its
				   key names (key_dispatch()): none resolved */
	/* Of the analysis running, while F is one of its members: */
	int member;		/* F's index among them */
	bool called;		/* a function of the analysed code calls it */
	bool stored;		/* the analysed code stores its address into an object */
	bool initialized;	/* a global's initializer holds its address */
	bool external;		/* callable from other files (not static) */
	bool address_taken;	/* its address is stored or passed somewhere */
	struct class_table classes;
	VEC(struct event) events;
	VEC(struct block) blocks;	/* indexed like GCC's basic blocks */
	int_vec succs;		/* edge slot -> destination block */
	int_vec edge_src;	/* edge slot -> source block */
	int_vec preds;
	VEC(struct edge_value) values;
	int_vec args;		/* argument classes of EV_CALL events */
	effect_vec escapes;	/* parameters stored where they outlive the call */
	struct summary sum;
};

/* A global whose initializer holds a function's address (.notifier_call = f). */
struct initializer {
	int global;		/* interned key */
	int fn;			/* function index */
};
typedef VEC(struct initializer) initializer_vec;

/* All functions seen: one translation unit (plugin) or a whole build (merge). */
typedef VEC(struct fn *) fn_vec;
struct program {
	fn_vec functions;
	initializer_vec initializers;
	/* The plugin: field key -> the one function the unit stores under
	   that field ({ .put = f }, ops->put = f), or -1 if several. */
	struct int_map stored_under;
	struct int_map by_key;		/* interned key -> function index */
	int_vec sources;		/* unit -> its source path, interned (the merge) */
};

/*
 * One analysis of a program: which of its functions take part, and what
 * it concludes beyond their summaries.  The summaries are kept in the
 * functions, so one analysis of a program runs at a time (the merge runs
 * one per unit, then one of the whole build).  Its work is in proportion
 * to its members, not to the program: a build has thousands of units.
 */
struct analysis {
	struct program *prog;
	int unit;		/* the unit analysed on its own, or -1: all */
	int_vec members;	/* its functions (function_analysed()), by index */
	mapping_vec facts;	/* mappings held in fields or globals */
	name_vec unmapped;	/* fields and globals some function of it unmaps,
				   other than a destructor of their object */
};

/*
 * Function keys (keys.h): a public function's is its name, a static
 * one's "name@SOURCE#uid".  Is KEY a public function's, and its name
 * (interned)?
 */
bool key_public(const char *key);
const char *key_function_name(const char *key);
/*
 * Is KEY an ops field's ("gbuf_ops.put_pages"), which no function's key
 * looks like: a call through the field that the plugin could not resolve?
 */
bool key_dispatch(const char *key);
/* The function with KEY, created on first use. */
int function_index(struct program *p, int key, const char *name, int unit);
/* Fill fn->preds and the blocks' pred ranges from the edges. */
void function_link_preds(struct fn *f);
/* Is F's address stored or passed, so that it may be called through it?
   (After summaries_compute(), which marks the stored ones.) */
bool function_called_indirectly(const struct fn *f);
/*
 * The analyses of P once all of it is read: WHOLE of every extracted
 * function and, unless NUNITS is 0, UNITS[u] of unit u's own.
 */
void analyses_init(struct program *p, struct analysis *whole, struct analysis *units,
		   int nunits);
void analysis_free(struct analysis *an);
/* F over the members of analysis AN, I counting them. */
#define for_each_member(an, i, f)						\
	for (int i = 0; i < (an)->members.n &&					\
	     ((f) = (an)->prog->functions.v[(an)->members.v[i]]) != NULL; i++)
/* Is F part of analysis AN? */
bool function_analysed(const struct analysis *an, const struct fn *f);
/* The summary of the callee of call event E, or NULL if it has none. */
const struct summary *callee_summary(const struct analysis *an, const struct event *e);
/* The class in F of NAME as seen by the callee of call event E. */
int bind_name(struct fn *f, const struct event *e, struct vc_name name);
void summary_clear(struct summary *s);
/* Forget F's body and summary. */
void function_clear(struct fn *f);
void program_free(struct program *p);

#ifdef __cplusplus
}
#endif

#endif
