// SPDX-License-Identifier: GPL-2.0-only
/*
 * Check B: lazy-unmap lists and caches with no flush hook.
 *
 * A lazy-unmap list is where a function queues an address handed to it
 * instead of unmapping it: a global, or a field of an object that is not
 * its caller's (a list entry, a per-cpu slot).  Its purges are the unmaps
 * of addresses loaded from there.  The list is safe only if (1) pages
 * cannot be released while their mapping is queued (check A found no such
 * release: the mapping holds its pages, as with vmap_pages(), or the list
 * is purged first) and (2) a purge is reachable from a flush hook the rest
 * of the kernel can trigger (register_vmap_purge_notifier(), a shrinker,
 * an OOM notifier, a CPU-hotplug callback).
 *
 * Reachability uses the summaries: a function whose summary unmaps the
 * list's name reaches a purge.  Hook functions are those registered
 * directly, those stored into the registered object, and those in the
 * initializer of a registered global.  Within one translation unit (2) is
 * decided only when nothing on the way to a purge can be called from
 * elsewhere; vmapcheck-merge decides it over the whole build.
 */

#include "check-lazy.h"
#include "summary.h"

struct lazy_list {
	struct vc_name where;
	const struct fn *deferrer;
	vc_loc loc;
};

static bool effects_have(const effect_vec *v, struct vc_name n)
{
	for (int i = 0; i < v->n; i++)
		if (name_equal(v->v[i].name, n))
			return true;
	return false;
}

static bool defers_to(const effect_vec *v, struct vc_name where)
{
	for (int i = 0; i < v->n; i++)
		if (name_equal(v->v[i].where, where))
			return true;
	return false;
}

/* Does F (or a callee) unmap addresses taken from the list? */
static bool purges(const struct fn *f, struct vc_name where)
{
	return function_analysed(f) && effects_have(&f->sum.unmaps, where);
}

/* Do two object classes of (maybe) two functions denote the same object? */
static bool same_object(struct fn *f, int a, struct fn *g, int b)
{
	const name_vec *na, *nb;

	if (f == g)
		return class_find(&f->classes, a) == class_find(&g->classes, b);
	na = class_names(&f->classes, a);
	nb = class_names(&g->classes, b);
	for (int i = 0; i < na->n; i++)
		if (na->v[i].kind != NAME_PARAM && names_have(nb, na->v[i]))
			return true;
	return false;
}

/* Is a function registered as a flush hook, and does one reach a purge? */
static bool hook_reaches(struct fn *f, const struct event *hook, struct vc_name where)
{
	if (hook->callee >= 0)
		return purges(functions.v[hook->callee], where);
	if (hook->cls < 0)
		return false;
	/* Function pointers stored into the registered object. */
	for (int i = 0; i < functions.n; i++) {
		struct fn *g = functions.v[i];

		for (int k = 0; function_analysed(g) && k < g->events.n; k++) {
			const struct event *e = &g->events.v[k];

			if (e->kind == EV_FNSTORE && same_object(f, hook->cls, g, e->cls) &&
			    purges(functions.v[e->callee], where))
				return true;
		}
	}
	/* ... or in the initializer of a registered global. */
	const name_vec *names = class_names(&f->classes, hook->cls);
	for (int i = 0; i < names->n; i++) {
		if (names->v[i].kind != NAME_GLOBAL || names->v[i].depth)
			continue;
		for (int k = 0; k < initializers.n; k++)
			if (initializers.v[k].global == names->v[i].id &&
			    purges(functions.v[initializers.v[k].fn], where))
				return true;
	}
	return false;
}

static bool purge_reachable(struct vc_name where)
{
	for (int i = 0; i < functions.n; i++) {
		struct fn *f = functions.v[i];

		for (int k = 0; function_analysed(f) && k < f->events.n; k++)
			if (f->events.v[k].kind == EV_HOOK && hook_reaches(f, &f->events.v[k], where))
				return true;
	}
	return false;
}

/* Is the object of class C (in F) one that code elsewhere can see? */
static bool object_visible(struct fn *f, int c)
{
	if (class_names(&f->classes, c)->n)
		return true;	/* a global, a field, a parameter's */
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];

		for (int i = 0; e->kind == EV_CALL && i < e->nargs; i++) {
			int arg = f->args.v[e->first_arg + i];

			if (arg >= 0 && class_pointee(&f->classes, arg) == class_find(&f->classes, c))
				return true;
		}
	}
	return false;
}

/* Can code that is not analysed call FN: through its name or its address? */
static bool callable_from_outside(int fn)
{
	if (functions.v[fn]->external || functions.v[fn]->address_taken)
		return true;
	for (int i = 0; i < functions.n; i++) {
		struct fn *g = functions.v[i];

		for (int k = 0; function_analysed(g) && k < g->events.n; k++)
			if (g->events.v[k].kind == EV_FNSTORE && g->events.v[k].callee == fn &&
			    object_visible(g, g->events.v[k].cls))
				return true;
	}
	return false;
}

/* Could code outside what is analysed reach a purge (so no verdict on (2))? */
static bool purge_open_to_outside(struct vc_name where)
{
	for (int i = 0; i < functions.n; i++)
		if (purges(functions.v[i], where) && callable_from_outside(i))
			return true;
	return false;
}

/* An unmap of class C is a purge of the list: loaded from it, not handed in. */
static bool is_purge(struct fn *f, int c, struct vc_name where)
{
	const name_vec *names = class_names(&f->classes, c);

	if (!names_have(names, where))
		return false;
	for (int i = 0; i < names->n; i++)
		if (names->v[i].kind == NAME_PARAM && names->v[i].depth == 0)
			return false;
	return true;
}

/* Up to MAX_SITES events with a given relation to the list, for notes. */
static int list_sites(struct vc_name where, bool queue, vc_loc *loc, const char **fn)
{
	int n = 0;

	for (int i = 0; i < functions.n && n < MAX_SITES; i++) {
		struct fn *f = functions.v[i];

		for (int k = 0; function_analysed(f) && k < f->events.n && n < MAX_SITES; k++) {
			const struct event *e = &f->events.v[k];
			const struct fn *g = e->kind == EV_CALL ? functions.v[e->callee] : NULL;
			bool hit = queue ?
				g && function_analysed(g) && defers_to(&g->sum.defers, where) :
				e->kind == EV_UNMAP && is_purge(f, e->cls, where);

			if (hit) {
				loc[n] = e->loc;
				fn[n++] = f->name;
			}
		}
	}
	return n;
}

/* Is class C of F a mapping: the result of a map call, here or in a callee? */
static bool is_mapping(struct fn *f, int c)
{
	c = class_find(&f->classes, c);
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];
		const struct summary *s = callee_summary(e);
		bool maps = e->kind == EV_MAP;

		for (int i = 0; s && i < s->maps.n; i++)
			maps |= s->maps.v[i].holder.kind == NAME_RET;
		if (maps && e->cls >= 0 && class_find(&f->classes, e->cls) == c)
			return true;
	}
	return false;
}

/*
 * A place that parameters are stored into is a lazy-unmap list only if
 * mappings go there (a mapping is passed to the function that stores it)
 * or come out of it to be unmapped (a purge): constructors storing their
 * arguments into a new object are not.  Only an API that does nothing but
 * unmap says a purge: a vfree() or kvfree() of what comes out of a list
 * frees whatever was put there (list elements freed after RCU), mapped or
 * not.
 */
static bool holds_mappings(struct vc_name where)
{
	for (int i = 0; i < functions.n; i++) {
		struct fn *g = functions.v[i];

		for (int k = 0; function_analysed(g) && k < g->events.n; k++) {
			const struct event *e = &g->events.v[k];
			const struct summary *s = callee_summary(e);

			if (e->kind == EV_UNMAP && e->certain && is_purge(g, e->cls, where))
				return true;
			for (int d = 0; s && d < s->defers.n; d++) {
				int c = bind_name(g, e, s->defers.v[d].name);

				if (name_equal(s->defers.v[d].where, where) && c >= 0 &&
				    is_mapping(g, c))
					return true;
			}
		}
	}
	return false;
}

static const struct finding *release_while_queued(const finding_vec *releases,
						  struct vc_name where)
{
	for (int i = 0; i < releases->n; i++)
		if (name_equal(releases->v[i].defer_where, where))
			return &releases->v[i];
	return NULL;
}

static void check_list(const struct lazy_list *l, const finding_vec *releases,
		       bool whole_build, finding_vec *out)
{
	if (!holds_mappings(l->where))
		return;

	const struct finding *unprotected = release_while_queued(releases, l->where);
	bool no_hook = !purge_reachable(l->where) &&
		(whole_build || !purge_open_to_outside(l->where));
	struct finding r = { 0 };

	if (!unprotected && !no_hook)
		return;
	r.kind = FINDING_LAZY_LIST;
	r.loc = l->loc;
	r.function = l->deferrer->name;
	r.list = interned(l->where.id);
	r.defer_where.depth = -1;
	list_sites(l->where, true, r.queue_loc, r.queue_fn);
	list_sites(l->where, false, r.purge_loc, r.purge_fn);
	if (unprotected) {
		r.unprotected_loc = unprotected->loc;
		r.unprotected_fn = unprotected->function;
	}
	r.no_hook = no_hook;
	vec_push(*out, r);
}

void check_lazy_lists(const finding_vec *releases, bool whole_build, finding_vec *out)
{
	VEC(struct lazy_list) lists = { NULL, 0, 0 };

	for (int i = 0; i < functions.n; i++) {
		const struct fn *f = functions.v[i];

		for (int k = 0; function_analysed(f) && k < f->escapes.n; k++) {
			struct lazy_list l = { f->escapes.v[k].where, f, f->escapes.v[k].loc };
			int j;

			for (j = 0; j < lists.n; j++)
				if (name_equal(lists.v[j].where, l.where))
					break;
			if (j == lists.n)
				vec_push(lists, l);
		}
	}
	for (int i = 0; i < lists.n; i++)
		check_list(&lists.v[i], releases, whole_build, out);
	vec_free(lists);
}
