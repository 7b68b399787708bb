// SPDX-License-Identifier: GPL-2.0-only
/*
 * From GIMPLE to the function model (fnmodel.h).
 *
 * Runs right after GCC's "ssa" pass: the body is in SSA form and nothing is
 * inlined yet, so calls to static inline helpers such as put_page() are
 * still calls.  One walk over the statements builds the alias classes and
 * records the events; no GIMPLE is changed.  The classes of operands are
 * values.c's, their words describe.c's, and what branch and return
 * conditions say conditions.c's (extractor.h).
 */

#include "api.h"
#include "extract.h"
#include "extractor.h"
#include "keys.h"

/* ----- events ----- */

/* The function whose address OP is, or NULL. */
static tree function_address(tree op)
{
	if (TREE_CODE(op) != ADDR_EXPR || TREE_CODE(TREE_OPERAND(op, 0)) != FUNCTION_DECL)
		return NULL_TREE;
	return TREE_OPERAND(op, 0);
}

/*
 * A function address handed to code we may not see (a call argument, a
 * global's initializer): it may be called from anywhere.  Stores into an
 * object's field are EV_FNSTORE events, judged where they are used.
 */
static void function_escapes(struct program *p, tree op)
{
	tree fndecl = function_address(op);

	if (fndecl) {
		int index = function_of(p, fndecl);

		p->functions.v[index]->address_taken = true;
	}
}

/* Function FN stored under FIELD (of an ops table) by this unit's code. */
static void stored_under(struct program *p, tree field, int fn)
{
	int key, old;

	if (TREE_CODE(field) != FIELD_DECL)
		return;
	key = field_key(field);
	if (!int_map_get(&p->stored_under, key, &old))
		int_map_put(&p->stored_under, key, fn);
	else if (old != fn)
		int_map_put(&p->stored_under, key, -1);
}

/*
 * The stand-in callee of an indirect call through a field ("ops->put(b)":
 * the function pointer loaded from a field), keyed by the field; or -1.
 * extract_dispatch() resolves it.
 */
static int dispatch_of(struct program *p, gcall *call)
{
	tree fnptr = gimple_call_fn(call), field;
	gimple *def;
	int key;

	if (TREE_CODE(fnptr) != SSA_NAME)
		return -1;
	def = SSA_NAME_DEF_STMT(fnptr);
	if (!gimple_assign_single_p(def) || TREE_CODE(gimple_assign_rhs1(def)) != COMPONENT_REF)
		return -1;
	field = TREE_OPERAND(gimple_assign_rhs1(def), 1);
	key = field_key(field);
	if (!key_dispatch(interned(key)))
		return -1;
	return function_index(p, key, interned(key), 0);
}

static event *add_event(extractor *x, enum event_kind kind, gimple *stmt, int cls)
{
	event e = {};

	e.kind = kind;
	/* A release in a macro (__free_page) is reported where it is used. */
	e.loc = linemap_resolve_location(line_table, gimple_location(stmt),
					 LRK_MACRO_EXPANSION_POINT, NULL);
	if ((kind == EV_MAP || kind == EV_UNMAP) &&
	    !linemap_location_from_macro_expansion_p(line_table, gimple_location(stmt)))
		e.call = gimple_location(stmt);
	if (e.loc == UNKNOWN_LOCATION)
		e.loc = DECL_SOURCE_LOCATION(x->fun->decl);
	e.cls = cls;
	e.pages = -1;
	e.callee = -1;
	e.base = -1;
	vec_push(x->f->events, e);
	return &vec_last(x->f->events);
}

static int result_class(extractor *x, tree lhs)
{
	if (!lhs)
		return -1;
	return TREE_CODE(lhs) == SSA_NAME ? ssa_class(x, lhs) : memory_class(x, lhs);
}

/* A flush hook registered: a function, or an object holding function pointers. */
static void hook_call(extractor *x, gcall *call, const api_entry *api)
{
	for (unsigned i = 0; i < gimple_call_num_args(call) && i < 64; i++) {
		tree arg = gimple_call_arg(call, i), fndecl;
		int c = -1;

		if (!(api->args & (1UL << i)))
			continue;
		fndecl = function_address(arg);
		if (!fndecl && (c = value_class(x, arg)) < 0)
			continue;

		event *e = add_event(x, EV_HOOK, call, c >= 0 ? class_pointee(value_classes(x), c) : -1);
		if (fndecl) {
			e->callee = function_of(x->prog, fndecl);
			e->what = x->prog->functions.v[e->callee]->name;
		}
		e->api = api->name;
	}
}

/*
 * Is ARG loaded from memory that its block overwrites before CALL runs
 * ("old = buf->vaddr; buf->vaddr = new; ... vunmap(old)")?  CALL then
 * unmaps what was kept there before, not what is kept there now.
 */
static bool loaded_then_overwritten(tree arg, gimple *call)
{
	gimple *def;
	tree from;

	if (TREE_CODE(arg) != SSA_NAME)
		return false;
	def = SSA_NAME_DEF_STMT(arg);
	if (!is_gimple_assign(def) || !gimple_assign_single_p(def))
		return false;
	from = gimple_assign_rhs1(def);
	if (!REFERENCE_CLASS_P(from) && !VAR_P(from))
		return false;
	for (gimple_stmt_iterator gsi = gsi_for_stmt(def); gsi_next(&gsi), !gsi_end_p(gsi);) {
		gimple *s = gsi_stmt(gsi);

		if (s == call)
			return false;
		if (gimple_assign_single_p(s) && operand_equal_p(gimple_assign_lhs(s), from, 0))
			return true;
	}
	return false;
}

/*
 * The page whose address ADDR is, if it is the result of a call that the
 * model says returns its argument (page_address(page)), through copies and
 * casts; or NULL_TREE.
 */
static tree page_of_address(tree addr)
{
	while (TREE_CODE(addr) == SSA_NAME) {
		gimple *def = SSA_NAME_DEF_STMT(addr);

		if (is_gimple_assign(def) &&
		    (gimple_assign_ssa_name_copy_p(def) ||
		     CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)))) {
			addr = gimple_assign_rhs1(def);
			continue;
		}
		if (!is_gimple_call(def))
			break;
		const api_entry *api = api_lookup(gimple_call_fndecl(def));

		if (api && api->kind == API_ALIAS && api->arg < (int)gimple_call_num_args(def))
			return gimple_call_arg(def, api->arg);
		break;
	}
	return NULL_TREE;
}

/* The object whose field REF is: "l" of l->addr, "map" of map->u.vaddr; or -1. */
static int field_object(extractor *x, tree ref)
{
	if (TREE_CODE(ref) == ARRAY_REF)
		ref = TREE_OPERAND(ref, 0);
	if (TREE_CODE(ref) != COMPONENT_REF)
		return -1;
	while (TREE_CODE(ref) == COMPONENT_REF || TREE_CODE(ref) == ARRAY_REF)
		ref = TREE_OPERAND(ref, 0);
	return memory_class(x, ref);
}

/* The object whose field ADDR was loaded from ("vunmap(buf->vaddr)"), or -1. */
static int loaded_from_object(extractor *x, tree addr)
{
	gimple *def;

	if (TREE_CODE(addr) != SSA_NAME)
		return -1;
	def = SSA_NAME_DEF_STMT(addr);
	if (!gimple_assign_single_p(def))
		return -1;
	return field_object(x, gimple_assign_rhs1(def));
}

static void api_call(extractor *x, gcall *call, const api_entry *api)
{
	if (api->kind == API_HOOK) {
		hook_call(x, call, api);
		return;
	}

	tree arg = api->arg < (int)gimple_call_num_args(call) ?
		gimple_call_arg(call, api->arg) : NULL_TREE;
	int res = result_class(x, gimple_call_lhs(call));
	int c = arg ? value_class(x, arg) : -1;
	event *e = NULL;

	if (c < 0)
		return;
	switch (api->kind) {
	case API_MAP:
	case API_MAP_COUNTED: {
		bool owns = false;

		if (api->flags_arg >= 0 && api->kind == API_MAP) {
			tree flags = api->flags_arg < (int)gimple_call_num_args(call) ?
				gimple_call_arg(call, api->flags_arg) : NULL_TREE;

			/* Unknown flags: ownership unknown, so no claim at all. */
			if (!flags || !tree_fits_uhwi_p(flags))
				return;
			owns = tree_to_uhwi(flags) & api->owns_pages;
		}
		if (res < 0)
			return;
		e = add_event(x, EV_MAP, call, res);
		e->pages = class_pointee(value_classes(x), c);
		e->base = c;
		e->owns_pages = owns;
		e->counted = api->kind == API_MAP_COUNTED;
		e->api = api->name;
		e->what = describe_holder(gimple_call_lhs(call));
		return;
	}
	case API_UNMAP:
	case API_UNMAP_COUNTED:
	case API_FREE_AREA:
		/* Freeing an array of page pointers is not an unmap. */
		if (POINTER_TYPE_P(TREE_TYPE(arg)) &&
		    POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(arg))))
			return;
		e = add_event(x, EV_UNMAP, call, c);
		e->certain = api->kind != API_FREE_AREA;
		e->stale = loaded_then_overwritten(arg, call);
		e->base = loaded_from_object(x, arg);
		break;
	case API_DEFER:
		e = add_event(x, EV_DEFER, call, c);
		break;
	case API_FILL:
		/* New pages stored into the array: a store with no value of ours. */
		e = add_event(x, EV_STORE, call, class_pointee(value_classes(x), c));
		break;
	case API_RELEASE:
		e = add_event(x, EV_RELEASE, call, c);
		break;
	case API_RELEASE_ARRAY:
		e = add_event(x, EV_RELEASE, call, class_pointee(value_classes(x), c));
		break;
	case API_RELEASE_ADDRESS: {
		/* Only the address of a page: coherent DMA memory freed at any
		   other address is no page a mapping may hold. */
		tree page = page_of_address(arg);

		if (!page || (c = value_class(x, page)) < 0)
			return;
		e = add_event(x, EV_RELEASE, call, c);
		break;
	}
	case API_FREE_OBJECT:
		e = add_event(x, EV_FREE, call, class_pointee(value_classes(x), c));
		break;
	case API_ALIAS:
		if (res >= 0)
			class_unify(value_classes(x), res, c);
		return;
	case API_ERRTEST:	/* decoded at the condition that uses it */
	case API_HOOK:		/* hook_call() */
	case API_RUNNER:	/* not a hook: nothing to record */
	case API_NKINDS:
		return;
	}
	e->api = api->name;
	e->what = describe_operand(describe_union_source(call, arg));
}

static void call_stmt(extractor *x, gcall *call)
{
	if (gimple_call_internal_p(call))
		return;

	tree fndecl = gimple_call_fndecl(call);
	const api_entry *api = api_lookup(fndecl);

	if (api) {
		api_call(x, call, api);
		return;
	}

	int res = result_class(x, gimple_call_lhs(call));
	unsigned nargs = gimple_call_num_args(call);

	/* A call to an error-attribute function fails the compile unless it
	   is optimized away (BUILD_BUG_ON()'s __compiletime_assert_N()): no
	   object has it, and the merge need not look for its callee. */
	if (fndecl && lookup_attribute("error", DECL_ATTRIBUTES(fndecl)))
		return;
	/* Calls to functions of other files too: the merge links them.  A call
	   through an ops field runs what the analysis finds stored there. */
	int callee = !fndecl ? dispatch_of(x->prog, call) :
		!fndecl_built_in_p(fndecl) ? function_of(x->prog, fndecl) : -1;
	if (callee >= 0) {
		event *e = add_event(x, EV_CALL, call, res);

		e->callee = callee;
		e->first_arg = x->f->args.n;
		e->nargs = nargs;
		e->api = x->prog->functions.v[e->callee]->name;
		if (gimple_call_lhs(call))
			e->what = describe_holder(gimple_call_lhs(call));
		/* By the callee's declared parameter types: kfree(obj) does not
		   take what obj holds, nor does printk() its arguments. */
		tree parm = TYPE_ARG_TYPES(gimple_call_fntype(call));
		int declared = 0;
		for (unsigned i = 0; i < nargs; i++) {
			tree arg = gimple_call_arg(call, i);

			function_escapes(x->prog, arg);
			vec_push(x->f->args, value_class(x, arg));
			if (parm && !VOID_TYPE_P(TREE_VALUE(parm))) {
				e->page_args |= type_carries_pages(x, TREE_VALUE(parm));
				parm = TREE_CHAIN(parm);
				declared++;
			}
		}
		int_map_put(&x->declared_args, x->f->events.n - 1, declared);
		return;
	}

	/* memcpy() and friends return an argument. */
	int flags = gimple_call_return_flags(call);
	unsigned argno = flags & ERF_RETURN_ARG_MASK;
	if (res >= 0 && (flags & ERF_RETURNS_ARG) && argno < nargs) {
		int c = value_class(x, gimple_call_arg(call, argno));

		if (c >= 0)
			class_unify(value_classes(x), res, c);
	}
}

static void assign_stmt(extractor *x, gimple *stmt)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs1 = gimple_assign_rhs1(stmt);
	int v;

	if (gimple_assign_single_p(stmt)) {
		tree fndecl = function_address(rhs1);

		/* ops->scan_objects = my_scan: the stored function may become a hook. */
		if (fndecl && TREE_CODE(lhs) != COMPONENT_REF)
			function_escapes(x->prog, rhs1);
		if (fndecl && TREE_CODE(lhs) == COMPONENT_REF) {
			int obj = memory_class(x, TREE_OPERAND(lhs, 0));
			int fn = function_of(x->prog, fndecl);

			if (obj >= 0) {
				event *e = add_event(x, EV_FNSTORE, stmt, obj);

				e->callee = fn;
				e->what = x->prog->functions.v[fn]->name;
			}
			stored_under(x->prog, TREE_OPERAND(lhs, 1), fn);
		}
		v = value_class(x, rhs1);
		if (v < 0)
			return;
		if (TREE_CODE(lhs) == SSA_NAME) {
			class_unify(value_classes(x), ssa_class(x, lhs), v);
			return;
		}

		int dst = memory_class(x, lhs);
		if (dst < 0)
			return;
		class_unify(value_classes(x), dst, v);
		if (pointer_sized(TREE_TYPE(rhs1))) {
			event *e = add_event(x, EV_STORE, stmt, dst);

			e->pages = v;
			e->base = field_object(x, lhs);
			/* A named local kept somewhere: how other functions name it. */
			if (TREE_CODE(rhs1) == SSA_NAME && SSA_NAME_VAR(rhs1) &&
			    !DECL_ARTIFICIAL(SSA_NAME_VAR(rhs1)))
				e->what = describe_operand(lhs);
		}
		return;
	}
	if (TREE_CODE(lhs) != SSA_NAME || !pointer_sized(TREE_TYPE(lhs)))
		return;

	switch (gimple_assign_rhs_code(stmt)) {
	CASE_CONVERT:
	case POINTER_PLUS_EXPR:
	case PLUS_EXPR:
	case MINUS_EXPR:
	case BIT_AND_EXPR:
	case BIT_IOR_EXPR:
	case BIT_XOR_EXPR:
		/* Offsets and masks keep the pointer: 'vaddr + offset'. */
		v = value_class(x, rhs1);
		break;
	case COND_EXPR:
		v = value_class(x, gimple_assign_rhs2(stmt));
		if (v >= 0)
			class_unify(value_classes(x), ssa_class(x, lhs), v);
		v = value_class(x, gimple_assign_rhs3(stmt));
		break;
	default:
		return;
	}
	if (v >= 0)
		class_unify(value_classes(x), ssa_class(x, lhs), v);
}

/* ----- the walk ----- */

static void walk_block(extractor *x, basic_block bb)
{
	block *b = &x->f->blocks.v[bb->index];

	b->first_event = x->f->events.n;
	for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi)) {
		gphi *phi = pi.phi();
		tree res = gimple_phi_result(phi);

		if (virtual_operand_p(res) || !pointer_sized(TREE_TYPE(res)))
			continue;
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			tree arg = gimple_phi_arg_def(phi, i);
			int v;

			if (conditions_error_pointer_on(gimple_phi_arg_edge(phi, i), arg))
				continue;
			if ((v = value_class(x, arg)) >= 0)
				class_unify(value_classes(x), ssa_class(x, res), v);
		}
	}
	for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);

		switch (gimple_code(stmt)) {
		case GIMPLE_ASSIGN:
			assign_stmt(x, stmt);
			break;
		case GIMPLE_CALL:
			call_stmt(x, as_a<gcall *>(stmt));
			break;
		case GIMPLE_RETURN:
			conditions_return(x, as_a<greturn *>(stmt), bb, b);
			break;
		case GIMPLE_COND:
			conditions_branch(x, as_a<gcond *>(stmt), bb, b);
			break;
		default:
			break;
		}
	}
	b->nevents = x->f->events.n - b->first_event;
	b->first_succ = x->f->succs.n;

	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE(e, ei, bb->succs) {
		vec_push(x->f->succs, e->dest->index);
		vec_push(x->f->edge_src, bb->index);
	}
	b->nsuccs = x->f->succs.n - b->first_succ;
}

/* A field or global name at depth 0 of class C, or none (depth -1). */
static struct vc_name storage_name(struct class_table *t, int c)
{
	const name_vec *names = class_names(t, c);
	struct vc_name none = { NAME_RET, -1, 0 };

	for (int k = 0; k < names->n; k++)
		if ((names->v[k].kind == NAME_FIELD || names->v[k].kind == NAME_GLOBAL) &&
		    names->v[k].depth == 0)
			return names->v[k];
	return none;
}

/* An object its caller can reach: handed in, or handed back. */
static bool caller_owned(struct class_table *t, int c)
{
	const name_vec *names = class_names(t, c);

	for (int k = 0; k < names->n; k++)
		if (names->v[k].kind == NAME_PARAM || names->v[k].kind == NAME_RET)
			return true;
	return false;
}

/*
 * Parameters queued for later: stored into a global, or into an object
 * that is not the caller's (a list entry, a per-cpu slot).  Storing into
 * a parameter's object ("obj->vaddr = v") only records the mapping.
 */
static void find_escapes(extractor *x)
{
	struct class_table *t = value_classes(x);
	int i = 0;

	for (tree p = DECL_ARGUMENTS(x->fun->decl); p; p = DECL_CHAIN(p), i++) {
		tree def = ssa_default_def(x->fun, p);

		if (!def || !POINTER_TYPE_P(TREE_TYPE(p)) ||
		    x->ssa[SSA_NAME_VERSION(def)] < 0)
			continue;

		int c = class_find(t, x->ssa[SSA_NAME_VERSION(def)]);
		for (int k = 0; k < x->f->events.n; k++) {
			const struct event *e = &x->f->events.v[k];
			struct effect esc = { { NAME_PARAM, 0, i }, storage_name(t, c), e->loc,
					      x->f->name, false };

			if (e->kind != EV_STORE || e->pages < 0 || class_find(t, e->pages) != c ||
			    esc.where.depth < 0 ||
			    (e->base >= 0 && caller_owned(t, e->base)))
				continue;
			vec_push(x->f->escapes, esc);
			break;
		}
	}
}

void extract_function(struct program *p, function *fun)
{
	extractor x;
	basic_block bb;
	int nblocks = last_basic_block_for_fn(fun);
	int index = function_of(p, fun->decl);

	x.prog = p;
	x.f = p->functions.v[index];
	x.fun = fun;
	x.ssa = vNULL;
	memset(&x.local_fields, 0, sizeof(x.local_fields));
	memset(&x.page_records, 0, sizeof(x.page_records));
	memset(&x.declared_args, 0, sizeof(x.declared_args));
	x.ssa.safe_grow(num_ssa_names);
	for (unsigned i = 0; i < num_ssa_names; i++)
		x.ssa[i] = -1;

	struct fn *f = x.f;
	f->extracted = true;
	f->is_api = api_lookup(fun->decl) != NULL;
	vec_reserve(f->blocks, nblocks);
	f->blocks.n = nblocks;
	memset(f->blocks.v, 0, nblocks * sizeof(*f->blocks.v));
	for (int i = 0; i < nblocks; i++) {
		f->blocks.v[i].fail_succ = -1;
		f->blocks.v[i].fail_cls = -1;
		f->blocks.v[i].flag_succ = -1;
	}
	FOR_ALL_BB_FN(bb, fun)
		walk_block(&x, bb);
	function_link_preds(f);

	classes_finalize(&f->classes);
	find_escapes(&x);
	mark_mapping_args(&x);
	x.ssa.release();
	int_map_free(&x.local_fields);
	int_map_free(&x.page_records);
	int_map_free(&x.declared_args);
}

/*
 * Function addresses in the initializer INIT of GLOBAL, recursively; FIELD
 * the field INIT initializes, if it is one.
 */
static void initializer_functions(struct program *p, int global, bool public_global,
				  tree field, tree init)
{
	unsigned i;
	tree index, value;

	if (TREE_CODE(init) != CONSTRUCTOR) {
		tree fndecl = function_address(init);

		if (fndecl) {
			struct initializer rec = { global, function_of(p, fndecl) };

			vec_push(p->initializers, rec);
			if (field)
				stored_under(p, field, rec.fn);
			if (public_global)
				function_escapes(p, init);
		}
		return;
	}
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(init), i, index, value)
		initializer_functions(p, global, public_global, index, value);
}

void extract_initializers(struct program *p)
{
	varpool_node *var;

	FOR_EACH_VARIABLE(var) {
		tree init = DECL_INITIAL(var->decl);

		if (init && TREE_CODE(init) == CONSTRUCTOR)
			initializer_functions(p, symbol_key(var->decl), TREE_PUBLIC(var->decl),
					      NULL_TREE, init);
	}
}

void extract_dispatch(struct program *p)
{
	for (int i = 0; i < p->functions.n; i++) {
		struct fn *f = p->functions.v[i];

		if (!f->extracted)
			continue;
		for (int k = 0; k < f->events.n; k++) {
			struct event *e = &f->events.v[k];
			int target;

			if (e->kind == EV_CALL && p->functions.v[e->callee]->dispatch &&
			    int_map_get(&p->stored_under, p->functions.v[e->callee]->key, &target) &&
			    target >= 0) {
				e->callee = target;
				e->api = p->functions.v[target]->name;
			}
		}
	}
}
