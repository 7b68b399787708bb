// SPDX-License-Identifier: GPL-2.0-only
/*
 * Alias classes: union-find with pointee merging (see classes.h).
 */

#include "classes.h"

void classes_init(struct class_table *t)
{
	struct class_table empty = { { NULL, 0, 0 }, { NULL, NULL, 0, 0 },
				     { NULL, NULL, 0, 0 }, { NULL, NULL, 0, 0 }, -1 };

	*t = empty;
}

void classes_free(struct class_table *t)
{
	for (int i = 0; i < t->classes.n; i++)
		vec_free(t->classes.v[i].names);
	vec_free(t->classes);
	int_map_free(&t->fields);
	int_map_free(&t->globals);
	int_map_free(&t->locals);
}

int class_new(struct class_table *t)
{
	struct class_info c = { t->classes.n, -1, { NULL, 0, 0 } };

	vec_push(t->classes, c);
	return c.parent;
}

int class_find(struct class_table *t, int c)
{
	int root = c;

	while (t->classes.v[root].parent != root)
		root = t->classes.v[root].parent;
	while (t->classes.v[c].parent != root) {
		int next = t->classes.v[c].parent;

		t->classes.v[c].parent = root;
		c = next;
	}
	return root;
}

static void add_name(name_vec *names, struct vc_name name)
{
	for (int i = 0; i < names->n; i++)
		if (name_equal(names->v[i], name))
			return;
	vec_push(*names, name);
}

void class_add_name(struct class_table *t, int c, struct vc_name name)
{
	add_name(&t->classes.v[class_find(t, c)].names, name);
}

/* Unify A and B, and (as Steensgaard does) their pointees, iteratively. */
void class_unify(struct class_table *t, int a, int b)
{
	int_vec work = { NULL, 0, 0 };

	vec_push(work, a);
	vec_push(work, b);
	while (work.n) {
		int y = class_find(t, work.v[--work.n]);
		int x = class_find(t, work.v[--work.n]);

		if (x == y)
			continue;
		if (t->classes.v[x].names.n < t->classes.v[y].names.n) {
			int swap = x;

			x = y;
			y = swap;
		}
		t->classes.v[y].parent = x;
		for (int i = 0; i < t->classes.v[y].names.n; i++)
			add_name(&t->classes.v[x].names, t->classes.v[y].names.v[i]);
		vec_free(t->classes.v[y].names);

		int px = t->classes.v[x].pointee, py = t->classes.v[y].pointee;
		if (px < 0) {
			t->classes.v[x].pointee = py;
		} else if (py >= 0) {
			vec_push(work, px);
			vec_push(work, py);
		}
	}
	vec_free(work);
}

int class_pointee(struct class_table *t, int c)
{
	c = class_find(t, c);
	if (t->classes.v[c].pointee >= 0)
		return class_find(t, t->classes.v[c].pointee);

	int p = class_new(t);
	t->classes.v[c].pointee = p;
	/* Names already final (after classes_finalize) carry over. */
	for (int i = 0; i < t->classes.v[c].names.n; i++) {
		struct vc_name n = t->classes.v[c].names.v[i];

		if (n.depth < NAME_MAX_DEPTH) {
			n.depth++;
			vec_push(t->classes.v[p].names, n);
		}
	}
	return p;
}

int class_address(struct class_table *t, int pointee)
{
	int a = class_new(t);

	t->classes.v[a].pointee = class_find(t, pointee);
	return a;
}

static int class_of_key(struct class_table *t, struct int_map *map, int key,
			const struct vc_name *seed)
{
	int c;

	if (int_map_get(map, key, &c))
		return class_find(t, c);
	c = class_new(t);
	int_map_put(map, key, c);
	if (seed)
		class_add_name(t, c, *seed);
	return c;
}

int class_of_field(struct class_table *t, int key)
{
	struct vc_name seed = { NAME_FIELD, 0, key };

	return class_of_key(t, &t->fields, key, &seed);
}

int class_of_global(struct class_table *t, int key)
{
	struct vc_name seed = { NAME_GLOBAL, 0, key };

	return class_of_key(t, &t->globals, key, &seed);
}

int class_of_param(struct class_table *t, int uid, int index)
{
	struct vc_name seed = { NAME_PARAM, 0, index };

	return class_of_key(t, &t->locals, uid, &seed);
}

int class_of_local(struct class_table *t, int uid)
{
	return class_of_key(t, &t->locals, uid, NULL);
}

int class_of_return(struct class_table *t)
{
	if (t->ret < 0) {
		struct vc_name seed = { NAME_RET, 0, 0 };

		t->ret = class_new(t);
		class_add_name(t, t->ret, seed);
	}
	return class_find(t, t->ret);
}

void classes_finalize(struct class_table *t)
{
	int n = t->classes.n;

	for (int c = 0; c < n; c++) {
		if (t->classes.v[c].parent != c)
			continue;
		/* Only the depth-0 seeds are walked: deeper names derive from them. */
		for (int i = 0; i < t->classes.v[c].names.n; i++) {
			struct vc_name name = t->classes.v[c].names.v[i];
			int p = t->classes.v[c].pointee;

			if (name.depth != 0)
				continue;
			while (p >= 0 && name.depth < NAME_MAX_DEPTH) {
				p = class_find(t, p);
				name.depth++;
				add_name(&t->classes.v[p].names, name);
				p = t->classes.v[p].pointee;
			}
		}
	}
}

const name_vec *class_names(struct class_table *t, int c)
{
	return &t->classes.v[class_find(t, c)].names;
}

int class_of_name(struct class_table *t, struct vc_name name, const int *args,
		  int nargs, int result)
{
	int c;

	if (name.depth < 0)
		return -1;
	switch (name.kind) {
	case NAME_PARAM:
		c = name.id < nargs ? args[name.id] : -1;
		break;
	case NAME_FIELD:
		c = class_of_field(t, name.id);
		break;
	case NAME_GLOBAL:
		c = class_of_global(t, name.id);
		break;
	default:
		c = result;
		break;
	}
	for (int d = 0; c >= 0 && d < name.depth; d++)
		c = class_pointee(t, c);
	return c < 0 ? -1 : class_find(t, c);
}
