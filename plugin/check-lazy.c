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

#include <stdio.h>
#include <string.h>

#include "checks.h"
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
static bool purges(const struct analysis *an, const struct fn *f, struct vc_name where)
{
	return function_analysed(an, f) && effects_have(&f->sum.unmaps, where);
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
static bool hook_reaches(const struct analysis *an, struct fn *f, const struct event *hook,
			struct vc_name where)
{
	const fn_vec *fns = &an->prog->functions;
	const initializer_vec *inits = &an->prog->initializers;
	struct fn *g;

	if (hook->callee >= 0)
		return purges(an, fns->v[hook->callee], where);
	if (hook->cls < 0)
		return false;
	/* Function pointers stored into the registered object. */
	for_each_member(an, i, g) {
		for (int k = 0; k < g->events.n; k++) {
			const struct event *e = &g->events.v[k];

			if (e->kind == EV_FNSTORE && same_object(f, hook->cls, g, e->cls) &&
			    purges(an, fns->v[e->callee], where))
				return true;
		}
	}
	/* ... or in the initializer of a registered global. */
	const name_vec *names = class_names(&f->classes, hook->cls);
	for (int i = 0; i < names->n; i++) {
		if (names->v[i].kind != NAME_GLOBAL || names->v[i].depth)
			continue;
		for (int k = 0; k < inits->n; k++)
			if (inits->v[k].global == names->v[i].id &&
			    purges(an, fns->v[inits->v[k].fn], where))
				return true;
	}
	return false;
}

static bool purge_reachable(const struct analysis *an, struct vc_name where)
{
	struct fn *f;

	for_each_member(an, i, f) {
		for (int k = 0; k < f->events.n; k++)
			if (f->events.v[k].kind == EV_HOOK &&
			    hook_reaches(an, f, &f->events.v[k], where))
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
static bool callable_from_outside(const struct analysis *an, int fn)
{
	const fn_vec *fns = &an->prog->functions;

	struct fn *g;

	if (fns->v[fn]->external || fns->v[fn]->address_taken)
		return true;
	for_each_member(an, i, g) {
		for (int k = 0; k < g->events.n; k++)
			if (g->events.v[k].kind == EV_FNSTORE && g->events.v[k].callee == fn &&
			    object_visible(g, g->events.v[k].cls))
				return true;
	}
	return false;
}

/* Could code outside what is analysed reach a purge (so no verdict on (2))? */
static bool purge_open_to_outside(const struct analysis *an, struct vc_name where)
{
	const struct fn *f;

	for_each_member(an, i, f)
		if (purges(an, f, where) && callable_from_outside(an, an->members.v[i]))
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
static int list_sites(const struct analysis *an, struct vc_name where, bool queue, vc_loc *loc,
		      const char **fn)
{
	const fn_vec *fns = &an->prog->functions;
	struct fn *f;
	int n = 0;

	for_each_member(an, i, f) {
		for (int k = 0; k < f->events.n && n < MAX_SITES; k++) {
			const struct event *e = &f->events.v[k];
			const struct fn *g = e->kind == EV_CALL ? fns->v[e->callee] : NULL;
			bool hit = queue ?
				g && function_analysed(an, g) && defers_to(&g->sum.defers, where) :
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
static bool is_mapping(const struct analysis *an, struct fn *f, int c)
{
	c = class_find(&f->classes, c);
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];
		const struct summary *s = callee_summary(an, e);
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
 * not.  Into OUT, the places that hold mappings, in one pass over the
 * analysed code (a whole build has thousands of candidate places).
 */
static void places_holding_mappings(const struct analysis *an, name_vec *out)
{
	struct fn *g;

	for_each_member(an, i, g) {
		for (int k = 0; k < g->events.n; k++) {
			const struct event *e = &g->events.v[k];
			const struct summary *s = callee_summary(an, e);

			if (e->kind == EV_UNMAP && e->certain) {
				const name_vec *names = class_names(&g->classes, e->cls);

				for (int n = 0; n < names->n; n++)
					if (is_purge(g, e->cls, names->v[n]) &&
					    !names_have(out, names->v[n]))
						vec_push(*out, names->v[n]);
			}
			for (int d = 0; s && d < s->defers.n; d++) {
				int c = bind_name(g, e, s->defers.v[d].name);

				if (c >= 0 && !names_have(out, s->defers.v[d].where) &&
				    is_mapping(an, g, c))
					vec_push(*out, s->defers.v[d].where);
			}
		}
	}
}

/* Check A's finding of a release while a mapping waits on the list. */
static const struct finding *release_while_queued(const finding_vec *found,
						  struct vc_name where)
{
	for (int i = 0; i < found->n; i++)
		if (found->v[i].check == CHECK_RELEASE_WHILE_MAPPED &&
		    name_equal(found->v[i].release.defer_where, where))
			return &found->v[i];
	return NULL;
}

static void check_list(const struct check_run *run, const struct lazy_list *l, finding_vec *out)
{
	const struct analysis *an = run->an;
	const struct finding *unprotected = release_while_queued(out, l->where);
	bool no_hook = !purge_reachable(an, l->where) &&
		(run->whole_build || !purge_open_to_outside(an, l->where));
	struct finding found;
	struct lazy_finding *r = &found.lazy;

	if (!unprotected && !no_hook)
		return;
	memset(&found, 0, sizeof(found));
	found.check = CHECK_LAZY_UNMAP_NO_FLUSH;
	found.loc = l->loc;
	found.function = l->deferrer->name;
	r->list = interned(l->where.id);
	list_sites(an, l->where, true, r->queue_loc, r->queue_fn);
	list_sites(an, l->where, false, r->purge_loc, r->purge_fn);
	if (unprotected) {
		r->unprotected_loc = unprotected->loc;
		r->unprotected_fn = unprotected->function;
	}
	r->no_hook = no_hook;
	vec_push(*out, found);
}

/* The lists the analysed functions fill; OUT has check A's findings. */
static void lazy_run(const struct check_run *run, finding_vec *out)
{
	const struct analysis *an = run->an;
	VEC(struct lazy_list) lists = { NULL, 0, 0 };
	name_vec mapped = { NULL, 0, 0 };
	const struct fn *f;

	for_each_member(an, i, f) {
		for (int k = 0; k < f->escapes.n; k++) {
			struct lazy_list l = { f->escapes.v[k].where, f, f->escapes.v[k].loc };
			int j;

			for (j = 0; j < lists.n; j++)
				if (name_equal(lists.v[j].where, l.where))
					break;
			if (j == lists.n)
				vec_push(lists, l);
		}
	}
	if (lists.n)
		places_holding_mappings(an, &mapped);
	for (int i = 0; i < lists.n; i++)
		if (names_have(&mapped, lists.v[i].where))
			check_list(run, &lists.v[i], out);
	vec_free(lists);
	vec_free(mapped);
}

/* ----- the words ----- */

static int lazy_messages(const struct finding *f, const struct words *w,
			 struct message *out)
{
	const struct lazy_finding *r = &f->lazy;
	struct message *m = out;
	const char *why = r->unprotected_loc != NO_LOC && r->no_hook ?
		"their pages are released while they are queued, and no flush hook "
		"drains the list" :
		r->unprotected_loc != NO_LOC ? "their pages are released while they are queued" :
		"no flush hook drains the list";

	m = say(m, false, f->loc, "'%s' queues mappings on the lazy-unmap list '%s' "
		"instead of unmapping them; %s", f->function, r->list, why);
	for (int i = 0; i < MAX_SITES && r->queue_loc[i] != NO_LOC; i++)
		m = say(m, true, r->queue_loc[i], "a mapping is queued here, in '%s'",
			r->queue_fn[i]);
	for (int i = 0; i < MAX_SITES && r->purge_loc[i] != NO_LOC; i++)
		m = say(m, true, r->purge_loc[i], "the list is purged here, in '%s'",
			r->purge_fn[i]);
	if (r->purge_loc[0] == NO_LOC)
		m = say(m, true, f->loc, "nothing unmaps the addresses on '%s'", r->list);
	if (r->unprotected_loc != NO_LOC)
		m = say(m, true, r->unprotected_loc, "pages of a queued mapping are released "
			"here, in '%s', while it is still on the list", r->unprotected_fn);
	if (r->no_hook)
		m = say(m, true, r->purge_loc[0] != NO_LOC ? r->purge_loc[0] : f->loc,
			"no flush hook reaches a purge of '%s': no vmap purge notifier, "
			"shrinker, OOM notifier or CPU-hotplug callback leads here", r->list);
	if (r->unprotected_loc != NO_LOC)
		m = say(m, true, f->loc, "fix: map with '%s' and unmap with '%s' so that "
			"queued mappings hold their pages%s%s%s", w->counted_map,
			w->counted_unmap, r->no_hook ? ", and drain the list from a flush "
			"hook such as '" : "", r->no_hook ? w->hook : "", r->no_hook ? "'" : "");
	else
		m = say(m, true, f->loc, "fix: drain the list from a flush hook such as '%s'",
			w->hook);
	return m - out;
}

static void lazy_help(const struct words *w, char *buf, size_t size)
{
	snprintf(buf, size, "A driver that queues its mappings on a list of its own, to "
		 "unmap them later, keeps aliases the kernel cannot reach: the vmap "
		 "layer's purge does not see them.  Each queued mapping must hold its "
		 "pages (map with '%s' and unmap with '%s'), and the list must be "
		 "drained from a flush hook the rest of the kernel can trigger, such "
		 "as '%s', or a shrinker.", w->counted_map, w->counted_unmap, w->hook);
}

const struct check check_lazy_unmap_no_flush = {
	.id = "lazy-unmap-no-flush",
	.title = "mappings queued on a lazy-unmap list that is not safe: their pages "
		 "can be released while queued, or no flush hook drains it",
	.help = lazy_help,
	.run = lazy_run,
	.messages = lazy_messages,
};
