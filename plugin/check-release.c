// SPDX-License-Identifier: GPL-2.0-only
/*
 * Check A: pages of a live mapping may be released.
 *
 * For every instance of flow.h, a release of its pages where it may still
 * be mapped is a finding, with these refinements for mappings that are
 * live at entry (held in a field, or handed in):
 *  - a function that unmaps the mapping on some path knows its state (a
 *    state test guards the unmap): only a release that comes before an
 *    unmap on its path is reported;
 *  - a helper that never touches the mapping and is called from this unit
 *    is judged at its call sites, through its summary, not in itself.
 */

#include "check-release.h"
#include "flow.h"
#include "report.h"

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

static void report_release(fn *f, const instance *in, const flow *fl, int k,
			   bool deferred, bool unmapped_later)
{
	const event &e = f->events[k];
	const event *d;
	finding r = {};

	r.loc = e.loc;
	r.function = f->name;
	r.release_api = e.api;
	r.released = e.kind == EV_RELEASE ? e.what : NULL;
	r.helper_loc = fl->release_loc[k];
	r.helper_fn = fl->release_fn[k];
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

static void check_instance(flow_context *cx, const instance *in, vec<bool> &reported)
{
	fn *f = cx->f;
	flow fl;

	/* A helper that does not know the mapping: its callers judge the call. */
	if (in->origin == ORIGIN_FACT && !in->aware && f->called)
		return;
	if (!flow_run(cx, in, &fl, true)) {
		flow_free(&fl);
		return;
	}
	flow_backward(cx, &fl);

	for (unsigned b = 0; b < f->blocks.length(); b++) {
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
					report_release(f, in, &fl, k, st & DEFERRED, later);
					reported[k] = true;
				}
			}
			st = flow_transfer(in, fx, st);
		}
	}
	flow_free(&fl);
}

void check_released_while_mapped(fn *f, bool verbose)
{
	flow_context cx;
	auto_vec<bool> reported;

	if (f->events.is_empty())
		return;
	flow_init(&cx, f);
	flow_site_instances(&cx);
	flow_entry_instances(&cx);
	flow_name_instances(&cx);
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
	flow_release(&cx);
}
