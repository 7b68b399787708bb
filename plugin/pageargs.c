// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which calls hand over pages (see extractor.h): by the callee's declared
 * parameter types, a page or folio, an array of page pointers, or an
 * object with a field of them; by the alias classes, an address or pages
 * the caller maps, unmaps, releases or queues.  A call that hands pages to
 * a function no unit of the build defines is where make scan looks for a
 * helper that may release or unmap them.  The types say what an object
 * holds, which the classes cannot: a field's content is one class for
 * every object of its struct.
 */

#include "extractor.h"

/* Is TYPE the kernel's page descriptor, struct page or struct folio? */
static bool page_record(tree type)
{
	tree name = TYPE_NAME(type);

	if (TREE_CODE(type) != RECORD_TYPE)
		return false;
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE &&
	       (id_equal(name, "page") || id_equal(name, "folio"));
}

/* Does TYPE point to pages (struct page *, struct page **, arrays of them)? */
static bool page_pointer(tree type)
{
	while (TREE_CODE(type) == ARRAY_TYPE)
		type = TREE_TYPE(type);
	if (!POINTER_TYPE_P(type))
		return false;
	type = TREE_TYPE(type);
	if (POINTER_TYPE_P(type))
		type = TREE_TYPE(type);
	return page_record(TYPE_MAIN_VARIANT(type));
}

/*
 * Does the struct or union RECORD have a field that points to pages?  Its
 * anonymous members' fields are its own; a named member is an object of
 * its own (a whole GEM object is not what a function given one takes).
 */
static bool record_holds_pages(extractor *x, tree record)
{
	int key = TYPE_UID(record), known;
	bool holds = false;

	if (int_map_get(&x->page_records, key, &known))
		return known;
	for (tree fld = TYPE_FIELDS(record); fld && !holds; fld = DECL_CHAIN(fld)) {
		tree type = TREE_TYPE(fld);

		if (TREE_CODE(fld) != FIELD_DECL || type == error_mark_node)
			continue;
		while (TREE_CODE(type) == ARRAY_TYPE)
			type = TREE_TYPE(type);
		type = TYPE_MAIN_VARIANT(type);
		if (RECORD_OR_UNION_TYPE_P(type))
			holds = !DECL_NAME(fld) && record_holds_pages(x, type);
		else
			holds = page_pointer(type);
	}
	int_map_put(&x->page_records, key, holds);
	return holds;
}

bool type_carries_pages(extractor *x, tree type)
{
	if (!type || type == error_mark_node)
		return false;
	if (page_pointer(type))
		return true;
	if (!POINTER_TYPE_P(type))
		return false;
	type = TYPE_MAIN_VARIANT(TREE_TYPE(type));
	return RECORD_OR_UNION_TYPE_P(type) && !page_record(type) &&
	       record_holds_pages(x, type);
}

/* Into OUT, the classes (representatives) F maps, unmaps, releases or queues. */
static void mapping_classes(struct fn *f, struct int_map *out)
{
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];

		switch (e->kind) {
		case EV_MAP:
			if (e->pages >= 0)
				int_map_put(out, class_find(&f->classes, e->pages), 1);
			/* fall through */
		case EV_UNMAP:
		case EV_RELEASE:
		case EV_DEFER:
			if (e->cls >= 0)
				int_map_put(out, class_find(&f->classes, e->cls), 1);
			break;
		default:
			break;
		}
	}
}

void mark_mapping_args(extractor *x)
{
	struct fn *f = x->f;
	struct int_map mapped = { NULL, NULL, 0, 0 };
	int declared, seen;

	mapping_classes(f, &mapped);
	for (int k = 0; mapped.n && k < f->events.n; k++) {
		struct event *e = &f->events.v[k];

		if (e->kind != EV_CALL || e->page_args ||
		    !int_map_get(&x->declared_args, k, &declared))
			continue;
		for (int i = 0; i < declared && !e->page_args; i++) {
			int c = f->args.v[e->first_arg + i];

			e->page_args = c >= 0 &&
				int_map_get(&mapped, class_find(&f->classes, c), &seen);
		}
	}
	int_map_free(&mapped);
}
