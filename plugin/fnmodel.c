// SPDX-License-Identifier: GPL-2.0-only
/*
 * The translation unit's function table and the strings its models keep.
 */

#include "fnmodel.h"

vec<fn *> unit_functions;
static uid_map *by_uid;
static struct obstack strings;
static bool strings_ready;

const char *unit_string(const char *s)
{
	if (!strings_ready) {
		gcc_obstack_init(&strings);
		strings_ready = true;
	}
	return (const char *)obstack_copy0(&strings, s, strlen(s));
}

int unit_function(tree fndecl)
{
	if (!by_uid)
		by_uid = new uid_map;

	int *slot = by_uid->get(DECL_UID(fndecl));
	if (slot)
		return *slot;

	fn *f = XCNEW(fn);
	f->name = unit_string(DECL_NAME(fndecl) ?
			      IDENTIFIER_POINTER(DECL_NAME(fndecl)) : "<anonymous>");
	classes_init(&f->classes);
	by_uid->put(DECL_UID(fndecl), unit_functions.length());
	unit_functions.safe_push(f);
	return unit_functions.length() - 1;
}

static void summary_free(summary *s)
{
	s->releases.release();
	s->unmaps.release();
	s->defers.release();
	s->maps.release();
}

void unit_free(void)
{
	for (unsigned i = 0; i < unit_functions.length(); i++) {
		fn *f = unit_functions[i];

		classes_free(&f->classes);
		f->events.release();
		f->blocks.release();
		f->succs.release();
		f->edge_src.release();
		f->preds.release();
		f->values.release();
		f->args.release();
		f->escapes.release();
		summary_free(&f->sum);
		free(f);
	}
	unit_functions.release();
	delete by_uid;
	by_uid = NULL;
	if (strings_ready)
		obstack_free(&strings, NULL);
	strings_ready = false;
}
