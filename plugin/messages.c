// SPDX-License-Identifier: GPL-2.0-only
/*
 * The words of a finding (see messages.h).  Names are quoted with ' as
 * GCC does in the C locale.  The API names the advice uses come from the
 * API model.
 */

#include <stdarg.h>
#include <stdio.h>

#include "messages.h"

/* The API names of the advice. */
struct words {
	const char *owner_flag;		/* hands the pages to a mapping */
	const char *free_area;		/* frees a mapping (and owned pages) */
	const char *counted_map;	/* the refcounted map and unmap */
	const char *counted_unmap;
	const char *hook;		/* a flush hook to suggest */
};

static const char *or(const char *name, const char *otherwise)
{
	return name ? name : otherwise;
}

static struct words words_of(const struct api_model *model)
{
	struct words w = {
		or(model_owner_flag(model), "the flag"),
		or(model_first(model, API_FREE_AREA), "free"),
		or(model_first(model, API_MAP_COUNTED), "a refcounted map"),
		or(model_first(model, API_UNMAP_COUNTED), "its unmap"),
		or(model_first(model, API_HOOK), "a hook"),
	};
	return w;
}

static struct message *say(struct message *m, bool note, vc_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static struct message *say(struct message *m, bool note, vc_loc loc, const char *fmt, ...)
{
	va_list ap;

	m->note = note;
	m->fixits = false;
	m->loc = loc;
	va_start(ap, fmt);
	vsnprintf(m->text, sizeof(m->text), fmt, ap);
	va_end(ap);
	return m + 1;
}

static struct message *warning(const struct finding *f, const struct words *w,
			       struct message *m)
{
	const char *api = f->release_api, *what = f->released, *map = f->mapping;

	if (f->handed_over)
		return what ?
			say(m, false, f->loc, "'%s' releases '%s', a page whose reference was "
			    "handed to the mapping '%s' with '%s' [vmapcheck]",
			    api, what, map, w->owner_flag) :
			say(m, false, f->loc, "'%s' releases pages whose references were "
			    "handed to the mapping '%s' with '%s' [vmapcheck]",
			    api, map, w->owner_flag);
	if (f->unmap_loc != NO_LOC)
		return what ?
			say(m, false, f->loc, "'%s' releases '%s' while it is still mapped by "
			    "'%s', which is unmapped only later [vmapcheck]", api, what, map) :
			say(m, false, f->loc, "'%s' releases pages still mapped by '%s', which "
			    "is unmapped only later [vmapcheck]", api, map);
	return what ?
		say(m, false, f->loc, "'%s' releases '%s' while it may still be mapped by "
		    "'%s' [vmapcheck]", api, what, map) :
		say(m, false, f->loc, "'%s' releases pages that may still be mapped by "
		    "'%s' [vmapcheck]", api, map);
}

static int lazy_list_messages(const struct finding *f, const struct words *w,
			      struct message *out)
{
	struct message *m = out;
	const char *why = f->unprotected_loc != NO_LOC && f->no_hook ?
		"their pages are released while they are queued, and no flush hook "
		"drains the list" :
		f->unprotected_loc != NO_LOC ? "their pages are released while they are queued" :
		"no flush hook drains the list";

	m = say(m, false, f->loc, "'%s' queues mappings on the lazy-unmap list '%s' "
		"instead of unmapping them; %s [vmapcheck]", f->function, f->list, why);
	for (int i = 0; i < MAX_SITES && f->queue_loc[i] != NO_LOC; i++)
		m = say(m, true, f->queue_loc[i], "a mapping is queued here, in '%s'",
			f->queue_fn[i]);
	for (int i = 0; i < MAX_SITES && f->purge_loc[i] != NO_LOC; i++)
		m = say(m, true, f->purge_loc[i], "the list is purged here, in '%s'",
			f->purge_fn[i]);
	if (f->purge_loc[0] == NO_LOC)
		m = say(m, true, f->loc, "nothing unmaps the addresses on '%s'", f->list);
	if (f->unprotected_loc != NO_LOC)
		m = say(m, true, f->unprotected_loc, "pages of a queued mapping are released "
			"here, in '%s', while it is still on the list", f->unprotected_fn);
	if (f->no_hook)
		m = say(m, true, f->purge_loc[0] != NO_LOC ? f->purge_loc[0] : f->loc,
			"no flush hook reaches a purge of '%s': no vmap purge notifier, "
			"shrinker, OOM notifier or CPU-hotplug callback leads here", f->list);
	if (f->unprotected_loc != NO_LOC)
		m = say(m, true, f->loc, "fix: map with '%s' and unmap with '%s' so that "
			"queued mappings hold their pages%s%s%s", w->counted_map,
			w->counted_unmap, f->no_hook ? ", and drain the list from a flush "
			"hook such as '" : "", f->no_hook ? w->hook : "", f->no_hook ? "'" : "");
	else
		m = say(m, true, f->loc, "fix: drain the list from a flush hook such as '%s'",
			w->hook);
	return m - out;
}

int finding_messages(const struct finding *f, const struct api_model *model,
		     struct message *out)
{
	struct words w = words_of(model);

	if (f->kind == FINDING_LAZY_LIST)
		return lazy_list_messages(f, &w, out);

	struct message *m = warning(f, &w, out);

	if (f->helper_loc != NO_LOC)
		m = say(m, true, f->helper_loc, "the pages are released here, in '%s'",
			f->helper_fn);
	if (f->map_loc != NO_LOC) {
		if (f->handed_over)
			m = say(m, true, f->map_loc, "mapping created here with '%s': '%s' of "
				"it releases the pages again", w.owner_flag, w.free_area);
		else if (f->map_fn && f->not_unmapped_here)
			m = say(m, true, f->map_loc, "mapping created here, in '%s'; nothing "
				"in '%s' unmaps '%s' before the release", f->map_fn,
				f->function, f->mapping);
		else if (f->map_fn)
			m = say(m, true, f->map_loc, "mapping created here, in '%s'", f->map_fn);
		else
			m = say(m, true, f->map_loc, "mapping created here; on this path "
				"nothing unmaps it before the release");
	}
	if (f->defer_loc != NO_LOC)
		m = say(m, true, f->defer_loc, "'%s' queued for deferred unmap here, by "
			"'%s': it stays mapped until that runs", f->mapping, f->defer_fn);
	if (f->unmap_loc != NO_LOC)
		m = say(m, true, f->unmap_loc, "'%s' is unmapped only here, after the release",
			f->mapping);
	if (f->handed_over)
		m = say(m, true, f->loc, "fix: drop this release and let '%s' release the "
			"pages, or map without '%s'", w.free_area, w.owner_flag);
	else
		m = say(m, true, f->loc, "fix: unmap '%s' before releasing its pages, or map "
			"with '%s' and unmap with '%s' so that the mapping holds its own page "
			"references", f->mapping, w.counted_map, w.counted_unmap);
	m[-1].fixits = f->fix_map != NO_LOC;
	if (f->no_fix)
		m = say(m, true, f->loc, "no fix-it: %s", f->no_fix);
	return m - out;
}
