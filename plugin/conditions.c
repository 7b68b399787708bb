// SPDX-License-Identifier: GPL-2.0-only
/*
 * Conditions (see extractor.h): on which edge of a branch a value is NULL,
 * an error pointer or a failed int, and which values a function returns
 * on which path.
 */

#include "api.h"
#include "extractor.h"

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
bool conditions_error_pointer_on(edge e, tree val)
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
void conditions_branch(extractor *x, gcond *cond, basic_block bb, block *b)
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

void conditions_return(extractor *x, greturn *ret, basic_block bb, block *b)
{
	tree val = gimple_return_retval(ret);
	int v = val ? value_class(x, val) : -1;

	if (v >= 0 && single_pred_p(bb) && conditions_error_pointer_on(single_pred_edge(bb), val))
		v = -1;
	if (v >= 0)
		class_unify(value_classes(x), class_of_return(value_classes(x)), v);
	b->returns = true;
	if (val && INTEGRAL_TYPE_P(TREE_TYPE(val))) {
		b->first_value = x->f->values.n;
		push_returned_values(x, val, -1, bb->index, 0);
		b->nvalues = x->f->values.n - b->first_value;
	}
}
