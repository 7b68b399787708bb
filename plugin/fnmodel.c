// SPDX-License-Identifier: GPL-2.0-only
/*
 * The function table (see fnmodel.h).
 */

#include <string.h>

#include "fnmodel.h"

bool key_public(const char *key)
{
	return !strchr(key, '@');
}

bool key_dispatch(const char *key)
{
	return strchr(key, '.') && !strchr(key, '@');
}

const char *key_function_name(const char *key)
{
	const char *at = strchr(key, '@');
	char *name;

	if (!at)
		return intern_str(key);
	name = (char *)vc_alloc(at - key + 1);
	memcpy(name, key, at - key);
	key = intern_str(name);
	vc_free(name);
	return key;
}

int function_index(struct program *p, int key, const char *name, int unit)
{
	int i;

	if (int_map_get(&p->by_key, key, &i))
		return i;

	struct fn *f = (struct fn *)vc_alloc(sizeof(*f));
	f->name = name;
	f->key = key;
	f->unit = unit;
	f->dispatch = key_dispatch(interned(key));
	classes_init(&f->classes);
	vec_push(p->functions, f);
	int_map_put(&p->by_key, key, p->functions.n - 1);
	return p->functions.n - 1;
}

void analyses_init(struct program *p, struct analysis *whole, struct analysis *units,
		   int nunits)
{
	memset(whole, 0, sizeof(*whole));
	whole->prog = p;
	whole->unit = -1;
	for (int u = 0; u < nunits; u++) {
		memset(&units[u], 0, sizeof(units[u]));
		units[u].prog = p;
		units[u].unit = u;
	}
	for (int i = 0; i < p->functions.n; i++) {
		const struct fn *f = p->functions.v[i];

		if (!f->extracted)
			continue;
		vec_push(whole->members, i);
		if (f->unit < nunits)
			vec_push(units[f->unit].members, i);
	}
	for (int i = 0; i < p->initializers.n; i++)
		p->functions.v[p->initializers.v[i].fn]->initialized = true;
}

void analysis_free(struct analysis *an)
{
	vec_free(an->members);
	vec_free(an->facts);
	vec_free(an->unmapped);
}

bool function_analysed(const struct analysis *an, const struct fn *f)
{
	return f->extracted && (an->unit < 0 || f->unit == an->unit);
}

const struct summary *callee_summary(const struct analysis *an, const struct event *e)
{
	const struct fn *g;

	if (e->kind != EV_CALL)
		return NULL;
	g = an->prog->functions.v[e->callee];
	return function_analysed(an, g) && !g->is_api ? &g->sum : NULL;
}

int bind_name(struct fn *f, const struct event *e, struct vc_name name)
{
	return class_of_name(&f->classes, name,
			     e->nargs ? &f->args.v[e->first_arg] : NULL, e->nargs, e->cls);
}

void summary_clear(struct summary *s)
{
	vec_free(s->releases);
	vec_free(s->unmaps);
	vec_free(s->defers);
	vec_free(s->maps);
}

void function_clear(struct fn *f)
{
	classes_free(&f->classes);
	classes_init(&f->classes);
	vec_free(f->events);
	vec_free(f->blocks);
	vec_free(f->succs);
	vec_free(f->edge_src);
	vec_free(f->preds);
	vec_free(f->values);
	vec_free(f->args);
	vec_free(f->escapes);
	summary_clear(&f->sum);
	f->extracted = false;
}

void program_free(struct program *p)
{
	for (int i = 0; i < p->functions.n; i++) {
		function_clear(p->functions.v[i]);
		vc_free(p->functions.v[i]);
	}
	vec_free(p->functions);
	vec_free(p->initializers);
	int_map_free(&p->stored_under);
	int_map_free(&p->by_key);
	vec_free(p->sources);
}

/* The edge slots into each block, grouped by block (a counting sort). */
void function_link_preds(struct fn *f)
{
	int nedges = f->succs.n;

	for (int s = 0; s < nedges; s++)
		f->blocks.v[f->succs.v[s]].npreds++;
	for (int b = 0, first = 0; b < f->blocks.n; b++) {
		f->blocks.v[b].first_pred = first;
		first += f->blocks.v[b].npreds;
		f->blocks.v[b].npreds = 0;
	}
	vec_reserve(f->preds, nedges);
	f->preds.n = nedges;
	for (int s = 0; s < nedges; s++) {
		struct block *d = &f->blocks.v[f->succs.v[s]];

		f->preds.v[d->first_pred + d->npreds++] = s;
	}
}

bool function_called_indirectly(const struct fn *f)
{
	return f->address_taken || f->stored || f->initialized;
}
