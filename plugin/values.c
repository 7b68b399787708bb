// SPDX-License-Identifier: GPL-2.0-only
/*
 * The alias classes of operands (see extractor.h): an SSA name, a
 * parameter, a global, a local's field, a load through a pointer, each
 * the class its value belongs to in the function being walked.
 */

#include "extractor.h"
#include "keys.h"

struct class_table *value_classes(extractor *x)
{
	return &x->f->classes;
}

bool pointer_sized(tree type)
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

int ssa_class(extractor *x, tree name)
{
	unsigned v = SSA_NAME_VERSION(name);

	if (x->ssa[v] >= 0)
		return x->ssa[v];

	int c = class_new(value_classes(x));
	tree var = SSA_NAME_VAR(name);

	x->ssa[v] = c;
	if (SSA_NAME_IS_DEFAULT_DEF(name) && var && TREE_CODE(var) == PARM_DECL) {
		vc_name n = { NAME_PARAM, 0, param_index(x, var) };

		if (n.id >= 0)
			class_add_name(value_classes(x), c, n);
	}
	return c;
}

/* The class of the content of a variable (memory, not an SSA name). */
static int var_class(extractor *x, tree decl)
{
	if (TREE_CODE(decl) == RESULT_DECL)
		return class_of_return(value_classes(x));
	if (TREE_CODE(decl) == PARM_DECL && param_index(x, decl) >= 0)
		return class_of_param(value_classes(x), DECL_UID(decl), param_index(x, decl));
	if (is_global_var(decl))
		return class_of_global(value_classes(x), symbol_key(decl));
	return class_of_local(value_classes(x), DECL_UID(decl));
}

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
		c = class_new(value_classes(x));
		int_map_put(&x->local_fields, id, c);
	}
	return c;
}

/* The class of the content of the memory REF denotes. */
int memory_class(extractor *x, tree ref)
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
		return class_of_field(value_classes(x), field_key(TREE_OPERAND(ref, 1)));
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

		return base < 0 ? -1 : class_pointee(value_classes(x), base);
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
int value_class(extractor *x, tree op)
{
	switch (TREE_CODE(op)) {
	case SSA_NAME:
		return ssa_class(x, op);
	case ADDR_EXPR: {
		int m = memory_class(x, TREE_OPERAND(op, 0));

		return m < 0 ? -1 : class_address(value_classes(x), m);
	}
	default:
		if (REFERENCE_CLASS_P(op) || DECL_P(op))
			return memory_class(x, op);
		return -1;
	}
}
