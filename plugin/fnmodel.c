// SPDX-License-Identifier: GPL-2.0-only
/*
 * The function table (see fnmodel.h).
 */

#include "fnmodel.h"

fn_vec functions;
int analysed_unit = -1;
static struct int_map by_key;

int function_index(int key, const char *name, int unit)
{
	int i;

	if (int_map_get(&by_key, key, &i))
		return i;

	struct fn *f = (struct fn *)vc_alloc(sizeof(*f));
	f->name = name;
	f->key = key;
	f->unit = unit;
	classes_init(&f->classes);
	vec_push(functions, f);
	int_map_put(&by_key, key, functions.n - 1);
	return functions.n - 1;
}

bool function_analysed(const struct fn *f)
{
	return f->extracted && (analysed_unit < 0 || f->unit == analysed_unit);
}

void summary_clear(struct summary *s)
{
	vec_free(s->releases);
	vec_free(s->unmaps);
	vec_free(s->defers);
	vec_free(s->maps);
}

void functions_free(void)
{
	for (int i = 0; i < functions.n; i++) {
		struct fn *f = functions.v[i];

		classes_free(&f->classes);
		vec_free(f->events);
		vec_free(f->blocks);
		vec_free(f->succs);
		vec_free(f->edge_src);
		vec_free(f->preds);
		vec_free(f->values);
		vec_free(f->args);
		vec_free(f->escapes);
		summary_clear(&f->sum);
		vc_free(f);
	}
	vec_free(functions);
	int_map_free(&by_key);
}
