// SPDX-License-Identifier: GPL-2.0-only
/*
 * Build-wide keys (see keys.h).
 */

#include "fnmodel.h"
#include "keys.h"

static const char *record_name(tree record)
{
	tree name = TYPE_NAME(record);

	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE ? IDENTIFIER_POINTER(name) : NULL;
}

static int intern_and_free(char *s)
{
	int id = intern(s);

	free(s);
	return id;
}

int field_key(tree field)
{
	tree record = TYPE_MAIN_VARIANT(DECL_CONTEXT(field));
	const char *rname = record_name(record);
	char *rec;

	if (rname) {
		rec = xstrdup(rname);
	} else {
		tree first = TYPE_FIELDS(record) ? TYPE_FIELDS(record) : field;
		expanded_location at = expand_location(DECL_SOURCE_LOCATION(first));

		rec = xasprintf("%s:%d", at.file ? at.file : "?", at.line);
	}

	char *key;
	if (DECL_NAME(field)) {
		key = xasprintf("%s.%s", rec, IDENTIFIER_POINTER(DECL_NAME(field)));
	} else {
		expanded_location at = expand_location(DECL_SOURCE_LOCATION(field));

		key = xasprintf("%s.@%d:%d", rec, at.line, at.column);
	}
	free(rec);
	return intern_and_free(key);
}

static const char *decl_name(tree decl)
{
	return DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : "<anonymous>";
}

int symbol_key(tree decl)
{
	if (TREE_PUBLIC(decl) && DECL_NAME(decl))
		return intern(decl_name(decl));
	return intern_and_free(xasprintf("%s@%s#%u", decl_name(decl),
					 main_input_filename, DECL_UID(decl)));
}

int function_of(struct program *p, tree fndecl)
{
	int index = function_index(p, symbol_key(fndecl), intern_str(decl_name(fndecl)), 0);

	p->functions.v[index]->external = TREE_PUBLIC(fndecl);
	return index;
}
