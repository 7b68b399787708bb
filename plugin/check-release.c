// SPDX-License-Identifier: GPL-2.0-only
/*
 * Check A: pages of a live mapping may be released.
 *
 * For every mapping a function can see (an "instance") a forward dataflow
 * over the function's CFG tracks "may still be mapped": from the mapping
 * call (or from entry, for a mapping held in a field or passed in), killed
 * by an unmap of the mapping (directly or in a callee) and on the edge
 * where the mapping is NULL or an error pointer.  A release of the mapped
 * pages where it may still be mapped is a finding.  Queueing the address
 * for a deferred unmap does not kill; it is remembered for the notes.
 *
 * Instances:
 *  - site: a map call here, or a call to a function that returns a mapping
 *    (through its result, an out-parameter or a field);
 *  - fact: "obj->vaddr maps obj->pages" learnt anywhere in the unit; live
 *    at entry.  If the function unmaps obj->vaddr on some path it knows
 *    the mapping's state (a state test guards the unmap), so only a
 *    release that comes before an unmap on its path is reported;
 *  - inferred: a function that unmaps a mapping it was given (vunmap()
 *    of a parameter, say) and releases pages from outside before that
 *    unmap on some path: release-then-unmap, as in a teardown helper.
 */

#include "check-release.h"
#include "report.h"
#include "summary.h"

#define MAX_SET 8

enum origin { ORIGIN_SITE, ORIGIN_FACT, ORIGIN_INFERRED };

struct class_set {
	int n;
	int c[MAX_SET];
};

struct instance {
	enum origin origin;
	int site;			/* event creating it; -1: live at entry */
	class_set mapping;		/* classes holding the mapping */
	class_set pages;		/* page classes; empty: any from outside */
	class_set arrays;		/* fact: arrays holding those pages */
	bool owns_pages;
	bool aware;			/* the function unmaps it somewhere */
	location_t map_loc;
	const char *map_fn;		/* function of map_loc, if not this one */
	const char *what;		/* the mapping as source text */
};

/* What one event does to one instance. */
enum {
	FX_GEN = 1,
	FX_UNMAP = 2,
	FX_RELEASE = 4,
	FX_DEFER = 8,
	FX_FRESH = 16,		/* new pages or a new array stored: not mapped */
};

/* The forward state of an instance. */
enum { LIVE = 1, DEFERRED = 2 };

/* Where a release or a defer happens inside a callee, for the notes. */
struct event_note {
	location_t loc;
	const char *via;
};

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

static bool set_has(fn *f, const class_set *s, int c)
{
	if (c < 0)
		return false;
	c = class_find(&f->classes, c);
	for (int i = 0; i < s->n; i++)
		if (s->c[i] == c)
			return true;
	return false;
}

static bool from_outside(fn *f, int c)
{
	const vec<vc_name> &names = class_names(&f->classes, c);

	for (unsigned i = 0; i < names.length(); i++)
		if (name_is_entry_state(names[i]))
			return true;
	return false;
}

struct context {
	fn *f;
	vec<instance> instances;
	class_set site_pages;		/* pages mapped by site instances */
};

static bool pages_match(context *cx, const instance *in, int c)
{
	if (in->pages.n)
		return set_has(cx->f, &in->pages, c);
	return from_outside(cx->f, c) && !set_has(cx->f, &cx->site_pages, c);
}

/* The effects of event K on instance IN; *NOTE: a callee's release site. */
static unsigned event_effects(context *cx, const instance *in, int k,
			      event_note *note)
{
	fn *f = cx->f;
	const event e = f->events[k];
	const summary *s;
	unsigned fx = k == in->site ? FX_GEN : 0;

	note->loc = UNKNOWN_LOCATION;
	note->via = NULL;
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
				note->loc = s->releases[i].loc;
				note->via = s->releases[i].via;
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
			     const char *map_fn, const char *what)
{
	instance in = {};

	in.origin = origin;
	in.site = site;
	in.map_loc = map_loc;
	in.map_fn = map_fn;
	in.what = what;
	return in;
}

/* Mappings created by calls here: one instance per map site of the callee. */
static void call_instances(context *cx, int k)
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
			if (cx->instances[j].map_loc == m.loc)
				break;
		if (j == cx->instances.length()) {
			instance in = new_instance(ORIGIN_SITE, k, e.loc, NULL,
						   m.holder.kind == NAME_RET ? e.what : NULL);
			in.owns_pages = m.owns_pages;
			cx->instances.safe_push(in);
		}
		set_add(f, &cx->instances[j].mapping, h);
		set_add(f, &cx->instances[j].pages, p);
	}
}

static bool maps_into(context *cx, int c)
{
	for (unsigned i = 0; i < cx->instances.length(); i++)
		if (cx->instances[i].origin == ORIGIN_SITE &&
		    set_has(cx->f, &cx->instances[i].mapping, c))
			return true;
	return false;
}

/* Does the function (or a callee) unmap one of IN's mapping classes? */
static bool unmaps_somewhere(context *cx, const instance *in)
{
	event_note note;

	for (unsigned k = 0; k < cx->f->events.length(); k++)
		if (event_effects(cx, in, k, &note) & FX_UNMAP)
			return true;
	return false;
}

static void fact_instances(context *cx)
{
	fn *f = cx->f;

	for (unsigned i = 0; i < unit_facts.length(); i++) {
		const mapping_effect &m = unit_facts[i];
		int h = class_of_name(&f->classes, m.holder, NULL, 0, -1);
		int p = class_of_name(&f->classes, m.pages, NULL, 0, -1);
		vc_name array;
		unsigned j;

		if (h < 0 || p < 0 || maps_into(cx, h))
			continue;
		/* One instance per holder, with the pages of all its facts. */
		for (j = 0; j < i; j++)
			if (name_equal(unit_facts[j].holder, m.holder))
				break;
		if (j < i)
			continue;

		instance in = new_instance(ORIGIN_FACT, -1, m.loc,
					   strcmp(m.via, f->name) ? m.via : NULL, m.what);
		for (unsigned k = i; k < unit_facts.length(); k++) {
			if (!name_equal(unit_facts[k].holder, m.holder))
				continue;
			set_add(f, &in.pages, class_of_name(&f->classes, unit_facts[k].pages,
							    NULL, 0, -1));
			array = unit_facts[k].pages;
			array.depth--;
			set_add(f, &in.arrays, class_of_name(&f->classes, array, NULL, 0, -1));
		}
		set_add(f, &in.mapping, h);
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

static bool known_mapping(context *cx, int c)
{
	for (unsigned i = 0; i < cx->instances.length(); i++)
		if (set_has(cx->f, &cx->instances[i].mapping, c))
			return true;
	return false;
}

static void inferred_instance(context *cx, int c, const char *what)
{
	fn *f = cx->f;

	if (c < 0 || !from_outside(f, c) || known_mapping(cx, c) || is_fact_holder(f, c))
		return;

	instance in = new_instance(ORIGIN_INFERRED, -1, UNKNOWN_LOCATION, NULL, what);
	set_add(f, &in.mapping, c);
	in.aware = true;
	cx->instances.safe_push(in);
}

/* A mapping the source does not name here is called what unmaps it. */
static void name_instance(context *cx, instance *in)
{
	for (unsigned k = 0; !in->what && k < cx->f->events.length(); k++) {
		const event &e = cx->f->events[k];

		if (e.kind == EV_UNMAP && set_has(cx->f, &in->mapping, e.cls))
			in->what = e.what;
	}
	if (!in->what)
		in->what = "the mapping";
}

static void build_instances(context *cx)
{
	fn *f = cx->f;

	for (unsigned k = 0; k < f->events.length(); k++) {
		const event &e = f->events[k];

		if (e.kind == EV_MAP) {
			instance in = new_instance(ORIGIN_SITE, k, e.loc, NULL, e.what);

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

	fact_instances(cx);

	/* Only APIs that do nothing but unmap say their operand is a mapping. */
	for (unsigned k = 0; k < f->events.length(); k++) {
		const event e = f->events[k];
		const summary *s = callee_summary(e);

		if (e.kind == EV_UNMAP && e.certain)
			inferred_instance(cx, e.cls, e.what);
		for (unsigned i = 0; s && i < s->unmaps.length(); i++)
			if (s->unmaps[i].certain)
				inferred_instance(cx, bind_name(f, e, s->unmaps[i].name),
						  NULL);
	}
	for (unsigned i = 0; i < cx->instances.length(); i++)
		name_instance(cx, &cx->instances[i]);
}

/* ----- dataflow ----- */

struct flow {
	vec<unsigned char> fx;		/* per event */
	vec<event_note> notes;		/* per event */
	vec<unsigned char> in;		/* forward state at block entry */
	vec<unsigned char> unmap_after;	/* an unmap is reachable from block end */
};

static unsigned char transfer(const instance *in, unsigned fx, unsigned char st)
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

static void forward(context *cx, const instance *in, flow *fl)
{
	fn *f = cx->f;
	auto_vec<int> work;

	if (in->site < 0)
		fl->in[ENTRY_BLOCK] = LIVE;
	for (unsigned b = 0; b < f->blocks.length(); b++)
		work.safe_push(b);
	while (!work.is_empty()) {
		int b = work.pop();
		const block &bl = f->blocks[b];
		unsigned char st = fl->in[b];

		for (int k = bl.first_event; k < bl.first_event + bl.nevents; k++)
			st = transfer(in, fl->fx[k], st);
		for (int i = 0; i < bl.nsuccs; i++) {
			int s = f->succs[bl.first_succ + i];
			unsigned char out = st;

			if (s == bl.null_succ && set_has(f, &in->mapping, bl.null_cls))
				out = 0;
			if ((fl->in[s] | out) != fl->in[s]) {
				fl->in[s] |= out;
				work.safe_push(s);
			}
		}
	}
}

static bool block_unmaps(const flow *fl, const block &bl)
{
	for (int k = bl.first_event; k < bl.first_event + bl.nevents; k++)
		if (fl->fx[k] & FX_UNMAP)
			return true;
	return false;
}

static void backward(context *cx, flow *fl)
{
	fn *f = cx->f;

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

/* The first event with an effect in MASK, preferring those after event K. */
static const event *event_with(const fn *f, const flow *fl, unsigned mask, int k)
{
	const event *first = NULL;

	for (unsigned j = 0; j < fl->fx.length(); j++) {
		if (!(fl->fx[j] & mask))
			continue;
		if ((int)j > k)
			return &f->events[j];
		if (!first)
			first = &f->events[j];
	}
	return first;
}

static void report_release(context *cx, const instance *in, const flow *fl, int k,
			   bool deferred, bool unmapped_later)
{
	fn *f = cx->f;
	const event &e = f->events[k];
	const event *d;
	finding r = {};

	r.loc = e.loc;
	r.function = f->name;
	r.release_api = e.api;
	r.released = e.kind == EV_RELEASE ? e.what : NULL;
	r.helper_loc = e.kind == EV_CALL ? fl->notes[k].loc : UNKNOWN_LOCATION;
	r.helper_fn = fl->notes[k].via;
	r.mapping = in->what;
	r.map_loc = in->map_loc;
	r.map_fn = in->map_fn;
	r.handed_over = in->owns_pages;
	r.not_unmapped_here = in->origin == ORIGIN_FACT && !in->aware;
	if (deferred && (d = event_with(f, fl, FX_DEFER, -1))) {
		r.defer_loc = d->loc;
		r.defer_fn = d->api;
	}
	if (unmapped_later && (d = event_with(f, fl, FX_UNMAP, k)))
		r.unmap_loc = d->loc;
	report_add(&r);
}

static void check_instance(context *cx, const instance *in, vec<bool> &reported)
{
	fn *f = cx->f;
	unsigned nev = f->events.length(), nbb = f->blocks.length();
	flow fl;

	fl.fx = vNULL;
	fl.notes = vNULL;
	fl.in = vNULL;
	fl.unmap_after = vNULL;
	fl.fx.safe_grow_cleared(nev);
	fl.notes.safe_grow_cleared(nev);
	fl.in.safe_grow_cleared(nbb);
	fl.unmap_after.safe_grow_cleared(nbb);

	bool any_release = false;
	for (unsigned k = 0; k < nev; k++) {
		fl.fx[k] = event_effects(cx, in, k, &fl.notes[k]);
		any_release |= fl.fx[k] & FX_RELEASE;
	}
	if (!any_release)
		goto out;

	forward(cx, in, &fl);
	backward(cx, &fl);

	for (unsigned b = 0; b < nbb; b++) {
		const block &bl = f->blocks[b];
		unsigned char st = fl.in[b];

		for (int k = bl.first_event; k < bl.first_event + bl.nevents; k++) {
			unsigned fx = fl.fx[k];

			/* A callee that unmaps and releases did so in that order. */
			if ((fx & FX_RELEASE) && (st & LIVE) && !reported[k] &&
			    !((fx & FX_UNMAP) && !in->owns_pages)) {
				bool later = fl.unmap_after[b];

				for (int j = k + 1; j < bl.first_event + bl.nevents; j++)
					later |= fl.fx[j] & FX_UNMAP;
				if (!in->aware || in->site >= 0 || later) {
					report_release(cx, in, &fl, k, st & DEFERRED, later);
					reported[k] = true;
				}
			}
			st = transfer(in, fx, st);
		}
	}
out:
	fl.fx.release();
	fl.notes.release();
	fl.in.release();
	fl.unmap_after.release();
}

void check_released_while_mapped(fn *f, bool verbose)
{
	context cx = {};
	auto_vec<bool> reported;

	if (f->events.is_empty())
		return;
	cx.f = f;
	cx.instances = vNULL;
	build_instances(&cx);
	reported.safe_grow_cleared(f->events.length());
	for (unsigned i = 0; i < cx.instances.length(); i++) {
		const instance *in = &cx.instances[i];

		if (verbose)
			fprintf(stderr, "vmapcheck: %s: %s instance '%s' (%d mapping, "
				"%d page classes)%s\n", f->name,
				in->origin == ORIGIN_SITE ? "site" :
				in->origin == ORIGIN_FACT ? "fact" : "inferred",
				in->what, in->mapping.n, in->pages.n,
				in->aware ? ", aware" : "");
		check_instance(&cx, in, reported);
	}
	cx.instances.release();
}
