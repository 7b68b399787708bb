// SPDX-License-Identifier: GPL-2.0-only
/*
 * Function summaries and facts (see summary.h).
 */

#include "flow.h"
#include "summary.h"

static bool add_effect(effect_vec *v, struct effect eff)
{
	for (int i = 0; i < v->n; i++) {
		if (name_equal(v->v[i].name, eff.name)) {
			if (eff.certain && !v->v[i].certain) {
				v->v[i].certain = true;
				return true;
			}
			return false;
		}
	}
	vec_push(*v, eff);
	return true;
}

/* Add EFF once for every name of class C: how callers can see C. */
static bool export_class(struct fn *f, effect_vec *v, int c, struct effect eff)
{
	const name_vec *names = class_names(&f->classes, c);
	bool changed = false;

	for (int i = 0; i < names->n; i++) {
		eff.name = names->v[i];
		changed |= add_effect(v, eff);
	}
	return changed;
}

/*
 * An unmap of class C.  When C is a parameter that F queues on a list
 * (the fallback "if (!entry) vunmap(addr)"), C also has the list's name by
 * unification; that is not an unmap of what is on the list.
 */
static bool export_unmap(struct fn *f, int c, struct effect eff)
{
	const name_vec *names = class_names(&f->classes, c);
	bool changed = false;

	for (int i = 0; i < names->n; i++) {
		bool queued_param = false;

		for (int k = 0; k < f->escapes.n; k++)
			queued_param |= name_equal(f->escapes.v[k].where, names->v[i]) &&
				names_have(names, f->escapes.v[k].name);
		if (queued_param)
			continue;
		eff.name = names->v[i];
		changed |= add_effect(&f->sum.unmaps, eff);
	}
	return changed;
}

static bool add_mapping(mapping_vec *v, struct mapping_effect m)
{
	for (int i = 0; i < v->n; i++)
		if (name_equal(v->v[i].holder, m.holder) && name_equal(v->v[i].pages, m.pages))
			return false;
	vec_push(*v, m);
	return true;
}

static bool export_mapping(struct fn *f, int holder, const name_vec *pages,
			   struct mapping_effect m)
{
	const name_vec *hn = class_names(&f->classes, holder);
	bool changed = false;

	for (int i = 0; i < hn->n; i++) {
		for (int k = 0; k < pages->n; k++) {
			m.holder = hn->v[i];
			m.pages = pages->v[k];
			changed |= add_mapping(&f->sum.maps, m);
		}
	}
	return changed;
}

/*
 * Is object class OBJ of F the record a mapping of IN keeps of itself:
 * what a call given the mapping returns (find_vm_area(vaddr))?
 */
static bool mapping_record(struct fn *f, const struct instance *in, int obj)
{
	struct class_table *t = &f->classes;

	obj = class_find(t, obj);
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];
		int p;

		if (e->kind != EV_CALL || e->cls < 0 || (p = class_pointee(t, e->cls)) < 0 ||
		    class_find(t, p) != obj)
			continue;
		for (int i = 0; i < e->nargs; i++) {
			int arg = f->args.v[e->first_arg + i];

			if (arg >= 0 && set_has(f, &in->mapping, arg))
				return true;
		}
	}
	return false;
}

/*
 * Is array class C stored only into records of IN's mapping
 * ("find_vm_area(vaddr)->pages = pages", as dma_common_pages_remap()
 * does)?  Then its field names are the record's: they name the pages of
 * whichever mapping a record describes, and whoever releases pages
 * through a record has looked it up by that mapping, to take it down.
 */
static bool kept_in_records_only(struct fn *f, const struct instance *in, int c)
{
	struct class_table *t = &f->classes;
	bool kept = false;

	c = class_find(t, c);
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];

		if (e->kind != EV_STORE || e->pages < 0 || class_find(t, e->pages) != c)
			continue;
		if (e->base < 0 || !mapping_record(f, in, e->base))
			return false;
		kept = true;
	}
	return kept;
}

/*
 * How callers name the pages of IN: through the arrays handed to the map
 * call ("dic->tpages[]"), not every name their page pointers also have
 * (pages copied from another array share the element class), nor the
 * fields of the mapping's own record.
 */
static void page_names(struct fn *f, const struct instance *in, name_vec *out)
{
	for (int a = 0; a < in->arrays.n; a++) {
		/* First: looking for records makes classes, which moves names. */
		bool record = kept_in_records_only(f, in, in->arrays.c[a]);
		const name_vec *names = class_names(&f->classes, in->arrays.c[a]);

		for (int i = 0; i < names->n; i++) {
			struct vc_name n = names->v[i];

			if (record && n.kind == NAME_FIELD)
				continue;
			if (n.depth < NAME_MAX_DEPTH) {
				n.depth++;
				vec_push(*out, n);
			}
		}
	}
	for (int p = 0; !out->n && p < in->pages.n; p++) {
		const name_vec *names = class_names(&f->classes, in->pages.c[p]);

		for (int i = 0; i < names->n; i++)
			vec_push(*out, names->v[i]);
	}
}

/*
 * Pages the function stores itself (it allocated them) and releases on an
 * error path are its own: callers cannot have them mapped.
 */
static bool fresh_pages(struct fn *f, int pages)
{
	struct class_table *t = &f->classes;
	int c = class_find(t, pages);

	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];
		int stored, pointee;

		if (e->kind != EV_STORE)
			continue;
		stored = class_find(t, e->cls);
		pointee = t->classes.v[stored].pointee;
		if (stored == c || (pointee >= 0 && class_find(t, pointee) == c))
			return true;
	}
	return false;
}

/* Bring the effects of callee summary S, seen through call E, into F's. */
static bool import_list(struct fn *f, const struct event *e, effect_vec *into,
			const effect_vec *from)
{
	bool changed = false;
	/* Copy: binding may grow F's tables, and a recursive FROM is F's own. */
	effect_vec copy = { NULL, 0, 0 };

	for (int i = 0; i < from->n; i++)
		vec_push(copy, from->v[i]);
	for (int i = 0; i < copy.n; i++) {
		int c = bind_name(f, e, copy.v[i].name);

		if (c >= 0 && !(into == &f->sum.releases && fresh_pages(f, c)))
			changed |= export_class(f, into, c, copy.v[i]);
	}
	vec_free(copy);
	return changed;
}

/* Releases, unmaps and defers: a fixpoint over the analysed functions. */
static bool compute_effects(const struct analysis *an, struct fn *f)
{
	const fn_vec *fns = &an->prog->functions;
	bool changed = false;

	for (int i = 0; i < f->events.n; i++) {
		const struct event *e = &f->events.v[i];
		const struct summary *s;
		struct effect eff = { { 0, 0, 0 }, { NAME_RET, -1, 0 }, e->loc, f->name,
				       e->certain };

		switch (e->kind) {
		case EV_RELEASE:
			if (!fresh_pages(f, e->cls))
				changed |= export_class(f, &f->sum.releases, e->cls, eff);
			break;
		case EV_UNMAP:
			changed |= export_unmap(f, e->cls, eff);
			break;
		case EV_DEFER:
			changed |= export_class(f, &f->sum.defers, e->cls, eff);
			break;
		case EV_CALL:
			if (fns->v[e->callee] != f)
				fns->v[e->callee]->called = true;
			if (!(s = callee_summary(an, e)))
				break;
			changed |= import_list(f, e, &f->sum.releases, &s->releases);
			changed |= import_list(f, e, &f->sum.unmaps, &s->unmaps);
			changed |= import_list(f, e, &f->sum.defers, &s->defers);
			break;
		case EV_MAP:
		case EV_STORE:
		case EV_HOOK:
		case EV_FNSTORE:
		case EV_FREE:
			break;
		}
	}
	for (int i = 0; i < f->escapes.n; i++)
		changed |= add_effect(&f->sum.defers, f->escapes.v[i]);
	return changed;
}

/*
 * How other functions name a mapping this one made in a local and kept
 * in a field ("ctx->rings = rings"): by the field, not the local.
 */
static const char *kept_as(struct fn *f, const struct instance *in)
{
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];

		if (e->kind == EV_STORE && e->what && e->base >= 0 &&
		    set_has(f, &in->mapping, e->pages))
			return e->what;
	}
	return in->what;
}

/*
 * Mappings a function leaves behind: those still live when it returns, in
 * its result, an out-parameter, a field or a global.  Needs the effects
 * (an unmap in a callee ends a mapping) and the callees' mappings.  True
 * if it found one it did not know.
 */
static bool compute_maps(const struct analysis *an, struct fn *f)
{
	struct flow_context cx;
	bool changed = false;

	flow_init(&cx, an, f);
	cx.leaving = true;
	flow_site_instances(&cx);
	for (int i = 0; i < cx.instances.n; i++) {
		const struct instance *in = &cx.instances.v[i];
		struct flow fl;

		flow_run(&cx, in, &fl, false);
		if (flow_live_at_exit(&fl)) {
			struct mapping_effect m = { { 0, 0, 0 }, { 0, 0, 0 }, in->owns_pages,
						    flow_fails_negative(&cx, in, &fl),
						    in->origin_loc, in->origin_fn, kept_as(f, in) };

			name_vec pages = { NULL, 0, 0 };

			page_names(f, in, &pages);
			for (int h = 0; h < in->mapping.n; h++)
				changed |= export_mapping(f, in->mapping.c[h], &pages, m);
			vec_free(pages);
		}
		flow_free(&fl);
	}
	flow_release(&cx);
	return changed;
}

/*
 * Does F unmap the field N only as a destructor: each of its own unmaps
 * of N is of a field of an object that F frees ("vunmap(buf->vaddr);
 * ... kfree(buf)")?  Then no code can run F before it releases the
 * pages of that object.
 */
static bool destructor_unmap(struct fn *f, struct vc_name n)
{
	bool found = false;

	for (int k = 0; k < f->events.n; k++) {
		const struct event *u = &f->events.v[k];
		bool freed = false;

		if (u->kind != EV_UNMAP || !names_have(class_names(&f->classes, u->cls), n))
			continue;
		for (int j = 0; u->base >= 0 && j < f->events.n && !freed; j++)
			freed = f->events.v[j].kind == EV_FREE &&
				class_find(&f->classes, f->events.v[j].cls) ==
				class_find(&f->classes, u->base);
		if (!freed)
			return false;
		found = true;
	}
	return found;
}

/* What the analysis concludes: mappings held in fields or globals, and
   the fields and globals some function unmaps (not as a destructor). */
static void collect_facts(struct analysis *an)
{
	const fn_vec *fns = &an->prog->functions;

	for (int i = 0; i < an->members.n; i++) {
		struct fn *f = fns->v[an->members.v[i]];
		const mapping_vec *maps = &f->sum.maps;
		const effect_vec *unmaps = &f->sum.unmaps;

		for (int k = 0; k < unmaps->n; k++) {
			struct vc_name n = unmaps->v[k].name;

			if ((n.kind == NAME_FIELD || n.kind == NAME_GLOBAL) &&
			    !names_have(&an->unmapped, n) && !destructor_unmap(f, n))
				vec_push(an->unmapped, n);
		}
		for (int k = 0; k < maps->n; k++) {
			struct mapping_effect m = maps->v[k];

			if (m.holder.depth == 0 &&
			    (m.holder.kind == NAME_FIELD || m.holder.kind == NAME_GLOBAL) &&
			    (m.pages.kind == NAME_FIELD || m.pages.kind == NAME_GLOBAL))
				add_mapping(&an->facts, m);
		}
	}
}

static bool summarised(const struct analysis *an, const struct fn *f)
{
	return function_analysed(an, f) && !f->is_api;
}

/* The summarised callee of the call event K of F, or -1. */
static int summarised_callee(const struct analysis *an, const struct fn *f, int k)
{
	const fn_vec *fns = &an->prog->functions;
	const struct event *e = &f->events.v[k];

	return e->kind == EV_CALL && summarised(an, fns->v[e->callee]) ? e->callee : -1;
}

/*
 * The strongly connected components of the call graph of the summarised
 * functions (Tarjan's algorithm, without recursion: call chains of a
 * whole build are long), callees first: ORDER holds their functions,
 * component by component, each starting at an index in STARTS.
 */
struct components {
	VEC(int) order;
	VEC(int) starts;
};

static void call_graph_components(const struct analysis *an, struct components *out)
{
	const fn_vec *fns = &an->prog->functions;
	int n = an->members.n, next = 0;
	/* By member slot (fn->member). */
	int *index = (int *)vc_alloc(n * sizeof(int)), *low = (int *)vc_alloc(n * sizeof(int));
	bool *on_stack = (bool *)vc_alloc(n * sizeof(bool));
	VEC(int) stack = { NULL, 0, 0 };
	/* The depth-first walk: a member and the next event to look at. */
	struct frame { int v, k; };
	VEC(struct frame) walk = { NULL, 0, 0 };

	for (int i = 0; i < n; i++)
		index[i] = -1;
	for (int root = 0; root < n; root++) {
		if (index[root] >= 0 || !summarised(an, fns->v[an->members.v[root]]))
			continue;
		vec_push(walk, ((struct frame){ root, 0 }));
		index[root] = low[root] = next++;
		vec_push(stack, root);
		on_stack[root] = true;
		while (walk.n) {
			struct frame *fr = &vec_last(walk);
			const struct fn *f = fns->v[an->members.v[fr->v]];
			int v = fr->v, w = -1;

			while (fr->k < f->events.n && (w = summarised_callee(an, f, fr->k++)) < 0)
				;
			if (w >= 0)
				w = fns->v[w]->member;
			if (w >= 0 && index[w] < 0) {
				index[w] = low[w] = next++;
				vec_push(stack, w);
				on_stack[w] = true;
				vec_push(walk, ((struct frame){ w, 0 }));
				continue;
			}
			if (w >= 0) {
				if (on_stack[w] && index[w] < low[v])
					low[v] = index[w];
				continue;
			}
			/* V is done: the root of a component pops it. */
			if (low[v] == index[v]) {
				vec_push(out->starts, out->order.n);
				do {
					w = stack.v[--stack.n];
					on_stack[w] = false;
					vec_push(out->order, an->members.v[w]);
				} while (w != v);
			}
			walk.n--;
			if (walk.n && low[v] < low[vec_last(walk).v])
				low[vec_last(walk).v] = low[v];
		}
	}
	vc_free(index);
	vc_free(low);
	vc_free(on_stack);
	vec_free(stack);
	vec_free(walk);
}

/* Does the component of ORDER[FIRST, END) call itself? */
static bool recursive(const struct analysis *an, const struct components *c, int first,
		      int end)
{
	const fn_vec *fns = &an->prog->functions;
	const struct fn *f = fns->v[c->order.v[first]];

	if (end - first > 1)
		return true;
	for (int k = 0; k < f->events.n; k++)
		if (summarised_callee(an, f, k) == c->order.v[first])
			return true;
	return false;
}

/*
 * The effects of the component to a fixpoint, then the mappings it leaves
 * behind (which need the effects: an unmap in a callee ends a mapping),
 * again to a fixpoint; false if either did not settle.
 */
static bool settle(const struct analysis *an, const struct components *c, int first, int end)
{
	const fn_vec *fns = &an->prog->functions;
	bool again = recursive(an, c, first, end), effects = false;

	for (int round = 0; round < SUMMARY_ROUNDS && !effects; round++) {
		bool changed = false;

		for (int i = first; i < end; i++)
			changed |= compute_effects(an, fns->v[c->order.v[i]]);
		effects = !changed || !again;
	}
	for (int round = 0; round < SUMMARY_ROUNDS; round++) {
		bool changed = false;

		for (int i = first; i < end; i++)
			changed |= compute_maps(an, fns->v[c->order.v[i]]);
		if (!changed || !again)
			return effects;
	}
	return false;
}

/* The functions whose addresses the analysed code stores. */
static void mark_stored(struct analysis *an)
{
	const fn_vec *fns = &an->prog->functions;

	for (int i = 0; i < an->members.n; i++) {
		const struct fn *g = fns->v[an->members.v[i]];

		for (int k = 0; k < g->events.n; k++)
			if (g->events.v[k].kind == EV_FNSTORE)
				fns->v[g->events.v[k].callee]->stored = true;
	}
}

/*
 * What an earlier analysis left in the members: only members' summaries
 * and flags are read, so a function's are reset when it joins one.
 */
static void members_reset(struct analysis *an)
{
	const fn_vec *fns = &an->prog->functions;

	for (int i = 0; i < an->members.n; i++) {
		struct fn *f = fns->v[an->members.v[i]];

		summary_clear(&f->sum);
		f->member = i;
		f->called = false;
		f->stored = false;
	}
}

int summaries_compute(struct analysis *an, const char **unsettled)
{
	const fn_vec *fns = &an->prog->functions;
	struct components c = { { NULL, 0, 0 }, { NULL, 0, 0 } };
	int missed = 0;

	members_reset(an);
	call_graph_components(an, &c);
	vec_push(c.starts, c.order.n);
	/* Each component once its callees are final. */
	for (int s = 0; s + 1 < c.starts.n; s++) {
		int first = c.starts.v[s], end = c.starts.v[s + 1];

		if (!settle(an, &c, first, end) && !missed++ && unsettled)
			*unsettled = fns->v[c.order.v[first]]->name;
	}
	vec_free(c.order);
	vec_free(c.starts);
	collect_facts(an);
	mark_stored(an);
	return missed;
}

static void dump_name(FILE *out, struct vc_name n)
{
	switch (n.kind) {
	case NAME_PARAM:
		fprintf(out, " param%d@%d", n.id, n.depth);
		break;
	case NAME_FIELD:
		fprintf(out, " field:%s@%d", interned(n.id), n.depth);
		break;
	case NAME_GLOBAL:
		fprintf(out, " global:%s@%d", interned(n.id), n.depth);
		break;
	default:
		fprintf(out, " return@%d", n.depth);
		break;
	}
}

static void dump_effects(FILE *out, const char *what, const effect_vec *v)
{
	if (!v->n)
		return;
	fprintf(out, "  %s:", what);
	for (int i = 0; i < v->n; i++)
		dump_name(out, v->v[i].name);
	fputc('\n', out);
}

void summaries_dump(const struct analysis *an, FILE *out)
{
	const fn_vec *fns = &an->prog->functions;

	for (int i = 0; i < an->members.n; i++) {
		const struct fn *f = fns->v[an->members.v[i]];

		if (f->is_api)
			continue;
		fprintf(out, "vmapcheck: summary of %s (%d events)\n", f->name, f->events.n);
		dump_effects(out, "releases", &f->sum.releases);
		dump_effects(out, "unmaps", &f->sum.unmaps);
		dump_effects(out, "defers", &f->sum.defers);
		for (int k = 0; k < f->sum.maps.n; k++) {
			fprintf(out, "  maps:");
			dump_name(out, f->sum.maps.v[k].holder);
			fprintf(out, " ->");
			dump_name(out, f->sum.maps.v[k].pages);
			fputc('\n', out);
		}
	}
	for (int i = 0; i < an->facts.n; i++) {
		fprintf(out, "vmapcheck: fact");
		dump_name(out, an->facts.v[i].holder);
		fprintf(out, " maps");
		dump_name(out, an->facts.v[i].pages);
		fputc('\n', out);
	}
}
