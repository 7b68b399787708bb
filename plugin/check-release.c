// SPDX-License-Identifier: GPL-2.0-only
/*
 * Check A: pages of a live mapping may be released.
 *
 * For every instance of flow.h, a release of its pages where it may still
 * be mapped is a finding, with these refinements for mappings that are
 * live at entry (held in a field, or handed in):
 *  - a function that unmaps the mapping on some path knows its state (a
 *    state test guards the unmap): only a release that comes before an
 *    unmap on its path is reported, or one it hands to a helper where the
 *    mapping is live on every path and never unmapped after;
 *  - a helper that never touches the mapping and has callers is judged at
 *    its call sites, through its summary, not in itself, except where its
 *    own test found the mapping there;
 *  - pages handed to a mapping kept in a field (VM_MAP_PUT_PAGES) are
 *    never the code's to release.
 */

#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "flow.h"
#include "summary.h"

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

/* Does the API model give API a refcounted form? */
static bool has_counted_form(const struct api_model *model, const char *api)
{
	const struct api_entry *a = model_find(model, api);

	return a && a->counted;
}

/* Add the unmap event E to R's fix-its; false if it cannot be converted. */
static bool fix_unmap(const struct api_model *model, struct release_finding *r,
		      const struct event *e)
{
	if (e->kind != EV_UNMAP || !has_counted_form(model, e->api) || e->call == NO_LOC ||
	    r->nfix_unmap == MAX_FIXES)
		return false;
	for (int i = 0; i < r->nfix_unmap; i++)
		if (r->fix_unmap[i] == e->call)
			return true;
	r->fix_unmap_api[r->nfix_unmap] = e->api;
	r->fix_unmap[r->nfix_unmap++] = e->call;
	return true;
}

/*
 * The unmaps of the lazy-unmap list WHERE, all of which must become
 * their refcounted form once what is queued there is refcounted.  Mechanical only
 * if no other code can queue on the list or purge it.
 */
static const char *fix_list(const struct analysis *an, const struct api_model *model,
			    struct release_finding *r, struct vc_name where,
			    const struct fn *queuer)
{
	struct fn *g;

	for_each_member(an, i, g) {
		for (int k = 0; k < g->escapes.n; k++)
			if (name_equal(g->escapes.v[k].where, where) &&
			    (g->external || g->address_taken))
				return "other files may queue on the same list";
		for (int k = 0; k < g->events.n; k++) {
			const struct event *e = &g->events.v[k];
			const struct summary *s = callee_summary(an, e);

			for (int d = 0; g != queuer && s && d < s->defers.n; d++)
				if (name_equal(s->defers.v[d].where, where))
					return "other functions queue mappings on the same list";
			if (e->kind == EV_UNMAP &&
			    names_have(class_names(&g->classes, e->cls), where) &&
			    !fix_unmap(model, r, e))
				return "the list is also drained by unmaps with no refcounted form";
		}
	}
	return NULL;
}

/* A reason, formatted and kept. */
static const char *reason(const char *fmt, const char *name)
{
	char text[200];

	snprintf(text, sizeof(text), fmt, name);
	return intern_str(text);
}

/*
 * The refcounted fix as fix-its, when the edit is mechanical: the mapping
 * is made here by a map call with a refcounted form that nothing else
 * keeps, and every unmap of it (here, or of the list it is queued on) has
 * a refcounted form too.
 */
static void plan_fix(const struct analysis *an, const struct api_model *model, struct fn *f,
		     const struct instance *in, const struct flow *fl,
		     struct release_finding *r)
{
	const struct event *map = in->site >= 0 ? &f->events.v[in->site] : NULL;

	if (in->owns_pages)
		return;
	if (!map) {
		r->no_fix = "the mapping is made in another function; change its map call "
			"and every unmap of it there";
		return;
	}
	if (map->kind != EV_MAP) {
		r->no_fix = reason("the mapping is made in '%s'; change the map call there "
				   "and every unmap of it", in->origin_fn);
		return;
	}
	if (!has_counted_form(model, map->api)) {
		r->no_fix = reason("'%s' has no refcounted form", map->api);
		return;
	}
	if (map->call == NO_LOC) {
		r->no_fix = reason("the '%s' call is in a macro", map->api);
		return;
	}
	if ((fl->in.v[MODEL_EXIT_BLOCK] & (LIVE | DEFERRED)) == LIVE) {
		r->no_fix = "the mapping outlives this function, and its unmaps elsewhere "
			"would have to change too";
		return;
	}
	if (class_names(&f->classes, map->cls)->n) {
		r->no_fix = "the mapping is kept beyond this function, where other code "
			"may unmap it";
		return;
	}
	for (int k = 0; k < f->events.n; k++) {
		if ((fl->fx.v[k] & FX_UNMAP) && !fix_unmap(model, r, &f->events.v[k])) {
			r->no_fix = reason("it is also unmapped by '%s'", f->events.v[k].api);
			return;
		}
		if ((fl->fx.v[k] & FX_DEFER) && fl->defer_where.v[k].depth >= 0 &&
		    (r->no_fix = fix_list(an, model, r, fl->defer_where.v[k], f)))
			return;
		if ((fl->fx.v[k] & FX_DEFER) && fl->defer_where.v[k].depth < 0) {
			r->no_fix = reason("it is queued by '%s', whose unmap is not known",
					   f->events.v[k].api);
			return;
		}
	}
	r->fix_map = map->call;
	r->fix_map_api = map->api;
}

static void report_release(const struct flow_context *cx, const struct instance *in,
			   const struct flow *fl, int k, bool deferred, bool unmapped_later,
			   bool delegated, const struct api_model *fixits,
			   finding_vec *out)
{
	struct fn *f = cx->f;
	const struct event *e = &f->events.v[k];
	const struct event *d;
	struct finding found;
	struct release_finding *r = &found.release;

	memset(&found, 0, sizeof(found));
	found.check = CHECK_RELEASE_WHILE_MAPPED;
	found.loc = e->loc;
	found.function = f->name;
	r->defer_where.depth = -1;
	r->api = e->api;
	r->released = e->kind == EV_RELEASE ? e->what : NULL;
	r->helper_loc = fl->release_loc.v[k];
	r->helper_fn = fl->release_fn.v[k];
	r->mapping = in->what;
	r->map_loc = in->map_loc;
	r->map_fn = in->map_fn;
	r->handed_over = in->owns_pages;
	r->not_unmapped_here = (in->origin == ORIGIN_FACT && !in->aware) || delegated;
	if (deferred && (d = event_with(f, fl, FX_DEFER, -1))) {
		r->defer_loc = d->loc;
		r->defer_fn = d->api;
		r->defer_where = fl->defer_where.v[d - f->events.v];
	}
	if (unmapped_later && (d = event_with(f, fl, FX_UNMAP, k)))
		r->unmap_loc = d->loc;
	if (fixits)
		plan_fix(cx->an, fixits, f, in, fl, r);
	if (r->no_fix)
		r->nfix_unmap = 0;
	vec_push(*out, found);
}

/* Is IN unmapped on some path after event K of block B? */
static bool unmapped_after(const struct fn *f, const struct flow *fl, int b, int k)
{
	const struct block *bl = &f->blocks.v[b];

	if (fl->unmap_after.v[b])
		return true;
	for (int j = k + 1; j < bl->first_event + bl->nevents; j++)
		if (fl->fx.v[j] & FX_UNMAP)
			return true;
	return false;
}

/* Does any analysed function unmap a field or global mapping of IN? */
static bool unmapped_anywhere(const struct analysis *an, struct fn *f,
			      const struct instance *in)
{
	for (int m = 0; m < in->mapping.n; m++) {
		const name_vec *names = class_names(&f->classes, in->mapping.c[m]);

		for (int i = 0; i < names->n; i++)
			if (names_have(&an->unmapped, names->v[i]))
				return true;
	}
	return false;
}

static void check_instance(struct flow_context *cx, const struct instance *in,
			   bool *reported, const struct api_model *fixits, bool complete,
			   finding_vec *out)
{
	struct fn *f = cx->f;
	struct flow fl;
	/*
	 * Pages handed to a mapping kept in a field are never the code's to
	 * release, whatever its callers do: each release is reported where it
	 * happens.
	 */
	bool direct_only = in->origin == ORIGIN_FACT && in->owns_pages;
	bool callers_judge = false;

	/*
	 * A helper that does not know the mapping: its callers judge the
	 * call.  One reached through a pointer (an ops table, a kref release)
	 * runs in an order the table's owner decides, which is not seen here.
	 * Unless the whole build has no unmap of the mapping but in
	 * destructors of its object (which nothing can run first): then no
	 * caller can unmap it first either, and each release is reported
	 * where it happens (not again at the calls leading to it).  Only where
	 * the helper itself tests the mapping and finds it there does it know
	 * it releases mapped pages.
	 */
	if (in->origin == ORIGIN_FACT && !in->aware && !direct_only &&
	    (f->called || function_called_indirectly(cx->f))) {
		if (!complete || unmapped_anywhere(cx->an, f, in))
			callers_judge = true;
		else
			direct_only = true;
	}
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
			/*
			 * Live where its own test found it, and not unmapped on
			 * any path here: no caller unmapped it first.
			 */
			bool tested = in->origin == ORIGIN_FACT && (st & TESTED) &&
				!(st & UNMAPPED);

			/* A callee that unmaps and releases did so in that order. */
			if ((fx & FX_RELEASE) && (st & LIVE) && !reported[k] &&
			    !((fx & FX_UNMAP) && !in->owns_pages) &&
			    (!direct_only || f->events.v[k].kind == EV_RELEASE) &&
			    (!callers_judge || tested)) {
				bool later = unmapped_after(f, &fl, b, k);

				/*
				 * A function that knows the mapping and hands the
				 * release to a callee where it is live on every path,
				 * never to be unmapped after: the callee was to unmap.
				 */
				bool delegated = in->site < 0 && !(st & ENDED) && !later &&
					f->events.v[k].kind == EV_CALL;

				if (!in->aware || in->site >= 0 || later || in->owns_pages ||
				    delegated || tested) {
					report_release(cx, in, &fl, k, st & DEFERRED, later,
						       delegated || tested, fixits, out);
					reported[k] = true;
				}
			}
			st = flow_transfer(in, fx, st);
		}
	}
	flow_free(&fl);
}

/* ----- a local mapping left behind ----- */

/*
 * Is block U an unmap that a test skips ("if (err) vunmap(v)"): U leads
 * to one block J, and a block branching to U branches to J as well?
 */
static bool skippable(const struct fn *f, int u)
{
	const struct block *bu = &f->blocks.v[u];

	if (bu->nsuccs != 1)
		return false;
	int j = f->succs.v[bu->first_succ];

	for (int p = 0; p < bu->npreds; p++) {
		const struct block *a = &f->blocks.v[f->edge_src.v[f->preds.v[bu->first_pred + p]]];

		for (int s = 0; s < a->nsuccs; s++)
			if (f->succs.v[a->first_succ + s] == j)
				return true;
	}
	return false;
}

/* Is the mapping of IN one of the arguments of call event E? */
static bool handed(struct fn *f, const struct event *e, const struct instance *in)
{
	for (int i = 0; i < e->nargs; i++)
		if (set_has(f, &in->mapping, f->args.v[e->first_arg + i]))
			return true;
	return false;
}

/*
 * Does a local mapping made here reach the return on some path where
 * nothing unmapped it, in a function that unmaps it on others (ntfs3's
 * ni_write_frame(): "goto out2" past "out3: vunmap(frame_mem)")?  Then it
 * outlives the function, and the pages it maps go on to be released.
 * Not when the mapping is kept beyond the function (stored, returned),
 * queued, handed to a call that no path to an unmap follows (it may keep
 * it), or unmapped behind a test (the test may say it was handed on), or
 * when every return with it live says 0 (success: it was handed on, by a
 * call that an unmap follows only on failure).
 * *UNMAP is set to an unmap of it.
 */
static bool left_mapped(struct flow_context *cx, const struct instance *in,
			const struct flow *fl, int *unmap)
{
	struct fn *f = cx->f;

	*unmap = -1;
	if (in->origin != ORIGIN_SITE || f->events.v[in->site].kind != EV_MAP ||
	    !flow_live_at_exit(fl) || flow_fails_negative(cx, in, fl))
		return false;
	for (int m = 0; m < in->mapping.n; m++)
		if (class_names(&f->classes, in->mapping.c[m])->n)
			return false;
	for (int b = 0; b < f->blocks.n; b++) {
		const struct block *bl = &f->blocks.v[b];

		for (int k = bl->first_event; k < bl->first_event + bl->nevents; k++) {
			const struct event *e = &f->events.v[k];
			unsigned fx = fl->fx.v[k];

			if (fx & FX_DEFER)
				return false;
			if (e->kind == EV_STORE && e->pages >= 0 &&
			    set_has(f, &in->mapping, e->pages))
				return false;
			if (fx & FX_UNMAP) {
				if (skippable(f, b))
					return false;
				if (*unmap < 0)
					*unmap = k;
			} else if (e->kind == EV_CALL && handed(f, e, in) &&
				   !unmapped_after(f, fl, b, k)) {
				return false;
			}
		}
	}
	return *unmap >= 0;
}

static void check_left_mapped(struct flow_context *cx, const struct instance *in,
			      finding_vec *out)
{
	struct fn *f = cx->f;
	struct flow fl;
	int unmap;

	if (in->origin != ORIGIN_SITE || in->site < 0)
		return;
	flow_run(cx, in, &fl, false);
	flow_backward(cx, &fl);
	if (left_mapped(cx, in, &fl, &unmap)) {
		struct finding found;
		struct release_finding *r = &found.release;

		memset(&found, 0, sizeof(found));
		found.check = CHECK_RELEASE_WHILE_MAPPED;
		found.loc = f->events.v[in->site].loc;
		found.function = f->name;
		r->defer_where.depth = -1;
		r->mapping = in->what;
		r->left_mapped = true;
		r->unmap_loc = f->events.v[unmap].loc;
		vec_push(*out, found);
	}
	flow_free(&fl);
}

static void check_function(struct fn *f, const struct check_run *run, finding_vec *out)
{
	struct flow_context cx;
	bool *reported;

	if (!f->events.n)
		return;
	flow_init(&cx, run->an, f);
	flow_site_instances(&cx);
	flow_entry_instances(&cx);
	flow_name_instances(&cx);
	reported = (bool *)vc_alloc(f->events.n * sizeof(bool));
	for (int i = 0; i < cx.instances.n; i++) {
		const struct instance *in = &cx.instances.v[i];

		if (run->verbose)
			fprintf(run->verbose, "vmapcheck: %s: %s instance '%s' (%d mapping, "
				"%d page classes)%s\n", f->name,
				in->origin == ORIGIN_SITE ? "site" :
				in->origin == ORIGIN_FACT ? "fact" : "inferred",
				in->what, in->mapping.n, in->pages.n,
				in->aware ? ", aware" : "");
		int found = out->n;

		check_instance(&cx, in, reported, run->fixits, run->complete, out);
		/* A release of its pages reported here says it first. */
		if (out->n == found)
			check_left_mapped(&cx, in, out);
	}
	vc_free(reported);
	flow_release(&cx);
}

/* Every analysed function (summaries computed). */
static void release_run(const struct check_run *run, finding_vec *out)
{
	struct fn *f;

	for_each_member(run->an, i, f)
		check_function(f, run, out);
}

/* ----- the words ----- */

static struct message *warning(const struct finding *f, const struct words *w,
			       struct message *m)
{
	const struct release_finding *r = &f->release;
	const char *api = r->api, *what = r->released, *map = r->mapping;

	if (r->left_mapped)
		return say(m, false, f->loc, "'%s' may still be mapped when '%s' returns: a "
			   "path skips its unmap, and the pages it maps go on to be released",
			   map, f->function);
	if (r->handed_over)
		return what ?
			say(m, false, f->loc, "'%s' releases '%s', a page whose reference was "
			    "handed to the mapping '%s' with '%s'", api, what, map,
			    w->owner_flag) :
			say(m, false, f->loc, "'%s' releases pages whose references were "
			    "handed to the mapping '%s' with '%s'", api, map, w->owner_flag);
	if (r->unmap_loc != NO_LOC)
		return what ?
			say(m, false, f->loc, "'%s' releases '%s' while it is still mapped by "
			    "'%s', which is unmapped only later", api, what, map) :
			say(m, false, f->loc, "'%s' releases pages still mapped by '%s', which "
			    "is unmapped only later", api, map);
	return what ?
		say(m, false, f->loc, "'%s' releases '%s' while it may still be mapped by "
		    "'%s'", api, what, map) :
		say(m, false, f->loc, "'%s' releases pages that may still be mapped by "
		    "'%s'", api, map);
}

static int release_messages(const struct finding *f, const struct words *w,
			    struct message *out)
{
	const struct release_finding *r = &f->release;
	struct message *m = warning(f, w, out);

	if (r->left_mapped) {
		m = say(m, true, r->unmap_loc, "'%s' is unmapped here, on the other paths",
			r->mapping);
		m = say(m, true, f->loc, "fix: unmap '%s' on every path to the return",
			r->mapping);
		return m - out;
	}
	if (r->helper_loc != NO_LOC)
		m = say(m, true, r->helper_loc, "the pages are released here, in '%s'",
			r->helper_fn);
	if (r->map_loc != NO_LOC) {
		if (r->handed_over)
			m = say(m, true, r->map_loc, "mapping created here with '%s': '%s' of "
				"it releases the pages again", w->owner_flag, w->free_area);
		else if (r->map_fn && r->not_unmapped_here)
			m = say(m, true, r->map_loc, "mapping created here, in '%s'; nothing "
				"in '%s' unmaps '%s' before the release", r->map_fn,
				f->function, r->mapping);
		else if (r->map_fn)
			m = say(m, true, r->map_loc, "mapping created here, in '%s'", r->map_fn);
		else
			m = say(m, true, r->map_loc, "mapping created here; on this path "
				"nothing unmaps it before the release");
	}
	if (r->defer_loc != NO_LOC)
		m = say(m, true, r->defer_loc, "'%s' queued for deferred unmap here, by "
			"'%s': it stays mapped until that runs", r->mapping, r->defer_fn);
	if (r->unmap_loc != NO_LOC)
		m = say(m, true, r->unmap_loc, "'%s' is unmapped only here, after the release",
			r->mapping);
	if (r->handed_over)
		m = say(m, true, f->loc, "fix: drop this release and let '%s' release the "
			"pages, or map without '%s'", w->free_area, w->owner_flag);
	else
		m = say(m, true, f->loc, "fix: unmap '%s' before releasing its pages, or map "
			"with '%s' and unmap with '%s' so that the mapping holds its own page "
			"references", r->mapping, w->counted_map, w->counted_unmap);
	m[-1].fixits = r->fix_map != NO_LOC;
	if (r->no_fix)
		m = say(m, true, f->loc, "no fix-it: %s", r->no_fix);
	return m - out;
}

static void release_help(const struct words *w, char *buf, size_t size)
{
	snprintf(buf, size, "A kernel mapping of pages must not outlive them: once they "
		 "are released, the mapping is a stray alias of free pages, which breaks "
		 "when a page is reused as a Xen page table or mapped uncached, and lets "
		 "speculative reads through.  Unmap before releasing the pages, or map "
		 "with '%s' and unmap with '%s' so that the mapping holds its own page "
		 "references.", w->counted_map, w->counted_unmap);
}

const struct check check_release_while_mapped = {
	.id = "release-while-mapped",
	.title = "pages released while a kernel mapping of them may still exist",
	.help = release_help,
	.run = release_run,
	.messages = release_messages,
};
