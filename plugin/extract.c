// SPDX-License-Identifier: GPL-2.0-only
/*
 * From GIMPLE to the function model (fnmodel.h).
 *
 * Runs right after GCC's "ssa" pass: the body is in SSA form and nothing is
 * inlined yet, so calls to static inline helpers such as put_page() are
 * still calls.  One walk over the statements builds the alias classes and
 * records the events; no GIMPLE is changed.
 */

#include "api.h"
#include "extract.h"
#include "fnmodel.h"
#include "keys.h"

struct extractor {
	struct fn *f;
	function *fun;
	vec<int> ssa;		/* SSA version -> class, or -1 */
	struct int_map local_fields;	/* "uid.field" key -> class */
};

static struct class_table *classes(extractor *x)
{
	return &x->f->classes;
}

static bool pointer_sized(tree type)
{
	return type && (POINTER_TYPE_P(type) ||
			(INTEGRAL_TYPE_P(type) &&
			 TYPE_PRECISION(type) == TYPE_PRECISION(ptr_type_node)));
}

static int param_index(extractor *x, tree parm)
{
	int i = 0;

	for (tree p = DECL_ARGUMENTS(x->fun->decl); p; p = DECL_CHAIN(p), i++)
		if (p == parm)
			return i;
	return -1;
}

static int ssa_class(extractor *x, tree name)
{
	unsigned v = SSA_NAME_VERSION(name);

	if (x->ssa[v] >= 0)
		return x->ssa[v];

	int c = class_new(classes(x));
	tree var = SSA_NAME_VAR(name);

	x->ssa[v] = c;
	if (SSA_NAME_IS_DEFAULT_DEF(name) && var && TREE_CODE(var) == PARM_DECL) {
		vc_name n = { NAME_PARAM, 0, param_index(x, var) };

		if (n.id >= 0)
			class_add_name(classes(x), c, n);
	}
	return c;
}

/* The class of the content of a variable (memory, not an SSA name). */
static int var_class(extractor *x, tree decl)
{
	if (TREE_CODE(decl) == RESULT_DECL)
		return class_of_return(classes(x));
	if (TREE_CODE(decl) == PARM_DECL && param_index(x, decl) >= 0)
		return class_of_param(classes(x), DECL_UID(decl), param_index(x, decl));
	if (is_global_var(decl))
		return class_of_global(classes(x), symbol_key(decl));
	return class_of_local(classes(x), DECL_UID(decl));
}

static int value_class(extractor *x, tree op);

/*
 * A field of a local struct: that object's own, not every object's of the
 * type (KUNIT_ASSERT_*() and iov_iter setups would otherwise join every
 * value they touch through the type's field name).
 */
static int local_field_class(extractor *x, tree var, tree field)
{
	char *key = xasprintf("%u.%d", DECL_UID(var), field_key(field));
	int id = intern(key), c;

	free(key);
	if (!int_map_get(&x->local_fields, id, &c)) {
		c = class_new(classes(x));
		int_map_put(&x->local_fields, id, c);
	}
	return c;
}

/* The class of the content of the memory REF denotes. */
static int memory_class(extractor *x, tree ref)
{
	switch (TREE_CODE(ref)) {
	case COMPONENT_REF: {
		tree base = TREE_OPERAND(ref, 0);
		tree root = base;

		/*
		 * A local union is a temporary (a transparent union argument
		 * such as release_pages_arg): its members are one value.
		 */
		if (VAR_P(base) && !is_global_var(base) &&
		    TREE_CODE(TREE_TYPE(base)) == UNION_TYPE)
			return var_class(x, base);
		while (TREE_CODE(root) == COMPONENT_REF || TREE_CODE(root) == ARRAY_REF)
			root = TREE_OPERAND(root, 0);
		if (VAR_P(root) && !is_global_var(root))
			return local_field_class(x, root, TREE_OPERAND(ref, 1));
		return class_of_field(classes(x), field_key(TREE_OPERAND(ref, 1)));
	}
	case ARRAY_REF:
	case ARRAY_RANGE_REF:
	case BIT_FIELD_REF:
	case REALPART_EXPR:
	case IMAGPART_EXPR:
	case VIEW_CONVERT_EXPR:
		return memory_class(x, TREE_OPERAND(ref, 0));
	case MEM_REF:
	case TARGET_MEM_REF: {
		int base = value_class(x, TREE_OPERAND(ref, 0));

		return base < 0 ? -1 : class_pointee(classes(x), base);
	}
	case VAR_DECL:
	case PARM_DECL:
	case RESULT_DECL:
		return var_class(x, ref);
	default:
		return -1;
	}
}

/* The class of the value of operand OP, or -1 for constants. */
static int value_class(extractor *x, tree op)
{
	switch (TREE_CODE(op)) {
	case SSA_NAME:
		return ssa_class(x, op);
	case ADDR_EXPR: {
		int m = memory_class(x, TREE_OPERAND(op, 0));

		return m < 0 ? -1 : class_address(classes(x), m);
	}
	default:
		if (REFERENCE_CLASS_P(op) || DECL_P(op))
			return memory_class(x, op);
		return -1;
	}
}

/* ----- operands as source text, for messages ----- */

static void describe(pretty_printer *pp, tree op, int depth);

/* The argument an alias API (_compound_head, ...) returns, or NULL. */
static tree alias_arg(gimple *call)
{
	const api_entry *api = api_lookup(gimple_call_fndecl(call));

	if (!api || api->kind != API_ALIAS || api->arg >= (int)gimple_call_num_args(call))
		return NULL_TREE;
	return gimple_call_arg(call, api->arg);
}

static bool user_named(tree ssa)
{
	tree var = SSA_NAME_VAR(ssa);

	return var && DECL_NAME(var) && !DECL_ARTIFICIAL(var);
}

static void describe_index(pretty_printer *pp, tree off)
{
	for (int i = 0; i < 3 && TREE_CODE(off) == SSA_NAME; i++) {
		gimple *def = SSA_NAME_DEF_STMT(off);

		if (user_named(off)) {
			pp_string(pp, IDENTIFIER_POINTER(DECL_NAME(SSA_NAME_VAR(off))));
			return;
		}
		if (!is_gimple_assign(def))
			break;
		off = gimple_assign_rhs1(def);
	}
	pp_string(pp, "...");
}

/* "[i]" for index OFF, or byte offset OFF into an array of ELEM. */
static void describe_offset(pretty_printer *pp, tree off, tree elem)
{
	tree size = elem ? TYPE_SIZE_UNIT(elem) : NULL_TREE;

	pp_character(pp, '[');
	if (!elem && tree_fits_uhwi_p(off))
		pp_wide_integer(pp, tree_to_uhwi(off));
	else if (TREE_CODE(off) == INTEGER_CST && size && tree_fits_uhwi_p(size) &&
	    tree_to_uhwi(size) && tree_fits_uhwi_p(off))
		pp_wide_integer(pp, tree_to_uhwi(off) / tree_to_uhwi(size));
	else
		describe_index(pp, off);
	pp_character(pp, ']');
}

static void describe(pretty_printer *pp, tree op, int depth)
{
	if (depth > 5) {
		pp_string(pp, "...");
		return;
	}
	switch (TREE_CODE(op)) {
	case SSA_NAME: {
		gimple *def = SSA_NAME_DEF_STMT(op);

		if (user_named(op))
			describe(pp, SSA_NAME_VAR(op), depth + 1);
		else if (is_gimple_assign(def) &&
			 (gimple_assign_single_p(def) ||
			  CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) ||
			  gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR))
			describe(pp, gimple_assign_rhs1(def), depth + 1);
		else if (is_gimple_call(def) && alias_arg(def))
			describe(pp, alias_arg(def), depth + 1);
		else if (is_gimple_call(def) && gimple_call_fndecl(def)) {
			pp_string(pp, IDENTIFIER_POINTER(DECL_NAME(gimple_call_fndecl(def))));
			pp_string(pp, "()");
		} else
			pp_string(pp, "value");
		break;
	}
	case VAR_DECL:
	case PARM_DECL:
		pp_string(pp, DECL_NAME(op) ? IDENTIFIER_POINTER(DECL_NAME(op)) : "tmp");
		break;
	case ADDR_EXPR:
		if (TREE_CODE(TREE_TYPE(TREE_OPERAND(op, 0))) != ARRAY_TYPE)
			pp_character(pp, '&');
		describe(pp, TREE_OPERAND(op, 0), depth + 1);
		break;
	case COMPONENT_REF: {
		tree base = TREE_OPERAND(op, 0);
		tree field = TREE_OPERAND(op, 1);

		/* Anonymous unions and structs are not named in the source: bl->buf_ring. */
		while (TREE_CODE(base) == COMPONENT_REF && !DECL_NAME(TREE_OPERAND(base, 1)))
			base = TREE_OPERAND(base, 0);
		if (TREE_CODE(base) == MEM_REF && integer_zerop(TREE_OPERAND(base, 1))) {
			describe(pp, TREE_OPERAND(base, 0), depth + 1);
			pp_string(pp, "->");
		} else {
			describe(pp, base, depth + 1);
			pp_character(pp, '.');
		}
		pp_string(pp, DECL_NAME(field) ? IDENTIFIER_POINTER(DECL_NAME(field)) : "<anon>");
		break;
	}
	case ARRAY_REF:
		describe(pp, TREE_OPERAND(op, 0), depth + 1);
		describe_offset(pp, TREE_OPERAND(op, 1), NULL_TREE);
		break;
	case MEM_REF: {
		tree ptr = TREE_OPERAND(op, 0);
		tree off = TREE_OPERAND(op, 1);
		gimple *def = TREE_CODE(ptr) == SSA_NAME ? SSA_NAME_DEF_STMT(ptr) : NULL;

		if (!integer_zerop(off)) {
			describe(pp, ptr, depth + 1);
			describe_offset(pp, off, TREE_TYPE(op));
		} else if (def && is_gimple_assign(def) && !user_named(ptr) &&
			   gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR) {
			describe(pp, gimple_assign_rhs1(def), depth + 1);
			describe_offset(pp, gimple_assign_rhs2(def), TREE_TYPE(op));
		} else {
			pp_character(pp, '*');
			describe(pp, ptr, depth + 1);
		}
		break;
	}
	case INTEGER_CST:
		pp_string(pp, integer_zerop(op) ? "NULL" : "constant");
		break;
	default:
		pp_string(pp, "value");
		break;
	}
}

/*
 * A transparent union argument (release_pages_arg) is a temporary filled
 * right before the call: describe what was stored into it.
 */
static tree union_source(gimple *call, tree arg)
{
	tree vuse = gimple_vuse(call);
	gimple *store;

	if (!VAR_P(arg) || TREE_CODE(TREE_TYPE(arg)) != UNION_TYPE || !vuse)
		return arg;
	store = SSA_NAME_DEF_STMT(vuse);
	if (gimple_assign_single_p(store) &&
	    TREE_CODE(gimple_assign_lhs(store)) == COMPONENT_REF &&
	    TREE_OPERAND(gimple_assign_lhs(store), 0) == arg)
		return gimple_assign_rhs1(store);
	return arg;
}

static const char *operand_text(tree op)
{
	pretty_printer pp;

	describe(&pp, op, 0);
	return intern_str(pp_formatted_text(&pp));
}

/* The mapping returned into LHS as source text: where it is stored. */
static const char *holder_text(tree lhs)
{
	use_operand_p use;
	gimple *stmt;

	if (TREE_CODE(lhs) == SSA_NAME && (!SSA_NAME_VAR(lhs) || DECL_ARTIFICIAL(SSA_NAME_VAR(lhs))) &&
	    single_imm_use(lhs, &use, &stmt) && gimple_assign_single_p(stmt) &&
	    gimple_assign_rhs1(stmt) == lhs)
		return operand_text(gimple_assign_lhs(stmt));
	return operand_text(lhs);
}

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
static void function_escapes(tree op)
{
	tree fndecl = function_address(op);

	if (fndecl) {
		int index = function_of(fndecl);

		functions.v[index]->address_taken = true;
	}
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

		event *e = add_event(x, EV_HOOK, call, c >= 0 ? class_pointee(classes(x), c) : -1);
		if (fndecl) {
			e->callee = function_of(fndecl);
			e->what = functions.v[e->callee]->name;
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
		e->pages = class_pointee(classes(x), c);
		e->base = c;
		e->owns_pages = owns;
		e->counted = api->kind == API_MAP_COUNTED;
		e->api = api->name;
		e->what = holder_text(gimple_call_lhs(call));
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
		break;
	case API_DEFER:
		e = add_event(x, EV_DEFER, call, c);
		break;
	case API_FILL:
		/* New pages stored into the array: a store with no value of ours. */
		e = add_event(x, EV_STORE, call, class_pointee(classes(x), c));
		break;
	case API_RELEASE:
		e = add_event(x, EV_RELEASE, call, c);
		break;
	case API_RELEASE_ARRAY:
		e = add_event(x, EV_RELEASE, call, class_pointee(classes(x), c));
		break;
	case API_ALIAS:
		if (res >= 0)
			class_unify(classes(x), res, c);
		return;
	case API_ERRTEST:	/* decoded at the condition that uses it */
	case API_HOOK:		/* hook_call() */
	case API_RUNNER:	/* not a hook: nothing to record */
	case API_NKINDS:
		return;
	}
	e->api = api->name;
	e->what = operand_text(union_source(call, arg));
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

	/* Calls to functions of other files too: the merge links them. */
	if (fndecl && !fndecl_built_in_p(fndecl)) {
		event *e = add_event(x, EV_CALL, call, res);

		e->callee = function_of(fndecl);
		e->first_arg = x->f->args.n;
		e->nargs = nargs;
		e->api = functions.v[e->callee]->name;
		if (gimple_call_lhs(call))
			e->what = holder_text(gimple_call_lhs(call));
		for (unsigned i = 0; i < nargs; i++) {
			function_escapes(gimple_call_arg(call, i));
			vec_push(x->f->args, value_class(x, gimple_call_arg(call, i)));
		}
		return;
	}

	/* memcpy() and friends return an argument. */
	int flags = gimple_call_return_flags(call);
	unsigned argno = flags & ERF_RETURN_ARG_MASK;
	if (res >= 0 && (flags & ERF_RETURNS_ARG) && argno < nargs) {
		int c = value_class(x, gimple_call_arg(call, argno));

		if (c >= 0)
			class_unify(classes(x), res, c);
	}
}

/* The object whose field REF writes: "l" of l->addr, "map" of map->u.vaddr; or -1. */
static int store_base(extractor *x, tree ref)
{
	if (TREE_CODE(ref) == ARRAY_REF)
		ref = TREE_OPERAND(ref, 0);
	if (TREE_CODE(ref) != COMPONENT_REF)
		return -1;
	while (TREE_CODE(ref) == COMPONENT_REF || TREE_CODE(ref) == ARRAY_REF)
		ref = TREE_OPERAND(ref, 0);
	return memory_class(x, ref);
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
			function_escapes(rhs1);
		if (fndecl && TREE_CODE(lhs) == COMPONENT_REF) {
			int obj = memory_class(x, TREE_OPERAND(lhs, 0));

			if (obj >= 0) {
				event *e = add_event(x, EV_FNSTORE, stmt, obj);

				e->callee = function_of(fndecl);
				e->what = functions.v[e->callee]->name;
			}
		}
		v = value_class(x, rhs1);
		if (v < 0)
			return;
		if (TREE_CODE(lhs) == SSA_NAME) {
			class_unify(classes(x), ssa_class(x, lhs), v);
			return;
		}

		int dst = memory_class(x, lhs);
		if (dst < 0)
			return;
		class_unify(classes(x), dst, v);
		if (pointer_sized(TREE_TYPE(rhs1))) {
			event *e = add_event(x, EV_STORE, stmt, dst);

			e->pages = v;
			e->base = store_base(x, lhs);
			/* A named local kept somewhere: how other functions name it. */
			if (TREE_CODE(rhs1) == SSA_NAME && SSA_NAME_VAR(rhs1) &&
			    !DECL_ARTIFICIAL(SSA_NAME_VAR(rhs1)))
				e->what = operand_text(lhs);
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
			class_unify(classes(x), ssa_class(x, lhs), v);
		v = value_class(x, gimple_assign_rhs3(stmt));
		break;
	default:
		return;
	}
	if (v >= 0)
		class_unify(classes(x), ssa_class(x, lhs), v);
}

/* ----- conditions: on which edge is a value NULL or an error pointer ----- */

/*
 * Decode "VAL is true" where VAL is a truth value computed from a pointer
 * test.  On success *TESTED is the pointer, *NULL_IF_TRUE says whether VAL
 * being true means it is NULL (or an error pointer) and *ERRTEST whether
 * the test was IS_ERR() or the like.
 */
static bool decode_truth(tree val, tree *tested, bool *null_if_true, bool *errtest)
{
	bool negate = false;

	for (int depth = 0; depth < 6 && TREE_CODE(val) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(val);

		if (is_gimple_call(def)) {
			const api_entry *api = api_lookup(gimple_call_fndecl(def));

			if (gimple_call_builtin_p(def, BUILT_IN_EXPECT)) {
				val = gimple_call_arg(def, 0);
				continue;
			}
			if (!api || api->kind != API_ERRTEST ||
			    api->arg >= (int)gimple_call_num_args(def))
				return false;
			*tested = gimple_call_arg(def, api->arg);
			*null_if_true = !negate;
			*errtest = true;
			return true;
		}
		if (!is_gimple_assign(def))
			return false;

		enum tree_code code = gimple_assign_rhs_code(def);
		tree a = gimple_assign_rhs1(def);

		if (code == EQ_EXPR || code == NE_EXPR) {
			tree b = gimple_assign_rhs2(def);

			if (!POINTER_TYPE_P(TREE_TYPE(a)) || !integer_zerop(b))
				return false;
			*tested = a;
			*null_if_true = (code == EQ_EXPR) != negate;
			*errtest = false;
			return true;
		}
		if (code == TRUTH_NOT_EXPR ||
		    (code == BIT_NOT_EXPR && TREE_CODE(TREE_TYPE(a)) == BOOLEAN_TYPE) ||
		    (code == BIT_XOR_EXPR && TREE_CODE(TREE_TYPE(a)) == BOOLEAN_TYPE &&
		     integer_onep(gimple_assign_rhs2(def))))
			negate = !negate;
		else if (!CONVERT_EXPR_CODE_P(code) && code != SSA_NAME)
			return false;
		val = a;
	}
	return false;
}

/* The value VAL is a copy or a cast of, or the local variable it is loaded from. */
static tree copied_from(tree val)
{
	for (int i = 0; i < 4 && TREE_CODE(val) == SSA_NAME; i++) {
		gimple *def = SSA_NAME_DEF_STMT(val);
		tree rhs;

		if (!gimple_assign_single_p(def) && !gimple_assign_cast_p(def))
			break;
		rhs = gimple_assign_rhs1(def);
		if (TREE_CODE(rhs) != SSA_NAME && !(VAR_P(rhs) && !is_global_var(rhs)))
			break;
		val = rhs;
	}
	return val;
}

/* A block that only copies values ("_13 = page_array_7;") and jumps on. */
static bool only_copies(basic_block bb)
{
	for (gimple_stmt_iterator gsi = gsi_start_nondebug_after_labels_bb(bb);
	     !gsi_end_p(gsi); gsi_next_nondebug(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);

		if (gimple_code(stmt) == GIMPLE_PREDICT || gimple_code(stmt) == GIMPLE_NOP)
			continue;
		if (!gimple_assign_single_p(stmt) && !gimple_assign_cast_p(stmt))
			return false;
		if (TREE_CODE(gimple_assign_lhs(stmt)) != SSA_NAME)
			return false;
	}
	return true;
}

/*
 * Does VAL arrive over edge E as an error pointer: E leaves the error side
 * of "if (IS_ERR(VAL))", maybe through empty blocks?  Then it is an error
 * code, and passing it on joins nothing: "return page_array;" after a
 * failed pin must not make the page array and the mapping one class.
 */
static bool error_pointer_on(edge e, tree val)
{
	val = copied_from(val);
	for (int i = 0; i < 4; i++) {
		gimple *last = last_stmt(e->src);

		if (last && gimple_code(last) == GIMPLE_COND) {
			gcond *cond = as_a<gcond *>(last);
			enum tree_code code = gimple_cond_code(cond);
			tree lhs = gimple_cond_lhs(cond), tested;
			bool null_if_true, errtest;

			if ((code != EQ_EXPR && code != NE_EXPR) || TREE_CODE(lhs) != SSA_NAME ||
			    !integer_zerop(gimple_cond_rhs(cond)) ||
			    !decode_truth(lhs, &tested, &null_if_true, &errtest) ||
			    !errtest || copied_from(tested) != val)
				return false;
			/* On the true edge of "lhs != 0", lhs is true. */
			return ((code == NE_EXPR) == !!(e->flags & EDGE_TRUE_VALUE)) == null_if_true;
		}
		if (!single_pred_p(e->src) || !only_copies(e->src))
			return false;
		e = single_pred_edge(e->src);
	}
	return false;
}

/* The successor of BB taken when its condition is true (or false). */
static int branch_succ(basic_block bb, bool on_true)
{
	edge e;
	edge_iterator ei;

	FOR_EACH_EDGE(e, ei, bb->succs)
		if (e->flags & (on_true ? EDGE_TRUE_VALUE : EDGE_FALSE_VALUE))
			return e->dest->index;
	return -1;
}

/* The sign of VAL, looking through copies ("_14 = -12;" before a PHI). */
static enum value_sign sign_of(tree val)
{
	for (int i = 0; i < 4 && TREE_CODE(val) == SSA_NAME; i++) {
		gimple *def = SSA_NAME_DEF_STMT(val);

		if (!gimple_assign_single_p(def) && !gimple_assign_cast_p(def))
			break;
		val = gimple_assign_rhs1(def);
	}
	if (TREE_CODE(val) != INTEGER_CST)
		return SIGN_UNKNOWN;
	if (integer_zerop(val))
		return SIGN_ZERO;
	return tree_int_cst_sgn(val) < 0 ? SIGN_NEGATIVE : SIGN_POSITIVE;
}

/* The values VAL takes on the edges into BB, if a PHI of BB makes it. */
static bool push_edge_values(extractor *x, tree val, basic_block bb)
{
	gimple *def = TREE_CODE(val) == SSA_NAME ? SSA_NAME_DEF_STMT(val) : NULL;
	edge_value v = { -1, bb->index, sign_of(val) };

	if (!def || gimple_code(def) != GIMPLE_PHI || gimple_bb(def) != bb) {
		vec_push(x->f->values, v);
		return v.sign != SIGN_UNKNOWN;
	}
	gphi *phi = as_a<gphi *>(def);
	bool any_known = false;

	for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
		v.pred = gimple_phi_arg_edge(phi, i)->src->index;
		v.sign = sign_of(gimple_phi_arg_def(phi, i));
		any_known |= v.sign != SIGN_UNKNOWN;
		vec_push(x->f->values, v);
	}
	return any_known;
}

/*
 * The values a returned VAL takes, traced back through copies and PHIs
 * ("result = PHI <0, -3>; ret = PHI <result, -31>") to the edges where
 * they are chosen, PRED -> BLOCK.
 */
static void push_returned_values(extractor *x, tree val, int pred, int block, int depth)
{
	gimple *def;

	while (TREE_CODE(val) == SSA_NAME &&
	       (gimple_assign_single_p(def = SSA_NAME_DEF_STMT(val)) || gimple_assign_cast_p(def)) &&
	       TREE_CODE(gimple_assign_rhs1(def)) == SSA_NAME)
		val = gimple_assign_rhs1(def);
	def = TREE_CODE(val) == SSA_NAME ? SSA_NAME_DEF_STMT(val) : NULL;
	if (def && gimple_code(def) == GIMPLE_PHI && depth < 4) {
		gphi *phi = as_a<gphi *>(def);

		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
			push_returned_values(x, gimple_phi_arg_def(phi, i),
					     gimple_phi_arg_edge(phi, i)->src->index,
					     gimple_bb(phi)->index, depth + 1);
		return;
	}

	edge_value v = { pred, block, sign_of(val) };
	vec_push(x->f->values, v);
}

/*
 * Conditions that matter: a pointer tested for NULL or an error pointer,
 * an int tested for failure (nonzero or negative), and a flag that a PHI
 * of this block sets from constants ("if (do_vunmap)").
 */
static void cond_stmt(extractor *x, gcond *cond, basic_block bb, block *b)
{
	enum tree_code code = gimple_cond_code(cond);
	tree lhs = gimple_cond_lhs(cond);
	bool fail_if_true, errtest;
	tree tested;
	int cls;

	if (!integer_zerop(gimple_cond_rhs(cond)) || TREE_CODE(lhs) != SSA_NAME)
		return;
	if (code == EQ_EXPR || code == NE_EXPR) {
		if (POINTER_TYPE_P(TREE_TYPE(lhs))) {
			b->fail_cls = value_class(x, lhs);
			b->fail_succ = branch_succ(bb, code == EQ_EXPR);
			return;
		}
		if (decode_truth(lhs, &tested, &fail_if_true, &errtest) &&
		    (cls = value_class(x, tested)) >= 0) {
			/* "if (val == 0)" is true when val is false. */
			b->fail_cls = cls;
			b->fail_succ = branch_succ(bb, fail_if_true != (code == EQ_EXPR));
			return;
		}
		int first = x->f->values.n;
		if (push_edge_values(x, lhs, bb) && first + 1 < x->f->values.n) {
			b->first_value = first;
			b->nvalues = x->f->values.n - first;
			b->flag_succ = branch_succ(bb, code == NE_EXPR);
			return;
		}
		x->f->values.n = first;
	} else if (code != LT_EXPR && code != GE_EXPR) {
		return;
	}
	if (!INTEGRAL_TYPE_P(TREE_TYPE(lhs)))
		return;
	/* err != 0, err < 0: the true edge is the failure; == 0, >= 0: false. */
	b->fail_cls = value_class(x, lhs);
	b->fail_succ = branch_succ(bb, code == NE_EXPR || code == LT_EXPR);
	b->fail_int = true;
}

static void return_stmt(extractor *x, greturn *ret, basic_block bb, block *b)
{
	tree val = gimple_return_retval(ret);
	int v = val ? value_class(x, val) : -1;

	if (v >= 0 && single_pred_p(bb) && error_pointer_on(single_pred_edge(bb), val))
		v = -1;
	if (v >= 0)
		class_unify(classes(x), class_of_return(classes(x)), v);
	b->returns = true;
	if (val && INTEGRAL_TYPE_P(TREE_TYPE(val))) {
		b->first_value = x->f->values.n;
		push_returned_values(x, val, -1, bb->index, 0);
		b->nvalues = x->f->values.n - b->first_value;
	}
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

			if (error_pointer_on(gimple_phi_arg_edge(phi, i), arg))
				continue;
			if ((v = value_class(x, arg)) >= 0)
				class_unify(classes(x), ssa_class(x, res), v);
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
			return_stmt(x, as_a<greturn *>(stmt), bb, b);
			break;
		case GIMPLE_COND:
			cond_stmt(x, as_a<gcond *>(stmt), bb, b);
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
	struct class_table *t = classes(x);
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

void extract_function(function *fun)
{
	extractor x;
	basic_block bb;
	int nblocks = last_basic_block_for_fn(fun);

	int index = function_of(fun->decl);

	x.f = functions.v[index];
	x.fun = fun;
	x.ssa = vNULL;
	memset(&x.local_fields, 0, sizeof(x.local_fields));
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
	x.ssa.release();
	int_map_free(&x.local_fields);
}

/* Function addresses in the initializer INIT of GLOBAL, recursively. */
static void initializer_functions(int global, bool public_global, tree init)
{
	unsigned i;
	tree value;

	if (TREE_CODE(init) != CONSTRUCTOR) {
		tree fndecl = function_address(init);

		if (fndecl) {
			struct initializer rec = { global, function_of(fndecl) };

			vec_push(initializers, rec);
			if (public_global)
				function_escapes(init);
		}
		return;
	}
	FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(init), i, value)
		initializer_functions(global, public_global, value);
}

void extract_initializers(void)
{
	varpool_node *var;

	FOR_EACH_VARIABLE(var) {
		tree init = DECL_INITIAL(var->decl);

		if (init && TREE_CODE(init) == CONSTRUCTOR)
			initializer_functions(symbol_key(var->decl), TREE_PUBLIC(var->decl), init);
	}
}
