// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel API model bound to GCC identifiers (see api.h).
 */

#include "api.h"

static struct api_model model;
/* Identifier node of a function name -> its entry in the model. */
static hash_map<tree, int> *by_identifier;

bool api_init(const char *file)
{
	char err[MODEL_ERROR_SIZE];

	if (!model_init(&model, err) || (file && !model_read_file(&model, file, err))) {
		error("vmapcheck: %s", err);
		return false;
	}
	return true;
}

bool api_bind_identifiers(void)
{
	bool useful = false;

	by_identifier = new hash_map<tree, int>;
	for (int i = 0; i < model.entries.n; i++) {
		const struct api_entry *e = &model.entries.v[i];
		tree id = maybe_get_identifier(e->name);

		if (!id)
			continue;
		/* Later entries (the user's) replace earlier ones. */
		by_identifier->put(id, i);
		if (e->kind == API_MAP || e->kind == API_UNMAP)
			useful = true;
	}
	return useful;
}

const struct api_entry *api_lookup(tree fndecl)
{
	if (!fndecl || !DECL_NAME(fndecl))
		return NULL;
	int *i = by_identifier->get(DECL_NAME(fndecl));
	return i ? &model.entries.v[*i] : NULL;
}

const struct api_model *api_model(void)
{
	return &model;
}
