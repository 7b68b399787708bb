// SPDX-License-Identifier: GPL-2.0-only
/*
 * Alias classes: union-find with pointee merging (see classes.h).
 */

#include "classes.h"

void classes_init(class_table *t)
{
	t->classes = vNULL;
	t->fields = new uid_map;
	t->vars = new uid_map;
	t->ret = -1;
}

void classes_free(class_table *t)
{
	for (unsigned i = 0; i < t->classes.length(); i++)
		t->classes[i].names.release();
	t->classes.release();
	delete t->fields;
	delete t->vars;
}

int class_new(class_table *t)
{
	class_info c = { (int)t->classes.length(), -1, vNULL };

	t->classes.safe_push(c);
	return c.parent;
}

int class_find(class_table *t, int c)
{
	int root = c;

	while (t->classes[root].parent != root)
		root = t->classes[root].parent;
	while (t->classes[c].parent != root) {
		int next = t->classes[c].parent;

		t->classes[c].parent = root;
		c = next;
	}
	return root;
}

static void add_name(vec<vc_name> &names, vc_name name)
{
	for (unsigned i = 0; i < names.length(); i++)
		if (name_equal(names[i], name))
			return;
	names.safe_push(name);
}

void class_add_name(class_table *t, int c, vc_name name)
{
	add_name(t->classes[class_find(t, c)].names, name);
}

/* Unify A and B, and (as Steensgaard does) their pointees, iteratively. */
void class_unify(class_table *t, int a, int b)
{
	auto_vec<int, 8> work;

	work.safe_push(a);
	work.safe_push(b);
	while (!work.is_empty()) {
		int y = class_find(t, work.pop());
		int x = class_find(t, work.pop());

		if (x == y)
			continue;
		if (t->classes[x].names.length() < t->classes[y].names.length())
			std::swap(x, y);
		t->classes[y].parent = x;
		for (unsigned i = 0; i < t->classes[y].names.length(); i++)
			add_name(t->classes[x].names, t->classes[y].names[i]);
		t->classes[y].names.release();

		int px = t->classes[x].pointee, py = t->classes[y].pointee;
		if (px < 0) {
			t->classes[x].pointee = py;
		} else if (py >= 0) {
			work.safe_push(px);
			work.safe_push(py);
		}
	}
}

int class_pointee(class_table *t, int c)
{
	c = class_find(t, c);
	if (t->classes[c].pointee >= 0)
		return class_find(t, t->classes[c].pointee);

	int p = class_new(t);
	t->classes[c].pointee = p;
	/* Names already final (after classes_finalize) carry over. */
	for (unsigned i = 0; i < t->classes[c].names.length(); i++) {
		vc_name n = t->classes[c].names[i];

		if (n.depth < NAME_MAX_DEPTH) {
			n.depth++;
			t->classes[p].names.safe_push(n);
		}
	}
	return p;
}

static int class_of_uid(class_table *t, uid_map *map, int uid, const vc_name *seed)
{
	bool existed;
	int &slot = map->get_or_insert(uid, &existed);

	if (existed)
		return class_find(t, slot);

	/* class_new() may move the map's storage: no reference across it. */
	int c = class_new(t);
	*map->get(uid) = c;
	if (seed)
		class_add_name(t, c, *seed);
	return c;
}

int class_of_field(class_table *t, int uid)
{
	vc_name seed = { NAME_FIELD, 0, uid };

	return class_of_uid(t, t->fields, uid, &seed);
}

int class_of_var(class_table *t, int uid, const vc_name *seed)
{
	return class_of_uid(t, t->vars, uid, seed);
}

int class_of_return(class_table *t)
{
	if (t->ret < 0) {
		vc_name seed = { NAME_RET, 0, 0 };

		t->ret = class_new(t);
		class_add_name(t, t->ret, seed);
	}
	return class_find(t, t->ret);
}

void classes_finalize(class_table *t)
{
	unsigned n = t->classes.length();

	for (unsigned c = 0; c < n; c++) {
		if (t->classes[c].parent != (int)c)
			continue;
		/* Only the depth-0 seeds are walked: deeper names derive from them. */
		for (unsigned i = 0; i < t->classes[c].names.length(); i++) {
			vc_name name = t->classes[c].names[i];
			int p = t->classes[c].pointee;

			if (name.depth != 0)
				continue;
			while (p >= 0 && name.depth < NAME_MAX_DEPTH) {
				p = class_find(t, p);
				name.depth++;
				add_name(t->classes[p].names, name);
				p = t->classes[p].pointee;
			}
		}
	}
}

const vec<vc_name> &class_names(class_table *t, int c)
{
	return t->classes[class_find(t, c)].names;
}

int class_of_name(class_table *t, vc_name name, const int *args, int nargs,
		  int result)
{
	int c;

	switch (name.kind) {
	case NAME_PARAM:
		c = name.id < nargs ? args[name.id] : -1;
		break;
	case NAME_FIELD:
		c = class_of_field(t, name.id);
		break;
	case NAME_GLOBAL: {
		vc_name seed = { NAME_GLOBAL, 0, name.id };

		c = class_of_var(t, name.id, &seed);
		break;
	}
	default:
		c = result;
		break;
	}
	for (int d = 0; c >= 0 && d < name.depth; d++)
		c = class_pointee(t, c);
	return c < 0 || name.depth < 0 ? -1 : class_find(t, c);
}

int class_address(class_table *t, int pointee)
{
	int a = class_new(t);

	t->classes[a].pointee = class_find(t, pointee);
	return a;
}
