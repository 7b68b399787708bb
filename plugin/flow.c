// SPDX-License-Identifier: GPL-2.0-only
/*
 * The "may still be mapped" dataflow (see flow.h).
 *
 * Per instance: a forward analysis (generated at the map call, or live at
 * entry; killed by an unmap, on the edge where the mapping is NULL or its
 * helper's result says it failed, and for a mapping held in a field by
 * storing fresh pages) and a backward one (is an unmap still to come?).
 * Queueing the address for a deferred unmap does not kill.
 */

#include <string.h>

#include "flow.h"

static void set_add(struct fn *f, struct class_set *s, int c)
{
	if (c < 0)
		return;
	c = class_find(&f->classes, c);
	for (int i = 0; i < s->n; i++)
		if (s->c[i] == c)
			return;
	if (s->n < MAX_SET)
		s->c[s->n++] = c;
}

bool set_has(struct fn *f, const struct class_set *s, int c)
{
	if (c < 0)
		return false;
	c = class_find(&f->classes, c);
	for (int i = 0; i < s->n; i++)
		if (s->c[i] == c)
			return true;
	return false;
}

/* Is class C named by something the caller handed in or that outlives it? */
static bool from_outside(struct fn *f, int c)
{
	const name_vec *names = class_names(&f->classes, c);

	for (int i = 0; i < names->n; i++)
		if (name_is_entry_state(names->v[i]))
			return true;
	return false;
}

static bool pages_match(struct flow_context *cx, const struct instance *in, int c)
{
	if (in->pages.n)
		return set_has(cx->f, &in->pages, c);
	return from_outside(cx->f, c) && !set_has(cx->f, &cx->site_pages, c);
}

/* Does the callee of E have an effect in LIST on one of the classes in S? */
static bool callee_touches(struct fn *f, const struct event *e, const effect_vec *list,
			   const struct class_set *s)
{
	for (int i = 0; i < list->n; i++)
		if (set_has(f, s, bind_name(f, e, list->v[i].name)))
			return true;
	return false;
}

/* The effects of event K on IN; a callee's release site goes into FL. */
static unsigned event_effects(struct flow_context *cx, const struct instance *in, int k,
			      struct flow *fl)
{
	struct fn *f = cx->f;
	const struct event *e = &f->events.v[k];
	const struct summary *s;
	unsigned fx = k == in->site ? FX_GEN : 0;

	switch (e->kind) {
	case EV_UNMAP:
		if (set_has(f, &in->mapping, e->cls) && !(e->stale && in->site >= 0 && cx->leaving))
			fx |= FX_UNMAP;
		break;
	case EV_RELEASE:
		if (pages_match(cx, in, e->cls))
			fx |= FX_RELEASE;
		break;
	case EV_DEFER:
		if (set_has(f, &in->mapping, e->cls))
			fx |= FX_DEFER;
		break;
	case EV_STORE:
		if (in->site < 0 && (set_has(f, &in->pages, e->cls) ||
				     set_has(f, &in->arrays, e->cls)))
			fx |= FX_FRESH;
		break;
	case EV_CALL:
		if (!(s = callee_summary(cx->an, e)))
			break;
		if (callee_touches(f, e, &s->unmaps, &in->mapping))
			fx |= FX_UNMAP;
		/* An inferred mapping's pages are known only by a direct release. */
		for (int i = 0; in->pages.n && i < s->releases.n; i++) {
			int c = bind_name(f, e, s->releases.v[i].name);

			if (c >= 0 && pages_match(cx, in, c)) {
				fx |= FX_RELEASE;
				if (fl) {
					fl->release_loc.v[k] = s->releases.v[i].loc;
					fl->release_fn.v[k] = s->releases.v[i].via;
				}
			}
		}
		for (int i = 0; i < s->defers.n; i++) {
			if (set_has(f, &in->mapping, bind_name(f, e, s->defers.v[i].name))) {
				/* Queued on some path (unmapped only as a fallback): still mapped. */
				fx = (fx | FX_DEFER) & ~FX_UNMAP;
				if (fl)
					fl->defer_where.v[k] = s->defers.v[i].where;
			}
		}
		break;
	case EV_MAP:
	case EV_HOOK:
	case EV_FNSTORE:
	case EV_FREE:
		break;
	}
	return fx;
}

/* ----- building the instances ----- */

static struct instance new_instance(enum origin origin, int site, vc_loc map_loc,
				    const char *what)
{
	struct instance in;

	memset(&in, 0, sizeof(in));
	in.origin = origin;
	in.site = site;
	in.map_loc = map_loc;
	in.origin_loc = map_loc;
	in.result_cls = -1;
	in.what = what;
	return in;
}

/* Mappings made by the callee of event K: one instance per mapping. */
static void call_instances(struct flow_context *cx, int k)
{
	struct fn *f = cx->f;
	const struct event e = f->events.v[k];
	const struct summary *s = callee_summary(cx->an, &e);
	int first = cx->instances.n;

	if (!s)
		return;
	for (int i = 0; i < s->maps.n; i++) {
		const struct mapping_effect m = s->maps.v[i];
		int h = bind_name(f, &e, m.holder);
		int p = bind_name(f, &e, m.pages);
		struct vc_name array = m.pages;
		int j;

		if (h < 0 || p < 0)
			continue;
		/*
		 * Pairs of one mapping share a name (it is returned and kept in
		 * a field); a helper that maps twice gives unrelated pairs.
		 */
		for (j = first; j < cx->instances.n; j++)
			if (cx->instances.v[j].origin_loc == m.loc &&
			    (set_has(f, &cx->instances.v[j].mapping, h) ||
			     set_has(f, &cx->instances.v[j].pages, p)))
				break;
		if (j == cx->instances.n) {
			/* Out-parameters are named later, by what unmaps them. */
			struct instance in = new_instance(ORIGIN_SITE, k, e.loc,
							  m.holder.kind == NAME_RET ? e.what :
							  m.holder.kind == NAME_PARAM ? NULL : m.what);
			in.origin_loc = m.loc;
			in.origin_fn = m.via;
			in.owns_pages = m.owns_pages;
			in.result_cls = e.cls;
			in.fail_negative = m.fail_negative;
			vec_push(cx->instances, in);
		}
		set_add(f, &cx->instances.v[j].mapping, h);
		set_add(f, &cx->instances.v[j].pages, p);
		array.depth--;
		set_add(f, &cx->instances.v[j].arrays, bind_name(f, &e, array));
	}
}

/* A mapping queued on a list is the list's too: a purge of the list unmaps it. */
static void add_queue_classes(struct flow_context *cx, struct instance *in)
{
	struct fn *f = cx->f;

	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];
		const struct summary *s = callee_summary(cx->an, e);

		for (int i = 0; s && i < s->defers.n; i++)
			if (s->defers.v[i].where.depth >= 0 &&
			    set_has(f, &in->mapping, bind_name(f, e, s->defers.v[i].name)))
				set_add(f, &in->mapping, class_of_name(&f->classes,
								       s->defers.v[i].where,
								       NULL, 0, -1));
	}
}

void flow_site_instances(struct flow_context *cx)
{
	struct fn *f = cx->f;

	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];

		if (e->kind == EV_MAP && !e->counted) {
			struct instance in = new_instance(ORIGIN_SITE, k, e->loc, e->what);

			in.origin_fn = f->name;
			set_add(f, &in.mapping, e->cls);
			set_add(f, &in.pages, e->pages);
			set_add(f, &in.arrays, e->base);
			in.owns_pages = e->owns_pages;
			vec_push(cx->instances, in);
		} else if (e->kind == EV_CALL) {
			call_instances(cx, k);
		}
	}
	for (int i = 0; i < cx->instances.n; i++) {
		add_queue_classes(cx, &cx->instances.v[i]);
		for (int k = 0; k < cx->instances.v[i].pages.n; k++)
			set_add(f, &cx->site_pages, cx->instances.v[i].pages.c[k]);
	}
}

/* Does this function create the mapping at LOC, or write one into class C? */
static bool maps_here(struct flow_context *cx, vc_loc loc, int c)
{
	for (int i = 0; i < cx->instances.n; i++) {
		const struct instance *in = &cx->instances.v[i];

		if (in->origin == ORIGIN_SITE &&
		    (in->origin_loc == loc || set_has(cx->f, &in->mapping, c)))
			return true;
	}
	return false;
}

static bool unmaps_somewhere(struct flow_context *cx, const struct instance *in)
{
	for (int k = 0; k < cx->f->events.n; k++)
		if (event_effects(cx, in, k, NULL) & FX_UNMAP)
			return true;
	return false;
}

/*
 * "vunmap(vaddr)" of a parameter, in a function that releases the pages
 * of a field mapping: the caller may well have passed obj->vaddr.  Taking
 * it for an unmap of the field is the precise-first choice.
 */
static void add_handed_in_unmaps(struct flow_context *cx, struct instance *in)
{
	struct fn *f = cx->f;

	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];
		const name_vec *names;
		bool handed_in = false;

		if (e->kind != EV_UNMAP || !e->certain)
			continue;
		names = class_names(&f->classes, e->cls);
		for (int i = 0; i < names->n; i++)
			handed_in = names->v[i].kind == NAME_PARAM;
		if (handed_in && names->n == 1)
			set_add(f, &in->mapping, e->cls);
	}
}

/*
 * One instance per mapping kept in fields or globals: facts from the same
 * map call that share a holder or pages are one mapping under several
 * names ("ctx->rings" and "ctx->sq_array = rings + offset").
 */
static void fact_instances(struct flow_context *cx)
{
	struct fn *f = cx->f;
	int first = cx->instances.n;

	for (int i = 0; i < cx->an->facts.n; i++) {
		const struct mapping_effect *m = &cx->an->facts.v[i];
		int h = class_of_name(&f->classes, m->holder, NULL, 0, -1);
		int p = class_of_name(&f->classes, m->pages, NULL, 0, -1);
		struct vc_name array = m->pages;
		int j;

		if (h < 0 || p < 0 || maps_here(cx, m->loc, h))
			continue;
		for (j = first; j < cx->instances.n; j++)
			if (cx->instances.v[j].origin_loc == m->loc &&
			    (set_has(f, &cx->instances.v[j].mapping, h) ||
			     set_has(f, &cx->instances.v[j].pages, p)))
				break;
		if (j == cx->instances.n) {
			struct instance in = new_instance(ORIGIN_FACT, -1, m->loc, m->what);

			in.map_fn = strcmp(m->via, f->name) ? m->via : NULL;
			in.owns_pages = m->owns_pages;
			vec_push(cx->instances, in);
		}
		set_add(f, &cx->instances.v[j].mapping, h);
		set_add(f, &cx->instances.v[j].pages, p);
		array.depth--;
		set_add(f, &cx->instances.v[j].arrays,
			class_of_name(&f->classes, array, NULL, 0, -1));
	}
	for (int j = first; j < cx->instances.n; j++) {
		add_handed_in_unmaps(cx, &cx->instances.v[j]);
		add_queue_classes(cx, &cx->instances.v[j]);
		cx->instances.v[j].aware = unmaps_somewhere(cx, &cx->instances.v[j]);
	}
}

static bool is_fact_holder(const struct flow_context *cx, int c)
{
	const name_vec *names = class_names(&cx->f->classes, c);

	for (int i = 0; i < names->n; i++)
		for (int k = 0; k < cx->an->facts.n; k++)
			if (name_equal(names->v[i], cx->an->facts.v[k].holder))
				return true;
	return false;
}

/*
 * Is C a mapping made here or already inferred?  A fact instance that
 * took a handed-in unmap as its own (add_handed_in_unmaps()) does not
 * count: the pages handed in with it are no field's, and a helper that
 * releases them first must be judged as if it had no fact around.
 */
static bool known_mapping(struct flow_context *cx, int c)
{
	for (int i = 0; i < cx->instances.n; i++)
		if (cx->instances.v[i].origin != ORIGIN_FACT &&
		    set_has(cx->f, &cx->instances.v[i].mapping, c))
			return true;
	return false;
}

/* A mapping handed in and unmapped here: its pages are any from outside. */
static void inferred_instance(struct flow_context *cx, int c, const char *what)
{
	struct fn *f = cx->f;

	if (c < 0 || !from_outside(f, c) || known_mapping(cx, c) || is_fact_holder(cx, c))
		return;

	struct instance in = new_instance(ORIGIN_INFERRED, -1, NO_LOC, what);
	set_add(f, &in.mapping, c);
	in.aware = true;
	vec_push(cx->instances, in);
}

/* Can the function release pages at all, itself or through a callee? */
static bool may_release(const struct flow_context *cx)
{
	const struct fn *f = cx->f;

	for (int k = 0; k < f->events.n; k++) {
		const struct summary *s = callee_summary(cx->an, &f->events.v[k]);

		if (f->events.v[k].kind == EV_RELEASE || (s && s->releases.n))
			return true;
	}
	return false;
}

void flow_entry_instances(struct flow_context *cx)
{
	struct fn *f = cx->f;

	/* They only matter where pages are released. */
	if (!may_release(cx))
		return;
	fact_instances(cx);
	/*
	 * Only an API that does nothing but unmap, called here, says its
	 * operand is a mapping: a callee that unmaps and releases on its own
	 * (dma_free_coherent()) says nothing about what its caller holds.
	 */
	for (int k = 0; k < f->events.n; k++) {
		const struct event *e = &f->events.v[k];

		if (e->kind == EV_UNMAP && e->certain)
			inferred_instance(cx, e->cls, e->what);
	}
}

/* A mapping the source does not name here is called what unmaps it. */
void flow_name_instances(struct flow_context *cx)
{
	for (int i = 0; i < cx->instances.n; i++) {
		struct instance *in = &cx->instances.v[i];

		for (int k = 0; !in->what && k < cx->f->events.n; k++) {
			const struct event *e = &cx->f->events.v[k];

			if (e->kind == EV_UNMAP && set_has(cx->f, &in->mapping, e->cls))
				in->what = e->what;
		}
		if (!in->what)
			in->what = "the mapping";
	}
}

void flow_init(struct flow_context *cx, const struct analysis *an, struct fn *f)
{
	memset(cx, 0, sizeof(*cx));
	cx->an = an;
	cx->f = f;
}

void flow_release(struct flow_context *cx)
{
	vec_free(cx->instances);
}

/* ----- the analyses ----- */

unsigned char flow_transfer(const struct instance *in, unsigned fx, unsigned char st)
{
	if ((fx & FX_UNMAP) && !in->owns_pages)
		st = ENDED | UNMAPPED;
	if ((fx & FX_DEFER) && (st & LIVE))
		st |= DEFERRED;
	if (fx & FX_FRESH)
		st = ENDED | UNMAPPED;
	if (fx & FX_GEN)
		st = LIVE;
	return st;
}

static unsigned char block_out(const struct instance *in, const struct flow *fl,
			       const struct block *bl, unsigned char st)
{
	for (int k = bl->first_event; k < bl->first_event + bl->nevents; k++)
		st = flow_transfer(in, fl->fx.v[k], st);
	return st;
}

/* The state leaving along the edge to DEST, given the block's out-state. */
static unsigned char edge_state(struct flow_context *cx, const struct instance *in,
				const struct block *bl, int dest, unsigned char st)
{
	struct class_table *t = &cx->f->classes;

	if (dest != bl->fail_succ) {
		if (!bl->fail_int && set_has(cx->f, &in->mapping, bl->fail_cls) && (st & LIVE))
			return st | TESTED;
		return st;
	}
	if (!bl->fail_int && set_has(cx->f, &in->mapping, bl->fail_cls))
		return ENDED;
	if (bl->fail_int && in->fail_negative && in->result_cls >= 0 &&
	    class_find(t, bl->fail_cls) == class_find(t, in->result_cls))
		return ENDED;
	return st;
}

/* The sign of the block's value when entered from block PRED. */
static enum value_sign value_from(const struct fn *f, const struct block *bl, int pred)
{
	for (int i = bl->first_value; i < bl->first_value + bl->nvalues; i++)
		if (f->values.v[i].pred == pred || f->values.v[i].pred == -1)
			return f->values.v[i].sign;
	return SIGN_UNKNOWN;
}

/* Out-state towards DEST of a block testing a PHI flag: only matching edges in. */
static unsigned char flag_out(struct flow_context *cx, const struct instance *in,
			      const struct flow *fl, const struct block *bl, int dest)
{
	struct fn *f = cx->f;
	bool nonzero = dest == bl->flag_succ;
	unsigned char st = 0;

	for (int i = bl->first_pred; i < bl->first_pred + bl->npreds; i++) {
		int slot = f->preds.v[i];
		enum value_sign sign = value_from(f, bl, f->edge_src.v[slot]);

		if (sign == SIGN_UNKNOWN || (sign != SIGN_ZERO) == nonzero)
			st |= block_out(in, fl, bl, fl->edge.v[slot]);
	}
	return st;
}

static void forward(struct flow_context *cx, const struct instance *in, struct flow *fl)
{
	struct fn *f = cx->f;
	int_vec work = { NULL, 0, 0 };

	for (int b = f->blocks.n - 1; b >= 0; b--)
		vec_push(work, b);
	while (work.n) {
		int b = work.v[--work.n];
		const struct block *bl = &f->blocks.v[b];
		unsigned char st = b == MODEL_ENTRY_BLOCK && in->site < 0 ? LIVE : 0;

		for (int i = bl->first_pred; i < bl->first_pred + bl->npreds; i++)
			st |= fl->edge.v[f->preds.v[i]];
		fl->in.v[b] = st;

		unsigned char out = block_out(in, fl, bl, st);
		for (int i = 0; i < bl->nsuccs; i++) {
			int slot = bl->first_succ + i, dest = f->succs.v[slot];
			unsigned char e = bl->flag_succ >= 0 ? flag_out(cx, in, fl, bl, dest) : out;

			e = edge_state(cx, in, bl, dest, e);
			if ((fl->edge.v[slot] | e) != fl->edge.v[slot]) {
				fl->edge.v[slot] |= e;
				vec_push(work, dest);
			}
		}
	}
	vec_free(work);
}

/* N zeroed entries. */
#define vec_zeroed(a, count) \
	(vec_reserve(a, count), memset((a).v, 0, (count) * sizeof(*(a).v)), (a).n = (count))

bool flow_run(struct flow_context *cx, const struct instance *in, struct flow *fl,
	      bool need_release)
{
	struct fn *f = cx->f;
	int nev = f->events.n;
	bool any_release = false;

	memset(fl, 0, sizeof(*fl));
	vec_zeroed(fl->fx, nev);
	vec_zeroed(fl->release_loc, nev);
	vec_zeroed(fl->release_fn, nev);
	vec_zeroed(fl->defer_where, nev);
	for (int k = 0; k < nev; k++)
		fl->defer_where.v[k].depth = -1;
	for (int k = 0; k < nev; k++) {
		fl->fx.v[k] = event_effects(cx, in, k, fl);
		any_release |= fl->fx.v[k] & FX_RELEASE;
	}
	if (need_release && !any_release)
		return false;

	vec_zeroed(fl->edge, f->succs.n);
	vec_zeroed(fl->in, f->blocks.n);
	forward(cx, in, fl);
	return true;
}

static bool block_unmaps(const struct flow *fl, const struct block *bl)
{
	for (int k = bl->first_event; k < bl->first_event + bl->nevents; k++)
		if (fl->fx.v[k] & FX_UNMAP)
			return true;
	return false;
}

void flow_backward(struct flow_context *cx, struct flow *fl)
{
	struct fn *f = cx->f;

	vec_zeroed(fl->unmap_after, f->blocks.n);
	for (bool changed = true; changed;) {
		changed = false;
		for (int b = f->blocks.n - 1; b >= 0; b--) {
			const struct block *bl = &f->blocks.v[b];

			if (fl->unmap_after.v[b])
				continue;
			for (int i = 0; i < bl->nsuccs; i++) {
				int s = f->succs.v[bl->first_succ + i];

				if (fl->unmap_after.v[s] || block_unmaps(fl, &f->blocks.v[s])) {
					fl->unmap_after.v[b] = 1;
					changed = true;
					break;
				}
			}
		}
	}
}

bool flow_live_at_exit(const struct flow *fl)
{
	return fl->in.v[MODEL_EXIT_BLOCK] & LIVE;
}

bool flow_fails_negative(struct flow_context *cx, const struct instance *in,
			 const struct flow *fl)
{
	struct fn *f = cx->f;
	bool any = false;

	for (int b = 0; b < f->blocks.n; b++) {
		const struct block *bl = &f->blocks.v[b];

		if (!bl->returns)
			continue;
		if (!bl->nvalues)
			return false;
		for (int i = bl->first_value; i < bl->first_value + bl->nvalues; i++) {
			const struct edge_value *v = &f->values.v[i];
			const struct block *at = &f->blocks.v[v->block];
			unsigned char st = fl->in.v[v->block];

			/* The state where the value is chosen, and at the return. */
			for (int p = at->first_pred; v->pred >= 0 && p < at->first_pred + at->npreds; p++)
				if (f->edge_src.v[f->preds.v[p]] == v->pred)
					st = fl->edge.v[f->preds.v[p]];
			if (v->pred < 0)
				st = block_out(in, fl, at, st);
			if ((st & LIVE) && (fl->in.v[b] & LIVE) && v->sign != SIGN_ZERO)
				return false;
			any = true;
		}
	}
	return any;
}

void flow_free(struct flow *fl)
{
	vec_free(fl->fx);
	vec_free(fl->release_loc);
	vec_free(fl->release_fn);
	vec_free(fl->defer_where);
	vec_free(fl->edge);
	vec_free(fl->in);
	vec_free(fl->unmap_after);
}
