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

#include "flow.h"
#include "summary.h"

static void set_add(fn *f, class_set *s, int c)
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

bool set_has(fn *f, const class_set *s, int c)
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
static bool from_outside(fn *f, int c)
{
	const vec<vc_name> &names = class_names(&f->classes, c);

	for (unsigned i = 0; i < names.length(); i++)
		if (name_is_entry_state(names[i]))
			return true;
	return false;
}

static bool pages_match(flow_context *cx, const instance *in, int c)
{
	if (in->pages.n)
		return set_has(cx->f, &in->pages, c);
	return from_outside(cx->f, c) && !set_has(cx->f, &cx->site_pages, c);
}

/* The effects of event K on IN; a callee's release site goes into FL. */
static unsigned event_effects(flow_context *cx, const instance *in, int k, flow *fl)
{
	fn *f = cx->f;
	const event e = f->events[k];
	const summary *s;
	unsigned fx = k == in->site ? FX_GEN : 0;

	switch (e.kind) {
	case EV_UNMAP:
		if (set_has(f, &in->mapping, e.cls))
			fx |= FX_UNMAP;
		break;
	case EV_RELEASE:
		if (pages_match(cx, in, e.cls))
			fx |= FX_RELEASE;
		break;
	case EV_DEFER:
		if (set_has(f, &in->mapping, e.cls))
			fx |= FX_DEFER;
		break;
	case EV_STORE:
		if (in->site < 0 && (set_has(f, &in->pages, e.cls) ||
				     set_has(f, &in->arrays, e.cls)))
			fx |= FX_FRESH;
		break;
	case EV_CALL:
		if (!(s = callee_summary(e)))
			break;
		for (unsigned i = 0; i < s->unmaps.length(); i++)
			if (set_has(f, &in->mapping, bind_name(f, e, s->unmaps[i].name)))
				fx |= FX_UNMAP;
		for (unsigned i = 0; i < s->releases.length(); i++) {
			int c = bind_name(f, e, s->releases[i].name);

			if (c >= 0 && pages_match(cx, in, c)) {
				fx |= FX_RELEASE;
				if (fl) {
					fl->release_loc[k] = s->releases[i].loc;
					fl->release_fn[k] = s->releases[i].via;
				}
			}
		}
		for (unsigned i = 0; i < s->defers.length(); i++)
			if (set_has(f, &in->mapping, bind_name(f, e, s->defers[i].name)))
				fx |= FX_DEFER;
		/* Queued on some path (unmapped only as a fallback): still mapped. */
		if (fx & FX_DEFER)
			fx &= ~FX_UNMAP;
		break;
	case EV_MAP:
		break;
	}
	return fx;
}

/* ----- building the instances ----- */

static instance new_instance(enum origin origin, int site, location_t map_loc,
			     const char *what)
{
	instance in = {};

	in.origin = origin;
	in.site = site;
	in.map_loc = map_loc;
	in.origin_loc = map_loc;
	in.result_cls = -1;
	in.what = what;
	return in;
}

/* Mappings made by the callee of event K: one instance per map site. */
static void call_instances(flow_context *cx, int k)
{
	fn *f = cx->f;
	const event e = f->events[k];
	const summary *s = callee_summary(e);
	unsigned first = cx->instances.length();

	if (!s)
		return;
	for (unsigned i = 0; i < s->maps.length(); i++) {
		const mapping_effect m = s->maps[i];
		int h = bind_name(f, e, m.holder);
		int p = bind_name(f, e, m.pages);
		unsigned j;

		if (h < 0 || p < 0)
			continue;
		for (j = first; j < cx->instances.length(); j++)
			if (cx->instances[j].origin_loc == m.loc)
				break;
		if (j == cx->instances.length()) {
			/* Out-parameters are named later, by what unmaps them. */
			instance in = new_instance(ORIGIN_SITE, k, e.loc,
						   m.holder.kind == NAME_RET ? e.what :
						   m.holder.kind == NAME_PARAM ? NULL : m.what);
			in.origin_loc = m.loc;
			in.origin_fn = m.via;
			in.owns_pages = m.owns_pages;
			in.result_cls = e.cls;
			in.fail_negative = m.fail_negative;
			cx->instances.safe_push(in);
		}
		set_add(f, &cx->instances[j].mapping, h);
		set_add(f, &cx->instances[j].pages, p);
	}
}

void flow_site_instances(flow_context *cx)
{
	fn *f = cx->f;

	for (unsigned k = 0; k < f->events.length(); k++) {
		const event &e = f->events[k];

		if (e.kind == EV_MAP) {
			instance in = new_instance(ORIGIN_SITE, k, e.loc, e.what);

			in.origin_fn = f->name;
			set_add(f, &in.mapping, e.cls);
			set_add(f, &in.pages, e.pages);
			in.owns_pages = e.owns_pages;
			cx->instances.safe_push(in);
		} else if (e.kind == EV_CALL) {
			call_instances(cx, k);
		}
	}
	for (unsigned i = 0; i < cx->instances.length(); i++)
		for (int k = 0; k < cx->instances[i].pages.n; k++)
			set_add(f, &cx->site_pages, cx->instances[i].pages.c[k]);
}

/* Does this function create the mapping at LOC, or write one into class C? */
static bool maps_here(flow_context *cx, location_t loc, int c)
{
	for (unsigned i = 0; i < cx->instances.length(); i++) {
		const instance &in = cx->instances[i];

		if (in.origin == ORIGIN_SITE &&
		    (in.origin_loc == loc || set_has(cx->f, &in.mapping, c)))
			return true;
	}
	return false;
}

static bool unmaps_somewhere(flow_context *cx, const instance *in)
{
	for (unsigned k = 0; k < cx->f->events.length(); k++)
		if (event_effects(cx, in, k, NULL) & FX_UNMAP)
			return true;
	return false;
}

/* One instance per field or global the unit maps, with all its pages. */
static void fact_instances(flow_context *cx)
{
	fn *f = cx->f;

	for (unsigned i = 0; i < unit_facts.length(); i++) {
		const mapping_effect &m = unit_facts[i];
		int h = class_of_name(&f->classes, m.holder, NULL, 0, -1);
		unsigned j;

		if (h < 0 || maps_here(cx, m.loc, h))
			continue;
		for (j = 0; j < i; j++)
			if (name_equal(unit_facts[j].holder, m.holder))
				break;
		if (j < i)
			continue;

		instance in = new_instance(ORIGIN_FACT, -1, m.loc, m.what);
		in.map_fn = strcmp(m.via, f->name) ? m.via : NULL;
		set_add(f, &in.mapping, h);
		for (unsigned k = i; k < unit_facts.length(); k++) {
			vc_name array = unit_facts[k].pages;

			if (!name_equal(unit_facts[k].holder, m.holder))
				continue;
			set_add(f, &in.pages, class_of_name(&f->classes, array, NULL, 0, -1));
			array.depth--;
			set_add(f, &in.arrays, class_of_name(&f->classes, array, NULL, 0, -1));
		}
		in.aware = unmaps_somewhere(cx, &in);
		cx->instances.safe_push(in);
	}
}

static bool is_fact_holder(fn *f, int c)
{
	const vec<vc_name> &names = class_names(&f->classes, c);

	for (unsigned i = 0; i < names.length(); i++)
		for (unsigned k = 0; k < unit_facts.length(); k++)
			if (name_equal(names[i], unit_facts[k].holder))
				return true;
	return false;
}

static bool known_mapping(flow_context *cx, int c)
{
	for (unsigned i = 0; i < cx->instances.length(); i++)
		if (set_has(cx->f, &cx->instances[i].mapping, c))
			return true;
	return false;
}

/* A mapping handed in and unmapped here: its pages are any from outside. */
static void inferred_instance(flow_context *cx, int c, const char *what)
{
	fn *f = cx->f;

	if (c < 0 || !from_outside(f, c) || known_mapping(cx, c) || is_fact_holder(f, c))
		return;

	instance in = new_instance(ORIGIN_INFERRED, -1, UNKNOWN_LOCATION, what);
	set_add(f, &in.mapping, c);
	in.aware = true;
	cx->instances.safe_push(in);
}

/* A mapping the source does not name here is called what unmaps it. */
static void name_instance(flow_context *cx, instance *in)
{
	for (unsigned k = 0; !in->what && k < cx->f->events.length(); k++) {
		const event &e = cx->f->events[k];

		if (e.kind == EV_UNMAP && set_has(cx->f, &in->mapping, e.cls))
			in->what = e.what;
	}
	if (!in->what)
		in->what = "the mapping";
}

/* Can the function release pages at all, itself or through a callee? */
static bool may_release(const fn *f)
{
	for (unsigned k = 0; k < f->events.length(); k++) {
		const summary *s = callee_summary(f->events[k]);

		if (f->events[k].kind == EV_RELEASE || (s && !s->releases.is_empty()))
			return true;
	}
	return false;
}

void flow_entry_instances(flow_context *cx)
{
	fn *f = cx->f;

	/* They only matter where pages are released. */
	if (!may_release(f))
		return;
	fact_instances(cx);
	/* Only APIs that do nothing but unmap say their operand is a mapping. */
	for (unsigned k = 0; k < f->events.length(); k++) {
		const event e = f->events[k];
		const summary *s = callee_summary(e);

		if (e.kind == EV_UNMAP && e.certain)
			inferred_instance(cx, e.cls, e.what);
		for (unsigned i = 0; s && i < s->unmaps.length(); i++)
			if (s->unmaps[i].certain)
				inferred_instance(cx, bind_name(f, e, s->unmaps[i].name), NULL);
	}
}

void flow_name_instances(flow_context *cx)
{
	for (unsigned i = 0; i < cx->instances.length(); i++)
		name_instance(cx, &cx->instances[i]);
}

void flow_init(flow_context *cx, fn *f)
{
	cx->f = f;
	cx->instances = vNULL;
	cx->site_pages.n = 0;
}

void flow_release(flow_context *cx)
{
	cx->instances.release();
}

/* ----- the analyses ----- */

unsigned char flow_transfer(const instance *in, unsigned fx, unsigned char st)
{
	if ((fx & FX_UNMAP) && !in->owns_pages)
		st = 0;
	if ((fx & FX_DEFER) && (st & LIVE))
		st |= DEFERRED;
	if (fx & FX_FRESH)
		st = 0;
	if (fx & FX_GEN)
		st = LIVE;
	return st;
}

static unsigned char block_out(const instance *in, const flow *fl, const block &bl,
			       unsigned char st)
{
	for (int k = bl.first_event; k < bl.first_event + bl.nevents; k++)
		st = flow_transfer(in, fl->fx[k], st);
	return st;
}

/* The state leaving along the edge to DEST, given the block's out-state. */
static unsigned char edge_state(flow_context *cx, const instance *in, const block &bl,
				int dest, unsigned char st)
{
	fn *f = cx->f;

	if (dest != bl.fail_succ)
		return st;
	if (!bl.fail_int && set_has(f, &in->mapping, bl.fail_cls))
		return 0;
	if (bl.fail_int && in->fail_negative && in->result_cls >= 0 &&
	    class_find(&f->classes, bl.fail_cls) == class_find(&f->classes, in->result_cls))
		return 0;
	return st;
}

/* The sign of the block's value when entered from block PRED. */
static enum value_sign value_from(const fn *f, const block &bl, int pred)
{
	for (int i = bl.first_value; i < bl.first_value + bl.nvalues; i++)
		if (f->values[i].pred == pred || f->values[i].pred == -1)
			return f->values[i].sign;
	return SIGN_UNKNOWN;
}

/* Out-state towards DEST of a block testing a PHI flag: only the matching edges in. */
static unsigned char flag_out(flow_context *cx, const instance *in, const flow *fl,
			      const block &bl, int dest)
{
	fn *f = cx->f;
	bool nonzero = dest == bl.flag_succ;
	unsigned char st = 0;

	for (int i = bl.first_pred; i < bl.first_pred + bl.npreds; i++) {
		int slot = f->preds[i];
		enum value_sign sign = value_from(f, bl, f->edge_src[slot]);

		if (sign == SIGN_UNKNOWN || (sign != SIGN_ZERO) == nonzero)
			st |= block_out(in, fl, bl, fl->edge[slot]);
	}
	return st;
}

static void forward(flow_context *cx, const instance *in, flow *fl)
{
	fn *f = cx->f;
	auto_vec<int> work;

	for (int b = f->blocks.length() - 1; b >= 0; b--)
		work.safe_push(b);
	while (!work.is_empty()) {
		int b = work.pop();
		const block &bl = f->blocks[b];
		unsigned char st = b == ENTRY_BLOCK && in->site < 0 ? LIVE : 0;

		for (int i = bl.first_pred; i < bl.first_pred + bl.npreds; i++)
			st |= fl->edge[f->preds[i]];
		fl->in[b] = st;

		unsigned char out = block_out(in, fl, bl, st);
		for (int i = 0; i < bl.nsuccs; i++) {
			int slot = bl.first_succ + i, dest = f->succs[slot];
			unsigned char e = bl.flag_succ >= 0 ? flag_out(cx, in, fl, bl, dest) : out;

			e = edge_state(cx, in, bl, dest, e);
			if ((fl->edge[slot] | e) != fl->edge[slot]) {
				fl->edge[slot] |= e;
				work.safe_push(dest);
			}
		}
	}
}

bool flow_run(flow_context *cx, const instance *in, flow *fl, bool need_release)
{
	fn *f = cx->f;
	unsigned nev = f->events.length();
	bool any_release = false;

	fl->fx = vNULL;
	fl->release_loc = vNULL;
	fl->release_fn = vNULL;
	fl->edge = vNULL;
	fl->in = vNULL;
	fl->unmap_after = vNULL;
	fl->fx.safe_grow_cleared(nev);
	fl->release_loc.safe_grow_cleared(nev);
	fl->release_fn.safe_grow_cleared(nev);
	for (unsigned k = 0; k < nev; k++) {
		fl->fx[k] = event_effects(cx, in, k, fl);
		any_release |= fl->fx[k] & FX_RELEASE;
	}
	if (need_release && !any_release)
		return false;

	fl->edge.safe_grow_cleared(f->succs.length());
	fl->in.safe_grow_cleared(f->blocks.length());
	forward(cx, in, fl);
	return true;
}

static bool block_unmaps(const flow *fl, const block &bl)
{
	for (int k = bl.first_event; k < bl.first_event + bl.nevents; k++)
		if (fl->fx[k] & FX_UNMAP)
			return true;
	return false;
}

void flow_backward(flow_context *cx, flow *fl)
{
	fn *f = cx->f;

	fl->unmap_after.safe_grow_cleared(f->blocks.length());
	for (bool changed = true; changed;) {
		changed = false;
		for (int b = f->blocks.length() - 1; b >= 0; b--) {
			const block &bl = f->blocks[b];

			if (fl->unmap_after[b])
				continue;
			for (int i = 0; i < bl.nsuccs; i++) {
				int s = f->succs[bl.first_succ + i];

				if (fl->unmap_after[s] || block_unmaps(fl, f->blocks[s])) {
					fl->unmap_after[b] = 1;
					changed = true;
					break;
				}
			}
		}
	}
}

bool flow_live_at_exit(flow_context *cx, const flow *fl)
{
	return fl->in[EXIT_BLOCK] & LIVE;
}

bool flow_fails_negative(flow_context *cx, const instance *in, const flow *fl)
{
	fn *f = cx->f;
	bool any = false;

	for (unsigned b = 0; b < f->blocks.length(); b++) {
		const block &bl = f->blocks[b];

		if (!bl.returns)
			continue;
		if (!bl.nvalues)
			return false;
		for (int i = bl.first_value; i < bl.first_value + bl.nvalues; i++) {
			const edge_value &v = f->values[i];
			unsigned char st = fl->in[b];

			for (int p = bl.first_pred; v.pred >= 0 && p < bl.first_pred + bl.npreds; p++)
				if (f->edge_src[f->preds[p]] == v.pred)
					st = fl->edge[f->preds[p]];
			st = block_out(in, fl, bl, st);
			if (v.sign != ((st & LIVE) ? SIGN_ZERO : SIGN_NEGATIVE))
				return false;
			any = true;
		}
	}
	return any;
}

void flow_free(flow *fl)
{
	fl->fx.release();
	fl->release_loc.release();
	fl->release_fn.release();
	fl->edge.release();
	fl->in.release();
	fl->unmap_after.release();
}
