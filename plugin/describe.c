// SPDX-License-Identifier: GPL-2.0-only
/*
 * Operands as source text, for the messages of findings (see
 * extractor.h): "pages[i]", "ctx->rings", "*p".
 */

#include "api.h"
#include "extractor.h"

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
tree describe_union_source(gimple *call, tree arg)
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

const char *describe_operand(tree op)
{
	pretty_printer pp;

	describe(&pp, op, 0);
	return intern_str(pp_formatted_text(&pp));
}

/* The mapping returned into LHS as source text: where it is stored. */
const char *describe_holder(tree lhs)
{
	use_operand_p use;
	gimple *stmt;

	if (TREE_CODE(lhs) == SSA_NAME && (!SSA_NAME_VAR(lhs) || DECL_ARTIFICIAL(SSA_NAME_VAR(lhs))) &&
	    single_imm_use(lhs, &use, &stmt) && gimple_assign_single_p(stmt) &&
	    gimple_assign_rhs1(stmt) == lhs)
		return describe_operand(gimple_assign_lhs(stmt));
	return describe_operand(lhs);
}
