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
 *  - a helper that never touches the mapping and has callers is judged at
 *    its call sites, through its summary, not in itself.
 */

#include "check-release.h"
#include "flow.h"

/* The first event with an effect in MASK, preferring those after event K. */
static const struct event *event_with(const struct fn *f, const struct flow *fl,
				      unsigned mask, int k)
{
	const struct event *first = NULL;

	for (int j = 0; j < fl->fx.n; j++) {
		if (!(fl->fx.v[j] & mask))
			continue;
		if (j > k)
			return &f->events.v[j];
		if (!first)
			first = &f->events.v[j];
	}
	return first;
}

static void report_release(struct fn *f, const struct instance *in, const struct flow *fl,
			   int k, bool deferred, bool unmapped_later, finding_vec *out)
{
	const struct event *e = &f->events.v[k];
	const struct event *d;
	struct finding r = { 0 };

	r.kind = FINDING_RELEASE;
	r.loc = e->loc;
	r.defer_where.depth = -1;
	r.function = f->name;
	r.release_api = e->api;
	r.released = e->kind == EV_RELEASE ? e->what : NULL;
	r.helper_loc = fl->release_loc.v[k];
	r.helper_fn = fl->release_fn.v[k];
	r.mapping = in->what;
	r.map_loc = in->map_loc;
	r.map_fn = in->map_fn;
	r.handed_over = in->owns_pages;
	r.not_unmapped_here = in->origin == ORIGIN_FACT && !in->aware;
	if (deferred && (d = event_with(f, fl, FX_DEFER, -1))) {
		r.defer_loc = d->loc;
		r.defer_fn = d->api;
		r.defer_where = fl->defer_where.v[d - f->events.v];
	}
	if (unmapped_later && (d = event_with(f, fl, FX_UNMAP, k)))
		r.unmap_loc = d->loc;
	vec_push(*out, r);
}

static void check_instance(struct flow_context *cx, const struct instance *in,
			   bool *reported, finding_vec *out)
{
	struct fn *f = cx->f;
	struct flow fl;

	/* A helper that does not know the mapping: its callers judge the call. */
	if (in->origin == ORIGIN_FACT && !in->aware && f->called)
		return;
	if (!flow_run(cx, in, &fl, true)) {
		flow_free(&fl);
		return;
	}
	flow_backward(cx, &fl);

	for (int b = 0; b < f->blocks.n; b++) {
		const struct block *bl = &f->blocks.v[b];
		unsigned char st = fl.in.v[b];

		for (int k = bl->first_event; k < bl->first_event + bl->nevents; k++) {
			unsigned fx = fl.fx.v[k];

			/* A callee that unmaps and releases did so in that order. */
			if ((fx & FX_RELEASE) && (st & LIVE) && !reported[k] &&
			    !((fx & FX_UNMAP) && !in->owns_pages)) {
				bool later = fl.unmap_after.v[b];

				for (int j = k + 1; j < bl->first_event + bl->nevents; j++)
					later |= fl.fx.v[j] & FX_UNMAP;
				if (!in->aware || in->site >= 0 || later) {
					report_release(f, in, &fl, k, st & DEFERRED, later, out);
					reported[k] = true;
				}
			}
			st = flow_transfer(in, fx, st);
		}
	}
	flow_free(&fl);
}

void check_released_while_mapped(struct fn *f, finding_vec *out, FILE *verbose)
{
	struct flow_context cx;
	bool *reported;

	if (!f->events.n)
		return;
	flow_init(&cx, f);
	flow_site_instances(&cx);
	flow_entry_instances(&cx);
	flow_name_instances(&cx);
	reported = (bool *)vc_alloc(f->events.n * sizeof(bool));
	for (int i = 0; i < cx.instances.n; i++) {
		const struct instance *in = &cx.instances.v[i];

		if (verbose)
			fprintf(verbose, "vmapcheck: %s: %s instance '%s' (%d mapping, "
				"%d page classes)%s\n", f->name,
				in->origin == ORIGIN_SITE ? "site" :
				in->origin == ORIGIN_FACT ? "fact" : "inferred",
				in->what, in->mapping.n, in->pages.n,
				in->aware ? ", aware" : "");
		check_instance(&cx, in, reported, out);
	}
	vc_free(reported);
	flow_release(&cx);
}
